"""After the person corrects a label, the conversations that correction moves are judged
again at once.

The offline model reads the person's corrections at every verdict (a near-identical
message takes their label), but the engine skips messages it has judged already. So after
a relabel, an accept or an undo, the open conversations are judged once more in memory
(embeddings are cached: thousands a second) and those whose label changed are judged and
drafted again for real. Nothing else is touched: an unchanged verdict keeps its draft and
the person's edit. An LLM backend learns nothing from corrections, so nothing runs there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    from reply_assistant.engine import Assistant, Engine
    from reply_assistant.store import Store

    _AppBase = App[None]
else:
    _AppBase = object


class RejudgesAfterCorrections(_AppBase):
    """Mixed into ReplyAssistantApp, whose store, engine and busy rows it uses."""

    store: Store
    assistant: Assistant
    working: set[str]
    needs_reply_days: int

    if TYPE_CHECKING:

        def _engine(self) -> Engine: ...

    def rejudge_after_correction(self) -> None:
        """Call after a relabel, an accept or an undo of either."""
        if self.assistant.backend.capabilities.learns_from_corrections:
            # A newer correction supersedes a re-judging still under way.
            self.run_worker(self._rejudge_changed(), group="corrections", exclusive=True)

    async def _rejudge_changed(self) -> None:
        engine = self._engine()
        since = self.store.needs_reply_since(self.needs_reply_days)
        listed = [
            summary.message_id
            for summary in self.store.conversation_summaries("needs_reply", since=since)
            if summary.status == "open" and summary.message_id not in self.working
        ]
        changed = await engine.moved_by_corrections(listed)
        if changed:
            await engine.run(changed, verdicts_first=True, again=True)
