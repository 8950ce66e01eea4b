"""What the person did with each draft: the quality figure no labelled set gives.

Recorded when a decision is (`ResultsMixin.record_decision`): an accept is "accepted" when
the draft went out as written, "edited" after changes (with the normalised character edit
distance between draft and sent text), "replaced" when little of the draft was kept; a
skip is "skipped", a relabel "relabelled". Each row names the draft's backend, model and
prompt version and the label in force. An undone decision's outcome stops counting.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz.distance import Levenshtein

from reply_assistant.store.base import CURRENT_VERDICT_ID
from reply_assistant.store.records import iso

# The migration that makes the table (schema.MIGRATIONS): once shipped, never edited.
DRAFT_OUTCOMES_TABLE = """
CREATE TABLE draft_outcomes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL REFERENCES messages (id),
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    outcome TEXT NOT NULL,  -- accepted | edited | replaced | skipped | relabelled
    edit_distance REAL,  -- normalised Levenshtein, 0 unchanged .. 1 nothing kept; NULL unsent
    backend TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX draft_outcomes_by_time ON draft_outcomes (created_at);
"""
OUTCOMES = ("accepted", "edited", "replaced", "skipped", "relabelled")
# Sent with more than this share of its characters changed, a draft was replaced, not edited.
REPLACED_ABOVE = 0.6
_OUTCOME_OF_DECISION = {"accept": None, "skip": "skipped", "relabel": "relabelled"}


@dataclass(frozen=True, slots=True)
class DraftOutcome:
    outcome: str
    edit_distance: float | None
    backend: str
    model: str
    prompt_version: str
    label: str
    created_at: str


def edit_distance(draft: str, sent: str) -> float:
    """Character-level Levenshtein distance over the longer text's length: 0.0 .. 1.0."""
    return Levenshtein.normalized_distance(draft.strip(), sent.strip())


def record_outcome(
    db: sqlite3.Connection, message_id: str, kind: str, decision_id: int, created_at: str
) -> None:
    """The outcome of decision `kind` on the message's draft, inside the caller's
    transaction and before a relabel replaces the verdict. No row when the decision says
    nothing about a draft (copy, reopen), or there is no assistant draft, or the verdict
    suggested no reply."""
    if kind not in _OUTCOME_OF_DECISION:
        return
    draft = db.execute(
        """SELECT text, provenance FROM drafts
           WHERE message_id = ? AND json_extract(provenance, '$.backend') != 'user'
           ORDER BY id DESC LIMIT 1""",
        (message_id,),
    ).fetchone()
    verdict = db.execute(
        f"""SELECT label, action FROM verdicts
            WHERE id = {CURRENT_VERDICT_ID.format(message_id="?")}""",
        (message_id,),
    ).fetchone()
    if draft is None or verdict is None or verdict["action"] == "no_reply":
        return
    outcome, distance = _OUTCOME_OF_DECISION[kind], None
    if kind == "accept":
        edited = db.execute("SELECT text FROM edits WHERE message_id = ?", (message_id,)).fetchone()
        sent = edited["text"] if edited else draft["text"]
        distance = round(edit_distance(draft["text"], sent), 4)
        if distance == 0:
            outcome = "accepted"
        else:
            outcome = "replaced" if distance > REPLACED_ABOVE else "edited"
    provenance = json.loads(draft["provenance"])
    db.execute(
        """INSERT INTO draft_outcomes (message_id, decision_id, outcome, edit_distance,
               backend, model, prompt_version, label, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            message_id,
            decision_id,
            outcome,
            distance,
            provenance.get("backend", ""),
            provenance.get("model", ""),
            provenance.get("prompt_version", ""),
            verdict["label"],
            created_at,
        ),
    )


def read_outcomes(db: sqlite3.Connection, since: datetime | None = None) -> list[DraftOutcome]:
    """Outcomes of decisions not undone, oldest first, from `since` (UTC) on."""
    rows = db.execute(
        """SELECT o.outcome, o.edit_distance, o.backend, o.model, o.prompt_version, o.label,
                  o.created_at
           FROM draft_outcomes o JOIN decisions d ON d.id = o.decision_id
           WHERE d.undone = 0 AND o.created_at >= ?
           ORDER BY o.id""",
        (iso(since) if since else "",),
    )
    return [DraftOutcome(*row) for row in rows]
