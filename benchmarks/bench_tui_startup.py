"""Time from launching the TUI to the first painted inbox, on the bundled demo inbox.

Run: python benchmarks/bench_tui_startup.py [--runs N]
Each run imports the demo export into a fresh store (not timed), then times what a launch
does: open the store, build the offline backend, create the app and run it headless until
the inbox table holds its rows and a frame was painted. Module imports and loading the
offline model are timed separately, in fresh interpreters, and added to the rest to give
the cold launch a person waits for.
Background classification keeps running, as on a real launch; its total time is printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reply_assistant.assistant import Assistant
from reply_assistant.backends import make_backend
from reply_assistant.config import Settings
from reply_assistant.demo import DEMO_INBOX
from reply_assistant.importer import import_export
from reply_assistant.sources import open_export
from reply_assistant.store import Store
from reply_assistant.tui.app import ReplyAssistantApp
from reply_assistant.tui.inbox.table import InboxTable


def prepare(db_path: Path) -> None:
    with Store.open(db_path) as store, open_export(DEMO_INBOX) as export:
        import_export(store, export)


async def time_to_inbox(db_path: Path) -> tuple[float, float, float, int]:
    started = time.perf_counter()
    settings = Settings(backend="offline")
    store = Store.open(db_path)
    backend = make_backend(settings, cache=store.response_cache)
    backend_ms = (time.perf_counter() - started) * 1000
    app = ReplyAssistantApp(store, Assistant(backend), backend.describe(), settings=settings)
    async with app.run_test(size=(100, 30)):
        table = app.query_one(InboxTable)
        while not table.row_count:
            await asyncio.sleep(0.001)
        painted = asyncio.Event()
        app.call_after_refresh(painted.set)  # runs once the screen with those rows is drawn
        await painted.wait()
        elapsed_ms = (time.perf_counter() - started) * 1000
        rows = table.row_count
        await app.workers.wait_for_complete()
        classified_ms = (time.perf_counter() - started) * 1000
    store.close()
    return elapsed_ms, backend_ms, classified_ms, rows


def cold_start_ms(runs: int) -> float:
    """Median time a fresh interpreter takes to start, import what a launch needs and load
    the offline model."""
    code = (
        "import reply_assistant.tui.app, reply_assistant.store\n"
        "from reply_assistant.backends import make_backend\n"
        "from reply_assistant.config import Settings\n"
        "make_backend(Settings(backend='offline'))"
    )
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    timings, after_backend = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            db_path = Path(tmp) / f"bench-{run}.db"
            prepare(db_path)
            elapsed_ms, backend_ms, classified_ms, rows = asyncio.run(time_to_inbox(db_path))
            timings.append(elapsed_ms)
            after_backend.append(elapsed_ms - backend_ms)
            print(
                f"run {run + 1}: {elapsed_ms:7.1f} ms to first painted inbox ({rows} rows; "
                f"{backend_ms:.1f} ms of it building the offline backend), "
                f"{classified_ms:7.1f} ms until all were classified"
            )
    median = statistics.median(timings)
    print(
        f"median {median:.1f} ms, min {min(timings):.1f} ms, "
        f"max {max(timings):.1f} ms over {len(timings)} runs"
    )
    cold = cold_start_ms(args.runs)
    rest = statistics.median(after_backend)
    print(
        f"fresh interpreter, imports and offline model: median {cold:.1f} ms; cold launch to "
        f"first painted inbox = {cold:.1f} + {rest:.1f} = {cold + rest:.1f} ms "
        "(target < 1000 ms)"
    )


if __name__ == "__main__":
    main()
