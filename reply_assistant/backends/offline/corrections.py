"""The person's corrections as a memory the offline model consults before it answers.

Every relabel (and every verdict the person accepted) in an inbox is a labelled example
for that inbox. A new message whose embedding is very close to corrected ones (cosine at
least THRESHOLD, the same vectors the model reads: in practice the same text to another
name) takes their label, blended with the model's probabilities:
`(1 - WEIGHT) * model + WEIGHT * vote`, the vote weighting each close correction by its
similarity. A unanimous vote always wins, and the shown confidence stays a probability
of the shown label.

Nothing is kept apart from the state file: the corrections are read from the store on
every call, so a relabel counts from the next verdict and an undo stops counting at once.
The settings were chosen with `benchmarks/bench_corrections.py` (see docs/offline-model.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from reply_assistant.backends.offline.blas import one_blas_thread

# Cosine similarity (e5 vectors, l2-normalised) from which a correction speaks for a new
# message, and from which its vote has its whole WEIGHT (below FULL it rises from none).
# e5 similarities are compressed (six-layer vectors): unrelated messages sit around
# 0.75-0.86, minimal pairs (same opening, another ask) up to 0.91 and at most 0.95, and
# 98.7% of the corpus messages resent to another name at 0.97 or above. Chosen by
# benchmarks/bench_corrections.py --tune: a lower threshold flips minimal pairs and costs
# macro-F1 on random corrections; 0.95 fixed the same twins but also spoke for 1.3% of
# other messages.
THRESHOLD = 0.97
FULL = 0.97
# How much the corrections' vote counts against the model's probabilities: above one
# half, so a unanimous vote decides. 0.6 until model f271a6a00f, whose probabilities a
# vote of 0.6 overturned for 21 of 30 mail-merge twins; 0.9 fixes 29 (--tune's choice).
WEIGHT = 0.9
# How much of a corrected message the reason quotes: enough to recognise it, no more.
QUOTE_CHARS = 40


class Labelled(Protocol):
    """A message the person labelled: relabelled (`relabel`) or accepted as judged."""

    @property
    def message_id(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def kind(self) -> str: ...  # "relabel" | "accept"


@runtime_checkable
class CorrectionSource(Protocol):
    """Where an inbox's corrections are read from (the state file implements it)."""

    def labelled_texts(self) -> Sequence[Labelled]: ...


@dataclass(frozen=True, slots=True)
class Recalled:
    """The closest correction that spoke for a message."""

    correction: Labelled
    similarity: float


def blend(
    probabilities: np.ndarray,
    vectors: np.ndarray,
    memory: np.ndarray,
    memory_labels: np.ndarray,
    *,
    threshold: float = THRESHOLD,
    full: float = FULL,
    weight: float = WEIGHT,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The model's `probabilities` (n, classes) for `vectors` (n, dims), moved toward the
    labels (class indices) of the `memory` vectors (m, dims) at least `threshold` similar:
    `(1 - w) * model + w * vote`, where the vote weighs each close correction by its
    similarity and `w` rises from 0 at `threshold` to `weight` at `full`.

    Returns the blended probabilities, and for each row the index of its closest memory
    vector and that similarity (-1 and 0.0 where none is close enough)."""
    blended = probabilities.copy()
    nearest = np.full(len(vectors), -1)
    closest = np.zeros(len(vectors))
    if len(memory) == 0 or len(vectors) == 0:
        return blended, nearest, closest
    # On one BLAS thread: on a busy machine this small product waited tens of
    # milliseconds for a second thread to come round (65 ms against 0.8 ms, 32 by 300).
    with one_blas_thread():
        similarities = vectors @ memory.T
    close = similarities >= threshold
    rows = np.flatnonzero(close.any(axis=1))
    if len(rows) == 0:
        return blended, nearest, closest
    votes = np.zeros((len(rows), probabilities.shape[1]))
    for column in range(probabilities.shape[1]):
        of_class = close[rows] & (memory_labels == column)
        votes[:, column] = np.where(of_class, similarities[rows], 0.0).sum(axis=1)
    votes /= votes.sum(axis=1, keepdims=True)
    nearest[rows] = similarities[rows].argmax(axis=1)
    closest[rows] = similarities[rows].max(axis=1)
    if full > threshold:
        ramp = np.clip((closest[rows] - threshold) / (full - threshold), 0.0, 1.0)
    else:
        ramp = np.ones(len(rows))
    share = (weight * ramp)[:, None]
    blended[rows] = (1 - share) * probabilities[rows] + share * votes
    return blended, nearest, closest


def recall(
    probabilities: np.ndarray,
    vectors: np.ndarray,
    corrections: Sequence[Labelled],
    memory: np.ndarray,
    classes: tuple[str, ...],
) -> tuple[np.ndarray, list[Recalled | None]]:
    """`blend` over the inbox's corrections (their vectors in `memory`, in order)."""
    labels = np.array([classes.index(c.label) for c in corrections], dtype=int)
    blended, nearest, closest = blend(probabilities, vectors, memory, labels)
    recalled = [
        Recalled(corrections[index], float(similarity)) if index >= 0 else None
        for index, similarity in zip(nearest, closest, strict=True)
    ]
    return blended, recalled


def reason_for(recalled: Recalled) -> str:
    """The verdict's reason when a correction decided it, quoting only its opening."""
    correction = recalled.correction
    opening = " ".join(correction.text.split())
    if len(opening) > QUOTE_CHARS:
        opening = opening[: QUOTE_CHARS - 1].rstrip() + "…"
    done = "relabelled" if correction.kind == "relabel" else "accepted as"
    return f"Like a message you {done} {correction.label}: “{opening}”."
