"""Model calls in async workers, and the messages they post back to the app.

A mixin of ReplyAssistantApp: the workers read and write the Store and report results as
messages; the handlers update the inbox row, the totals and the error toasts. An error
toast says the next step (tui/next_step.py), the same line the conversation pane shows.
When the LLM is down, the offline model judges meanwhile (tui/stand_in.py).
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
from reply_assistant.engine.health import LLMHealth
from reply_assistant.models import Assessment, Draft
from reply_assistant.tui.messages import (
    ClassificationProgress,
    DraftFinished,
    DraftStreamed,
    ItemAssessed,
)
from reply_assistant.tui.next_step import next_step
from reply_assistant.tui.stand_in import StandsInForTheLLM

if TYPE_CHECKING:
    from reply_assistant.tui.conversation.view import ConversationView
    from reply_assistant.tui.session_totals import SessionTotals
    from reply_assistant.tui.status_bar import StatusBar


class BackgroundWork(StandsInForTheLLM):
    """Mixed into ReplyAssistantApp, whose store, assistant, inbox and status bar it uses.
    Every model call goes through an `Engine`, whose events become the app's messages."""

    needs_reply_days: int
    working: set[str]
    totals: SessionTotals
    _notified_errors: set[str]
    _history_position: dict[str, int]

    if TYPE_CHECKING:

        @property
        def conversation(self) -> ConversationView: ...

        @property
        def current_id(self) -> str | None: ...

    def _engine(self, backend: Backend | None = None, *, background: bool = False) -> Engine:
        """An engine on `backend`, by default the one in use now (one chosen meanwhile is
        used from the next run), sharing the app's set of busy rows. A `background` run
        (judging the inbox) leaves one of the endpoint's requests in flight free, so
        what the person asks for (r, a relabel, an added message) is sent at once rather
        than queued behind the inbox; with room for one request there is none to leave."""
        concurrency = self.settings.concurrency or DEFAULT_CONCURRENCY
        engine = Engine(
            self.store,
            backend or self.assistant.backend,
            concurrency=max(1, concurrency - 1) if background else concurrency,
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
                drafts_failed = event.failed - event.verdicts_failed
                self.post_message(
                    ClassificationProgress(
                        done, total, event.verdicts_failed, drafts_failed, event.offline_drafts
                    )
                )

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
        engine = self._count_in_status_bar(self._engine(background=True))
        health = LLMHealth()
        if self.watch_llm(engine):
            engine.subscribe(health.watch)
        try:
            await engine.run(todo, verdicts_first=True, again=again, stop_when=health.down)
        except (BackendError, ConfigError) as exc:
            self._report_error(f"{engine.backend.describe()} could not be loaded: {exc}")
            return
        if health.down() or health.all_failed:
            judged_here = engine.usable_verdicts(todo)
            not_judged = [m for m in todo if m not in judged_here]
            await self.judge_offline_meanwhile(not_judged, health.last_kind)

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
        self.run_worker(self._assess(message_id), group=f"item:{message_id}", exclusive=True)

    async def _assess(self, message_id: str) -> None:
        if self.stand_in is not None:
            self.offline_meanwhile.add(message_id)
        engine = self._count_in_status_bar(self._engine(self.stand_in))
        watched = self.stand_in is None and self.watch_llm(engine)
        await engine.assess(message_id)
        if not (watched and self.llm_since_success.down()):
            return
        if engine.usable_verdicts([message_id]):
            # The LLM's verdict stands, only its draft failed: the offline model drafts it
            # (judging it again would replace a good verdict).
            self.stand_in_for_llm(self.llm_since_success.last_kind)
            await self._stream_redraft(message_id)
        else:
            await self.judge_offline_meanwhile([message_id], self.llm_since_success.last_kind)

    def redraft(self, message_id: str) -> None:
        self.run_worker(
            self._stream_redraft(message_id), group=f"item:{message_id}", exclusive=True
        )

    async def _stream_redraft(self, message_id: str) -> None:
        drafts = self.store.drafts(message_id)
        language = drafts[-1].language if drafts else "en"
        stand_in = self.stand_in
        engine = self._engine(stand_in)
        watched = stand_in is None and self.watch_llm(engine)
        draft, error = await self._streamed_draft(engine, message_id, language)
        if watched and self.llm_since_success.down():
            # The LLM went down since its last answer: the offline model takes over, and
            # writes this draft unless one (its own, standing in) came already.
            offline = self.stand_in_for_llm(self.llm_since_success.last_kind)
            if draft is None:
                stand_in = offline
                draft, error = await self._streamed_draft(
                    self._engine(stand_in), message_id, language
                )
        if stand_in is not None and draft is not None:
            self.offline_drafts.add(message_id)
        self.post_message(DraftFinished(message_id, draft, error))

    async def _streamed_draft(
        self, engine: Engine, message_id: str, language: str
    ) -> tuple[Draft | None, str]:
        """`engine`'s redraft, its text shown as it streams in; the error when it failed."""
        text = ""

        def show(chunk: str) -> None:
            nonlocal text
            text += chunk
            self.post_message(DraftStreamed(message_id, text))

        failed: list[str] = []

        def keep_failure(event: EngineEvent) -> None:
            if isinstance(event, Failed):
                failed.append(event.error)

        engine.subscribe(keep_failure)
        draft = await engine.redraft(message_id, show, language)
        return draft, failed[0] if failed else ""

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
            status_bar.drafts_failed = event.drafts_failed
            status_bar.offline_drafts = event.offline_drafts

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
