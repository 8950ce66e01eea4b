"""What the person asks for does not queue behind the background judging of the inbox:
a redraft (`r`) is sent while the judging's requests are still in flight."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from snapshot_apps.build import build_app, settle
from test_tui_llm import llm_settings

from reply_assistant.testing.fake_llm_server import FakeLLMServer, requested_kind


async def until_requested(fake: FakeLLMServer, count: int, timeout: float = 10.0) -> None:
    """Return once `count` chat requests have reached the server (polls the log)."""
    deadline = time.monotonic() + timeout
    while len(fake.chat_requests()) < count and time.monotonic() < deadline:
        await asyncio.sleep(0.01)


async def test_a_redraft_is_sent_while_the_inbox_is_still_being_judged(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    settings = llm_settings(fake_llm, concurrency=2)
    app, _ = build_app(tmp_path / "state.db", settings=settings, classify_on_start=False)
    async with app.run_test(size=(120, 30)) as pilot:
        current = app.current_id
        app.assess_one(current)  # judged and drafted before the rest, so r redrafts it
        await settle(pilot)
        before = len(fake_llm.chat_requests())
        fake_llm.hold_answers()  # the judging's requests stay in flight
        app.classify_pending()  # the rest of the inbox, as at launch
        await fake_llm.until_answering()
        await pilot.press("r")
        await until_requested(fake_llm, before + 2)
        kinds = [requested_kind(r.body) for r in fake_llm.chat_requests()[before:]]
        fake_llm.release_answers()
        # One verdict in flight, the person's draft beside it; the next verdict waits.
        assert kinds == ["verdict", "text"], kinds
        await settle(pilot)
    app.store.close()
