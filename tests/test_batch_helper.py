"""The offline batch shares each chunk with a forked helper process: results are the same as
judging alone, Ctrl-C stops after the chunk in flight, and the helper never outlives the
batch, even one killed with kill -9."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from batch_exports import (
    PITCH,
    WARM,
    Participant,
    mixed_texts,
    person,
    read_csv,
    start_batch,
    write_export,
)

from reply_assistant.assistant import Assistant
from reply_assistant.backends.offline import OfflineBackend
from reply_assistant.batch import runner
from reply_assistant.batch.runner import OFFLINE_CHUNK, BatchOptions
from reply_assistant.config import Profile
from reply_assistant.importer import import_export
from reply_assistant.models import Draft, Label, Provenance, Verdict
from reply_assistant.sources import open_export
from reply_assistant.store import Store
from reply_assistant.store.bulk import BULK_CHECKPOINT_PAGES
from reply_assistant.store.results import prepare_assessment

needs_two_cores = pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2, reason="the helper only starts with a second core"
)
REPEAT_PITCHER = person(777)


def _export_with_a_repeat_pitcher(folder: Path) -> Path:
    """Over two chunks, with one sender pitching in many conversations: whether a pitch
    counts as an earlier one depends on the chunks before it being saved first."""
    count = OFFLINE_CHUNK * 2 + 40
    texts = [PITCH if i % 7 == 0 else text for i, text in enumerate(mixed_texts(count))]
    senders = [REPEAT_PITCHER if i % 7 == 0 else person(i) for i in range(count)]
    return write_export(folder, texts, senders=senders)


def _export_with_pitchers_near_and_far(folder: Path) -> Path:
    """Four chunks in judging order (newest first): one pitcher in chunks 0 and 2, another
    in chunks 2 and 3. Chunks 1 and 2 share no sender with the chunk before them, so the
    helper may judge its part of them while that chunk is saved; chunk 3 must wait."""
    count = OFFLINE_CHUNK * 4
    far, near = person(count + 1), person(count + 2)  # no other message is theirs
    senders = [person(i) for i in range(count)]
    texts = mixed_texts(count)
    for chunk, pitcher in ((0, far), (2, far), (2, near), (3, near)):
        for offset in (10, 200):  # both in the helper's and in this process's part
            position = chunk * OFFLINE_CHUNK + offset + (pitcher is near)
            senders[count - 1 - position] = pitcher  # the newest message is judged first
            texts[count - 1 - position] = PITCH
    return write_export(folder, texts, senders=senders)


def _judged(store: Store, ids: list[str]) -> list[tuple]:
    rows = []
    for message_id in ids:
        verdict = store.verdict(message_id)
        drafts = store.drafts(message_id)
        assert verdict is not None and len(drafts) == 1, message_id
        draft = drafts[0]
        rows.append(
            (verdict.label, verdict.confidence, verdict.reason, verdict.signals, verdict.action)
        )
        rows.append((draft.text, draft.language))
    return rows


async def _run(tmp_path: Path, name: str, export: Path) -> tuple[list[tuple], runner.BatchOutcome]:
    with Store.open(tmp_path / f"{name}.db") as store:
        with open_export(export) as source:
            import_export(store, source)
        ids = store.all_incoming_ids("all")
        assistant = Assistant(OfflineBackend(Profile()))
        outcome = await runner.run_batch(store, assistant, ids, BatchOptions(scope="all"))
        return _judged(store, ids), outcome


@needs_two_cores
async def test_helper_judges_exactly_as_the_main_process_alone(tmp_path, monkeypatch):
    export = _export_with_a_repeat_pitcher(tmp_path / "export")
    monkeypatch.setattr(runner, "HELPER_MIN_MESSAGES", 10**9)
    alone, _ = await _run(tmp_path, "alone", export)

    started = []
    start_helper = runner._start_helper

    def recording_start(store, assistant):
        helper = start_helper(store, assistant)
        started.append(helper)
        return helper

    monkeypatch.setattr(runner, "HELPER_MIN_MESSAGES", 1)
    monkeypatch.setattr(runner, "_start_helper", recording_start)
    shared, outcome = await _run(tmp_path, "shared", export)

    assert started and started[0] is not None, "the helper should have run"
    assert shared == alone
    assert outcome.progress.done == len(outcome.message_ids) and not outcome.failures
    # The repeat pitcher's later pitches saw the earlier chunks' verdicts, in both runs.
    assert any("earlier pitches" in verdict[3] for verdict in shared[::2])


@needs_two_cores
async def test_parts_sent_ahead_judge_as_if_every_chunk_waited_for_the_save(tmp_path, monkeypatch):
    export = _export_with_pitchers_near_and_far(tmp_path / "export")
    monkeypatch.setattr(runner, "HELPER_MIN_MESSAGES", 10**9)
    alone, _ = await _run(tmp_path, "alone", export)

    sent_ahead = []
    send_ahead = runner._SharedJudging.send_ahead

    def recording_send_ahead(shared, ids, next_ids):
        send_ahead(shared, ids, next_ids)
        sent_ahead.append(shared._cut_sent_ahead is not None)

    monkeypatch.setattr(runner, "HELPER_MIN_MESSAGES", 1)
    monkeypatch.setattr(runner._SharedJudging, "send_ahead", recording_send_ahead)
    shared, _ = await _run(tmp_path, "shared", export)

    # The fifth chunk is the answered conversation's one message: too small to share.
    assert sent_ahead == [True, True, False, False]
    assert shared == alone
    earlier = [verdict for verdict in shared[::2] if "earlier pitches" in verdict[3]]
    assert len(earlier) == 4  # the far pitcher's in chunk 2, the near one's in chunk 3


def test_pitch_senders_tie_messages_as_earlier_pitches_does(tmp_path):
    hidden = Participant("LinkedIn Member")
    name_only, same_name_with_url = Participant("Ann  Lee"), Participant("ann lee", "https://x/ann")
    senders = [REPEAT_PITCHER, name_only, same_name_with_url, hidden, person(1)]
    export = write_export(tmp_path / "export", mixed_texts(len(senders)), senders=senders)
    with Store.open(tmp_path / "state.db") as store:
        with open_export(export) as source:
            import_export(store, source)
        by_sender = {store.message(m).sender.name: m for m in store.all_incoming_ids("all")}
        keys = {name: store.pitch_senders([m]) for name, m in by_sender.items()}
    assert keys["Ann  Lee"] == {"name:ann lee"}  # no URL: the name ties messages together
    assert keys["ann lee"] == {"url:https://x/ann"}  # a URL: only the URL does
    assert keys["LinkedIn Member"] == set()  # many people share the anonymous name
    assert keys[REPEAT_PITCHER.name] == {f"url:{REPEAT_PITCHER.profile_url}"}


@needs_two_cores
async def test_a_run_whose_helper_dies_finishes_alone_with_the_same_results(tmp_path, monkeypatch):
    export = _export_with_a_repeat_pitcher(tmp_path / "export")
    monkeypatch.setattr(runner, "HELPER_MIN_MESSAGES", 10**9)
    alone, _ = await _run(tmp_path, "alone", export)

    monkeypatch.setattr(runner, "HELPER_MIN_MESSAGES", 1)
    killed = []

    def kill_the_helper_after_the_first_chunk(progress) -> None:
        if not killed:
            helpers = multiprocessing.active_children()
            assert helpers, "the helper should be running"
            for helper in helpers:
                os.kill(helper.pid, signal.SIGKILL)
                helper.join(10)
            killed.extend(helpers)

    with Store.open(tmp_path / "orphaned.db") as store:
        with open_export(export) as source:
            import_export(store, source)
        ids = store.all_incoming_ids("all")
        outcome = await runner.run_batch(
            store,
            Assistant(OfflineBackend(Profile())),
            ids,
            BatchOptions(scope="all"),
            on_progress=kill_the_helper_after_the_first_chunk,
        )
        assert killed
        assert outcome.progress.done == len(ids) and not outcome.failures
        assert _judged(store, ids) == alone


def test_split_moves_towards_the_process_that_finished_later():
    split = runner._Split()
    assert split.cut(256) == 128
    split.balance(helper_was_first=True)  # the helper waited: give it more
    assert split.cut(256) < 128
    for _ in range(100):
        split.balance(helper_was_first=False)  # this process waited: keep more here
    assert split.cut(256) == 256 - round(256 * 0.125)  # never all on one side
    assert 1 <= split.cut(2) <= 1


def test_prepared_assessment_travels_between_processes_and_saves_as_given(tmp_path):
    export = write_export(tmp_path / "export", [WARM, PITCH])
    verdict = Verdict(
        label=Label.SPAM,
        confidence=0.75,
        reason="Sales pitch.",
        signals=["pitch", "naïve"],
        action="decline",
        provenance=Provenance(backend="offline", model="m", prompt_version="p", latency_ms=1.5),
    )
    draft = Draft(text="Thanks, not now.", language="en", provenance=verdict.provenance)
    with Store.open(tmp_path / "state.db") as store:
        with open_export(export) as source:
            import_export(store, source)
        first, second = store.all_incoming_ids("all")[:2]
        store.save_assessments([(first, verdict, draft, "")])
        sent = pickle.loads(pickle.dumps(prepare_assessment(second, verdict, draft, "")))
        store.save_prepared([sent])
        assert store.verdict(second) == store.verdict(first) == verdict
        assert store.drafts(second) == store.drafts(first) == [draft]


def _verdicts_per_message(db: Path) -> dict[str, int]:
    if not db.exists():
        return {}
    try:
        with contextlib.closing(sqlite3.connect(db)) as connection:
            return dict(
                connection.execute("SELECT message_id, COUNT(*) FROM verdicts GROUP BY message_id")
            )
    except sqlite3.OperationalError:  # no tables yet, or busy creating them
        return {}


def _wait_until_judging(db: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_verdicts_per_message(db)) < OFFLINE_CHUNK:
        time.sleep(0.01)


def _children(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has exited; only its parent has yet to reap it


@needs_two_cores
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads children from /proc")
def test_helper_exits_when_the_batch_is_killed(tmp_path):
    count = OFFLINE_CHUNK * 60
    export = write_export(tmp_path / "export", mixed_texts(count))
    db = Path(os.environ["REPLY_ASSISTANT_DB"])
    process = start_batch(export, tmp_path / "out.csv", "--backend", "offline")
    _wait_until_judging(db)
    helpers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert len(_verdicts_per_message(db)) < count, "kill the run while it is judging"
    assert helpers, "the batch should have started its helper"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(pid) for pid in helpers):
        time.sleep(0.05)
    assert not any(_running(pid) for pid in helpers)


def test_ctrl_c_stops_an_offline_run_after_the_chunk_in_flight(tmp_path):
    count = OFFLINE_CHUNK * 60
    export = write_export(tmp_path / "export", mixed_texts(count))
    out = tmp_path / "out.csv"
    db = Path(os.environ["REPLY_ASSISTANT_DB"])
    process = start_batch(export, out, "--backend", "offline")
    _wait_until_judging(db)
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 130, output
    assert "Interrupted: finished results are saved" in output
    assert "Traceback" not in output
    judged = _verdicts_per_message(db)
    assert 0 < len(judged) < count, "Ctrl-C should stop the run before the end"
    assert len(judged) % OFFLINE_CHUNK == 0  # whole chunks only

    rerun = start_batch(export, out, "--backend", "offline")
    output, _ = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, output
    assert f"{len(judged)} already done" in output
    assert len(read_csv(out)) == count
    assert set(_verdicts_per_message(db).values()) == {1}  # nothing judged twice


def test_bulk_writes_defer_checkpoints_and_restore_the_setting(tmp_path):
    with Store.open(tmp_path / "state.db") as store:

        def autocheckpoint() -> int:
            return store._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]

        before = autocheckpoint()
        with store.bulk_writes():
            assert autocheckpoint() == BULK_CHECKPOINT_PAGES > before
        assert autocheckpoint() == before
        with pytest.raises(RuntimeError), store.bulk_writes():
            raise RuntimeError("a failed import")
        assert autocheckpoint() == before
