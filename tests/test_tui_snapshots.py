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


# The error names the endpoint, so the server listens on a fixed port for a stable picture.
FIXED_PORT = 47613


@pytest.fixture
def refusing_server() -> Iterator[FakeLLMServer]:
    try:
        server = FakeLLMServer(port=FIXED_PORT, require_key="the-right-key").start()
    except OSError:
        pytest.skip(f"port {FIXED_PORT} is taken; the error snapshot needs it")
    try:
        yield server
    finally:
        server.stop()


def test_error_state(snap_compare, tmp_path: Path, refusing_server: FakeLLMServer) -> None:
    """A refused API key: one error toast, items pending with the retry hint."""
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
