"""Batch mode's run: the engine over every message in scope, reporting progress.

Resumable by construction (see `engine.Engine`): a message already judged (and drafted)
by the same backend, model and prompt version is not sent again, so a rerun after a crash,
Ctrl-C or `kill -9` only does what is left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reply_assistant.engine import Engine, RunOutcome
from reply_assistant.engine.events import EngineEvent, Progress


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
    def report(event: EngineEvent) -> None:
        if isinstance(event, Progress):
            on_progress(event)

    engine.subscribe(report)
    return await engine.run(
        message_ids, with_drafts=options.with_drafts, fail_fast=options.fail_fast
    )
