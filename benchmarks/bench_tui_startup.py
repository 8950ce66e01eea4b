"""Time from launching the TUI to the first painted inbox, to the first verdict and to
every verdict, on the bundled demo inbox.

Run: python benchmarks/bench_tui_startup.py [--runs N]

Cold launch (what a person waits for): `python -m reply_assistant --db DB` runs in a
pseudo-terminal of 100x30, on a store the demo inbox was imported into (not timed). Timed
from the exec to the first frame that shows the inbox (its filter bar), to the first frame
whose status bar counts a conversation classified, and to the frame whose status bar says
every conversation was classified. Each run is a fresh interpreter:
imports, the offline model's load (after the first paint) and Textual's start all count.

Warm, in process (modules imported already): open the store, build the backend as the
launch does (the offline model loads on first use), run the app headless until the inbox
was painted, until every row shows a verdict, and until every draft is written. The first
run also imports numpy and reads the model; later runs find it in memory.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from reply_assistant.backends import make_backend_later
from reply_assistant.config import Settings
from reply_assistant.demo import DEMO_INBOX
from reply_assistant.engine import Assistant
from reply_assistant.importer import import_export
from reply_assistant.sources import open_export
from reply_assistant.store import Store
from reply_assistant.tui.app import ReplyAssistantApp
from reply_assistant.tui.inbox.table import InboxTable

ROWS, COLUMNS = 30, 100
# The filter bar's first words; a frame showing them has the inbox rows too.
PAINTED = b"needs reply"
CLASSIFIED = re.compile(rb"classified (\d+) of \1\b")
FIRST_VERDICT = re.compile(rb"classif(?:ying|ied) [1-9]\d* of \d+")
# Cursor moves and colours between the words of a frame.
ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]")
GIVE_UP_S = 30.0


def prepare(db_path: Path) -> None:
    with Store.open(db_path) as store, open_export(DEMO_INBOX) as export:
        import_export(store, export)


# ------------------------------------------------------------------ cold, in a terminal


def cold_launch(db_path: Path) -> tuple[float, float, float]:
    """(ms to the first painted inbox, to the first verdict shown, to every verdict shown)
    for one real launch."""
    started = time.perf_counter()
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the command as a person types it, in a terminal
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-m", "reply_assistant", "--db", str(db_path)])
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    output, painted_ms, first_ms = b"", None, None
    try:
        while time.perf_counter() - started < GIVE_UP_S:
            if not select.select([terminal], [], [], 0.005)[0]:
                continue
            output += os.read(terminal, 1 << 16)
            text = ESCAPE.sub(b"", output)
            now_ms = (time.perf_counter() - started) * 1000
            if painted_ms is None and PAINTED in text:
                painted_ms = now_ms
            if first_ms is None and FIRST_VERDICT.search(text):
                first_ms = now_ms
            if painted_ms is not None and first_ms is not None and CLASSIFIED.search(text):
                return painted_ms, first_ms, now_ms
    finally:
        os.write(terminal, b"q")
        _reap(pid, terminal)
    raise RuntimeError(f"no inbox with every verdict within {GIVE_UP_S:.0f} s")


def _reap(pid: int, terminal: int) -> None:
    """Let the app quit on `q` (reading what it still writes), or kill it."""
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline:
        if os.waitpid(pid, os.WNOHANG)[0]:
            break
        if select.select([terminal], [], [], 0.05)[0]:
            with contextlib.suppress(OSError):  # the app closed the terminal
                os.read(terminal, 1 << 16)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(terminal)


# ------------------------------------------------------------------ warm, in process


async def warm_launch(db_path: Path) -> tuple[float, float, float, int]:
    """(ms to painted inbox, to every verdict, to every draft, rows) in this process."""
    started = time.perf_counter()
    settings = Settings(backend="offline")
    store = Store.open(db_path)
    backend = make_backend_later(settings, cache=store.response_cache)
    app = ReplyAssistantApp(store, Assistant(backend), backend.describe(), settings=settings)
    async with app.run_test(size=(COLUMNS, ROWS)):
        table = app.query_one(InboxTable)
        while not table.row_count:
            await asyncio.sleep(0.001)
        painted = asyncio.Event()
        app.call_after_refresh(painted.set)  # runs once the screen with those rows is drawn
        await painted.wait()
        painted_ms = (time.perf_counter() - started) * 1000
        rows = list(table.rows_by_id.values())
        while any(row.label is None for row in table.rows_by_id.values()):
            await asyncio.sleep(0.001)
        verdicts_ms = (time.perf_counter() - started) * 1000
        await app.workers.wait_for_complete()
        assert all(store.drafts(row.message_id) for row in rows)
        drafts_ms = (time.perf_counter() - started) * 1000
    store.close()
    return painted_ms, verdicts_ms, drafts_ms, len(rows)


def summary(name: str, timings: list[float]) -> str:
    return (
        f"{name}: median {statistics.median(timings):.0f} ms "
        f"(min {min(timings):.0f}, max {max(timings):.0f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"cold: `python -m reply_assistant` in a {COLUMNS}x{ROWS} pseudo-terminal")
        cold_painted, cold_first, cold_classified = [], [], []
        for run in range(args.runs):
            db_path = Path(tmp) / f"cold-{run}.db"
            prepare(db_path)
            painted_ms, first_ms, classified_ms = cold_launch(db_path)
            cold_painted.append(painted_ms)
            cold_first.append(first_ms)
            cold_classified.append(classified_ms)
            print(
                f"  run {run + 1}: inbox painted at {painted_ms:6.0f} ms, first verdict shown "
                f"at {first_ms:6.0f} ms, every verdict shown at {classified_ms:6.0f} ms "
                f"({classified_ms - painted_ms:.0f} ms after the paint)"
            )
        print("warm: in this process, headless")
        warm_painted, warm_verdicts, warm_drafts = [], [], []
        for run in range(args.runs):
            db_path = Path(tmp) / f"warm-{run}.db"
            prepare(db_path)
            painted_ms, verdicts_ms, drafts_ms, rows = asyncio.run(warm_launch(db_path))
            warm_painted.append(painted_ms)
            warm_verdicts.append(verdicts_ms)
            warm_drafts.append(drafts_ms)
            print(
                f"  run {run + 1}: {rows} rows; painted {painted_ms:6.1f} ms, all classified "
                f"{verdicts_ms:6.1f} ms, all drafted {drafts_ms:6.1f} ms"
            )
    print(summary("cold launch to first painted inbox", cold_painted) + " (target < 1000 ms)")
    print(summary("cold launch to the first verdict shown", cold_first) + " (target < 2000 ms)")
    print(summary("cold launch to every verdict shown", cold_classified))
    after = [c - p for p, c in zip(cold_painted, cold_classified, strict=True)]
    print(summary("  of which after the first paint", after) + " (target about 1000 ms)")
    print(summary("warm launch to first painted inbox", warm_painted))
    print(summary("warm launch until all were classified", warm_verdicts))
    print(summary("warm launch until all were drafted", warm_drafts))


if __name__ == "__main__":
    main()
