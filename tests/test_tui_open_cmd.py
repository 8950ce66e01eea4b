"""`reply-assistant` with no command: the UI in a terminal, the printed inbox otherwise."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reply_assistant.cli import cli


def test_without_a_terminal_the_inbox_is_printed(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "state.db")])
    assert result.exit_code == 0, result.output
    assert "Backend: offline" in result.output
    assert "imported the demo inbox" in result.output


def test_print_flag_prints_the_inbox(tmp_path: Path) -> None:
    db = str(tmp_path / "state.db")
    result = CliRunner().invoke(cli, ["--db", db, "open", "--print"])
    assert result.exit_code == 0, result.output
    assert "Backend: offline" in result.output
