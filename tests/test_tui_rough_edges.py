"""The rough edges a new user hit (issue 18), each pinned: 80×24 discoverability, names,
empty filters, which way a copy went, the add-message dialog, the demo inbox."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from snapshot_apps.build import build_app, settle
from snapshot_apps.seed import write_export
from textual.widgets import Checkbox, Input, TextArea

from reply_assistant.cli import cli
from reply_assistant.clipboard import SYSTEM, TERMINAL, copied_title, make_copier
from reply_assistant.demo import import_demo_if_empty
from reply_assistant.store import Store
from reply_assistant.tui.app import TABLE_KEYS, ReplyAssistantApp
from reply_assistant.tui.key_footer import KeyFooter
from reply_assistant.tui.modals.add_message import AddMessageModal
from reply_assistant.tui.modals.help import HelpScreen


def _on_screen(app: ReplyAssistantApp) -> set[str]:
    """Keys painted whole in the footer, and the filter bar's hint."""
    keys = {entry.key for entry in app.query_one(KeyFooter).keys_in_view()}
    bar = str(app.query_one("#filter-bar").render())
    keys |= {"f"} if " f " in bar else set()
    keys |= {"slash"} if " / " in bar else set()
    return keys


async def test_at_80x24_every_action_is_reachable_by_a_key_on_screen_or_in_help(
    tmp_path: Path,
) -> None:
    app, recorders = build_app(tmp_path / "state.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = _on_screen(app)
        assert "question_mark" in shown  # the way to the rest
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        listed = {keys for keys, _ in help_screen._rows}
        await pilot.press("escape")
        for binding in app.BINDINGS:
            assert binding.key in shown or app.get_key_display(binding) in listed, binding.key
        for keys, _ in TABLE_KEYS:
            assert keys in listed

        # And every action answers its key at this size.
        start = app.current_id
        await pilot.press("j")
        assert app.current_id != start
        await pilot.press("k", "c")
        assert recorders.copied
        await pilot.press("e", "x", "escape")
        assert app.store.edited_text(start).endswith("x")
        await pilot.press("left_square_bracket", "right_square_bracket", "r")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert app.store.verdict(start).label.value == "relationship"
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("o")
        assert recorders.opened
        await pilot.press("a")
        assert app.store.status(start) == "done"
        await pilot.press("s")
        await pilot.press("space", "b", "escape", "m", "escape", "n", "escape")
        await pilot.press("f")
        assert app.filter == "pending"
        await pilot.press("slash", "P", "escape")
        await pilot.press("ctrl+p")
        assert app.screen.__class__.__name__ == "CommandPalette"
        await pilot.press("escape")
    app.store.close()


async def test_names_get_the_width_the_label_does_not_need_at_80x24(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first_line = str(app.inbox.get_cell_at((0, 0))).splitlines()[0]
        assert "Growth Partners" in "".join(
            str(app.inbox.get_cell_at((row, 0))) for row in range(app.inbox.row_count)
        )
        assert len(first_line) >= 30  # the sender's line spans the whole list
    app.store.close()


async def test_at_60x20_the_draft_shows_three_lines_under_the_verdict(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        draft = app.conversation.draft_area
        assert draft.content_region.height >= 3
        assert draft.region.bottom <= app.status_bar.region.y  # whole, not cut by the bar
        assert app.query_one("#verdict").region.height >= 2  # the label and a reason line
        assert app.inbox.region.height >= 4  # two conversations, two lines each
    app.store.close()


async def test_an_empty_filter_shows_no_conversation_and_keys_say_why(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.set_filter("pending")
        await settle(pilot)
        assert app.inbox.row_count == 0
        assert app.conversation.message_id is None
        thread = str(app.query_one("#thread").render())
        assert "Nothing under pending. Press f for the next filter." in thread
        assert app.conversation.draft_text == ""
        await pilot.press("a")
        assert list(app._notifications)[-1].message == thread.strip()
    app.store.close()


class _Terminal:
    def __init__(self) -> None:
        self.sent: list[str] = []

    def copy_to_clipboard(self, text: str) -> None:
        self.sent.append(text)


def test_copy_says_the_system_clipboard_when_it_took_the_text() -> None:
    terminal = _Terminal()
    copy = make_copier(terminal, fallback=lambda text: True, remote=False)
    assert copy("Hi") == SYSTEM and terminal.sent == ["Hi"]
    assert copied_title(SYSTEM) == "Copied to clipboard"


def test_over_ssh_or_without_a_clipboard_the_copy_goes_through_the_terminal() -> None:
    terminal, tried = _Terminal(), []
    over_ssh = make_copier(terminal, fallback=lambda text: tried.append(text) or True, remote=True)
    assert over_ssh("Hi") == TERMINAL and not tried  # the server's clipboard is not yours
    no_clipboard = make_copier(terminal, fallback=lambda text: False, remote=False)
    assert no_clipboard("Hi") == TERMINAL
    assert terminal.sent == ["Hi", "Hi"]
    assert "OSC 52" in copied_title(TERMINAL)


async def test_the_accept_toast_says_which_way_the_draft_went(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    app._copy = lambda text: TERMINAL
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        toast = list(app._notifications)[-1]
        assert "OSC 52" in toast.title and "copy it by hand" in toast.message
    app.store.close()


async def test_the_add_message_dialog_fits_40x12_and_adds_a_first_degree_sender(
    tmp_path: Path,
) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        dialog = app.screen
        assert isinstance(dialog, AddMessageModal)
        for widget in (
            dialog.query_one("#add-sender"),
            dialog.query_one("#add-text"),
            dialog.query_one("#add-first-degree"),
            dialog.query_one("#add-save"),
            dialog.query_one("#add-cancel"),
        ):
            region = widget.region
            assert region.height >= 1 and region.bottom <= 12 and region.right <= 40, widget
        dialog.query_one("#add-sender", Input).value = "Robin Vale"
        dialog.query_one("#add-text", TextArea).text = "Coffee next week?"
        dialog.query_one("#add-first-degree", Checkbox).value = True
        dialog.query_one("#add-since", Input).value = "2020-05"
        await pilot.press("ctrl+s")
        await settle(pilot)
        facts = app.store.incoming(app.current_id).sender
        assert facts.name == "Robin Vale" and facts.first_degree
        assert facts.connected_on.isoformat() == "2020-05-01"
    app.store.close()


async def test_a_message_added_to_the_demo_survives_the_import_and_the_import_says_so(
    tmp_path: Path,
) -> None:
    db = tmp_path / "state.db"
    with Store.open(db) as store:
        import_demo_if_empty(store)
    app, _ = build_app(db, seed=False, classify_on_start=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        assert "kept after import" in str(app.screen.query_one(".dialog-title").render())
        app.screen.query_one("#add-sender", Input).value = "Ana Silva"
        app.screen.query_one("#add-text", TextArea).text = "Lunch next week?"
        await pilot.press("ctrl+s")
        await settle(pilot)
        added = app.current_id
    app.store.close()
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(write_export(tmp_path / "x"))])
    assert result.exit_code == 0, result.output
    assert "Demo inbox: removed" in result.output
    assert "messages you added by hand stay" in result.output
    with Store.open(db) as store:
        assert store.message(added).text == "Lunch next week?"
