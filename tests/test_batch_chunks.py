"""Batch runs a chunk at a time: bulk store reads agree with the one-message reads, a chunk's
results are committed together, and a rerun after a crash redoes only unfinished chunks."""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from batch_exports import mixed_texts, read_csv, run_batch, start_batch, write_export
from export_eras import ERA_2021, ERA_2022, ERA_2023, ERA_2025, ERA_2026

from reply_assistant.backends.offline.backend import OfflineBackend
from reply_assistant.batch.output import result_rows
from reply_assistant.batch.runner import BatchOptions
from reply_assistant.batch.runner import run_batch as run_chunks
from reply_assistant.config import Profile
from reply_assistant.engine import Engine
from reply_assistant.engine.engine import BULK_CHUNK as OFFLINE_CHUNK
from reply_assistant.engine.engine import FIRST_BULK_CHUNK, bulk_chunks
from reply_assistant.importer import import_export, import_messages
from reply_assistant.models import Draft, Label, Message, Participant, Provenance, Verdict
from reply_assistant.sources import open_export
from reply_assistant.store import Store

JORDAN = Participant("Jordan Pike", "https://www.linkedin.com/in/jordanpike")
REX = Participant("Rex Dorn", "https://www.linkedin.com/in/rex-dorn")
MEMBER = Participant("LinkedIn Member")
MADE_BY = Provenance(backend="offline", model="m", prompt_version="offline@test")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "state.db") as opened:
        yield opened


def spam() -> Verdict:
    return Verdict(
        label=Label.SPAM,
        confidence=0.9,
        reason="pitch",
        signals=["pitch"],
        action="decline",
        provenance=MADE_BY,
    )


def chat(conversation: str, sender: Participant, text: str, minute: int) -> Message:
    return Message(
        conversation_id=conversation,
        sender=sender,
        recipients=(JORDAN,) if sender != JORDAN else (REX,),
        sent_at=datetime(2026, 5, 1, tzinfo=UTC) + timedelta(minutes=minute),
        content_raw=text,
        text=text,
    )


@pytest.mark.parametrize("era", [ERA_2021, ERA_2022, ERA_2023, ERA_2025, ERA_2026])
def test_bulk_incomings_equal_one_at_a_time_reads(store, era):
    with open_export(era) as export:
        import_export(store, export)
    ids = store.all_incoming_ids("all")
    assert ids
    assert store.incomings(ids) == [store.incoming(m) for m in ids]


def test_bulk_incomings_keep_thread_limit_ties_and_earlier_pitches(store):
    # 60 turns with two sharing a timestamp; a repeat pitcher; two anonymous members.
    long_thread = [
        chat("c-long", REX if n % 2 else JORDAN, f"turn {n}", n if n != 31 else 30)
        for n in range(60)
    ]
    pitches = [chat(f"c-pitch-{n}", REX, f"pitch {n}", 100 + n) for n in range(3)]
    anonymous = [chat(f"c-anon-{n}", MEMBER, f"hello {n}", 200 + n) for n in range(2)]
    import_messages(store, long_thread + pitches + anonymous, me=JORDAN.profile_url)
    ids = store.all_incoming_ids("all")
    for message_id in ids[1::2]:
        store.save_verdict(message_id, spam())
    bulk = store.incomings(ids)
    assert bulk == [store.incoming(m) for m in ids]
    assert max(len(item.thread) for item in bulk) == 50
    assert any(item.sender.earlier_pitches for item in bulk)
    with pytest.raises(KeyError):
        store.incomings([ids[0], "no-such-message"])


def test_save_assessments_commits_a_chunk_or_nothing(store):
    import_messages(
        store, [chat(f"c{n}", REX, f"pitch {n}", n) for n in range(3)], me=JORDAN.profile_url
    )
    first, second, third = store.all_incoming_ids("all")
    draft = Draft(text="No thanks.", language="en", provenance=MADE_BY)
    store.save_error(first, "classify failed: earlier")
    store.save_assessments([(first, spam(), draft, ""), (second, None, None, "draft failed: x")])
    assert store.verdict(first) is not None and store.drafts(first) == [draft]
    assert store.error(first) is None  # a success clears the earlier error
    assert store.error(second) == "draft failed: x"
    # An unknown message fails the foreign key mid-chunk: the chunk's other rows go too.
    with pytest.raises(sqlite3.IntegrityError):
        store.save_assessments([(third, spam(), draft, ""), ("no-such-message", spam(), None, "")])
    assert store.verdict(third) is None and store.drafts(third) == []


def test_result_rows_show_relabels_edits_and_errors(store):
    import_messages(
        store, [chat(f"c{n}", REX, f"pitch {n}", n) for n in range(3)], me=JORDAN.profile_url
    )
    relabelled, edited, failed = store.all_incoming_ids("all")
    draft = Draft(text="No thanks.", language="en", provenance=MADE_BY)
    store.save_assessments(
        [(relabelled, spam(), draft, ""), (edited, spam(), draft, ""), (failed, None, None, "boom")]
    )
    store.record_decision(relabelled, "relabel", label="relationship")
    store.save_edit(edited, "Thanks, not now.")
    rows = {row.message_id: row for row in result_rows(store, [relabelled, edited, failed])}
    assert rows[relabelled].label == "relationship" and rows[relabelled].backend == "user"
    assert rows[edited].draft == "Thanks, not now." and rows[edited].signals == "pitch"
    assert rows[failed].label == "" and rows[failed].error == "boom"
    assert rows[failed].confidence is None and rows[failed].latency_ms is None


def _verdicts_per_message(db: Path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return dict(
            connection.execute("SELECT message_id, COUNT(*) FROM verdicts GROUP BY message_id")
        )


def _judged_so_far(db: Path) -> dict[str, int]:
    """Like _verdicts_per_message, for a database a running batch may not have set up yet."""
    if not db.exists():  # connecting would create it
        return {}
    try:
        return _verdicts_per_message(db)
    except sqlite3.OperationalError:  # no tables yet, or busy creating them
        return {}


async def test_rerun_after_a_crash_between_chunks_does_only_what_is_left(store, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(OFFLINE_CHUNK * 2 + 10))
    with open_export(export) as source:
        import_export(store, source)
    ids = store.all_incoming_ids("awaiting")
    backend = OfflineBackend(Profile())

    class Crash(Exception):
        pass

    def crash_after_first_chunk(progress) -> None:
        raise Crash  # as a kill right after the first chunk committed

    with pytest.raises(Crash):
        await run_chunks(Engine(store, backend), ids, BatchOptions(), crash_after_first_chunk)
    assert len(_verdicts_per_message(store.path)) == FIRST_BULK_CHUNK

    outcome = await run_chunks(Engine(store, backend), ids, BatchOptions())
    assert outcome.already_done == FIRST_BULK_CHUNK
    assert outcome.progress.done == len(ids) - FIRST_BULK_CHUNK
    per_message = _verdicts_per_message(store.path)
    assert set(per_message) == set(ids) and set(per_message.values()) == {1}


def test_kill_9_mid_run_loses_at_most_the_chunk_in_flight(tmp_path):
    count = OFFLINE_CHUNK * 6
    export = write_export(tmp_path / "export", mixed_texts(count))
    out = tmp_path / "out.csv"
    db = Path(os.environ["REPLY_ASSISTANT_DB"])
    process = start_batch(export, out, "--backend", "offline")
    deadline = time.monotonic() + 60
    judged: dict[str, int] = {}
    while time.monotonic() < deadline and len(judged) < OFFLINE_CHUNK:
        time.sleep(0.02)
        judged = _judged_so_far(db)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    judged = _verdicts_per_message(db)
    assert 0 < len(judged) < count, "kill the run while it is judging"
    chunk_ends = itertools.accumulate(map(len, bulk_chunks([str(n) for n in range(count)])))
    assert len(judged) in set(chunk_ends)  # whole chunks only

    code, output = run_batch(str(export), "-o", str(out), "--backend", "offline")
    assert code == 0, output
    assert f"{len(judged)} already done" in output
    rows = read_csv(out)
    assert len(rows) == count and all(row["label"] and row["draft"] for row in rows)
    assert set(_verdicts_per_message(db).values()) == {1}  # nothing judged twice


def test_the_first_chunk_is_small_and_the_rest_are_whole() -> None:
    ids = [str(n) for n in range(FIRST_BULK_CHUNK + 2 * OFFLINE_CHUNK + 3)]
    chunks = bulk_chunks(ids)
    assert [len(chunk) for chunk in chunks] == [FIRST_BULK_CHUNK, OFFLINE_CHUNK, OFFLINE_CHUNK, 3]
    assert [n for chunk in chunks for n in chunk] == ids
    assert bulk_chunks([]) == [] and bulk_chunks(ids[:3]) == [ids[:3]]
