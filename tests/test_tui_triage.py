"""Sender marks and bulk actions, driven with the pilot: each is one undo."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from snapshot_apps.build import build_app, settle
from snapshot_apps.seed import NOW, OWNER
from textual.widgets import Input

from reply_assistant.models import Message, Participant
from reply_assistant.store import Store
from reply_assistant.tui.modals.bulk_action import BulkActionModal
from reply_assistant.tui.modals.mark_sender import MarkSenderModal

SAM = Participant("Sam Ortiz", "https://www.linkedin.com/in/sam-ortiz")


def _add_conversations(
    db: Path, sent: list[tuple[Participant, str]], *, sponsored: bool = False
) -> None:
    """More conversations, one per (sender, text), each newer than the seeded inbox's."""
    messages = [
        Message(
            conversation_id=f"2-extra-{n}",
            sender=sender,
            recipients=(OWNER,),
            sent_at=NOW - timedelta(minutes=10 + n),
            content_raw=text,
            text=text,
            sponsored=sponsored,
        )
        for n, (sender, text) in enumerate(sent)
    ]
    with Store.open(db) as store:
        store.insert_messages(messages)
        store.refresh_conversations([message.conversation_id for message in messages])


def _row_of(app, conversation_id: str) -> str:
    return next(
        row.message_id
        for row in app.inbox.rows_by_id.values()
        if row.conversation_id == conversation_id
    )


async def test_marking_a_friend_relabels_their_other_conversations_and_undo_restores(
    tmp_path: Path,
) -> None:
    db = tmp_path / "state.db"
    app, _ = build_app(db)  # seeds the store
    _add_conversations(db, [(SAM, "Exclusive offer: 50% off our growth platform, book a demo")])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        other = _row_of(app, "2-extra-0")
        before = app.store.verdict(other).label.value
        assert before == "spam"  # the offer, judged on its own
        app.inbox.move_cursor(row=app.inbox.get_row_index(_row_of(app, "2-sam")))
        await pilot.press("m")
        assert isinstance(app.screen, MarkSenderModal)
        await pilot.press("f")
        await settle(pilot)
        assert app.store.verdict(other).label.value == "relationship"
        assert app.inbox.rows_by_id[other].label == "relationship"
        assert "marked friend by you" in str(app.query_one("#facts").render())
        toast = app._notifications
        assert any("Sam Ortiz is a friend: 2 conversations" in n.message for n in toast)
        # The newly relationship conversation got a draft written for its new label.
        assert "Labelled" not in app.store.drafts(other)[-1].text

        await pilot.press("u")
        await settle(pilot)
        assert app.store.verdict(other).label.value == before
        assert app.inbox.rows_by_id[other].label == before
        assert "marked friend" not in str(app.query_one("#facts").render())
        assert app.store.sender_mark(other) is None
    app.store.close()


async def test_m_offers_to_clear_a_mark_and_clearing_restores_the_assistants_labels(
    tmp_path: Path,
) -> None:
    db = tmp_path / "state.db"
    app, _ = build_app(db)
    _add_conversations(db, [(SAM, "Exclusive offer: 50% off our growth platform, book a demo")])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        other = _row_of(app, "2-extra-0")
        app.inbox.move_cursor(row=app.inbox.get_row_index(_row_of(app, "2-sam")))
        await pilot.press("m")
        assert "Clear" not in str(app.screen.query_one("OptionList").get_option_at_index(-1).prompt)
        await pilot.press("c")  # not offered for an unmarked sender: nothing happens
        assert isinstance(app.screen, MarkSenderModal)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("m")
        await pilot.press("c")
        await settle(pilot)
        assert app.store.sender_mark(other) is None
        assert app.store.verdict(other).label.value == "spam"
        assert app.inbox.rows_by_id[other].label == "spam"
        assert "marked friend" not in str(app.query_one("#facts").render())
        toast = app._notifications
        assert any("Sam Ortiz is no longer a friend: 2 conversations" in n.message for n in toast)
        assert app.store.drafts(other)  # a draft for the label it is back to


async def test_muting_makes_every_conversation_spam_with_no_reply(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    app, _ = build_app(db)
    _add_conversations(db, [(SAM, "Lunch on Friday?")])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.inbox.move_cursor(row=app.inbox.get_row_index(_row_of(app, "2-extra-0")))
        await pilot.press("m", "m")
        await settle(pilot)
        for conversation in ("2-extra-0", "2-sam"):
            verdict = app.store.verdict(_row_of(app, conversation))
            assert verdict.label.value == "spam" and verdict.action.value == "no_reply"
        assert "muted by you" in str(app.query_one("#facts").render())
    app.store.close()


async def test_bulk_done_over_a_filter_of_fifty_is_one_undo(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    app, _ = build_app(db, classify_on_start=False)
    people = [Participant(f"Person {n}", f"https://www.linkedin.com/in/p{n}") for n in range(45)]
    _add_conversations(db, [(person, f"Hello from {person.name}") for person in people])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.set_filter("pending")
        await settle(pilot)
        assert app.inbox.row_count == 50  # the seeded five and 45 more
        await pilot.press("b")
        assert isinstance(app.screen, BulkActionModal)
        await pilot.press("d")
        await settle(pilot)
        assert app.inbox.row_count == 0
        assert any("50 conversations marked done" in n.message for n in app._notifications)
        await pilot.press("u")
        await settle(pilot)
        assert app.inbox.row_count == 50
        assert any("Undid accept on 50 conversations" in n.message for n in app._notifications)
        await pilot.press("u")  # that was the whole action: nothing older to undo
        assert any(n.message == "Nothing to undo." for n in app._notifications)
    app.store.close()


async def test_selected_rows_are_the_scope_of_a_bulk_skip(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.current_id
        await pilot.press("space", "shift+down")  # the first three rows
        picked = set(app.inbox.selected)
        assert len(picked) == 3 and first in picked
        await pilot.press("b", "s")
        await settle(pilot)
        assert {m for m in picked if app.store.status(m) == "skipped"} == picked
        others = set(app.inbox.rows_by_id) - picked
        assert all(app.store.status(m) == "open" for m in others)
        assert not app.inbox.selected
    app.store.close()


async def test_dismiss_skips_sponsored_and_scam_messages_only(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    app, _ = build_app(db)
    _add_conversations(
        db, [(Participant("LinkedIn"), "Try Premium free for 1 month")], sponsored=True
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        sponsored = _row_of(app, "2-extra-0")
        await pilot.press("b", "x")
        await settle(pilot)
        assert app.store.status(sponsored) == "skipped"
        assert app.store.status(_row_of(app, "2-priya")) == "open"
    app.store.close()


async def test_done_if_older_than_a_date(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        ids = {row.conversation_id: row.message_id for row in app.inbox.rows_by_id.values()}
        await pilot.press("b")
        modal = app.screen
        assert isinstance(modal, BulkActionModal)
        modal.query_one("#bulk-before").value = NOW.date().isoformat()
        await pilot.press("o")
        await settle(pilot)
        # Derek (26 hours ago) and Growth Partners (50) are before today; the rest are not.
        assert app.store.status(ids["2-derek"]) == "done"
        assert app.store.status(ids["2-growth"]) == "done"
        assert app.store.status(ids["2-priya"]) == "open"
    app.store.close()


async def test_a_mistyped_date_names_the_key_that_then_runs_older_than(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        derek = _row_of(app, "2-derek")
        await pilot.press("b", "tab")
        field = app.screen.query_one("#bulk-before", Input)
        assert field.has_focus
        field.value = "28/11/2026"
        await pilot.press("enter")
        hint = list(app._notifications)[-1].message
        key = re.fullmatch(r"Type the date as YYYY-MM-DD, then press (\w+)\.", hint)
        assert key is not None, hint
        field.value = NOW.date().isoformat()
        await pilot.press(key[1])  # what the hint says, with the field still focused
        await settle(pilot)
        assert not isinstance(app.screen, BulkActionModal)
        assert app.store.status(derek) == "done"
    app.store.close()
