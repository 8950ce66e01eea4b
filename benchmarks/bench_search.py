"""Inbox search speed on a big inbox: what the UI's / runs at every key typed.

    python benchmarks/bench_search.py [--conversations N] [--runs N]

Builds a store of N conversations (20,000 by default) in a temp dir from the packaged
dataset's messages (English, German, French, Spanish, Japanese, ...; a unique tag each, as
no two real messages are the same). Then, in a fresh process as a person opening the UI
would, lists every conversation ("all", no search) and types a search key by key, timing
each list in wall and CPU seconds (CPU time varies less with other load on the machine);
--runs such processes, the median of each printed. The build's CPU time is printed too:
what the import pays for search.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reply_assistant.backends.offline.training import packaged_dataset_path, read_examples
from reply_assistant.importer import import_messages
from reply_assistant.models import Connection, Message, Participant
from reply_assistant.store import Store

OWNER = Participant("Jordan Pike", "https://www.linkedin.com/in/jordanpike")
# Typed key by key: "m" matches most conversations, "münchen" a few.
TYPED = "münchen"
# One person in this many is a connection, so the inbox's first-degree lookups find some.
CONNECTED_EVERY = 10


def generate(conversations: int) -> Iterator[Message]:
    """Each conversation: the owner writes, the other person answers (so it awaits a reply);
    one in five has a title, one in seven a subject."""
    rows = read_examples(packaged_dataset_path(), split=None)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for n in range(conversations):
        row = rows[n % len(rows)]
        person = Participant(f"{row['sender']} {n}", f"https://www.linkedin.com/in/person-{n}")
        conversation = f"2-conversation-{n:07d}"
        title = f"Über das Projekt {n}" if n % 5 == 0 else ""
        sent_at = start + timedelta(minutes=2 * n)
        for sender, recipient, text, minutes in (
            (OWNER, person, f"Hi, thanks for reaching out ({n}).", 0),
            (person, OWNER, f"{row['text']} ({n})", 1),
        ):
            yield Message(
                conversation_id=conversation,
                sender=sender,
                recipients=(recipient,),
                sent_at=sent_at + timedelta(minutes=minutes),
                content_raw=text,
                text=text,
                conversation_title=title,
                subject=f"Réunion {n}" if n % 7 == 0 and sender != OWNER else "",
                folder="INBOX",
            )


def connections(conversations: int) -> Iterator[Connection]:
    for n in range(0, conversations, CONNECTED_EVERY):
        yield Connection("Person", str(n), f"https://www.linkedin.com/in/person-{n}")


def build(path: Path, conversations: int) -> float:
    """CPU seconds to import the store (SQLite runs in this process, so it counts)."""
    started = time.process_time()
    with Store.open(path) as store:
        import_messages(
            store,
            generate(conversations),
            connections=list(connections(conversations)),
            me=OWNER.profile_url,
        )
    return time.process_time() - started


def time_typing(path: Path) -> list[tuple[str, int, float, float]]:
    """(search, conversations found, wall seconds, CPU seconds) for the list before typing
    ("") and after each key of TYPED, in this process."""
    timings = []
    with Store.open(path) as store:
        for end in range(len(TYPED) + 1):
            search = TYPED[:end]
            wall, cpu = time.perf_counter(), time.process_time()
            found = store.conversation_summaries("all", search)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            timings.append((search, len(found), wall, cpu))
    return timings


def medians(runs: list[list[tuple[str, int, float, float]]], column: int) -> list[float]:
    """For each search typed, the median over the runs of its timings' `column`."""
    return [
        statistics.median(run[search][column] for run in runs) for search in range(len(runs[0]))
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "state.db"
        cpu = build(path, args.conversations)
        print(f"{args.conversations:,} conversations imported in {cpu:.2f} CPU s")
        # Fresh processes: nothing the build computed is cached, as when the UI starts.
        with multiprocessing.get_context("spawn").Pool(1, maxtasksperchild=1) as pool:
            runs = [pool.apply(time_typing, (path,)) for _ in range(args.runs)]
    wall, cpu = medians(runs, 2), medians(runs, 3)
    for (search, found, *_), wall_s, cpu_s in zip(runs[0], wall, cpu, strict=True):
        print(f"  {search!r:>10}: {found:>6,} found in {wall_s:6.3f} s ({cpu_s:.3f} CPU s)")
    for name, seconds in (("wall", wall), ("CPU", cpu)):
        print(
            f"{name} s, median of {args.runs} runs: no search {seconds[0]:.3f}, first key "
            f"{seconds[1]:.3f}, later keys {statistics.median(seconds[2:]):.3f}"
        )


if __name__ == "__main__":
    main()
