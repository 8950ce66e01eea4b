"""One sentence per pair of configurations: is one really better, or is it noise?

A version is called better on macro-F1 only when the paired bootstrap interval of the
difference leaves out zero; McNemar's p-value (on right/wrong per example) is printed
beside it as the second, independent test. The spam false-positive difference is judged
the same way, since calling a real contact spam is the costly mistake.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from reply_assistant.evals.records import RunResult
from reply_assistant.evals.stats import Interval, PairedResult, paired_comparison
from reply_assistant.evals.table import primary_runs, run_title


@dataclass(frozen=True, slots=True)
class PairVerdict:
    before: str  # run title of A
    after: str  # run title of B
    result: PairedResult
    line: str


def short_names(a: RunResult, b: RunResult) -> tuple[str, str]:
    """What tells the two apart: the prompt parts that differ, else the models, else A/B."""
    parts_a, parts_b = a.prompt.split("+"), b.prompt.split("+")
    only_a = [part for part in parts_a if part not in parts_b]
    only_b = [part for part in parts_b if part not in parts_a]
    if only_a and only_b:
        return "+".join(only_a), "+".join(only_b)
    if a.prompt != b.prompt:
        return a.prompt, b.prompt
    if a.model != b.model:
        return a.model, b.model
    return "A", "B"


def _p(value: float) -> str:
    return "p < 0.001" if value < 0.001 else f"p = {value:.3f}"


def _excludes_zero(interval: Interval | None) -> bool:
    return interval is not None and (interval[0] > 0 or interval[1] < 0)


def _span(delta: float, interval: Interval | None, scale: float, digits: int, unit: str) -> str:
    shown = f"{delta * scale:+.{digits}f}{unit}"
    if interval is None:
        return shown
    low, high = (bound * scale for bound in interval)
    return f"{shown}, 95% CI {low:+.{digits}f}…{high:+.{digits}f}"


def _oriented(delta: float, interval: Interval, sign: int) -> tuple[float, Interval]:
    """The difference read from the other side when sign is -1 (A − B instead of B − A)."""
    low, high = sorted((sign * interval[0], sign * interval[1]))
    return sign * delta, (low, high)


def verdict_line(name_a: str, name_b: str, result: PairedResult) -> str:
    if not result.count:
        return f"{name_b} vs {name_a}: no examples in common, nothing to compare"
    head = f"{name_b} vs {name_a} ({result.count} paired examples): "
    delta, interval = result.macro_f1_delta, result.macro_f1_delta_ci
    if interval is not None and _excludes_zero(interval):
        winner, sign = (name_b, 1) if delta > 0 else (name_a, -1)
        gain, gain_interval = _oriented(delta, interval, sign)
        f1_part = (
            f"{winner} better on macro-F1 ({_span(gain, gain_interval, 1, 3, '')}, "
            f"McNemar {_p(result.mcnemar_p)})"
        )
    else:
        f1_part = (
            f"no evidence of a difference in macro-F1 ({name_b} − {name_a} "
            f"{_span(delta, interval, 1, 3, '')}, McNemar {_p(result.mcnemar_p)})"
        )
    if result.spam_fp_delta is None:
        return head + f1_part
    spam_delta, spam_interval = result.spam_fp_delta, result.spam_fp_delta_ci
    if spam_interval is not None and _excludes_zero(spam_interval):
        fewer, sign = (name_b, 1) if spam_delta < 0 else (name_a, -1)
        drop, drop_interval = _oriented(spam_delta, spam_interval, sign)
        spam_part = (
            f"{fewer} calls fewer real contacts spam "
            f"(spam FP {_span(drop, drop_interval, 100, 1, ' pt')})"
        )
    else:
        spread = _span(spam_delta, spam_interval, 100, 1, " pt")
        spam_part = f"spam FP: no evidence of a difference ({spread})"
    return f"{head}{f1_part}; {spam_part}"


def compare_pair(before: RunResult, after: RunResult) -> PairVerdict:
    result = paired_comparison(before.examples, after.examples)
    name_a, name_b = short_names(before, after)
    return PairVerdict(
        run_title(before), run_title(after), result, verdict_line(name_a, name_b, result)
    )


def pair_verdicts(runs: Sequence[RunResult]) -> list[PairVerdict]:
    """Every pair of configurations (the first of each one's repeats), in column order."""
    return [compare_pair(a, b) for a, b in itertools.combinations(primary_runs(runs), 2)]
