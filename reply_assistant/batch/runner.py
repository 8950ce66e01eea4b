"""Judge and draft every message in scope, saving each chunk's results as it completes.

Resumable by construction: a message whose verdict (and draft) from the same backend,
model and prompt version is already in the store is not sent again, so a rerun after a
crash, Ctrl-C or `kill -9` only does what is left. A chunk (one message for an LLM,
OFFLINE_CHUNK for the offline model) is committed in one transaction, so a crash loses at
most the chunk in flight and never leaves part of one.
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
        usage = made_by.usage
        # Most results (every offline one) cost no tokens: skip building a new Usage.
        if usage.prompt_tokens or usage.completion_tokens or usage.cached_prompt_tokens:
            self.usage = self.usage + usage
        self.cost_usd += made_by.cost_usd or 0.0


@dataclass
class BatchOutcome:
    message_ids: list[str]  # everything in scope, in output order
    already_done: int
    progress: BatchProgress
    failures: dict[str, str] = field(default_factory=dict)  # message id -> error
    wall_s: float = 0.0
    stopped_early: bool = False  # --fail-fast


# Ids per query when checking what is already finished.
LOOKUP_CHUNK = 2_000


def _made_here(verdict: Verdict, backend: Backend) -> bool:
    """Made by this backend, model and prompt version, or the person's own relabel."""
    made_by = verdict.provenance
    if made_by.backend == "user":
        return True
    here = (backend.name, backend.model, backend.prompt_version)
    return (made_by.backend, made_by.model, made_by.prompt_version) == here


def usable_verdict(store: Store, message_id: str, backend: Backend) -> Verdict | None:
    """The stored verdict when this backend, model and prompt version made it, or the
    person's own relabel; None when the message must be classified (again)."""
    verdict = store.verdict(message_id)
    return verdict if verdict is not None and _made_here(verdict, backend) else None


def usable_verdicts(
    store: Store, message_ids: Sequence[str], backend: Backend
) -> dict[str, Verdict]:
    """`usable_verdict` for many messages in one query: only those that have one."""
    return {
        message_id: verdict
        for message_id, verdict in store.current_verdicts(message_ids).items()
        if _made_here(verdict, backend)
    }


def is_finished(store: Store, message_id: str, assistant: Assistant, with_drafts: bool) -> bool:
    """Judged by this backend (or the person), and drafted when drafts are wanted."""
    if usable_verdict(store, message_id, assistant.backend) is None:
        return False
    return not with_drafts or bool(store.drafts(message_id))


def remaining(
    store: Store, message_ids: Sequence[str], assistant: Assistant, with_drafts: bool
) -> list[str]:
    """The messages not `is_finished`, in order, looked up a chunk at a time."""
    todo: list[str] = []
    for start in range(0, len(message_ids), LOOKUP_CHUNK):
        ids = message_ids[start : start + LOOKUP_CHUNK]
        judged = usable_verdicts(store, ids, assistant.backend)
        drafted = store.drafted(ids) if with_drafts else set()
        todo += [m for m in ids if m not in judged or (with_drafts and m not in drafted)]
    return todo


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
            items = store.incomings(ids)
            judged = usable_verdicts(store, ids, assistant.backend)
            # A message judged earlier but not drafted (a failed draft, a crash) only needs
            # its draft: classifying it again would cost a call and add a second verdict.
            to_judge = [item for item in items if item.message_id not in judged]
            results = dict(
                zip(
                    (item.message_id for item in to_judge),
                    await assistant.assess_many(to_judge, with_draft=options.with_drafts),
                    strict=True,
                )
            )
            for item in items:
                verdict = judged.get(item.message_id)
                if verdict is not None:
                    drafted = await assistant.complete(item, verdict)
                    results[item.message_id] = Assessment(draft=drafted.draft, error=drafted.error)
            # The whole chunk in one transaction: a crash loses the chunk in flight, never
            # part of it, and a rerun redoes exactly that chunk.
            _save(store, [(item, results[item.message_id]) for item in items], outcome)
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


def _save(store: Store, finished: list[tuple[Incoming, Assessment]], outcome: BatchOutcome) -> None:
    progress = outcome.progress
    store.save_assessments(
        [(item.message_id, result.verdict, result.draft, result.error) for item, result in finished]
    )
    for item, result in finished:
        for made in (result.verdict, result.draft):
            if made is not None:
                progress.add(made.provenance)
        if result.error:
            outcome.failures[item.message_id] = result.error
            progress.failed += 1
        progress.done += 1
