"""The UI's Store is shared with worker threads (the offline model embeds and reads the
corrections in `asyncio.to_thread`): a worker's statement must not land inside the event
loop's transaction, and a state file locked by another process must not fail a verdict."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest

from reply_assistant.backends.offline.encoder import ENCODER_ID, Encoder, text_key
from reply_assistant.store import Store, schema

TEXT = "Lovely to see you in Berlin, coffee soon?"
VECTOR = {"a-text": np.ones(4, dtype=np.float32)}
# Long enough for a worker thread to run one small INSERT when nothing stops it.
WORKER_HEAD_START_S = 0.2


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "state.db") as opened:
        yield opened


def saving_in_a_worker(store: Store) -> threading.Thread:
    return threading.Thread(target=store.embeddings.save_embeddings, args=(ENCODER_ID, VECTOR))


def test_an_embedding_a_worker_saves_during_a_transaction_outlives_its_rollback(
    store: Store,
) -> None:
    worker = saving_in_a_worker(store)
    with pytest.raises(RuntimeError), store._transaction():
        worker.start()
        worker.join(WORKER_HEAD_START_S)
        raise RuntimeError("the transaction fails")
    worker.join()
    assert store.embeddings.load_embeddings(ENCODER_ID, list(VECTOR)).keys() == VECTOR.keys()


def test_a_worker_write_is_not_counted_as_a_change_of_the_transaction(store: Store) -> None:
    # What `insert_messages` reports as new messages, and what `sender_marks` and `results`
    # read from `rowcount` to decide whether the person's edit goes.
    worker = saving_in_a_worker(store)
    with store._transaction() as db:
        before = db.total_changes
        worker.start()
        worker.join(WORKER_HEAD_START_S)
        changed = db.total_changes - before
    worker.join()
    assert changed == 0


def test_a_locked_state_file_costs_the_embedding_cache_not_the_vectors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process (a batch run) holds the write lock longer than the busy timeout.
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "state.db"
    with Store.open(path) as store, closing(sqlite3.connect(path)) as batch:
        encoder = Encoder(store=store.embeddings)
        batch.execute("BEGIN IMMEDIATE")
        vectors = encoder.embed([TEXT])
        # Dropping the vectors of another encoder waits for the next start.
        Encoder(store=store.embeddings)
        batch.execute("ROLLBACK")
        assert store.embeddings.load_embeddings(ENCODER_ID, [text_key(TEXT)]) == {}
    assert np.array_equal(vectors, Encoder().embed([TEXT]))


class UnreadableStore:
    """An EmbeddingStore whose reads fail as a locked SQLite file's do."""

    def __init__(self) -> None:
        self.saved: dict[str, np.ndarray] = {}

    def load_embeddings(self, encoder: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        raise sqlite3.OperationalError("database is locked")

    def save_embeddings(self, encoder: str, vectors: dict[str, np.ndarray]) -> None:
        self.saved.update(vectors)

    def forget_other_encoders(self, encoder: str) -> None:
        pass


def test_an_embedding_cache_that_cannot_be_read_is_embedded_past() -> None:
    store = UnreadableStore()
    vectors = Encoder(store=store).embed([TEXT])
    assert np.array_equal(vectors, Encoder().embed([TEXT]))
    assert len(store.saved) == 1


@pytest.mark.parametrize("write", ["draft", "edit", "cache"])
def test_the_loops_own_writes_outlive_a_workers_rollback(store: Store, write: str) -> None:
    # A worker's transaction (an embedding batch) is open when the event loop saves a draft,
    # the person's edit or an LLM answer; the worker's rolls back, the loop's write stays.
    from reply_assistant.models import Draft, Provenance

    [message_id] = [store.add_manual_message("Sam Lee", TEXT)]
    made = Provenance(backend="openai", model="m", prompt_version="draft@v1")
    writes = {
        "draft": lambda: store.save_draft(
            message_id, Draft(text="Hi", language="en", provenance=made)
        ),
        "edit": lambda: store.save_edit(message_id, "Hi Sam"),
        "cache": lambda: store.response_cache.put("key", "answer"),
    }
    loop_write = threading.Thread(target=writes[write])
    with pytest.raises(RuntimeError), store._transaction():
        loop_write.start()
        loop_write.join(WORKER_HEAD_START_S)
        raise RuntimeError("the worker's transaction fails")
    loop_write.join()
    kept = {
        "draft": lambda: len(store.drafts(message_id)) == 1,
        "edit": lambda: store.edited_text(message_id) == "Hi Sam",
        "cache": lambda: store.response_cache.get("key") == "answer",
    }
    assert kept[write]()
