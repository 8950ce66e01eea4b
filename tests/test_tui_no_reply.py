"""A conversation the assistant says not to answer (a scam, a sponsored message) and the
inbox count that follows accepts: driven with the pilot over a real store (offline model)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from snapshot_apps.build import Recorders, build_app, settle
from snapshot_apps.seed import OWNER, fixed_now, seed_store
from textual.pilot import Pilot

from reply_assistant.importer import import_messages
from reply_assistant.models import Action, Message, Participant
from reply_assistant.store import Store
from reply_assistant.tui.app import ReplyAssistantApp
from reply_assistant.tui.inbox.filter_bar import FilterBar

SCAM = (
    "Dear friend, I have an investment opportunity with guaranteed returns of 40% a month in "
    "crypto. Send USDT to my wallet today, it is urgent and I will double your money."
)


def _seed_with_newest(db_path: Path, sender: str, text: str) -> None:
    seed_store(db_path)
    with Store.open(db_path) as store:
        import_messages(
            store,
            [
                Message(
                    conversation_id="2-newest",
                    sender=Participant(sender, "https://www.linkedin.com/in/newest-sender"),
                    recipients=(OWNER,),
                    sent_at=fixed_now(),  # the newest, so the first row
                    content_raw=text,
                    text=text,
                )
            ],
            profile_owner=OWNER,
        )


@pytest.fixture
async def scam_open(tmp_path: Path) -> AsyncIterator[tuple[ReplyAssistantApp, Pilot, Recorders]]:
    db_path = tmp_path / "state.db"
    _seed_with_newest(db_path, "Crypto King", SCAM)
    app, recorders = build_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.inbox.rows_by_id[app.current_id].sender == "Crypto King"
        verdict = app.store.verdict(app.current_id)
        assert verdict is not None and verdict.action is Action.NO_REPLY
        yield app, pilot, recorders
    app.store.close()


def filter_bar_text(app: ReplyAssistantApp) -> str:
    return str(app.query_one(FilterBar).render())


async def test_accept_on_a_no_reply_note_marks_done_without_copying_the_note(
    scam_open: tuple[ReplyAssistantApp, Pilot, Recorders],
) -> None:
    app, pilot, recorders = scam_open
    message_id = app.current_id
    # The action as batch and classify name it: one vocabulary in every output.
    assert "· no_reply" in str(app.query_one("#verdict").render())
    await pilot.press("a")
    await settle(pilot)
    assert recorders.copied == []
    assert app.store.status(message_id) == "done"


async def test_copy_on_a_no_reply_note_copies_nothing_and_says_why(
    scam_open: tuple[ReplyAssistantApp, Pilot, Recorders],
) -> None:
    app, pilot, recorders = scam_open
    await pilot.press("c")
    await settle(pilot)
    assert recorders.copied == []
    assert any("nothing to copy" in n.message for n in app._notifications)


async def test_a_reply_written_over_the_note_is_copied(
    scam_open: tuple[ReplyAssistantApp, Pilot, Recorders],
) -> None:
    app, pilot, recorders = scam_open
    app.conversation.draft_area.text = ""
    await pilot.press("e", "N", "o", "escape", "a")
    await settle(pilot)
    assert recorders.copied == ["No"]


async def test_the_filter_count_follows_accept_skip_and_undo(
    scam_open: tuple[ReplyAssistantApp, Pilot, Recorders],
) -> None:
    app, pilot, _ = scam_open
    listed = app.inbox.row_count
    assert f" {listed} " in filter_bar_text(app)
    await pilot.press("a")
    await settle(pilot)
    assert f" {listed - 1} " in filter_bar_text(app)
    await pilot.press("s")
    await settle(pilot)
    assert f" {listed - 2} " in filter_bar_text(app)
    await pilot.press("u")
    await settle(pilot)
    assert f" {listed - 1} " in filter_bar_text(app)
    assert app.inbox.row_count == listed  # the done rows stay listed, with their mark


async def test_accept_on_a_language_note_marks_done_without_copying_the_note(
    tmp_path: Path,
) -> None:
    # Japanese: the offline templates have none, so the draft pane holds a note instead.
    db_path = tmp_path / "state.db"
    _seed_with_newest(
        db_path,
        "Haruto Sato",
        "先日はありがとうございました。来月の勉強会でぜひお話を聞かせてください。",
    )
    app, recorders = build_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        message_id = app.current_id
        drafts = app.store.drafts(message_id)
        assert drafts and drafts[-1].text.startswith("(")
        await pilot.press("a")
        await settle(pilot)
        assert recorders.copied == []
        assert app.store.status(message_id) == "done"
        assert any("nothing copied" in n.message for n in app._notifications)
    app.store.close()
