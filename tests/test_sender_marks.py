"""Sender marks and grouped actions in the store: one undo per thing the person did."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reply_assistant.backends.base import Backend
from reply_assistant.engine import Engine
from reply_assistant.models import Action, Draft, Label, Message, Participant, Provenance, Verdict
from reply_assistant.store import Store

OWNER = Participant("Alex Morgan", "https://www.linkedin.com/in/alex-morgan")
SAM = Participant("Sam Ortiz", "https://www.linkedin.com/in/sam-ortiz")
DEREK = Participant("Derek Stone", "https://www.linkedin.com/in/derek-stone")
START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def _message(conversation: str, sender: Participant, text: str, hours: int) -> Message:
    return Message(
        conversation_id=conversation,
        sender=sender,
        recipients=(OWNER,),
        sent_at=START + timedelta(hours=hours),
        content_raw=text,
        text=text,
    )


def _verdict(label: Label) -> Verdict:
    return Verdict(
        label=label,
        confidence=0.9,
        reason="model",
        action=Action.DECLINE if label is Label.SPAM else Action.REPLY,
        provenance=Provenance(backend="offline", model="m", prompt_version="offline@x"),
    )


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "state.db") as store:
        store.set_owner(OWNER)
        messages = [
            _message("c-sam-1", SAM, "Want to try our platform? Quick demo?", 1),
            _message("c-sam-2", SAM, "Following up on my demo offer", 2),
            _message("c-derek", DEREK, "Book a call with our sales team", 3),
        ]
        store.insert_messages(messages)
        store.refresh_conversations([m.conversation_id for m in messages])
        for message in messages:
            store.save_verdict(message.id, _verdict(Label.SPAM))
        yield store


def _ids(store: Store) -> dict[str, str]:
    return {s.conversation_id: s.message_id for s in store.conversation_summaries("all")}


def test_marking_a_friend_relabels_all_their_conversations_and_undo_restores(store) -> None:
    ids = _ids(store)
    changed = store.mark_sender(ids["c-sam-1"], "friend")
    assert set(changed) == {ids["c-sam-1"], ids["c-sam-2"]}
    for conversation in ("c-sam-1", "c-sam-2"):
        verdict = store.verdict(ids[conversation])
        assert verdict.label is Label.RELATIONSHIP and verdict.provenance.backend == "user"
    assert store.verdict(ids["c-derek"]).label is Label.SPAM  # another sender: untouched
    assert store.incoming(ids["c-sam-2"]).sender.mark == "friend"
    assert "sender mark friend" in store.decisions(ids["c-sam-2"])[-1].note

    undone = store.undo_last_action()
    assert undone.mark == "friend" and set(undone.message_ids) == set(changed)
    assert store.verdict(ids["c-sam-1"]).label is Label.SPAM
    assert store.verdict(ids["c-sam-2"]).label is Label.SPAM
    assert store.incoming(ids["c-sam-2"]).sender.mark is None
    assert store.undo_last_action() is None


def test_a_message_judged_after_the_mark_gets_the_marks_label(store) -> None:
    ids = _ids(store)
    store.mark_sender(ids["c-sam-1"], "mute")
    later = _message("c-sam-3", SAM, "Hey, are you coming on Friday?", 10)
    store.insert_messages([later])
    store.refresh_conversations([later.conversation_id])
    store.save_verdict(later.id, _verdict(Label.RELATIONSHIP))
    verdict = store.verdict(later.id)
    assert verdict.label is Label.SPAM and verdict.action is Action.NO_REPLY
    store.undo_last_action()  # the mark and what it did since, in one undo
    assert store.verdict(later.id).label is Label.RELATIONSHIP


def test_a_relabel_by_hand_beats_the_mark_for_later_messages(store) -> None:
    ids = _ids(store)
    store.mark_sender(ids["c-sam-1"], "friend")
    later = _message("c-sam-3", SAM, "Special discount today only", 10)
    store.insert_messages([later])
    store.record_relabel(later.id, "spam")
    store.save_verdict(later.id, _verdict(Label.SPAM))
    assert store.verdict(later.id).reason == "Labelled by you."


def test_undoing_a_mark_drops_the_drafts_written_for_it(store) -> None:
    ids = _ids(store)
    message_id = ids["c-sam-1"]
    provenance = Provenance(backend="offline", model="m", prompt_version="d")
    store.save_draft(message_id, Draft(text="No thanks.", language="en", provenance=provenance))
    store.mark_sender(message_id, "friend")
    store.save_draft(message_id, Draft(text="Great to hear!", language="en", provenance=provenance))
    store.undo_last_action()
    assert [d.text for d in store.drafts(message_id)] == ["No thanks."]


def test_bulk_done_over_fifty_conversations_is_one_undo(tmp_path: Path) -> None:
    with Store.open(tmp_path / "state.db") as store:
        store.set_owner(OWNER)
        messages = [
            _message(f"c-{n}", Participant(f"Person {n}"), f"Message {n}", n) for n in range(50)
        ]
        store.insert_messages(messages)
        store.refresh_conversations([m.conversation_id for m in messages])
        store.record_decision(messages[0].id, "skip")  # an earlier, separate action
        ids = [s.message_id for s in store.conversation_summaries("needs_reply")]
        assert len(ids) == 49
        assert store.decide_many(ids, "accept") == 49
        assert store.conversation_summaries("needs_reply") == []
        undone = store.undo_last_action()
        assert undone.kind == "accept" and len(undone.message_ids) == 49
        assert len(store.conversation_summaries("needs_reply")) == 49
        assert store.status(messages[0].id) == "skipped"  # the earlier action stays
        assert store.corrections() == []  # a bulk "done" confirms no label


def test_an_unknown_mark_is_refused(store) -> None:
    with pytest.raises(ValueError):
        store.mark_sender(_ids(store)["c-sam-1"], "enemy")


def test_clearing_forgets_every_mark_on_the_sender(store) -> None:
    ids = _ids(store)
    assert store.clear_sender_mark(ids["c-sam-1"]) is None  # unmarked: nothing to clear
    store.mark_sender(ids["c-sam-1"], "friend")
    store.mark_sender(ids["c-sam-2"], "mute")  # the same sender, muted after all
    store.record_decision(ids["c-derek"], "skip")  # something done after the marks

    cleared = store.clear_sender_mark(ids["c-sam-2"])
    assert cleared.mark == "mute"
    assert set(cleared.message_ids) == {ids["c-sam-1"], ids["c-sam-2"]}
    for conversation in ("c-sam-1", "c-sam-2"):
        assert store.verdict(ids[conversation]).provenance.backend == "offline"
        assert store.sender_mark(ids[conversation]) is None
    assert store.status(ids["c-derek"]) == "skipped"  # only the marks were taken back
    assert store.undo_last_action().message_ids == [ids["c-derek"]]


class LabelEcho(Backend):
    """Judges everything spam; a draft names the label it was written for."""

    name, model, prompt_version = "echo", "m", "echo@1"

    def describe(self) -> str:
        return "echo"

    async def classify(self, item) -> Verdict:
        return _verdict(Label.SPAM)

    async def draft(self, item, verdict) -> Draft:
        made_by = Provenance(backend="echo", model="m", prompt_version="echo@1")
        return Draft(text=f"for {verdict.label.value}", language="en", provenance=made_by)


@pytest.mark.parametrize("mark", ["friend", "mute"])
async def test_batch_drafts_a_marked_senders_new_message_for_the_mark(store, mark) -> None:
    """A run over stored messages (batch, the inbox listing, the UI) sees the mark: the
    verdict in force is the mark's, and so is the draft, whatever the model judged."""
    store.mark_sender(_ids(store)["c-sam-1"], mark)
    later = _message("c-sam-3", SAM, "Quick demo of our platform?", 10)
    store.insert_messages([later])
    store.refresh_conversations([later.conversation_id])
    assert store.incomings([later.id])[0].sender.mark == mark
    assert store.incomings([_ids(store)["c-derek"]])[0].sender.mark is None

    await Engine(store, LabelEcho()).run([later.id])
    label = "relationship" if mark == "friend" else "spam"
    assert store.verdict(later.id).label.value == label
    assert [d.text for d in store.drafts(later.id)] == [f"for {label}"]


async def test_a_relabel_by_hand_is_drafted_for_over_the_mark(store) -> None:
    ids = _ids(store)
    store.mark_sender(ids["c-sam-1"], "friend")
    later = _message("c-sam-3", SAM, "Quick demo of our platform?", 10)
    store.insert_messages([later])
    store.record_relabel(later.id, "unclear")
    await Engine(store, LabelEcho()).run([later.id])
    assert [d.text for d in store.drafts(later.id)] == ["for unclear"]
