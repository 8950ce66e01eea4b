"""Judging and drafting messages that are not stored (the engine's core, and what
`classify` and the evals use directly): one backend, no saving, no events.

Backend failures come back as `Assessment.error` rather than exceptions, so a batch keeps
going and a screen can show the error next to the message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence

from reply_assistant.backends.base import Backend, BackendError
from reply_assistant.backends.streaming import stream_to_draft
from reply_assistant.models import (
    Assessment,
    Draft,
    Incoming,
    Provenance,
    SenderFacts,
    ThreadTurn,
    Verdict,
    VerdictOutput,
)
from reply_assistant.sources import find_placeholders
from reply_assistant.store.sender_marks import mark_verdict
from reply_assistant.wordless import is_wordless, wordless_note, wordless_verdict

log = logging.getLogger(__name__)


class Assistant:
    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    async def assess(self, item: Incoming, *, with_draft: bool = True) -> Assessment:
        if is_wordless(item):
            return await self.complete(item, wordless_verdict(item, self.backend), with_draft)
        try:
            verdict = await self.backend.classify(item)
        except BackendError as exc:
            return Assessment(
                error=f"classify failed: {exc}",
                error_kind=exc.kind,
                failed_call=failed_call(self.backend, exc),
            )
        return await self.complete(item, verdict, with_draft)

    async def assess_many(
        self, items: Sequence[Incoming], *, with_draft: bool = True
    ) -> list[Assessment]:
        """One assessment per item, in order. A backend that classifies in bulk (the offline
        model's `classify_many`) judges them in one pass; others run concurrently (the LLM
        client limits how many requests are in flight)."""
        wordless = [is_wordless(item) for item in items]
        if any(wordless):
            # This is the one place that decides what is not judged: the backend only ever
            # sees messages with text.
            with_text = [item for item, skip in zip(items, wordless, strict=True) if not skip]
            judged = iter(await self.assess_many(with_text, with_draft=with_draft))
            return [
                await self.assess(item, with_draft=with_draft) if skip else next(judged)
                for item, skip in zip(items, wordless, strict=True)
            ]
        if not self.backend.capabilities.judges_in_bulk:
            return list(
                await asyncio.gather(*(self.assess(i, with_draft=with_draft) for i in items))
            )
        try:
            # In a worker thread: embedding a chunk takes about half a second, and a
            # screen must keep taking keys meanwhile.
            verdicts = await asyncio.to_thread(self.backend.classify_many, items)
        except BackendError as exc:
            return [Assessment(error=f"classify failed: {exc}", error_kind=exc.kind) for _ in items]
        # A local model drafts without waiting on anything: one after the other.
        return [
            await self.complete(item, verdict, with_draft)
            for item, verdict in zip(items, verdicts, strict=True)
        ]

    async def complete(
        self, item: Incoming, verdict: Verdict, with_draft: bool = True
    ) -> Assessment:
        """The assessment for a verdict already had: its draft, or the draft's error. The
        draft of a message from a sender the person marked is written for the mark's verdict,
        which the store puts in force over the model's (unless the person relabelled it)."""
        if not with_draft:
            return Assessment(verdict=verdict)
        draft_for = verdict
        if item.sender.mark and verdict.provenance.backend != "user":
            draft_for = mark_verdict(item.sender.mark)
        try:
            draft = await self.redraft(item, draft_for)
        except BackendError as exc:
            return Assessment(
                verdict=verdict,
                error=f"draft failed: {exc}",
                error_kind=exc.kind,
                failed_call=failed_call(self.backend, exc),
            )
        return Assessment(verdict=verdict, draft=draft)

    async def redraft(self, item: Incoming, verdict: VerdictOutput) -> Draft:
        """A fresh draft (e.g. after a relabel); for a message without text, its note.
        Raises BackendError."""
        if is_wordless(item):
            return wordless_note(item, self.backend)
        return await self.backend.draft(item, verdict)

    async def aclose(self) -> None:
        """Release the backend's connections, if it holds any (the LLM backend does)."""
        await self.backend.aclose()

    async def stream_redraft(
        self,
        item: Incoming,
        verdict: VerdictOutput,
        on_text: Callable[[str], None],
        language: str = "en",
    ) -> Draft:
        """A fresh draft, its text passed to `on_text` chunk by chunk as it arrives; the
        Draft records usage and cost when the backend reports them, and `language` (a
        streamed reply does not name its own). A stream the server breaks is asked for
        again without streaming. Raises BackendError."""
        if is_wordless(item):
            note = wordless_note(item, self.backend)
            on_text(note.text)
            return note
        try:
            return await stream_to_draft(self.backend, item, verdict, on_text, language)
        except BackendError as exc:
            # A server whose streams break or end unfinished may still answer in one piece.
            if exc.kind != "server":
                raise
            log.info("the draft stream failed (%s); asking without streaming", exc)
            return await self.backend.draft(item, verdict)


def failed_call(backend: Backend, failure: BackendError) -> Provenance | None:
    """What a failed call to `backend` spent, as a provenance the totals add up like any
    other's; None when it spent no tokens. No prompt version: it made nothing to attribute."""
    if not failure.usage.total_tokens:
        return None
    return Provenance(
        backend=backend.name,
        model=backend.model,
        prompt_version="",
        usage=failure.usage,
        cost_usd=failure.cost_usd,
    )


def incoming_from_text(
    text: str, sender_name: str = "", thread: Sequence[ThreadTurn] = (), subject: str = ""
) -> Incoming:
    """A message typed or pasted in by hand, with only the facts its text reveals."""
    sender = SenderFacts(name=sender_name, placeholders=find_placeholders(subject, text))
    return Incoming(text=text, sender=sender, thread=tuple(thread), subject=subject)
