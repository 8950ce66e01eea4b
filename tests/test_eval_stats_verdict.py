"""The paired verdict between versions: its sentence, `eval compare`, and the dataset check."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.evals.metrics import compute_metrics
from reply_assistant.evals.records import DatasetInfo, ExampleResult, RunFile, RunResult
from reply_assistant.evals.verdict import pair_verdicts

GOLD = ["spam"] * 20 + ["relationship"] * 20 + ["unclear"] * 10


def _run(prompt: str, predictions: list[str]) -> RunResult:
    examples = [
        ExampleResult(id=f"e{i}", gold=gold, predicted=predicted, confidence=0.8)
        for i, (gold, predicted) in enumerate(zip(GOLD, predictions, strict=True))
    ]
    return RunResult(
        prompt=prompt,
        backend="openai",
        model="m",
        metrics=compute_metrics(examples),
        examples=examples,
    )


def _v1() -> RunResult:
    """Nine relationship messages called spam, everything else right."""
    predictions = list(GOLD)
    predictions[20:29] = ["spam"] * 9
    return _run("classify@v1+draft@v1", predictions)


def _v2() -> RunResult:
    """One spam missed, everything else right: nine fixed, one broken against v1."""
    predictions = list(GOLD)
    predictions[0] = "relationship"
    return _run("classify@v2+draft@v1", predictions)


def _v2_noise() -> RunResult:
    """Like v1 but one different mistake: no real difference."""
    predictions = list(GOLD)
    predictions[20:28] = ["spam"] * 8
    predictions[40] = "spam"
    return _run("classify@v2+draft@v1", predictions)


def test_a_clear_improvement_is_named_with_interval_and_p_value():
    (verdict,) = pair_verdicts([_v1(), _v2()])
    assert verdict.line.startswith("classify@v2 vs classify@v1 (50 paired examples): ")
    assert "classify@v2 better on macro-F1 (+" in verdict.line
    assert "McNemar p = 0.021" in verdict.line
    assert "classify@v2 calls fewer real contacts spam (spam FP -45.0 pt" in verdict.line


def test_the_same_improvement_read_the_other_way_names_the_first_run():
    (verdict,) = pair_verdicts([_v2(), _v1()])
    assert "classify@v2 better on macro-F1 (+" in verdict.line  # the delta shown as a gain


def test_noise_is_called_noise():
    (verdict,) = pair_verdicts([_v1(), _v2_noise()])
    assert "no evidence of a difference in macro-F1" in verdict.line
    assert "McNemar p = 1.000" in verdict.line  # one fixed, one broken
    assert "spam FP: no evidence of a difference" in verdict.line


def test_every_pair_of_three_configurations_gets_a_line():
    offline = _run("offline", list(GOLD)).model_copy(update={"backend": "offline"})
    verdicts = pair_verdicts([_v1(), _v2(), offline])
    assert [(v.before, v.after) for v in verdicts] == [
        ("classify@v1+draft@v1 (m)", "classify@v2+draft@v1 (m)"),
        ("classify@v1+draft@v1 (m)", "offline"),
        ("classify@v2+draft@v1 (m)", "offline"),
    ]


def _write(path: Path, run: RunResult, sha256: str, split: str = "test") -> Path:
    dataset = DatasetInfo(paths=["d.jsonl"], sha256=sha256, count=len(GOLD), split=split)
    path.write_text(
        RunFile(
            created_at="2026-12-01T10:00:00+00:00", dataset=dataset, runs=[run]
        ).model_dump_json(),
        encoding="utf-8",
    )
    return path


def test_compare_prints_the_paired_verdict(tmp_path: Path):
    a = _write(tmp_path / "a.json", _v1(), "a" * 64)
    b = _write(tmp_path / "b.json", _v2(), "a" * 64)
    result = CliRunner().invoke(cli, ["eval", "compare", str(a), str(b)])
    assert result.exit_code == 0, result.output
    assert "classify@v2 better on macro-F1" in result.output
    assert "McNemar p = 0.021" in result.output


def test_compare_refuses_runs_on_different_datasets_unless_forced(tmp_path: Path):
    a = _write(tmp_path / "a.json", _v1(), "a" * 64)
    b = _write(tmp_path / "b.json", _v2(), "b" * 64)
    refused = CliRunner().invoke(cli, ["eval", "compare", str(a), str(b)])
    assert refused.exit_code == 2
    (line,) = refused.output.strip().splitlines()
    assert "different datasets" in line and "--force" in line
    assert "Traceback" not in refused.output
    forced = CliRunner().invoke(cli, ["eval", "compare", "--force", str(a), str(b)])
    assert forced.exit_code == 0, forced.output
    assert "classify@v2 better on macro-F1" in forced.output


def test_compare_refuses_another_split_of_the_same_file(tmp_path: Path):
    a = _write(tmp_path / "a.json", _v1(), "a" * 64, split="test")
    b = _write(tmp_path / "b.json", _v2(), "a" * 64, split="dev")
    refused = CliRunner().invoke(cli, ["eval", "compare", str(a), str(b)])
    assert refused.exit_code == 2
    assert "split test vs sha256 aaaaaaaaaaaa split dev" in refused.output
