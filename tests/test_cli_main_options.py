"""`--backend` and `--model` on the main command apply to the inbox and every command."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reply_assistant.cli import cli


def test_backend_offline_on_the_main_command_overrides_the_endpoint(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "state.db"), "--backend", "offline", "open", "--print"]
    )
    assert result.exit_code == 0, result.output
    assert "\nBackend: offline\n" in result.output


def test_model_on_the_main_command_is_the_one_described(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "state.db"), "--model", "smollm2", "open", "--print"]
    )
    assert "\nBackend: smollm2 @ http://127.0.0.1:9/v1\n" in result.output


def test_an_unknown_backend_is_a_usage_error(tmp_path: Path):
    result = CliRunner().invoke(cli, ["--backend", "nope"])
    assert result.exit_code == 2 and "Traceback" not in result.output
