"""Judge and draft every message in scope, saving each chunk's results as it completes.

Resumable by construction: a message whose verdict (and draft) from the same backend,
model and prompt version is already in the store is not sent again, so a rerun after a
crash, Ctrl-C or `kill -9` only does what is left. A chunk (one message for an LLM,
OFFLINE_CHUNK for the offline model) is committed in one transaction, so a crash loses at
most the chunk in flight and never leaves part of one.

With a second core, the offline model shares each chunk with a forked helper process; the
chunk is still saved and committed as one, and each part is judged from the store as it
stands after the chunks before it are saved, so results are the same as without it.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from reply_assistant.assistant import Assistant
from reply_assistant.backends.base import Backend
from reply_assistant.batch.forked import second_core_can_fork, start_forked
from reply_assistant.models import Assessment, Provenance, Usage, Verdict
from reply_assistant.store import Store
from reply_assistant.store.results import PreparedAssessment, prepare_assessment

# The offline model classifies a whole chunk in one call (about a second and a half of
# embedding new messages, so Ctrl-C loses little); an LLM takes one
# message per call, so its chunks are single messages spread over the workers.
OFFLINE_CHUNK = 32
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
        if usage is not None and _uses_tokens(usage):
            self.usage = self.usage + usage
        self.cost_usd += cost_usd


def _uses_tokens(usage: Usage) -> bool:
    return bool(usage.prompt_tokens or usage.completion_tokens or usage.cached_prompt_tokens)


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
    stop = asyncio.Event()
    try:
        if assistant.backend.name == "offline":
            await _judge_in_chunks(store, assistant, todo, options, outcome, on_progress, stop)
        else:
            await _judge_one_by_one(store, assistant, todo, options, outcome, on_progress, stop)
    finally:
        outcome.wall_s = time.perf_counter() - started
        outcome.stopped_early = stop.is_set()
    return outcome


async def _judge_one_by_one(
    store: Store,
    assistant: Assistant,
    todo: list[str],
    options: BatchOptions,
    outcome: BatchOutcome,
    on_progress: Callable[[BatchProgress], None],
    stop: asyncio.Event,
) -> None:
    """An LLM's way: `concurrency` workers, each saving every message as it completes."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for message_id in todo:
        queue.put_nowait(message_id)

    async def worker() -> None:
        while not queue.empty() and not stop.is_set():
            ids = [queue.get_nowait()]
            _save(store, await _judge(store, assistant, ids, options.with_drafts), outcome)
            on_progress(outcome.progress)
            if options.fail_fast and outcome.failures:
                stop.set()
            await asyncio.sleep(0)  # let a Ctrl-C land even when answers come from the cache

    await asyncio.gather(*(worker() for _ in range(max(1, options.concurrency))))


async def _judge_in_chunks(
    store: Store,
    assistant: Assistant,
    todo: list[str],
    options: BatchOptions,
    outcome: BatchOutcome,
    on_progress: Callable[[BatchProgress], None],
    stop: asyncio.Event,
) -> None:
    """The offline model's way: OFFLINE_CHUNK messages at a time, each chunk judged in one
    vectorised pass (part of it in the helper process, when there is one) and saved in one
    transaction: a crash loses the chunk in flight, never part of it, and a rerun redoes
    exactly that chunk."""
    chunks = [todo[start : start + OFFLINE_CHUNK] for start in range(0, len(todo), OFFLINE_CHUNK)]
    helper = _start_helper(store, assistant) if len(todo) >= HELPER_MIN_MESSAGES else None
    shared = _SharedJudging(store, assistant, helper, options.with_drafts)
    try:
        for index, ids in enumerate(chunks):
            finished = await shared.judge(ids)
            if index + 1 < len(chunks):
                shared.send_ahead(ids, chunks[index + 1])
            _save(store, finished, outcome)
            on_progress(outcome.progress)
            if options.fail_fast and outcome.failures:
                stop.set()
                return
            # The offline model never waits on anything, so without this a Ctrl-C (which
            # asyncio turns into cancelling the run) would only land after the last chunk.
            await asyncio.sleep(0)
    finally:
        shared.stop()


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
            if _uses_tokens(spent):
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


class _Helper:
    """A forked process that judges the part of a chunk it is sent, one part at a time.

    It is spoken to over a pipe from the thread that judges here, not through an executor:
    an executor's hand-over thread must wait for the GIL, which judging here holds, and
    that lag made the helper look slower than it was (so it was given less and less)."""

    def __init__(self, process: multiprocessing.process.BaseProcess, pipe: Connection) -> None:
        self._process = process
        self._pipe = pipe

    def send(self, ids: list[str], with_drafts: bool) -> bool:
        """Hand over a part; False when the helper is gone."""
        try:
            self._pipe.send((ids, with_drafts))
        except OSError:
            return False
        return True

    def finished(self) -> bool:
        """Whether the part sent last is judged (without waiting)."""
        try:
            return self._pipe.poll()
        except OSError:
            return True  # gone: `receive` will say so at once

    def receive(self) -> list[_Finished] | None:
        """The part sent last, judged; None when the helper died (out of memory, killed)."""
        try:
            return self._pipe.recv()
        except (EOFError, OSError):
            return None

    def stop(self) -> None:
        """Closing the pipe ends the helper, even one busy with a part nobody will read."""
        self._pipe.close()
        self._process.join(HELPER_EXIT_WAIT_S)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


# Seconds a helper may take to notice its pipe closed before it is killed.
HELPER_EXIT_WAIT_S = 5.0


def _start_helper(store: Store, assistant: Assistant) -> _Helper | None:
    """A forked process that judges part of each chunk, or None when it cannot help: one
    core, no fork on this platform, or a backend that is not safe to fork. Should it die,
    the run goes on without it."""
    if not getattr(assistant.backend, "forks_safely", False) or not second_core_can_fork():
        return None
    return _Helper(*start_forked(_helper_main, store.path, assistant))


def _helper_main(pipe: Connection, db_path: os.PathLike[str], assistant: Assistant) -> None:
    """In the helper: judge each part it is sent until the pipe closes, which it also does
    when the main process dies (kill -9). It has its own connection (one must never cross
    a fork); Ctrl-C is the main process's, which stops the run and closes the pipe."""
    loop = asyncio.new_event_loop()
    with Store.open(db_path) as store, contextlib.suppress(EOFError, OSError):
        while True:
            ids, with_drafts = pipe.recv()
            # The main process saved every chunk this one may depend on before sending it
            # (see _SharedJudging.send_ahead), so this reads what it would have read itself.
            pipe.send(loop.run_until_complete(_judge(store, assistant, ids, with_drafts)))


class _SharedJudging:
    """Judging chunks here and, when there is a helper, in the helper at the same time.

    The helper gets the end of each chunk. While this process saves a chunk, the helper
    may already judge its part of the next one, but only when that part cannot depend on
    the chunk being saved: what a message's judging reads that a save changes is how many
    of its sender's other messages are judged spam (`earlier_pitches`), so the next chunk
    is sent ahead only when none of its senders has a message in this one. Results are
    therefore the same as judging every chunk alone, after the one before it is saved."""

    def __init__(
        self, store: Store, assistant: Assistant, helper: _Helper | None, with_drafts: bool
    ) -> None:
        self._store = store
        self._assistant = assistant
        self._helper = helper
        self._with_drafts = with_drafts
        self._split = _Split()
        self._cut_sent_ahead: int | None = None  # where the next chunk was cut, if sent
        self._senders_known: tuple[list[str], set[str]] | None = None  # a chunk's senders

    async def judge(self, ids: list[str]) -> list[_Finished]:
        """The chunk's results in order, ready for `_save`."""
        cut, self._cut_sent_ahead = self._cut_sent_ahead, None
        if self._helper is None or len(ids) < 2:
            return await self._judge_here(ids)
        if cut is None:
            cut = self._split.cut(len(ids))
            if not self._helper.send(ids[cut:], self._with_drafts):
                return await self._without_helper(ids)
        ours = await self._judge_here(ids[:cut])
        helper_was_first = self._helper.finished()
        theirs = self._helper.receive()
        if theirs is None:
            return ours + await self._without_helper(ids[cut:])
        self._split.balance(helper_was_first=helper_was_first)
        return ours + theirs

    def send_ahead(self, ids: list[str], next_ids: list[str]) -> None:
        """Before `ids` are saved: hand the helper its part of `next_ids` now, when that
        part cannot depend on what saving `ids` writes."""
        if self._helper is None or len(next_ids) < 2:
            return
        known = self._senders_known
        senders = known[1] if known and known[0] is ids else self._store.pitch_senders(ids)
        next_senders = self._store.pitch_senders(next_ids)
        self._senders_known = (next_ids, next_senders)
        if senders & next_senders:
            return
        cut = self._split.cut(len(next_ids))
        if self._helper.send(next_ids[cut:], self._with_drafts):
            self._cut_sent_ahead = cut

    def stop(self) -> None:
        if self._helper is not None:
            self._helper.stop()
            self._helper = None

    async def _judge_here(self, ids: list[str]) -> list[_Finished]:
        return await _judge(self._store, self._assistant, ids, self._with_drafts)

    async def _without_helper(self, ids: list[str]) -> list[_Finished]:
        """The helper died: judge its part, and every chunk after it, here."""
        self.stop()
        return await self._judge_here(ids)
