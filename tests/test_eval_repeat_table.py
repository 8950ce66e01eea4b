"""With --repeat, the spread across repeats sits under each headline figure's interval in
the versions table; a configuration that ran once shows no made-up spread."""

from __future__ import annotations

from reply_assistant.evals.metrics import compute_metrics
from reply_assistant.evals.records import ExampleResult, RunResult
from reply_assistant.evals.table import versions_table


def _run(prompt: str, right: int, repeat_index: int = 0, backend: str = "openai") -> RunResult:
    examples = [
        ExampleResult(id=f"e{i}", gold="spam", predicted="spam" if i < right else "unclear")
        for i in range(10)
    ]
    return RunResult(
        prompt=prompt,
        backend=backend,
        model="m",
        repeat_index=repeat_index,
        metrics=compute_metrics(examples),
        examples=examples,
    )


def test_repeats_show_mean_and_spread_under_the_interval_and_one_run_shows_none():
    runs = [_run("classify@v1", 7), _run("classify@v1", 9, repeat_index=1)]
    runs.append(_run("offline", 8, backend="offline"))
    headers, rows = versions_table(runs)
    assert headers == ["metric", "classify@v1 (m)", "offline"]
    by_name = {row[0]: row[1:] for row in rows}
    names = [row[0] for row in rows]
    assert names.index("accuracy mean ± std") == names.index("accuracy") + 1
    # The first repeat's figure keeps its interval; the spread of 70% and 90% is beside it.
    assert by_name["accuracy"][0].startswith("70.0% [")
    assert by_name["accuracy mean ± std"] == ["80.0% ± 14.1 (n=2)", "– (one run)"]
    assert by_name["macro-F1 mean ± std"][1] == "– (one run)"
