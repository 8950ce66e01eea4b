"""What the store returns besides the shared models, and row <-> model conversion."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from reply_assistant.models import Message, MessageKind, Participant, Verdict
from reply_assistant.printable import printable


@dataclass(frozen=True, slots=True)
class ConversationSummary:
    """One line of the inbox: a conversation and its newest incoming message."""

    conversation_id: str
    message_id: str
    sender: Participant
    preview: str
    sent_at: datetime
    label: str | None
    confidence: float | None
    status: str  # open | done | skipped
    title: str
    sponsored: bool
    first_degree: bool


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    message_id: str
    kind: str  # accept | copy | skip | relabel | reopen
    label: str | None
    note: str
    created_at: datetime
    undone: bool


@dataclass(frozen=True, slots=True)
class Correction:
    """A label the person confirmed (accepted) or gave (relabel), for export-labels."""

    message_id: str
    text: str
    sender: str
    label: str
    kind: str


PREVIEW_CHARS = 120


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime) -> str:
    """Stored timestamps are UTC ISO strings, so text order is time order."""
    return (moment if moment.tzinfo is UTC else moment.astimezone(UTC)).isoformat()


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value)


def preview(text: str) -> str:
    """The text on one line, shortened for a list."""
    line = " ".join(text.split())
    return line if len(line) <= PREVIEW_CHARS else line[: PREVIEW_CHARS - 1] + "…"


_to_json = json.JSONEncoder(ensure_ascii=False).encode


def _strings_json(values: tuple[str, ...]) -> str:
    return _to_json(values) if values else "[]"


@lru_cache(maxsize=4096)
def _recipients_json(recipients: tuple[Participant, ...]) -> str:
    # Imports repeat the same few recipient lists (mostly the owner) many thousand times.
    return _to_json([(person.name, person.profile_url) for person in recipients])


def message_row(message: Message, sender_key: str, imported_at: str, source: str) -> tuple:
    """Values for INSERT INTO messages, in MESSAGE_COLUMNS order; what is shown is stored
    `printable` (the raw content stays as exported, and the id is computed from it)."""
    return (
        message.id,
        message.conversation_id,
        printable(message.sender.name),
        message.sender.profile_url,
        sender_key,
        _recipients_json(message.recipients),
        iso(message.sent_at),
        message.content_raw,
        printable(message.text),
        printable(message.conversation_title),
        printable(message.subject),
        message.folder,
        _strings_json(message.attachments),
        int(message.sponsored),
        _strings_json(message.placeholders),
        source,
        message.source_line,
        imported_at,
        message.kind.value,
    )


MESSAGE_COLUMNS = (
    "id, conversation_id, sender_name, sender_url, sender_key, recipients, sent_at, "
    "content_raw, text, title, subject, folder, attachments, sponsored, placeholders, "
    "source, source_line, imported_at, kind"
)


def message_from_row(row: sqlite3.Row) -> Message:
    return Message(
        conversation_id=row["conversation_id"],
        sender=Participant(row["sender_name"], row["sender_url"]),
        recipients=tuple(Participant(name, url) for name, url in json.loads(row["recipients"])),
        sent_at=parse_iso(row["sent_at"]),
        content_raw=row["content_raw"],
        text=row["text"],
        conversation_title=row["title"],
        subject=row["subject"],
        folder=row["folder"],
        attachments=tuple(json.loads(row["attachments"])),
        sponsored=bool(row["sponsored"]),
        placeholders=tuple(json.loads(row["placeholders"])),
        source_line=row["source_line"],
        kind=MessageKind(row["kind"]),
    )


def verdict_from_row(row: sqlite3.Row) -> Verdict:
    return Verdict(
        label=row["label"],
        confidence=row["confidence"],
        reason=row["reason"],
        signals=json.loads(row["signals"]),
        action=row["action"],
        provenance=json.loads(row["provenance"]),
    )


def decision_from_row(row: sqlite3.Row) -> Decision:
    return Decision(
        id=row["id"],
        message_id=row["message_id"],
        kind=row["kind"],
        label=row["label"],
        note=row["note"],
        created_at=parse_iso(row["created_at"]),
        undone=bool(row["undone"]),
    )
