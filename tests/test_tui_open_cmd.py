"""`reply-assistant` with no command: the UI in a terminal, the printed inbox otherwise."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_eras import ERA_2023

from reply_assistant.cli import cli
from reply_assistant.demo import DEMO_INBOX
from reply_assistant.sources import open_export
from reply_assistant.store import Store
from reply_assistant.tui.app import ReplyAssistantApp


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


# ---------------------------------------------------------------- in a terminal


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@dataclass
class Launch:
    backend_label: str
    backend_name: str
    senders: set[str]


@pytest.fixture
def launches(monkeypatch: pytest.MonkeyPatch) -> list[Launch]:
    """What each `ReplyAssistantApp.run` saw.

    Textual's own `run` is replaced: the test checks what the command builds, not Textual.
    """
    seen: list[Launch] = []

    def record_run(app: ReplyAssistantApp, *args, **kwargs) -> None:
        summaries = app.store.conversation_summaries("needs_reply")
        seen.append(
            Launch(
                app.backend_label,
                app.assistant.backend.name,
                {summary.sender.name for summary in summaries},
            )
        )

    monkeypatch.setattr(ReplyAssistantApp, "run", record_run)
    return seen


def run_in_a_terminal(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    """`reply-assistant --db DB` with stdin and stdout looking like a terminal.

    Patched here, not in a fixture: pytest swaps sys.stdout between setup and the test.
    """
    monkeypatch.setattr(sys, "stdin", FakeTerminal())
    monkeypatch.setattr(sys, "stdout", FakeTerminal())
    cli.main(["--db", str(db)], prog_name="reply-assistant", standalone_mode=False)


def senders_in(export: Path) -> set[str]:
    with open_export(export) as opened:
        return {message.sender.name for message in opened.iter_messages()}


def test_in_a_terminal_the_ui_opens_on_the_demo_inbox(
    tmp_path: Path, launches: list[Launch], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "state.db"
    run_in_a_terminal(monkeypatch, db)
    [launch] = launches
    assert launch.backend_label == "offline"
    assert launch.backend_name == "offline"
    assert launch.senders and launch.senders <= senders_in(DEMO_INBOX)
    with Store.open(db) as store:  # the app's store is the command's --db
        assert store.conversation_summaries("needs_reply")


def test_after_an_import_the_ui_opens_on_the_imported_inbox(
    tmp_path: Path, launches: list[Launch], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "state.db"
    imported = CliRunner().invoke(cli, ["--db", str(db), "import", str(ERA_2023)])
    assert imported.exit_code == 0, imported.output
    run_in_a_terminal(monkeypatch, db)
    [launch] = launches
    assert launch.senders and launch.senders <= senders_in(ERA_2023)
    assert not launch.senders & senders_in(DEMO_INBOX)


def test_an_app_that_ended_on_an_error_exits_non_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(app: ReplyAssistantApp, *args, **kwargs) -> None:
        app._return_code = 1  # what Textual sets after showing an unhandled error

    monkeypatch.setattr(ReplyAssistantApp, "run", crash)
    with pytest.raises(SystemExit) as ended:
        run_in_a_terminal(monkeypatch, tmp_path / "state.db")
    assert ended.value.code == 1
