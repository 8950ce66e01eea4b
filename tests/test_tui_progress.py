"""The status bar's count of a classification reaches its total, whatever the person does
to the inbox while it runs."""

from __future__ import annotations

import asyncio
from pathlib import Path

from snapshot_apps.build import build_app, settle
from snapshot_apps.seed import fixed_now, seed_store
from test_tui_llm import llm_settings

from reply_assistant.backends import Backend
from reply_assistant.config import Settings
from reply_assistant.engine import Assistant
from reply_assistant.models import Action, Draft, Label, Provenance, Verdict
from reply_assistant.store import Store
from reply_assistant.testing.fake_llm_server import FakeLLMServer
from reply_assistant.tui.app import ReplyAssistantApp

MADE_BY = Provenance(backend="gated", model="m", prompt_version="gated@1")


class GatedBackend(Backend):
    """Judges nothing until `judging` is set and drafts nothing until it has judged
    `drafts_after` messages, so a test can act while a run is under way."""

    name, model, prompt_version = "gated", "m", "gated@1"

    def __init__(self, drafts_after: int) -> None:
        self.judging = asyncio.Event()
        self.asked = asyncio.Event()  # the first message is waiting to be judged
        self._drafting = asyncio.Event()
        self._drafts_after = drafts_after
        self._judged = 0

    def describe(self) -> str:
        return self.name

    async def classify(self, item):
        self.asked.set()
        await self.judging.wait()
        self._judged += 1
        if self._judged == self._drafts_after:
            self._drafting.set()
        return Verdict(
            label=Label.SPAM, confidence=0.9, reason="r", action=Action.DECLINE, provenance=MADE_BY
        )

    async def draft(self, item, verdict):
        await self._drafting.wait()
        return Draft(text="Thanks, but no.", language="en", provenance=MADE_BY)


async def test_a_relabel_while_the_inbox_is_judged_still_lets_the_count_finish(tmp_path: Path):
    store = Store.open(seed_store(tmp_path / "state.db"))
    pending = len(store.conversation_summaries("pending"))
    # Every message but the relabelled one is judged before its draft is written.
    backend = GatedBackend(drafts_after=pending - 1)
    settings = Settings(backend="offline", concurrency=1)
    app = ReplyAssistantApp(store, Assistant(backend), "gated", settings=settings, now=fixed_now)
    async with app.run_test(size=(120, 30)) as pilot:
        await backend.asked.wait()
        [judging] = app.working
        relabelled = next(m for m in app.inbox.rows_by_id if m != judging)
        app.inbox.move_cursor(row=app.inbox.get_row_index(relabelled))
        await pilot.press("3")  # its draft is written while the run goes on
        backend.judging.set()
        await settle(pilot)
        assert app.store.verdict(relabelled).label is Label.UNCLEAR
        assert f"classified {pending} of {pending}" in str(app.status_bar.render())
    store.close()


async def test_a_draft_that_fails_leaves_its_message_classified(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    store = Store.open(seed_store(tmp_path / "state.db"))
    pending = len(store.conversation_summaries("pending"))
    store.close()
    # Every verdict comes first (concurrency 1 keeps the order), then the first draft fails.
    fake_llm.script(["ok"] * pending + ["500"])
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm, concurrency=1))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        status = str(app.status_bar.render())
        assert f"classified {pending} of {pending}, 1 draft failed" in status, status
    app.store.close()
