"""Eval runs over time (`eval history`): each recorded run with its headline figures, the
best configuration so far on its dataset (by macro-F1), and the same as SVG lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from pydantic import ValidationError

from reply_assistant.config import OFFLINE
from reply_assistant.evals import charts
from reply_assistant.evals.records import RunFile, RunMetrics
from reply_assistant.evals.report_html import CSS, table_html
from reply_assistant.evals.table import format_interval, format_value
from reply_assistant.store.eval_runs import EvalRunRecord


def records_of(run_file: RunFile, run_path: Path | None) -> list[EvalRunRecord]:
    dataset = run_file.dataset
    return [
        EvalRunRecord(
            created_at=run_file.created_at,
            dataset_sha256=dataset.sha256,
            dataset={"paths": dataset.paths, "count": dataset.count, "split": dataset.split},
            prompt=run.prompt,
            backend=run.backend,
            model=run.model,
            repeat_index=run.repeat_index,
            metrics=run.metrics.model_dump(mode="json"),
            run_file=str(run_path.resolve()) if run_path else "",
        )
        for run in run_file.runs
    ]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    record: EvalRunRecord
    metrics: RunMetrics
    title: str  # "classify@v2+draft@v1 (gpt-4.1-mini)", config.OFFLINE, "… #2" for a repeat
    best_so_far: str  # title of the best run on this dataset up to and including this one
    best_macro_f1: float
    new_best: bool

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.record.created_at)


def configuration(record: EvalRunRecord) -> str:
    """ "classify@v2+draft@v1 (gpt-4.1-mini)", or config.OFFLINE: the same for every repeat."""
    return record.prompt if record.backend == OFFLINE else f"{record.prompt} ({record.model})"


def _title(record: EvalRunRecord) -> str:
    title = configuration(record)
    return f"{title} #{record.repeat_index + 1}" if record.repeat_index else title


def matches_prompt(prompt: str, wanted: str) -> bool:
    """`classify` matches any classify version; `classify@v2` (or `classify=v2`) only it."""
    wanted = wanted.replace("=", "@")
    parts = prompt.split("+")
    if "@" in wanted:
        return wanted in parts
    return any(part.split("@")[0] == wanted for part in parts) or prompt == wanted


def history(records: Sequence[EvalRunRecord], prompt: str | None = None) -> list[HistoryEntry]:
    """Oldest first; the best so far is tracked per dataset (file and split) over the runs
    shown. A row whose metrics this version cannot read (written by a newer one) is left
    out."""
    best: dict[tuple[str, str | None], tuple[str, float]] = {}
    entries = []
    for record in records:
        if prompt and not matches_prompt(record.prompt, prompt):
            continue
        try:
            metrics = RunMetrics.model_validate(record.metrics)
        except ValidationError:
            continue
        title = _title(record)
        dataset = (record.dataset_sha256, record.dataset.get("split"))
        previous = best.get(dataset)
        new_best = previous is None or metrics.macro_f1 > previous[1]
        if new_best:
            best[dataset] = (title, metrics.macro_f1)
        best_title, best_f1 = best[dataset]
        entries.append(HistoryEntry(record, metrics, title, best_title, best_f1, new_best))
    return entries


def dataset_name(record: EvalRunRecord) -> str:
    """ "31d3e807 test/168": the dataset's hash, split and size."""
    split = record.dataset.get("split") or "all"
    return f"{record.dataset_sha256[:8]} {split}/{record.dataset.get('count', '?')}"


def history_table(entries: Sequence[HistoryEntry]) -> tuple[list[str], list[list[str]]]:
    """Date, dataset, configuration, macro-F1 and spam FP with their intervals, and the
    best so far on the dataset ("★" when this run is it)."""
    headers = ["date", "dataset", "configuration", "macro-F1", "spam FP", "best so far"]
    rows = []
    for entry in entries:
        m = entry.metrics
        rows.append(
            [
                f"{entry.when:%Y-%m-%d %H:%M}",
                dataset_name(entry.record),
                entry.title,
                f"{format_value(m.macro_f1, 'ratio')} {format_interval(m.macro_f1_ci, 'ratio')}",
                f"{format_value(m.spam_fp_rate, 'pct')} "
                f"{format_interval(m.spam_fp_rate_ci, 'pct')}".strip(),
                "★" if entry.new_best else f"{entry.best_so_far} {entry.best_macro_f1:.3f}",
            ]
        )
    return headers, rows


def _series(entries: Sequence[HistoryEntry], figure: str) -> dict[str, list[charts.TimePoint]]:
    """Per configuration, the figure over time with its interval (`figure` + "_ci"); the
    repeats of one eval are points of their configuration's line, not lines of their own."""
    series: dict[str, list[charts.TimePoint]] = {}
    for entry in entries:
        value = getattr(entry.metrics, figure)
        if value is not None:
            interval = getattr(entry.metrics, f"{figure}_ci")
            series.setdefault(configuration(entry.record), []).append((entry.when, value, interval))
    return series


def render_history_html(entries: Sequence[HistoryEntry]) -> str:
    """Macro-F1 and spam FP rate over time per configuration, one pair of charts per
    dataset, then the table. Self-contained like the run report."""
    by_dataset: dict[str, list[HistoryEntry]] = {}
    for entry in entries:
        by_dataset.setdefault(dataset_name(entry.record), []).append(entry)
    sections = []
    for members in by_dataset.values():
        sections.append(
            f"<h2>Dataset {escape(dataset_name(members[0].record))}</h2>\n"
            "<div class=figures>"
            + charts.time_series("macro-F1", _series(members, "macro_f1"), "{:.2f}")
            + charts.time_series("spam FP rate", _series(members, "spam_fp_rate"), "{:.0%}")
            + "</div>"
        )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Reply Assistant eval history</title>
<style>{CSS}</style></head><body>
<h1>Reply Assistant eval history</h1>
<p class="meta">{len(entries)} runs; best so far: highest macro-F1 on the same dataset.</p>
{"".join(sections) or "<p>No eval runs recorded yet.</p>"}
<h2>All runs</h2>
{table_html(*history_table(entries), names=3)}
</body></html>
"""
