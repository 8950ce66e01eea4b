"""The connection every part of the Store shares, transactions and owner matching."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from reply_assistant.models import Participant
from reply_assistant.store.identity import name_key, url_key
from reply_assistant.store.search_key import search_key

# Verdict currently in force for a message: a user relabel beats the assistant, then newest.
CURRENT_VERDICT_ID = """(
    SELECT v.id FROM verdicts v WHERE v.message_id = {message_id}
    ORDER BY v.source = 'user' DESC, v.id DESC LIMIT 1
)"""

# open | done | skipped, from the newest decision that changes it (relabel and copy do not:
# copying a draft without accepting it leaves the conversation open).
STATUS = """COALESCE((
    SELECT CASE d.kind WHEN 'skip' THEN 'skipped' WHEN 'reopen' THEN 'open' ELSE 'done' END
    FROM decisions d
    WHERE d.message_id = {message_id} AND d.undone = 0
      AND d.kind IN ('accept', 'skip', 'reopen')
    ORDER BY d.id DESC LIMIT 1
), 'open')"""


def from_owner_sql(alias: str) -> str:
    """True when the message row `alias` was sent by the owner (:owner_url, :owner_name)."""
    return (
        f"(CASE WHEN :owner_url != '' AND {alias}.sender_key != '' "
        f"THEN {alias}.sender_key = :owner_url "
        f"ELSE :owner_name != '' AND name_key({alias}.sender_name) = :owner_name END)"
    )


@contextmanager
def transaction(db: sqlite3.Connection, lock: threading.RLock) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT (ROLLBACK on an exception), holding `lock` throughout."""
    with lock:
        # IMMEDIATE takes the write lock up front, so a concurrent writer waits
        # (busy_timeout) instead of failing when a read transaction tries to upgrade.
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


class StoreBase:
    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self._db = db
        # Held by every transaction and by each use of the connection from a worker thread
        # (the UI builds the offline model, embeds, and reads the corrections and the
        # owner's replies in asyncio.to_thread). Without it a worker's statement lands
        # inside the event loop's open transaction (and is rolled back with it), and
        # replaces the `rowcount` and `total_changes` the loop reads next: SQLite counts
        # changes per connection. Reentrant, so a method that holds it may call another
        # that takes it.
        self._lock = lock
        db.create_function("name_key", 1, name_key, deterministic=True)
        db.create_function("search_key", 1, search_key, deterministic=True)

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self._db, self._lock)

    def owner(self) -> Participant | None:
        row = self._db.execute("SELECT name, profile_url FROM owner WHERE id = 1").fetchone()
        return Participant(row["name"], row["profile_url"]) if row else None

    def _owner_params(self) -> dict[str, str]:
        owner = self.owner() or Participant("")
        return {"owner_url": url_key(owner.profile_url), "owner_name": name_key(owner.name)}
