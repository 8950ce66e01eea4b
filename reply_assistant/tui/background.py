"""Model calls in async workers, and the messages they post back to the app.

A mixin of ReplyAssistantApp: the workers read and write the Store and report results as
messages; the handlers update the inbox row, the totals and the error toasts. An error
toast says the next step (tui/next_step.py), the same line the conversation pane shows.
When the LLM is down, the offline model judges meanwhile (tui/llm_fallback.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.css.query import NoMatches

from reply_assistant.backends.base import Backend, BackendError
from reply_assistant.config import ConfigError
from reply_assistant.engine import DEFAULT_CONCURRENCY, Engine
from reply_assistant.engine.events import (
    Drafted,
    EngineEvent,
    Failed,
    Judged,
    Progress,
    RunStarted,
    WorkEnded,
    WorkStarted,
)
from reply_assistant.models import Assessment
from reply_assistant.tui import llm_fallback
from reply_assistant.tui.messages import (
    ClassificationProgress,
    DraftFinished,
    DraftStreamed,
    ItemAssessed,
)
from reply_assistant.tui.next_step import next_step

if TYPE_CHECKING:
    from textual.app import App

    from reply_assistant.config import Settings
    from reply_assistant.engine import Assistant
    from reply_assistant.store import Store
    from reply_assistant.tui.conversation.view import ConversationView
    from reply_assistant.tui.session_totals import SessionTotals
    from reply_assistant.tui.status_bar import StatusBar

    _AppBase = App[None]
else:
    _AppBase = object


class BackgroundWork(_AppBase):
    """Mixed into ReplyAssistantApp, whose store, assistant, inbox and status bar it uses.
    Every model call goes through an `Engine`, whose events become the app's messages."""

    store: Store
    assistant: Assistant
    settings: Settings
    needs_reply_days: int
    working: set[str]
    totals: SessionTotals
    _notified_errors: set[str]
    _history_position: dict[str, int]
    # Rows the offline model judged because the LLM was down; `r` on one retries the LLM.
    offline_meanwhile: set[str]
    _offline: Backend | None
    # The offline model while it stands in for the unreachable LLM, until it is tried again.
    stand_in: Backend | None

    if TYPE_CHECKING:

        @property
        def status_bar(self) -> StatusBar: ...

        @property
        def conversation(self) -> ConversationView: ...

        @property
        def current_id(self) -> str | None: ...

        def refresh_row(self, message_id: str) -> None: ...

        def _show_backend(self) -> None: ...

    def _engine(self, backend: Backend | None = None) -> Engine:
        """An engine on `backend`, by default the one in use now (one chosen meanwhile is
        used from the next run), sharing the app's set of busy rows."""
        engine = Engine(
            self.store,
            backend or self.assistant.backend,
            concurrency=self.settings.concurrency or DEFAULT_CONCURRENCY,
            busy=self.working,
        )
        engine.subscribe(self._on_engine_event)
        return engine

    def _count_in_status_bar(self, engine: Engine) -> Engine:
        """Show `engine`'s classification in the status bar's count: every message in the
        run's scope, those an earlier run finished counted as done, so a run that finds
        nothing left reads as finished. Only the runs the person started count here: a
        re-judging after a correction (cancelled by the next one) would leave its own
        smaller count behind."""
        already_done = 0

        def show(event: EngineEvent) -> None:
            nonlocal already_done
            if isinstance(event, RunStarted):
                already_done = event.already_done
                self.post_message(ClassificationProgress(already_done, already_done + event.total))
            elif isinstance(event, Progress):
                done, total = already_done + event.judged, already_done + event.total
                self.post_message(ClassificationProgress(done, total, event.failed))

        engine.subscribe(show)
        return engine

    @work(group="classify-all", exclusive=True)
    async def classify_pending(
        self, message_ids: Iterable[str] | None = None, *, again: bool = False
    ) -> None:
        """Judge each pending conversation, then draft the replies.

        Every verdict is shown before any draft is written: labels are what the inbox is
        sorted by at a glance, and drafting (an LLM call each) takes longer than judging.
        `again` judges them even when they have a verdict from this backend already.
        The backend is loaded first (after the first paint, even with nothing to judge, so
        `r` is then instant); when it cannot be, an error toast says so and rows stay
        pending. By default only the needs-reply window is judged, as batch does: a real
        export's years of older threads would cost an LLM call each."""
        if message_ids is None:
            since = self.store.needs_reply_since(self.needs_reply_days)
            pending = self.store.conversation_summaries("pending", since=since)
            message_ids = [s.message_id for s in pending if s.status == "open"]
        todo = [m for m in message_ids if m not in self.working]
        self.post_message(ClassificationProgress(0, len(todo)))
        self._notified_errors.clear()
        engine = self._count_in_status_bar(self._engine())
        health = llm_fallback.LLMHealth()
        if engine.backend.capabilities.uses_prompts:
            engine.subscribe(health.watch)
        try:
            await engine.run(todo, verdicts_first=True, again=again, stop_when=health.down)
        except (BackendError, ConfigError) as exc:
            self._report_error(f"{engine.backend.describe()} could not be loaded: {exc}")
            return
        if health.down() or health.all_failed:
            judged_here = engine.usable_verdicts(todo)
            await self._judge_offline_meanwhile([m for m in todo if m not in judged_here])

    async def _judge_offline_meanwhile(self, message_ids: list[str]) -> None:
        """The LLM is down: the offline model judges (and drafts) what it did not, and
        writes the drafts asked for meanwhile (a relabel, r on a row the LLM judged), so
        the inbox does not wait on it; the header and status bar say so until the LLM is
        tried again."""
        self.offline_meanwhile.update(message_ids)
        self.sub_title = "offline (LLM unreachable)"
        if self._offline is None:
            self._offline = llm_fallback.offline_backend(self.settings, self.store)
        self.stand_in = self._offline
        self.status_bar.backend = self._offline.describe()
        self.status_bar.prompts = ""
        self.status_bar.notice = llm_fallback.NOTICE
        # The notice stands for the LLM's failures: a row keeps showing its offline verdict
        # (one judged by an earlier fallback is not judged again) rather than the error.
        self.store.clear_errors(message_ids)
        for message_id in message_ids:
            self.refresh_row(message_id)
        engine = self._count_in_status_bar(self._engine(self._offline))
        await engine.run(message_ids, verdicts_first=True)

    def retry_llm(self) -> None:
        """Judge again, with the backend in use, the rows the offline model stood in for
        and those whose call failed."""
        failed = [
            summary.message_id
            for summary in self.store.conversation_summaries("pending")
            if summary.status == "open" and self.store.error(summary.message_id) is not None
        ]
        again = [*self.offline_meanwhile, *failed]
        self.offline_meanwhile.clear()
        self.stand_in = None
        self.status_bar.notice = ""
        self._show_backend()
        if again:
            self.classify_pending(again)

    def _on_engine_event(self, event: EngineEvent) -> None:
        if isinstance(event, WorkStarted | WorkEnded):
            self.refresh_row(event.message_id)
        elif isinstance(event, Judged):
            self.post_message(ItemAssessed(event.message_id, Assessment(verdict=event.verdict)))
        elif isinstance(event, Drafted):
            self.post_message(ItemAssessed(event.message_id, Assessment(draft=event.draft)))
        elif isinstance(event, Failed):
            failure = Assessment(error=event.error, error_kind=event.kind, failed_call=event.spent)
            self.post_message(ItemAssessed(event.message_id, failure))

    def assess_one(self, message_id: str) -> None:
        """Judge and draft one message (added by hand, or `r` on one with no verdict); while
        the offline model stands in for the unreachable LLM it does, and `r` on the row
        then asks the LLM again."""
        if self.stand_in is not None:
            self.offline_meanwhile.add(message_id)
        engine = self._count_in_status_bar(self._engine(self.stand_in))
        self.run_worker(engine.assess(message_id), group=f"item:{message_id}", exclusive=True)

    def redraft(self, message_id: str) -> None:
        self.run_worker(
            self._stream_redraft(message_id), group=f"item:{message_id}", exclusive=True
        )

    async def _stream_redraft(self, message_id: str) -> None:
        drafts = self.store.drafts(message_id)
        language = drafts[-1].language if drafts else "en"
        text = ""

        def show(chunk: str) -> None:
            nonlocal text
            text += chunk
            self.post_message(DraftStreamed(message_id, text))

        engine = self._engine(self.stand_in)
        failed: list[str] = []

        def keep_failure(event: EngineEvent) -> None:
            if isinstance(event, Failed):
                failed.append(event.error)

        engine.subscribe(keep_failure)
        draft = await engine.redraft(message_id, show, language)
        self.post_message(DraftFinished(message_id, draft, failed[0] if failed else ""))

    def on_item_assessed(self, event: ItemAssessed) -> None:
        for result in (event.assessment.verdict, event.assessment.draft):
            if result is not None:
                self.totals.add(result.provenance)
        if event.assessment.failed_call is not None:
            self.totals.add(event.assessment.failed_call)
        status_bar = self._live_status_bar()
        if status_bar is not None:
            status_bar.totals = self.totals.describe()
        if event.assessment.error:
            self._report_error(event.assessment.error, event.assessment.error_kind)
        self.refresh_row(event.message_id)

    def on_draft_streamed(self, event: DraftStreamed) -> None:
        if event.message_id == self.current_id:
            self.conversation.set_streaming(event.text)

    def on_draft_finished(self, event: DraftFinished) -> None:
        # Its cost was counted with the engine's Drafted event (an ItemAssessed).
        self._history_position.pop(event.message_id, None)
        drafts = self.store.drafts(event.message_id) if event.draft is not None else []
        if len(drafts) >= 2 and drafts[-1].text == drafts[-2].text:
            self.notify(
                "There is no other wording for this one; press e to reword it.",
                title="Same draft",
            )
        self.refresh_row(event.message_id)

    def on_classification_progress(self, event: ClassificationProgress) -> None:
        status_bar = self._live_status_bar()
        if status_bar is not None:
            status_bar.progress = (event.done, event.total)
            status_bar.failed = event.failed

    def _live_status_bar(self) -> StatusBar | None:
        """The status bar; None once the screen is gone (the app closing while a worker
        still reports), when there is nothing left to show progress on."""
        try:
            return self.status_bar
        except NoMatches:
            return None

    def _report_error(self, error: str, kind: str = "") -> None:
        # One toast per distinct error per run: 40 items failing on a bad key is one problem.
        if error in self._notified_errors:
            return
        self._notified_errors.add(error)
        self.notify(
            f"{error}\n{next_step(kind, error)}",
            title="Model call failed",
            severity="error",
            timeout=10,
            markup=False,
        )
