"""Reading the inbox: conversation lists, threads, and what the assistant judges."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta

from reply_assistant.models import (
    Incoming,
    Message,
    MessageKind,
    Participant,
    SenderFacts,
    ThreadTurn,
    with_subject,
)
from reply_assistant.store.base import (
    CURRENT_VERDICT_ID,
    STATUS,
    StoreBase,
    from_owner_sql,
)
from reply_assistant.store.identity import name_key
from reply_assistant.store.records import (
    ConversationSummary,
    iso,
    message_from_row,
    parse_iso,
    preview,
)
from reply_assistant.store.search_key import search_key

FILTERS = (
    "needs_reply",
    "spam",
    "relationship",
    "unclear",
    "pending",
    "done",
    "older",
    "archived",
    "all",
)
SCOPES = ("awaiting", "all")

# "Needs reply" and its label filters: open, in the inbox folder, within the window.
_NEEDS_REPLY = "status = 'open' AND in_inbox AND last_message_at >= :since"
_FILTER_WHERE = {
    "needs_reply": _NEEDS_REPLY,
    "spam": f"{_NEEDS_REPLY} AND label = 'spam'",
    "relationship": f"{_NEEDS_REPLY} AND label = 'relationship'",
    "unclear": f"{_NEEDS_REPLY} AND label = 'unclear'",
    "pending": f"{_NEEDS_REPLY} AND label IS NULL",
    "done": "status != 'open'",  # done or skipped
    "older": "status = 'open' AND in_inbox AND last_message_at < :since",
    "archived": "status = 'open' AND NOT in_inbox",  # ARCHIVE, SPAM or any other folder
    "all": "1",
}
# A conversation is in the inbox when its newest message is; 2021 exports leave FOLDER out.
IN_INBOX_SQL = "upper({alias}.folder) IN ('INBOX', '')"

# Conversations awaiting a reply, each with its newest (incoming) message.
_SUMMARIES = f"""
SELECT * FROM (
    SELECT c.id AS conversation_id, c.title, c.sponsored, c.last_message_at,
           c.search_title, c.search_sender, c.search_text, c.search_subject,
           m.id AS message_id, m.sender_name, m.sender_url, m.sender_key, m.text, m.subject,
           {IN_INBOX_SQL.format(alias="m")} AS in_inbox,
           v.label, v.confidence,
           {STATUS.format(message_id="m.id")} AS status,
           EXISTS (SELECT 1 FROM connections k
                   WHERE m.sender_key != '' AND k.url_key = m.sender_key)
           OR EXISTS (SELECT 1 FROM connections k
                      WHERE k.name_key = name_key(m.sender_name) AND k.name_key != ''
                        AND (k.url_key = '' OR m.sender_key = '')) AS first_degree
    FROM conversations c
    JOIN messages m ON m.id = c.last_message_id
    LEFT JOIN verdicts v ON v.id = {CURRENT_VERDICT_ID.format(message_id="m.id")}
    WHERE c.awaiting_reply = 1
)
WHERE {{filter}} AND (
    :search = '' OR instr(search_sender, :search) OR instr(search_title, :search)
    OR instr(search_text, :search) OR instr(search_subject, :search)
)
ORDER BY last_message_at DESC, message_id
"""

# Thread context before the judged message; the newest turns matter most.
THREAD_TURNS = 50


class InboxMixin(StoreBase):
    def conversation_summaries(
        self, filter: str = "needs_reply", search: str = "", since: datetime | None = None
    ) -> list[ConversationSummary]:
        """Conversations awaiting a reply that match the filter, newest first; `since`
        bounds "needs reply" and its label filters (see `needs_reply_since`)."""
        if filter not in _FILTER_WHERE:
            raise ValueError(f"filter must be one of {', '.join(FILTERS)}, not {filter!r}")
        rows = self._db.execute(
            _SUMMARIES.format(filter=_FILTER_WHERE[filter]),
            {"search": search_key(search), "since": iso(since) if since else ""},
        )
        return [_summary_from_row(row) for row in rows]

    def needs_reply_since(self, days: int) -> datetime | None:
        """The start of the needs-reply window: `days` before the newest imported message
        (an export's own date, so an export read weeks after download still shows its
        last months); None for no window (`days` 0, or nothing imported)."""
        if days <= 0:
            return None
        newest = self._db.execute(
            "SELECT MAX(sent_at) FROM messages WHERE source != 'manual'"
        ).fetchone()[0]
        return parse_iso(newest) - timedelta(days=days) if newest else None

    def awaiting_counts(self, since: datetime | None) -> tuple[int, int, int]:
        """Conversations awaiting a reply: in the inbox within the window, in the inbox
        before it, and in other folders (ARCHIVE, SPAM)."""
        row = self._db.execute(
            f"""SELECT COALESCE(SUM(in_inbox AND last_message_at >= :since), 0),
                       COALESCE(SUM(in_inbox AND last_message_at < :since), 0),
                       COALESCE(SUM(NOT in_inbox), 0)
                FROM (SELECT c.last_message_at, {IN_INBOX_SQL.format(alias="m")} AS in_inbox
                      FROM conversations c JOIN messages m ON m.id = c.last_message_id
                      WHERE c.awaiting_reply = 1)""",
            {"since": iso(since) if since else ""},
        ).fetchone()
        return row[0], row[1], row[2]

    def conversation_messages(self, conversation_id: str) -> list[Message]:
        rows = self._db.execute(
            "SELECT * FROM messages WHERE conversation_id = ? ORDER BY sent_at, rowid",
            (conversation_id,),
        )
        return [message_from_row(row) for row in rows]

    def conversation_events(self, conversation_id: str) -> list[Message]:
        """LinkedIn's own rows in the conversation ("Message request accepted"), oldest
        first: shown in the thread, never judged."""
        rows = self._db.execute(
            """SELECT * FROM messages WHERE conversation_id = ? AND kind = 'event'
               ORDER BY sent_at, rowid""",
            (conversation_id,),
        )
        return [message_from_row(row) for row in rows]

    def message(self, message_id: str) -> Message:
        """The stored message; KeyError when there is none with this id."""
        row = self._db.execute("SELECT * FROM messages WHERE id = ?", (message_id,)).fetchone()
        if row is None:
            raise KeyError(message_id)
        return message_from_row(row)

    def incoming(self, message_id: str) -> Incoming:
        """The message with its thread and what is known about its sender."""
        row = self._db.execute(
            "SELECT rowid, * FROM messages WHERE id = ?", (message_id,)
        ).fetchone()
        if row is None:
            raise KeyError(message_id)
        return Incoming(
            text=row["text"],
            sender=self._sender_facts(row),
            thread=self._thread_before(row),
            message_id=message_id,
            conversation_id=row["conversation_id"],
            kind=MessageKind(row["kind"]),
            subject=row["subject"],
        )

    def all_incoming_ids(
        self, scope: str = "awaiting", since: datetime | None = None, limit: int | None = None
    ) -> list[str]:
        """Newest first. awaiting: the newest message of each conversation awaiting a reply;
        all: every message not sent by the owner."""
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
        params: dict[str, object] = {
            **self._owner_params(),
            "since": iso(since) if since else "",
            "limit": -1 if limit is None else limit,
        }
        if scope == "awaiting":
            sql = f"""SELECT c.last_message_id FROM conversations c
                      JOIN messages m ON m.id = c.last_message_id
                      WHERE c.awaiting_reply = 1 AND {IN_INBOX_SQL.format(alias="m")}
                        AND c.last_message_at >= :since
                      ORDER BY c.last_message_at DESC, c.last_message_id LIMIT :limit"""
        else:
            sql = f"""SELECT m.id FROM messages m
                      WHERE NOT {from_owner_sql("m")} AND m.kind != 'event'
                        AND m.sent_at >= :since
                      ORDER BY m.sent_at DESC, m.rowid DESC LIMIT :limit"""
        return [row[0] for row in self._db.execute(sql, params)]

    def pending_incoming(
        self, scope: str = "awaiting", since: datetime | None = None, limit: int | None = None
    ) -> list[Incoming]:
        return [
            self.incoming(message_id) for message_id in self.all_incoming_ids(scope, since, limit)
        ]

    def _thread_before(self, row: sqlite3.Row) -> tuple[ThreadTurn, ...]:
        turns = self._db.execute(
            f"""SELECT * FROM (
                    SELECT m.sender_name, m.text, m.sent_at, m.rowid AS position,
                           {from_owner_sql("m")} AS from_owner
                    FROM messages m
                    WHERE m.conversation_id = :conversation_id AND m.kind != 'event'
                      AND (m.sent_at < :sent_at OR (m.sent_at = :sent_at AND m.rowid < :rowid))
                    ORDER BY m.sent_at DESC, m.rowid DESC LIMIT :turns
                ) ORDER BY sent_at, position""",
            {
                **self._owner_params(),
                "conversation_id": row["conversation_id"],
                "sent_at": row["sent_at"],
                "rowid": row["rowid"],
                "turns": THREAD_TURNS,
            },
        )
        return tuple(
            ThreadTurn(
                sender_name=turn["sender_name"],
                text=turn["text"],
                from_owner=bool(turn["from_owner"]),
                sent_at=parse_iso(turn["sent_at"]),
            )
            for turn in turns
        )

    def _sender_facts(self, row: sqlite3.Row) -> SenderFacts:
        connection = self._connection_of(row["sender_name"], row["sender_key"])
        connected_on = connection["connected_on"] if connection else None
        return SenderFacts(
            name=row["sender_name"],
            profile_url=row["sender_url"],
            first_degree=True if connection else (False if self._knows_connections() else None),
            connected_on=date.fromisoformat(connected_on) if connected_on else None,
            sponsored=bool(row["sponsored"]),
            placeholders=tuple(json.loads(row["placeholders"])),
            earlier_pitches=self._earlier_pitches(row),
            mark=self.sender_mark(row["id"]),  # type: ignore[attr-defined]
        )

    def _knows_connections(self) -> bool:
        """Whether any export brought a connections list: without one, nobody is known."""
        return self._db.execute("SELECT EXISTS (SELECT 1 FROM connections)").fetchone()[0] == 1

    def _connection_of(self, sender_name: str, sender_key: str) -> sqlite3.Row | None:
        """By profile URL; by name only when the sender or the connection has no URL."""
        if sender_key:
            found = self._db.execute(
                "SELECT * FROM connections WHERE url_key = ?", (sender_key,)
            ).fetchone()
            if found:
                return found
        key = name_key(sender_name)
        if not key:
            return None
        url_rule = "" if not sender_key else "AND url_key = ''"
        return self._db.execute(
            f"SELECT * FROM connections WHERE name_key = ? {url_rule} LIMIT 1", (key,)
        ).fetchone()

    def _earlier_pitches(self, row: sqlite3.Row) -> int:
        """This sender's other messages whose verdict in force is spam."""
        if row["sender_key"]:
            same_sender, sender = "m.sender_key = :sender", row["sender_key"]
        else:
            # Without a URL only the name ties messages together; never the anonymous name.
            same_sender, sender = (
                "m.sender_key = '' AND name_key(m.sender_name) = :sender",
                name_key(row["sender_name"]),
            )
            if not sender:
                return 0
        return self._db.execute(
            f"""SELECT COUNT(*) FROM messages m
                JOIN verdicts v ON v.id = {CURRENT_VERDICT_ID.format(message_id="m.id")}
                WHERE {same_sender} AND m.id != :message_id AND v.label = 'spam'""",
            {"sender": sender, "message_id": row["id"]},
        ).fetchone()[0]


def _summary_from_row(row: sqlite3.Row) -> ConversationSummary:
    return ConversationSummary(
        conversation_id=row["conversation_id"],
        message_id=row["message_id"],
        sender=Participant(row["sender_name"], row["sender_url"]),
        preview=preview(with_subject(row["subject"], row["text"])),
        sent_at=parse_iso(row["last_message_at"]),
        label=row["label"],
        confidence=row["confidence"],
        status=row["status"],
        title=row["title"],
        sponsored=bool(row["sponsored"]),
        first_degree=bool(row["first_degree"]),
    )
