"""What the person says about a sender (a friend, or muted), and actions over many messages.

A mark applies to every message from that sender: it records one relabel decision per
message (source 'user' verdicts, like a relabel, with a note naming the mark), so the
inbox, the corrections and export-labels all see it. Messages judged later from a marked
sender get the mark's verdict when the assistant's is saved (`apply_sender_marks`).

Decisions made together (a mark, a bulk "done" over a filter) share an `action_id`, and
`undo_last_action` undoes them together: one undo per thing the person did.
`clear_sender_mark` takes back a sender's marks in the same way, whatever came after them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from reply_assistant.models import Action, Label, Provenance, Verdict
from reply_assistant.store.identity import name_key
from reply_assistant.store.records import Decision, decision_from_row, iso, utc_now
from reply_assistant.store.results import PreparedAssessment, ResultsMixin

# The migration that made the table (schema.MIGRATIONS): never edit it once shipped.
SENDER_MARKS_TABLE = """
CREATE TABLE sender_marks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sender TEXT NOT NULL,  -- SENDER_KEY_SQL: 'url:' + sender_key, else 'name:' + name_key
    mark TEXT NOT NULL,  -- friend | mute
    action_id INTEGER NOT NULL,  -- the decisions it made; undone with them
    created_at TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sender_marks_by_sender ON sender_marks (sender, id);
-- Decisions made by one action of the person (a sender mark, a bulk action); NULL alone.
ALTER TABLE decisions ADD COLUMN action_id INTEGER;
CREATE INDEX decisions_by_action ON decisions (action_id);
"""

MARKS = ("friend", "mute")
# Who a message is from, as the sender facts tie a sender's messages together: by profile
# URL, else by name; never by LinkedIn's anonymous name.
SENDER_KEY_SQL = """CASE WHEN {alias}.sender_key != '' THEN 'url:' || {alias}.sender_key
    WHEN name_key({alias}.sender_name) != '' THEN 'name:' || name_key({alias}.sender_name)
    ELSE '' END"""
_ACTIVE_MARK_ID = """(SELECT s.id FROM sender_marks s
    WHERE s.sender = {sender} AND s.undone = 0 ORDER BY s.id DESC LIMIT 1)"""
# The mark in force on message `m`'s sender, or NULL: as `sender_mark`, in one query for many.
# The sender's key is only worked out when some mark is in force (the EXISTS runs once).
ACTIVE_MARK_SQL = f"""CASE WHEN EXISTS (SELECT 1 FROM sender_marks WHERE undone = 0) THEN (
    SELECT s.mark FROM sender_marks s
    WHERE s.id = {_ACTIVE_MARK_ID.format(sender=SENDER_KEY_SQL.format(alias="m"))}) END"""
MARK_PROVENANCE = Provenance(backend="user", model="", prompt_version="mark")
# A mark's decision note: the mark, and the newest draft before it (as record_relabel's).
_NOTE = "sender mark {mark}; drafts before relabel: #{draft_id}"
_DRAFTS_BEFORE = "drafts before relabel: #"


@dataclass(frozen=True, slots=True)
class UndoneAction:
    """What `undo_last_action` undid: the decisions (newest first) and the mark, if any."""

    decisions: list[Decision]
    mark: str | None = None

    @property
    def kind(self) -> str:
        return f"{self.mark} mark" if self.mark else self.decisions[0].kind

    @property
    def message_ids(self) -> list[str]:
        return list(dict.fromkeys(decision.message_id for decision in self.decisions))


def mark_verdict(mark: str) -> Verdict:
    """The verdict a mark gives each of the sender's messages."""
    if mark == "friend":
        return Verdict(
            label=Label.RELATIONSHIP,
            confidence=1.0,
            reason="You marked this sender as a friend.",
            signals=["marked friend"],
            action=Action.REPLY,
            provenance=MARK_PROVENANCE,
        )
    if mark == "mute":
        return Verdict(
            label=Label.SPAM,
            confidence=1.0,
            reason="You muted this sender: treated as spam, no reply suggested.",
            signals=["muted"],
            action=Action.NO_REPLY,
            provenance=MARK_PROVENANCE,
        )
    raise ValueError(f"mark must be one of {', '.join(MARKS)}, not {mark!r}")


def sender_key(sender_name: str, sender_key_of_url: str) -> str:
    """SENDER_KEY_SQL in Python."""
    if sender_key_of_url:
        return f"url:{sender_key_of_url}"
    key = name_key(sender_name)
    return f"name:{key}" if key else ""


class SenderMarksMixin(ResultsMixin):
    def sender_mark(self, message_id: str) -> str | None:
        """The mark in force on the sender of this message: friend, mute or None."""
        row = self._db.execute(
            f"SELECT {ACTIVE_MARK_SQL} FROM messages m WHERE m.id = ?", (message_id,)
        ).fetchone()
        return row[0] if row else None

    def mark_sender(self, message_id: str, mark: str) -> list[str]:
        """Mark the sender of this message; returns the ids of the sender's messages it
        relabelled (every one they sent with text). ValueError for an unknown mark or a
        sender who cannot be told apart (LinkedIn's anonymous member)."""
        verdict = mark_verdict(mark)
        with self._transaction() as db:
            sender = db.execute(
                f"SELECT {SENDER_KEY_SQL.format(alias='m')} FROM messages m WHERE m.id = ?",
                (message_id,),
            ).fetchone()
            if sender is None:
                raise KeyError(message_id)
            if not sender[0]:
                raise ValueError("this sender has no name or profile to recognise them by")
            message_ids = [
                row[0]
                for row in db.execute(
                    f"""SELECT m.id FROM messages m
                        WHERE {SENDER_KEY_SQL.format(alias="m")} = ? AND m.kind = 'text'
                        ORDER BY m.sent_at, m.rowid""",
                    (sender[0],),
                )
            ]
            action_id = self._next_action_id()
            db.execute(
                """INSERT INTO sender_marks (sender, mark, action_id, created_at)
                   VALUES (?, ?, ?, ?)""",
                (sender[0], mark, action_id, iso(utc_now())),
            )
            for marked_id in message_ids:
                self._insert_mark_verdict(marked_id, mark, verdict, action_id)
        return message_ids

    def save_prepared(self, results: Sequence[PreparedAssessment]) -> None:
        """The assistant's verdicts saved, then the marks applied over them: a message
        judged after its sender was marked gets the mark's verdict too."""
        super().save_prepared(results)
        judged = [result.message_id for result in results if result.verdict is not None]
        if judged:
            with self._transaction():
                self.apply_sender_marks(judged)

    def apply_sender_marks(self, message_ids: Sequence[str]) -> list[str]:
        """Give the messages from marked senders the mark's verdict, unless the person
        already labelled them; returns their ids. Call inside a transaction."""
        marked = self._db.execute("SELECT 1 FROM sender_marks WHERE undone = 0 LIMIT 1")
        if marked.fetchone() is None:
            return []
        rows = self._db.execute(
            f"""SELECT m.id, s.mark, s.action_id
                FROM json_each(?) j
                JOIN messages m ON m.id = j.value
                JOIN sender_marks s ON s.id = {
                _ACTIVE_MARK_ID.format(sender=SENDER_KEY_SQL.format(alias="m"))
            }
                WHERE m.kind = 'text' AND NOT EXISTS (
                    SELECT 1 FROM verdicts v WHERE v.message_id = m.id AND v.source = 'user')""",
            (json.dumps(list(message_ids)),),
        ).fetchall()
        for message_id, mark, action_id in rows:
            self._insert_mark_verdict(message_id, mark, mark_verdict(mark), action_id)
        return [row[0] for row in rows]

    def decide_many(self, message_ids: Sequence[str], kind: str, note: str = "") -> int:
        """One decision (accept or skip) on each message, undone together by
        `undo_last_action`; returns how many."""
        if kind not in ("accept", "skip"):
            raise ValueError("a bulk decision is accept or skip")
        created_at = iso(utc_now())
        with self._transaction() as db:
            action_id = self._next_action_id()
            db.executemany(
                """INSERT INTO decisions (message_id, kind, note, created_at, action_id)
                   VALUES (?, ?, ?, ?, ?)""",
                [(message_id, kind, note, created_at, action_id) for message_id in message_ids],
            )
        return len(message_ids)

    def undo_last_action(self) -> UndoneAction | None:
        """Undo the newest thing the person did: one decision (`undo_last_decision`), or
        every decision of a mark or bulk action, with the mark and the verdicts and drafts
        its relabels made."""
        newest = self._db.execute(
            "SELECT action_id FROM decisions WHERE undone = 0 ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if newest is None:
            return None
        if newest["action_id"] is None:
            decision = self.undo_last_decision()
            return UndoneAction([decision]) if decision else None
        with self._transaction():
            return self._undo_action(newest["action_id"])

    def clear_sender_mark(self, message_id: str) -> UndoneAction | None:
        """Forget every mark on this message's sender (a friend mark overridden by a mute
        included), as if never made: their messages go back to the labels they had without
        them. What was undone, the mark in force named; None when the sender is unmarked."""
        current = self.sender_mark(message_id)
        if current is None:
            return None
        action_ids = [
            row[0]
            for row in self._db.execute(
                f"""SELECT s.action_id FROM messages m
                    JOIN sender_marks s ON s.sender = {SENDER_KEY_SQL.format(alias="m")}
                    WHERE m.id = ? AND s.undone = 0 ORDER BY s.id DESC""",
                (message_id,),
            )
        ]
        with self._transaction():
            undone = [self._undo_action(action_id) for action_id in action_ids]
        return UndoneAction([d for action in undone for d in action.decisions], current)

    def _undo_action(self, action_id: int) -> UndoneAction:
        """Undo every decision of one action, with the mark and the verdicts and drafts its
        relabels made. Call inside a transaction."""
        db = self._db
        rows = db.execute(
            "SELECT * FROM decisions WHERE action_id = ? AND undone = 0 ORDER BY id DESC",
            (action_id,),
        ).fetchall()
        db.execute("UPDATE decisions SET undone = 1 WHERE action_id = ?", (action_id,))
        db.execute(
            """DELETE FROM verdicts
               WHERE decision_id IN (SELECT id FROM decisions WHERE action_id = ?)""",
            (action_id,),
        )
        for row in rows:
            self._drop_drafts_after(row["message_id"], row["note"])
        mark = db.execute(
            "SELECT mark FROM sender_marks WHERE action_id = ? AND undone = 0", (action_id,)
        ).fetchone()
        db.execute("UPDATE sender_marks SET undone = 1 WHERE action_id = ?", (action_id,))
        decisions = [decision_from_row(row) for row in rows]
        return UndoneAction(decisions, mark["mark"] if mark else None)

    def _next_action_id(self) -> int:
        return self._db.execute("SELECT COALESCE(MAX(action_id), 0) + 1 FROM decisions").fetchone()[
            0
        ]

    def _insert_mark_verdict(
        self, message_id: str, mark: str, verdict: Verdict, action_id: int
    ) -> None:
        newest_draft = self._db.execute(
            "SELECT COALESCE(MAX(id), 0) FROM drafts WHERE message_id = ?", (message_id,)
        ).fetchone()[0]
        cursor = self._db.execute(
            """INSERT INTO decisions (message_id, kind, label, note, created_at, action_id)
               VALUES (?, 'relabel', ?, ?, ?, ?)""",
            (
                message_id,
                verdict.label.value,
                _NOTE.format(mark=mark, draft_id=newest_draft),
                iso(utc_now()),
                action_id,
            ),
        )
        self._insert_verdict(message_id, verdict, "user", cursor.lastrowid)

    def _drop_drafts_after(self, message_id: str, note: str) -> None:
        """Drafts written for an undone relabel's label go with it (and an edit of them).
        Call inside a transaction: only there is `rowcount` this statement's alone (a worker
        thread's write would replace it; see StoreBase)."""
        if _DRAFTS_BEFORE not in note:
            return
        newest_before = int(note.rsplit(_DRAFTS_BEFORE, 1)[1])
        dropped = self._db.execute(
            "DELETE FROM drafts WHERE message_id = ? AND id > ?", (message_id, newest_before)
        ).rowcount
        if dropped:
            self._db.execute("DELETE FROM edits WHERE message_id = ?", (message_id,))
