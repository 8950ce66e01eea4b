"""What counts as needing a reply in a real export: events are nobody's turn, other folders
and years-old threads are a filter away, and wordless messages are never judged as text."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from real_export_quirks import ATTACHMENTS_2025, ELIN, EXCEL_2021

from reply_assistant.backends import Backend
from reply_assistant.engine import Assistant
from reply_assistant.importer import import_export
from reply_assistant.models import Action, Draft, Label, MessageKind, Provenance, Verdict
from reply_assistant.sources import open_export
from reply_assistant.store import Store
from reply_assistant.store.schema import MIGRATIONS, migrate
from reply_assistant.wordless import is_wordless


class CountingBackend(Backend):
    """A backend that records what it was asked to judge and draft."""

    name, model, prompt_version = "counting", "m", "counting@1"

    def __init__(self) -> None:
        self.classified: list[str] = []
        self.drafted: list[str] = []

    def describe(self) -> str:
        return self.name

    async def classify(self, item):
        self.classified.append(item.text)
        return Verdict(
            label=Label.RELATIONSHIP,
            confidence=0.9,
            reason="r",
            action=Action.REPLY,
            provenance=Provenance(backend=self.name, model=self.model, prompt_version="p"),
        )

    async def draft(self, item, verdict):
        self.drafted.append(item.text)
        return Draft(
            text="Hi!",
            language="en",
            provenance=Provenance(backend=self.name, model=self.model, prompt_version="p"),
        )


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "state.db") as opened:
        yield opened


def imported(store: Store, path=EXCEL_2021):
    with open_export(path) as export:
        return import_export(store, export)


def senders(store: Store, filter: str, days: int = 90) -> set[str]:
    since = store.needs_reply_since(days)
    return {s.sender.name for s in store.conversation_summaries(filter, since=since)}


def test_events_are_never_awaiting_and_never_judged(store):
    report = imported(store)
    assert report.owner is not None and report.owner.profile_url == ELIN
    everyone = senders(store, "all")
    # "Message request accepted" after Elin wrote first: Elin waits, not the other way.
    assert "" not in everyone and "Arvid Holm" not in everyone
    assert "Farah Aziz" not in everyone  # Elin answered; then someone left the group
    assert "Kwame Asante" in everyone  # an event before his message changes nothing
    incoming_texts = {store.message(m).text for m in store.all_incoming_ids("all")}
    assert "Message request accepted" not in incoming_texts


def test_the_judged_thread_leaves_events_out_and_the_conversation_shows_them(store):
    imported(store)
    (kwame,) = [s for s in store.conversation_summaries("all") if s.sender.name == "Kwame Asante"]
    assert store.incoming(kwame.message_id).thread == ()
    assert store.incomings([kwame.message_id])[0].thread == ()
    events = store.conversation_events(kwame.conversation_id)
    assert [event.text for event in events] == ["You are now connected"]


def test_archive_and_stale_threads_are_one_filter_away(store):
    imported(store)
    needs_reply = senders(store, "needs_reply")
    assert "Lena Hoff" not in needs_reply and "Omar Haddad" not in needs_reply
    assert senders(store, "archived") == {"Lena Hoff"}
    assert senders(store, "older") == {"Omar Haddad"}
    assert "Omar Haddad" in senders(store, "needs_reply", days=0)  # no window
    since = store.needs_reply_since(90)
    listed = len(store.conversation_summaries("needs_reply", since=since))
    assert listed == 11 and store.awaiting_counts(since) == (11, 1, 1)
    # Batch's scope is the same: the inbox folder, within the window.
    batch_scope = store.all_incoming_ids("awaiting", since)
    assert {store.message(m).sender.name for m in batch_scope} == needs_reply


def test_the_window_is_counted_back_from_the_newest_imported_message(store):
    assert store.needs_reply_since(90) is None  # nothing imported
    imported(store)
    assert store.needs_reply_since(90).date().isoformat() == "2021-08-22"
    store.add_manual_message("Someone", "typed in today")  # does not move the window
    assert store.needs_reply_since(90).date().isoformat() == "2021-08-22"


def test_the_owner_answering_last_is_not_awaiting(store):
    imported(store, ATTACHMENTS_2025)
    assert "Yara Costa" not in senders(store, "all")


def test_wordless_messages_get_a_note_and_never_reach_the_backend(store):
    imported(store, ATTACHMENTS_2025)
    ids = store.all_incoming_ids("awaiting")
    items = store.incomings(ids)
    assert sorted(item.kind for item in items) == [MessageKind.ATTACHMENT, MessageKind.EMPTY]
    backend = CountingBackend()
    assessments = asyncio.run(Assistant(backend).assess_many(items))
    assert backend.classified == [] and backend.drafted == []
    by_kind = {item.kind: a for item, a in zip(items, assessments, strict=True)}
    attachment = by_kind[MessageKind.ATTACHMENT]
    assert attachment.verdict.action is Action.NO_REPLY
    assert attachment.verdict.reason == "Attachment only — open it on LinkedIn."
    assert attachment.draft.text == "(No reply suggested: attachment only — open it on LinkedIn.)"
    assert by_kind[MessageKind.EMPTY].verdict.action is Action.NO_REPLY
    # One at a time, and mixed with messages that have text, the same.
    single = asyncio.run(Assistant(backend).assess(items[0]))
    assert single.verdict.action is Action.NO_REPLY and backend.classified == []
    (text_item,) = store.incomings(store.all_incoming_ids("all")[:1])  # Yara's, the newest
    mixed = asyncio.run(Assistant(backend).assess_many([*items, text_item]))
    assert [is_wordless(item) for item in [*items, text_item]] == [True, True, False]
    assert backend.classified == [text_item.text]
    assert mixed[2].verdict.label is Label.RELATIONSHIP


def test_a_version_1_state_file_gets_kinds_from_what_it_holds(tmp_path):
    db = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    migrate(db, MIGRATIONS[:1])
    for message_id, sender, text, attachments in [
        ("e", "", "Message request accepted", "[]"),
        ("t", "Ana", "Hello", "[]"),
        ("a", "Ana", "", '["https://x.example/f.pdf"]'),
        ("n", "Ana", " ", "[]"),
    ]:
        db.execute(
            """INSERT INTO messages (id, conversation_id, sender_name, sent_at, content_raw,
                                     text, attachments, imported_at)
               VALUES (?, 'c', ?, '2021-01-01T00:00:00+00:00', ?, ?, ?, '')""",
            (message_id, sender, text, text, attachments),
        )
    migrate(db, MIGRATIONS[:2])
    kinds = dict(db.execute("SELECT id, kind FROM messages"))
    assert kinds == {"e": "event", "t": "text", "a": "attachment", "n": "empty"}
