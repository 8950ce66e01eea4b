"""Reading many messages in one query each, for batch runs over whole exports.

Each method answers exactly what its one-message counterpart answers (`incoming`,
`verdict`, `drafts`), a chunk of ids at a time: per-message queries cost more than the
offline model's whole classification.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from reply_assistant.models import Incoming, MessageKind, SenderFacts, ThreadTurn, Verdict
from reply_assistant.store.base import CURRENT_VERDICT_ID, StoreBase, from_owner_sql
from reply_assistant.store.inbox import THREAD_TURNS
from reply_assistant.store.records import parse_iso, verdict_from_row
from reply_assistant.store.sender_marks import ACTIVE_MARK_SQL

# Ids travel as one JSON array parameter: no limit on how many, one statement to prepare.
_CHUNK = "chunk AS (SELECT key AS position, value AS id FROM json_each(:ids))"

# The sender's connection, by the rules of InboxMixin._connection_of: by profile URL; by
# name only when the sender or the connection has no URL.
_CONNECTION_ROWID = """COALESCE(
    (SELECT k.rowid FROM connections k WHERE m.sender_key != '' AND k.url_key = m.sender_key),
    (SELECT k.rowid FROM connections k
     WHERE k.name_key = name_key(m.sender_name) AND k.name_key != ''
       AND (m.sender_key = '' OR k.url_key = '')
     ORDER BY k.rowid LIMIT 1)
)"""

# As InboxMixin._earlier_pitches: the sender's other messages whose verdict in force is spam.
_EARLIER_PITCHES = f"""CASE
    WHEN m.sender_key != '' THEN (
        SELECT COUNT(*) FROM messages p
        JOIN verdicts v ON v.id = {CURRENT_VERDICT_ID.format(message_id="p.id")}
        WHERE p.sender_key = m.sender_key AND p.id != m.id AND v.label = 'spam')
    WHEN name_key(m.sender_name) != '' THEN (
        SELECT COUNT(*) FROM messages p
        JOIN verdicts v ON v.id = {CURRENT_VERDICT_ID.format(message_id="p.id")}
        WHERE p.sender_key = '' AND name_key(p.sender_name) = name_key(m.sender_name)
          AND p.id != m.id AND v.label = 'spam')
    ELSE 0
END"""

# As InboxMixin._thread_before: the newest THREAD_TURNS earlier messages, oldest first.
_THREAD = f"""(
    SELECT json_group_array(json_array(sender_name, text, sent_at, from_owner)) FROM (
        SELECT * FROM (
            SELECT t.sender_name, t.text, t.sent_at, t.rowid AS position,
                   {from_owner_sql("t")} AS from_owner
            FROM messages t
            WHERE t.conversation_id = m.conversation_id AND t.kind != 'event'
              AND (t.sent_at < m.sent_at OR (t.sent_at = m.sent_at AND t.rowid < m.rowid))
            ORDER BY t.sent_at DESC, t.rowid DESC LIMIT {THREAD_TURNS}
        ) ORDER BY sent_at, position
    )
)"""

# 1 for a connection, 0 for a known non-connection, NULL when no export brought a
# connections list (unknown is not "stranger").
_FIRST_DEGREE = (
    "CASE WHEN k.rowid IS NOT NULL THEN 1 WHEN EXISTS (SELECT 1 FROM connections) THEN 0 END"
)

_INCOMINGS = f"""
WITH {_CHUNK}
SELECT m.id, m.conversation_id, m.text, m.sender_name, m.sender_url, m.sponsored,
       m.placeholders, {_FIRST_DEGREE} AS first_degree, k.connected_on,
       {_EARLIER_PITCHES} AS earlier_pitches, {_THREAD} AS thread, m.kind,
       {ACTIVE_MARK_SQL} AS mark, m.subject
FROM chunk
JOIN messages m ON m.id = chunk.id
LEFT JOIN connections k ON k.rowid = {_CONNECTION_ROWID}
ORDER BY chunk.position
"""

_VERDICTS = f"""
WITH {_CHUNK}
SELECT v.* FROM chunk
JOIN verdicts v ON v.id = {CURRENT_VERDICT_ID.format(message_id="chunk.id")}
"""

_DRAFTED = f"""
WITH {_CHUNK}
SELECT chunk.id FROM chunk
WHERE EXISTS (SELECT 1 FROM drafts d WHERE d.message_id = chunk.id)
"""

# How `_EARLIER_PITCHES` ties a message to its sender's other messages: by profile URL, else
# by name; '' when it cannot.
_PITCH_SENDERS = f"""
WITH {_CHUNK}
SELECT DISTINCT CASE WHEN m.sender_key != '' THEN 'url:' || m.sender_key
                     WHEN name_key(m.sender_name) != '' THEN 'name:' || name_key(m.sender_name)
                     ELSE '' END
FROM chunk JOIN messages m ON m.id = chunk.id
"""

# What `result_values` gives for each message, in the order of its columns: the message, its
# sender's connection, the verdict in force, the newest draft, the person's edit and the last
# error (None where there is none; provenances as stored, JSON).
_RESULTS = f"""
WITH {_CHUNK}
SELECT m.id, m.conversation_id, m.sender_name, m.sender_url, m.sent_at, m.text, m.subject,
       {_FIRST_DEGREE} AS first_degree, k.connected_on,
       v.label, v.confidence, v.reason, v.signals, v.action, v.provenance AS verdict_made_by,
       d.text AS draft_text, d.provenance AS draft_made_by,
       e.text AS edited_text, x.error
FROM chunk
JOIN messages m ON m.id = chunk.id
LEFT JOIN connections k ON k.rowid = {_CONNECTION_ROWID}
LEFT JOIN verdicts v ON v.id = {CURRENT_VERDICT_ID.format(message_id="m.id")}
LEFT JOIN drafts d ON d.id = (SELECT MAX(id) FROM drafts WHERE message_id = m.id)
LEFT JOIN edits e ON e.message_id = m.id
LEFT JOIN errors x ON x.message_id = m.id
ORDER BY chunk.position
"""

# Ids per query when streaming results: bounded memory, few statements.
RESULT_CHUNK = 2_000
# WAL pages a bulk run may write before SQLite copies them into the database file (its
# default is 1,000, about 4 MB). Each copy rewrites the index pages every chunk touches, which
# cost a 100,000-message batch more than its inserts did; 256 MB means once or twice a run.
BULK_CHECKPOINT_PAGES = 65_536


class BulkMixin(StoreBase):
    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Checkpoint the WAL rarely while a whole export is imported and judged. Each
        commit is exactly as durable as before (a committed transaction is in the WAL, and
        a kill -9 loses nothing of it); only the copying into the database file is batched."""
        previous = self._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        self._db.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
        try:
            yield
        finally:
            self._db.execute(f"PRAGMA wal_autocheckpoint = {previous}")

    def incomings(self, message_ids: Sequence[str]) -> list[Incoming]:
        """`[self.incoming(m) for m in message_ids]` in one query; KeyError for an unknown id."""
        rows = self._tuples(
            _INCOMINGS, {**self._owner_params(), "ids": json.dumps(list(message_ids))}
        ).fetchall()
        if len(rows) != len(message_ids):
            found = {row[0] for row in rows}
            raise KeyError(next(m for m in message_ids if m not in found))
        return [_incoming_from_row(*row) for row in rows]

    def current_verdicts(self, message_ids: Sequence[str]) -> dict[str, Verdict]:
        """The verdict in force (as `verdict`) of each message that has one."""
        rows = self._db.execute(_VERDICTS, {"ids": json.dumps(list(message_ids))})
        return {row["message_id"]: verdict_from_row(row) for row in rows}

    def drafted(self, message_ids: Sequence[str]) -> set[str]:
        """Those of the messages with at least one draft."""
        rows = self._db.execute(_DRAFTED, {"ids": json.dumps(list(message_ids))})
        return {row[0] for row in rows}

    def pitch_senders(self, message_ids: Sequence[str]) -> set[str]:
        """The senders of these messages as `earlier_pitches` counts their other messages:
        a verdict saved for one message can change another's only when both share one."""
        rows = self._tuples(_PITCH_SENDERS, {"ids": json.dumps(list(message_ids))})
        return {row[0] for row in rows} - {""}

    def result_values(self, message_ids: Sequence[str]) -> Iterator[tuple]:
        """What is stored for each message, in the given order, as `_RESULTS` tuples
        straight from SQLite, a chunk of ids per query, so a whole export's results stream
        through without being held in memory. KeyError for an unknown id."""
        for start in range(0, len(message_ids), RESULT_CHUNK):
            ids = list(message_ids[start : start + RESULT_CHUNK])
            rows = self._tuples(_RESULTS, {"ids": json.dumps(ids)}).fetchall()
            if len(rows) != len(ids):
                found = {row[0] for row in rows}
                raise KeyError(next(m for m in ids if m not in found))
            yield from rows

    def _tuples(self, sql: str, params: dict[str, str]) -> sqlite3.Cursor:
        """`sql` run with rows as plain tuples: cheaper to read than sqlite3.Row by name,
        which matters a row per message."""
        cursor = self._db.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params)


def _incoming_from_row(
    message_id: str,
    conversation_id: str,
    text: str,
    sender_name: str,
    sender_url: str,
    sponsored: int,
    placeholders: str,
    first_degree: int | None,
    connected_on: str | None,
    earlier_pitches: int,
    thread: str,
    kind: str,
    mark: str | None,
    subject: str,
) -> Incoming:
    return Incoming(
        text=text,
        sender=SenderFacts(
            name=sender_name,
            profile_url=sender_url,
            first_degree=None if first_degree is None else bool(first_degree),
            connected_on=date.fromisoformat(connected_on) if connected_on else None,
            sponsored=bool(sponsored),
            placeholders=tuple(json.loads(placeholders)) if placeholders != "[]" else (),
            earlier_pitches=earlier_pitches,
            mark=mark,
        ),
        thread=tuple(
            ThreadTurn(
                sender_name=turn_sender,
                text=turn_text,
                from_owner=bool(from_owner),
                sent_at=parse_iso(sent_at),
            )
            for turn_sender, turn_text, sent_at, from_owner in json.loads(thread)
        )
        if thread != "[]"
        else (),
        message_id=message_id,
        conversation_id=conversation_id,
        kind=MessageKind(kind),
        subject=subject,
    )
