"""Import speed and memory: a generated LinkedIn export into a fresh store.

    python benchmarks/bench_import.py [--messages N] [--small N]

Writes an N-message export (2025 shape) to a temp dir, imports it, and prints messages/s
and peak traced memory; then the same for a smaller file, to show memory does not grow
with the size of the export (messages are streamed and inserted in batches).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reply_assistant.importer import import_export
from reply_assistant.models import Message, Participant
from reply_assistant.sources import open_export, write_messages_csv
from reply_assistant.store import Store

OWNER = Participant("Jordan Pike", "https://www.linkedin.com/in/jordanpike")
MESSAGES_PER_CONVERSATION = 5
SENTENCES = (
    "Thanks for connecting, great to meet you at the conference.",
    "We help teams like yours cut cloud costs by 30% - open to a quick call?",
    "Could you share the deck from Tuesday?",
    "<p>Hi %FIRSTNAME%,</p><p>Our <strong>webinar</strong> is free &amp; online.</p>",
    "Congrats on the new role! Would love to hear how it is going.",
    "Following up on my last note about our platform demo.",
)


def generate(count: int, seed: int = 7) -> Iterator[Message]:
    """Conversations of a few messages between the owner and a few thousand people."""
    rng = random.Random(seed)
    people = [
        Participant(f"Person {n}", f"https://www.linkedin.com/in/person-{n}") for n in range(3000)
    ]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for n in range(count):
        conversation = n // MESSAGES_PER_CONVERSATION
        other = people[conversation % len(people)]
        sender, recipient = (OWNER, other) if rng.random() < 0.4 else (other, OWNER)
        text = rng.choice(SENTENCES) + f" ({n})"
        yield Message(
            conversation_id=f"2-conversation-{conversation:07d}",
            sender=sender,
            recipients=(recipient,),
            sent_at=start + timedelta(minutes=n),
            content_raw=text,
            text=text,
            folder="INBOX",
        )


@dataclass
class Run:
    wall_s: float
    cpu_s: float  # this process only, so other load on the machine does not count
    messages: int
    peak_bytes: int  # tracemalloc peak; 0 when not traced


def measure(export_path: Path, work_dir: Path, traced: bool) -> Run:
    store_path = work_dir / f"state-{time.monotonic_ns()}.db"
    if traced:
        tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    with Store.open(store_path) as store, open_export(export_path) as export:
        report = import_export(store, export)
    run = Run(time.perf_counter() - wall, time.process_time() - cpu, report.messages_read, 0)
    if traced:
        run.peak_bytes = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return run


def read_only_cpu_seconds(export_path: Path) -> float:
    cpu = time.process_time()
    with open_export(export_path) as export:
        for _ in export.iter_messages():
            pass
    return time.process_time() - cpu


def bench(count: int, work_dir: Path) -> None:
    export_path = work_dir / f"messages-{count}.csv"
    write_messages_csv(export_path, generate(count), "2025")
    size_mb = export_path.stat().st_size / 1e6
    run = measure(export_path, work_dir, traced=False)
    reading = read_only_cpu_seconds(export_path)
    peak = measure(export_path, work_dir, traced=True).peak_bytes
    print(
        f"{count:>8,} messages ({size_mb:5.1f} MB CSV): "
        f"{run.messages / run.wall_s:>7,.0f} msg/s wall ({run.wall_s:5.2f} s), "
        f"{run.messages / run.cpu_s:>7,.0f} msg/s CPU ({run.cpu_s:5.2f} s: reading "
        f"{reading:4.2f}, storing {run.cpu_s - reading:4.2f}) | "
        f"peak traced memory {peak / 1e6:5.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=20_000)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as directory:
        for count in (args.small, args.messages):
            bench(count, Path(directory))


if __name__ == "__main__":
    main()
