"""Undoing a relabel brings back the draft that was current before it, in the store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reply_assistant.importer import import_messages
from reply_assistant.models import Draft, Message, Participant, Provenance
from reply_assistant.store import Store

ME = Participant("Jordan Pike", "https://www.linkedin.com/in/jordanpike")
ANA = Participant("Ana Silva", "https://www.linkedin.com/in/ana-silva")
BEN = Participant("Ben Ode", "https://www.linkedin.com/in/ben-ode")
OFFLINE = Provenance(backend="offline", model="offline", prompt_version="offline@test")


def message(conversation: str, sender: Participant, text: str) -> Message:
    return Message(
        conversation_id=conversation,
        sender=sender,
        recipients=(ME,),
        sent_at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        content_raw=text,
        text=text,
    )


def draft(text: str) -> Draft:
    return Draft(text=text, language="en", provenance=OFFLINE)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "state.db") as opened:
        import_messages(
            opened,
            [
                message("c-ana", ANA, "Lovely to see you in Berlin, coffee soon?"),
                message("c-ben", BEN, "Quick call about our lead-gen service?"),
            ],
            profile_owner=ME,
        )
        yield opened


def ids(store: Store) -> tuple[str, str]:
    by_sender = {s.sender.name: s.message_id for s in store.conversation_summaries("all")}
    return by_sender["Ana Silva"], by_sender["Ben Ode"]


def test_undo_of_a_relabel_drops_its_drafts_and_edit(store: Store) -> None:
    ana, ben = ids(store)
    store.save_draft(ana, draft("Hi Ana, yes please!"))
    store.save_draft(ana, draft("Hi Ana, yes please! Tuesday?"))  # a kept edit
    store.record_relabel(ana, "spam")
    store.save_draft(ana, draft("Thanks, but I'll pass."))
    store.save_edit(ana, "Thanks, but I'll pass. Best.")
    store.save_draft(ben, draft("Thanks, not for me."))  # another conversation, untouched

    undone = store.undo_last_decision()

    assert undone is not None and undone.kind == "relabel"
    assert [d.text for d in store.drafts(ana)] == [
        "Hi Ana, yes please!",
        "Hi Ana, yes please! Tuesday?",
    ]
    assert store.edited_text(ana) is None
    assert [d.text for d in store.drafts(ben)] == ["Thanks, not for me."]


def test_undo_of_a_relabel_whose_draft_never_came_keeps_the_edit(store: Store) -> None:
    ana, _ = ids(store)
    store.save_draft(ana, draft("Hi Ana, yes please!"))
    store.save_edit(ana, "Hi Ana, yes please! Tuesday?")
    store.record_relabel(ana, "unclear")  # the new draft failed: nothing saved after it

    store.undo_last_decision()

    assert [d.text for d in store.drafts(ana)] == ["Hi Ana, yes please!"]
    assert store.edited_text(ana) == "Hi Ana, yes please! Tuesday?"


def test_undo_of_an_accept_keeps_every_draft(store: Store) -> None:
    ana, _ = ids(store)
    store.record_relabel(ana, "relationship")
    store.save_draft(ana, draft("Hi Ana, yes please!"))
    store.record_decision(ana, "accept")

    assert store.undo_last_decision().kind == "accept"
    assert [d.text for d in store.drafts(ana)] == ["Hi Ana, yes please!"]


def test_undoing_two_relabels_steps_back_one_draft_each(store: Store) -> None:
    ana, _ = ids(store)
    store.save_draft(ana, draft("reply"))
    store.record_relabel(ana, "spam")
    store.save_draft(ana, draft("decline"))
    store.record_relabel(ana, "unclear")
    store.save_draft(ana, draft("question"))

    store.undo_last_decision()
    assert store.drafts(ana)[-1].text == "decline"
    assert store.verdict(ana).label.value == "spam"
    store.undo_last_decision()
    assert [d.text for d in store.drafts(ana)] == ["reply"]
