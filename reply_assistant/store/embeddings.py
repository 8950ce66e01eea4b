"""Sentence embeddings kept in the state file, so a message is embedded once."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence

import numpy as np

from reply_assistant.store.base import transaction

# The migration that made the table (schema.MIGRATIONS): shipped, so never edited.
EMBEDDINGS_TABLE = """
CREATE TABLE embeddings (
    encoder TEXT NOT NULL,  -- what made the vector (encoder.ENCODER_ID)
    key TEXT NOT NULL,  -- hash of the text as the encoder saw it
    vector BLOB NOT NULL,  -- float32, little-endian
    PRIMARY KEY (encoder, key)
) WITHOUT ROWID;
"""
# SQLite allows 32,766 parameters; a batch of keys stays well under that.
_KEYS_PER_QUERY = 500


class EmbeddingTable:
    """The `EmbeddingStore` the offline model's encoder reads and fills. The encoder runs
    in worker threads beside the event loop's use of the same connection, so every method
    holds the Store's lock (StoreBase). A write raises sqlite3.OperationalError ("database
    is locked") when another process holds the write lock past the busy timeout."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self._db = db
        self._lock = lock

    def load_embeddings(self, encoder: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), _KEYS_PER_QUERY):
            chunk = keys[start : start + _KEYS_PER_QUERY]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = self._db.execute(
                    f"SELECT key, vector FROM embeddings WHERE encoder = ? AND key IN ({marks})",
                    (encoder, *chunk),
                ).fetchall()
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype="<f4")
        return found

    def save_embeddings(self, encoder: str, vectors: dict[str, np.ndarray]) -> None:
        rows = [
            (encoder, key, np.asarray(vector, dtype="<f4").tobytes())
            for key, vector in vectors.items()
        ]
        # One commit for the batch, not one per row.
        with transaction(self._db, self._lock) as db:
            db.executemany(
                "INSERT OR REPLACE INTO embeddings (encoder, key, vector) VALUES (?, ?, ?)", rows
            )

    def forget_other_encoders(self, encoder: str) -> None:
        """Drop the vectors another encoder made. Two ranges rather than `!=`, so SQLite
        walks the primary key instead of the whole table: this runs at every start."""
        with self._lock:
            self._db.execute(
                "DELETE FROM embeddings WHERE encoder < ? OR encoder > ?", (encoder, encoder)
            )
