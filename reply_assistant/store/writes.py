"""Writing what an import brings: messages, connections, the owner, conversation state."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from reply_assistant.models import Connection, Message, Participant
from reply_assistant.printable import printable
from reply_assistant.store.base import StoreBase, from_owner_sql
from reply_assistant.store.identity import name_key, url_key
from reply_assistant.store.records import MESSAGE_COLUMNS, iso, message_row, utc_now

_INSERT_MESSAGE = (
    f"INSERT OR IGNORE INTO messages ({MESSAGE_COLUMNS}) "
    f"VALUES ({', '.join('?' * len(MESSAGE_COLUMNS.split(',')))})"
)

# One pass over the touched conversations' messages: the newest message decides
# last_message_* and awaiting_reply; the newest non-empty title names the conversation.
# LinkedIn's events ("Message request accepted" after the owner wrote first) are left out:
# they are nobody's turn, so the message before them decides. The search keys of the
# title and the newest message are stored with them (schema._V8), folded once here rather
# than at every key a search types.
_REFRESH_CONVERSATIONS = f"""
WITH ranked AS (
    SELECT m.conversation_id, m.id, m.sent_at, m.title, m.sponsored,
           {from_owner_sql("m")} AS from_owner,
           ROW_NUMBER() OVER (
               PARTITION BY m.conversation_id ORDER BY m.sent_at DESC, m.rowid DESC
           ) AS newest_rank,
           ROW_NUMBER() OVER (
               PARTITION BY m.conversation_id
               ORDER BY m.title != '' DESC, m.sent_at DESC, m.rowid DESC
           ) AS title_rank
    FROM messages m
    WHERE {{scope}} AND m.kind != 'event'
),
refreshed AS (
    SELECT conversation_id,
           MAX(CASE WHEN title_rank = 1 THEN title END) AS title,
           MAX(CASE WHEN newest_rank = 1 THEN id END) AS last_message_id,
           MAX(CASE WHEN newest_rank = 1 THEN sent_at END) AS last_message_at,
           MAX(CASE WHEN newest_rank = 1 THEN NOT from_owner END) AS awaiting_reply,
           MAX(sponsored) AS sponsored
    FROM ranked
    GROUP BY conversation_id
)
INSERT INTO conversations
    (id, title, last_message_id, last_message_at, awaiting_reply, sponsored,
     search_title, search_sender, search_text, search_subject)
SELECT r.conversation_id, r.title, r.last_message_id, r.last_message_at, r.awaiting_reply,
       r.sponsored, search_key(r.title), search_key(m.sender_name), search_key(m.text),
       search_key(m.subject)
FROM refreshed r
JOIN messages m ON m.id = r.last_message_id
WHERE true  -- SQLite needs a WHERE before an upsert's ON CONFLICT after a SELECT
ON CONFLICT (id) DO UPDATE SET
    title = excluded.title,
    last_message_id = excluded.last_message_id,
    last_message_at = excluded.last_message_at,
    awaiting_reply = excluded.awaiting_reply,
    sponsored = excluded.sponsored,
    search_title = excluded.search_title,
    search_sender = excluded.search_sender,
    search_text = excluded.search_text,
    search_subject = excluded.search_subject
"""


class WritesMixin(StoreBase):
    def insert_messages(self, messages: Iterable[Message], source: str = "export") -> int:
        """Insert in one transaction, ignoring messages already stored; returns how many new."""
        imported_at = iso(utc_now())
        rows = (
            message_row(message, url_key(message.sender.profile_url), imported_at, source)
            for message in messages
        )
        with self._transaction() as db:
            before = db.total_changes
            db.executemany(_INSERT_MESSAGE, rows)
            return db.total_changes - before

    def upsert_connections(self, connections: Iterable[Connection]) -> int:
        """Add or update connections (keyed by profile URL, else by name); returns how many."""
        rows = []
        for connection in connections:
            key_of_url, key_of_name = url_key(connection.profile_url), name_key(connection.name)
            key = key_of_url or (f"name:{key_of_name}" if key_of_name else "")
            if not key:
                continue
            connected_on = connection.connected_on.isoformat() if connection.connected_on else None
            rows.append(
                (
                    key,
                    connection.profile_url,
                    key_of_url,
                    printable(connection.name),
                    key_of_name,
                    printable(connection.company),
                    printable(connection.position),
                    connected_on,
                )
            )
        with self._transaction() as db:
            db.executemany(
                """INSERT INTO connections
                       (key, profile_url, url_key, name, name_key, company, position, connected_on)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (key) DO UPDATE SET
                       profile_url = excluded.profile_url, name = excluded.name,
                       name_key = excluded.name_key, company = excluded.company,
                       position = excluded.position, connected_on = excluded.connected_on""",
                rows,
            )
        return len(rows)

    def set_owner(self, owner: Participant) -> None:
        self._db.execute(
            """INSERT INTO owner (id, name, profile_url) VALUES (1, ?, ?)
               ON CONFLICT (id) DO UPDATE SET
                   name = excluded.name, profile_url = excluded.profile_url""",
            (printable(owner.name), owner.profile_url),
        )

    def refresh_conversations(
        self, conversation_ids: Iterable[str], everywhere: bool = False
    ) -> int:
        """Recompute these conversations (every one when `everywhere`); returns how many of
        the given ones await a reply."""
        params = self._owner_params()
        with self._transaction() as db:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id TEXT PRIMARY KEY)")
            db.execute("DELETE FROM temp.touched")
            db.executemany(
                "INSERT OR IGNORE INTO temp.touched (id) VALUES (?)",
                ((conversation_id,) for conversation_id in conversation_ids),
            )
            scope = "1" if everywhere else "m.conversation_id IN (SELECT id FROM temp.touched)"
            db.execute(_REFRESH_CONVERSATIONS.format(scope=scope), params)
            awaiting = db.execute(
                """SELECT COUNT(*) FROM conversations
                   WHERE awaiting_reply = 1 AND id IN (SELECT id FROM temp.touched)"""
            ).fetchone()[0]
            db.execute("DELETE FROM temp.touched")
            return awaiting

    def add_manual_message(self, sender_name: str, text: str, sender_url: str = "") -> str:
        """A message typed in by hand, as a new conversation awaiting a reply."""
        owner = self.owner()
        message = Message(
            conversation_id=f"manual-{uuid.uuid4().hex}",
            sender=Participant(sender_name, sender_url),
            recipients=(owner,) if owner else (),
            sent_at=utc_now(),
            content_raw=text,
            text=text,
        )
        self.insert_messages([message], source="manual")
        self.refresh_conversations([message.conversation_id])
        return message.id

    def message_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
