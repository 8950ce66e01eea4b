"""What every front end calls: judge a message and draft the reply, with one backend.

Backend failures come back as `Assessment.error` rather than exceptions, so a batch keeps
going and a screen can show the error next to the message.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence

from reply_assistant.backends.base import Backend, BackendError
from reply_assistant.models import (
    Assessment,
    Draft,
    Incoming,
    SenderFacts,
    ThreadTurn,
    Verdict,
    VerdictOutput,
)
from reply_assistant.sources import find_placeholders


class Assistant:
    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    async def assess(self, item: Incoming, *, with_draft: bool = True) -> Assessment:
        try:
            verdict = await self.backend.classify(item)
        except BackendError as exc:
            return Assessment(error=f"classify failed: {exc}")
        return await self.complete(item, verdict, with_draft)

    async def assess_many(
        self, items: Sequence[Incoming], *, with_draft: bool = True
    ) -> list[Assessment]:
        """One assessment per item, in order. A backend that classifies in bulk (the offline
        model's `classify_many`) judges them in one pass; others run concurrently (the LLM
        client limits how many requests are in flight)."""
        classify_many = getattr(self.backend, "classify_many", None)
        if classify_many is None:
            return list(
                await asyncio.gather(*(self.assess(i, with_draft=with_draft) for i in items))
            )
        try:
            verdicts = classify_many(items)
        except BackendError as exc:
            return [Assessment(error=f"classify failed: {exc}") for _ in items]
        return list(
            await asyncio.gather(
                *(
                    self.complete(item, verdict, with_draft)
                    for item, verdict in zip(items, verdicts, strict=True)
                )
            )
        )

    async def complete(
        self, item: Incoming, verdict: Verdict, with_draft: bool = True
    ) -> Assessment:
        """The assessment for a verdict already had: its draft, or the draft's error."""
        if not with_draft:
            return Assessment(verdict=verdict)
        try:
            draft = await self.backend.draft(item, verdict)
        except BackendError as exc:
            return Assessment(verdict=verdict, error=f"draft failed: {exc}")
        return Assessment(verdict=verdict, draft=draft)

    async def redraft(self, item: Incoming, verdict: VerdictOutput) -> Draft:
        """A fresh draft (e.g. after a relabel). Raises BackendError."""
        return await self.backend.draft(item, verdict)

    async def aclose(self) -> None:
        """Release the backend's connections, if it holds any (the LLM backend does)."""
        close = getattr(self.backend, "aclose", None)
        if close is not None:
            await close()

    def stream_redraft(self, item: Incoming, verdict: VerdictOutput) -> AsyncIterator[str]:
        """The draft's text in chunks. Raises BackendError while iterating."""
        return self.backend.stream_draft(item, verdict)


def incoming_from_text(
    text: str, sender_name: str = "", thread: Sequence[ThreadTurn] = ()
) -> Incoming:
    """A message typed or pasted in by hand, with only the facts its text reveals."""
    sender = SenderFacts(name=sender_name, placeholders=find_placeholders(text))
    return Incoming(text=text, sender=sender, thread=tuple(thread))
