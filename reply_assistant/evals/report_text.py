"""The terminal report: the versions side by side (each figure with its 95% interval), the
paired verdict per pair of versions, cost of quality for LLM runs, per-class
precision/recall, accuracy by language and subtype, then the examples whose verdict differs."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from reply_assistant.evals.breakdown import class_table, group_table
from reply_assistant.evals.compare import ExampleDiff, MetricDelta, differing_examples
from reply_assistant.evals.field import field_table, field_title
from reply_assistant.evals.records import FieldFigures, RunResult
from reply_assistant.evals.report_errors import confusion_rich_table, wrong_examples_rich_table
from reply_assistant.evals.table import (
    cost_of_quality_table,
    primary_runs,
    run_title,
    versions_table,
)
from reply_assistant.evals.verdict import pair_verdicts

MAX_DIFF_ROWS = 50
_STATUS_STYLE = {"fixed": "green", "broken": "red", "changed": "yellow"}


def versions_rich_table(runs: Sequence[RunResult]) -> Table:
    return figures_table("Versions side by side", *versions_table(runs))


def class_rich_table(runs: Sequence[RunResult]) -> Table:
    return figures_table("Per class (n = gold examples)", *class_table(runs))


def figures_table(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], names: int = 1
) -> Table:
    """`names` name columns (left), then figures aligned right."""
    table = Table(title=title, header_style="bold")
    for index, header in enumerate(headers):
        if index < names:  # a name is folded onto more lines, never cut short
            table.add_column(header, overflow="fold")
        else:
            table.add_column(header, justify="right")
    for row in rows:
        table.add_row(*row)
    return table


def group_rich_table(runs: Sequence[RunResult]) -> Table | None:
    """Accuracy per language and subtype, a section per kind (and per label for subtypes);
    None when the examples have neither."""
    headers, rows = group_table(runs)
    if not rows:
        return None
    table = Table(title="Accuracy by language and subtype", header_style="bold")
    table.add_column(headers[0], style="dim")
    table.add_column(headers[1])
    for header in headers[2:]:
        table.add_column(header, justify="right")
    for index, row in enumerate(rows):
        if row[0] and index:
            table.add_section()
        table.add_row(*row)
    return table


def diff_rich_table(runs: Sequence[RunResult], diffs: Sequence[ExampleDiff]) -> Table:
    first = run_title(runs[0])
    table = Table(
        title=f"Examples whose verdict differs (fixed / broken relative to {first})",
        header_style="bold",
    )
    for header in ("id", "gold", *(run_title(run) for run in runs), "text"):
        table.add_column(header, overflow="fold")
    for diff in diffs[:MAX_DIFF_ROWS]:
        cells = []
        for prediction, status in zip(diff.predictions, diff.statuses, strict=True):
            shown = prediction or "(error)"
            cells.append(f"[{_STATUS_STYLE[status]}]{shown} ({status})[/]" if status else shown)
        table.add_row(diff.id, diff.gold, *cells, diff.preview)
    return table


def judge_problems_rich_table(run: RunResult) -> Table:
    table = Table(title=f"Judge: most frequent problems, {run_title(run)}", header_style="bold")
    table.add_column("problem", overflow="fold")
    table.add_column("drafts", justify="right")
    for entry in run.metrics.judge_problems:
        table.add_row(entry.problem, str(entry.count))
    return table


def print_verdicts(console: Console, runs: Sequence[RunResult]) -> None:
    verdicts = pair_verdicts(runs)
    if verdicts:
        console.print("[bold]Paired verdicts[/] (same examples, 95% paired bootstrap)")
    for verdict in verdicts:
        console.print(f"  {verdict.line}", markup=False, soft_wrap=True)


def print_report(console: Console, runs: Sequence[RunResult], show_errors: int = 0) -> None:
    """`show_errors`: how many examples judged wrong to list per version."""
    console.print(versions_rich_table(runs))
    if runs and runs[0].metrics.interval_method:
        console.print(f"[low, high]: {runs[0].metrics.interval_method}", style="dim", markup=False)
    print_verdicts(console, runs)
    headers, rows = cost_of_quality_table(runs)
    if rows:
        console.print(figures_table("Cost of quality (LLM runs)", headers, rows))
    console.print(class_rich_table(runs))
    groups = group_rich_table(runs)
    if groups is not None:
        console.print(groups)
    columns = primary_runs(runs)
    for run in columns:
        console.print(confusion_rich_table(run))
        wrong, count = wrong_examples_rich_table(run, show_errors)
        if show_errors and count:
            console.print(wrong)
            if count > show_errors:
                console.print(f"… and {count - show_errors} more (--show-errors N shows more).")
        if run.metrics.judge_problems:
            console.print(judge_problems_rich_table(run))
    diffs = differing_examples(columns)
    if len(columns) > 1:
        if diffs:
            console.print(diff_rich_table(columns, diffs))
            if len(diffs) > MAX_DIFF_ROWS:
                console.print(f"… and {len(diffs) - MAX_DIFF_ROWS} more (see --output/--html).")
        else:
            console.print("Every run gave every example the same verdict.")


def print_field(console: Console, field: FieldFigures, runs: Sequence[RunResult]) -> None:
    """`eval --field`: the drafts measured by use, or one line when none was decided on."""
    if not field.rows:
        scope = f" since {field.since}" if field.since else ""
        console.print(
            f"No decisions on drafts recorded in the state file{scope}: no field figures."
        )
        return
    console.print(figures_table(field_title(field), *field_table(field, runs), names=2))


def deltas_rich_table(before: RunResult, after: RunResult, deltas: Sequence[MetricDelta]) -> Table:
    table = Table(title=f"{run_title(before)} → {run_title(after)}", header_style="bold")
    for header in ("metric", "A", "B", "Δ"):
        table.add_column(header, justify="left" if header == "metric" else "right")
    for index, delta in enumerate(deltas):
        if index and delta.section != deltas[index - 1].section:
            table.add_section()
        table.add_row(delta.name, delta.before, delta.after, delta.delta)
    return table
