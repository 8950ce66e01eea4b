"""The UI's share of issue 14: LinkedIn's events shown in the thread, new filters."""

from __future__ import annotations

from datetime import UTC, datetime

from reply_assistant.models import (
    Incoming,
    Message,
    MessageKind,
    Participant,
    SenderFacts,
    ThreadTurn,
)
from reply_assistant.tui.conversation.render import thread_text
from reply_assistant.tui.inbox.filter_bar import FILTERS, still_matches


def at(hour: int) -> datetime:
    return datetime(2021, 11, 1, hour, tzinfo=UTC)


def event(text: str, hour: int) -> Message:
    return Message(
        conversation_id="c",
        sender=Participant(""),
        recipients=(),
        sent_at=at(hour),
        content_raw=text,
        text=text,
        kind=MessageKind.EVENT,
    )


def test_events_appear_in_the_thread_where_they_happened():
    item = Incoming(
        text="Sure, ask away.",
        sender=SenderFacts(name="Arvid Holm"),
        thread=(ThreadTurn("Elin Sandberg", "Could I ask you two questions?", True, at(9)),),
    )
    shown = thread_text(
        item, at(12), at(11), [event("Message request accepted", 10), event("X left", 13)]
    ).plain
    assert shown.index("two questions") < shown.index("— Message request accepted —")
    assert shown.index("— Message request accepted —") < shown.index("Sure, ask away.")
    assert shown.rstrip().endswith("— X left —")


def test_older_and_archived_are_filters_of_open_conversations():
    assert list(FILTERS)[-3:] == ["older", "archived", "all"]
    assert still_matches("older", "spam", "open") and not still_matches("archived", None, "done")
