"""Bootstrap intervals and paired tests (evals/stats.py) on cases with known answers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from reply_assistant.evals import stats
from reply_assistant.evals.metrics import compute_metrics
from reply_assistant.evals.records import ExampleResult


def _examples(pairs: list[tuple[str, str | None]], confidence: float = 0.8) -> list[ExampleResult]:
    return [
        ExampleResult(
            id=f"e{i}",
            gold=gold,
            predicted=predicted,
            confidence=confidence if predicted is not None else None,
        )
        for i, (gold, predicted) in enumerate(pairs)
    ]


def _binomial_two_sided(smaller: int, total: int) -> float:
    """Exact McNemar worked out from the binomial coefficients, independently of scipy."""
    tail = sum(math.comb(total, k) for k in range(smaller + 1)) / 2**total
    return min(1.0, 2 * tail)


@pytest.mark.parametrize(
    ("b", "c", "expected"),
    [(1, 9, 0.021484375), (9, 1, 0.021484375), (0, 5, 0.0625), (4, 4, 1.0), (0, 0, 1.0)],
)
def test_mcnemar_exact_p_values(b: int, c: int, expected: float):
    assert stats.mcnemar_exact_p(b, c) == pytest.approx(expected)
    if b + c:
        assert stats.mcnemar_exact_p(b, c) == pytest.approx(_binomial_two_sided(min(b, c), b + c))


def test_accuracy_interval_matches_the_normal_approximation_on_a_large_sample():
    # 400 examples, 320 right: the Wald interval is 0.8 ± 1.96 * sqrt(0.8 * 0.2 / 400).
    pairs = [("spam", "spam")] * 320 + [("spam", "relationship")] * 80
    metrics = compute_metrics(_examples(pairs))
    half_width = 1.96 * math.sqrt(0.8 * 0.2 / 400)
    low, high = metrics.accuracy_ci
    assert low == pytest.approx(0.8 - half_width, abs=0.01)
    assert high == pytest.approx(0.8 + half_width, abs=0.01)


def test_intervals_are_seeded_and_hold_the_point_figure():
    pairs = (
        [("spam", "spam")] * 30
        + [("relationship", "relationship")] * 25
        + [("relationship", "spam")] * 5
        + [("unclear", "unclear")] * 6
        + [("unclear", "relationship")] * 4
        + [("spam", None)] * 2
    )
    first, second = compute_metrics(_examples(pairs)), compute_metrics(_examples(pairs))
    assert first == second
    for figure, interval in [
        (first.accuracy, first.accuracy_ci),
        (first.macro_f1, first.macro_f1_ci),
        (first.spam_fp_rate, first.spam_fp_rate_ci),
        (first.brier, first.brier_ci),
        *((scores.f1, scores.f1_ci) for scores in first.per_class.values()),
    ]:
        low, high = interval
        assert low <= figure <= high
        assert low < high  # mixed outcomes: the interval has width
    assert "2000 resamples" in first.interval_method and "Wilson" in first.interval_method


def test_resampled_figures_on_the_original_examples_equal_scikit_learns():
    pairs = [
        ("spam", "spam"),
        ("spam", "relationship"),
        ("relationship", "relationship"),
        ("relationship", "spam"),
        ("unclear", None),
        ("unclear", "unclear"),
    ]
    examples = _examples(pairs, confidence=0.7)
    metrics = compute_metrics(examples)
    run = stats.encode(examples, metrics.labels)
    figures = dict(
        zip(
            stats.headline_names(metrics.labels),
            stats.headline_figures(run, np.arange(len(examples))),
            strict=True,
        )
    )
    assert figures["accuracy"] == pytest.approx(metrics.accuracy)
    assert figures["macro_f1"] == pytest.approx(metrics.macro_f1)
    assert figures["spam_fp_rate"] == pytest.approx(metrics.spam_fp_rate)
    assert figures["brier"] == pytest.approx(metrics.brier)
    for label, scores in metrics.per_class.items():
        assert figures[f"f1:{label}"] == pytest.approx(scores.f1)


def _wilson_by_hand(successes: int, trials: int, z: float = 1.959963984540054):
    """The Wilson score interval from its formula, independently of scipy."""
    share = successes / trials
    centre = (share + z * z / (2 * trials)) / (1 + z * z / trials)
    half = (
        z / (1 + z * z / trials) * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials**2))
    )
    return centre - half, centre + half


@pytest.mark.parametrize(("successes", "trials"), [(15, 20), (0, 10), (10, 10), (168, 168), (3, 7)])
def test_wilson_interval_matches_its_formula(successes: int, trials: int):
    low, high = stats.wilson_interval(successes, trials)
    expected_low, expected_high = _wilson_by_hand(successes, trials)
    assert low == pytest.approx(max(expected_low, 0.0), abs=1e-6)
    assert high == pytest.approx(min(expected_high, 1.0), abs=1e-6)
    assert stats.wilson_interval(0, 0) is None


def test_a_perfect_run_keeps_an_honest_interval_on_its_rates():
    metrics = compute_metrics(_examples([("spam", "spam")] * 20, confidence=1.0))
    # 20 of 20 right: the Wilson interval stays open below (20 / (20 + 1.96²) = 0.839),
    # where a bootstrap would claim [1, 1].
    low, high = metrics.accuracy_ci
    assert high == 1.0
    assert low == pytest.approx(20 / (20 + 1.959963984540054**2), abs=1e-6)
    assert "Wilson" in metrics.interval_method
    assert metrics.macro_f1_ci == (1.0, 1.0)  # F1 is no count: bootstrapped, documented
    assert metrics.spam_fp_rate is None and metrics.spam_fp_rate_ci is None
    assert metrics.draft_checks["spam_declines"].rate_ci is None  # no drafts, no checks


def test_no_false_positive_gets_an_interval_above_zero():
    pairs = [("relationship", "relationship")] * 30 + [("spam", "spam")] * 10
    metrics = compute_metrics(_examples(pairs))
    assert metrics.spam_fp_rate == 0.0
    low, high = metrics.spam_fp_rate_ci
    assert low == 0.0
    assert high == pytest.approx(_wilson_by_hand(0, 30)[1], abs=1e-6)  # about 11.4%


def test_draft_check_pass_rate_interval():
    examples = [
        ExampleResult(id=f"e{i}", gold="spam", predicted="spam", checks={"no_placeholders": i < 15})
        for i in range(20)
    ]
    # Redacted, so the recorded checks are kept: 15 of 20 pass.
    examples = [e.model_copy(update={"redacted": True, "draft": "x"}) for e in examples]
    rate = compute_metrics(examples).draft_checks["no_placeholders"]
    assert rate.rate == pytest.approx(0.75)
    low, high = rate.rate_ci
    assert (low, high) == pytest.approx(_wilson_by_hand(15, 20), abs=1e-6)
    assert 0.5 < low < 0.75 < high < 0.95


def test_paired_comparison_of_nine_fixed_and_one_broken():
    gold = ["spam"] * 20 + ["relationship"] * 20
    a_predictions = list(gold)
    for i in range(9):  # nine relationship messages A calls spam
        a_predictions[20 + i] = "spam"
    b_predictions = list(gold)
    b_predictions[0] = "relationship"  # one spam B misses
    a = _examples(list(zip(gold, a_predictions, strict=True)))
    b = _examples(list(zip(gold, b_predictions, strict=True)))
    result = stats.paired_comparison(a, b)
    assert (result.a_only_correct, result.b_only_correct) == (1, 9)
    assert result.mcnemar_p == pytest.approx(0.021484375)
    expected_delta = compute_metrics(b).macro_f1 - compute_metrics(a).macro_f1
    assert result.macro_f1_delta == pytest.approx(expected_delta)
    low, high = result.macro_f1_delta_ci
    assert 0 < low < result.macro_f1_delta < high
    assert result.spam_fp_delta == pytest.approx(-9 / 20)
    assert result.spam_fp_delta_ci[1] < 0


def test_paired_comparison_of_identical_runs_and_of_runs_matched_by_id():
    a = _examples([("spam", "spam"), ("relationship", "spam"), ("unclear", "unclear")] * 5)
    same = stats.paired_comparison(a, list(reversed(a)))
    assert same.count == 15
    assert same.mcnemar_p == 1.0
    assert same.macro_f1_delta == 0.0
    assert same.macro_f1_delta_ci == (0.0, 0.0)
    disjoint = stats.paired_comparison(a[:3], a[3:])
    assert disjoint.count == 0 and disjoint.macro_f1_delta_ci is None
