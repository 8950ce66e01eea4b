"""The engine's running totals: every message is judged once, however its draft ends."""

from __future__ import annotations

import pytest

from reply_assistant.backends import Backend, BackendError
from reply_assistant.engine import Engine
from reply_assistant.engine.events import Progress
from reply_assistant.models import Action, Draft, Label, Provenance, Verdict
from reply_assistant.store import Store

MADE_BY = Provenance(backend="stub", model="m", prompt_version="stub@1")
FAILING_DRAFT = "draft me and fail"


class DraftFailsFor(Backend):
    """Judges every message; fails to draft the one whose text is FAILING_DRAFT."""

    name, model, prompt_version = "stub", "m", "stub@1"

    def describe(self) -> str:
        return self.name

    async def classify(self, item):
        return Verdict(
            label=Label.UNCLEAR, confidence=0.5, reason="r", action=Action.ASK, provenance=MADE_BY
        )

    async def draft(self, item, verdict):
        if item.text == FAILING_DRAFT:
            raise BackendError("the answer was not the JSON asked for", kind="invalid_output")
        return Draft(text="Could you say more?", language="en", provenance=MADE_BY)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "state.db") as opened:
        yield opened


async def final_progress(
    store: Store,
    ids: list[str],
    *,
    verdicts_first: bool,
    busy: set[str] | None = None,
    again: bool = False,
    with_drafts: bool = True,
) -> Progress:
    events: list[object] = []
    engine = Engine(store, DraftFailsFor(), concurrency=1, busy=busy)
    engine.subscribe(events.append)
    await engine.run(ids, verdicts_first=verdicts_first, again=again, with_drafts=with_drafts)
    return [event for event in events if isinstance(event, Progress)][-1]


@pytest.mark.parametrize("verdicts_first", [True, False], ids=["verdicts first", "one step"])
async def test_a_failed_draft_is_not_counted_as_a_second_verdict(store, verdicts_first):
    ids = [
        store.add_manual_message("Ana Ruiz", "Happy to help with the launch?"),
        store.add_manual_message("Ben Ode", FAILING_DRAFT),
    ]
    progress = await final_progress(store, ids, verdicts_first=verdicts_first)
    # The UI shows (judged, total): "3 of 2" when the failed draft counted as a verdict.
    assert (progress.judged, progress.done, progress.failed) == (2, 2, 1)
    assert progress.total == 2


async def test_a_message_judged_before_and_drafted_now_counts_as_judged(store):
    ids = [store.add_manual_message("Ana Ruiz", "Happy to help with the launch?")]
    verdict = await DraftFailsFor().classify(store.incoming(ids[0]))
    store.save_assessments([(ids[0], verdict, None, "")])  # a verdict, no draft yet
    progress = await final_progress(store, ids, verdicts_first=True)
    assert (progress.total, progress.judged, progress.done, progress.failed) == (1, 1, 1, 0)


@pytest.mark.parametrize("verdicts_first", [True, False], ids=["verdicts first", "one step"])
async def test_a_message_left_to_another_call_still_counts(store, verdicts_first):
    ids = [
        store.add_manual_message("Ana Ruiz", "Happy to help with the launch?"),
        store.add_manual_message("Ben Ode", "Coffee next week?"),
    ]
    # Ben's relabel is being drafted in the UI meanwhile: this run leaves him to it. The UI
    # shows (judged, total): it read "1 of 2" for good when he was not counted.
    progress = await final_progress(store, ids, verdicts_first=verdicts_first, busy={ids[1]})
    assert (progress.total, progress.judged, progress.done, progress.failed) == (2, 2, 2, 0)


async def test_a_draft_written_meanwhile_for_a_relabel_counts_as_done(store):
    ids = [store.add_manual_message("Ana Ruiz", "Happy to help with the launch?")]
    store.record_relabel(ids[0], "relationship")  # as the UI does, then drafts for it
    store.save_draft(ids[0], await DraftFailsFor().draft(store.incoming(ids[0]), None))
    # Judged again by this run, but the person's label and its draft stand: nothing to draft.
    progress = await final_progress(store, ids, verdicts_first=True, again=True)
    assert (progress.total, progress.judged, progress.done, progress.failed) == (1, 1, 1, 0)


@pytest.mark.parametrize("verdicts_first", [True, False], ids=["verdicts first", "one step"])
async def test_a_run_without_drafts_is_done_with_each_message_once_judged(store, verdicts_first):
    ids = [
        store.add_manual_message("Ana Ruiz", "Happy to help with the launch?"),
        store.add_manual_message("Ben Ode", FAILING_DRAFT),
    ]
    # batch --no-drafts printed "0/2 done" and "0 judged now" after judging both.
    progress = await final_progress(store, ids, verdicts_first=verdicts_first, with_drafts=False)
    assert (progress.total, progress.judged, progress.done, progress.failed) == (2, 2, 2, 0)
