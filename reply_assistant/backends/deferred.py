"""A backend that is built on first use, so a screen can paint before the model loads.

Loading the offline model imports numpy and reads the encoder's and the classifier's
weights (about a second). The terminal UI needs only
the backend's name and label to draw its first frame: it awaits `ready()`, which builds
the backend in a worker thread while the event loop keeps drawing and taking keys.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Sequence

from reply_assistant.backends.base import Backend, Capabilities
from reply_assistant.models import Draft, Incoming, Provenance, Usage, Verdict, VerdictOutput


class DeferredBackend(Backend):
    """Stands in for the backend `build` returns; every call is passed on to it. Its name,
    label and capabilities are known without building it."""

    def __init__(
        self,
        build: Callable[[], Backend],
        *,
        name: str,
        label: str,
        capabilities: Capabilities,
    ) -> None:
        self.name = name
        self.capabilities = capabilities
        self._label = label
        self._build = build
        self._backend: Backend | None = None
        # A worker thread may be building while the event loop asks for it synchronously.
        self._building = threading.Lock()

    def describe(self) -> str:
        return self._label

    @property
    def is_loaded(self) -> bool:
        return self._backend is not None

    def load(self) -> Backend:
        """The backend, built in the calling thread unless it was already."""
        with self._building:
            if self._backend is None:
                self._backend = self._build()
            return self._backend

    async def ready(self) -> Backend:
        """The backend, built in a worker thread so the event loop is never blocked.
        Raises what building raises (BackendError, ConfigError); the next call retries."""
        if self._backend is not None:
            return self._backend
        return await asyncio.to_thread(self.load)

    # Read-only here, where Backend declares plain attributes: they are the built backend's.
    @property
    def model(self) -> str:  # type: ignore[override]
        return self.load().model

    @property
    def prompt_version(self) -> str:  # type: ignore[override]
        return self.load().prompt_version

    async def classify(self, item: Incoming) -> Verdict:
        return await (await self.ready()).classify(item)

    def classify_many(self, items: Sequence[Incoming]) -> list[Verdict]:
        return self.load().classify_many(items)

    async def draft(self, item: Incoming, verdict: VerdictOutput) -> Draft:
        return await (await self.ready()).draft(item, verdict)

    def estimate_usage(self, item: Incoming, with_draft: bool = True) -> Usage:
        return self.load().estimate_usage(item, with_draft)

    def stream_draft(self, item: Incoming, verdict: VerdictOutput) -> DeferredStream:
        return DeferredStream(self, item, verdict)

    async def aclose(self) -> None:
        # Quitting before the model loaded must not load it just to close it.
        if self._backend is not None:
            await self._backend.aclose()


class DeferredStream:
    """The built backend's draft stream, with its `provenance` and `replacement` once it
    has ended (the LLM stream's usage and cost, the draft standing in for text that was no
    reply), as `streaming.stream_to_draft` reads them."""

    def __init__(self, backend: DeferredBackend, item: Incoming, verdict: VerdictOutput):
        self._backend = backend
        self._item = item
        self._verdict = verdict
        self.provenance: Provenance | None = None
        self.replacement: Draft | None = None

    async def __aiter__(self) -> AsyncIterator[str]:
        stream = (await self._backend.ready()).stream_draft(self._item, self._verdict)
        async for chunk in stream:
            yield chunk
        self.provenance = getattr(stream, "provenance", None)
        self.replacement = getattr(stream, "replacement", None)
