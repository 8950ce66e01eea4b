"""Removing the rows one import source brought (the bundled demo inbox) once real data comes.

Messages are tagged with their `source` when inserted ('export', 'manual', 'demo'), so
rows of one source can be found and removed without touching any other message or the
work done on it.
"""

from __future__ import annotations

from collections.abc import Iterable

from reply_assistant.models import Connection
from reply_assistant.store.base import StoreBase
from reply_assistant.store.identity import name_key, url_key

# Tables whose rows hang off a message; the LLM response cache is keyed by prompt and kept.
# Verdicts and draft outcomes go before decisions, which they point at.
_MESSAGE_DEPENDANTS = ("verdicts", "drafts", "edits", "errors", "draft_outcomes", "decisions")


def _connection_key(connection: Connection) -> str:
    """The key `upsert_connections` stores a connection under."""
    key_of_name = name_key(connection.name)
    return url_key(connection.profile_url) or (f"name:{key_of_name}" if key_of_name else "")


class DemoRowsMixin(StoreBase):
    def has_messages_from(self, source: str) -> bool:
        found = self._db.execute("SELECT 1 FROM messages WHERE source = ? LIMIT 1", (source,))
        return found.fetchone() is not None

    def remove_messages_from(self, source: str, connections: Iterable[Connection] = ()) -> int:
        """Delete every message inserted with `source`, with its verdicts, drafts, edits,
        errors, decisions and the conversations left empty, plus these connections; clear
        the owner when no message is left. One transaction; returns how many messages."""
        keys = [(key,) for key in map(_connection_key, connections) if key]
        with self._transaction() as db:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS doomed (id TEXT PRIMARY KEY)")
            db.execute("DELETE FROM temp.doomed")
            db.execute(
                "INSERT INTO temp.doomed SELECT id FROM messages WHERE source = ?", (source,)
            )
            for table in _MESSAGE_DEPENDANTS:
                db.execute(f"DELETE FROM {table} WHERE message_id IN (SELECT id FROM temp.doomed)")
            removed = db.execute(
                "DELETE FROM messages WHERE id IN (SELECT id FROM temp.doomed)"
            ).rowcount
            db.execute(
                """DELETE FROM conversations WHERE NOT EXISTS (
                       SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id
                   )"""
            )
            db.executemany("DELETE FROM connections WHERE key = ?", keys)
            if db.execute("SELECT 1 FROM messages LIMIT 1").fetchone() is None:
                db.execute("DELETE FROM owner")
            db.execute("DELETE FROM temp.doomed")
        return removed

    def remove_everything(self) -> int:
        """Delete every message with all that was done on it, every conversation and
        connection, and the owner: the state file starts over (`import --replace`). The
        LLM response cache stays, it holds no one's decisions. Returns how many messages."""
        with self._transaction() as db:
            for table in _MESSAGE_DEPENDANTS:
                db.execute(f"DELETE FROM {table}")
            removed = db.execute("DELETE FROM messages").rowcount
            for table in ("conversations", "connections", "owner"):
                db.execute(f"DELETE FROM {table}")
        return removed
