"""The one place that schedules backend calls for stored messages, saves what comes back
and reports it as events. The terminal UI, batch mode and the `inbox`/`open` listings are
subscribers; the evals use its storeless core (`Assistant`) directly.

How it works depends only on what the backend declares (`Backend.capabilities`): a backend
that judges in bulk (the offline model) gets chunks of messages (`bulk_chunks`), one after
the other; any other backend gets one message per call, `concurrency` at a time. Each chunk
(or message) is saved in one transaction as soon as it is done, so quitting, a crash or
`kill -9` loses at most the work in flight, and a rerun skips every message already judged
(and drafted) by the same backend, model and prompt version, or relabelled by the person.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from reply_assistant.backends.base import Backend, BackendError
from reply_assistant.engine.assistant import Assistant, failed_call
from reply_assistant.engine.events import (
    Drafted,
    EngineEvent,
    Failed,
    Judged,
    Listener,
    Progress,
    RunStarted,
    WorkEnded,
    WorkStarted,
)
from reply_assistant.models import Assessment, Draft, Incoming, Verdict
from reply_assistant.store import Store
from reply_assistant.store.results import USER_PROVENANCE

DEFAULT_CONCURRENCY = 4
# A bulk backend's chunk: about half a second of embedding new messages, so a stop
# (Ctrl-C, quitting, a relabel) waits no longer than that, and a crash loses no more.
# Embedding 32 at a time ran at 102 msg/s, 64 at 113 (the offline model, 2026-12-08).
BULK_CHUNK = 64
# The first chunk is smaller, so a screen shows its first verdicts while the rest are judged.
FIRST_BULK_CHUNK = 8
# Ids per query when checking what is already finished.
LOOKUP_CHUNK = 2_000


@dataclass
class RunOutcome:
    message_ids: list[str]  # everything in scope, in the order given
    already_done: int
    progress: Progress
    failures: dict[str, str] = field(default_factory=dict)  # message id -> error
    wall_s: float = 0.0
    stopped_early: bool = False  # fail_fast or stop_when stopped it
    stopped_because: str = ""  # why, in words, when the caller that stopped it says


def made_here(verdict: Verdict, backend: Backend) -> bool:
    """Made by this backend, model and prompt version, or the person's own relabel."""
    made_by = verdict.provenance
    if made_by.backend == "user":
        return True
    here = (backend.name, backend.model, backend.prompt_version)
    return (made_by.backend, made_by.model, made_by.prompt_version) == here


class Engine:
    def __init__(
        self,
        store: Store,
        backend: Backend,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        busy: set[str] | None = None,
    ) -> None:
        """`busy`: the ids of messages with a call in flight, shared with a screen that
        shows them and starts calls of its own (it must not start one on a busy message)."""
        self.store = store
        self.assistant = Assistant(backend)
        self.concurrency = max(1, concurrency)
        self.busy = busy if busy is not None else set()
        self._listeners: list[Listener] = []

    @property
    def backend(self) -> Backend:
        return self.assistant.backend

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: EngineEvent) -> None:
        for listener in self._listeners:
            listener(event)

    # ------------------------------------------------------------------ what is left

    def usable_verdicts(self, message_ids: Sequence[str]) -> dict[str, Verdict]:
        """The stored verdicts this backend would give again (`made_here`), by id."""
        return {
            message_id: verdict
            for message_id, verdict in self.store.current_verdicts(message_ids).items()
            if made_here(verdict, self.backend)
        }

    def remaining(self, message_ids: Sequence[str], *, with_drafts: bool) -> list[str]:
        """The messages not yet judged here (and drafted, when drafts are wanted), in order."""
        todo: list[str] = []
        for start in range(0, len(message_ids), LOOKUP_CHUNK):
            ids = message_ids[start : start + LOOKUP_CHUNK]
            judged = self.usable_verdicts(ids)
            drafted = self.store.drafted(ids) if with_drafts else set()
            todo += [m for m in ids if m not in judged or (with_drafts and m not in drafted)]
        return todo

    async def moved_by_corrections(self, message_ids: Sequence[str]) -> list[str]:
        """Of `message_ids`, those whose label this backend would now give differently from
        its stored verdict: judged again in memory, nothing saved. Only a backend that
        learns from corrections can move; any other moves nothing."""
        if not self.backend.capabilities.learns_from_corrections:
            return []
        backend = await self.backend.ready()
        # This backend's verdicts only: the person's own stand, and other backends' are
        # judged again by the usual run anyway.
        judged = {
            message_id: verdict
            for message_id, verdict in self.usable_verdicts(message_ids).items()
            if verdict.provenance.backend != USER_PROVENANCE.backend
        }
        items = self.store.incomings(list(judged))
        now = await asyncio.to_thread(backend.classify_many, items)
        return [
            item.message_id
            for item, verdict in zip(items, now, strict=True)
            if verdict.label != judged[item.message_id].label
        ]

    # ------------------------------------------------------------------ runs

    async def run(
        self,
        message_ids: Sequence[str],
        *,
        with_drafts: bool = True,
        verdicts_first: bool = False,
        fail_fast: bool = False,
        again: bool = False,
        stop_when: Callable[[RunOutcome], bool] | None = None,
    ) -> RunOutcome:
        """Judge and draft what is left of `message_ids` (all of them, `again`). With
        `verdicts_first`, every verdict is had before any draft (a screen sorts by label at
        a glance, and an LLM drafts slower than it judges). `stop_when`, asked after each
        step, stops taking new work as `fail_fast` does (a screen that finds the endpoint
        down). Raises BackendError or ConfigError when the backend cannot be loaded; every
        other failure is recorded."""
        started = time.perf_counter()
        await self.backend.ready()
        todo = list(message_ids) if again else self.remaining(message_ids, with_drafts=with_drafts)
        outcome = RunOutcome(
            list(message_ids), len(message_ids) - len(todo), Progress(total=len(todo))
        )
        self._emit(RunStarted(len(todo), outcome.already_done))
        stop = asyncio.Event()
        judged_now: set[str] = set()

        async def step(ids: list[str], judge: bool, draft: bool, last: bool = True) -> None:
            await self._step(
                ids, outcome, judged_now, judge=judge, draft=draft, again=again, last=last
            )
            if (fail_fast and outcome.failures) or (stop_when is not None and stop_when(outcome)):
                stop.set()

        try:
            if verdicts_first and with_drafts:
                await self._schedule(todo, lambda ids: step(ids, True, False, last=False), stop)
                await self._schedule(todo, lambda ids: step(ids, False, True), stop)
            else:
                await self._schedule(todo, lambda ids: step(ids, True, with_drafts), stop)
        finally:
            outcome.wall_s = time.perf_counter() - started
            # Stopped after the last message was done is no early stop.
            outcome.stopped_early = stop.is_set() and outcome.progress.done < len(todo)
        return outcome

    async def _schedule(
        self, todo: list[str], step: Callable[[list[str]], Awaitable[None]], stop: asyncio.Event
    ) -> None:
        """Chunks one after the other for a bulk backend; otherwise single messages over
        `concurrency` workers. Stops taking new work once `stop` is set."""
        if self.backend.capabilities.judges_in_bulk:
            for chunk in bulk_chunks(todo):
                if stop.is_set():
                    return
                await step(chunk)
            return
        queue = list(reversed(todo))

        async def worker() -> None:
            while queue and not stop.is_set():
                await _unless_stopped(step([queue.pop()]), stop)
                # An answer from the cache never suspends: let a Ctrl-C or a key through.
                await asyncio.sleep(0)

        await asyncio.gather(*(worker() for _ in range(min(self.concurrency, len(todo)))))

    async def _step(
        self,
        message_ids: list[str],
        outcome: RunOutcome,
        judged_now: set[str],
        *,
        judge: bool,
        draft: bool,
        again: bool,
        last: bool,
    ) -> None:
        """Judge the messages without a usable verdict (every one, `again`) when `judge`;
        draft, when `draft`, those without a draft and those judged in this run; save it
        all in one transaction; report it. `last`: the run has no later step for them (a
        run without drafts is done with a message once it is judged).

        A message busy with another call (the person pressed r) is left to that call, and
        so is one the person relabelled meanwhile (the relabel drafts for its new label);
        both still count, or the run's progress would never reach its total."""
        ids = [m for m in message_ids if m not in self.busy]
        if not ids:
            self._report(message_ids, {}, outcome, judge=judge, finished=last)
            return
        self._start(ids)
        try:
            items = self.store.incomings(ids)
            results: dict[str, Assessment] = {}
            if judge:
                judged_before = {} if again else self.usable_verdicts(ids)
                to_judge = [item for item in items if item.message_id not in judged_before]
                judged = await self.assistant.assess_many(to_judge, with_draft=False)
                for item, result in zip(to_judge, judged, strict=True):
                    results[item.message_id] = result
                    if result.verdict is not None:
                        judged_now.add(item.message_id)
                    elif result.error:
                        outcome.progress.verdicts_failed += 1
            if draft:
                await self._draft(items, results, judged_now)
            self.store.save_assessments(
                [(m, a.verdict, a.draft, a.error) for m, a in results.items()]
            )
        except asyncio.CancelledError:
            # Given up while a draft was in flight (the run stopped): the verdicts had are
            # paid for and kept, and counted; the draft stays to do.
            had = {m: Assessment(verdict=a.verdict) for m, a in results.items() if a.verdict}
            self.store.save_assessments([(m, a.verdict, None, "") for m, a in had.items()])
            self._report(list(had), had, outcome, judge=judge, finished=False)
            raise
        finally:
            self._end(ids)
        self._report(message_ids, results, outcome, judge=judge, finished=last)

    async def _draft(
        self, items: list[Incoming], results: dict[str, Assessment], judged_now: set[str]
    ) -> None:
        """Add a draft to `results` for each message that needs one: its verdict in force
        is this backend's (or the person's) and it has no draft yet, or the verdict was
        given in this run (a draft written for an older verdict no longer fits it)."""
        ids = [item.message_id for item in items]
        in_force = self.usable_verdicts(ids)
        for message_id, result in results.items():
            if result.verdict is not None:  # judged in this step, not saved yet
                in_force[message_id] = result.verdict
        drafted = self.store.drafted(ids)
        for item in items:
            verdict = in_force.get(item.message_id)
            if verdict is None:
                continue
            fresh = item.message_id in judged_now and verdict.provenance.backend != "user"
            if item.message_id in drafted and not fresh:
                continue
            made = await self.assistant.complete(item, verdict)
            earlier = results.get(item.message_id, Assessment())
            results[item.message_id] = Assessment(
                verdict=earlier.verdict,
                draft=made.draft,
                error=made.error,
                error_kind=made.error_kind,
                failed_call=made.failed_call,
            )

    def _report(
        self,
        message_ids: list[str],
        results: dict[str, Assessment],
        outcome: RunOutcome,
        *,
        judge: bool,
        finished: bool,
    ) -> None:
        """Count and announce what a step over `message_ids` did. A judging step judged each
        of them once: a verdict had now or before, a failure, or a message left to another
        call (the person pressed r, or relabelled it). A finishing step finished each of
        them but those that failed earlier in the run, whether it drafted them or found a
        draft (one written meanwhile for the person's label). A draft failing after the
        verdict is no second verdict."""
        progress = outcome.progress
        failed_before = {m for m in message_ids if m in outcome.failures}
        if judge:
            progress.judged += len(message_ids)
        for message_id, result in results.items():
            if result.verdict is not None:
                progress.add(result.verdict.provenance)
                self._emit(Judged(message_id, result.verdict))
            if result.draft is not None:
                progress.add(result.draft.provenance)
                progress.offline_drafts += bool(result.draft.provenance.stood_in_for)
                self._emit(Drafted(message_id, result.draft))
            if result.failed_call is not None:
                progress.add(result.failed_call)
            if result.error:
                progress.failed += 1
                outcome.failures[message_id] = result.error
                self._emit(Failed(message_id, result.error, result.error_kind, result.failed_call))
                if not finished:
                    progress.done += 1
        if finished:
            progress.done += sum(1 for m in message_ids if m not in failed_before)
        self._emit(progress)

    # ------------------------------------------------------------------ one message

    async def assess(self, message_id: str) -> Assessment:
        """Judge and draft one message now, whatever it had; saved and reported."""
        self._start([message_id])
        try:
            result = await self.assistant.assess(self.store.incoming(message_id))
            self.store.save_assessments([(message_id, result.verdict, result.draft, result.error)])
        finally:
            self._end([message_id])
        unjudged = result.verdict is None and bool(result.error)
        self._report(
            [message_id],
            {message_id: result},
            RunOutcome([message_id], 0, Progress(1, verdicts_failed=int(unjudged))),
            judge=True,
            finished=True,
        )
        return result

    async def redraft(
        self, message_id: str, on_text: Callable[[str], None], language: str = "en"
    ) -> Draft | None:
        """A fresh draft for the verdict in force, its text passed to `on_text` as it
        streams in; saved as the draft in force (an edit the person made should be kept in
        the draft history first). None, after a Failed event, when it could not be had."""
        verdict = self.store.verdict(message_id)
        if verdict is None:
            return None
        self._start([message_id])
        try:
            draft = await self.assistant.stream_redraft(
                self.store.incoming(message_id), verdict, on_text, language
            )
            self.store.save_draft(message_id, draft)
            self.store.clear_edit(message_id)
        except BackendError as exc:
            spent = failed_call(self.assistant.backend, exc)
            self._emit(Failed(message_id, f"draft failed: {exc}", exc.kind, spent))
            return None
        finally:
            self._end([message_id])
        self._emit(Drafted(message_id, draft))
        return draft

    def _start(self, ids: list[str]) -> None:
        self.busy.update(ids)
        for message_id in ids:
            self._emit(WorkStarted(message_id))

    def _end(self, ids: list[str]) -> None:
        self.busy.difference_update(ids)
        for message_id in ids:
            self._emit(WorkEnded(message_id))

    async def aclose(self) -> None:
        await self.assistant.aclose()


async def _unless_stopped(step: Awaitable[None], stop: asyncio.Event) -> None:
    """`step`, cancelled if `stop` is set first: once the LLM counts as down, the calls
    still waiting on it (each up to its timeout and retries) would only hold back the
    offline model standing in, or the rerun. A cancelled step keeps the verdicts it had
    (`_step`); the rest of its work stays to do."""
    stepping = asyncio.ensure_future(step)
    stopping = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({stepping, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
        if not stepping.done():
            stepping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await stepping
    if not stepping.cancelled():
        stepping.result()  # its own failure, raised here as before


def bulk_chunks(ids: list[str]) -> list[list[str]]:
    """`ids` in the chunks a bulk backend judges them in: FIRST_BULK_CHUNK, then BULK_CHUNK
    at a time."""
    rest = range(FIRST_BULK_CHUNK, len(ids), BULK_CHUNK)
    return ([ids[:FIRST_BULK_CHUNK]] if ids else []) + [ids[at : at + BULK_CHUNK] for at in rest]
