"""Per-class precision/recall and accuracy per language and per subtype, as rows shared by
the terminal report, the HTML report and `eval compare`.

Every row carries its support (n), so a group of two examples is not read like one of fifty.
Subtypes are sectioned by the gold label of their examples, which keeps some forty rows
scannable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reply_assistant.evals.records import GroupScores, RunMetrics, RunResult
from reply_assistant.evals.table import primary_runs, run_title
from reply_assistant.models import Label

NO_GROUP = "(none)"  # the key metrics.group_scores gives examples without a subtype/language
MIXED = "mixed"


@dataclass(frozen=True, slots=True)
class GroupRow:
    section: str  # "language", "subtype · spam"
    kind: str  # "language" or "subtype"
    name: str  # "es", "old_friend"
    support: int  # examples in the group, in the first run that has it


def _groups(metrics: RunMetrics, kind: str) -> dict[str, GroupScores]:
    return metrics.per_language if kind == "language" else metrics.per_subtype


def _subtype_labels(runs: Sequence[RunResult]) -> dict[str, str]:
    """Each subtype's gold label, or MIXED when its examples have more than one."""
    labels: dict[str, set[str]] = {}
    for run in runs:
        for example in run.examples:
            labels.setdefault(example.subtype or NO_GROUP, set()).add(example.gold)
    return {name: next(iter(golds)) if len(golds) == 1 else MIXED for name, golds in labels.items()}


def _label_order(label: str) -> tuple[int, str]:
    known = [label.value for label in Label]
    return (known.index(label), "") if label in known else (len(known), label)


def group_rows(runs: Sequence[RunResult]) -> list[GroupRow]:
    """Languages, then subtypes by label (spam, relationship, unclear, others, mixed); a kind
    whose only group is "(none)" (the data does not have it) is left out."""
    rows: list[GroupRow] = []
    subtype_labels = _subtype_labels(runs)
    for kind in ("language", "subtype"):
        support: dict[str, int] = {}
        for run in runs:
            for name, scores in _groups(run.metrics, kind).items():
                support.setdefault(name, scores.count)
        if set(support) <= {NO_GROUP}:
            continue
        if kind == "language":
            rows += [GroupRow(kind, kind, name, support[name]) for name in sorted(support)]
            continue
        by_label = sorted(
            support,
            key=lambda name: (
                subtype_labels.get(name) == MIXED,
                _label_order(subtype_labels.get(name, MIXED)),
                name,
            ),
        )
        rows += [
            GroupRow(f"subtype · {subtype_labels.get(name, MIXED)}", kind, name, support[name])
            for name in by_label
        ]
    return rows


def group_accuracy(metrics: RunMetrics, row: GroupRow) -> GroupScores | None:
    return _groups(metrics, row.kind).get(row.name)


def _group_cell(scores: GroupScores | None, support: int) -> str:
    if scores is None:
        return "–"
    shown = f"{scores.accuracy * 100:.1f}%"
    # Another dataset (say in `compare`) may hold a different number of the group's examples.
    return shown if scores.count == support else f"{shown} (n={scores.count})"


def group_table(runs: Sequence[RunResult]) -> tuple[list[str], list[list[str]]]:
    """Headers and rows: section (on its first row only), group, n, then one accuracy per
    configuration (the first of its repeats)."""
    columns = primary_runs(runs)
    headers = ["by", "group", "n", *(run_title(run) for run in columns)]
    table: list[list[str]] = []
    previous = ""
    for row in group_rows(columns):
        section = row.section if row.section != previous else ""
        previous = row.section
        cells = [_group_cell(group_accuracy(run.metrics, row), row.support) for run in columns]
        table.append([section, row.name, str(row.support), *cells])
    return headers, table


def class_labels(runs: Sequence[RunResult]) -> list[str]:
    labels: list[str] = []
    for run in runs:
        labels += [label for label in run.metrics.labels if label not in labels]
    return labels


def class_table(runs: Sequence[RunResult]) -> tuple[list[str], list[list[str]]]:
    """Headers and rows: class, n (gold support), then "precision / recall / F1" per
    configuration (the first of its repeats)."""
    columns = primary_runs(runs)
    headers = ["class", "n", *(f"{run_title(run)}: P / R / F1" for run in columns)]
    table = []
    for label in class_labels(columns):
        scores = [run.metrics.per_class.get(label) for run in columns]
        support = next(s.support for s in scores if s is not None)
        # With no gold example, recall and F1 are undefined, not 0.000; precision still
        # says how often predicting the class was right.
        cells = [
            "–"
            if s is None
            else f"{s.precision:.3f} / – / –"
            if s.support == 0
            else f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}"
            for s in scores
        ]
        table.append([label, str(support), *cells])
    return headers, table


def class_score(label: str, field: str) -> Callable[[RunMetrics], float | None]:
    """Precision or recall of one class, None when the run never saw the class."""

    def value(metrics: RunMetrics) -> float | None:
        scores = metrics.per_class.get(label)
        return getattr(scores, field) if scores is not None else None

    return value
