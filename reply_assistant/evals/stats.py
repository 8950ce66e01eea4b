"""How sure a figure is: 95% intervals on every headline figure, and paired tests between runs.

A rate that counts successes among trials (accuracy, the spam false-positive rate, each
draft check's pass rate) gets the Wilson score interval (scipy's binomtest): unlike a
bootstrap it does not collapse at the boundary, so 168 of 168 right reads [97.8, 100],
not [100, 100], which would claim a certainty 168 examples cannot give. F1, macro-F1 and
the Brier score are no counts, so they get a 95% percentile bootstrap (scipy.stats.bootstrap)
over the examples, with a fixed seed so a rerun or `eval rescore` prints the same numbers;
all of them come from the same resamples. A ratio whose denominator a resample happens to
lack (no relationship message drawn, say) is left out of that figure's percentiles. The
bootstrap of a perfect F1 is still [1, 1]: the accuracy's Wilson interval beside it says
how sure that is.

Between two runs of the same examples: McNemar's exact test on correct/incorrect
(scipy.stats.binomtest on the discordant pairs) and a paired bootstrap of the macro-F1 and
spam false-positive differences (the same resampled examples scored in both runs).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from reply_assistant.draft_checks import CHECK_NAMES
from reply_assistant.evals.records import ExampleResult
from reply_assistant.models import Label

CONFIDENCE = 0.95
RESAMPLES = 2000
SEED = 19  # fixed: the same examples always give the same intervals
METHOD = (
    f"{CONFIDENCE:.0%} Wilson score interval for accuracy, spam FP and draft checks; "
    f"percentile bootstrap over examples for F1, macro-F1 and Brier "
    f"({RESAMPLES} resamples, seed {SEED})"
)
# The figures that are a count of successes among trials, so take the Wilson interval.
RATE_FIGURES = ("accuracy", "spam_fp_rate", *(f"check:{name}" for name in CHECK_NAMES))
NO_PREDICTION = -1

Interval = tuple[float, float]


@dataclass(frozen=True, slots=True)
class EncodedRun:
    """A run's examples as arrays: label codes index `labels`, a failed call is -1."""

    labels: list[str]
    gold: np.ndarray
    predicted: np.ndarray
    confidence: np.ndarray  # 0 where there is no confidence (not scored)
    scored: np.ndarray  # has a prediction and a confidence: in the Brier score
    check_applicable: np.ndarray  # (checks, n)
    check_passed: np.ndarray  # (checks, n)


def encode(
    examples: Sequence[ExampleResult],
    labels: Sequence[str],
    checks: Sequence[dict[str, bool]] | None = None,
) -> EncodedRun:
    code = {label: i for i, label in enumerate(labels)}
    checks = checks if checks is not None else [e.checks for e in examples]
    return EncodedRun(
        labels=list(labels),
        gold=np.array([code[e.gold] for e in examples], dtype=int),
        predicted=np.array(
            [code[e.predicted] if e.predicted is not None else NO_PREDICTION for e in examples],
            dtype=int,
        ),
        confidence=np.array(
            [e.confidence if e.confidence is not None else 0.0 for e in examples], dtype=float
        ),
        scored=np.array(
            [e.predicted is not None and e.confidence is not None for e in examples], dtype=bool
        ),
        check_applicable=np.array(
            [[name in result for result in checks] for name in CHECK_NAMES], dtype=bool
        ).reshape(len(CHECK_NAMES), len(examples)),
        check_passed=np.array(
            [[result.get(name, False) for result in checks] for name in CHECK_NAMES], dtype=bool
        ).reshape(len(CHECK_NAMES), len(examples)),
    )


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / np.maximum(denominator, 1), np.nan)


def _class_f1(run: EncodedRun, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """F1 per class, shape (classes, ...), and whether the class occurs (gold or predicted)."""
    gold, predicted = run.gold[rows], run.predicted[rows]
    f1s, present = [], []
    for code in range(len(run.labels)):
        in_gold, in_predicted = gold == code, predicted == code
        true_pos = (in_gold & in_predicted).sum(axis=-1)
        # F1 = 2TP / (2TP + FP + FN) = 2TP / (predicted + support); 0 for an absent class.
        occurrences = in_gold.sum(axis=-1) + in_predicted.sum(axis=-1)
        f1s.append(np.where(occurrences > 0, 2 * true_pos / np.maximum(occurrences, 1), 0.0))
        present.append(occurrences > 0)
    return np.array(f1s), np.array(present)


def _macro_f1(run: EncodedRun, rows: np.ndarray) -> np.ndarray:
    f1s, present = _class_f1(run, rows)
    return _ratio((f1s * present).sum(axis=0), present.sum(axis=0))


def _spam_fp(run: EncodedRun, rows: np.ndarray) -> np.ndarray:
    if Label.RELATIONSHIP.value not in run.labels or Label.SPAM.value not in run.labels:
        return np.full(rows.shape[:-1], np.nan)
    relationship = run.gold[rows] == run.labels.index(Label.RELATIONSHIP.value)
    called_spam = run.predicted[rows] == run.labels.index(Label.SPAM.value)
    return _ratio((relationship & called_spam).sum(axis=-1), relationship.sum(axis=-1))


def headline_figures(run: EncodedRun, rows: np.ndarray) -> np.ndarray:
    """Rows: accuracy, macro-F1, F1 per label, spam FP rate, Brier, pass rate per check;
    one column per resample (`rows` holds the example indices of each resample)."""
    correct = run.gold[rows] == run.predicted[rows]
    scored = run.scored[rows]
    squared_gap = (run.confidence[rows] - correct) ** 2
    f1s, _ = _class_f1(run, rows)
    checks = [
        _ratio(
            (run.check_passed[i][rows] & run.check_applicable[i][rows]).sum(axis=-1),
            run.check_applicable[i][rows].sum(axis=-1),
        )
        for i in range(len(CHECK_NAMES))
    ]
    return np.stack(
        [
            correct.mean(axis=-1),
            _macro_f1(run, rows),
            *f1s,
            _spam_fp(run, rows),
            _ratio((squared_gap * scored).sum(axis=-1), scored.sum(axis=-1)),
            *checks,
        ]
    )


def headline_names(labels: Sequence[str]) -> list[str]:
    return [
        "accuracy",
        "macro_f1",
        *(f"f1:{label}" for label in labels),
        "spam_fp_rate",
        "brier",
        *(f"check:{name}" for name in CHECK_NAMES),
    ]


def _percentile_intervals(distribution: np.ndarray) -> list[Interval | None]:
    """The central 95% of each row's resampled values; None for a figure no resample had."""
    tail = (1 - CONFIDENCE) / 2 * 100
    intervals: list[Interval | None] = []
    for values in distribution:
        kept = values[~np.isnan(values)]
        if not kept.size:
            intervals.append(None)
            continue
        low, high = np.percentile(kept, [tail, 100 - tail])
        intervals.append((round(float(low), 6), round(float(high), 6)))
    return intervals


def _bootstrap(size: int, statistic) -> np.ndarray:
    """The statistic on RESAMPLES seeded resamples of the example indices 0..size-1."""
    with warnings.catch_warnings():
        # scipy warns about figures some resamples lack (NaN); _percentile_intervals drops them.
        warnings.simplefilter("ignore", stats.DegenerateDataWarning)
        result = stats.bootstrap(
            (np.arange(size),),
            lambda rows, axis=-1: statistic(rows),
            vectorized=True,
            n_resamples=RESAMPLES,
            method="percentile",
            confidence_level=CONFIDENCE,
            rng=np.random.default_rng(SEED),
        )
    return np.atleast_2d(result.bootstrap_distribution)


def wilson_interval(successes: int, trials: int) -> Interval | None:
    """95% Wilson score interval of successes/trials; None without trials."""
    if trials <= 0:
        return None
    bounds = stats.binomtest(successes, trials).proportion_ci(CONFIDENCE, method="wilson")
    return (round(float(bounds.low), 6), round(float(bounds.high), 6))


def _rate_counts(run: EncodedRun) -> dict[str, tuple[int, int]]:
    """(successes, trials) behind each figure of RATE_FIGURES."""
    counts = {"accuracy": (int((run.gold == run.predicted).sum()), int(run.gold.size))}
    if Label.RELATIONSHIP.value in run.labels and Label.SPAM.value in run.labels:
        relationship = run.gold == run.labels.index(Label.RELATIONSHIP.value)
        called_spam = run.predicted == run.labels.index(Label.SPAM.value)
        counts["spam_fp_rate"] = (int((relationship & called_spam).sum()), int(relationship.sum()))
    else:
        counts["spam_fp_rate"] = (0, 0)
    for i, name in enumerate(CHECK_NAMES):
        applicable = run.check_applicable[i]
        passed = int((run.check_passed[i] & applicable).sum())
        counts[f"check:{name}"] = (passed, int(applicable.sum()))
    return counts


def headline_intervals(run: EncodedRun) -> dict[str, Interval | None]:
    """95% interval of each headline figure, keyed as in `headline_names`: Wilson for the
    rates, the bootstrap for the rest."""
    names = headline_names(run.labels)
    if run.gold.size < 2:
        intervals: dict[str, Interval | None] = dict.fromkeys(names)
    else:
        distribution = _bootstrap(run.gold.size, lambda rows: headline_figures(run, rows))
        intervals = dict(zip(names, _percentile_intervals(distribution), strict=True))
    for name, (successes, trials) in _rate_counts(run).items():
        intervals[name] = wilson_interval(successes, trials)
    return intervals


@dataclass(frozen=True, slots=True)
class PairedResult:
    count: int  # examples in both runs
    a_only_correct: int  # McNemar's b: right in A, wrong in B
    b_only_correct: int  # McNemar's c
    mcnemar_p: float
    macro_f1_delta: float  # B - A
    macro_f1_delta_ci: Interval | None
    spam_fp_delta: float | None
    spam_fp_delta_ci: Interval | None


def mcnemar_exact_p(a_only_correct: int, b_only_correct: int) -> float:
    """Two-sided exact McNemar p-value: the discordant pairs as a binomial with p = 1/2."""
    discordant = a_only_correct + b_only_correct
    if discordant == 0:
        return 1.0
    return float(stats.binomtest(a_only_correct, discordant, 0.5).pvalue)


def paired_comparison(a: Sequence[ExampleResult], b: Sequence[ExampleResult]) -> PairedResult:
    """A against B on the examples both scored (matched by id, in A's order)."""
    b_by_id = {example.id: example for example in b}
    shared = [example for example in a if example.id in b_by_id]
    matched = [b_by_id[example.id] for example in shared]
    predicted: set[str] = {e.predicted for e in [*shared, *matched] if e.predicted is not None}
    labels = sorted({e.gold for e in shared} | predicted)
    run_a, run_b = encode(shared, labels), encode(matched, labels)
    correct_a = run_a.gold == run_a.predicted
    correct_b = run_b.gold == run_b.predicted
    a_only, b_only = int((correct_a & ~correct_b).sum()), int((~correct_a & correct_b).sum())
    everything = np.arange(len(shared))

    def differences(rows: np.ndarray) -> np.ndarray:
        return np.stack(
            [
                _macro_f1(run_b, rows) - _macro_f1(run_a, rows),
                _spam_fp(run_b, rows) - _spam_fp(run_a, rows),
            ]
        )

    point = differences(everything) if shared else np.array([np.nan, np.nan])
    intervals: list[Interval | None] = (
        _percentile_intervals(_bootstrap(len(shared), differences))
        if len(shared) > 1
        else [None, None]
    )
    return PairedResult(
        count=len(shared),
        a_only_correct=a_only,
        b_only_correct=b_only,
        mcnemar_p=mcnemar_exact_p(a_only, b_only),
        macro_f1_delta=float(np.nan_to_num(point[0])),
        macro_f1_delta_ci=intervals[0],
        spam_fp_delta=None if np.isnan(point[1]) else float(point[1]),
        spam_fp_delta_ci=intervals[1],
    )
