"""Differences between runs: examples whose verdict changed, metric deltas, and rescoring
a saved run with the current metric code (no backend, no network)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from reply_assistant.evals.metrics import compute_metrics
from reply_assistant.evals.records import RunFile, RunResult
from reply_assistant.evals.table import format_delta, format_value, metric_rows, primary_runs


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


def metric_deltas(before: RunResult, after: RunResult) -> list[MetricDelta]:
    deltas = []
    for row in metric_rows([before, after]):
        a, b = row.value(before.metrics), row.value(after.metrics)
        deltas.append(
            MetricDelta(
                name=row.name,
                before=format_value(a, row.kind),
                after=format_value(b, row.kind),
                delta=format_delta(b - a, row.kind) if a is not None and b is not None else "–",
            )
        )
    return deltas


def pair_runs(a: RunFile, b: RunFile) -> list[tuple[RunResult, RunResult]]:
    """Runs of the same configuration side by side; when the files share none (say
    classify@v1 against classify@v2), the runs are paired in order."""
    first_a, first_b = primary_runs(a.runs), primary_runs(b.runs)
    by_prompt = {run.prompt: run for run in first_b}
    pairs = [(run, by_prompt[run.prompt]) for run in first_a if run.prompt in by_prompt]
    return pairs or list(zip(first_a, first_b, strict=False))


def load_run_file(path: Path) -> RunFile:
    try:
        return RunFile.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise RunFileError(f"{path}: cannot be read ({exc.strerror}).") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        raise RunFileError(f"{path}: not a run file ({where}: {first['msg']}).") from exc


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
