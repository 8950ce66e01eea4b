"""List prices of known OpenAI models, to put a dollar figure on each call.

Prices are USD per 1M tokens (standard tier, as published by OpenAI); a model not in the
table has no known price and its cost is None rather than a guess. They apply to OpenAI's
own API only (`charges_list_prices`): a local server that answers to "gpt-4.1-mini" does
not charge OpenAI's rates, and what it costs is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from reply_assistant.models import Usage


@dataclass(frozen=True, slots=True)
class Price:
    input: float
    cached_input: float
    output: float


OPENAI_API_HOST = "api.openai.com"

# OpenAI's Batch API bills a request at half the standard price (in exchange for answers
# within 24 hours instead of seconds).
BATCH_DISCOUNT = 0.5

PRICES: dict[str, Price] = {
    "gpt-4.1": Price(input=2.00, cached_input=0.50, output=8.00),
    "gpt-4.1-mini": Price(input=0.40, cached_input=0.10, output=1.60),
    "gpt-4.1-nano": Price(input=0.10, cached_input=0.025, output=0.40),
    "gpt-4o": Price(input=2.50, cached_input=1.25, output=10.00),
    "gpt-4o-mini": Price(input=0.15, cached_input=0.075, output=0.60),
    "gpt-5": Price(input=1.25, cached_input=0.125, output=10.00),
    "gpt-5-mini": Price(input=0.25, cached_input=0.025, output=2.00),
    "gpt-5-nano": Price(input=0.05, cached_input=0.005, output=0.40),
    "o4-mini": Price(input=1.10, cached_input=0.275, output=4.40),
}

# A dated snapshot such as gpt-4o-mini-2024-07-18 costs what its family costs; anything else
# after the family name (gpt-4o-audio-preview, gpt-4o-mini-tts) is a different product.
_SNAPSHOT = re.compile(r"(?P<family>.+)-\d{4}-\d{2}-\d{2}")


def charges_list_prices(base_url: str) -> bool:
    """Whether calls to `base_url` are billed at the prices below: OpenAI's own API only."""
    return urlsplit(base_url).hostname == OPENAI_API_HOST


def price_for(model: str) -> Price | None:
    name = model.strip().lower()
    if name in PRICES:
        return PRICES[name]
    snapshot = _SNAPSHOT.fullmatch(name)
    return PRICES.get(snapshot["family"]) if snapshot else None


def cost_usd(model: str, usage: Usage) -> float | None:
    price = price_for(model)
    if price is None:
        return None
    cached = min(usage.cached_prompt_tokens, usage.prompt_tokens)
    return (
        (usage.prompt_tokens - cached) * price.input
        + cached * price.cached_input
        + usage.completion_tokens * price.output
    ) / 1_000_000


def batch_cost_usd(model: str, usage: Usage) -> float | None:
    """What `usage` costs when sent through the Batch API; None when the price is unknown."""
    standard = cost_usd(model, usage)
    return None if standard is None else standard * BATCH_DISCOUNT
