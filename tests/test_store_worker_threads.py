"""The UI's Store is shared with worker threads (the offline model embeds and reads the
corrections in `asyncio.to_thread`): a worker's statement must not land inside the event
loop's transaction."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from reply_assistant.backends.offline.encoder import ENCODER_ID
from reply_assistant.store import Store

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
