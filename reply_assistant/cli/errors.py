"""Errors a user can cause, shown as one line with what to do."""

from __future__ import annotations

import click

# Stopped by Ctrl-C: 128 + SIGINT, as a shell reports a process the signal ended.
EXIT_INTERRUPTED = 130


class InputError(click.ClickException):
    """Bad usage or bad input (missing file, wrong columns, bad config): exit status 2."""

    exit_code = 2
