"""Judge and draft every message in scope, saving each chunk's results as it completes.

Resumable by construction: a message whose verdict (and draft) from the same backend,
model and prompt version is already in the store is not sent again, so a rerun after a
crash, Ctrl-C or `kill -9` only does what is left. A chunk (one message for an LLM,
OFFLINE_CHUNK for the offline model) is committed in one transaction, so a crash loses at
most the chunk in flight and never leaves part of one.

With a second core, the offline model shares each chunk with a forked helper process; the
chunk is still read, saved and committed as one, so results are the same as without it.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.connection import wait as wait_for_any

from reply_assistant.assistant import Assistant
from reply_assistant.backends.base import Backend
from reply_assistant.models import Assessment, Provenance, Usage, Verdict
from reply_assistant.store import Store
from reply_assistant.store.results import PreparedAssessment, prepare_assessment

# The offline model classifies a whole chunk in one vectorised call; an LLM takes one
# message per call, so its chunks are single messages spread over the workers.
OFFLINE_CHUNK = 256
# A local model that says it survives a fork (`forks_safely`) shares each chunk with a
# second process when the machine has a second core and the run is long enough to repay
# starting one. Only the judging is shared: the store is read and written here, a chunk at
# a time as without the helper, so results and resumability are the same either way.
HELPER_MIN_MESSAGES = 2_000


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
        self.add_spent(made_by.usage, made_by.cost_usd or 0.0)

    def add_spent(self, usage: Usage | None, cost_usd: float) -> None:
        """Count tokens and dollars spent; `usage` None when no tokens were used."""
        # Most results (every offline one) cost no tokens: skip building a new Usage.
        if usage is not None and (
            usage.prompt_tokens or usage.completion_tokens or usage.cached_prompt_tokens
        ):
            self.usage = self.usage + usage
        self.cost_usd += cost_usd


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
    helper = (
        _start_helper(store, assistant) if chunk > 1 and len(todo) >= HELPER_MIN_MESSAGES else None
    )
    split = _Split()

    async def judge_chunk(ids: list[str]) -> list[_Finished]:
        nonlocal helper
        if helper is None or len(ids) < 2:
            return await _judge(store, assistant, ids, options.with_drafts)
        cut = split.cut(len(ids))
        theirs: Future[list[_Finished]] | None = None
        with contextlib.suppress(BrokenProcessPool):
            theirs = helper.submit(_judge_in_helper, ids[cut:], options.with_drafts)
        ours = await _judge(store, assistant, ids[:cut], options.with_drafts)
        if theirs is not None:
            split.balance(helper_was_first=theirs.done())
            with contextlib.suppress(BrokenProcessPool):
                # Waiting blocks the event loop, which has nothing else to do: the offline
                # model runs one chunk at a time.
                return ours + theirs.result()
        # The helper died (out of memory, killed): its part, and the rest, is judged here.
        helper.shutdown(cancel_futures=True)
        helper = None
        return ours + await _judge(store, assistant, ids[cut:], options.with_drafts)

    async def worker() -> None:
        while not queue.empty() and not stop.is_set():
            finished = await judge_chunk(queue.get_nowait())
            # The whole chunk in one transaction: a crash loses the chunk in flight, never
            # part of it, and a rerun redoes exactly that chunk.
            _save(store, finished, outcome)
            on_progress(progress)
            if options.fail_fast and outcome.failures:
                stop.set()
            # The offline model never waits on anything, so without this a Ctrl-C (which
            # asyncio turns into cancelling the run) would only land after the last chunk.
            await asyncio.sleep(0)

    workers = max(1, options.concurrency if chunk == 1 else 1)
    try:
        await asyncio.gather(*(worker() for _ in range(workers)))
    finally:
        if helper is not None:
            helper.shutdown(cancel_futures=True)
        outcome.wall_s = time.perf_counter() - started
        outcome.stopped_early = stop.is_set()
    return outcome


@dataclass(frozen=True, slots=True)
class _Finished:
    """One message's results, ready to save, and what they cost."""

    prepared: PreparedAssessment
    usage: Usage | None  # None when no tokens were used (every offline result)
    cost_usd: float


async def _judge(
    store: Store, assistant: Assistant, ids: Sequence[str], with_drafts: bool
) -> list[_Finished]:
    """Judge and draft these messages, in order, ready for `_save`."""
    items = store.incomings(ids)
    judged = usable_verdicts(store, ids, assistant.backend)
    # A message judged earlier but not drafted (a failed draft, a crash) only needs its
    # draft: classifying it again would cost a call and add a second verdict.
    to_judge = [item for item in items if item.message_id not in judged]
    results = dict(
        zip(
            (item.message_id for item in to_judge),
            await assistant.assess_many(to_judge, with_draft=with_drafts),
            strict=True,
        )
    )
    for item in items:
        verdict = judged.get(item.message_id)
        if verdict is not None:
            drafted = await assistant.complete(item, verdict)
            results[item.message_id] = Assessment(draft=drafted.draft, error=drafted.error)
    return [_finished(item.message_id, results[item.message_id]) for item in items]


def _finished(message_id: str, result: Assessment) -> _Finished:
    usage: Usage | None = None
    cost_usd = 0.0
    for made in (result.verdict, result.draft):
        if made is not None:
            spent = made.provenance.usage
            # Most results (every offline one) cost no tokens: no Usage is built for them.
            if spent.prompt_tokens or spent.completion_tokens or spent.cached_prompt_tokens:
                usage = spent if usage is None else usage + spent
            cost_usd += made.provenance.cost_usd or 0.0
    return _Finished(
        prepare_assessment(message_id, result.verdict, result.draft, result.error),
        usage,
        cost_usd,
    )


def _save(store: Store, finished: list[_Finished], outcome: BatchOutcome) -> None:
    progress = outcome.progress
    store.save_prepared([result.prepared for result in finished])
    for result in finished:
        progress.add_spent(result.usage, result.cost_usd)
        error = result.prepared.error
        if error:
            outcome.failures[result.prepared.message_id] = error
            progress.failed += 1
        progress.done += 1


# ------------------------------------------------------------------ the helper process


class _Split:
    """How much of each chunk the helper judges: it starts at half and moves a step
    towards whichever process finished its part later, since this process also saves
    every chunk and the two may not run equally fast."""

    STEP = 1 / 32

    def __init__(self) -> None:
        self.helper_share = 0.5

    def cut(self, size: int) -> int:
        """Where the chunk splits: the items before it are judged here."""
        return min(size - 1, max(1, size - round(size * self.helper_share)))

    def balance(self, *, helper_was_first: bool) -> None:
        step = self.STEP if helper_was_first else -self.STEP
        self.helper_share = min(0.875, max(0.125, self.helper_share + step))


def _start_helper(store: Store, assistant: Assistant) -> ProcessPoolExecutor | None:
    """A forked process that judges part of each chunk, or None when it cannot help: one
    core, no fork on this platform, or a backend that is not safe to fork. Should it die,
    the run goes on without it."""
    if not getattr(assistant.backend, "forks_safely", False):
        return None
    if "fork" not in multiprocessing.get_all_start_methods() or len(os.sched_getaffinity(0)) < 2:
        return None
    # Forked, so the helper inherits the loaded model instead of loading or unpickling it.
    return ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_helper_ready,
        initargs=(store.path, assistant),
    )


_helper_state: dict[str, object] = {}


def _helper_ready(db_path: os.PathLike[str], assistant: Assistant) -> None:
    """In the helper: its own connection (one must never cross a fork), Ctrl-C left to the
    main process (which stops the run and shuts the helper down), and an exit of its own
    when the main process dies (kill -9), instead of waiting for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(
            target=lambda: (wait_for_any([parent.sentinel]), os._exit(0)), daemon=True
        ).start()
    _helper_state["store"] = Store.open(db_path)
    _helper_state["assistant"] = assistant


def _judge_in_helper(ids: list[str], with_drafts: bool) -> list[_Finished]:
    store = _helper_state["store"]
    assistant = _helper_state["assistant"]
    assert isinstance(store, Store) and isinstance(assistant, Assistant), "helper not started"
    # The main process saved every earlier chunk before sending this one, so the helper
    # reads the same store state it would have read itself.
    return asyncio.run(_judge(store, assistant, ids, with_drafts))
