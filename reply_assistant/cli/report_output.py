"""Standard output for a command that does more than print (writes files, records history,
sets its exit status by thresholds): a reader that goes away early (`| head`, a pager quit)
ends the printing quietly, not the command."""

from __future__ import annotations

import os
import sys
from typing import TextIO, cast

from rich.console import Console


class _StdoutUntilReaderLeaves:
    """sys.stdout (whichever it is at each write) until a write finds the pipe closed;
    from then on the text is dropped, and the descriptor points at the null device so the
    interpreter's last flush has nowhere to fail either. The part of a text file rich uses."""

    def __init__(self) -> None:
        self.reader_left = False

    def write(self, text: str) -> int:
        if not self.reader_left:
            try:
                sys.stdout.write(text)
            except BrokenPipeError:
                self._drop_the_rest()
        return len(text)

    def flush(self) -> None:
        if not self.reader_left:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                self._drop_the_rest()

    def isatty(self) -> bool:
        return not self.reader_left and sys.stdout.isatty()

    @property
    def encoding(self) -> str:
        return sys.stdout.encoding

    def _drop_the_rest(self) -> None:
        self.reader_left = True
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, sys.stdout.fileno())
        finally:
            os.close(null)


def report_console() -> Console:
    """A console on standard output that stops printing, silently, once nobody reads it."""
    return Console(file=cast(TextIO, _StdoutUntilReaderLeaves()))
