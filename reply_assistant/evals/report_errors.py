"""What a run got wrong, for the terminal: its confusion matrix, and the examples it
misjudged (capped by `eval --show-errors N`)."""

from __future__ import annotations

from rich.table import Table

from reply_assistant.evals.records import RunResult
from reply_assistant.evals.table import run_title


def confusion_rich_table(run: RunResult) -> Table:
    """Gold classes down, predicted across, as the HTML report's heat map."""
    labels, matrix = run.metrics.labels, run.metrics.confusion
    table = Table(title=f"Confusion matrix, {run_title(run)} (rows: gold)", header_style="bold")
    table.add_column("gold \\ predicted")
    for label in labels:
        table.add_column(label, justify="right")
    for gold, counts in zip(labels, matrix, strict=True):
        cells = [
            f"[bold]{count}[/]" if predicted == gold else str(count)
            for predicted, count in zip(labels, counts, strict=True)
        ]
        table.add_row(gold, *cells)
    return table


def wrong_examples_rich_table(run: RunResult, limit: int) -> tuple[Table, int]:
    """The first `limit` examples judged wrong (or not judged: the call failed), and how
    many there are in all."""
    wrong = [example for example in run.examples if example.predicted != example.gold]
    table = Table(title=f"Examples judged wrong, {run_title(run)}", header_style="bold")
    for header in ("id", "gold", "predicted", "text"):
        table.add_column(header, overflow="fold")
    for example in wrong[:limit]:
        predicted = example.predicted or f"(error: {example.error_kind or 'failed'})"
        table.add_row(example.id, example.gold, predicted, example.text_preview or "(redacted)")
    return table, len(wrong)
