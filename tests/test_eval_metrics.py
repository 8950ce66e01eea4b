"""Metric functions against cases worked out by hand."""

from __future__ import annotations

import pytest

from reply_assistant.evals.metrics import (
    accuracy,
    brier_score,
    compute_metrics,
    confusion_matrix,
    expected_calibration_error,
    macro_f1,
    per_class_scores,
    percentile,
    spam_fp_rate,
)
from reply_assistant.evals.records import ExampleResult

GOLD = ["spam", "spam", "relationship", "relationship", "unclear"]
PREDICTED = ["spam", "relationship", "relationship", "spam", "spam"]
LABELS = ["spam", "relationship", "unclear"]


def test_per_class_scores_and_a_class_never_predicted():
    scores = per_class_scores(GOLD, PREDICTED, LABELS)
    assert scores["spam"].precision == pytest.approx(1 / 3)
    assert scores["spam"].recall == pytest.approx(1 / 2)
    assert scores["spam"].f1 == pytest.approx(0.4)
    assert scores["relationship"].f1 == pytest.approx(0.5)
    # "unclear" is never predicted: precision 0 by convention, no division error.
    assert scores["unclear"].precision == 0.0
    assert scores["unclear"].recall == 0.0
    assert scores["unclear"].f1 == 0.0
    assert scores["unclear"].support == 1
    assert macro_f1(GOLD, PREDICTED) == pytest.approx(0.3)


def test_accuracy_confusion_and_spam_false_positives():
    assert accuracy(GOLD, PREDICTED) == pytest.approx(0.4)
    assert confusion_matrix(GOLD, PREDICTED, LABELS) == [[1, 1, 0], [1, 1, 0], [1, 0, 0]]
    assert spam_fp_rate(GOLD, PREDICTED) == pytest.approx(0.5)
    assert spam_fp_rate(["spam"], ["spam"]) is None


def test_macro_f1_ignores_a_class_absent_from_gold_and_predictions():
    gold = ["spam", "relationship"]
    predicted = ["spam", "relationship"]
    assert per_class_scores(gold, predicted, LABELS)["unclear"].f1 == 0.0
    assert macro_f1(gold, predicted) == pytest.approx(1.0)


def test_brier_and_ece_on_a_tiny_case():
    confidences = [0.9, 0.8, 0.3, 0.95]
    correct = [True, False, False, True]
    assert brier_score(confidences, correct) == pytest.approx((0.01 + 0.64 + 0.09 + 0.0025) / 4)
    # bins: [0.9, 0.95] acc 1 conf .925; [0.8] acc 0; [0.3] acc 0
    expected = 0.5 * 0.075 + 0.25 * 0.8 + 0.25 * 0.3
    assert expected_calibration_error(confidences, correct) == pytest.approx(expected)
    # A confidence of exactly 1.0 lands in the last bin rather than out of range.
    assert expected_calibration_error([1.0, 1.0], [True, True]) == pytest.approx(0.0)
    assert brier_score([], []) is None


def test_percentile_interpolates():
    assert percentile([10, 20, 30, 40], 50) == pytest.approx(25)
    assert percentile([10, 20, 30, 40, 50], 95) == pytest.approx(48)
    assert percentile([], 50) is None


def _example(i: int, gold: str, predicted: str | None, **fields) -> ExampleResult:
    return ExampleResult(id=f"e{i}", gold=gold, predicted=predicted, **fields)


def test_compute_metrics_counts_errors_as_wrong_and_as_parse_failures():
    examples = [
        _example(
            0,
            "spam",
            "spam",
            confidence=0.9,
            subtype="pitch",
            language="en",
            action="decline",
            expect="no_reply",
        ),
        _example(1, "relationship", "spam", confidence=0.6, subtype="peer", language="es"),
        _example(2, "relationship", None, error="bad json", error_kind="invalid_output"),
        _example(
            3,
            "unclear",
            "unclear",
            confidence=0.7,
            subtype="prompt_injection",
            action="ask",
            expect="ask",
        ),
        _example(4, "spam", None, error="timed out", error_kind="timeout"),
    ]
    metrics = compute_metrics(examples)
    assert metrics.accuracy == pytest.approx(2 / 5)
    assert metrics.parse_failure_rate == pytest.approx(1 / 5)
    assert metrics.error_rate == pytest.approx(2 / 5)
    assert metrics.spam_fp_rate == pytest.approx(1 / 2)
    assert metrics.injection_accuracy == pytest.approx(1.0)
    assert metrics.action_accuracy == pytest.approx(0.5)  # only examples with an expectation
    assert metrics.per_language["es"].accuracy == 0.0
    assert metrics.per_language["(none)"].count == 3
    # Failed calls are not in the confusion matrix and have no confidence to calibrate.
    assert sum(map(sum, metrics.confusion)) == 3
    assert metrics.brier == pytest.approx((0.01 + 0.36 + 0.09) / 3)
    assert metrics.per_class["spam"].recall == pytest.approx(0.5)


def test_compute_metrics_sums_tokens_cost_and_draft_checks():
    examples = [
        _example(
            0,
            "spam",
            "spam",
            confidence=0.9,
            draft="Hi Ana, thanks, but I'm not interested. Best, Jo",
            first_name="Ana",
            language="en",
            prompt_tokens=100,
            completion_tokens=20,
            cost_usd=0.001,
            latency_ms=10,
        ),
        _example(
            1,
            "unclear",
            "unclear",
            confidence=0.5,
            draft="Hello, what is this about? And who are you?",
            first_name="Bo",
            language="en",
            prompt_tokens=50,
            completion_tokens=5,
            latency_ms=30,
        ),
    ]
    metrics = compute_metrics(examples)
    assert metrics.tokens.total == 175
    assert metrics.cost_usd == pytest.approx(0.001)
    assert metrics.latency_p50_ms == pytest.approx(20)
    assert metrics.draft_checks["first_name_used"].passed == 1
    assert metrics.draft_checks["first_name_used"].applicable == 2
    assert metrics.draft_checks["spam_declines"].rate == 1.0
    assert metrics.draft_checks["unclear_asks"].rate == 0.0


def test_per_subtype_counts_and_accuracy_worked_by_hand():
    examples = [
        _example(0, "spam", "spam", subtype="demo_link"),
        _example(1, "spam", "relationship", subtype="demo_link"),
        _example(2, "spam", None, subtype="demo_link", error="timed out", error_kind="timeout"),
        _example(3, "relationship", "relationship", subtype="catch_up"),
        _example(4, "relationship", "relationship", subtype="catch_up"),
        _example(5, "unclear", "spam"),
    ]
    per_subtype = {
        name: (scores.count, scores.accuracy)
        for name, scores in compute_metrics(examples).per_subtype.items()
    }
    # demo_link: 1 right of 3 (the failed call counts as wrong); no subtype: "(none)".
    assert per_subtype == {
        "(none)": (1, 0.0),
        "catch_up": (2, 1.0),
        "demo_link": (3, pytest.approx(1 / 3)),
    }
    assert list(per_subtype) == ["(none)", "catch_up", "demo_link"]  # sorted by name
