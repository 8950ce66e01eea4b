"""`eval --backend offline`: the offline model alone, deterministic, gated by thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli

DATA = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"


def _eval(*args: str):
    return CliRunner().invoke(cli, ["eval", "--dataset", str(DATA), "--backend", "offline", *args])


def test_offline_runs_are_deterministic(tmp_path: Path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert _eval("--output", str(first)).exit_code == 0
    result = _eval("--output", str(second))
    assert result.exit_code == 0, result.output
    a = json.loads(first.read_text(encoding="utf-8"))
    b = json.loads(second.read_text(encoding="utf-8"))
    assert [run["prompt"] for run in a["runs"]] == ["offline"]  # no LLM run, no baseline twin
    assert a["runs"][0]["backend"] == "offline"

    def stable(run: dict) -> tuple:
        # Everything but timings, which are measured.
        metrics = {k: v for k, v in run["metrics"].items() if not k.startswith("latency")}
        examples = [
            (e["id"], e["predicted"], e["confidence"], e["draft"], e["checks"])
            for e in run["examples"]
        ]
        return metrics, examples

    assert stable(a["runs"][0]) == stable(b["runs"][0])
    assert all(e["draft"] for e in a["runs"][0]["examples"])
    assert "Versions side by side" in result.output


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["--min-macro-f1", "0.0", "--max-spam-fp", "1.0"], 0),
        (["--min-macro-f1", "1.01"], 1),
        (["--max-spam-fp", "-0.01"], 1),
    ],
)
def test_thresholds_gate_the_offline_run(args: list[str], status: int):
    result = _eval("--no-drafts", *args)
    assert result.exit_code == status, result.output
    assert ("threshold not met: offline" in result.output) == (status == 1)


def test_redact_keeps_text_and_names_out_of_the_run_file(tmp_path: Path):
    run_path = tmp_path / "run.json"
    assert _eval("--redact", "--output", str(run_path)).exit_code == 0
    saved = run_path.read_text(encoding="utf-8")
    assert "lead generation platform" not in saved  # message text
    assert "Priya" not in saved and "Nair" not in saved  # a sender's name, used in drafts
    assert "[name]" in saved
    rescored = CliRunner().invoke(cli, ["eval", "rescore", str(run_path)])
    assert rescored.exit_code == 0 and "metrics match the recorded ones" in rescored.output
