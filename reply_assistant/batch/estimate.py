"""`--dry-run`: what a batch would send, in calls, tokens and dollars, with nothing sent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reply_assistant.backends.pricing import batch_cost_usd, cost_usd
from reply_assistant.engine import Engine
from reply_assistant.models import Usage


@dataclass(frozen=True)
class RunEstimate:
    in_scope: int
    already_done: int
    to_send: int
    calls: int
    usage: Usage
    cost_usd: float | None  # None when the price of the model at its endpoint is unknown


def estimate_run(
    engine: Engine,
    message_ids: Sequence[str],
    with_drafts: bool,
    *,
    batch_api: bool = False,
) -> RunEstimate:
    """What sending the unfinished messages would use; `batch_api` prices it for the
    Batch API (half the standard price)."""
    todo = engine.remaining(message_ids, with_drafts=with_drafts)
    backend = engine.backend
    if backend.capabilities.local:
        return RunEstimate(len(message_ids), len(message_ids) - len(todo), 0, 0, Usage(), 0.0)
    usage = Usage()
    for message_id in todo:
        usage = usage + backend.estimate_usage(engine.store.incoming(message_id), with_drafts)
    calls = len(todo) * (2 if with_drafts else 1)
    return RunEstimate(
        in_scope=len(message_ids),
        already_done=len(message_ids) - len(todo),
        to_send=len(todo),
        calls=calls,
        usage=usage,
        # Priced as the calls will be: OpenAI's list prices at OpenAI's API, else unknown.
        cost_usd=(
            (batch_cost_usd if batch_api else cost_usd)(backend.model, usage)
            if backend.capabilities.priced
            else None
        ),
    )
