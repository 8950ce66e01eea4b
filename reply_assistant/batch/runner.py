"""Batch mode's run: the engine over every message in scope, reporting progress.

Resumable by construction (see `engine.Engine`): a message already judged (and drafted)
by the same backend, model and prompt version is not sent again, so a rerun after a crash,
Ctrl-C or `kill -9` only does what is left. An LLM endpoint that goes down mid-run stops
it (`LLMHealth`, as the UI tells it): the messages not tried yet stay unjudged for the
rerun instead of each waiting out its retries against a dead server.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reply_assistant.engine import Engine, RunOutcome
from reply_assistant.engine.events import EngineEvent, Progress
from reply_assistant.engine.health import LLMHealth, what_happened


@dataclass(frozen=True)
class BatchOptions:
    scope: str = "awaiting"  # "awaiting" or "all"
    concurrency: int = 8
    with_drafts: bool = True
    fail_fast: bool = False


async def run_batch(
    engine: Engine,
    message_ids: Sequence[str],
    options: BatchOptions,
    on_progress: Callable[[Progress], None] = lambda progress: None,
) -> RunOutcome:
    health = LLMHealth()

    def report(event: EngineEvent) -> None:
        health.watch(event)
        if isinstance(event, Progress):
            on_progress(event)

    engine.subscribe(report)
    # A model on this machine has no endpoint to go down: its failures are its own.
    watches_endpoint = not engine.backend.capabilities.local
    outcome = await engine.run(
        message_ids,
        with_drafts=options.with_drafts,
        fail_fast=options.fail_fast,
        stop_when=health.down if watches_endpoint else None,
    )
    if outcome.stopped_early and watches_endpoint and health.down():
        said = what_happened(health.last_kind, engine.backend.model)
        outcome.stopped_because = f"{said} ({health.last_failure})"
    elif outcome.stopped_early:
        outcome.stopped_because = "at the first failure (--fail-fast)"
    return outcome
