"""Everything the person did survives closing the app: a new app on the same file shows it."""

from __future__ import annotations

from pathlib import Path

from snapshot_apps.build import build_app, settle


async def test_done_state_and_edited_text_survive_a_restart(tmp_path: Path) -> None:
    db_path = tmp_path / "state.db"
    app, _ = build_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        accepted = app.current_id
        await pilot.press("a")  # accept Sam's; the cursor moves to Priya
        await pilot.pause()
        edited = app.current_id
        await pilot.press("e", *" See you in Berlin", "q")  # q types; it does not quit here
        typed = app.conversation.draft_text
        assert typed.endswith("See you in Berlinq")
        await pilot.press("escape", "q")  # leaves the editor at once, then quits
        await pilot.pause()
    app.store.close()

    app, _ = build_app(db_path, classify_on_start=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert accepted not in app.inbox.rows_by_id  # done, so no longer in "needs reply"
        app.set_filter("done")
        await pilot.pause()
        assert list(app.inbox.rows_by_id) == [accepted]
        assert app.inbox.rows_by_id[accepted].status == "done"
        app.set_filter("needs_reply")
        await pilot.pause()
        app.inbox.move_cursor(row=app.inbox.get_row_index(edited))
        await pilot.pause()
        assert app.conversation.draft_text == typed
        assert "edited by you" in str(app.query_one("#draft-title").render())
    app.store.close()


async def test_a_regenerated_draft_replaces_the_edit_after_a_restart(tmp_path: Path) -> None:
    db_path = tmp_path / "state.db"
    app, _ = build_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        message_id = app.current_id
        await pilot.press("e", *"EDIT", "escape", "r")
        await settle(pilot)
        newest = app.store.drafts(message_id)[-1].text
    app.store.close()

    app, _ = build_app(db_path, classify_on_start=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.current_id == message_id
        assert app.conversation.draft_text == newest
        assert any(d.text.endswith("EDIT") for d in app.store.drafts(message_id))
        assert app.store.edited_text(message_id) is None  # the edit lives on in the history
    app.store.close()
