"""The one error the export reader raises for input a user can fix."""

from __future__ import annotations


class ExportError(Exception):
    """A LinkedIn export that cannot be read: one sentence naming the file, what is wrong
    and what to do about it."""
