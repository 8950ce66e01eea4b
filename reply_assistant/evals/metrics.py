"""Scores of a run, computed from its recorded examples alone (so `rescore` needs no backend).

Conventions: a failed call counts as a wrong answer in accuracy and recall and is left out
of the confusion matrix, precision and calibration (it has no prediction or confidence);
a class never predicted has precision 0; macro-F1 averages over the classes that occur in
the gold labels or the predictions (as scikit-learn does).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from reply_assistant.draft_checks import CHECK_NAMES, check_draft
from reply_assistant.evals.judge import judge_metrics
from reply_assistant.evals.records import (
    CheckRate,
    ClassScores,
    ExampleResult,
    GroupScores,
    RunMetrics,
    TokenCounts,
)
from reply_assistant.models import Label

ECE_BINS = 10
INJECTION_SUBTYPE = "prompt_injection"


def ordered_labels(gold: Sequence[str], predicted: Sequence[str | None]) -> list[str]:
    """The three labels first, in their usual order, then anything else seen, sorted."""
    known = [label.value for label in Label]
    extra = sorted({*gold, *(p for p in predicted if p is not None)} - set(known))
    return known + extra


def accuracy(gold: Sequence[str], predicted: Sequence[str | None]) -> float:
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def per_class_scores(
    gold: Sequence[str], predicted: Sequence[str | None], labels: Sequence[str]
) -> dict[str, ClassScores]:
    true_pos = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    predicted_count = Counter(p for p in predicted if p is not None)
    support = Counter(gold)
    scores: dict[str, ClassScores] = {}
    for label in labels:
        precision = _ratio(true_pos[label], predicted_count[label])
        recall = _ratio(true_pos[label], support[label])
        scores[label] = ClassScores(
            precision=precision,
            recall=recall,
            f1=_ratio(2 * precision * recall, precision + recall),
            support=support[label],
        )
    return scores


def macro_f1(
    gold: Sequence[str], predicted: Sequence[str | None], scores: dict[str, ClassScores]
) -> float:
    present = set(gold) | {p for p in predicted if p is not None}
    counted = [scores[label].f1 for label in scores if label in present]
    return sum(counted) / len(counted) if counted else 0.0


def confusion_matrix(
    gold: Sequence[str], predicted: Sequence[str | None], labels: Sequence[str]
) -> list[list[int]]:
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        if p is not None:
            matrix[index[g]][index[p]] += 1
    return matrix


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
    return sum((c - float(ok)) ** 2 for c, ok in zip(confidences, correct, strict=True)) / len(
        confidences
    )


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS
) -> float | None:
    """Equal-width bins over [0, 1], 1.0 in the last; weighted mean of |accuracy - confidence|."""
    if not confidences:
        return None
    members: dict[int, list[int]] = defaultdict(list)
    for i, confidence in enumerate(confidences):
        members[min(int(confidence * bins), bins - 1)].append(i)
    total = 0.0
    for indices in members.values():
        bin_accuracy = sum(correct[i] for i in indices) / len(indices)
        bin_confidence = sum(confidences[i] for i in indices) / len(indices)
        total += len(indices) / len(confidences) * abs(bin_accuracy - bin_confidence)
    return total


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


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


def draft_check_rates(results: Sequence[dict[str, bool]]) -> dict[str, CheckRate]:
    rates: dict[str, CheckRate] = {}
    for name in CHECK_NAMES:
        outcomes = [checks[name] for checks in results if name in checks]
        passed = sum(outcomes)
        rates[name] = CheckRate(
            passed=passed,
            applicable=len(outcomes),
            rate=passed / len(outcomes) if outcomes else None,
        )
    return rates


def recheck_drafts(examples: Sequence[ExampleResult]) -> list[dict[str, bool]]:
    """The draft checks run again on the recorded drafts; a redacted example (its sender's
    name not kept) keeps the checks recorded when it ran."""
    results = []
    for example in examples:
        if example.draft is None:
            results.append({})
        elif not example.redacted:
            results.append(
                check_draft(
                    example.draft,
                    label=example.predicted,
                    language=example.language,
                    first_name=example.first_name,
                    action=example.action,
                )
            )
        else:
            results.append(example.checks)
    return results


def compute_metrics(examples: Sequence[ExampleResult]) -> RunMetrics:
    gold = [e.gold for e in examples]
    predicted = [e.predicted for e in examples]
    labels = ordered_labels(gold, predicted)
    per_class = per_class_scores(gold, predicted, labels)
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
        macro_f1=macro_f1(gold, predicted, per_class),
        labels=labels,
        per_class=per_class,
        confusion=confusion_matrix(gold, predicted, labels),
        spam_fp_rate=spam_fp_rate(gold, predicted),
        brier=brier_score(confidences, correct),
        ece=expected_calibration_error(confidences, correct),
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
        draft_checks=draft_check_rates(recheck_drafts(examples)),
        tokens=TokenCounts(
            prompt=prompt_tokens,
            completion=completion_tokens,
            total=prompt_tokens + completion_tokens,
        ),
        cost_usd=sum(costs) if costs else None,
        latency_p50_ms=percentile(latencies, 50),
        latency_p95_ms=percentile(latencies, 95),
        **judge_metrics(examples),
    )
