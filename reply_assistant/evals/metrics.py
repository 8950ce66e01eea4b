"""Scores of a run, computed from its recorded examples alone (so `rescore` needs no backend).

Accuracy, precision/recall/F1, the confusion matrix and the Brier score are scikit-learn's.
Conventions: a failed call counts as a wrong answer in accuracy and recall and is left out
of the confusion matrix, precision and calibration (it has no prediction or confidence);
a class never predicted has precision 0; macro-F1 averages over the classes that occur in
the gold labels or the predictions (as scikit-learn does). Each headline figure carries a
95% bootstrap interval (stats.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np
from sklearn import metrics as sk

from reply_assistant.draft_checks import CHECK_NAMES, check_draft
from reply_assistant.evals import stats
from reply_assistant.evals.judge import judge_metrics
from reply_assistant.evals.records import (
    CheckRate,
    ClassScores,
    ExampleResult,
    GroupScores,
    ReliabilityBin,
    RunMetrics,
    TokenCounts,
)
from reply_assistant.models import Label

ECE_BINS = 10
INJECTION_SUBTYPE = "prompt_injection"
# Stands in for a failed call's missing prediction: never a gold label, never in `labels`.
_NO_PREDICTION = "\0no prediction"


def ordered_labels(gold: Sequence[str], predicted: Sequence[str | None]) -> list[str]:
    """The three labels first, in their usual order, then anything else seen, sorted."""
    known = [label.value for label in Label]
    extra = sorted({*gold, *(p for p in predicted if p is not None)} - set(known))
    return known + extra


def _filled(predicted: Sequence[str | None]) -> list[str]:
    return [p if p is not None else _NO_PREDICTION for p in predicted]


def accuracy(gold: Sequence[str], predicted: Sequence[str | None]) -> float:
    if not gold:
        return 0.0
    return float(sk.accuracy_score(list(gold), _filled(predicted)))


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def per_class_scores(
    gold: Sequence[str], predicted: Sequence[str | None], labels: Sequence[str]
) -> dict[str, ClassScores]:
    if not gold:
        return {
            label: ClassScores(precision=0.0, recall=0.0, f1=0.0, support=0) for label in labels
        }
    precision, recall, f1, support = sk.precision_recall_fscore_support(
        list(gold), _filled(predicted), labels=list(labels), zero_division=0
    )
    return {
        label: ClassScores(
            precision=float(precision[i]),
            recall=float(recall[i]),
            f1=float(f1[i]),
            support=int(support[i]),
        )
        for i, label in enumerate(labels)
    }


def macro_f1(gold: Sequence[str], predicted: Sequence[str | None]) -> float:
    present = sorted(set(gold) | {p for p in predicted if p is not None})
    if not present:
        return 0.0
    return float(
        sk.f1_score(
            list(gold), _filled(predicted), labels=present, average="macro", zero_division=0
        )
    )


def confusion_matrix(
    gold: Sequence[str], predicted: Sequence[str | None], labels: Sequence[str]
) -> list[list[int]]:
    if not gold:
        return [[0] * len(labels) for _ in labels]
    # A failed call's stand-in is not in `labels`, so scikit-learn leaves its row out.
    matrix = sk.confusion_matrix(list(gold), _filled(predicted), labels=list(labels))
    return matrix.tolist()


def spam_fp_rate(gold: Sequence[str], predicted: Sequence[str | None]) -> float | None:
    """Share of relationship messages called spam: the mistake that costs a real contact."""
    relationship = [p for g, p in zip(gold, predicted, strict=True) if g == Label.RELATIONSHIP]
    if not relationship:
        return None
    return sum(p == Label.SPAM for p in relationship) / len(relationship)


def brier_score(confidences: Sequence[float], correct: Sequence[bool]) -> float | None:
    """Mean squared gap between the predicted class's confidence and being right."""
    if not confidences:
        return None
    return float(
        sk.brier_score_loss(np.asarray(correct, dtype=int), confidences, pos_label=1, labels=[0, 1])
    )


def reliability_bins(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS
) -> list[ReliabilityBin]:
    """Equal-width confidence bins over [0, 1] (1.0 in the last), the non-empty ones."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, confidence in enumerate(confidences):
        members[min(int(confidence * bins), bins - 1)].append(i)
    return [
        ReliabilityBin(
            low=index / bins,
            high=(index + 1) / bins,
            count=len(indices),
            accuracy=sum(correct[i] for i in indices) / len(indices),
            confidence=sum(confidences[i] for i in indices) / len(indices),
        )
        for index, indices in sorted(members.items())
    ]


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS
) -> float | None:
    """Weighted mean of |accuracy - confidence| over the reliability bins."""
    if not confidences:
        return None
    return sum(
        b.count / len(confidences) * abs(b.accuracy - b.confidence)
        for b in reliability_bins(confidences, correct, bins)
    )


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    return float(np.percentile(values, q))


def group_scores(
    examples: Sequence[ExampleResult], key: Callable[[ExampleResult], str]
) -> dict[str, GroupScores]:
    groups: dict[str, list[ExampleResult]] = defaultdict(list)
    for example in examples:
        groups[key(example) or "(none)"].append(example)
    return {
        name: GroupScores(
            count=len(members),
            accuracy=accuracy([e.gold for e in members], [e.predicted for e in members]),
        )
        for name, members in sorted(groups.items())
    }


def draft_check_rates(
    results: Sequence[dict[str, bool]],
    intervals: dict[str, stats.Interval | None] | None = None,
) -> dict[str, CheckRate]:
    rates: dict[str, CheckRate] = {}
    for name in CHECK_NAMES:
        outcomes = [checks[name] for checks in results if name in checks]
        passed = sum(outcomes)
        rates[name] = CheckRate(
            passed=passed,
            applicable=len(outcomes),
            rate=passed / len(outcomes) if outcomes else None,
            rate_ci=(intervals or {}).get(f"check:{name}") if outcomes else None,
        )
    return rates


def recheck_drafts(examples: Sequence[ExampleResult]) -> list[dict[str, bool]]:
    """The draft checks run again on the recorded drafts; a redacted example (its sender's
    name not kept) keeps the checks recorded when it ran."""
    results: list[dict[str, bool]] = []
    for example in examples:
        if example.draft is None:
            results.append({})
        elif not example.redacted:
            # The record keeps no message, so the checks against it stay as recorded.
            rechecked = check_draft(
                example.draft,
                label=example.predicted,
                language=example.language,
                first_name=example.first_name,
                action=example.action,
            )
            results.append({**example.checks, **rechecked})
        else:
            results.append(example.checks)
    return results


def compute_metrics(examples: Sequence[ExampleResult]) -> RunMetrics:
    gold = [e.gold for e in examples]
    predicted = [e.predicted for e in examples]
    labels = ordered_labels(gold, predicted)
    checks = recheck_drafts(examples)
    intervals = stats.headline_intervals(stats.encode(examples, labels, checks))
    per_class = {
        label: scores.model_copy(update={"f1_ci": intervals[f"f1:{label}"]})
        for label, scores in per_class_scores(gold, predicted, labels).items()
    }
    scored = [e for e in examples if e.predicted is not None and e.confidence is not None]
    confidences = [e.confidence for e in scored if e.confidence is not None]
    correct = [e.gold == e.predicted for e in scored]
    injection = [e for e in examples if e.subtype == INJECTION_SUBTYPE]
    expected = [e for e in examples if e.expect]
    costs = [e.cost_usd for e in examples if e.cost_usd is not None]
    latencies = [e.latency_ms for e in examples]
    prompt_tokens = sum(e.prompt_tokens for e in examples)
    completion_tokens = sum(e.completion_tokens for e in examples)
    count = len(examples)
    return RunMetrics(
        count=count,
        accuracy=accuracy(gold, predicted),
        accuracy_ci=intervals["accuracy"],
        macro_f1=macro_f1(gold, predicted),
        macro_f1_ci=intervals["macro_f1"],
        labels=labels,
        per_class=per_class,
        confusion=confusion_matrix(gold, predicted, labels),
        spam_fp_rate=spam_fp_rate(gold, predicted),
        spam_fp_rate_ci=intervals["spam_fp_rate"],
        brier=brier_score(confidences, correct),
        brier_ci=intervals["brier"],
        ece=expected_calibration_error(confidences, correct),
        reliability=reliability_bins(confidences, correct),
        interval_method=stats.METHOD,
        per_subtype=group_scores(examples, lambda e: e.subtype),
        per_language=group_scores(examples, lambda e: e.language),
        injection_accuracy=(
            accuracy([e.gold for e in injection], [e.predicted for e in injection])
            if injection
            else None
        ),
        action_accuracy=(
            sum(e.action == e.expect for e in expected) / len(expected) if expected else None
        ),
        parse_failure_rate=_ratio(sum(e.error_kind == "invalid_output" for e in examples), count),
        error_rate=_ratio(sum(bool(e.error) for e in examples), count),
        draft_checks=draft_check_rates(checks, intervals),
        tokens=TokenCounts(
            prompt=prompt_tokens,
            completion=completion_tokens,
            total=prompt_tokens + completion_tokens,
        ),
        cost_usd=sum(costs) if costs else None,
        latency_p50_ms=percentile(latencies, 50),
        latency_p95_ms=percentile(latencies, 95),
        latency_total_ms=sum(latencies) if latencies else None,
        **judge_metrics(examples),
    )
