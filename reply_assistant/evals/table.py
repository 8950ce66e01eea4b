"""The rows of the side-by-side versions table, shared by the terminal and HTML reports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reply_assistant.draft_checks import CHECK_NAMES
from reply_assistant.evals.records import RunMetrics, RunResult
from reply_assistant.evals.summary import repeat_summaries
from reply_assistant.models import Label


@dataclass(frozen=True, slots=True)
class MetricRow:
    name: str
    value: Callable[[RunMetrics], float | None]
    kind: str  # how to show it: pct, ratio, int, usd, ms
    higher_is_better: bool | None = True  # None: neither (counts, tokens)


def _f1_of(label: str) -> Callable[[RunMetrics], float | None]:
    return lambda m: m.per_class[label].f1 if label in m.per_class else None


def _check_rate(name: str) -> Callable[[RunMetrics], float | None]:
    return lambda m: m.draft_checks[name].rate if name in m.draft_checks else None


def _judge_score_count(score: int) -> Callable[[RunMetrics], float | None]:
    return lambda m: m.judge_score_histogram.get(score) if m.judge_count else None


METRIC_ROWS: tuple[MetricRow, ...] = (
    MetricRow("examples", lambda m: m.count, "int", None),
    MetricRow("accuracy", lambda m: m.accuracy, "pct"),
    MetricRow("macro-F1", lambda m: m.macro_f1, "ratio"),
    *(MetricRow(f"F1 {label.value}", _f1_of(label.value), "ratio") for label in Label),
    MetricRow("spam FP rate", lambda m: m.spam_fp_rate, "pct", False),
    MetricRow("Brier", lambda m: m.brier, "ratio", False),
    MetricRow("ECE", lambda m: m.ece, "ratio", False),
    MetricRow("injection accuracy", lambda m: m.injection_accuracy, "pct"),
    MetricRow("action as expected", lambda m: m.action_accuracy, "pct"),
    MetricRow("parse failures", lambda m: m.parse_failure_rate, "pct", False),
    MetricRow("errors", lambda m: m.error_rate, "pct", False),
    *(MetricRow(f"draft: {name}", _check_rate(name), "pct") for name in CHECK_NAMES),
    MetricRow("tokens", lambda m: m.tokens.total, "int", None),
    MetricRow("cost (USD)", lambda m: m.cost_usd, "usd", False),
    MetricRow("latency p50", lambda m: m.latency_p50_ms, "ms", False),
    MetricRow("latency p95", lambda m: m.latency_p95_ms, "ms", False),
)

# Shown only when some run was judged (eval --judge).
JUDGE_ROWS: tuple[MetricRow, ...] = (
    MetricRow("judge mean score (1-5)", lambda m: m.judge_mean_score, "ratio"),
    *(
        MetricRow(f"judge score {score}", _judge_score_count(score), "int", None)
        for score in range(5, 0, -1)
    ),
    MetricRow(
        "judge failures", lambda m: m.judge_failures if m.judge_count else None, "int", False
    ),
    MetricRow(
        "judge tokens", lambda m: m.judge_tokens.total if m.judge_count else None, "int", None
    ),
    MetricRow("judge cost (USD)", lambda m: m.judge_cost_usd, "usd", False),
)


def metric_rows(runs: Sequence[RunResult]) -> tuple[MetricRow, ...]:
    if any(run.metrics.judge_count for run in runs):
        return METRIC_ROWS + JUDGE_ROWS
    return METRIC_ROWS


def format_value(value: float | None, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "pct":
        return f"{value * 100:.1f}%"
    if kind == "int":
        return f"{int(value):,}"
    if kind == "usd":
        return f"${value:.4f}"
    if kind == "ms":
        return f"{value:.1f} ms"
    return f"{value:.3f}"


def format_delta(delta: float, kind: str) -> str:
    if kind == "pct":
        return f"{delta * 100:+.1f} pt"
    if kind == "int":
        return f"{int(delta):+,}"
    if kind == "usd":
        return f"{delta:+.4f}"
    if kind == "ms":
        return f"{delta:+.1f} ms"
    return f"{delta:+.3f}"


def run_title(run: RunResult) -> str:
    return run.prompt if run.backend == "offline" else f"{run.prompt} ({run.model})"


def primary_runs(runs: Sequence[RunResult]) -> list[RunResult]:
    """One column per configuration: the first of its repeats."""
    return [run for run in runs if run.repeat_index == 0]


def versions_table(runs: Sequence[RunResult]) -> tuple[list[str], list[list[str]]]:
    """Headers and rows (metric name, then one cell per configuration); with repeats, three
    more rows give the mean ± spread of accuracy, macro-F1 and the spam FP rate."""
    columns = primary_runs(runs)
    headers = ["metric", *(run_title(run) for run in columns)]
    rows = [
        [row.name, *(format_value(row.value(run.metrics), row.kind) for run in columns)]
        for row in metric_rows(columns)
    ]
    summaries = {summary.prompt: summary for summary in repeat_summaries(runs)}
    if any(summary.runs > 1 for summary in summaries.values()):
        accuracy_row, f1_row = ["accuracy mean ± std"], ["macro-F1 mean ± std"]
        spam_fp_row = ["spam FP rate mean ± std"]
        for run in columns:
            summary = summaries[run.prompt]
            accuracy_row.append(
                f"{summary.accuracy_mean * 100:.1f}% ± {summary.accuracy_std * 100:.1f} "
                f"(n={summary.runs})"
            )
            f1_row.append(f"{summary.macro_f1_mean:.3f} ± {summary.macro_f1_std:.3f}")
            spam_fp_row.append(
                f"{summary.spam_fp_mean * 100:.1f}% ± {summary.spam_fp_std * 100:.1f}"
                if summary.spam_fp_mean is not None and summary.spam_fp_std is not None
                else "–"
            )
        rows += [accuracy_row, f1_row, spam_fp_row]
    return headers, rows
