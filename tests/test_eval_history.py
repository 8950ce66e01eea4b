"""`eval history`: every eval run recorded in the state file, the best so far per dataset,
and the history drawn as SVG."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.evals.history import history, history_table, matches_prompt
from reply_assistant.evals.metrics import compute_metrics
from reply_assistant.evals.records import ExampleResult
from reply_assistant.store import Store
from reply_assistant.store.eval_runs import EvalRunRecord
from reply_assistant.store.schema import MIGRATIONS, migrate

DATA = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"


def _metrics(right: int, of: int = 10) -> dict:
    examples = [
        ExampleResult(id=f"e{i}", gold="spam", predicted="spam" if i < right else "unclear")
        for i in range(of)
    ]
    return compute_metrics(examples).model_dump(mode="json")


def _record(
    when: str, prompt: str, right: int, dataset: str = "a" * 64, split: str = "test"
) -> EvalRunRecord:
    return EvalRunRecord(
        created_at=f"2026-12-0{when}T10:00:00+00:00",
        dataset_sha256=dataset,
        dataset={"paths": ["d.jsonl"], "count": 10, "split": split},
        prompt=prompt,
        backend="openai",
        model="m",
        repeat_index=0,
        metrics=_metrics(right),
    )


def test_runs_round_trip_through_the_store(tmp_path: Path):
    records = [_record("1", "classify@v1+draft@v1", 7), _record("2", "classify@v2+draft@v1", 9)]
    with Store.open(tmp_path / "state.db") as store:
        store.eval_runs.record_eval_runs(records)
    with Store.open(tmp_path / "state.db") as store:
        read = store.eval_runs.eval_runs()
    assert [(r.prompt, r.metrics) for r in read] == [(r.prompt, r.metrics) for r in records]
    assert [r.id for r in read] == [1, 2]


def test_the_migration_adds_the_table_to_an_older_state_file(tmp_path: Path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, MIGRATIONS[:-1])  # a state file from before eval history
    db.close()
    with Store.open(path) as store:
        assert store.eval_runs.eval_runs() == []


def test_best_so_far_is_tracked_per_dataset_and_filtered_by_prompt():
    records = [
        _record("1", "classify@v1+draft@v1", 7),
        _record("2", "classify@v2+draft@v1", 9),
        _record("3", "classify@v1+draft@v1", 8),
        _record("4", "classify@v1+draft@v1", 5, dataset="b" * 64),
        _record("5", "classify@v1+draft@v1", 6, split="dev"),  # same file, another split
    ]
    entries = history(records)
    assert [entry.new_best for entry in entries] == [True, True, False, True, True]
    assert entries[2].best_so_far == "classify@v2+draft@v1 (m)"
    assert entries[3].best_so_far == "classify@v1+draft@v1 (m)"  # another dataset
    _, rows = history_table(entries)
    assert rows[2][-1] == f"classify@v2+draft@v1 (m) {entries[1].metrics.macro_f1:.3f}"
    assert rows[1][-1] == "★"
    only_v2 = history(records, "classify=v2")
    assert [entry.record.created_at[:10] for entry in only_v2] == ["2026-12-02"]


def test_prompt_filters():
    assert matches_prompt("classify@v2+draft@v1", "classify")
    assert matches_prompt("classify@v2+draft@v1", "draft@v1")
    assert not matches_prompt("classify@v2+draft@v1", "classify@v1")
    assert not matches_prompt("offline", "classify")
    assert matches_prompt("offline", "offline")


def test_every_eval_run_is_recorded_and_listed(tmp_path: Path):
    runner = CliRunner()
    run_path, db = tmp_path / "run.json", tmp_path / "state.db"
    for _ in range(2):
        result = runner.invoke(
            cli,
            [
                "--db",
                str(db),
                "eval",
                "--dataset",
                str(DATA),
                "--backend",
                "offline",
                "--no-drafts",
                "--output",
                str(run_path),
            ],
        )
        assert result.exit_code == 0, result.output
    listed = runner.invoke(cli, ["--db", str(db), "eval", "history"])
    assert listed.exit_code == 0, listed.output
    assert "Eval history" in listed.output and "★" in listed.output
    with Store.open(db) as store:
        first, second = store.eval_runs.eval_runs()
    assert (first.prompt, second.prompt) == ("offline", "offline")
    assert first.run_file == str(run_path.resolve())
    # The same deterministic model twice: the second is no new best.
    assert [entry.new_best for entry in history([first, second])] == [True, False]
    assert "examples" not in first.metrics and first.metrics["macro_f1_ci"]
    none = runner.invoke(cli, ["--db", str(db), "eval", "history", "--prompt", "classify"])
    assert none.exit_code == 0 and "No eval runs of classify recorded yet" in none.output


def _history_html(tmp_path: Path, records: list) -> str:
    """`eval history --html` over a state file holding `records`: the page written."""
    db = tmp_path / "state.db"
    with Store.open(db) as store:
        store.eval_runs.record_eval_runs(records)
    page = tmp_path / "history.html"
    result = CliRunner().invoke(cli, ["--db", str(db), "eval", "history", "--html", str(page)])
    assert result.exit_code == 0, result.output
    return page.read_text(encoding="utf-8")


def test_history_html_draws_each_configuration_over_time(tmp_path: Path):
    records = [
        _record("1", "classify@v1+draft@v1", 7),
        _record("2", "classify@v2+draft@v1", 9),
        _record("3", "classify@v1+draft@v1", 8),
    ]
    repeat = _record("3", "classify@v1+draft@v1", 6)
    records.append(dataclasses.replace(repeat, repeat_index=1))  # a second repeat of day 3
    html = _history_html(tmp_path, records)
    pictures = [ET.fromstring(m) for m in re.findall(r"<svg\b.*?</svg>", html, re.S)]
    assert [p.findtext("{http://www.w3.org/2000/svg}title") for p in pictures] == [
        "macro-F1",
        "spam FP rate",
    ]
    # v1 ran on two days, twice on the second: one line through its three points; v2 once:
    # a point only.
    lines = list(pictures[0].iter("{http://www.w3.org/2000/svg}polyline"))
    assert len(lines) == 1 and len(lines[0].get("points").split()) == 3
    assert len(list(pictures[0].iter("{http://www.w3.org/2000/svg}circle"))) == 4
    assert "#2" not in "".join(pictures[0].itertext())  # a repeat is no series of its own
    assert "<script" not in html


def _whiskers(picture: ET.Element) -> list[tuple[float, float]]:
    """The vertical lines of a chart (grid lines and whisker caps are horizontal), as the
    values their ends stand for on the 0..1 axis (plot 200 px high, bottom at y = 228)."""
    spans = []
    for line in picture.iter("{http://www.w3.org/2000/svg}line"):
        x1, y1, x2, y2 = (float(line.get(name)) for name in ("x1", "y1", "x2", "y2"))
        if x1 == x2 and y1 != y2:
            spans.append(tuple(sorted(((228 - y1) / 200, (228 - y2) / 200))))
    return spans


def test_history_points_carry_whiskers_over_their_intervals(tmp_path: Path):
    before_intervals = _record("1", "classify@v1+draft@v1", 7)
    before_intervals.metrics["macro_f1_ci"] = None  # a run recorded before intervals existed
    records = [before_intervals, _record("2", "classify@v2+draft@v1", 9)]
    html = _history_html(tmp_path, records)
    macro_f1 = ET.fromstring(re.search(r"<svg\b.*?</svg>", html, re.S).group(0))
    low, high = records[1].metrics["macro_f1_ci"]
    assert low < high  # 9 of 10 right: an interval with width, drawn as one whisker
    [whisker] = _whiskers(macro_f1)
    assert whisker == pytest.approx((low, high), abs=0.001)
    assert "whiskers: 95% interval" in html


def test_a_state_file_that_cannot_be_written_costs_the_history_not_the_run(tmp_path: Path):
    not_a_database = tmp_path / "state.db"
    not_a_database.write_text("this is not SQLite", encoding="utf-8")
    not_a_database.chmod(0o600)
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(not_a_database),
            "eval",
            "--dataset",
            str(DATA),
            "--backend",
            "offline",
            "--no-drafts",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "warning: this run is not in `eval history`" in result.output
    assert "Versions side by side" in result.output
