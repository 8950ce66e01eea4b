"""The footer shows the keys that fit: the essential ones at 80 columns, every key when wide."""

from __future__ import annotations

from pathlib import Path

import pytest
from snapshot_apps.build import build_app, settle
from textual.widgets._footer import FooterKey

ESSENTIAL = {"a", "e", "r", "1", "2", "3", "s", "u", "o", "question_mark", "q"}
EVERY_KEY = ESSENTIAL | {
    "c",
    "n",
    "f",
    "slash",
    "left_square_bracket",
    "right_square_bracket",
    "ctrl+p",
}


async def keys_in_view(tmp_path: Path, size: tuple[int, int]) -> set[str]:
    """The footer keys painted whole inside the screen."""
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        width = app.screen.size.width
        shown = {
            key.key
            for key in app.screen.query(FooterKey)
            if key.display and key.region.width and key.region.right <= width
        }
    app.store.close()
    return shown


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((80, 24), ESSENTIAL),
        ((100, 30), ESSENTIAL | {"c", "n"}),
        ((140, 30), EVERY_KEY),
        ((40, 12), {"a", "u", "question_mark", "q"}),
    ],
)
async def test_footer_keys_by_width(
    tmp_path: Path, size: tuple[int, int], expected: set[str]
) -> None:
    assert await keys_in_view(tmp_path, size) == expected


async def test_while_editing_the_footer_says_how_to_leave(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        shown = {(key.key, key.description) for key in app.screen.query(FooterKey) if key.display}
        assert shown == {("escape", "Done editing")}
        await pilot.press("escape")
        await pilot.pause()
        assert app.inbox.has_focus
        assert "a" in {key.key for key in app.screen.query(FooterKey) if key.display}
    app.store.close()
