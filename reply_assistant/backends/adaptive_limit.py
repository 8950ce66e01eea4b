"""How many requests may be in flight to one endpoint, lowered when it rate limits us."""

from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)


class AdaptiveLimit:
    """An async context manager like a semaphore whose size adapts (additive increase,
    multiplicative decrease, as TCP does): it starts at `ceiling`, halves each time the
    endpoint answers 429, and grows back by one after a run of `limit` successes in a row.
    Workers then back off together instead of each one running into the rate limit.

    Belongs to one event loop, like the client that owns it."""

    def __init__(self, ceiling: int) -> None:
        if ceiling < 1:
            raise ValueError("the concurrency must be at least 1")
        self.ceiling = ceiling
        self.limit = ceiling
        self.in_flight = 0
        self._successes_in_a_row = 0
        self._changed = asyncio.Condition()

    async def __aenter__(self) -> AdaptiveLimit:
        async with self._changed:
            await self._changed.wait_for(lambda: self.in_flight < self.limit)
            self.in_flight += 1
        return self

    async def __aexit__(self, *_: object) -> None:
        async with self._changed:
            self.in_flight -= 1
            self._changed.notify_all()

    def rate_limited(self) -> None:
        """The endpoint said 429: let half as many requests through from now on."""
        lowered = max(1, self.limit // 2)
        if lowered != self.limit:
            log.info("rate limited: %d requests in flight at most (was %d)", lowered, self.limit)
        self.limit = lowered
        self._successes_in_a_row = 0

    def succeeded(self) -> None:
        """A request went through; after `limit` of them in a row, allow one more."""
        self._successes_in_a_row += 1
        if self.limit < self.ceiling and self._successes_in_a_row >= self.limit:
            self.limit += 1
            self._successes_in_a_row = 0
