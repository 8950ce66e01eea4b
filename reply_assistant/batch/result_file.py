"""The result file of a long batch, built by two processes at once.

Building rows is the last thing a batch does, on one core. With a second core, a forked
process builds the second half of the rows into a part file while this one builds the
first half, and the part is appended. The bytes, and the tally the summary is made from,
are the same as building every row here; should the forked process fail, this one builds
its half too.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from reply_assistant.batch.forked import second_core_can_fork, start_forked
from reply_assistant.batch.output import ResultTally, ResultWriter, result_rows
from reply_assistant.store import Store

# Fewer rows than this take well under a second: not worth a second process.
SPLIT_MIN_ROWS = 20_000


def write_result_file(
    store: Store, message_ids: Sequence[str], path: Path, tally: ResultTally, *, bom: bool = False
) -> None:
    """One row per message into `path` (see ResultWriter), counted into `tally`."""
    with ResultWriter(path, bom=bom) as out:
        if not _worth_splitting(message_ids):
            out.write(tally.counting(result_rows(store, message_ids)))
            return
        cut = len(message_ids) // 2
        tail = _TailPart.start(store, message_ids[cut:], path)
        try:
            out.write(tally.counting(result_rows(store, message_ids[:cut])))
            tail_tally = tail.wait()
            if tail_tally is None:
                out.write(tally.counting(result_rows(store, message_ids[cut:])))
            else:
                out.append(tail.path)
                tally.add(tail_tally)
        finally:
            tail.discard()


def _worth_splitting(message_ids: Sequence[str]) -> bool:
    return len(message_ids) >= SPLIT_MIN_ROWS and second_core_can_fork()


class _TailPart:
    """The forked process building the second half of the rows, and its part file."""

    def __init__(self, process: BaseProcess, pipe: Connection, path: Path):
        self._process = process
        self._pipe = pipe
        self.path = path

    @classmethod
    def start(cls, store: Store, message_ids: Sequence[str], result_path: Path) -> _TailPart:
        # Next to the result (same disk), in its format; named by this process, so the part
        # of a run killed while writing (which finishes, then finds nobody to append it and
        # removes it) is never the part of the rerun.
        name = f"{result_path.name}.{os.getpid()}.tail{result_path.suffix}"
        path = result_path.with_name(name)
        process, pipe = start_forked(_build_tail, store.path, message_ids, path, duplex=False)
        return cls(process, pipe, path)

    def wait(self) -> ResultTally | None:
        """The part's tally once it is written; None when the process failed."""
        try:
            tally = self._pipe.recv()
        except (EOFError, OSError):
            return None
        return tally if isinstance(tally, ResultTally) else None

    def discard(self) -> None:
        """Stop the process if it still runs and remove its part file."""
        self._pipe.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self.path.unlink(missing_ok=True)


def _build_tail(
    pipe: Connection, db_path: os.PathLike[str], message_ids: Sequence[str], path: Path
) -> None:
    """In the forked process: the rows into the part file, then the tally to the parent.
    It has its own connection (one must never cross a fork); a parent that died leaves no
    part file behind."""
    tally: ResultTally | None = ResultTally()
    try:
        with Store.open(db_path) as store, ResultWriter(path, header=False) as out:
            out.write(tally.counting(result_rows(store, message_ids)))
    except Exception:  # the parent builds these rows itself, and reports what goes wrong
        path.unlink(missing_ok=True)
        tally = None
    try:
        pipe.send(tally)
    except OSError:  # the parent is gone: nobody will append the part
        path.unlink(missing_ok=True)
