"""The SQLite store: file safety, schema versions, and everything a person's work leaves."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.importer import import_messages
from reply_assistant.models import (
    Connection,
    Draft,
    Label,
    Message,
    Participant,
    Provenance,
    Verdict,
)
from reply_assistant.store import Store, StoreError
from reply_assistant.store.schema import MIGRATIONS, connect, migrate

ME = Participant("Jordan Pike", "https://www.linkedin.com/in/jordanpike")
ANA = Participant("Ana Silva", "https://www.linkedin.com/in/ana-silva")
BEN = Participant("Ben Ode", "https://www.linkedin.com/in/ben-ode")
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
PROVENANCE = Provenance(backend="offline", model="offline", prompt_version="offline@test")


def message(conversation: str, sender: Participant, text: str, minutes: int, **extra) -> Message:
    recipient = ME if sender != ME else ANA
    return Message(
        conversation_id=conversation,
        sender=sender,
        recipients=(recipient,),
        sent_at=START + timedelta(minutes=minutes),
        content_raw=text,
        text=text,
        **extra,
    )


def verdict(label: Label, confidence: float = 0.8) -> Verdict:
    return Verdict(
        label=label,
        confidence=confidence,
        reason="test",
        signals=["pitch"],
        action="decline" if label == Label.SPAM else "reply",
        provenance=PROVENANCE,
    )


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "state" / "state.db") as opened:
        import_messages(
            opened,
            [
                message("c-ana", ANA, "Coffee next week?", 0),
                message("c-ana", ME, "Sure, Tuesday.", 5),
                message("c-ana", ANA, "Great, see you Tuesday", 10),
                message("c-ben", BEN, "Book a demo of our tool", 20),
                message("c-ben", BEN, "Following up on the demo", 30),
                message("c-done", ANA, "Thanks!", 40),
                message("c-done", ME, "Anytime.", 45),
            ],
            connections=[Connection("Ana", "Silva", ANA.profile_url, connected_on=None)],
            me=ME.profile_url,
        )
        yield opened


def newest(store: Store, conversation: str) -> str:
    return store.conversation_messages(conversation)[-1].id


# ---------------------------------------------------------------- the file


def test_new_file_and_directory_are_private(tmp_path):
    path = tmp_path / "fresh" / "nested" / "state.db"
    Store.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_wal_foreign_keys_and_busy_timeout_are_on(tmp_path):
    # `connect` is how Store.open opens the file; these settings belong to the connection.
    with closing(connect(tmp_path / "s.db")) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_schema_version_is_set_and_reopening_changes_nothing(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        message_id = store.add_manual_message("Ana Silva", "hello")
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    with Store.open(path) as store:
        assert store.message(message_id).text == "hello"
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_an_older_file_is_migrated_forward_once(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        message_id = store.add_manual_message("Ana Silva", "kept across migrations")
    v2 = "ALTER TABLE messages ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;"
    db = sqlite3.connect(path, isolation_level=None)
    assert migrate(db, (*MIGRATIONS, v2)) == len(MIGRATIONS) + 1
    assert migrate(db, (*MIGRATIONS, v2)) == len(MIGRATIONS) + 1  # applied once only
    starred = db.execute("SELECT starred FROM messages WHERE id = ?", (message_id,)).fetchone()
    assert starred == (0,)
    db.close()


def test_a_failing_migration_leaves_the_old_version(tmp_path):
    path = tmp_path / "s.db"
    Store.open(path).close()
    db = sqlite3.connect(path, isolation_level=None)
    broken = "CREATE TABLE extra (x INTEGER);\nALTER TABLE no_such_table ADD COLUMN y;"
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, (*MIGRATIONS, broken))
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None
    db.close()


def test_a_file_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "s.db"
    Store.open(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not sqlite at all, just text" * 100)
    with pytest.raises(StoreError, match="not a Reply Assistant state file"):
        Store.open(path)


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE foo (x)")
        raw.execute("INSERT INTO foo VALUES (1)")
        raw.commit()
    path.chmod(0o644)
    before = (path.read_bytes(), stat.S_IMODE(path.stat().st_mode))
    with pytest.raises(StoreError, match="not a Reply Assistant state file"):
        Store.open(path)
    assert (path.read_bytes(), stat.S_IMODE(path.stat().st_mode)) == before
    result = CliRunner().invoke(cli, ["--db", str(path), "inbox"])
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert "another program's SQLite database" in result.output
    assert (path.read_bytes(), stat.S_IMODE(path.stat().st_mode)) == before


def test_an_empty_file_is_a_new_state_file(tmp_path):
    path = tmp_path / "s.db"
    path.touch()
    with Store.open(path) as store:
        assert store.all_incoming_ids("all") == []
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_two_stores_on_one_file_see_each_others_writes(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path) as ui, Store.open(path) as batch:
        message_id = ui.add_manual_message("Ana Silva", "hi")
        batch.save_verdict(message_id, verdict(Label.RELATIONSHIP))
        assert ui.verdict(message_id).label == Label.RELATIONSHIP


# ---------------------------------------------------------------- verdicts, drafts, edits


def test_newest_verdict_wins_and_clears_the_error(store):
    message_id = newest(store, "c-ben")
    store.save_error(message_id, "timeout")
    assert store.error(message_id) == "timeout"
    store.save_verdict(message_id, verdict(Label.UNCLEAR))
    store.save_verdict(message_id, verdict(Label.SPAM, 0.9))
    found = store.verdict(message_id)
    assert found.label == Label.SPAM and found.confidence == 0.9
    assert found.provenance == PROVENANCE
    assert store.error(message_id) is None


def test_a_relabel_beats_later_assistant_verdicts_until_undone(store):
    message_id = newest(store, "c-ben")
    store.save_verdict(message_id, verdict(Label.SPAM))
    store.record_decision(message_id, "relabel", label="relationship")
    store.save_verdict(message_id, verdict(Label.SPAM, 0.99))  # a batch re-run
    assert store.verdict(message_id).label == Label.RELATIONSHIP
    assert store.verdict(message_id).provenance.backend == "user"
    undone = store.undo_last_decision()
    assert undone.kind == "relabel" and undone.undone
    assert store.verdict(message_id).label == Label.SPAM


def test_relabel_needs_a_known_label(store):
    with pytest.raises(ValueError):
        store.record_decision(newest(store, "c-ben"), "relabel", label="maybe")
    with pytest.raises(ValueError):
        store.record_decision(newest(store, "c-ben"), "archive")


def test_drafts_keep_their_history_and_edits_are_saved_as_typed(store):
    message_id = newest(store, "c-ana")
    first = store.save_draft(
        message_id, Draft(text="Hi Ana!", language="en", provenance=PROVENANCE)
    )
    second = store.save_draft(
        message_id, Draft(text="Hej Ana!", language="sv", provenance=PROVENANCE)
    )
    assert second > first
    assert [d.text for d in store.drafts(message_id)] == ["Hi Ana!", "Hej Ana!"]
    assert store.edited_text(message_id) is None
    store.save_edit(message_id, "Hi Ana,\n  see you Tuesday ")
    store.save_edit(message_id, "Hi Ana,\n  see you Tuesday! ")
    assert store.edited_text(message_id) == "Hi Ana,\n  see you Tuesday! "


def test_clearing_an_edit_leaves_the_drafts(store):
    message_id = newest(store, "c-ana")
    store.save_draft(message_id, Draft(text="Hi Ana!", language="en", provenance=PROVENANCE))
    store.save_edit(message_id, "Hi Ana, see you Tuesday")
    store.clear_edit(message_id)
    assert store.edited_text(message_id) is None
    assert [d.text for d in store.drafts(message_id)] == ["Hi Ana!"]
    store.clear_edit(message_id)  # nothing to clear is fine
    store.save_edit(message_id, "again")
    assert store.edited_text(message_id) == "again"


def test_results_for_unknown_messages_are_rejected(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.save_verdict("no-such-message", verdict(Label.SPAM))


# ---------------------------------------------------------------- decisions


def test_status_follows_decisions_and_undo(store):
    message_id = newest(store, "c-ana")
    assert store.status(message_id) == "open"
    store.record_decision(message_id, "accept")
    assert store.status(message_id) == "done"
    store.record_decision(message_id, "relabel", label="spam")  # does not reopen
    assert store.status(message_id) == "done"
    store.record_decision(message_id, "reopen")
    assert store.status(message_id) == "open"
    store.record_decision(message_id, "skip")
    assert store.status(message_id) == "skipped"
    assert store.undo_last_decision().kind == "skip"
    assert store.status(message_id) == "open"
    assert store.undo_last_decision().kind == "reopen"
    assert store.status(message_id) == "done"
    assert [d.undone for d in store.decisions(message_id)] == [False, False, True, True]


def test_copy_is_recorded_but_leaves_the_conversation_open(store):
    message_id = newest(store, "c-ana")
    store.record_decision(message_id, "copy")
    assert store.status(message_id) == "open"
    assert [d.kind for d in store.decisions(message_id)] == ["copy"]


def test_undo_with_nothing_to_undo(store):
    assert store.undo_last_decision() is None


def test_corrections_hold_relabels_and_accepted_verdicts(store):
    ana, ben = newest(store, "c-ana"), newest(store, "c-ben")
    store.save_verdict(ana, verdict(Label.RELATIONSHIP))
    store.record_decision(ana, "accept")
    store.save_verdict(ben, verdict(Label.UNCLEAR))
    store.record_decision(ben, "relabel", label="spam")
    pending = store.conversation_messages("c-ben")[0].id
    store.save_verdict(pending, verdict(Label.SPAM))  # judged but never confirmed
    corrections = {c.message_id: c for c in store.corrections()}
    assert set(corrections) == {ana, ben}
    assert corrections[ana].label == "relationship" and corrections[ana].kind == "accept"
    assert corrections[ben].label == "spam" and corrections[ben].kind == "relabel"
    assert corrections[ben].sender == "Ben Ode"
    assert corrections[ben].text == "Following up on the demo"


# ---------------------------------------------------------------- inbox queries


def test_summaries_list_conversations_awaiting_a_reply_newest_first(store):
    summaries = store.conversation_summaries("needs_reply")
    assert [s.conversation_id for s in summaries] == ["c-ben", "c-ana"]
    ben, ana = summaries
    assert ben.preview == "Following up on the demo"
    assert ben.message_id == newest(store, "c-ben")
    assert (ana.first_degree, ben.first_degree) == (True, False)
    assert ben.label is None and ben.status == "open"


def test_summary_filters(store):
    ana, ben = newest(store, "c-ana"), newest(store, "c-ben")
    store.save_verdict(ben, verdict(Label.SPAM, 0.9))

    def ids(filter_name: str) -> list[str]:
        return [s.conversation_id for s in store.conversation_summaries(filter_name)]

    assert ids("spam") == ["c-ben"]
    assert ids("pending") == ["c-ana"]
    assert ids("relationship") == []
    store.record_decision(ben, "accept")
    assert ids("needs_reply") == ["c-ana"]
    assert ids("spam") == []
    assert ids("done") == ["c-ben"]
    assert ids("all") == ["c-ben", "c-ana"]
    store.record_decision(ana, "skip")
    assert ids("done") == ["c-ben", "c-ana"]
    assert store.conversation_summaries("done")[1].status == "skipped"
    with pytest.raises(ValueError):
        store.conversation_summaries("starred")


def test_search_matches_sender_and_text_literally(store):
    assert [s.conversation_id for s in store.conversation_summaries("all", "ben o")] == ["c-ben"]
    assert [s.conversation_id for s in store.conversation_summaries("all", "TUESDAY")] == ["c-ana"]
    assert store.conversation_summaries("all", "%") == []  # not a wildcard


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("echeverria", "c-marta"),  # the accent left out
        ("ECHEVERRÍA", "c-marta"),
        ("weiss", "c-karoline"),  # ß as ss
        ("WEISS", "c-karoline"),
        ("Weiß", "c-karoline"),
        ("munchen", "c-karoline"),  # in the text too
        ("zalgo", "c-zalgo"),  # under a stack of combining marks
    ],
)
def test_search_ignores_case_and_accents(tmp_path, typed: str, found: str) -> None:
    with Store.open(tmp_path / "state.db") as store:
        import_messages(
            store,
            [
                message("c-marta", Participant("Marta Echeverría"), "¡Qué bien!", 0),
                message("c-karoline", Participant("Karoline Weiß"), "Grüße aus München", 1),
                message("c-zalgo", Participant("Z̷̢̛a̶l̵g̴o̸"), "hi", 2),
            ],
            me=ME.profile_url,
        )
        assert [s.conversation_id for s in store.conversation_summaries("all", typed)] == [found]


def test_incoming_has_thread_and_sender_facts(store):
    item = store.incoming(newest(store, "c-ana"))
    assert item.text == "Great, see you Tuesday"
    assert [(t.text, t.from_owner) for t in item.thread] == [
        ("Coffee next week?", False),
        ("Sure, Tuesday.", True),
    ]
    assert item.sender.first_degree and item.sender.name == "Ana Silva"
    assert item.conversation_id == "c-ana"


def test_earlier_pitches_count_the_senders_other_spam(store):
    first, second = (m.id for m in store.conversation_messages("c-ben"))
    assert store.incoming(second).sender.earlier_pitches == 0
    store.save_verdict(first, verdict(Label.SPAM))
    store.save_verdict(second, verdict(Label.SPAM))
    assert store.incoming(second).sender.earlier_pitches == 1  # not counting itself
    store.record_decision(first, "relabel", label="relationship")
    assert store.incoming(second).sender.earlier_pitches == 0


def test_pending_incoming_scopes(store):
    awaiting = store.all_incoming_ids("awaiting")
    assert awaiting == [newest(store, "c-ben"), newest(store, "c-ana")]
    everything = store.all_incoming_ids("all")
    assert len(everything) == 5  # every message not sent by the owner
    assert store.all_incoming_ids("all", limit=2) == everything[:2]
    since = START + timedelta(minutes=25)
    assert store.all_incoming_ids("all", since=since) == everything[:2]
    assert [i.message_id for i in store.pending_incoming("awaiting", limit=1)] == awaiting[:1]
    with pytest.raises(ValueError):
        store.all_incoming_ids("some")


def test_manual_message_starts_a_conversation_awaiting_a_reply(store):
    message_id = store.add_manual_message("Cy Dunn", "Can we talk about the role?")
    summary = store.conversation_summaries("needs_reply")[0]
    assert summary.message_id == message_id
    assert summary.sender.name == "Cy Dunn"
    assert store.incoming(message_id).text == "Can we talk about the role?"
    assert store.message(message_id).recipients == (ME,)


def test_response_cache_get_put(store):
    cache = store.response_cache
    assert cache.get("k") is None
    cache.put("k", '{"label": "spam"}')
    cache.put("k", '{"label": "unclear"}')
    assert cache.get("k") == '{"label": "unclear"}'
