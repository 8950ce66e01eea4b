"""Across runs: repeats folded into mean and spread, and the pass/fail thresholds."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from reply_assistant.evals.records import RunResult


@dataclass(frozen=True, slots=True)
class RepeatSummary:
    prompt: str
    runs: int
    accuracy_mean: float
    accuracy_std: float
    macro_f1_mean: float
    macro_f1_std: float
    spam_fp_mean: float | None  # None when no run had a relationship message to misread
    spam_fp_std: float | None


def _std(values: Sequence[float]) -> float:
    return statistics.stdev(values) if len(values) > 1 else 0.0


def repeat_summaries(runs: Sequence[RunResult]) -> list[RepeatSummary]:
    """One summary per prompt label, in the order the runs came."""
    groups: dict[str, list[RunResult]] = {}
    for run in runs:
        groups.setdefault(run.prompt, []).append(run)
    summaries = []
    for prompt, members in groups.items():
        accuracies = [run.metrics.accuracy for run in members]
        f1s = [run.metrics.macro_f1 for run in members]
        spam_fps = [r.metrics.spam_fp_rate for r in members if r.metrics.spam_fp_rate is not None]
        summaries.append(
            RepeatSummary(
                prompt=prompt,
                runs=len(members),
                accuracy_mean=statistics.fmean(accuracies),
                accuracy_std=_std(accuracies),
                macro_f1_mean=statistics.fmean(f1s),
                macro_f1_std=_std(f1s),
                spam_fp_mean=statistics.fmean(spam_fps) if spam_fps else None,
                spam_fp_std=_std(spam_fps) if spam_fps else None,
            )
        )
    return summaries


def threshold_failures(
    runs: Sequence[RunResult], *, min_macro_f1: float | None, max_spam_fp: float | None
) -> list[str]:
    """One sentence per gated prompt and threshold not met (means over repeats)."""
    gated = [run for run in runs if run.gated]
    failures = []
    for summary in repeat_summaries(gated):
        if min_macro_f1 is not None and summary.macro_f1_mean < min_macro_f1:
            failures.append(
                f"{summary.prompt}: macro-F1 {summary.macro_f1_mean:.3f} is below "
                f"--min-macro-f1 {min_macro_f1:.3f}"
            )
        if (
            max_spam_fp is not None
            and summary.spam_fp_mean is not None
            and summary.spam_fp_mean > max_spam_fp
        ):
            failures.append(
                f"{summary.prompt}: spam false-positive rate {summary.spam_fp_mean:.3f} is above "
                f"--max-spam-fp {max_spam_fp:.3f}"
            )
    return failures
