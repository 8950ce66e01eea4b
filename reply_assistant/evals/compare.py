"""Differences between runs: examples whose verdict changed, metric deltas, and rescoring
a saved run with the current metric code (no backend, no network)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from reply_assistant.evals.breakdown import (
    class_labels,
    class_score,
    group_accuracy,
    group_rows,
)
from reply_assistant.evals.metrics import compute_metrics
from reply_assistant.evals.records import RunFile, RunResult
from reply_assistant.evals.table import format_delta, format_value, metric_rows, primary_runs
from reply_assistant.private_files import write_private_text


class RunFileError(Exception):
    """A RUN.json that cannot be read, as one sentence."""


@dataclass(frozen=True, slots=True)
class ExampleDiff:
    id: str
    gold: str
    predictions: list[str | None]  # one per run, in run order
    statuses: list[str]  # per run: "" (first run or same), fixed, broken, changed
    preview: str


def _status(first: str | None, other: str | None, gold: str) -> str:
    if first == other:
        return ""
    if first == gold:
        return "broken"
    if other == gold:
        return "fixed"
    return "changed"


def differing_examples(runs: Sequence[RunResult]) -> list[ExampleDiff]:
    """Examples (of the first run) whose prediction is not the same in every run."""
    if len(runs) < 2:
        return []
    by_id = [{example.id: example for example in run.examples} for run in runs]
    diffs = []
    for example in runs[0].examples:
        predictions = [
            lookup[example.id].predicted if example.id in lookup else None for lookup in by_id
        ]
        if len(set(predictions)) == 1:
            continue
        diffs.append(
            ExampleDiff(
                id=example.id,
                gold=example.gold,
                predictions=predictions,
                statuses=["", *(_status(predictions[0], p, example.gold) for p in predictions[1:])],
                preview=example.text_preview,
            )
        )
    return diffs


@dataclass(frozen=True, slots=True)
class MetricDelta:
    name: str
    before: str
    after: str
    delta: str
    section: str = ""  # "" for the headline metrics, else "per class" or "by group"


def _delta(
    name: str, a: float | None, b: float | None, kind: str, section: str = ""
) -> MetricDelta:
    return MetricDelta(
        name=name,
        before=format_value(a, kind),
        after=format_value(b, kind),
        delta=format_delta(b - a, kind) if a is not None and b is not None else "–",
        section=section,
    )


def group_deltas(before: RunResult, after: RunResult) -> list[MetricDelta]:
    """Accuracy per language and subtype, only where it (or the group's size) changed."""
    deltas = []
    for row in group_rows([before, after]):
        a, b = group_accuracy(before.metrics, row), group_accuracy(after.metrics, row)
        if a is not None and b is not None and a == b:
            continue
        counts = [str(scores.count) if scores else "0" for scores in (a, b)]
        size = counts[0] if counts[0] == counts[1] else "→".join(counts)
        deltas.append(
            _delta(
                f"{row.kind} {row.name} (n={size})",
                a.accuracy if a else None,
                b.accuracy if b else None,
                "pct",
                "by group",
            )
        )
    return deltas or [
        MetricDelta("accuracy by language and subtype", "", "", "no change", "by group")
    ]


def metric_deltas(before: RunResult, after: RunResult) -> list[MetricDelta]:
    """The headline metrics, per-class precision and recall, then the changed groups."""
    deltas = [
        _delta(row.name, row.value(before.metrics), row.value(after.metrics), row.kind)
        for row in metric_rows([before, after])
    ]
    for label in class_labels([before, after]):
        for field in ("precision", "recall"):
            value = class_score(label, field)
            deltas.append(
                _delta(
                    f"{field} {label}",
                    value(before.metrics),
                    value(after.metrics),
                    "ratio",
                    "per class",
                )
            )
    return deltas + group_deltas(before, after)


def pair_runs(a: RunFile, b: RunFile) -> list[tuple[RunResult, RunResult]]:
    """Runs of the same configuration side by side; when the files share none (say
    classify@v1 against classify@v2), the runs are paired in order."""
    first_a, first_b = primary_runs(a.runs), primary_runs(b.runs)
    by_prompt = {run.prompt: run for run in first_b}
    pairs = [(run, by_prompt[run.prompt]) for run in first_a if run.prompt in by_prompt]
    return pairs or list(zip(first_a, first_b, strict=False))


def dataset_mismatch(a: RunFile, b: RunFile) -> str:
    """How the two runs' datasets differ ("" when they are the same file and split)."""
    if (a.dataset.sha256, a.dataset.split) == (b.dataset.sha256, b.dataset.split):
        return ""
    return " vs ".join(
        f"sha256 {run.dataset.sha256[:12]} split {run.dataset.split or 'all'}" for run in (a, b)
    )


def load_run_file(path: Path) -> RunFile:
    try:
        return RunFile.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise RunFileError(f"{path}: cannot be read ({exc.strerror}).") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        raise RunFileError(f"{path}: not a run file ({where}: {first['msg']}).") from exc


def write_run_file(path: Path, run_file: RunFile) -> None:
    # Without --field a RUN.json stays as before it existed: no "field": null.
    unused = {"field"} if run_file.field is None else None
    write_private_text(path, run_file.model_dump_json(indent=1, exclude=unused))


def rescore(run_file: RunFile) -> tuple[RunFile, list[str]]:
    """The run file with every run's metrics computed again from its examples, and the
    names of runs whose metrics came out different from the ones recorded."""
    changed = []
    runs = []
    for run in run_file.runs:
        metrics = compute_metrics(run.examples)
        if metrics != run.metrics:
            changed.append(run.prompt)
        runs.append(run.model_copy(update={"metrics": metrics}))
    return run_file.model_copy(update={"runs": runs}), changed
