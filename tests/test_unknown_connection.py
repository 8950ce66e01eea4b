"""Unknown is not "stranger": with no connections list (a bare messages.csv, a message
typed in by hand) the sender's connection is unknown, and nothing reads it as "not
connected" — not the offline reason, not the LLM's prompt, not the sender facts."""

from __future__ import annotations

import shutil
from pathlib import Path

from export_eras import ERA_2026

from reply_assistant.backends.offline.reasons import build_reason
from reply_assistant.backends.offline.signals import extract_signals
from reply_assistant.importer import import_export
from reply_assistant.models import Incoming, Label, SenderFacts
from reply_assistant.prompts import render_sender
from reply_assistant.sources import open_export
from reply_assistant.store import Store

BIRTHDAY = "Happy birthday! Hope the year ahead treats you well."


def _store_with(tmp_path: Path, *, connections: bool) -> Store:
    export = tmp_path / "export"
    shutil.copytree(ERA_2026, export)
    if not connections:
        (export / "Connections.csv").unlink()
    store = Store.open(tmp_path / "state.db")
    with open_export(export) as opened:
        import_export(store, opened)
    return store


def test_without_a_connections_list_every_sender_is_unknown(tmp_path: Path) -> None:
    with _store_with(tmp_path, connections=False) as store:
        typed = store.add_manual_message("Sam Okafor", BIRTHDAY)
        ids = store.all_incoming_ids("all")
        assert {incoming.sender.first_degree for incoming in store.incomings(ids)} == {None}
        assert store.incoming(typed).sender.first_degree is None


def test_with_a_connections_list_a_stranger_is_known_as_one(tmp_path: Path) -> None:
    with _store_with(tmp_path, connections=True) as store:
        typed = store.add_manual_message("Nobody I Know", BIRTHDAY)
        assert store.incoming(typed).sender.first_degree is False
        assert store.incomings([typed])[0].sender.first_degree is False
        ids = store.all_incoming_ids("all")
        assert True in {incoming.sender.first_degree for incoming in store.incomings(ids)}


def _reason(first_degree: bool | None) -> str:
    item = Incoming(text=BIRTHDAY, sender=SenderFacts(name="Sam", first_degree=first_degree))
    return build_reason(Label.RELATIONSHIP, extract_signals(item))


def test_the_offline_reason_claims_nothing_about_an_unknown_sender() -> None:
    assert "new to you" in _reason(False)
    assert "1st-degree" in _reason(True)
    unknown = _reason(None)
    assert "new to you" not in unknown and "talked to" not in unknown
    assert unknown.startswith("Personal message")


def test_the_llm_is_told_the_connection_is_unknown_not_absent() -> None:
    assert "connection: not a 1st-degree connection" in render_sender(
        SenderFacts(name="Sam", first_degree=False), "Sam"
    )
    unknown = render_sender(SenderFacts(name="Sam"), "Sam")
    assert "connection: unknown" in unknown and "not a 1st-degree" not in unknown
