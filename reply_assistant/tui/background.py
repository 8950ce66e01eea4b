"""Model calls in async workers, and the messages they post back to the app.

A mixin of ReplyAssistantApp: the workers read and write the Store and report results as
messages; the handlers update the inbox row, the totals and the error toasts. An error
toast says what to do: retry with r, or (rejected key, unknown model) fix the settings and
restart, since they are read once at launch.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import NamedTuple

from textual import work

from reply_assistant.assistant import Assistant
from reply_assistant.backends.base import Backend, BackendError
from reply_assistant.config import ConfigError
from reply_assistant.models import Assessment, Incoming, Verdict
from reply_assistant.tui.messages import (
    ClassificationProgress,
    DraftFinished,
    DraftStreamed,
    ItemAssessed,
)

DEFAULT_CONCURRENCY = 4
# Messages a local model judges (or drafts) in one go before the screen gets a turn: a
# chunk takes a few milliseconds, so keys and repaints wait no longer than that.
LOCAL_CHUNK = 64


class Judged(NamedTuple):
    """A message whose verdict was just saved, waiting for its draft."""

    message_id: str
    item: Incoming
    verdict: Verdict


class BackgroundWork:
    """Mixed into ReplyAssistantApp, whose store, assistant, inbox and status bar it uses."""

    @work(group="classify-all", exclusive=True)
    async def classify_pending(self, message_ids: Iterable[str] | None = None) -> None:
        """Judge each pending conversation, then draft the replies.

        Every verdict is shown before any draft is written: labels are what the inbox is
        sorted by at a glance, and drafting (an LLM call each) takes longer than judging.
        A local model (the offline one, which judges a batch in one pass) works through
        chunks with nothing to wait on; an LLM has `concurrency` requests in flight.
        """
        if message_ids is None:
            pending = self.store.conversation_summaries("pending")
            message_ids = [s.message_id for s in pending if s.status == "open"]
        todo = [m for m in message_ids if m not in self.working]
        self.post_message(ClassificationProgress(0, len(todo)))
        self._notified_errors.clear()
        assistant = self.assistant  # a backend chosen meanwhile is used from the next run
        # Loaded now, after the first paint, even with nothing to judge: `r` is then instant.
        backend = await self._loaded_backend(assistant)
        if backend is None or not todo:
            return
        if getattr(backend, "classify_many", None) is None:
            judged = await self._judge_concurrently(assistant, todo)
            await self._draft_concurrently(assistant, judged)
        else:
            judged = await self._judge_in_chunks(assistant, todo)
            await self._draft_in_chunks(assistant, judged)

    async def _loaded_backend(self, assistant: Assistant) -> Backend | None:
        """The assistant's backend, loaded: a deferred one (the offline model, see
        backends.deferred) loads in a thread while the screen stays live. None, after an
        error toast, when it cannot be loaded; the rows stay pending."""
        ready = getattr(assistant.backend, "ready", None)
        if ready is None:
            return assistant.backend
        try:
            return await ready()
        except (BackendError, ConfigError) as exc:
            self._report_error(f"{assistant.backend.describe()} could not be loaded: {exc}")
            return None

    async def _judge_in_chunks(self, assistant: Assistant, todo: list[str]) -> list[Judged]:
        judged: list[Judged] = []
        for start in range(0, len(todo), LOCAL_CHUNK):
            # A key pressed while the screen had its turn may have started work on one.
            chunk = [m for m in todo[start : start + LOCAL_CHUNK] if m not in self.working]
            items = [self.store.incoming(message_id) for message_id in chunk]
            assessments = await assistant.assess_many(items, with_draft=False)
            for message_id, item, assessment in zip(chunk, items, assessments, strict=True):
                self._save_assessment(message_id, assessment)
                self.post_message(ItemAssessed(message_id, assessment))
                if assessment.verdict is not None:
                    judged.append(Judged(message_id, item, assessment.verdict))
            done = min(start + LOCAL_CHUNK, len(todo))
            self.post_message(ClassificationProgress(done, len(todo)))
            await asyncio.sleep(0)  # the model never awaits: let keys and repaints through
        return judged

    async def _draft_in_chunks(self, assistant: Assistant, judged: list[Judged]) -> None:
        for start in range(0, len(judged), LOCAL_CHUNK):
            for entry in judged[start : start + LOCAL_CHUNK]:
                # A local model drafts without suspending, so nothing can start work on
                # this message between the check and the save: no busy mark is needed.
                if self._still_needs_draft(entry):
                    drafted = await assistant.complete(entry.item, entry.verdict)
                    self._finish_draft(entry.message_id, drafted)
            await asyncio.sleep(0)

    async def _judge_concurrently(self, assistant: Assistant, todo: list[str]) -> list[Judged]:
        gate = self._gate()
        done = 0

        async def one(message_id: str) -> Judged | None:
            nonlocal done
            async with gate:
                # `r` on a pending row while this one waited for its turn judges it itself.
                assessment = (
                    None
                    if message_id in self.working
                    else await self._assess(message_id, assistant, with_draft=False)
                )
            done += 1
            self.post_message(ClassificationProgress(done, len(todo)))
            if assessment is None or assessment.verdict is None:
                return None
            return Judged(message_id, self.store.incoming(message_id), assessment.verdict)

        judged = await asyncio.gather(*(one(message_id) for message_id in todo))
        return [entry for entry in judged if entry is not None]

    async def _draft_concurrently(self, assistant: Assistant, judged: list[Judged]) -> None:
        gate = self._gate()

        async def one(entry: Judged) -> None:
            async with gate:
                if not self._still_needs_draft(entry):
                    return
                self._start_working(entry.message_id)
                try:
                    drafted = await assistant.complete(entry.item, entry.verdict)
                finally:
                    self.working.discard(entry.message_id)
                self._finish_draft(entry.message_id, drafted)

        await asyncio.gather(*(one(entry) for entry in judged))

    def _gate(self) -> asyncio.Semaphore:
        return asyncio.Semaphore(max(1, self.settings.concurrency or DEFAULT_CONCURRENCY))

    def _still_needs_draft(self, entry: Judged) -> bool:
        """False once the person took the message over after its verdict landed: a redraft
        is running (r) or a relabel changed the label (its own draft was made for it)."""
        if entry.message_id in self.working:
            return False
        verdict = self.store.verdict(entry.message_id)
        return verdict is not None and verdict.label == entry.verdict.label

    def _finish_draft(self, message_id: str, drafted: Assessment) -> None:
        """Save the draft (or its error) and redraw; the verdict was counted already."""
        draft_only = Assessment(
            draft=drafted.draft, error=drafted.error, error_kind=drafted.error_kind
        )
        self._save_assessment(message_id, draft_only)
        self.post_message(ItemAssessed(message_id, draft_only))

    async def _assess(
        self, message_id: str, assistant: Assistant | None = None, *, with_draft: bool = True
    ) -> Assessment:
        self._start_working(message_id)
        try:
            assessment = await (assistant or self.assistant).assess(
                self.store.incoming(message_id), with_draft=with_draft
            )
            self._save_assessment(message_id, assessment)
        finally:
            self.working.discard(message_id)
        self.post_message(ItemAssessed(message_id, assessment))
        return assessment

    def _save_assessment(self, message_id: str, assessment: Assessment) -> None:
        # Persisted before the screen is told, so quitting never loses a paid-for result.
        if assessment.verdict is not None:
            self.store.save_verdict(message_id, assessment.verdict)
        if assessment.draft is not None:
            self._store_new_draft(message_id, assessment.draft)
        if assessment.error:
            self.store.save_error(message_id, assessment.error)

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
