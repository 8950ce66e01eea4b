"""Per-class precision/recall and accuracy by language and subtype in the terminal report,
the HTML report and `eval compare`, on two crafted runs whose values are worked out by hand.

Seven examples; v2 fixes e2 (es, pitch) and e5 (de, catch_up) and breaks e6 (en, vague):

    id  gold          subtype   lang  v1            v2
    e1  spam          pitch     en    spam          spam
    e2  spam          pitch     es    relationship  spam
    e3  spam          scam      en    spam          spam
    e4  relationship  catch_up  en    relationship  relationship
    e5  relationship  catch_up  de    spam          relationship
    e6  unclear       vague     en    unclear       spam
    e7  unclear       (none)    (none) spam         spam
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from reply_assistant.cli import cli
from reply_assistant.evals.breakdown import class_table, group_table
from reply_assistant.evals.compare import group_deltas, metric_deltas
from reply_assistant.evals.metrics import compute_metrics
from reply_assistant.evals.records import DatasetInfo, ExampleResult, RunFile, RunResult
from reply_assistant.evals.report_html import render_html
from reply_assistant.evals.report_text import print_report
from reply_assistant.evals.summary import repeat_summaries
from reply_assistant.evals.table import versions_table

ROWS = [
    ("e1", "spam", "pitch", "en", "spam", "spam"),
    ("e2", "spam", "pitch", "es", "relationship", "spam"),
    ("e3", "spam", "scam", "en", "spam", "spam"),
    ("e4", "relationship", "catch_up", "en", "relationship", "relationship"),
    ("e5", "relationship", "catch_up", "de", "spam", "relationship"),
    ("e6", "unclear", "vague", "en", "unclear", "spam"),
    ("e7", "unclear", "", "", "spam", "spam"),
]
DATASET = DatasetInfo(paths=["crafted.jsonl"], sha256="0" * 64, count=len(ROWS), split=None)


def _run(prompt: str, column: int, skip: frozenset[str] = frozenset()) -> RunResult:
    examples = [
        ExampleResult(
            id=row[0], gold=row[1], subtype=row[2], language=row[3], predicted=row[column]
        )
        for row in ROWS
        if row[0] not in skip
    ]
    return RunResult(
        prompt=prompt,
        backend="openai",
        model="m",
        metrics=compute_metrics(examples),
        examples=examples,
    )


V1, V2 = _run("classify@v1", 4), _run("classify@v2", 5)


def test_group_table_sections_support_and_accuracy_per_run():
    headers, rows = group_table([V1, V2])
    assert headers == ["by", "group", "n", "classify@v1 (m)", "classify@v2 (m)"]
    assert rows == [
        ["language", "(none)", "1", "0.0%", "0.0%"],
        ["", "de", "1", "0.0%", "100.0%"],
        ["", "en", "4", "100.0%", "75.0%"],
        ["", "es", "1", "0.0%", "100.0%"],
        ["subtype · spam", "pitch", "2", "50.0%", "100.0%"],
        ["", "scam", "1", "100.0%", "100.0%"],
        ["subtype · relationship", "catch_up", "2", "50.0%", "100.0%"],
        ["subtype · unclear", "(none)", "1", "0.0%", "0.0%"],
        ["", "vague", "1", "100.0%", "0.0%"],
    ]


def test_a_run_with_another_group_size_shows_its_own_n():
    without_e5 = _run("classify@v2", 5, skip=frozenset({"e5"}))
    _, rows = group_table([V1, without_e5])
    assert ["", "de", "1", "0.0%", "–"] in rows
    assert ["subtype · relationship", "catch_up", "2", "50.0%", "100.0% (n=1)"] in rows


def test_a_dataset_without_subtypes_or_languages_has_no_group_rows():
    bare = [ExampleResult(id="x", gold="spam", predicted="spam")]
    run = RunResult(
        prompt="p", backend="offline", model="m", metrics=compute_metrics(bare), examples=bare
    )
    assert group_table([run])[1] == []


def test_class_table_gives_precision_recall_f1_and_gold_support():
    headers, rows = class_table([V1, V2])
    assert headers == ["class", "n", "classify@v1 (m): P / R / F1", "classify@v2 (m): P / R / F1"]
    assert rows == [
        # v1 predicts spam 4 times (2 right); v2 5 times (3 right).
        ["spam", "3", "0.500 / 0.667 / 0.571", "0.600 / 1.000 / 0.750"],
        ["relationship", "2", "0.500 / 0.500 / 0.500", "1.000 / 1.000 / 1.000"],
        # v2 never predicts unclear: precision 0 by convention.
        ["unclear", "2", "1.000 / 0.500 / 0.667", "0.000 / 0.000 / 0.000"],
    ]


def test_terminal_report_shows_both_tables_after_the_versions_table():
    console = Console(width=200, record=True)
    print_report(console, [V1, V2])
    text = console.export_text()
    assert text.index("Versions side by side") < text.index("Per class") < text.index("by language")
    assert re.search(r"spam\s+│\s+3\s+│\s+0\.500 / 0\.667 / 0\.571\s+│\s+0\.600 / 1\.000", text)
    assert re.search(r"subtype · spam\s+│\s+pitch\s+│\s+2\s+│\s+50\.0%\s+│\s+100\.0%", text)
    assert re.search(r"│\s+en\s+│\s+4\s+│\s+100\.0%\s+│\s+75\.0%", text)


def test_html_report_has_the_per_class_and_group_tables():
    html = render_html([V1, V2], DATASET, "2026-11-28T00:00:00+00:00")
    assert (
        "<tr><td>spam</td><td>3</td><td>0.500 / 0.667 / 0.571</td>"
        "<td>0.600 / 1.000 / 0.750</td></tr>"
    ) in html
    assert (
        "<tr><td>subtype · relationship</td><td>catch_up</td><td>2</td>"
        "<td>50.0%</td><td>100.0%</td></tr>"
    ) in html
    assert "<tr><td></td><td>vague</td><td>1</td><td>100.0%</td><td>0.0%</td></tr>" in html


def test_compare_lists_only_the_groups_that_changed():
    changed = [(d.name, d.before, d.after, d.delta) for d in group_deltas(V1, V2)]
    assert changed == [
        ("language de (n=1)", "0.0%", "100.0%", "+100.0 pt"),
        ("language en (n=4)", "100.0%", "75.0%", "-25.0 pt"),
        ("language es (n=1)", "0.0%", "100.0%", "+100.0 pt"),
        ("subtype pitch (n=2)", "50.0%", "100.0%", "+50.0 pt"),
        ("subtype catch_up (n=2)", "50.0%", "100.0%", "+50.0 pt"),
        ("subtype vague (n=1)", "100.0%", "0.0%", "-100.0 pt"),
    ]
    assert [d.delta for d in group_deltas(V1, V1)] == ["no change"]
    without_e5 = _run("classify@v2", 5, skip=frozenset({"e5"}))
    resized = {d.name: d for d in group_deltas(V1, without_e5)}
    assert resized["language de (n=1→0)"].after == "–"
    assert resized["subtype catch_up (n=2→1)"].delta == "+50.0 pt"


def test_compare_gives_per_class_precision_and_recall():
    per_class = {d.name: d for d in metric_deltas(V1, V2) if d.section == "per class"}
    assert list(per_class) == [
        "precision spam",
        "recall spam",
        "precision relationship",
        "recall relationship",
        "precision unclear",
        "recall unclear",
    ]
    assert (per_class["recall spam"].before, per_class["recall spam"].delta) == ("0.667", "+0.333")
    assert per_class["precision unclear"].delta == "-1.000"


def _save(path: Path, run: RunResult) -> Path:
    run_file = RunFile(created_at="2026-11-28T00:00:00+00:00", dataset=DATASET, runs=[run])
    path.write_text(run_file.model_dump_json(), encoding="utf-8")
    return path


def test_eval_compare_and_rescore_print_the_breakdowns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("COLUMNS", "200")  # rich would otherwise wrap table cells at 80
    before = _save(tmp_path / "a.json", V1)
    after = _save(tmp_path / "b.json", V2.model_copy(update={"prompt": "classify@v1"}))
    compared = CliRunner().invoke(cli, ["eval", "compare", str(before), str(after)])
    assert compared.exit_code == 0, compared.output
    assert re.search(
        r"subtype vague \(n=1\)\s+│\s+100\.0%\s+│\s+0\.0%\s+│\s+-100\.0 pt", compared.output
    )
    assert re.search(r"precision spam\s+│\s+0\.500\s+│\s+0\.600\s+│\s+\+0\.100", compared.output)
    assert "subtype scam" not in compared.output  # unchanged: left out
    rescored = CliRunner().invoke(cli, ["eval", "rescore", str(after)])
    assert rescored.exit_code == 0, rescored.output
    assert "Accuracy by language and subtype" in rescored.output
    assert re.search(r"catch_up\s+│\s+2\s+│\s+100\.0%", rescored.output)


def _repeat(index: int, relationship_predictions: tuple[str, str]) -> RunResult:
    examples = [
        ExampleResult(id="r1", gold="relationship", predicted=relationship_predictions[0]),
        ExampleResult(id="r2", gold="relationship", predicted=relationship_predictions[1]),
        ExampleResult(id="s1", gold="spam", predicted="spam"),
    ]
    return RunResult(
        prompt="classify@v1",
        backend="openai",
        model="m",
        repeat_index=index,
        metrics=compute_metrics(examples),
        examples=examples,
    )


def test_repeats_give_the_spread_of_the_spam_false_positive_rate():
    # Spam FP rates 1/2 and 0: mean 0.25, sample std sqrt(0.125) = 0.3536.
    runs = [_repeat(0, ("spam", "relationship")), _repeat(1, ("relationship", "relationship"))]
    (summary,) = repeat_summaries(runs)
    assert summary.spam_fp_mean == pytest.approx(0.25)
    assert summary.spam_fp_std == pytest.approx(0.125**0.5)
    _, rows = versions_table(runs)
    assert ["spam FP rate mean ± std", "25.0% ± 35.4"] in rows


def test_no_relationship_message_means_no_spam_fp_spread():
    only_spam = [ExampleResult(id="s1", gold="spam", predicted="spam")]
    runs = [
        RunResult(
            prompt="p",
            backend="openai",
            model="m",
            repeat_index=index,
            metrics=compute_metrics(only_spam),
            examples=only_spam,
        )
        for index in range(2)
    ]
    (summary,) = repeat_summaries(runs)
    assert summary.spam_fp_std is None
    assert ["spam FP rate mean ± std", "–"] in versions_table(runs)[1]
