"""The LLM response cache, a key-value table in the state file."""

from __future__ import annotations

import sqlite3
import threading

from reply_assistant.store.records import iso, utc_now


class ResponseCache:
    """get/put as the backends' ResponseCache protocol expects."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock  # the Store's: a write must not land in a worker's transaction

    def get(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM llm_cache WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO llm_cache (key, value, created_at) VALUES (?, ?, ?)",
                (key, value, iso(utc_now())),
            )
