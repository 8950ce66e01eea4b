"""Importing exports: idempotence, owner detection, awaiting-reply logic, sender facts."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from export_eras import ERA_2021, ERA_2022, ERA_2023, ERA_2025, ERA_2026

from reply_assistant.importer import OwnerMismatch, import_export, import_messages
from reply_assistant.models import Label, Message, Participant, Provenance, Verdict
from reply_assistant.sources import open_export, write_messages_csv
from reply_assistant.store import Store

MAYA = Participant("Maya Lindgren", "https://www.linkedin.com/in/maya-lindgren-4a1b2c")
JORDAN = Participant("Jordan Pike", "https://www.linkedin.com/in/jordanpike")
KOFI = Participant("Kofi Mensah", "https://www.linkedin.com/in/kofi-mensah-1188")
PROVENANCE = Provenance(backend="offline", model="offline", prompt_version="offline@test")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "state.db") as opened:
        yield opened


def run_import(store: Store, path: Path, me: str | None = None):
    with open_export(path) as export:
        return import_export(store, export, me=me)


def awaiting_senders(store: Store) -> list[str]:
    return [s.sender.name for s in store.conversation_summaries("all")]


def chat(conversation: str, sender: Participant, text: str, day: int, to=(JORDAN,)) -> Message:
    return Message(
        conversation_id=conversation,
        sender=sender,
        recipients=tuple(to),
        sent_at=datetime(2025, 8, day, 9, 0, tzinfo=UTC),
        content_raw=text,
        text=text,
    )


def verdict(label: Label) -> Verdict:
    """The assistant's verdict: spam is declined, anything else answered."""
    return Verdict(
        label=label,
        confidence=0.9,
        reason=label.value,
        action="decline" if label == Label.SPAM else "reply",
        provenance=PROVENANCE,
    )


# ---------------------------------------------------------------- owner detection


@pytest.mark.parametrize(
    ("era", "owner"),
    [
        (ERA_2021, MAYA),
        (ERA_2022, MAYA),
        (ERA_2023, JORDAN),
        (ERA_2025, JORDAN),
        (ERA_2026, JORDAN),
    ],
)
def test_owner_is_the_person_in_most_conversations(store, era, owner):
    report = run_import(store, era)
    assert report.owner == owner
    assert report.owner_source == "most conversations"
    assert store.owner() == owner


def test_owner_from_profile_csv_wins_over_counting(store, tmp_path):
    export = tmp_path / "export"
    shutil.copytree(ERA_2021, export)
    # Priya is in fewer conversations than Maya; Profile.csv says the export is hers.
    (export / "Profile.csv").write_text(
        "First Name,Last Name,Maiden Name,Headline\nPriya,Raman,,Analyst\n", encoding="utf-8"
    )
    report = run_import(store, export)
    assert report.owner == Participant("Priya Raman", "https://www.linkedin.com/in/priya-raman-77")
    assert report.owner_source == "Profile.csv"
    # Maya's reply is now an incoming message awaiting Priya's answer.
    assert "Maya Lindgren" in awaiting_senders(store)


def test_profile_name_not_among_participants_falls_back_to_counting(store, tmp_path):
    export = tmp_path / "export"
    shutil.copytree(ERA_2023, export)
    (export / "Profile.csv").write_text("First Name,Last Name\nSomeone,Else\n", encoding="utf-8")
    report = run_import(store, export)
    assert report.owner == JORDAN and report.owner_source == "most conversations"


@pytest.mark.parametrize("era", [ERA_2021, ERA_2022, ERA_2023, ERA_2025, ERA_2026])
def test_me_that_is_nobody_in_the_export_is_refused_before_any_change(store, era):
    owner = run_import(store, era).owner
    before = store.message_count()
    with pytest.raises(
        OwnerMismatch,
        match=f"--me https://www.linkedin.com/in/jordanpikee is nobody in this export; "
        f"the export's owner looks like {owner.name} <{owner.profile_url}>",
    ):
        run_import(store, era, me="https://www.linkedin.com/in/jordanpikee")
    assert store.message_count() == before and store.owner() == owner


@pytest.mark.parametrize("me", ["notaurl", "Maya Lindgren", "https://www.linkedin.com/company/x"])
def test_me_that_is_not_a_profile_url_is_refused(store, me):
    with pytest.raises(OwnerMismatch, match=f"--me {me} is not a LinkedIn profile URL"):
        run_import(store, ERA_2021, me=me)
    assert store.message_count() == 0 and store.owner() is None


def test_me_is_the_person_in_the_export_however_it_is_typed(store):
    report = run_import(store, ERA_2023, me="linkedin.com/in/Wren-Hale/")
    assert report.owner == Participant("Wren Hale, PhD", "https://www.linkedin.com/in/wren-hale")
    assert report.owner_source == "--me"


def test_me_from_profile_csv_counts_though_it_sent_nothing(store, tmp_path):
    export = tmp_path / "export"
    shutil.copytree(ERA_2023, export)
    url = "https://www.linkedin.com/in/quiet-owner-1"
    (export / "Profile.csv").write_text(
        f"First Name,Last Name,Websites\nQuiet,Owner,[PERSONAL:{url}]\n", encoding="utf-8"
    )
    report = run_import(store, export, me=url)
    assert report.owner == Participant("Quiet Owner", url)
    # Nobody in the export is the owner, so every conversation awaits a reply.
    assert report.awaiting_reply == report.conversations


def test_me_does_not_make_another_persons_export_the_inboxs(store):
    jordan = run_import(store, ERA_2023).owner
    before = store.message_count()
    maya = "https://www.linkedin.com/in/maya-lindgren-4a1b2c"
    with pytest.raises(OwnerMismatch, match="Maya Lindgren's but the inbox is Jordan Pike's"):
        run_import(store, ERA_2021, me=maya)
    assert store.message_count() == before and store.owner() == jordan
    with open_export(ERA_2021) as export:
        report = import_export(store, export, me=maya, replace_inbox=True)
    assert report.owner == MAYA and store.message_count() == report.messages_read


def test_me_matches_urls_however_they_are_spelled(store):
    report = run_import(store, ERA_2026, me="https://www.linkedin.com/in/ZOË-brandt/")
    assert report.owner.name == "Zoë Brandt"
    senders = awaiting_senders(store)
    assert "Zoë Brandt" not in senders and "Jordan Pike" in senders


def test_changing_the_owner_recomputes_every_conversation(store):
    run_import(store, ERA_2021)
    assert "Priya Raman" not in awaiting_senders(store)  # Maya answered her
    run_import(store, ERA_2021, me="https://www.linkedin.com/in/priya-raman-77")
    assert "Maya Lindgren" in awaiting_senders(store)


def test_an_export_of_someone_else_over_an_inbox_is_refused_before_any_change(store, tmp_path):
    first = run_import(store, ERA_2021)
    run_import(store, ERA_2021)  # the same person again is fine
    export = tmp_path / "export"
    shutil.copytree(ERA_2021, export)
    (export / "Profile.csv").write_text(
        "First Name,Last Name,Maiden Name,Headline\nPriya,Raman,,Analyst\n", encoding="utf-8"
    )
    (export / "messages.csv").write_text(
        (ERA_2021 / "messages.csv").read_text(encoding="utf-8")
        + "2-new,,Theo Grant,https://www.linkedin.com/in/theogrant,Priya Raman,"
        "2021-05-02 08:00:00 UTC,,A new one,INBOX\n",
        encoding="utf-8",
    )
    before = store.message_count()
    with pytest.raises(OwnerMismatch, match="Priya Raman's but the inbox is Maya Lindgren's"):
        run_import(store, export)
    assert store.message_count() == before and store.owner() == first.owner
    # Saying with --me that this export is the inbox owner's corrects its detection.
    assert run_import(store, export, me=first.owner.profile_url).owner == first.owner
    assert store.message_count() == before + 1


# ---------------------------------------------------------------- idempotence


@pytest.mark.parametrize("era", [ERA_2021, ERA_2022, ERA_2023, ERA_2025, ERA_2026])
def test_importing_twice_adds_nothing(store, era):
    first = run_import(store, era)
    second = run_import(store, era)
    assert first.messages_new == first.messages_read > 0
    assert second.messages_read == first.messages_read
    assert second.messages_new == 0
    assert second.awaiting_reply == first.awaiting_reply
    assert store.message_count() == first.messages_read


def test_a_newer_export_adds_only_new_rows_and_keeps_the_persons_work(store, tmp_path):
    ines = Participant("Ines Okafor-Lindqvist", "https://www.linkedin.com/in/ines-okafor-l-3b2a91")
    older = [
        chat("c-kofi", KOFI, "Here are the mockups", 1),
        chat("c-kofi", JORDAN, "Love the second one", 2, to=(KOFI,)),
        chat("c-ines", ines, "Lunch soon?", 3),
    ]
    newer = [*older, chat("c-kofi", KOFI, "Updated the mockups", 4), chat("c-ines", ines, "?", 5)]
    write_messages_csv(tmp_path / "old.csv", older, "2025")
    write_messages_csv(tmp_path / "new.csv", newer, "2025")

    assert run_import(store, tmp_path / "old.csv").messages_new == 3
    lunch = store.conversation_summaries()[0].message_id
    store.save_verdict(lunch, verdict(Label.RELATIONSHIP))
    store.record_decision(lunch, "relabel", label="unclear")
    store.save_edit(lunch, "Yes! Thursday?")

    report = run_import(store, tmp_path / "new.csv")
    assert (report.messages_read, report.messages_new) == (5, 2)
    assert store.verdict(lunch).label == Label.UNCLEAR
    assert store.edited_text(lunch) == "Yes! Thursday?"
    assert [d.kind for d in store.decisions(lunch)] == ["relabel"]
    # Both conversations moved on: their newest messages are the new ones.
    assert [s.preview for s in store.conversation_summaries()] == ["?", "Updated the mockups"]


def test_messages_are_inserted_in_batches_but_counted_exactly(store, monkeypatch):
    monkeypatch.setattr("reply_assistant.importer.BATCH_ROWS", 3)
    messages = [chat(f"c{n % 4}", KOFI, f"note {n}", 1 + n % 20) for n in range(10)]
    report = import_messages(store, iter(messages), me=JORDAN.profile_url)
    assert (report.messages_read, report.messages_new, report.conversations) == (10, 10, 4)
    assert import_messages(store, iter(messages)).messages_new == 0


# ---------------------------------------------------------------- awaiting a reply


def test_owner_answering_last_means_not_awaiting(store):
    run_import(store, ERA_2023)
    senders = awaiting_senders(store)
    assert "Ines Okafor-Lindqvist" not in senders  # Jordan answered "Thursday it is."
    assert set(senders) == {"Rex Dorn", "LinkedIn Member", "Casey Morgan", "Wren Hale, PhD"}


def test_a_draft_by_the_owner_does_not_count_as_a_reply(store, tmp_path):
    messages = [chat("c-kofi", KOFI, "Thoughts on the mockups?", 1)]
    unsent = [chat("c-kofi", JORDAN, "half-written reply", 2, to=(KOFI,))]
    write_messages_csv(tmp_path / "messages.csv", messages, "2025", drafts=unsent)
    report = run_import(store, tmp_path / "messages.csv", me=JORDAN.profile_url)
    assert report.drafts_skipped == 1
    assert report.awaiting_reply == 1
    assert store.conversation_summaries()[0].preview == "Thoughts on the mockups?"


def test_the_2025_draft_row_is_skipped(store):
    report = run_import(store, ERA_2025)
    assert report.drafts_skipped == 1
    assert report.messages_read == 3
    assert awaiting_senders(store) == ["Ines Okafor-Lindqvist"]


def test_group_threads_await_a_reply_when_someone_else_wrote_last(store):
    run_import(store, ERA_2026)
    design_crit = next(s for s in store.conversation_summaries() if s.title == "Design crit")
    assert design_crit.sender.name == "Ines Okafor-Lindqvist"
    item = store.incoming(design_crit.message_id)
    assert [(t.sender_name, t.from_owner) for t in item.thread] == [("Kofi Mensah", False)]


def test_sponsored_conversations_appear_flagged(store):
    run_import(store, ERA_2023)
    casey = next(s for s in store.conversation_summaries() if s.sender.name == "Casey Morgan")
    assert casey.sponsored
    item = store.incoming(casey.message_id)
    assert item.sender.sponsored and item.sender.placeholders == ("%FIRSTNAME%",)


# ---------------------------------------------------------------- sender facts


def test_sender_facts_from_connections(store):
    run_import(store, ERA_2023)
    by_sender = {s.sender.name: s for s in store.conversation_summaries("all")}
    wren = store.incoming(by_sender["Wren Hale, PhD"].message_id).sender
    assert wren.first_degree and wren.connected_on == date(2021, 3, 5)
    rex = store.incoming(by_sender["Rex Dorn"].message_id).sender
    assert not rex.first_degree and rex.connected_on is None
    member = store.incoming(by_sender["LinkedIn Member"].message_id).sender
    assert not member.first_degree


def test_connections_without_urls_match_by_name(store):
    run_import(store, ERA_2021)  # 2021 Connections.csv has no URL column
    lena = next(s for s in store.conversation_summaries() if s.sender.name == "Lena Vogt")
    facts = store.incoming(lena.message_id).sender
    assert facts.first_degree and facts.connected_on == date(2020, 2, 28)


def test_percent_encoded_and_decoded_urls_are_the_same_person(store, tmp_path):
    export = tmp_path / "export"
    shutil.copytree(ERA_2026, export)
    zoe = Participant("Zoë Brandt", "https://www.linkedin.com/in/Zoë-Brandt/")  # decoded
    write_messages_csv(export / "messages.csv", [chat("c-zoe", zoe, "Hi!", 1)], "2026")
    run_import(store, export, me=JORDAN.profile_url)
    facts = store.incoming(store.conversation_summaries()[0].message_id).sender
    assert facts.first_degree and facts.connected_on == date(2026, 1, 14)


def test_same_named_stranger_with_another_url_is_not_a_connection(store, tmp_path):
    export = tmp_path / "export"
    shutil.copytree(ERA_2023, export)
    impostor = Participant("Ines Okafor-Lindqvist", "https://www.linkedin.com/in/ines-fake")
    write_messages_csv(export / "messages.csv", [chat("c-x", impostor, "Hi!", 1)], "2023")
    run_import(store, export, me=JORDAN.profile_url)
    facts = store.incoming(store.conversation_summaries()[0].message_id).sender
    assert not facts.first_degree


def test_earlier_pitches_follow_the_sender_across_conversations(store):
    rex = Participant("Rex Dorn", "https://www.linkedin.com/in/rex-dorn-crypto")
    pitches = [chat(f"c{n}", rex, f"Guaranteed returns #{n}", n + 1) for n in range(3)]
    import_messages(store, pitches, me=JORDAN.profile_url)
    ids = store.all_incoming_ids("all")  # newest first
    for message_id in ids[1:]:
        store.save_verdict(message_id, verdict(Label.SPAM))
    assert store.incoming(ids[0]).sender.earlier_pitches == 2
    assert store.incoming(ids[1]).sender.earlier_pitches == 1


def test_anonymous_members_are_not_one_person(store):
    member = Participant("LinkedIn Member")
    messages = [chat(f"c{n}", member, f"pitch {n}", n + 1) for n in range(2)]
    import_messages(store, messages, me=JORDAN.profile_url)
    older, newer = reversed(store.all_incoming_ids("all"))
    store.save_verdict(older, verdict(Label.SPAM))
    assert store.incoming(newer).sender.earlier_pitches == 0


def test_thread_marks_the_owners_turns(store):
    run_import(store, ERA_2022)
    ids = store.all_incoming_ids("all")
    research = store.incoming(next(i for i in ids if store.message(i).text == "Friday is fine"))
    assert [(t.sender_name, t.from_owner) for t in research.thread] == [("Ravi Menon", False)]
    assert research.thread[0].sent_at == datetime(2022, 8, 20, 11, 0, tzinfo=UTC)
    assert research.sender.first_degree  # "Jane Doe, Ph.D." by name, 2022 has no URLs
    assert research.sender.connected_on == date(2022, 8, 15)


def test_messages_round_trip_through_the_store(store):
    run_import(store, ERA_2025)
    with open_export(ERA_2025) as export:
        originals = {m.id: m for m in export.iter_messages()}
    for message_id, original in originals.items():
        stored = store.message(message_id)
        assert stored == original
        assert stored.id == message_id


def test_the_bundled_demo_inbox_imports_cleanly_once(store):
    from reply_assistant.demo import import_demo_if_empty

    report = import_demo_if_empty(store)
    assert report.skipped == []
    assert report.owner_source == "Profile.csv" and report.owner.profile_url
    assert 0 < report.awaiting_reply <= report.conversations
    assert import_demo_if_empty(store) is None  # only into an empty store
