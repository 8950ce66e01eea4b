"""A forked process on the second core, spoken to over a pipe.

Batch mode forks for two jobs (judging part of each chunk, building half the result file);
both need the same care: only where fork exists and a second core is there to use, the
child ignores Ctrl-C (the parent stops the run and then the child), and the child closes
the parent's end of the pipe, so the pipe closes when the parent dies, even by kill -9.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess


def second_core_can_fork() -> bool:
    """Whether this platform forks and this process may run on two cores or more."""
    return "fork" in multiprocessing.get_all_start_methods() and len(os.sched_getaffinity(0)) >= 2


def start_forked(
    main: Callable[..., None], *args: object, duplex: bool = True
) -> tuple[BaseProcess, Connection]:
    """A daemon process running `main(pipe, *args)`, and this process's end of the pipe.
    Forked, so the child inherits what is loaded here (a model) instead of reloading it."""
    fork = multiprocessing.get_context("fork")
    ours, theirs = fork.Pipe(duplex=duplex)
    process = fork.Process(target=_child, args=(main, theirs, ours, *args), daemon=True)
    process.start()
    theirs.close()
    return process, ours


def _child(
    main: Callable[..., None], pipe: Connection, parents_end: Connection, *args: object
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parents_end.close()
    main(pipe, *args)
