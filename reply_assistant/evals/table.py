"""The rows of the side-by-side versions table, shared by the terminal and HTML reports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reply_assistant.config import OFFLINE
from reply_assistant.draft_checks import CHECK_NAMES
from reply_assistant.evals.records import Interval, RunMetrics, RunResult
from reply_assistant.evals.summary import RepeatSummary, repeat_summaries
from reply_assistant.models import Label


@dataclass(frozen=True, slots=True)
class MetricRow:
    name: str
    value: Callable[[RunMetrics], float | None]
    kind: str  # how to show it: pct, ratio, int, usd, ms
    higher_is_better: bool | None = True  # None: neither (counts, tokens)
    interval: Callable[[RunMetrics], Interval] | None = None  # its 95% bootstrap interval


def _f1_of(label: str) -> Callable[[RunMetrics], float | None]:
    return lambda m: m.per_class[label].f1 if label in m.per_class else None


def _f1_interval_of(label: str) -> Callable[[RunMetrics], Interval]:
    return lambda m: m.per_class[label].f1_ci if label in m.per_class else None


def _check_rate(name: str) -> Callable[[RunMetrics], float | None]:
    return lambda m: m.draft_checks[name].rate if name in m.draft_checks else None


def _check_interval(name: str) -> Callable[[RunMetrics], Interval]:
    return lambda m: m.draft_checks[name].rate_ci if name in m.draft_checks else None


def _judge_score_count(score: int) -> Callable[[RunMetrics], float | None]:
    return lambda m: m.judge_score_histogram.get(score) if m.judge_count else None


MACRO_F1_ROW = MetricRow(
    "macro-F1", lambda m: m.macro_f1, "ratio", interval=lambda m: m.macro_f1_ci
)
METRIC_ROWS: tuple[MetricRow, ...] = (
    MetricRow("examples", lambda m: m.count, "int", None),
    MetricRow("accuracy", lambda m: m.accuracy, "pct", interval=lambda m: m.accuracy_ci),
    MACRO_F1_ROW,
    *(
        MetricRow(f"F1 {label.value}", _f1_of(label.value), "ratio", True, _f1_interval_of(label))
        for label in Label
    ),
    MetricRow("spam FP rate", lambda m: m.spam_fp_rate, "pct", False, lambda m: m.spam_fp_rate_ci),
    MetricRow("Brier", lambda m: m.brier, "ratio", False, lambda m: m.brier_ci),
    MetricRow("ECE", lambda m: m.ece, "ratio", False),
    MetricRow("injection accuracy", lambda m: m.injection_accuracy, "pct"),
    MetricRow("action as expected", lambda m: m.action_accuracy, "pct"),
    MetricRow("parse failures", lambda m: m.parse_failure_rate, "pct", False),
    MetricRow("errors", lambda m: m.error_rate, "pct", False),
    *(
        MetricRow(f"draft: {name}", _check_rate(name), "pct", True, _check_interval(name))
        for name in CHECK_NAMES
    ),
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
    if kind == "s":
        return f"{value:,.1f} s"
    return f"{value:.3f}"


def format_interval(interval: Interval, kind: str) -> str:
    """ "[79.2, 89.3]" for a percentage, "[0.791, 0.889]" for a ratio; "" without one."""
    if interval is None:
        return ""
    scale, digits = (100, 1) if kind == "pct" else (1, 3)
    low, high = (bound * scale for bound in interval)
    return f"[{low:.{digits}f}, {high:.{digits}f}]"


def format_with_interval(metrics: RunMetrics, row: MetricRow) -> str:
    value = format_value(row.value(metrics), row.kind)
    interval = format_interval(row.interval(metrics), row.kind) if row.interval else ""
    return f"{value} {interval}" if interval and value != "–" else value


def format_delta(delta: float, kind: str) -> str:
    if kind == "pct":
        return f"{delta * 100:+.1f} pt"
    if kind == "int":
        return f"{int(delta):+,}"
    if kind == "usd":
        return f"{delta:+.4f}"
    if kind == "ms":
        return f"{delta:+.1f} ms"
    if kind == "s":
        return f"{delta:+,.1f} s"
    return f"{delta:+.3f}"


def run_title(run: RunResult) -> str:
    return run.prompt if run.backend == OFFLINE else f"{run.prompt} ({run.model})"


def primary_runs(runs: Sequence[RunResult]) -> list[RunResult]:
    """One column per configuration: the first of its repeats."""
    return [run for run in runs if run.repeat_index == 0]


def _spread_cells(name: str, summary: RepeatSummary) -> str:
    if summary.runs < 2:
        return "– (one run)"  # a spread of one run would read as perfectly stable
    if name == "accuracy":
        return (
            f"{summary.accuracy_mean * 100:.1f}% ± {summary.accuracy_std * 100:.1f} "
            f"(n={summary.runs})"
        )
    if name == "macro-F1":
        return f"{summary.macro_f1_mean:.3f} ± {summary.macro_f1_std:.3f}"
    if summary.spam_fp_mean is None or summary.spam_fp_std is None:
        return "–"
    return f"{summary.spam_fp_mean * 100:.1f}% ± {summary.spam_fp_std * 100:.1f}"


SPREAD_ROWS = ("accuracy", "macro-F1", "spam FP rate")


def versions_table(runs: Sequence[RunResult]) -> tuple[list[str], list[list[str]]]:
    """Headers and rows (metric name, then one cell per configuration: the figure and its
    95% interval); with repeats, the mean ± spread across them follows the accuracy,
    macro-F1 and spam FP rows."""
    columns = primary_runs(runs)
    headers = ["metric", *(run_title(run) for run in columns)]
    summaries = {summary.prompt: summary for summary in repeat_summaries(runs)}
    repeated = any(summary.runs > 1 for summary in summaries.values())
    rows = []
    for row in metric_rows(columns):
        rows.append([row.name, *(format_with_interval(run.metrics, row) for run in columns)])
        if repeated and row.name in SPREAD_ROWS:
            rows.append(
                [
                    f"{row.name} mean ± std",
                    *(_spread_cells(row.name, summaries[run.prompt]) for run in columns),
                ]
            )
    return headers, rows


def _per_thousand(total: float | None, count: int) -> float | None:
    return total / count * 1000 if total is not None and count else None


def cost_of_quality_table(runs: Sequence[RunResult]) -> tuple[list[str], list[list[str]]]:
    """For the LLM runs: macro-F1 with its interval beside what 1,000 messages would cost
    and take, so a cheaper configuration that scores as well stands out. Call time is
    the calls' summed latency (one message at a time; concurrency divides it)."""
    headers = ["configuration", "macro-F1", "cost / 1,000 msgs", "call time / 1,000 msgs", "p50"]
    rows = []
    for run in primary_runs(runs):
        if run.backend == OFFLINE:
            continue
        metrics = run.metrics
        total_s = metrics.latency_total_ms / 1000 if metrics.latency_total_ms is not None else None
        rows.append(
            [
                run_title(run),
                format_with_interval(metrics, MACRO_F1_ROW),
                format_value(_per_thousand(metrics.cost_usd, metrics.count), "usd"),
                format_value(_per_thousand(total_s, metrics.count), "s"),
                format_value(metrics.latency_p50_ms, "ms"),
            ]
        )
    return headers, rows
