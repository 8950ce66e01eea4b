"""AdaptiveLimit: halves on a rate limit, grows back one at a time, never below one."""

from __future__ import annotations

import asyncio

import pytest
from test_openai_client import MODEL, SPAM, RecordedSleep

from reply_assistant.backends.adaptive_limit import AdaptiveLimit
from reply_assistant.backends.openai_client import ChatClient
from reply_assistant.models import VerdictOutput


def test_a_rate_limit_halves_the_limit_and_successes_grow_it_back():
    limit = AdaptiveLimit(8)
    limit.rate_limited()
    limit.rate_limited()
    assert limit.limit == 2
    for _ in range(2):
        limit.succeeded()
    assert limit.limit == 3
    for _ in range(3 + 4 + 5 + 6 + 7):
        limit.succeeded()
    assert limit.limit == 8  # the configured concurrency is the ceiling
    limit.succeeded()
    assert limit.limit == 8


def test_the_limit_never_drops_below_one():
    limit = AdaptiveLimit(1)
    limit.rate_limited()
    assert limit.limit == 1
    with pytest.raises(ValueError):
        AdaptiveLimit(0)


async def test_no_more_than_the_limit_are_let_in():
    limit = AdaptiveLimit(4)
    limit.rate_limited()
    peak = 0

    async def request() -> None:
        nonlocal peak
        async with limit:
            peak = max(peak, limit.in_flight)
            await asyncio.sleep(0)

    await asyncio.gather(*(request() for _ in range(10)))
    assert peak == 2 and limit.in_flight == 0


async def test_a_429_lowers_the_clients_concurrency(fake_llm):
    fake_llm.script(["429"])
    client = ChatClient(
        model=MODEL, base_url=fake_llm.base_url, concurrency=8, sleep=RecordedSleep()
    )
    await client.complete(SPAM, VerdictOutput)
    await client.aclose()
    assert client._limit.limit == 4
