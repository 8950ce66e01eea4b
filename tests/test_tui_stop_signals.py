"""The terminal closing under the app (SIGHUP, as `tmux kill-session` does) or a `kill`
(SIGTERM) right after a keystroke: the typed text is in the store afterwards, and the app
exits as on `q`. A real `reply-assistant` process in a pseudo-terminal."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest
from snapshot_apps.seed import seed_store

from reply_assistant.store import Store

ROWS, COLUMNS = 30, 100
# Cursor moves, colours and terminal modes between the words of a frame.
ESCAPE = re.compile(rb"\x1b\[[0-9;?<>=]*[A-Za-z~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"  # what a clean exit writes, restoring the terminal
GIVE_UP_S = 60.0  # a bound for a stuck process, not a measure: the steps take about a second
TYPED = "ZQX"


class Terminal:
    """`python -m reply_assistant` in a pseudo-terminal, and what it has written so far."""

    def __init__(self, db_path: Path) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the command as a person runs it, in a terminal
            os.environ["TERM"] = "xterm-256color"
            command = [sys.executable, "-m", "reply_assistant", "--db", str(db_path)]
            os.execv(sys.executable, command)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.output = b""

    def read_until(self, pattern: bytes) -> None:
        deadline = time.monotonic() + GIVE_UP_S
        while not re.search(pattern, ESCAPE.sub(b"", self.output)):
            assert time.monotonic() < deadline, f"no {pattern!r} on the screen"
            if select.select([self.fd], [], [], 0.1)[0]:
                self.output += os.read(self.fd, 1 << 16)

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def read_to_the_end(self) -> None:
        with contextlib.suppress(OSError):  # EIO: the app exited and closed the terminal
            while select.select([self.fd], [], [], GIVE_UP_S)[0]:
                chunk = os.read(self.fd, 1 << 16)
                if not chunk:
                    break
                self.output += chunk

    def exit_code(self) -> int:
        deadline = time.monotonic() + GIVE_UP_S
        while not (reaped := os.waitpid(self.pid, os.WNOHANG))[0]:
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                reaped = os.waitpid(self.pid, 0)
                break
            time.sleep(0.05)
        return os.waitstatus_to_exitcode(reaped[1])


def _edits(db_path: Path) -> list[str]:
    with Store.open(db_path) as store:
        ids = [summary.message_id for summary in store.conversation_summaries("all")]
        return [text for text in map(store.edited_text, ids) if text is not None]


@pytest.mark.parametrize("stop", ["hang-up", "sigterm"])
def test_text_typed_just_before_the_terminal_goes_is_saved(tmp_path: Path, stop: str) -> None:
    db_path = seed_store(tmp_path / "state.db")
    terminal = Terminal(db_path)
    try:
        terminal.read_until(rb"classified (\d+) of \1\b")
        terminal.type("e")
        terminal.read_until(rb"Done editing")  # the draft has the keys now
        terminal.type(TYPED)
        terminal.read_until(TYPED.encode())
        if stop == "hang-up":
            os.close(terminal.fd)  # the kernel sends SIGHUP, as a closed window does
        else:
            os.kill(terminal.pid, signal.SIGTERM)
            terminal.read_to_the_end()
            os.close(terminal.fd)
        exit_code = terminal.exit_code()
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(terminal.pid, signal.SIGKILL)
            os.waitpid(terminal.pid, 0)
    [edit] = _edits(db_path)
    assert edit.endswith(TYPED)
    assert exit_code == 0  # stopped as on `q`, not killed by the signal
    if stop == "sigterm":
        assert LEAVE_ALTERNATE_SCREEN in terminal.output  # and the terminal was restored
