"""Fitting the model (training only: the one place scikit-learn and scipy are imported)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reply_assistant.backends.offline.classifier import (
    CHAR_BUCKETS,
    Record,
    TextModel,
    char_ngram_occurrences,
    normalise_text,
    smooth_idf,
    softmax,
    word_ngrams,
)

CALIBRATION_FOLDS = 3


@dataclass(frozen=True, slots=True)
class FitSettings:
    c: float  # inverse regularisation strength
    relationship_weight: float  # class weight of relationship (spam and unclear: 1)
    # Declining a friend costs more than answering a seller: spam must beat relationship by
    # this much probability, or the message is called relationship.
    spam_margin: float


# Each chosen by stratified 5-fold cross-validation (x2) on the train split:
# benchmarks/tune_offline.py, docs/offline-model.md.
TFIDF_SETTINGS = FitSettings(c=300.0, relationship_weight=3.0, spam_margin=0.5)
EMBEDDINGS_SETTINGS = FitSettings(c=30.0, relationship_weight=4.0, spam_margin=0.4)


def fit_model(
    records: Sequence[Record],
    labels: Sequence[str],
    *,
    calibrated: bool = False,
    embeddings: np.ndarray | None = None,
) -> TextModel:
    """Fit on `records` (and their sentence `embeddings`, one row each, if given); with
    `calibrated`, a temperature learnt from held-out folds.

    Off by default: on the test split the plain regression's probabilities had the lower
    Brier score and calibration error (docs/offline-model.md), and it trains 4x faster.
    """
    settings = TFIDF_SETTINGS if embeddings is None else EMBEDDINGS_SETTINGS
    model = _fit_once(records, labels, settings, embeddings=embeddings)
    model.spam_margin = settings.spam_margin
    # The held-out temperature is fitted on TF-IDF folds only (it is off by default).
    if (
        calibrated
        and embeddings is None
        and min(list(labels).count(name) for name in set(labels)) >= CALIBRATION_FOLDS
    ):
        model.temperature = _held_out_temperature(records, labels)
    return model


def _fit_once(
    records: Sequence[Record],
    labels: Sequence[str],
    settings: FitSettings = TFIDF_SETTINGS,
    *,
    embeddings: np.ndarray | None = None,
) -> TextModel:
    """One regression, without the decision rule (`spam_margin` is left at 0)."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    texts = [normalise_text(record.text) for record in records]
    n_docs = len(texts)
    vocabulary: dict[str, int] = {}
    word_df: list[int] = []
    for text in texts:
        for gram in set(word_ngrams(text)):
            if gram not in vocabulary:
                vocabulary[gram] = len(vocabulary)
                word_df.append(0)
            word_df[vocabulary[gram]] += 1
    documents, buckets = char_ngram_occurrences(texts)
    seen = np.unique(documents * CHAR_BUCKETS + buckets) % CHAR_BUCKETS
    char_df = np.bincount(seen, minlength=CHAR_BUCKETS)
    classes = tuple(sorted(set(labels)))
    model = TextModel(
        classes=classes,
        word_vocabulary=vocabulary,
        word_idf=smooth_idf(np.array(word_df, dtype=np.float64), n_docs),
        char_idf=smooth_idf(char_df.astype(np.float64), n_docs),
        weights=np.zeros((len(classes), 0)),
        intercept=np.zeros(len(classes)),
    )
    rows, cols, values = model.entries(records)
    # Fit on the columns that occur (a few percent of the hash buckets): the optimiser's
    # cost per iteration follows the number of columns.
    used, compact = np.unique(cols, return_inverse=True)
    matrix = sparse.csr_matrix((values, (rows, compact)), shape=(n_docs, len(used)))
    if embeddings is not None:
        matrix = sparse.hstack([matrix, sparse.csr_matrix(embeddings)]).tocsr()
    class_weight = {
        name: settings.relationship_weight if name == "relationship" else 1.0 for name in classes
    }
    # newton-cg: a few iterations here, where lbfgs needs seconds per fit on this width.
    regression = LogisticRegression(
        C=settings.c, solver="newton-cg", max_iter=1000, class_weight=class_weight
    )
    regression.fit(matrix, list(labels))
    coefficients = regression.coef_
    intercept = regression.intercept_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes
        coefficients = np.vstack([-coefficients[0], coefficients[0]])
        intercept = np.array([-intercept[0], intercept[0]])
    weights = np.zeros((len(classes), model.width))
    weights[:, used] = coefficients[:, : len(used)]
    model.weights = weights
    if embeddings is not None:
        model.embedding_weights = np.ascontiguousarray(coefficients[:, len(used) :])
    model.intercept = intercept.astype(np.float64)
    return model


def _held_out_temperature(records: Sequence[Record], labels: Sequence[str]) -> float:
    """The temperature that minimises log-loss on out-of-fold predictions."""
    from scipy.optimize import minimize_scalar
    from sklearn.model_selection import StratifiedKFold

    folds = StratifiedKFold(n_splits=CALIBRATION_FOLDS, shuffle=True, random_state=0)
    logits, truth = [], []
    classes = tuple(sorted(set(labels)))
    for train_index, held_index in folds.split(np.zeros(len(labels)), labels):
        fold_model = _fit_once([records[i] for i in train_index], [labels[i] for i in train_index])
        if fold_model.classes != classes:
            return 1.0
        logits.append(fold_model.logits([records[i] for i in held_index]))
        truth.extend(classes.index(labels[i]) for i in held_index)
    stacked = np.vstack(logits)
    target = np.array(truth)

    def log_loss(log_temperature: float) -> float:
        probabilities = softmax(stacked / np.exp(log_temperature))
        return float(-np.mean(np.log(probabilities[np.arange(len(target)), target] + 1e-12)))

    best = minimize_scalar(log_loss, bounds=(-3.0, 3.0), method="bounded")
    return float(np.exp(best.x))
