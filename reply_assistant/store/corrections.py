"""The person's corrections as the offline model learns from them and `reply-assistant
corrections` lists them: one per message the person labelled on their own, the newest
relabel, else an accept (or copy) of the verdict in force.

Sender marks and bulk actions (decisions with an `action_id`) are left out: a mark says
who the sender is and a bulk "done" confirms no one label, so neither says what a
message's words mean. An undone decision stops counting at once: nothing is copied out
of the decisions table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reply_assistant.models import with_subject
from reply_assistant.store.base import CURRENT_VERDICT_ID, StoreBase
from reply_assistant.store.embeddings import EmbeddingTable
from reply_assistant.store.records import parse_iso

_CORRECTIONS = f"""
WITH chosen AS (
    SELECT d.id, d.message_id, d.kind, d.label, d.created_at,
           ROW_NUMBER() OVER (
               PARTITION BY d.message_id ORDER BY d.kind = 'relabel' DESC, d.id DESC
           ) AS rank
    FROM decisions d
    WHERE d.undone = 0 AND d.action_id IS NULL AND d.kind IN ('relabel', 'accept', 'copy')
)
SELECT c.message_id, c.created_at, m.sender_name, m.text, m.subject,
       CASE c.kind WHEN 'relabel' THEN 'relabel' ELSE 'accept' END AS kind,
       CASE c.kind WHEN 'relabel' THEN c.label ELSE v.label END AS label,
       (SELECT a.label FROM verdicts a
        WHERE a.message_id = c.message_id AND a.source = 'assistant'
          AND a.created_at <= c.created_at
        ORDER BY a.id DESC LIMIT 1) AS model_label
FROM chosen c
JOIN messages m ON m.id = c.message_id
LEFT JOIN verdicts v ON v.id = {CURRENT_VERDICT_ID.format(message_id="c.message_id")}
-- an accept confirms the assistant's label; one of a mark's verdict is the mark's
WHERE c.rank = 1 AND (c.kind = 'relabel' OR v.source = 'assistant')
ORDER BY c.created_at, c.id
"""


@dataclass(frozen=True, slots=True)
class CorrectionEntry:
    """A label the person gave a message (relabel) or confirmed (accept)."""

    message_id: str
    decided_at: datetime
    sender: str
    text: str  # as judged: the subject line, when there is one, then the body
    kind: str  # relabel | accept
    label: str
    model_label: str | None  # what the assistant had said before, when it had


def read_corrections(db) -> list[CorrectionEntry]:
    """Oldest first."""
    return [
        CorrectionEntry(
            message_id=row["message_id"],
            decided_at=parse_iso(row["created_at"]),
            sender=row["sender_name"],
            text=with_subject(row["subject"], row["text"]),
            kind=row["kind"],
            label=row["label"],
            model_label=row["model_label"],
        )
        for row in db.execute(_CORRECTIONS)
    ]


class CorrectionsMixin(StoreBase):
    def correction_entries(self) -> list[CorrectionEntry]:
        """The person's corrections, oldest first (`reply-assistant corrections`)."""
        return read_corrections(self._db)


class ModelMemory(EmbeddingTable):
    """What the offline model keeps in the state file: the embeddings, and the corrections
    it learns from (backends.offline.corrections.CorrectionSource)."""

    def labelled_texts(self) -> list[CorrectionEntry]:
        with self._lock:
            return read_corrections(self._db)
