"""The hardening cases, shared by tests/test_hardening_*.py and tools/reliability_report.py.

Each fault case is one scripted server behaviour. `run_fault_case(case, path)` runs it
through batch mode (`run_batch` over a store, the engine of `reply-assistant batch`) or
through the UI's worker path (the Textual app classifying its inbox in workers), always
against the fake LLM server over real HTTP with the real `openai` client, and returns what
happened: requests made, messages judged, failed and lost, and the errors recorded.
"""

from __future__ import annotations

import asyncio
import csv
import os
import random
import signal
import socket
import sqlite3
import subprocess
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from batch_exports import batch_command, mixed_texts, write_export

from reply_assistant.backends.llm import LLMBackend
from reply_assistant.backends.openai_client import ChatClient
from reply_assistant.batch.runner import BatchOptions, run_batch
from reply_assistant.config import Profile, Settings
from reply_assistant.engine import Assistant, Engine
from reply_assistant.importer import import_export
from reply_assistant.models import Assessment, Incoming
from reply_assistant.prompts import PromptSet
from reply_assistant.sources import open_export
from reply_assistant.store import Store
from reply_assistant.testing.fake_llm_server import FakeLLMServer

# Client settings for every fault case: small enough to keep the suite fast, with waits
# recorded rather than slept so Retry-After can be checked exactly.
MAX_ATTEMPTS = 3
# The client's timeout where a case makes the server hang: short, so those cases are quick,
# and long enough that a busy event loop (the UI's first paint) rarely fires it by accident.
HANG_TIMEOUT_S = 0.75
# Every other case's: one no loaded machine reaches (at 0.75 s, with the fake server's
# thread sharing the GIL with the UI, four busy processes on two cores made a plain answer
# time out and be sent again: "8 requests; want 7").
TIMEOUT_S = 10.0
MAX_RETRY_WAIT_S = 5.0
HANG_S = 1.0  # how long the fake holds a "hang" before dropping the connection
MESSAGES_PER_CASE = 3  # the first takes the scripted faults; the others must still finish
PATHS = ("batch", "ui")


@dataclass(frozen=True)
class FaultCase:
    name: str
    description: str
    faults: tuple[str, ...]  # scripted, one per chat request, in the order requests arrive
    ok: bool  # whether the faulted message ends with a verdict and a draft
    requests: int  # chat requests for the faulted message (classify + draft)
    error_kind: str = ""  # words the recorded error must contain when `ok` is False
    waits: tuple[float, ...] | None = None  # exact Retry-After waits, when the server sends them
    server: dict = field(default_factory=dict)  # FakeLLMServer switches
    timeout_s: float = TIMEOUT_S  # the client's
    refused: bool = False  # nothing listens at the endpoint

    @property
    def faults_injected(self) -> int:
        return len(self.faults) if not self.refused else self.requests


def _n(fault: str, count: int) -> tuple[str, ...]:
    return (fault,) * count


FAULT_CASES: tuple[FaultCase, ...] = (
    FaultCase(
        "429_storm_retry_after",
        "two 429s with Retry-After: 2, then success",
        _n("429:retry-after=2", 2),
        ok=True,
        requests=3 + 1,
        waits=(2.0, 2.0),
    ),
    FaultCase(
        "429_retry_after_capped",
        "a 429 asking for 600 s waits only max_retry_wait_s",
        ("429:retry-after=600",),
        ok=True,
        requests=2 + 1,
        waits=(MAX_RETRY_WAIT_S,),
    ),
    FaultCase(
        "429_storm_no_retry_after",
        "two 429s without Retry-After (backoff), then success",
        _n("429", 2),
        ok=True,
        requests=3 + 1,
    ),
    FaultCase(
        "429_storm_exhausted",
        "429s beyond max_attempts: a recorded rate-limit error",
        _n("429", MAX_ATTEMPTS),
        ok=False,
        requests=MAX_ATTEMPTS,
        error_kind=f"rate limiting requests (429); gave up after {MAX_ATTEMPTS} attempts",
    ),
    FaultCase(
        "5xx_intermittent",
        "500 on classify, 502 and 503 on the draft",
        ("500", "ok", "502", "503"),
        ok=True,
        requests=2 + 3,
    ),
    FaultCase(
        "5xx_exhausted",
        "500/502/503 until retries run out",
        ("502", "503", "500"),
        ok=False,
        requests=MAX_ATTEMPTS,
        error_kind=f"answered with status 500; gave up after {MAX_ATTEMPTS} attempts",
    ),
    FaultCase(
        "hang_once",
        "the server hangs once (client timeout), then answers",
        ("hang",),
        ok=True,
        requests=2 + 1,
        server={"hang_s": HANG_S},
        timeout_s=HANG_TIMEOUT_S,
    ),
    FaultCase(
        "hang_always",
        "the server hangs on every attempt",
        # The same request is as slow again: one retry, whatever max_attempts says.
        _n("hang", 2),
        ok=False,
        requests=2,
        error_kind=f"no answer from http://127.0.0.1:PORT/v1 within {HANG_TIMEOUT_S:g} s; "
        "gave up after 2 attempts",
        server={"hang_s": HANG_S},
        timeout_s=HANG_TIMEOUT_S,
    ),
    FaultCase(
        "connection_refused",
        "nothing listens at the endpoint",
        (),
        ok=False,
        # A refused local connection cannot heal by waiting: one quick retry only.
        requests=2,
        error_kind="nothing is listening at http://127.0.0.1:PORT/v1 (connection refused)",
        refused=True,
    ),
    FaultCase(
        "malformed_json",
        "a 200 reply whose body is HTML, not JSON",
        ("malformed",),
        ok=True,
        requests=2 + 1,
    ),
    FaultCase(
        "schema_invalid_once",
        "JSON that fails the schema, then a valid repair",
        ("invalid",),
        ok=True,
        requests=2 + 1,
    ),
    FaultCase(
        "schema_invalid_twice",
        "JSON that fails the schema, and the repair fails too",
        ("invalid", "invalid"),
        ok=False,
        requests=2,
        error_kind="was not JSON with the fields asked for (label, confidence, reason, signals, "
        "action), even after a repair request",
    ),
    FaultCase(
        "truncated",
        "a whole (non-streamed) reply cut at the token limit (finish_reason length), repaired",
        ("truncated",),
        ok=True,
        requests=2 + 1,
    ),
    FaultCase(
        "empty_choices",
        "a completion with an empty choice list",
        ("empty_choices",),
        ok=True,
        requests=2 + 1,
    ),
    FaultCase(
        "no_response_format",
        "the server rejects response_format: falls back to json_object",
        ("no_response_format",),
        ok=True,
        requests=2 + 1,
    ),
    FaultCase(
        "no_structured_output_at_all",
        "a server with neither json_schema nor json_object: schema in the prompt",
        (),
        ok=True,
        requests=4 + 1,  # json_schema, json_object with its schema, json_object, prompt
        server={"reject_response_format": {"json_schema", "json_object"}},
    ),
)


@dataclass
class FaultOutcome:
    case: str
    path: str
    messages: int
    judged: int  # verdict and draft saved
    failed: int  # an error recorded, no verdict
    lost: int  # neither: the message vanished from the run
    requests: int  # chat requests the server saw (or the client made, when refused)
    waits: list[float]
    errors: list[str]
    notified: int = 0  # error toasts the UI showed
    seconds: float = 0.0
    not_tried: int = 0  # left unjudged for the rerun: the batch found the endpoint down


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_assistant(base_url: str, waits: list[float], timeout_s: float = TIMEOUT_S) -> Assistant:
    async def record_wait(seconds: float) -> None:
        waits.append(seconds)

    client = ChatClient(
        model="fake-model",
        base_url=base_url,
        api_key="sk-hardening",
        timeout_s=timeout_s,
        max_attempts=MAX_ATTEMPTS,
        max_retry_wait_s=MAX_RETRY_WAIT_S,
        concurrency=1,
        backoff_s=0.001,
        sleep=record_wait,
    )
    prompts = PromptSet.from_versions({"classify": "v1", "draft": "v1"})
    return Assistant(LLMBackend(client, prompts, Profile(name="Jordan Pike")))


def assess_and_close(assistant: Assistant, item: Incoming) -> Assessment:
    """One assessment in an event loop of its own; the backend's connections close after it."""

    async def assess() -> Assessment:
        try:
            return await assistant.assess(item)
        finally:
            await assistant.aclose()

    return asyncio.run(assess())


def seeded_store(folder: Path, count: int = MESSAGES_PER_CASE) -> Store:
    export = write_export(folder / "export", mixed_texts(count))
    store = Store.open(folder / "state.db")
    with open_export(export) as source:
        import_export(store, source)
    return store


def _tally(store: Store, ids: list[str]) -> tuple[int, int, int, list[str]]:
    judged = failed = lost = 0
    errors: list[str] = []
    for message_id in ids:
        verdict, error = store.verdict(message_id), store.error(message_id)
        if verdict is not None and store.drafts(message_id):
            judged += 1
        elif error:
            failed += 1
            errors.append(error)
        else:
            lost += 1
    return judged, failed, lost, errors


def _attempts_from_errors(errors: list[str]) -> int:
    """Requests made when no server counts them: 'gave up after N attempts' in each error."""
    total = 0
    for error in errors:
        words = error.rsplit("gave up after ", 1)[-1].split()
        total += int(words[0]) if words and words[0].isdigit() else 0
    return total


async def _run_batch_path(assistant: Assistant, store: Store) -> int:
    """The messages the run left untried (it stops when it finds the endpoint down)."""
    ids = store.all_incoming_ids("awaiting")
    try:
        engine = Engine(store, assistant.backend, concurrency=1)
        outcome = await run_batch(engine, ids, BatchOptions())
    finally:
        await assistant.aclose()
    return outcome.progress.total - outcome.progress.done


async def _run_ui_path(assistant: Assistant, store: Store) -> int:
    from reply_assistant.tui.app import ReplyAssistantApp

    copied: list[str] = []
    app = ReplyAssistantApp(
        store,
        assistant,
        assistant.backend.describe(),
        settings=Settings(backend="openai", concurrency=1),
        clipboard=copied.append,
        open_url=copied.append,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        notified = sum(1 for n in app._notifications if n.severity == "error")
    return notified


def run_fault_case(case: FaultCase, path: str, folder: Path) -> FaultOutcome:
    """Run one case through `path` ("batch" or "ui") in a fresh store under `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    store = seeded_store(folder)
    ids = store.all_incoming_ids("awaiting")
    waits: list[float] = []
    started = time.perf_counter()
    server = None if case.refused else FakeLLMServer(**case.server).start()
    base_url = f"http://127.0.0.1:{free_port()}/v1" if server is None else server.base_url
    try:
        if server is not None:
            server.script(case.faults)
        assistant = make_assistant(base_url, waits, case.timeout_s)
        if path == "batch":
            notified, not_tried = 0, asyncio.run(_run_batch_path(assistant, store))
        else:
            notified, not_tried = asyncio.run(_run_ui_path(assistant, store)), 0
        judged, failed, unjudged, errors = _tally(store, ids)
        requests = len(server.chat_requests()) if server else _attempts_from_errors(errors)
    finally:
        if server is not None:
            server.stop()
        store.close()
    errors = [error.replace(base_url, "http://127.0.0.1:PORT/v1") for error in errors]
    return FaultOutcome(
        case=case.name,
        path=path,
        messages=len(ids),
        judged=judged,
        failed=failed,
        lost=unjudged - not_tried,
        not_tried=not_tried,
        requests=requests,
        waits=waits,
        errors=errors,
        notified=notified,
        seconds=time.perf_counter() - started,
    )


def expected_requests(case: FaultCase, path: str) -> int:
    """The faulted message's requests plus a classify and a draft for each other message."""
    if case.refused and path == "batch":  # the first failure stops the run: down for good
        return case.requests
    if case.refused:  # every message fails alike, after as many attempts
        return case.requests * MESSAGES_PER_CASE
    return case.requests + 2 * (MESSAGES_PER_CASE - 1)


def check_fault_outcome(case: FaultCase, outcome: FaultOutcome) -> list[str]:
    """What is wrong with an outcome (empty when it is as the case expects)."""
    problems: list[str] = []
    total = outcome.messages
    if outcome.lost:
        problems.append(f"{outcome.lost} message(s) lost")
    # Nothing listening: the UI has the offline model judge meanwhile (tui/llm_fallback.py),
    # so no message is left failed, nor an error to count the attempts from.
    offline_meanwhile = case.refused and outcome.path == "ui"
    # Batch mode stops at a failure no retry heals, leaving the rest for the rerun.
    stops = case.refused and outcome.path == "batch"
    all_fail = case.refused and not stops
    want_failed = 0 if case.ok or offline_meanwhile else (total if all_fail else 1)
    want_not_tried = total - 1 if stops else 0
    if outcome.not_tried != want_not_tried:
        problems.append(f"{outcome.not_tried} not tried; want {want_not_tried}")
    if outcome.failed != want_failed or outcome.judged != total - want_failed - want_not_tried:
        problems.append(f"judged {outcome.judged}, failed {outcome.failed}; want {want_failed}")
    want_requests = 0 if offline_meanwhile else expected_requests(case, outcome.path)
    if outcome.requests != want_requests:
        problems.append(f"{outcome.requests} requests; want {want_requests}")
    if not case.ok and not all(case.error_kind in error for error in outcome.errors):
        problems.append(f"errors {outcome.errors!r} lack {case.error_kind!r}")
    if case.waits is not None and tuple(outcome.waits[: len(case.waits)]) != case.waits:
        problems.append(f"waited {outcome.waits}; want {list(case.waits)} first")
    if outcome.path == "ui" and (outcome.notified > 0) == case.ok:
        problems.append(f"{outcome.notified} error toasts shown")
    return problems


# ---------------------------------------------------------------- crash (kill -9) cases

CRASH_MESSAGES = 16
# Where a seed's kill lands: as the state file is created (before the import commits or any
# result exists), after a random number of finished messages (0 included), or while the
# result file is being written.
CRASH_MOMENTS = ("before_results", "judging", "writing_output")
CRASH_SEEDS = (1, 2, 3)  # one of each moment
# Padding for the writing_output moment: 16 messages of ~20 KB make the result file take
# long enough to write that polling for its temporary file catches the write in progress.
WRITE_PADDING = "lorem ipsum dolor " * 1_100


def crash_moment(seed: int) -> str:
    return CRASH_MOMENTS[seed % len(CRASH_MOMENTS)]


@dataclass
class CrashOutcome:
    seed: int
    moment: str  # where the kill was aimed (CRASH_MOMENTS)
    killed_during: str  # where it landed, from the state left behind (see `_landed`)
    killed_after: int  # messages finished when the kill landed
    messages: int
    exactly_one: bool  # every message has exactly one verdict and one draft
    output_rows_ok: bool  # the rerun's out.csv has exactly one row per message
    resent: int  # finished messages sent to the LLM again on the rerun
    requests: int
    rerun_exit: int
    seconds: float


def _query(db: Path, sql: str) -> list[tuple] | None:
    """Rows of `sql` on the batch's state file; None while its tables do not exist yet."""
    if not db.exists():
        return None
    connection = sqlite3.connect(db, timeout=10)
    try:
        return connection.execute(sql).fetchall()
    except sqlite3.OperationalError:  # the batch has not created its tables yet
        return None
    finally:
        connection.close()


def _finished(db: Path) -> set[str]:
    rows = _query(
        db, "SELECT v.message_id FROM verdicts v JOIN drafts d ON d.message_id = v.message_id"
    )
    return {row[0] for row in rows or []}


def _landed(db: Path, out: Path, finished: int) -> str:
    """Which step the killed batch was in, read from what it left behind."""
    imported = _query(db, "SELECT count(*) FROM messages")
    if not imported or imported[0][0] == 0:
        return "import"
    if finished == 0:
        return "before any result"
    if finished < CRASH_MESSAGES:
        return "judging"
    if _partial(out).exists() and not out.exists():
        return "writing output"
    return "after the output was written"


def _partial(out: Path) -> Path:
    """The temporary file the result file is written to before it replaces `out`."""
    return out.with_name(out.name + ".partial")


def _wait_for_kill_point(
    moment: str, rng: random.Random, db: Path, out: Path, process: subprocess.Popen
) -> None:
    deadline = time.monotonic() + 60

    def waiting(ready: Callable[[], bool], poll_s: float) -> None:
        while not ready() and process.poll() is None:
            if time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the batch made no progress")
            time.sleep(poll_s)

    if moment == "before_results":
        waiting(db.exists, 0.001)
    elif moment == "judging":
        kill_at = rng.randint(0, CRASH_MESSAGES - 3)
        waiting(lambda: len(_finished(db)) >= kill_at, 0.02)
        time.sleep(rng.uniform(0, 0.05))  # the fake's latency: a request may be in flight
    else:
        waiting(_partial(out).exists, 0.0005)


def _result_file_ids(out: Path) -> list[str] | None:
    if not out.exists():
        return None
    with out.open(encoding="utf-8", newline="") as handle:
        return [row["message_id"] for row in csv.DictReader(handle)]


def run_crash_case(seed: int, folder: Path, server: FakeLLMServer) -> CrashOutcome:
    """Start a batch, kill -9 it at the seed's moment, rerun it, and check every message has
    exactly one result (in the store and in out.csv) and no finished message was sent
    again."""
    rng = random.Random(seed)
    moment = crash_moment(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts = mixed_texts(CRASH_MESSAGES)
    if moment == "writing_output":
        texts = [WRITE_PADDING + text for text in texts]  # the "[ref N]" tag stays last
    export = write_export(folder / "export", texts)
    db, out = folder / "state.db", folder / "out.csv"
    config = folder / "config.toml"
    config.write_text("max_attempts = 2\ntimeout_s = 5\n", encoding="utf-8")
    env = {
        **os.environ,
        "OPENAI_BASE_URL": server.base_url,
        "OPENAI_API_KEY": "sk-hardening-crash",
        "REPLY_ASSISTANT_CONFIG": str(config),
        "PYTHONUNBUFFERED": "1",
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        batch_command(export, out, "--concurrency", "2", "--details", db=db),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _wait_for_kill_point(moment, rng, db, out, process)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    finished_before = _finished(db)
    killed_during = _landed(db, out, len(finished_before))
    sent_before = len(server.chat_requests())

    rerun = subprocess.run(
        batch_command(export, out, "--concurrency", "2", "--details", db=db),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    verdicts = dict(_query(db, "SELECT message_id, count(*) FROM verdicts GROUP BY message_id"))
    drafts = dict(_query(db, "SELECT message_id, count(*) FROM drafts GROUP BY message_id"))
    texts_by_id = dict(_query(db, "SELECT id, text FROM messages"))
    awaiting = [m for m in texts_by_id if "[ref " in texts_by_id[m]]
    tags = [texts_by_id[m].rsplit("[ref ", 1)[1] for m in finished_before]
    resent = sum(
        1
        for request in server.chat_requests()[sent_before:]
        if any(f"[ref {tag}" in str(request.body) for tag in tags)
    )
    written = _result_file_ids(out)
    return CrashOutcome(
        seed=seed,
        moment=moment,
        killed_during=killed_during,
        killed_after=len(finished_before),
        messages=CRASH_MESSAGES,
        exactly_one=len(awaiting) == CRASH_MESSAGES
        and all(verdicts.get(m) == 1 and drafts.get(m) == 1 for m in awaiting),
        output_rows_ok=written is not None
        and len(written) == CRASH_MESSAGES
        and sorted(written) == sorted(awaiting),
        resent=resent,
        requests=len(server.chat_requests()),
        rerun_exit=rerun.returncode,
        seconds=time.perf_counter() - started,
    )


# ---------------------------------------------------------------- bad input cases

HEADER = "CONVERSATION ID,FROM,DATE,CONTENT\n"
GOOD_ROW = "2-a,Ana Lima,2024-01-01 00:00:00 UTC,Hello there\n"
BIG_FIELD_BYTES = 50 * 1024 * 1024
WIDE_COLUMNS = 100_000


def _rows(count: int) -> str:
    return "".join(
        f"2-c{n % 7},Sender {n % 7},2024-01-01 00:{n % 60:02d}:00 UTC,message {n}\n"
        for n in range(count)
    )


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _truncated_mid_row(folder: Path) -> Path:
    return _write(folder / "messages.csv", HEADER + _rows(50) + "2-z,Zed,2024-01-0")


def _truncated_in_quotes(folder: Path) -> Path:
    text = HEADER + _rows(50) + '2-z,Zed,2024-01-02 00:00:00 UTC,"an unterminated quoted fi'
    return _write(folder / "messages.csv", text)


def _semicolons(folder: Path) -> Path:
    return _write(folder / "messages.csv", (HEADER + _rows(5)).replace(",", ";"))


def _tabs(folder: Path) -> Path:
    return _write(folder / "messages.csv", (HEADER + _rows(5)).replace(",", "\t"))


def _binary(folder: Path) -> Path:
    return _write(folder / "messages.csv", random.Random(7).randbytes(64 * 1024))


def _invalid_utf8(folder: Path) -> Path:
    data = (HEADER + _rows(20)).encode() + b"2-a,Ana,2024-01-01 00:00:00 UTC,caf\xe9 \xff\xfe\n"
    return _write(folder / "messages.csv", data)


def _latin1(folder: Path) -> Path:
    return _write(
        folder / "messages.csv",
        (HEADER + "2-a,José,2024-01-01 00:00:00 UTC,olá\n").encode("latin-1"),
    )


def _big_field(folder: Path) -> Path:
    path = folder / "messages.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        chunk = "spam " * (1024 * 1024 // 5)
        handle.write('2-big,Big Sender,2024-01-01 00:00:00 UTC,"')
        for _ in range(BIG_FIELD_BYTES // len(chunk)):
            handle.write(chunk)
        handle.write('"\n')
        handle.write(GOOD_ROW)
    return path


def _wide(folder: Path) -> Path:
    extra = [f"EXTRA {n}" for n in range(WIDE_COLUMNS - 4)]
    header = ",".join(["CONVERSATION ID", "FROM", "DATE", "CONTENT", *extra]) + "\n"
    row = "2-w,Wide Sender,2024-01-01 00:00:00 UTC,wide hello" + "," * len(extra) + "\n"
    short_row = "2-w,Wide Sender,2024-01-01 00:00:01 UTC,too few fields\n"
    return _write(folder / "messages.csv", header + row + short_row)


def _duplicate_headers(folder: Path) -> Path:
    header = "CONVERSATION ID,FROM,DATE,CONTENT,CONTENT,FROM\n"
    row = "2-d,Dana,2024-01-01 00:00:00 UTC,first content,second content,Other\n"
    return _write(folder / "messages.csv", header + row)


def _zip_bomb(folder: Path) -> Path:
    path = folder / "export.zip"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("messages.csv", "w", force_zip64=True) as member,
    ):
        member.write(HEADER.encode())
        block = b"0" * (1024 * 1024)
        for _ in range(300):  # 300 MB of zeros, ~300 KB compressed
            member.write(block)
    return path


def _zip_traversal(folder: Path) -> Path:
    path = folder / "export.zip"
    evil = HEADER + "2-e,Eve,2024-01-01 00:00:00 UTC,evil\n"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../messages.csv", evil)
        archive.writestr("/tmp/messages.csv", evil)
        archive.writestr("..\\..\\evil.csv", evil)
        archive.writestr("Export/messages.csv", HEADER + GOOD_ROW)
    return path


def _nul_rows(folder: Path) -> Path:
    return _write(
        folder / "messages.csv", HEADER + GOOD_ROW + "2-n,Nul,2024-01-01 00:00:00 UTC,a\x00b\n"
    )


def _header_only(folder: Path) -> Path:
    return _write(folder / "messages.csv", HEADER)


def _empty(folder: Path) -> Path:
    return _write(folder / "messages.csv", "")


@dataclass(frozen=True)
class InputCase:
    name: str
    build: Callable[[Path], Path]
    # "error": one clear ExportError; "partial": imported with skipped rows reported;
    # "ok": imported whole.
    expect: str
    error_words: str = ""  # for "error": words the message must contain


INPUT_CASES: tuple[InputCase, ...] = (
    InputCase("truncated_mid_row", _truncated_mid_row, "partial"),
    # csv reads a quoted field cut by the end of the file as complete: the last message is
    # imported with its text cut off (nothing after it can be lost).
    InputCase("truncated_in_quotes", _truncated_in_quotes, "ok"),
    InputCase("semicolon_delimiter", _semicolons, "error", "has ';' between its columns"),
    InputCase("tab_delimiter", _tabs, "error", "has tabs between its columns"),
    InputCase("binary_data", _binary, "error", "messages.csv"),
    InputCase("invalid_utf8", _invalid_utf8, "error", "not UTF-8"),
    InputCase("latin1_file", _latin1, "error", "not UTF-8"),
    InputCase("field_50mb", _big_field, "ok"),
    InputCase("columns_100k", _wide, "partial"),
    InputCase("duplicate_headers", _duplicate_headers, "ok"),
    InputCase("zip_bomb", _zip_bomb, "error", "zip bomb"),
    InputCase("zip_path_traversal", _zip_traversal, "ok"),
    InputCase("nul_bytes_row", _nul_rows, "partial"),
    InputCase("header_only", _header_only, "ok"),
    InputCase("empty_file", _empty, "error", "is empty"),
)


@dataclass
class InputOutcome:
    case: str
    exit_code: int
    output: str
    traceback: bool  # an exception other than the CLI's own exit escaped
    messages: int  # imported into the store
    longest_text: int  # characters in the longest imported message
    skipped: int  # rows reported as skipped
    input_bytes: int
    peak_bytes: int  # traced Python allocations during the import
    seconds: float
    stray_files: list[str]  # files that appeared outside the case's own folder

    @property
    def result(self) -> str:
        if self.exit_code == 2:
            return "error"
        return "partial" if self.skipped else "ok"


def run_input_case(case: InputCase, folder: Path) -> InputOutcome:
    """`reply-assistant import` on the crafted input, with its memory peak traced."""
    from click.testing import CliRunner

    from reply_assistant.cli import cli

    folder.mkdir(parents=True, exist_ok=True)
    path = case.build(folder)
    db = folder / "state.db"
    around = folder.parent
    before = set(around.rglob("*"))
    started = time.perf_counter()
    tracemalloc.start()
    try:
        result = CliRunner().invoke(cli, ["--db", str(db), "import", str(path)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    stray = sorted(
        str(p.relative_to(around))
        for p in set(around.rglob("*")) - before
        if folder not in p.parents
    )
    messages = longest = 0
    if result.exit_code == 0:
        connection = sqlite3.connect(db)
        try:
            messages, longest = connection.execute(
                "SELECT count(*), coalesce(max(length(text)), 0) FROM messages"
            ).fetchone()
        finally:
            connection.close()
    skipped_line = next(
        (line for line in result.output.splitlines() if line.startswith("Rows skipped: ")), ""
    )
    return InputOutcome(
        case=case.name,
        exit_code=result.exit_code,
        output=result.output,
        traceback=result.exception is not None and not isinstance(result.exception, SystemExit),
        messages=messages,
        longest_text=longest,
        skipped=int(skipped_line.removeprefix("Rows skipped: ") or 0),
        input_bytes=path.stat().st_size,
        peak_bytes=peak,
        seconds=seconds,
        stray_files=stray,
    )


# ---------------------------------------------------------------- odd message texts

MESSAGE_TEXTS: dict[str, str] = {
    "empty": "",
    "whitespace_only": " \t\n\u00a0\u2003 \r\n",
    "chars_100k": ("Hi Jordan, can I book a quick demo call with you? " * 2100)[:100_000],
    "control_characters": "Hi\x00 there\x07\x1b[31m red\x1b[0m \x08\x0c\u200b\u2028end",
    "right_to_left": "مرحبا جوردان، هل يمكننا التحدث عن الوظيفة؟ \u202eevil.exe\u202c שלום",
    "emoji_only": "🎉🎉🙏🏽👨‍👩‍👧‍👦🚀",
}
