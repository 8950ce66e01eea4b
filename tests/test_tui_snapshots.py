"""Screenshots of the UI compared with the accepted SVGs in tests/__snapshots__.

Deterministic by construction: the offline backend (or a fake server for the error state),
a fixed "now" for relative times, and a seeded store. After a deliberate UI change run
`pytest --snapshot-update tests/test_tui_snapshots.py` and look at the new SVGs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from snapshot_apps.build import build_app, settle
from textual import _doc as textual_doc  # where snap_compare takes the screenshot
from textual.pilot import Pilot

from reply_assistant.config import Settings
from reply_assistant.testing.fake_llm_server import FakeLLMServer

SIZE = (100, 30)


def test_inbox(snap_compare, tmp_path: Path) -> None:
    """Launch: every conversation classified offline, the first one open."""
    app, _ = build_app(tmp_path / "state.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_inbox_at_80x24(snap_compare, tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_conversation_with_thread(snap_compare, tmp_path: Path) -> None:
    """Priya's conversation: earlier messages dimmed, the owner's reply marked, 1st-degree."""
    app, _ = build_app(tmp_path / "state.db")

    async def open_priya(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_priya)


@pytest.fixture
def refusing_server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer(require_key="the-right-key") as server:  # a port the OS picks
        yield server


@pytest.fixture
def port_masked(monkeypatch: pytest.MonkeyPatch, refusing_server: FakeLLMServer) -> None:
    """The error names the endpoint: its port (five digits, from the OS's ephemeral range)
    is shown as XXXXX in the screenshot, so the picture is the same on every run."""
    take = textual_doc.take_svg_screenshot
    port = str(refusing_server.port)
    assert len(port) == 5, "the mask keeps the layout only for a five-digit port"

    def masked(*args, **kwargs) -> str:
        return take(*args, **kwargs).replace(f":{port}", ":XXXXX")

    monkeypatch.setattr(textual_doc, "take_svg_screenshot", masked)


def test_error_state(
    snap_compare, tmp_path: Path, refusing_server: FakeLLMServer, port_masked: None
) -> None:
    """A refused API key: one error toast with the next step (the key); meanwhile the
    offline model's verdicts, said so in the header and the status bar."""
    settings = Settings(
        backend="openai",
        base_url=refusing_server.base_url,
        api_key="a-wrong-key",
        model="fake-model",
        max_attempts=1,
    )
    app, _ = build_app(tmp_path / "state.db", settings=settings)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")

    async def open_help(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")

    assert snap_compare(app, terminal_size=SIZE, run_before=open_help)


def test_tiny_terminal(snap_compare, tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    assert snap_compare(app, terminal_size=(40, 12), run_before=settle)


def test_inbox_at_120x36(snap_compare, tmp_path: Path) -> None:
    """Every key but c and n in the footer, ctrl+p among them."""
    app, _ = build_app(tmp_path / "state.db")
    assert snap_compare(app, terminal_size=(120, 36), run_before=settle)


def test_inbox_at_60x20(snap_compare, tmp_path: Path) -> None:
    """Stacked panes; the footer starts with `?`, which lists every key."""
    app, _ = build_app(tmp_path / "state.db")
    assert snap_compare(app, terminal_size=(60, 20), run_before=settle)


def test_empty_filter(snap_compare, tmp_path: Path) -> None:
    """'pending' with nothing pending: no conversation on the right, only what to press."""
    app, _ = build_app(tmp_path / "state.db")

    async def pending(pilot: Pilot) -> None:
        await settle(pilot)
        app.set_filter("pending")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=pending)


def test_add_message_dialog_at_40x12(snap_compare, tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")

    async def add(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("n")
        # A blinking cursor is hidden half the time: the picture would depend on when the
        # screenshot is taken (it failed on a loaded machine).
        for field in pilot.app.screen.query("Input, TextArea"):
            field.cursor_blink = False
        await settle(pilot)

    assert snap_compare(app, terminal_size=(40, 12), run_before=add)


def test_selection_and_bulk_dialog(snap_compare, tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")

    async def select_two(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("space", "space", "b")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=select_two)
