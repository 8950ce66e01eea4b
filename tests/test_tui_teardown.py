"""Work that reports after the screen is gone (the app closing mid-run) is dropped quietly."""

from __future__ import annotations

from pathlib import Path

from snapshot_apps.build import build_app

from reply_assistant.models import Assessment
from reply_assistant.tui.messages import ClassificationProgress, ItemAssessed


async def test_progress_and_totals_after_the_screen_is_gone_are_ignored(tmp_path: Path):
    app, _ = build_app(tmp_path / "state.db", classify_on_start=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        message_id = app.current_id
    assert message_id is not None
    try:
        # What a worker still running at teardown posts: it raised NoMatches (StatusBar).
        app.on_classification_progress(ClassificationProgress(1, 2))
        app.on_item_assessed(ItemAssessed(message_id, Assessment()))
    finally:
        app.store.close()
    assert app.totals.calls == 0
