"""Write messages in the exact `messages.csv` shape of each export era.

Used by tests, benchmarks and the demo inbox generator, so what they feed the reader looks
like what LinkedIn produced in that year.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable
from datetime import UTC
from pathlib import Path
from typing import TextIO

from reply_assistant.models import Message

_BASE = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO"]
_TAIL = ["DATE", "SUBJECT", "CONTENT", "FOLDER"]
_2023 = [*_BASE, "RECIPIENT PROFILE URLS", *_TAIL]
_2024 = [*_2023, "ATTACHMENTS"]

ERA_COLUMNS: dict[str, list[str]] = {
    "2021": [*_BASE, *_TAIL],  # 2021-2022: no RECIPIENT PROFILE URLS
    "2023": _2023,
    "2024": _2024,
    "2025": [*_2024, "IS MESSAGE DRAFT"],
    "2025b": [*_2024, "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"],
    # 12 columns too, but both draft flags and no ATTACHMENTS.
    "2025c": [*_2023, "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"],
    "2026": list(_2024),  # every field quoted, header included
}
_QUOTE_EVERY_FIELD = frozenset({"2026"})
_NEEDS_QUOTES = frozenset(',"\r\n')


def _quote(field: str, always: bool) -> str:
    # Hand-rolled because csv.writer leaves a lone "\r" unquoted when the row terminator is
    # "\n", and such a row would not read back.
    if always or not _NEEDS_QUOTES.isdisjoint(field):
        return '"' + field.replace('"', '""') + '"'
    return field


def _row_values(message: Message, draft: bool) -> dict[str, str]:
    return {
        "CONVERSATION ID": message.conversation_id,
        "CONVERSATION TITLE": message.conversation_title,
        "FROM": message.sender.name,
        "SENDER PROFILE URL": message.sender.profile_url,
        "TO": ", ".join(person.name for person in message.recipients),
        "RECIPIENT PROFILE URLS": ",".join(
            person.profile_url for person in message.recipients if person.profile_url
        ),
        "DATE": message.sent_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "SUBJECT": message.subject,
        "CONTENT": message.content_raw,
        "FOLDER": message.folder,
        "ATTACHMENTS": ",".join(message.attachments),
        "IS MESSAGE DRAFT": "Yes" if draft else "No",
        "IS CONVERSATION DRAFT": "No",
    }


def write_messages_csv(
    path_or_file: Path | str | TextIO,
    messages: Iterable[Message],
    era: str,
    drafts: Iterable[Message] = (),
) -> None:
    """Write messages (then drafts, marked `IS MESSAGE DRAFT = Yes`) in that era's shape.

    A file object must be opened in text mode with newline="" so line breaks inside
    CONTENT are written as given.
    """
    if era not in ERA_COLUMNS:
        raise ValueError(f"unknown era {era!r}; choose one of {', '.join(ERA_COLUMNS)}")
    columns = ERA_COLUMNS[era]
    always = era in _QUOTE_EVERY_FIELD
    draft_list = list(drafts)  # few; messages stay streamed
    if draft_list and "IS MESSAGE DRAFT" not in columns:
        raise ValueError(f"era {era} has no IS MESSAGE DRAFT column, so it cannot hold drafts")
    with contextlib.ExitStack() as stack:
        if isinstance(path_or_file, str | Path):
            out: TextIO = stack.enter_context(open(path_or_file, "w", encoding="utf-8", newline=""))
        else:
            out = path_or_file
        out.write(",".join(_quote(name, always) for name in columns) + "\n")
        rows = itertools.chain(
            ((message, False) for message in messages), ((draft, True) for draft in draft_list)
        )
        for message, draft in rows:
            values = _row_values(message, draft)
            out.write(",".join(_quote(values[name], always) for name in columns) + "\n")
