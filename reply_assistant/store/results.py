"""What the assistant and the person produced: verdicts, drafts, edits, errors, decisions."""

from __future__ import annotations

import json
from dataclasses import replace

from reply_assistant.models import DEFAULT_ACTION, Draft, Label, Provenance, Verdict
from reply_assistant.store.base import CURRENT_VERDICT_ID, STATUS, StoreBase
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
        with self._transaction() as db:
            if verdict is not None:
                self._insert_verdict(message_id, verdict, "assistant", decision_id=None)
            if draft is not None:
                self.save_draft(message_id, draft)
            if error:
                self.save_error(message_id, error)
            elif verdict is not None or draft is not None:
                db.execute("DELETE FROM errors WHERE message_id = ?", (message_id,))

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

    def error(self, message_id: str) -> str | None:
        row = self._db.execute(
            "SELECT error FROM errors WHERE message_id = ?", (message_id,)
        ).fetchone()
        return row["error"] if row else None

    def _insert_verdict(
        self, message_id: str, verdict: Verdict, source: str, decision_id: int | None
    ) -> None:
        self._db.execute(
            """INSERT INTO verdicts (message_id, label, confidence, reason, signals, action,
                                     provenance, created_at, source, decision_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                message_id,
                verdict.label.value,
                verdict.confidence,
                verdict.reason,
                json.dumps(verdict.signals, ensure_ascii=False),
                verdict.action.value,
                verdict.provenance.model_dump_json(),
                iso(utc_now()),
                source,
                decision_id,
            ),
        )

    # ------------------------------------------------------------ drafts and edits

    def save_draft(self, message_id: str, draft: Draft) -> int:
        cursor = self._db.execute(
            """INSERT INTO drafts (message_id, text, language, provenance, created_at)
               VALUES (?, ?, ?, ?, ?)""",
            (
                message_id,
                draft.text,
                draft.language,
                draft.provenance.model_dump_json(),
                iso(utc_now()),
            ),
        )
        return cursor.lastrowid

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
        self._db.execute(
            """INSERT INTO edits (message_id, text, updated_at) VALUES (?, ?, ?)
               ON CONFLICT (message_id) DO UPDATE SET
                   text = excluded.text, updated_at = excluded.updated_at""",
            (message_id, text, iso(utc_now())),
        )

    def clear_edit(self, message_id: str) -> None:
        """Forget the person's edit, so the newest draft is what the message shows."""
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
        if kind == "relabel":
            label = Label(label).value  # ValueError on anything but a known label
        with self._transaction() as db:
            cursor = db.execute(
                """INSERT INTO decisions (message_id, kind, label, note, created_at)
                   VALUES (?, ?, ?, ?, ?)""",
                (message_id, kind, label, note, iso(utc_now())),
            )
            if kind == "relabel":
                self._insert_verdict(
                    message_id, _user_verdict(Label(label)), "user", cursor.lastrowid
                )
            return cursor.lastrowid

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

    def undo_last_decision(self) -> Decision | None:
        """Mark the newest decision not yet undone as undone; a relabel's verdict goes too."""
        with self._transaction() as db:
            row = db.execute(
                "SELECT * FROM decisions WHERE undone = 0 ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            db.execute("UPDATE decisions SET undone = 1 WHERE id = ?", (row["id"],))
            db.execute("DELETE FROM verdicts WHERE decision_id = ?", (row["id"],))
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
                )
                ORDER BY m.sent_at, m.rowid"""
        )
        return [Correction(row[0], row[1], row[2], row[3], row[4]) for row in rows]


def _user_verdict(label: Label) -> Verdict:
    return Verdict(
        label=label,
        confidence=1.0,
        reason="Labelled by you.",
        signals=["user relabel"],
        action=DEFAULT_ACTION[label],
        provenance=USER_PROVENANCE,
    )
