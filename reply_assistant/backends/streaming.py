"""A streamed draft as a `Draft` record, whichever backend streams it."""

from __future__ import annotations

import time
from collections.abc import Callable

from reply_assistant.backends.base import Backend
from reply_assistant.models import Draft, Incoming, Provenance, VerdictOutput


async def stream_to_draft(
    backend: Backend,
    item: Incoming,
    verdict: VerdictOutput,
    on_text: Callable[[str], None],
    language: str,
) -> Draft:
    """The draft `backend` streams, each chunk passed to `on_text` as it arrives.

    A stream that records its provenance (the LLM backend's: prompt, usage, cost, latency)
    supplies it; one that streams text only (the offline model) gets the backend, model,
    prompt version and the measured latency, and a cost of nothing when the backend is local
    (no price at all would read as "cost unknown" in the UI's totals). A streamed reply is
    plain text that does not name its language, so the caller says which to record. Raises
    BackendError.
    """
    started = time.perf_counter()
    stream = backend.stream_draft(item, verdict)
    chunks: list[str] = []
    async for chunk in stream:
        chunks.append(chunk)
        on_text(chunk)
    # A stream that was no reply (the LLM's copying its prompt) names what stands in for it.
    replacement: Draft | None = getattr(stream, "replacement", None)
    if replacement is not None:
        return replacement
    provenance = getattr(stream, "provenance", None) or Provenance(
        backend=backend.name,
        model=backend.model,
        prompt_version=backend.prompt_version,
        latency_ms=round((time.perf_counter() - started) * 1000, 1),
        cost_usd=0.0 if backend.capabilities.local else None,
    )
    return Draft(text="".join(chunks).strip(), language=language, provenance=provenance)
