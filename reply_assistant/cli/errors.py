"""Errors a user can cause, shown as one line with what to do."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

# Stopped by Ctrl-C: 128 + SIGINT, as a shell reports a process the signal ended.
EXIT_INTERRUPTED = 130


class InputError(click.ClickException):
    """Bad usage or bad input (missing file, wrong columns, bad config): exit status 2."""

    exit_code = 2


@contextmanager
def exit_on_ctrl_c(note: str) -> Iterator[None]:
    """Ctrl-C inside: `note` on one line and exit status 130, not click's "Aborted!" and 1."""
    try:
        yield
    except KeyboardInterrupt:
        click.echo(note, err=True)
        sys.exit(EXIT_INTERRUPTED)
