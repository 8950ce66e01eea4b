"""The offline model standing in for an LLM that is down, and asking the LLM again.

A mixin of ReplyAssistantApp. Whether the LLM is down is judged from the calls' failures
(`LLMHealth`): for a run, from that run's calls; for what the person asks for one message
at a time (r, a relabel, an added message), from every call since the last one that
succeeded, so an endpoint that dies mid-session is found by the next call that meets it.
The notice then says what happened (tui/llm_outage.py), and `r` asks the LLM again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reply_assistant.engine.events import Drafted, EngineEvent, Judged
from reply_assistant.engine.health import LLMHealth
from reply_assistant.tui import llm_fallback, llm_outage

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.app import App

    from reply_assistant.backends.base import Backend
    from reply_assistant.config import Settings
    from reply_assistant.engine import Assistant, Engine
    from reply_assistant.store import Store
    from reply_assistant.tui.status_bar import StatusBar

    _AppBase = App[None]
else:
    _AppBase = object


class StandsInForTheLLM(_AppBase):
    store: Store
    assistant: Assistant
    settings: Settings
    # Rows the offline model judged because the LLM was down; `r` on one retries the LLM.
    offline_meanwhile: set[str]
    # Rows the LLM (or the person) judged whose draft the offline model wrote meanwhile (r,
    # a relabel); `r` on one retries the LLM too, which drafts them again.
    offline_drafts: set[str]
    _offline: Backend | None
    # The offline model while it stands in for the LLM, until the LLM is tried again.
    stand_in: Backend | None
    # The LLM's failures since its last call that succeeded.
    llm_since_success: LLMHealth

    if TYPE_CHECKING:

        @property
        def status_bar(self) -> StatusBar: ...

        def refresh_row(self, message_id: str) -> None: ...

        def _show_backend(self) -> None: ...

        def _engine(
            self, backend: Backend | None = None, *, background: bool = False
        ) -> Engine: ...

        def _count_in_status_bar(self, engine: Engine) -> Engine: ...

        def _keep_edit_in_history(self, message_id: str) -> None: ...

        def redraft(self, message_id: str) -> None: ...

        def classify_pending(
            self, message_ids: Iterable[str] | None = None, *, again: bool = False
        ) -> object: ...

    def watch_llm(self, engine: Engine) -> bool:
        """Keep `llm_since_success` up to date with `engine`'s calls; False (nothing to
        watch) when its backend is no LLM."""
        if not engine.backend.capabilities.uses_prompts:
            return False
        engine.subscribe(self._since_success)
        return True

    def _since_success(self, event: EngineEvent) -> None:
        # A draft the offline model wrote in the LLM's place is the LLM's failure.
        stood_in = isinstance(event, Drafted) and event.draft.provenance.stood_in_for
        if isinstance(event, Judged | Drafted) and not stood_in:
            self.llm_since_success = LLMHealth()
        else:
            self.llm_since_success.watch(event)

    def stand_in_for_llm(self, failure_kind: str) -> Backend:
        """From now on the offline model does the LLM's work; the header and the status bar
        say why (from the kind of the LLM's last failure) until the LLM is tried again."""
        if self._offline is None:
            self._offline = llm_fallback.offline_backend(self.settings, self.store)
        self.stand_in = self._offline
        model = self.assistant.backend.model
        self.sub_title = llm_outage.header(failure_kind)
        self.status_bar.backend = self._offline.describe()
        self.status_bar.prompts = ""
        self.status_bar.notice = llm_outage.notice(failure_kind, model)
        return self._offline

    async def judge_offline_meanwhile(self, message_ids: list[str], failure_kind: str) -> None:
        """The LLM is down: the offline model judges (and drafts) what it did not, and
        writes the drafts asked for meanwhile (a relabel, r on a row the LLM judged), so
        the inbox does not wait on it."""
        self.offline_meanwhile.update(message_ids)
        offline = self.stand_in_for_llm(failure_kind)
        # The notice stands for the LLM's failures: a row keeps showing its offline verdict
        # (one judged by an earlier fallback is not judged again) rather than the error.
        self.store.clear_errors(message_ids)
        for message_id in message_ids:
            self.refresh_row(message_id)
        engine = self._count_in_status_bar(self._engine(offline))
        await engine.run(message_ids, verdicts_first=True)

    def stood_in_for(self, message_id: str) -> bool:
        """The offline model judged or drafted this row for the LLM (`r` retries the LLM)."""
        return message_id in self.offline_meanwhile or message_id in self.offline_drafts

    def retry_llm(self) -> None:
        """Judge again, with the backend in use, the rows the offline model stood in for
        and those whose call failed; draft again those it only drafted."""
        failed = [
            summary.message_id
            for summary in self.store.conversation_summaries("pending")
            if summary.status == "open" and self.store.error(summary.message_id) is not None
        ]
        again = [*self.offline_meanwhile, *failed]
        redraft = self.offline_drafts - self.offline_meanwhile  # those are drafted with a verdict
        self.offline_meanwhile.clear()
        self.offline_drafts.clear()
        self.stand_in = None
        self.llm_since_success = LLMHealth()  # a fresh start for the LLM
        self.status_bar.notice = ""
        self._show_backend()
        if again:
            self.classify_pending(again)
        for message_id in redraft:
            self._keep_edit_in_history(message_id)
            self.redraft(message_id)
