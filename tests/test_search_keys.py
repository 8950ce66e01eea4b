"""Inbox search reads search keys stored with each conversation (schema._V8): written by
every path that brings text in, renewed when the conversation's text changes, and filled
in for a state file from before them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reply_assistant.demo import import_demo_if_empty
from reply_assistant.importer import import_messages
from reply_assistant.models import Message, Participant
from reply_assistant.store import Store
from reply_assistant.store.schema import MIGRATIONS, migrate
from reply_assistant.store.search_key import search_key

ME = Participant("Jordan Pike", "https://www.linkedin.com/in/jordanpike")
KAROLINE = Participant("Karoline Weiß", "https://www.linkedin.com/in/karoline-weiss")
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def message(text: str, minutes: int, title: str = "", subject: str = "") -> Message:
    return Message(
        conversation_id="c-karoline",
        sender=KAROLINE,
        recipients=(ME,),
        sent_at=START + timedelta(minutes=minutes),
        content_raw=text,
        text=text,
        conversation_title=title,
        subject=subject,
    )


def stale_search_keys(store: Store) -> list[str]:
    """Conversations whose stored keys are not those of their title and newest message."""
    rows = store._db.execute(
        """SELECT c.id, c.title, m.sender_name, m.text, m.subject, c.search_title,
                  c.search_sender, c.search_text, c.search_subject
           FROM conversations c JOIN messages m ON m.id = c.last_message_id"""
    )
    return [
        row["id"]
        for row in rows
        if tuple(map(search_key, (row["title"], row["sender_name"], row["text"], row["subject"])))
        != (row["search_title"], row["search_sender"], row["search_text"], row["search_subject"])
    ]


def found(store: Store, search: str) -> list[str]:
    return [summary.conversation_id for summary in store.conversation_summaries("all", search)]


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "state.db") as opened:
        yield opened


def test_an_import_stores_the_keys(store: Store) -> None:
    import_messages(
        store,
        [message("Grüße aus München", 0, title="Projekt Zürich", subject="Réunion")],
        me=ME.profile_url,
    )
    assert tuple(
        store._db.execute(
            "SELECT search_title, search_sender, search_text, search_subject FROM conversations"
        ).fetchone()
    ) == ("projekt zurich", "karoline weiss", "grusse aus munchen", "reunion")


def test_the_demo_inbox_stores_the_keys(store: Store) -> None:
    import_demo_if_empty(store)
    assert store._db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0] > 0
    assert stale_search_keys(store) == []


def test_a_message_added_by_hand_stores_the_keys(store: Store) -> None:
    store.add_manual_message("Marta Echeverría", "¿Un café?")
    assert stale_search_keys(store) == []
    assert len(found(store, "echeverria")) == 1


def test_a_newer_message_renews_the_keys(store: Store) -> None:
    import_messages(
        store, [message("Grüße aus München", 0, title="Projekt Zürich")], me=ME.profile_url
    )
    assert found(store, "munchen") == found(store, "zurich") == ["c-karoline"]
    import_messages(store, [message("Bis bald in Köln", 5, title="Neues Thema")], me=ME.profile_url)
    assert stale_search_keys(store) == []
    assert found(store, "munchen") == found(store, "zurich") == []
    assert found(store, "koln") == found(store, "neues thema") == ["c-karoline"]


def test_an_older_state_file_gets_the_keys(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, MIGRATIONS[:7])  # before the keys, the eighth
    db.execute(
        """INSERT INTO messages (id, conversation_id, sender_name, sent_at, content_raw, text,
               title, subject, imported_at)
           VALUES ('m1', 'c1', 'Marta Echeverría', '2026-11-20T09:00:00+00:00', 'Grüße',
                   'Grüße', 'Über uns', 'Réunion', '')"""
    )
    db.executemany(
        """INSERT INTO conversations (id, title, last_message_id, last_message_at,
               awaiting_reply)
           VALUES (?, ?, ?, '2026-11-20T09:00:00+00:00', 1)""",
        [("c1", "Über uns", "m1"), ("c-without-its-message", "Ärger", "m-gone")],
    )
    db.close()

    with Store.open(path) as store:
        assert stale_search_keys(store) == []
        for search in ("echeverria", "grusse", "uber uns", "reunion"):
            assert found(store, search) == ["c1"]
        without_its_message = store._db.execute(
            "SELECT search_title, search_text FROM conversations WHERE id = 'c-without-its-message'"
        ).fetchone()
        assert tuple(without_its_message) == ("arger", "")


def test_a_long_text_folds_as_a_short_one() -> None:
    """Folded a slice at a time, marks cut off from their letter by a slice's end too."""
    zalgo = "Z̷̢̛a̶l̵g̴o̸ Weiß "  # 18 characters: slices end in the marks of some copies
    assert search_key(zalgo * 30_000) == "zalgo weiss " * 30_000
