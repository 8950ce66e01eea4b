"""The footer shows the keys that fit, `?` first: the essential ones at 80 columns, the
draft history, filter, search and ctrl+p from 120, every key from 140."""

from __future__ import annotations

from pathlib import Path

import pytest
from snapshot_apps.build import build_app, settle
from textual.widgets._footer import FooterKey

AT_60 = {"question_mark", "a", "e", "r", "s", "u", "m", "q"}
AT_80 = AT_60 | {"1", "2", "3", "b"}
AT_100 = AT_80 | {"o", "left_square_bracket", "right_square_bracket"}
AT_120 = AT_100 | {"f", "slash", "ctrl+p"}
EVERY_KEY = AT_120 | {"c", "n"}


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
        ((60, 20), AT_60),
        ((80, 24), AT_80),
        ((100, 30), AT_100),
        ((120, 36), AT_120),  # the draft history, filter, search and palette keys too
        ((140, 30), EVERY_KEY),
        ((40, 12), {"question_mark", "a", "e", "r", "s"}),  # `?` first: it lists the rest
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


async def test_the_footer_is_rebuilt_only_when_its_keys_change(tmp_path: Path) -> None:
    """Textual rebuilds the footer on every binding refresh (every focus change and screen
    switch), each key a new widget; that was a quarter of the UI's time in the key tests."""
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = list(app.screen.query(FooterKey))
        await pilot.press("j", "question_mark")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert list(app.screen.query(FooterKey)) == before  # the same widgets, not rebuilt
        await pilot.press("e")
        await pilot.pause()
        assert [key.key for key in app.screen.query(FooterKey) if key.display] == ["escape"]
        await pilot.press("escape")
        await pilot.pause()
        assert [key.key for key in app.screen.query(FooterKey)] == [key.key for key in before]
    app.store.close()
