"""Model calls in async workers, and the messages they post back to the app.

A mixin of ReplyAssistantApp: the workers read and write the Store and report results as
messages; the handlers update the inbox row, the totals and the error toasts. An error
toast says what to do: retry with r, or (rejected key, unknown model) fix the settings and
restart, since they are read once at launch.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from textual import work

from reply_assistant.backends.base import BackendError
from reply_assistant.tui.messages import (
    ClassificationProgress,
    DraftFinished,
    DraftStreamed,
    ItemAssessed,
)

DEFAULT_CONCURRENCY = 4


class BackgroundWork:
    """Mixed into ReplyAssistantApp, whose store, assistant, inbox and status bar it uses."""

    @work(group="classify-all", exclusive=True)
    async def classify_pending(self, message_ids: Iterable[str] | None = None) -> None:
        """Classify (and draft) each pending conversation, `concurrency` at a time."""
        if message_ids is None:
            pending = self.store.conversation_summaries("pending")
            message_ids = [s.message_id for s in pending if s.status == "open"]
        todo = [m for m in message_ids if m not in self.working]
        total, done = len(todo), 0
        self.post_message(ClassificationProgress(0, total))
        gate = asyncio.Semaphore(max(1, self.settings.concurrency or DEFAULT_CONCURRENCY))
        self._notified_errors.clear()

        async def one(message_id: str) -> None:
            nonlocal done
            async with gate:
                await self._assess(message_id)
                # The offline model computes without awaiting; yielding here lets keys and
                # repaints through between messages.
                await asyncio.sleep(0)
            done += 1
            self.post_message(ClassificationProgress(done, total))

        await asyncio.gather(*(one(message_id) for message_id in todo))

    async def _assess(self, message_id: str) -> None:
        self._start_working(message_id)
        try:
            assessment = await self.assistant.assess(self.store.incoming(message_id))
            # Persist before telling the screen, so quitting never loses a paid-for result.
            if assessment.verdict is not None:
                self.store.save_verdict(message_id, assessment.verdict)
            if assessment.draft is not None:
                self._store_new_draft(message_id, assessment.draft)
            if assessment.error:
                self.store.save_error(message_id, assessment.error)
        finally:
            self.working.discard(message_id)
        self.post_message(ItemAssessed(message_id, assessment))

    def _start_working(self, message_id: str) -> None:
        """Mark the row busy; the worker discards the mark and its result message redraws."""
        self.working.add(message_id)
        self.refresh_row(message_id)

    def assess_one(self, message_id: str) -> None:
        self.run_worker(self._assess(message_id), group=f"item:{message_id}", exclusive=True)

    def redraft(self, message_id: str) -> None:
        self.run_worker(
            self._stream_redraft(message_id), group=f"item:{message_id}", exclusive=True
        )

    async def _stream_redraft(self, message_id: str) -> None:
        verdict = self.store.verdict(message_id)
        if verdict is None:
            return
        item = self.store.incoming(message_id)
        drafts = self.store.drafts(message_id)
        language = drafts[-1].language if drafts else "en"
        self._start_working(message_id)
        text = ""

        def show(chunk: str) -> None:
            nonlocal text
            text += chunk
            self.post_message(DraftStreamed(message_id, text))

        try:
            draft = await self.assistant.stream_redraft(item, verdict, show, language)
            self._store_new_draft(message_id, draft)
        except BackendError as exc:
            # Reported here, where the failure's kind (and so the advice) is known.
            self._report_error(f"draft failed: {exc}", exc.kind)
            self.post_message(DraftFinished(message_id, None, str(exc)))
            return
        finally:
            self.working.discard(message_id)
        self.post_message(DraftFinished(message_id, draft))

    def on_item_assessed(self, event: ItemAssessed) -> None:
        for result in (event.assessment.verdict, event.assessment.draft):
            if result is not None:
                self.totals.add(result.provenance)
        self.status_bar.totals = self.totals.describe()
        if event.assessment.error:
            self._report_error(event.assessment.error, event.assessment.error_kind)
        self.refresh_row(event.message_id)

    def on_draft_streamed(self, event: DraftStreamed) -> None:
        if event.message_id == self.current_id:
            self.conversation.set_streaming(event.text)

    def on_draft_finished(self, event: DraftFinished) -> None:
        if event.draft is not None:
            self.totals.add(event.draft.provenance)
            self.status_bar.totals = self.totals.describe()
        self._history_position.pop(event.message_id, None)
        self.refresh_row(event.message_id)

    def on_classification_progress(self, event: ClassificationProgress) -> None:
        self.status_bar.progress = (event.done, event.total)

    def _report_error(self, error: str, kind: str = "") -> None:
        # One toast per distinct error per run: 40 items failing on a bad key is one problem.
        if error in self._notified_errors:
            return
        self._notified_errors.add(error)
        self.notify(
            f"{error}\n{self._what_to_do(kind)}",
            title="Model call failed",
            severity="error",
            timeout=10,
            markup=False,
        )

    @staticmethod
    def _what_to_do(kind: str) -> str:
        """The next step after a failure of this BackendError kind. Settings are read once,
        at launch, so a rejected key or an unknown model needs a restart, not a retry."""
        if kind == "auth":
            return "Set OPENAI_API_KEY (or api_key_file in the config) and restart."
        if kind == "not_found":
            return "Set model (or base_url) in the config and restart."
        return "The item stays pending; press r on it to retry."
