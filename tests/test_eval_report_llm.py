"""An LLM eval of two prompt versions through the fake server: the intervals in RUN.json,
the paired verdict and cost of quality in the terminal, the pictures in the HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.store import Store
from reply_assistant.testing.fake_llm_server import FakeLLMServer

DATA = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"


def test_two_versions_get_intervals_a_verdict_and_their_cost(
    fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    run_path, html_path = tmp_path / "run.json", tmp_path / "report.html"
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(tmp_path / "state.db"),
            "eval",
            "--dataset",
            str(DATA),
            "--backend",
            "openai",
            "--prompt",
            "classify=v1,v2",
            "--no-drafts",
            "--output",
            str(run_path),
            "--html",
            str(html_path),
        ],
    )
    assert result.exit_code == 0, result.output
    out = result.output
    # The fake server answers both versions alike: the verdict must not invent a winner.
    assert "classify@v2 vs classify@v1 (13 paired examples): no evidence of a difference" in out
    assert "McNemar p = 1.000" in out
    assert "Cost of quality (LLM runs)" in out and "cost / 1,000 msgs" in out
    for run in json.loads(run_path.read_text(encoding="utf-8"))["runs"]:
        low, high = run["metrics"]["macro_f1_ci"]
        assert low <= run["metrics"]["macro_f1"] <= high
        assert run["metrics"]["interval_method"].startswith("95% Wilson score interval")
    html = html_path.read_text(encoding="utf-8")
    # F1 bars; a heat map and a reliability diagram each for v1, v2 and the offline baseline;
    # accuracy by group.
    assert html.count("<svg") == 1 + 3 + 3 + 1
    assert "Paired verdicts" in html and "Cost of quality" in html
    with Store.open(tmp_path / "state.db") as store:
        recorded = store.eval_runs.eval_runs()
    assert [run.prompt for run in recorded] == [
        "classify@v1",  # --no-drafts: named by the classify prompt alone
        "classify@v2",
        "offline",
    ]
