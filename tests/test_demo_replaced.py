"""The bundled demo inbox fills an empty store and is removed by the first real import, by
every way of importing (CLI `import`, `batch EXPORT`, the UI's palette), never touching the
person's own messages or their work on them."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from batch_exports import mixed_texts, write_export
from click.testing import CliRunner
from export_eras import ERA_2023, ERA_2025
from snapshot_apps.build import build_app, settle

from reply_assistant.cli import cli
from reply_assistant.demo import DEMO_INBOX, import_demo_if_empty
from reply_assistant.importer import import_export
from reply_assistant.models import Action, Draft, Label, Provenance, Verdict
from reply_assistant.sources import open_export
from reply_assistant.store import Store
from reply_assistant.tui import commands

# Awaiting a reply in tests/fixtures/linkedin-export's 2023 export, newest first.
# The 2023 export's inbox folder (Rex Dorn's is in SPAM, Wren Hale's in ARCHIVE).
REAL_2023_SENDERS = ["LinkedIn Member", "Casey Morgan"]
PROVENANCE = Provenance(backend="offline", model="m", prompt_version="p")


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def inbox_senders(db: Path) -> list[str]:
    result = run(db, "inbox", "--json")
    assert result.exit_code == 0, result.output
    return [row["sender"]["name"] for row in json.loads(result.stdout)]


def demo_message_ids() -> set[str]:
    with open_export(DEMO_INBOX) as export:
        return {message.id for message in export.iter_messages()}


def demo_connection_names() -> set[str]:
    with open_export(DEMO_INBOX) as export:
        return {connection.name for connection in export.connections()}


def work_on(store: Store, message_id: str) -> None:
    """Everything a person and the assistant leave on a message."""
    verdict = Verdict(
        label=Label.SPAM,
        confidence=0.9,
        reason="test",
        signals=[],
        action=Action.DECLINE,
        provenance=PROVENANCE,
    )
    store.save_verdict(message_id, verdict)
    store.save_draft(message_id, Draft(text="No thanks.", language="en", provenance=PROVENANCE))
    store.save_edit(message_id, "No thanks, really.")
    store.save_error(message_id, "rate limited")
    store.record_decision(message_id, "relabel", label="relationship")
    store.record_decision(message_id, "accept")


def rows(db: Path, sql: str) -> list[tuple]:
    """What the state file holds, read as any SQLite reader would (WAL: safe beside a Store)."""
    with closing(sqlite3.connect(db)) as reader:
        return [tuple(row) for row in reader.execute(sql)]


def test_import_replaces_the_demo_and_it_never_comes_back(tmp_path: Path):
    db = tmp_path / "state.db"
    demo_senders = inbox_senders(db)  # an empty store shows the demo
    assert len(demo_senders) > 20
    with Store.open(db) as store:
        demo_ids = demo_message_ids()
        assert {row[0] for row in rows(db, "SELECT id FROM messages")} == demo_ids
        for summary in store.conversation_summaries("all")[:3]:
            work_on(store, summary.message_id)

    result = run(db, "import", str(ERA_2023))

    assert result.exit_code == 0, result.output
    assert f"Demo inbox: removed ({len(demo_ids)} messages)" in result.output
    assert "Messages: 7 read, 7 new" in result.output
    assert rows(db, "SELECT COUNT(*), MIN(source) FROM messages") == [(7, "export")]
    assert rows(db, "SELECT COUNT(*) FROM conversations") == [(5,)]
    for table in ("verdicts", "drafts", "edits", "errors", "decisions"):
        assert rows(db, f"SELECT COUNT(*) FROM {table}") == [(0,)], table
    assert inbox_senders(db) == REAL_2023_SENDERS  # (judges them: verdicts from here on)
    connection_names = {name for (name,) in rows(db, "SELECT name FROM connections")}
    assert connection_names.isdisjoint(demo_connection_names())
    assert "Wren Hale, PhD" in connection_names  # the export's own connections

    again = run(db, "import", str(ERA_2023))
    assert again.exit_code == 0 and "Demo inbox" not in again.output
    assert "Messages: 7 read, 0 new" in again.output
    opened = run(db)  # the default command, which loads the demo into an empty store
    assert opened.exit_code == 0 and "demo" not in opened.output
    assert inbox_senders(db) == REAL_2023_SENDERS


def test_a_store_with_real_messages_never_gets_the_demo(tmp_path: Path):
    db = tmp_path / "state.db"
    assert run(db, "import", str(ERA_2025)).exit_code == 0
    before = inbox_senders(db)
    result = run(db)
    assert result.exit_code == 0, result.output
    assert "demo" not in result.output
    assert inbox_senders(db) == before
    assert rows(db, "SELECT COUNT(*) FROM messages WHERE source = 'demo'") == [(0,)]


def test_work_on_real_and_hand_added_messages_survives_the_demo_removal(tmp_path: Path):
    db = tmp_path / "state.db"
    with Store.open(db) as store:
        import_demo_if_empty(store)
        # Typed in by hand while the demo was shown: the person's own message.
        manual_id = store.add_manual_message("Ana Silva", "Lunch next week?")
        work_on(store, manual_id)
        with open_export(ERA_2025) as export:
            report = import_export(store, export)
        assert report.demo_removed == len(demo_message_ids())
        real_id = next(
            s.message_id for s in store.conversation_summaries("all") if s.message_id != manual_id
        )
        work_on(store, real_id)
        with open_export(ERA_2023) as export:  # a second real export
            assert import_export(store, export).demo_removed == 0
        for message_id in (manual_id, real_id):
            assert store.edited_text(message_id) == "No thanks, really."
            assert store.status(message_id) == "done"
            assert len(store.drafts(message_id)) == 1
        assert store.message(manual_id).text == "Lunch next week?"
        assert not store.has_messages_from("demo")


def test_an_export_without_messages_keeps_the_demo(tmp_path: Path):
    empty = tmp_path / "messages.csv"
    empty.write_text((ERA_2023 / "messages.csv").read_text().splitlines()[0] + "\n")
    with Store.open(tmp_path / "state.db") as store:
        shown = import_demo_if_empty(store)
        with open_export(empty) as export:
            report = import_export(store, export)
        assert report.demo_removed == 0 and report.messages_read == 0
        assert store.message_count() == shown.messages_new
        assert store.owner() is not None  # the demo's owner stays with the demo


def test_batch_export_replaces_the_demo(tmp_path: Path):
    db = tmp_path / "state.db"
    inbox_senders(db)  # loads the demo
    export = write_export(tmp_path / "export", mixed_texts(3))
    result = run(db, "batch", str(export), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.output
    assert "Demo inbox: removed" in result.output
    assert rows(db, "SELECT COUNT(*) FROM messages WHERE source = 'demo'") == [(0,)]
    assert rows(db, "SELECT COUNT(*) FROM messages") == [(5,)]  # 3 + an answered thread
    assert len(inbox_senders(db)) == 3


async def test_palette_import_replaces_the_demo_while_it_is_being_classified(tmp_path: Path):
    db = tmp_path / "state.db"
    with Store.open(db) as store:
        import_demo_if_empty(store)
    app, _ = build_app(db, seed=False)
    async with app.run_test(size=(100, 30)) as pilot:
        # No settle first: the demo's launch classification may still be running.
        commands.import_export_into(app, write_export(tmp_path / "export", mixed_texts(4)))
        await settle(pilot)
        assert app.inbox.row_count == 4
        assert not app.store.has_messages_from("demo")
        assert all(row.label for row in app.inbox.rows_by_id.values())
    app.store.close()
