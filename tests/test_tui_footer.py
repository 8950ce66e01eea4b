"""The footer shows the keys that fit, `?` first: the essential ones at 80 columns, the
draft history, filter, search and ctrl+p from 120, every key from 140."""

from __future__ import annotations

from pathlib import Path

import pytest
from snapshot_apps.build import build_app, settle
from textual.binding import Binding

from reply_assistant.tui.key_footer import KeyFooter, lay_out
from reply_assistant.tui.modals.help import HelpScreen

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
        shown = {entry.key for entry in app.query_one(KeyFooter).keys_in_view()}
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
        footer = app.query_one(KeyFooter)
        shown = {(entry.key, entry.description) for entry in footer.keys_in_view()}
        assert shown == {("escape", "Done editing")}
        await pilot.press("escape")
        await pilot.pause()
        assert app.inbox.has_focus
        assert "a" in {entry.key for entry in footer.keys_in_view()}
    app.store.close()


async def test_the_footer_draws_every_key_of_its_width_on_one_line(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert str(app.query_one(KeyFooter).render()) == (
            "? Help a Accept e Edit r Redo [ ] Drafts 1 2 3 Label s Skip u Undo m Mark "
            "b Bulk o Open q Quit"
        )
    app.store.close()


async def test_a_key_in_the_footer_is_pressed_by_a_click_and_names_itself_on_hover(
    tmp_path: Path,
) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.query_one(KeyFooter)
        at = {entry.key: entry.start for entry in footer.keys_in_view()}
        await pilot.hover(KeyFooter, offset=(at["a"] + 2, 0))  # on "Accept"
        assert footer.tooltip == "Copy the draft and mark done"
        await pilot.hover(KeyFooter, offset=(at["q"] - 1, 0))  # the space before "q Quit"
        assert footer.tooltip is None
        await pilot.click(KeyFooter, offset=(at["question_mark"], 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
    app.store.close()


def test_footer_entries_are_measured_in_terminal_cells() -> None:
    """A click lands on a cell, so a wide character counts two."""
    shown = [
        (Binding("a", "accept", "受け入れ"), True, ""),
        (Binding("q", "quit", "Quit"), True, ""),
    ]
    entries = lay_out(shown, lambda binding: binding.key, lambda _: True, width=80)
    assert [(entry.key, entry.start, entry.end) for entry in entries] == [
        ("a", 0, 10),
        ("q", 11, 17),
    ]


async def test_a_narrow_footer_shows_only_whole_keys(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        footer = app.query_one(KeyFooter)
        assert str(footer.render()) == "? Help a Accept e Edit r Redo s Skip"  # not "u U"
    app.store.close()


def test_a_group_that_does_not_fit_leaves_with_its_label() -> None:
    drafts = Binding.Group("Drafts")
    shown = [
        (Binding("?", "help", "Help"), True, ""),
        (Binding("[", "history(-1)", "Older", group=drafts), True, ""),
        (Binding("]", "history(1)", "Newer", group=drafts), True, ""),
        (Binding("q", "quit", "Quit"), True, ""),
    ]
    layout = lay_out(shown, lambda binding: binding.key, lambda _: True, width=12)
    assert [entry.key for entry in layout] == ["?"]  # "? Help [ ]" would fit, "Drafts" not
