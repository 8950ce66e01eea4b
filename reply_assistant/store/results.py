"""What the assistant and the person produced: verdicts, drafts, edits, errors, decisions."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from reply_assistant.models import DEFAULT_ACTION, Draft, Label, Provenance, Verdict
from reply_assistant.store.base import CURRENT_VERDICT_ID, STATUS, StoreBase
from reply_assistant.store.draft_outcomes import DraftOutcome, read_outcomes, record_outcome
from reply_assistant.store.records import (
    Correction,
    Decision,
    decision_from_row,
    iso,
    utc_now,
    verdict_from_row,
)

DECISION_KINDS = ("accept", "copy", "skip", "relabel", "reopen")
USER_PROVENANCE = Provenance(backend="user", model="", prompt_version="relabel")

_INSERT_VERDICT = """
INSERT INTO verdicts (message_id, label, confidence, reason, signals, action, provenance,
                      created_at, source, decision_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
_INSERT_DRAFT = """
INSERT INTO drafts (message_id, text, language, provenance, created_at) VALUES (?, ?, ?, ?, ?)"""


def _verdict_values(
    message_id: str, verdict: Verdict, source: str, decision_id: int | None, created_at: str
) -> tuple:
    return (message_id, *_verdict_columns(verdict), created_at, source, decision_id)


def _verdict_columns(verdict: Verdict) -> tuple:
    """label, confidence, reason, signals, action, provenance, as stored."""
    return (
        verdict.label.value,
        verdict.confidence,
        verdict.reason,
        json.dumps(verdict.signals, ensure_ascii=False),
        verdict.action.value,
        verdict.provenance.model_dump_json(),
    )


def _draft_values(message_id: str, draft: Draft, created_at: str) -> tuple:
    return (message_id, *_draft_columns(draft), created_at)


def _draft_columns(draft: Draft) -> tuple:
    """text, language, provenance, as stored."""
    return (draft.text, draft.language, draft.provenance.model_dump_json())


@dataclass(frozen=True, slots=True)
class PreparedAssessment:
    """One `save_assessments` entry already turned into column values: plain strings and
    numbers, cheap to pass from a helper process (see batch.runner)."""

    message_id: str
    verdict: tuple | None  # _verdict_columns
    draft: tuple | None  # _draft_columns
    error: str


def prepare_assessment(
    message_id: str, verdict: Verdict | None, draft: Draft | None, error: str
) -> PreparedAssessment:
    return PreparedAssessment(
        message_id,
        _verdict_columns(verdict) if verdict is not None else None,
        _draft_columns(draft) if draft is not None else None,
        error,
    )


class ResultsMixin(StoreBase):
    # ------------------------------------------------------------ verdicts and errors

    def save_verdict(self, message_id: str, verdict: Verdict) -> None:
        """Record the assistant's verdict; a successful verdict clears the message's last error."""
        self.save_assessment(message_id, verdict, None, "")

    def save_assessment(
        self, message_id: str, verdict: Verdict | None, draft: Draft | None, error: str
    ) -> None:
        """A verdict, its draft and any error in one transaction, so a crash between them
        never leaves a verdict whose draft a rerun would have to classify again for."""
        self.save_assessments([(message_id, verdict, draft, error)])

    def save_assessments(
        self, results: Sequence[tuple[str, Verdict | None, Draft | None, str]]
    ) -> None:
        """Many `save_assessment` calls, (message id, verdict, draft, error) each, in one
        transaction: a crash keeps all of them or none, so a rerun redoes a whole chunk
        rather than finding part of it."""
        self.save_prepared([prepare_assessment(*result) for result in results])

    def save_prepared(self, results: Sequence[PreparedAssessment]) -> None:
        """`save_assessments` for entries already prepared (`prepare_assessment`)."""
        created_at = iso(utc_now())
        with self._transaction() as db:
            db.executemany(
                _INSERT_VERDICT,
                [
                    (result.message_id, *result.verdict, created_at, "assistant", None)
                    for result in results
                    if result.verdict is not None
                ],
            )
            db.executemany(
                _INSERT_DRAFT,
                [
                    (result.message_id, *result.draft, created_at)
                    for result in results
                    if result.draft is not None
                ],
            )
            db.executemany(
                """INSERT INTO errors (message_id, error, created_at) VALUES (?, ?, ?)
                   ON CONFLICT (message_id) DO UPDATE SET
                       error = excluded.error, created_at = excluded.created_at""",
                [
                    (result.message_id, result.error, created_at)
                    for result in results
                    if result.error
                ],
            )
            db.execute(
                "DELETE FROM errors WHERE message_id IN (SELECT value FROM json_each(?))",
                (
                    json.dumps(
                        [
                            result.message_id
                            for result in results
                            if not result.error
                            and (result.verdict is not None or result.draft is not None)
                        ]
                    ),
                ),
            )

    def verdict(self, message_id: str) -> Verdict | None:
        """The verdict in force: the person's relabel if any, else the newest."""
        row = self._db.execute(
            f"SELECT * FROM verdicts WHERE id = {CURRENT_VERDICT_ID.format(message_id='?')}",
            (message_id,),
        ).fetchone()
        return verdict_from_row(row) if row else None

    def save_error(self, message_id: str, error: str) -> None:
        self._db.execute(
            """INSERT INTO errors (message_id, error, created_at) VALUES (?, ?, ?)
               ON CONFLICT (message_id) DO UPDATE SET
                   error = excluded.error, created_at = excluded.created_at""",
            (message_id, error, iso(utc_now())),
        )

    def clear_errors(self, message_ids: Sequence[str]) -> None:
        self._db.execute(
            "DELETE FROM errors WHERE message_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(message_ids)),),
        )

    def error(self, message_id: str) -> str | None:
        row = self._db.execute(
            "SELECT error FROM errors WHERE message_id = ?", (message_id,)
        ).fetchone()
        return row["error"] if row else None

    def _insert_verdict(
        self, message_id: str, verdict: Verdict, source: str, decision_id: int | None
    ) -> None:
        self._db.execute(
            _INSERT_VERDICT,
            _verdict_values(message_id, verdict, source, decision_id, iso(utc_now())),
        )

    # ------------------------------------------------------------ drafts and edits

    def save_draft(self, message_id: str, draft: Draft) -> int:
        with self._lock:  # not inside a worker's open transaction (StoreBase)
            cursor = self._db.execute(
                _INSERT_DRAFT, _draft_values(message_id, draft, iso(utc_now()))
            )
            return _inserted_id(cursor)

    def drafts(self, message_id: str) -> list[Draft]:
        """Every draft made for the message, oldest first."""
        rows = self._db.execute(
            "SELECT * FROM drafts WHERE message_id = ? ORDER BY id", (message_id,)
        )
        return [
            Draft(
                text=row["text"],
                language=row["language"],
                provenance=json.loads(row["provenance"]),
            )
            for row in rows
        ]

    def save_edit(self, message_id: str, text: str) -> None:
        with self._lock:
            self._db.execute(
                """INSERT INTO edits (message_id, text, updated_at) VALUES (?, ?, ?)
                   ON CONFLICT (message_id) DO UPDATE SET
                       text = excluded.text, updated_at = excluded.updated_at""",
                (message_id, text, iso(utc_now())),
            )

    def clear_edit(self, message_id: str) -> None:
        """Forget the person's edit, so the newest draft is what the message shows."""
        with self._lock:
            self._db.execute("DELETE FROM edits WHERE message_id = ?", (message_id,))

    def edited_text(self, message_id: str) -> str | None:
        row = self._db.execute(
            "SELECT text FROM edits WHERE message_id = ?", (message_id,)
        ).fetchone()
        return row["text"] if row else None

    # ------------------------------------------------------------ decisions

    def record_decision(
        self, message_id: str, kind: str, label: str | None = None, note: str = ""
    ) -> int:
        """Record what the person did; a relabel also becomes the verdict in force."""
        if kind not in DECISION_KINDS:
            raise ValueError(f"decision kind must be one of {', '.join(DECISION_KINDS)}")
        relabelled_to = None
        if kind == "relabel":
            relabelled_to = Label(str(label))  # ValueError on anything but a known label
            label = relabelled_to.value
        created_at = iso(utc_now())
        with self._transaction() as db:
            cursor = db.execute(
                """INSERT INTO decisions (message_id, kind, label, note, created_at)
                   VALUES (?, ?, ?, ?, ?)""",
                (message_id, kind, label, note, created_at),
            )
            decision_id = _inserted_id(cursor)
            # What became of the draft, judged before a relabel replaces the verdict.
            record_outcome(db, message_id, kind, decision_id, created_at)
            if relabelled_to is not None:
                self._insert_verdict(message_id, _user_verdict(relabelled_to), "user", decision_id)
            return decision_id

    def draft_outcomes(self, since: datetime | None = None) -> list[DraftOutcome]:
        """What became of the drafts (accepted, edited, replaced, skipped, relabelled)."""
        return read_outcomes(self._db, since)

    def status(self, message_id: str) -> str:
        """open | done | skipped."""
        return self._db.execute(
            f"SELECT {STATUS.format(message_id='?')}", (message_id,)
        ).fetchone()[0]

    def decisions(self, message_id: str) -> list[Decision]:
        rows = self._db.execute(
            "SELECT * FROM decisions WHERE message_id = ? ORDER BY id", (message_id,)
        )
        return [decision_from_row(row) for row in rows]

    # A relabel's note: the newest draft id before it (drafts after it were for its label).
    _RELABEL_DRAFT_NOTE = "drafts before relabel: #"

    def record_relabel(self, message_id: str, label: str) -> int:
        """A relabel that notes the newest draft, so undoing it brings that draft back."""
        newest = self._db.execute(
            "SELECT COALESCE(MAX(id), 0) FROM drafts WHERE message_id = ?", (message_id,)
        ).fetchone()[0]
        return self.record_decision(
            message_id, "relabel", label=label, note=f"{self._RELABEL_DRAFT_NOTE}{newest}"
        )

    def undo_last_decision(self) -> Decision | None:
        """Mark the newest decision not yet undone as undone; a relabel's verdict goes too,
        and so do the drafts made after a `record_relabel` (they were for its label)."""
        with self._transaction() as db:
            row = db.execute(
                "SELECT * FROM decisions WHERE undone = 0 ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            db.execute("UPDATE decisions SET undone = 1 WHERE id = ?", (row["id"],))
            db.execute("DELETE FROM verdicts WHERE decision_id = ?", (row["id"],))
            if row["kind"] == "relabel" and row["note"].startswith(self._RELABEL_DRAFT_NOTE):
                newest_before = int(row["note"].removeprefix(self._RELABEL_DRAFT_NOTE))
                dropped = db.execute(
                    "DELETE FROM drafts WHERE message_id = ? AND id > ?",
                    (row["message_id"], newest_before),
                ).rowcount
                if dropped:
                    # Storing a draft clears the edit, so an edit now is of a dropped draft.
                    db.execute("DELETE FROM edits WHERE message_id = ?", (row["message_id"],))
        return replace(decision_from_row(row), undone=True)

    def corrections(self) -> list[Correction]:
        """One per message the person labelled: the newest relabel, else an accepted verdict."""
        rows = self._db.execute(
            f"""SELECT m.id, m.text, m.sender_name, v.label,
                       CASE v.source WHEN 'user' THEN 'relabel' ELSE 'accept' END AS kind
                FROM messages m
                JOIN verdicts v ON v.id = {CURRENT_VERDICT_ID.format(message_id="m.id")}
                WHERE v.source = 'user' OR EXISTS (
                    SELECT 1 FROM decisions d
                    WHERE d.message_id = m.id AND d.undone = 0 AND d.kind IN ('accept', 'copy')
                      AND d.action_id IS NULL  -- a bulk "done" confirms no one label
                )
                ORDER BY m.sent_at, m.rowid"""
        )
        return [Correction(row[0], row[1], row[2], row[3], row[4]) for row in rows]


def _inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (sqlite3 types `lastrowid` as optional)."""
    if cursor.lastrowid is None:
        raise RuntimeError("the statement inserted no row")
    return cursor.lastrowid


def _user_verdict(label: Label) -> Verdict:
    return Verdict(
        label=label,
        confidence=1.0,
        reason="Labelled by you.",
        signals=["user relabel"],
        action=DEFAULT_ACTION[label],
        provenance=USER_PROVENANCE,
    )
