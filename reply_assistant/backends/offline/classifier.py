"""The model: TF-IDF over word 1–2-grams and char_wb 2–5-grams, plus the hand-written
signals, into a multinomial logistic regression with temperature-scaled probabilities.

scikit-learn fits the regression (training only). Prediction is plain numpy, because
importing scikit-learn alone takes longer than the one second the model may take to load,
and its per-n-gram Python loops cannot classify 5,000 messages a second. Character
n-grams are hashed with vectorised arithmetic over the code points of the whole batch.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reply_assistant.backends.offline.signals import (
    FEATURE_NAMES,
    PLACEHOLDER,
    Signals,
    has_placeholder,
    replace_links,
)

CHAR_NGRAMS = (2, 5)
CHAR_BUCKETS = 1 << 18
# Signals are few and binary next to thousands of n-grams; a weight above one lets the
# regulariser keep them.
SIGNAL_WEIGHT = 2.0
WORD_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
_PRIME = np.uint64(1_000_003)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(64 - 18)


@dataclass(frozen=True, slots=True)
class Record:
    """One message as the model sees it."""

    text: str
    signals: Signals


_MARKUP = re.compile(r"<[^<>]{1,200}>|&(?:amp|nbsp|lt|gt|quot);")


def normalise_text(text: str) -> str:
    # Raw HTML (as some exports and datasets carry it) is reduced to its words.
    if "<" in text or "&" in text:
        text = _MARKUP.sub(" ", text)
    # Every URL and placeholder looks alike to the model: their presence matters, not
    # their spelling.
    text = replace_links(text, " httplink ")
    if has_placeholder(text):
        text = PLACEHOLDER.sub(" placeholdertoken ", text)
    return text.lower()


def word_ngrams(text: str) -> list[str]:
    tokens = WORD_TOKEN.findall(text)
    return tokens + [f"{first} {second}" for first, second in itertools.pairwise(tokens)]


def char_ngram_occurrences(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(document index, bucket) of every char_wb n-gram: n-grams of each word padded with
    one space either side, never crossing words."""
    padded = [" " + " ".join(text.split()) + " " for text in texts]
    joined = "\0".join(padded)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter((len(text) + 1 for text in padded), dtype=np.int64, count=len(padded))
    document = np.repeat(np.arange(len(padded)), lengths)[: len(codes)]
    separator = codes == 0
    space = codes == 32
    documents, buckets = [], []
    # Rolling hash: the n-grams of size n extend those of size n-1 by one code point, and
    # so do their "crosses a document" and "has a space inside" flags.
    hashed = codes.copy()
    crosses = separator.copy()
    inner_space = np.zeros(len(codes), dtype=bool)
    for size in range(2, CHAR_NGRAMS[1] + 1):
        count = len(codes) - size + 1
        if count <= 0:
            break
        hashed = hashed[:count] * _PRIME + codes[size - 1 : size - 1 + count]
        crosses = crosses[:count] | separator[size - 1 : size - 1 + count]
        if size >= 3:
            inner_space = inner_space[:count] | space[size - 2 : size - 2 + count]
        else:
            inner_space = inner_space[:count]
        if size < CHAR_NGRAMS[0]:
            continue
        keep = ~(crosses | inner_space)
        documents.append(document[:count][keep])
        salted = hashed[keep] ^ np.uint64(size)
        buckets.append(((salted * _MIX) >> _SHIFT).astype(np.int64))
    if not documents:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(documents), np.concatenate(buckets)


def word_occurrences(
    texts: Sequence[str], vocabulary: dict[str, int]
) -> tuple[np.ndarray, np.ndarray]:
    documents: list[int] = []
    columns: list[int] = []
    for index, text in enumerate(texts):
        found = [vocabulary[gram] for gram in word_ngrams(text) if gram in vocabulary]
        columns.extend(found)
        documents.extend([index] * len(found))
    return np.array(documents, dtype=np.int64), np.array(columns, dtype=np.int64)


def tfidf_entries(
    documents: np.ndarray, columns: np.ndarray, idf: np.ndarray, n_docs: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, value) per n-gram occurrence: idf divided by the document's norm.

    Summed per (row, column), as the sparse matrix used in training does, this is raw
    term frequency times idf, l2-normalised over occurrences. Leaving the sum to the
    consumer avoids sorting millions of n-grams per batch, the costliest step otherwise.
    """
    # N-grams never seen in training have idf 0: they add nothing to the norm or score.
    values = idf[columns]
    norms = np.sqrt(np.bincount(documents, weights=values * values, minlength=n_docs))
    norms[norms == 0] = 1.0
    return documents, columns, values / norms[documents]


def smooth_idf(document_frequency: np.ndarray, n_docs: int) -> np.ndarray:
    idf = np.log((1.0 + n_docs) / (1.0 + document_frequency)) + 1.0
    # An n-gram never seen in training carries no weight and must not dilute the norm.
    return np.where(document_frequency > 0, idf, 0.0)


@dataclass(slots=True)
class TextModel:
    """Everything prediction needs, as plain arrays (pickles small, loads fast)."""

    classes: tuple[str, ...]
    word_vocabulary: dict[str, int]
    word_idf: np.ndarray
    char_idf: np.ndarray
    weights: np.ndarray  # (classes, features): a contiguous row per class gathers fast
    intercept: np.ndarray  # (classes,)
    temperature: float = 1.0
    spam_margin: float = 0.0
    # (classes, dimensions): set when trained with sentence embeddings next to TF-IDF.
    embedding_weights: np.ndarray | None = None

    @property
    def width(self) -> int:
        return len(self.word_vocabulary) + CHAR_BUCKETS + len(FEATURE_NAMES)

    def entries(self, records: Sequence[Record]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, value) of the feature matrix: words, then chars, then signals."""
        texts = [normalise_text(record.text) for record in records]
        n_docs = len(texts)
        n_words = len(self.word_vocabulary)
        word_rows, word_cols, word_values = tfidf_entries(
            *word_occurrences(texts, self.word_vocabulary), self.word_idf, n_docs
        )
        char_rows, char_cols, char_values = tfidf_entries(
            *char_ngram_occurrences(texts), self.char_idf, n_docs
        )
        signals = np.array([record.signals.features for record in records], dtype=np.float64)
        signal_rows, signal_cols = np.nonzero(signals)
        return (
            np.concatenate([word_rows, char_rows, signal_rows]),
            np.concatenate([word_cols, char_cols + n_words, signal_cols + n_words + CHAR_BUCKETS]),
            np.concatenate(
                [word_values, char_values, signals[signal_rows, signal_cols] * SIGNAL_WEIGHT]
            ),
        )

    def logits(self, records: Sequence[Record], embeddings: np.ndarray | None = None) -> np.ndarray:
        """`embeddings`: one row per record, required when the model was trained with them."""
        rows, cols, values = self.entries(records)
        scores = np.stack(
            [
                np.bincount(rows, weights=values * class_weights[cols], minlength=len(records))
                for class_weights in self.weights
            ],
            axis=1,
        )
        if self.embedding_weights is not None:
            if embeddings is None:
                raise ValueError("this model was trained with embeddings; pass them")
            scores += embeddings @ self.embedding_weights.T
        return scores + self.intercept

    def predict_proba(
        self, records: Sequence[Record], embeddings: np.ndarray | None = None
    ) -> np.ndarray:
        return softmax(self.logits(records, embeddings) / self.temperature)

    def decide(self, probabilities: np.ndarray) -> np.ndarray:
        """Class index per row: the most probable, except that spam within `spam_margin` of
        relationship goes to relationship."""
        best = probabilities.argmax(axis=1)
        if self.spam_margin and "spam" in self.classes and "relationship" in self.classes:
            spam = self.classes.index("spam")
            relationship = self.classes.index("relationship")
            close = probabilities[:, spam] - probabilities[:, relationship] < self.spam_margin
            best = np.where((best == spam) & close, relationship, best)
        return best


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


@dataclass(frozen=True, slots=True)
class Prediction:
    label: str
    confidence: float
    probabilities: dict[str, float]


def predict(
    model: TextModel, records: Sequence[Record], embeddings: np.ndarray | None = None
) -> list[Prediction]:
    if not records:
        return []
    probabilities = model.predict_proba(records, embeddings)
    best = model.decide(probabilities)
    return [
        Prediction(
            label=model.classes[index],
            confidence=float(row[index]),
            probabilities=dict(zip(model.classes, row.tolist(), strict=True)),
        )
        for index, row in zip(best.tolist(), probabilities, strict=True)
    ]
