"""What the offline model reads: the message, and its closing half read apart.

A pitch behind a warm opener ("How was Portugal? … anyway, 15 minutes Thursday?") and a
minimal pair (same opening, another ask) differ in what they ask, which sits at the end;
one embedding of the whole message averages the ask with the opener. So a message of two
or more sentences is embedded as two pieces, its head and its tail (sentences from the
end until they hold half the characters), and the model reads

- the message: the two pieces' vectors averaged by length (cosine 0.99 with the whole
  message's own vector on the corpus), and
- the tail's difference from it, scaled by TAIL_SCALE: zero for a one-sentence message,
  so a short message is read exactly as the message alone would be.

The two pieces hold the message's tokens once, so this costs what one embedding of the
whole message costs. Chosen by leave-one-batch-out measurement (docs/offline-model.md,
"Reading the ask").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from reply_assistant.backends.offline.encoder import prepare

# What the feature rows depend on besides the encoder: a model fitted on other features
# must not read these.
FEATURES_ID = "head-tail-v1"
TAIL_SCALE = 0.5
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


class Embeds(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def head_and_tail(text: str) -> tuple[str, str] | None:
    """The message's head and tail (the closing sentences holding at least half its
    characters), or None for a message of one sentence."""
    sentences = [s for s in _SENTENCE_END.split(prepare(text)) if s]
    if len(sentences) < 2:
        return None
    total = sum(map(len, sentences))
    start, tail_chars = len(sentences), 0
    while start > 1 and tail_chars < total / 2:
        start -= 1
        tail_chars += len(sentences[start])
    return " ".join(sentences[:start]), " ".join(sentences[start:])


def message_features(encoder: Embeds, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """For each text: its message vector (n, d), l2-normalised, which the corrections
    memory compares; and the model's feature rows (n, 2d). One embedding call."""
    splits = [head_and_tail(text) for text in texts]
    pieces: list[str] = []
    for text, split in zip(texts, splits, strict=True):
        pieces.extend(split if split else (text,))
    vectors = encoder.embed(pieces).astype(np.float64)
    messages = np.empty((len(texts), vectors.shape[1]))
    tails = np.empty_like(messages)
    at = 0
    for row, split in enumerate(splits):
        if split is None:
            messages[row] = tails[row] = vectors[at]
            at += 1
            continue
        head, tail = vectors[at], vectors[at + 1]
        mixed = len(split[0]) * head + len(split[1]) * tail
        messages[row] = mixed / np.linalg.norm(mixed)
        tails[row] = tail
        at += 2
    return messages, np.hstack([messages, TAIL_SCALE * (tails - messages)])
