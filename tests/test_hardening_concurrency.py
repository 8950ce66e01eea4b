"""The UI and a batch run on the same state file at once: WAL and busy timeouts mean no
'database is locked' reaches the person and no decision is lost."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

from batch_exports import OWNER, PITCH, VAGUE, WARM, start_batch, write_export
from snapshot_apps.build import build_app, settle
from snapshot_apps.seed import seed_store

from reply_assistant.store import Store

BATCH_MESSAGES = 1500
# Three texts over and over: every message is still judged, drafted and written, but the
# batch embeds three texts, not 1,500 (writes race here, not the encoder).
BATCH_TEXTS = [(PITCH, WARM, VAGUE)[i % 3] for i in range(BATCH_MESSAGES)]


async def test_ui_decisions_while_a_batch_writes_the_same_store(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    # The seeded inbox made the batch export's owner's: import refuses another person's
    # export, and a batch has no --replace.
    with Store.open(seed_store(db)) as seeded:
        seeded.set_owner(OWNER)
        seeded.refresh_conversations((), everywhere=True)
    app, _ = build_app(db, classify_on_start=True)
    export = write_export(tmp_path / "export", BATCH_TEXTS)
    relabels = skips = undos = rounds_during_batch = 0
    async with app.run_test(size=(100, 30)) as pilot:
        # The launch judging starts after the first paint, so a pause comes before the wait
        # for workers: a 1 on a conversation still being judged is refused, one relabel short.
        await settle(pilot)
        batch = start_batch(export, tmp_path / "out.csv", "--backend", "offline", db=db)
        output: list[str] = []
        reader = threading.Thread(target=lambda: output.append(batch.stdout.read()))
        reader.start()
        # Until the batch ends: once it has, a round no longer counts, so waiting for 3 rounds
        # would never end; too few rounds fail the assertion below instead.
        while batch.poll() is None:
            running = batch.poll() is None
            await pilot.press("1")  # relabel spam: a write, and a redraft in a worker
            await app.workers.wait_for_complete()
            await pilot.press("s")  # skip: another write
            await pilot.press("u")  # undo the skip: a write that reads first
            # An undo may start a draft, and a relabel waits for none (it is refused).
            await app.workers.wait_for_complete()
            await pilot.pause()
            relabels, skips, undos = relabels + 1, skips + 1, undos + 1
            rounds_during_batch += running
            await asyncio.sleep(0.01)
        reader.join(timeout=30)
        errors = [n.message for n in app._notifications if n.severity == "error"]
    app.store.close()

    assert batch.returncode == 0, output
    assert "locked" not in output[0] and "Traceback" not in output[0]
    assert errors == []
    assert rounds_during_batch >= 3  # the UI really wrote while the batch was running
    with Store.open(db) as store:
        judged = [m for m in store.all_incoming_ids("awaiting") if store.verdict(m)]
    assert len(judged) >= BATCH_MESSAGES  # the batch's messages (and the seeded ones)
    connection = sqlite3.connect(db)
    try:
        kinds = dict(
            connection.execute("SELECT kind, count(*) FROM decisions GROUP BY kind").fetchall()
        )
        undone = connection.execute("SELECT count(*) FROM decisions WHERE undone = 1").fetchone()
        user_verdicts = connection.execute(
            "SELECT count(*) FROM verdicts WHERE source = 'user'"
        ).fetchone()
        journal = connection.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        connection.close()
    assert kinds == {"relabel": relabels, "skip": skips}  # every decision is there
    assert undone[0] == undos
    assert user_verdicts[0] == relabels
    assert journal == "wal"
