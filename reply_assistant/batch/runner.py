"""Judge and draft every message in scope, saving each result as it completes.

Resumable by construction: a message whose verdict (and draft) from the same backend,
model and prompt version is already in the store is not sent again, so a rerun after a
crash, Ctrl-C or `kill -9` only does what is left.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reply_assistant.assistant import Assistant
from reply_assistant.backends.base import Backend
from reply_assistant.models import Assessment, Incoming, Provenance, Usage, Verdict
from reply_assistant.store import Store

# The offline model classifies a whole chunk in one vectorised call; an LLM takes one
# message per call, so its chunks are single messages spread over the workers.
OFFLINE_CHUNK = 256


@dataclass(frozen=True)
class BatchOptions:
    scope: str = "awaiting"  # "awaiting" or "all"
    concurrency: int = 8
    with_drafts: bool = True
    fail_fast: bool = False


@dataclass
class BatchProgress:
    total: int
    done: int = 0
    failed: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float = 0.0

    def add(self, made_by: Provenance) -> None:
        """Count what one verdict or draft cost (an unknown price counts as nothing)."""
        self.usage = self.usage + made_by.usage
        self.cost_usd += made_by.cost_usd or 0.0


@dataclass
class BatchOutcome:
    message_ids: list[str]  # everything in scope, in output order
    already_done: int
    progress: BatchProgress
    failures: dict[str, str] = field(default_factory=dict)  # message id -> error
    wall_s: float = 0.0
    stopped_early: bool = False  # --fail-fast


def usable_verdict(store: Store, message_id: str, backend: Backend) -> Verdict | None:
    """The stored verdict when this backend, model and prompt version made it, or the
    person's own relabel; None when the message must be classified (again)."""
    verdict = store.verdict(message_id)
    if verdict is None:
        return None
    made_here = (
        verdict.provenance.backend,
        verdict.provenance.model,
        verdict.provenance.prompt_version,
    ) == (backend.name, backend.model, backend.prompt_version)
    return verdict if made_here or verdict.provenance.backend == "user" else None


def is_finished(store: Store, message_id: str, assistant: Assistant, with_drafts: bool) -> bool:
    """Judged by this backend (or the person), and drafted when drafts are wanted."""
    if usable_verdict(store, message_id, assistant.backend) is None:
        return False
    return not with_drafts or bool(store.drafts(message_id))


def remaining(
    store: Store, message_ids: Sequence[str], assistant: Assistant, with_drafts: bool
) -> list[str]:
    return [m for m in message_ids if not is_finished(store, m, assistant, with_drafts)]


async def run_batch(
    store: Store,
    assistant: Assistant,
    message_ids: Sequence[str],
    options: BatchOptions,
    on_progress: Callable[[BatchProgress], None] = lambda progress: None,
) -> BatchOutcome:
    started = time.perf_counter()
    todo = remaining(store, message_ids, assistant, options.with_drafts)
    progress = BatchProgress(total=len(todo))
    outcome = BatchOutcome(
        message_ids=list(message_ids),
        already_done=len(message_ids) - len(todo),
        progress=progress,
    )
    chunk = OFFLINE_CHUNK if assistant.backend.name == "offline" else 1
    queue: asyncio.Queue[list[str]] = asyncio.Queue()
    for start in range(0, len(todo), chunk):
        queue.put_nowait(todo[start : start + chunk])
    stop = asyncio.Event()

    async def worker() -> None:
        while not queue.empty() and not stop.is_set():
            ids = queue.get_nowait()
            items = [store.incoming(message_id) for message_id in ids]
            judged = [usable_verdict(store, message_id, assistant.backend) for message_id in ids]
            # A message judged earlier but not drafted (a failed draft, a crash) only needs
            # its draft: classifying it again would cost a call and add a second verdict.
            to_judge = [item for item, verdict in zip(items, judged, strict=True) if not verdict]
            results = dict(
                zip(
                    (item.message_id for item in to_judge),
                    await assistant.assess_many(to_judge, with_draft=options.with_drafts),
                    strict=True,
                )
            )
            for item, verdict in zip(items, judged, strict=True):
                if verdict is not None:
                    drafted = await assistant.complete(item, verdict)
                    results[item.message_id] = Assessment(draft=drafted.draft, error=drafted.error)
                _save(store, item, results[item.message_id], outcome)
            on_progress(progress)
            if options.fail_fast and outcome.failures:
                stop.set()

    workers = max(1, options.concurrency if chunk == 1 else 1)
    try:
        await asyncio.gather(*(worker() for _ in range(workers)))
    finally:
        outcome.wall_s = time.perf_counter() - started
        outcome.stopped_early = stop.is_set()
    return outcome


def _save(store: Store, item: Incoming, result: Assessment, outcome: BatchOutcome) -> None:
    progress = outcome.progress
    store.save_assessment(item.message_id, result.verdict, result.draft, result.error)
    for made in (result.verdict, result.draft):
        if made is not None:
            progress.add(made.provenance)
    if result.error:
        outcome.failures[item.message_id] = result.error
        progress.failed += 1
    progress.done += 1
