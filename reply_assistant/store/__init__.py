"""The SQLite state file: the imported inbox and everything the assistant and person did.

`Store.open(path)` creates the file (0600, parent 0700), turns on WAL and foreign keys and
migrates the schema. Use one Store per thread or task; the UI's worker threads share the
UI's, through the methods that hold its lock (StoreBase). A batch run and the UI may open
the same file at once (writers wait up to the busy timeout).
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import AbstractContextManager
from pathlib import Path

from reply_assistant.store.batch_jobs import BatchJob, BatchJobsMixin
from reply_assistant.store.bulk import BulkMixin
from reply_assistant.store.cache import ResponseCache
from reply_assistant.store.corrections import CorrectionEntry, CorrectionsMixin, ModelMemory
from reply_assistant.store.demo_rows import DemoRowsMixin
from reply_assistant.store.eval_runs import EvalRunTable
from reply_assistant.store.inbox import FILTERS, SCOPES, InboxMixin
from reply_assistant.store.owner_replies import OwnerRepliesMixin
from reply_assistant.store.records import ConversationSummary, Correction, Decision
from reply_assistant.store.results import DECISION_KINDS, ResultsMixin
from reply_assistant.store.schema import StoreError, connect
from reply_assistant.store.sender_marks import SenderMarksMixin
from reply_assistant.store.writes import WritesMixin


class Store(
    WritesMixin,
    InboxMixin,
    SenderMarksMixin,
    ResultsMixin,
    BatchJobsMixin,
    BulkMixin,
    DemoRowsMixin,
    OwnerRepliesMixin,
    CorrectionsMixin,
    AbstractContextManager["Store"],
):
    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        lock = threading.RLock()
        super().__init__(db, lock)
        self.path = path
        self.response_cache = ResponseCache(db, lock)
        # The embeddings, and the corrections the offline model learns from: read and
        # written from worker threads, so they share the lock (StoreBase).
        self.embeddings = ModelMemory(db, lock)
        self.eval_runs = EvalRunTable(db)

    @classmethod
    def open(cls, path: Path) -> Store:
        path = Path(path)
        return cls(connect(path), path)

    def close(self) -> None:
        self._db.close()

    def __exit__(self, *exc_info: object) -> None:
        self.close()


__all__ = [
    "DECISION_KINDS",
    "FILTERS",
    "SCOPES",
    "BatchJob",
    "ConversationSummary",
    "Correction",
    "CorrectionEntry",
    "Decision",
    "ResponseCache",
    "Store",
    "StoreError",
]
