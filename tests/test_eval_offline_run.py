"""`eval --backend offline`: the offline model alone, deterministic, gated by thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.evals.dataset import default_dataset_path
from reply_assistant.evals.runner import offline_training_texts

DATA = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"
SPLIT = Path(__file__).parent / "fixtures" / "evals" / "split.jsonl"


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
    # The legend under the table names how each interval was made, brackets and all.
    assert "[low, high]: 95% Wilson score interval" in result.output


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


def test_repeat_with_the_offline_model_says_it_runs_once(tmp_path: Path):
    run_path = tmp_path / "run.json"
    result = _eval("--no-drafts", "--repeat", "3", "--output", str(run_path))
    assert result.exit_code == 0, result.output
    assert "note: the offline model is deterministic, so --repeat 3 runs it once." in result.output
    runs = json.loads(run_path.read_text(encoding="utf-8"))["runs"]
    assert len(runs) == 1
    assert "deterministic" not in _eval("--no-drafts").output


def test_an_unknown_prompt_version_is_a_usage_error_even_offline():
    result = _eval("--no-drafts", "--prompt", "classify=v1,v9")
    assert result.exit_code == 2
    assert "unknown prompt version classify@v9; available: classify@v1" in result.output


def test_prompt_versions_that_cannot_run_offline_are_named_in_a_note(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    result = CliRunner().invoke(
        cli, ["eval", "--dataset", str(DATA), "--no-drafts", "--prompt", "classify=v1,v2"]
    )
    assert result.exit_code == 0, result.output
    assert "no LLM is configured" in result.output
    assert "--prompt classify=v1,v2 is not scored" in result.output
    assert "note:" not in _eval("--no-drafts").output


def test_scoring_the_offline_model_on_its_training_rows_warns(tmp_path: Path):
    # The bundled dataset's train rows are what the offline model learned from. A few of
    # them beside a few test rows, rather than all of them: each novel text is embedded,
    # which costs far more than the warning being tested.
    bundled = default_dataset_path().read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in bundled if line.strip()]
    mixed = [row for row in rows if row.get("split") == "train"][:5]
    mixed += [row for row in rows if row.get("split") == "test"][:3]
    some_trained_on = tmp_path / "mixed.jsonl"
    some_trained_on.write_text("".join(json.dumps(row) + "\n" for row in mixed), "utf-8")
    mixed_file = str(some_trained_on)
    every = CliRunner().invoke(
        cli,
        ["eval", "--backend", "offline", "--no-drafts", "--split", "all", "--dataset", mixed_file],
    )
    assert every.exit_code == 0, every.output
    assert (
        "warning: 5 of the 8 scored examples are in the "
        "offline model's train split: its figures on them are optimistic."
    ) in every.output
    # The default run, the test split, would warn about none: no test text was trained on
    # (checked on the texts, which the warning counts, without embedding all 168).
    test_texts = {row["text"] for row in rows if row.get("split", "test") == "test"}
    assert test_texts and not test_texts & offline_training_texts()
    # Another file's "train" rows are not what the offline model learned from.
    own = CliRunner().invoke(
        cli,
        ["eval", "--backend", "offline", "--no-drafts", "--split", "all", "--dataset", str(SPLIT)],
    )
    assert own.exit_code == 0, own.output
    assert "optimistic" not in own.output
