"""A backend that is built on first use, so a screen can paint before the model loads.

Loading the offline model imports numpy and unpickles the fitted model (a quarter of a
second; seconds when the cache is cold and it trains first). The terminal UI needs only
the backend's name and label to draw its first frame: it awaits `ready()`, which builds
the backend in a worker thread while the event loop keeps drawing and taking keys.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

from reply_assistant.backends.base import Backend
from reply_assistant.models import Draft, Incoming, Verdict, VerdictOutput


class DeferredBackend:
    """Stands in for the backend `build` returns; every call is passed on to it."""

    def __init__(self, build: Callable[[], Backend], *, name: str, label: str) -> None:
        self.name = name
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

    @property
    def model(self) -> str:
        return self.load().model

    @property
    def prompt_version(self) -> str:
        return self.load().prompt_version

    async def classify(self, item: Incoming) -> Verdict:
        return await (await self.ready()).classify(item)

    async def draft(self, item: Incoming, verdict: VerdictOutput) -> Draft:
        return await (await self.ready()).draft(item, verdict)

    def stream_draft(self, item: Incoming, verdict: VerdictOutput) -> DeferredStream:
        return DeferredStream(self, item, verdict)

    async def aclose(self) -> None:
        # Quitting before the model loaded must not load it just to close it.
        close = getattr(self._backend, "aclose", None)
        if close is not None:
            await close()

    def __getattr__(self, name: str) -> Any:
        """Anything else the built backend has (classify_many, draft_now, forks_safely):
        asking for it builds the backend now, in this thread."""
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.load(), name)


class DeferredStream:
    """The built backend's draft stream, with its `provenance` once it has ended (the
    LLM stream's usage and cost), as `streaming.stream_to_draft` reads it."""

    def __init__(self, backend: DeferredBackend, item: Incoming, verdict: VerdictOutput):
        self._backend = backend
        self._item = item
        self._verdict = verdict
        self.provenance = None

    async def __aiter__(self) -> AsyncIterator[str]:
        stream = (await self._backend.ready()).stream_draft(self._item, self._verdict)
        async for chunk in stream:
            yield chunk
        self.provenance = getattr(stream, "provenance", None)
