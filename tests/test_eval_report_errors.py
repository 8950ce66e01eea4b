"""The terminal eval report's confusion matrix and examples judged wrong (issue 18), and
'–' for a class with no gold example, on a crafted run worked out by hand:

    id  gold          predicted
    e1  spam          spam
    e2  spam          relationship
    e3  relationship  relationship
    e4  relationship  unclear        (no gold 'unclear' example in the set)
    e5  spam          (failed)
"""

from __future__ import annotations

import re

from rich.console import Console

from reply_assistant.evals.breakdown import class_table
from reply_assistant.evals.metrics import compute_metrics
from reply_assistant.evals.records import ExampleResult, RunResult
from reply_assistant.evals.report_text import print_report

ROWS = [
    ("e1", "spam", "spam"),
    ("e2", "spam", "relationship"),
    ("e3", "relationship", "relationship"),
    ("e4", "relationship", "unclear"),
    ("e5", "spam", None),
]


def _run() -> RunResult:
    examples = [
        ExampleResult(
            id=id_,
            gold=gold,
            predicted=predicted,
            text_preview=f"text of {id_}",
            error_kind="" if predicted else "timeout",
        )
        for id_, gold, predicted in ROWS
    ]
    return RunResult(
        prompt="classify@v1",
        backend="openai",
        model="m",
        metrics=compute_metrics(examples),
        examples=examples,
    )


def _report(show_errors: int) -> str:
    console = Console(width=160, record=True)
    print_report(console, [_run()], show_errors)
    return console.export_text()


def test_the_terminal_report_prints_the_confusion_matrix() -> None:
    text = _report(10)
    assert "Confusion matrix" in text
    rows = {
        cells[0]: cells[1:]
        for line in text.splitlines()
        if (cells := [c.strip() for c in line.strip("│ ").split("│")])[0]
        in ("spam", "relationship", "unclear")
        and len(cells) == 4
        and all(c.isdigit() for c in cells[1:])
    }
    run = _run()
    assert rows == {
        gold: [str(n) for n in counts]
        for gold, counts in zip(run.metrics.labels, run.metrics.confusion, strict=True)
    }
    assert rows["spam"][run.metrics.labels.index("spam")] == "1"


def test_the_examples_judged_wrong_are_listed_up_to_show_errors() -> None:
    text = _report(10)
    assert "Examples judged wrong" in text
    for wrong in ("e2", "e4", "e5"):
        assert re.search(rf"│ {wrong}\s+│", text)
    assert not re.search(r"│ e1\s+│", text) and not re.search(r"│ e3\s+│", text)
    assert "(error: timeout)" in text

    capped = _report(1)
    assert re.search(r"│ e2\s+│", capped) and not re.search(r"│ e4\s+│", capped)
    assert "… and 2 more" in capped
    assert "Examples judged wrong" not in _report(0)


def test_a_class_with_no_gold_example_shows_a_dash_not_zero() -> None:
    _, rows = class_table([_run()])
    unclear = next(row for row in rows if row[0] == "unclear")
    assert unclear[1] == "0" and unclear[2] == "0.000 / – / –"
