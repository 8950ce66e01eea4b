"""The header always names the backend in use; on a narrow terminal the app's name gives
way to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from snapshot_apps.build import build_app, settle
from textual.widgets import Static


@pytest.mark.parametrize(
    ("size", "backend", "shown"),
    [
        ((100, 30), "offline", "Reply Assistant — offline"),
        ((40, 12), "offline", "Reply Assistant — offline"),
        ((40, 12), "offline (LLM unreachable)", "offline (LLM unreachable)"),
        ((60, 20), "gpt-4o-mini @ llm.internal.example.com:8443", None),
    ],
)
async def test_the_header_shows_the_backend_whole_before_the_app_name(
    tmp_path: Path, size: tuple[int, int], backend: str, shown: str | None
) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.sub_title = backend
        await pilot.pause()
        title = app.query_one("HeaderTitle", Static)
        drawn = str(title.render())
        assert drawn == (shown or backend)
        assert cell_len(drawn) <= title.content_size.width  # not cut off with an ellipsis
    app.store.close()
