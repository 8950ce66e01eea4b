"""A run that stops (the LLM counts as down) gives up the calls still in flight: they would
only hold back the offline model standing in, or the rerun, for their timeouts."""

from __future__ import annotations

import asyncio

import pytest

from reply_assistant.backends import Backend, BackendError
from reply_assistant.engine import Engine
from reply_assistant.engine.health import LLMHealth
from reply_assistant.models import Action, Label, Provenance, Verdict
from reply_assistant.store import Store

MADE_BY = Provenance(backend="stub", model="m", prompt_version="stub@1")
REFUSED = "nothing listens"


class HangsButOne(Backend):
    """Refuses the connection for one message; never answers for the others."""

    name, model, prompt_version = "stub", "m", "stub@1"

    def __init__(self) -> None:
        self.cancelled = 0

    def describe(self) -> str:
        return self.name

    async def classify(self, item):
        if item.text == REFUSED:
            raise BackendError("connection refused", kind="connection")
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        return Verdict(
            label=Label.UNCLEAR, confidence=0.5, reason="r", action=Action.ASK, provenance=MADE_BY
        )

    async def draft(self, item, verdict):
        raise AssertionError("nothing gets this far")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "state.db") as opened:
        yield opened


async def test_calls_in_flight_are_given_up_once_the_llm_counts_as_down(store: Store):
    ids = [store.add_manual_message("Sam Lee", f"message {n}") for n in range(3)]
    ids.append(store.add_manual_message("Ana Ruiz", REFUSED))
    backend = HangsButOne()
    engine = Engine(store, backend, concurrency=4)
    health = LLMHealth()
    engine.subscribe(health.watch)
    outcome = await asyncio.wait_for(engine.run(ids, stop_when=health.down), timeout=10)
    assert outcome.stopped_early and backend.cancelled == 3
    assert engine.usable_verdicts(ids) == {} and not engine.busy


class DraftHangs(Backend):
    """Judges every message; refuses the connection when drafting one, hangs on the rest."""

    name, model, prompt_version = "stub", "m", "stub@1"

    async def classify(self, item):
        return Verdict(
            label=Label.UNCLEAR, confidence=0.5, reason="r", action=Action.ASK, provenance=MADE_BY
        )

    def describe(self) -> str:
        return self.name

    async def draft(self, item, verdict):
        if item.text == REFUSED:
            raise BackendError("connection refused", kind="connection")
        await asyncio.Event().wait()


async def test_a_step_given_up_keeps_the_verdict_it_had(store: Store):
    ids = [store.add_manual_message("Sam Lee", f"message {n}") for n in range(2)]
    ids.append(store.add_manual_message("Ana Ruiz", REFUSED))
    engine = Engine(store, DraftHangs(), concurrency=3)
    health = LLMHealth()
    engine.subscribe(health.watch)
    outcome = await asyncio.wait_for(engine.run(ids, stop_when=health.down), timeout=10)
    assert outcome.stopped_early
    # Every verdict was had and is kept; the drafts given up stay to do.
    assert set(engine.usable_verdicts(ids)) == set(ids) and not store.drafted(ids)
    assert outcome.progress.judged == 3


async def test_a_stop_after_the_last_message_is_no_early_stop(store: Store):
    ids = [store.add_manual_message("Ana Ruiz", REFUSED)]
    engine = Engine(store, HangsButOne(), concurrency=1)
    health = LLMHealth()
    engine.subscribe(health.watch)
    outcome = await engine.run(ids, stop_when=health.down)
    assert health.down() and not outcome.stopped_early
