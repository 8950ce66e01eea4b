"""Rows of a LinkedIn `messages.csv` turned into Messages, one at a time.

Columns are found by header name, never by position: the export gained RECIPIENT PROFILE
URLS (2023), ATTACHMENTS (2024), IS MESSAGE DRAFT / IS CONVERSATION DRAFT (2025) and full
quoting (2026) over the years.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, TextIO

from reply_assistant.models import Message, MessageKind, Participant, SkippedRow
from reply_assistant.sources.errors import ExportError
from reply_assistant.sources.html_text import find_placeholders, html_to_text

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

REQUIRED_COLUMNS = ("CONVERSATION ID", "FROM", "DATE", "CONTENT")
OPTIONAL_COLUMNS = (
    "CONVERSATION TITLE",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "SUBJECT",
    "FOLDER",
    "ATTACHMENTS",
    "IS MESSAGE DRAFT",
    "IS CONVERSATION DRAFT",
)
# Long messages must load, but one runaway quote must not swallow the whole file into memory.
MAX_FIELD_CHARS = 64 * 1024 * 1024
csv.field_size_limit(MAX_FIELD_CHARS)

_SEPARATOR_NAMES = {";": "';'", "\t": "tabs"}
_MISSING = -1  # index of the "" appended to every row, for optional columns the file lacks
_URL_SEPARATOR = re.compile(r",(?=https?://)")
# Name suffixes that follow a comma inside one person's name: "Jane Doe, Ph.D.".
_NAME_SUFFIXES = frozenset(
    (
        "Ph.D.", "PhD", "Ph.D", "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "MBA", "MD",
        "M.D.", "CPA", "CFA", "PMP", "Esq.", "Esq", "DDS", "RN", "MSc", "M.Sc.", "MS", "MA",
        "BSc", "PE", "P.Eng.", "CFP", "EdD", "Ed.D.", "DO", "JD", "J.D.", "LLM", "PsyD",
        "SHRM-CP", "SHRM-SCP", "FCA", "ACCA", "CISSP", "MPH", "MSW", "DVM", "PharmD",
    )
)  # fmt: skip
_INITIALISM = re.compile(r"[A-Z]{2,6}|(?:[A-Z][a-z]?\.){2,4}")
# The class LinkedIn's own mail editor leaves in promotions' HTML (Premium, Learning, ads).
_LINKEDIN_MAIL_MARKUP = "spinmail"
# LinkedIn's own senders ("LinkedIn Premium", "Dana from LinkedIn Learning"); "LinkedIn
# Member" is a real person with a hidden profile.
_LINKEDIN_SENDER = re.compile(r"\blinkedin\b(?! member$)", re.IGNORECASE)


def _resaved_with(header: list[str]) -> str:
    """The separator a header read as comma-separated was really written with, when that
    one gives the required columns; else "". Excel saves "CSV" with the list separator of
    the machine's region, and its dates and text encoding often change with it, so such a
    file is named for what it is rather than read."""
    line = ",".join(header)  # what the comma reader split, put back together
    for separator in _SEPARATOR_NAMES:
        try:
            fields = next(csv.reader([line], delimiter=separator))
        except csv.Error:  # a quoted line break: no header either way
            continue
        names = {normalize_header(name) for name in fields}
        if all(required in names for required in REQUIRED_COLUMNS):
            return separator
    return ""


def normalize_header(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split()).upper()


@dataclass(frozen=True, slots=True)
class ColumnMap:
    width: int
    index: dict[str, int]

    @classmethod
    def from_header(cls, header: list[str], file_name: str) -> ColumnMap:
        index: dict[str, int] = {}
        for position, name in enumerate(header):
            index.setdefault(normalize_header(name), position)
        missing = [name for name in REQUIRED_COLUMNS if name not in index]
        separator = _resaved_with(header) if missing else ""
        if separator:
            raise ExportError(
                f"{file_name} has {_SEPARATOR_NAMES[separator]} between its columns, not "
                "commas, so a spreadsheet saved it again (Excel uses ';' in some countries); "
                "pass the messages.csv exactly as LinkedIn exported it, or the whole .zip."
            )
        if missing:
            raise ExportError(
                f"{file_name} is missing the column(s) {', '.join(missing)}, so it is not a "
                "LinkedIn messages export; pass the messages.csv (or the whole .zip) that "
                "LinkedIn sent you."
            )
        for name in OPTIONAL_COLUMNS:
            index.setdefault(name, _MISSING)
        return cls(width=len(header), index=index)


@dataclass(slots=True)
class RowTally:
    """What reading a messages file set aside, for the import summary."""

    skipped: list[SkippedRow] = field(default_factory=list)
    drafts: int = 0


def parse_sent_at(value: str) -> datetime:
    """`2023-06-01 14:03:22 UTC` -> aware UTC datetime; raises ValueError."""
    text = value.strip()
    if text.endswith("UTC"):
        text = text[:-3].rstrip()
    sent_at = datetime.fromisoformat(text)
    if sent_at.tzinfo is None:
        return sent_at.replace(tzinfo=UTC)
    return sent_at.astimezone(UTC)


def split_urls(value: str) -> list[str]:
    """Comma-joined URLs; a comma inside a URL (query strings) is not a separator."""
    value = value.strip()
    if not value:
        return []
    return [url.strip() for url in _URL_SEPARATOR.split(value) if url.strip()]


def _is_name_suffix(token: str) -> bool:
    # Case-sensitive: "MD" is a degree, "Md" a first name.
    return token in _NAME_SUFFIXES or _INITIALISM.fullmatch(token) is not None


def split_names(value: str) -> list[str]:
    """Names joined with ", ", keeping suffixes such as `Ph.D.` with the name before them."""
    names: list[str] = []
    for token in value.split(","):
        token = token.strip()
        if not token:
            continue
        if names and _is_name_suffix(token):
            names[-1] = f"{names[-1]}, {token}"
        else:
            names.append(token)
    return names


# An inbox's messages are mostly to the same one or few people (the owner): each distinct
# pair of fields is parsed once. The result is immutable, so sharing it is safe.
@lru_cache(maxsize=4096)
def parse_recipients(names_field: str, urls_field: str) -> tuple[Participant, ...]:
    urls = split_urls(urls_field)
    if "," not in names_field:
        name = names_field.strip()
        if not name:
            return ()
        return (Participant(name, urls[0] if len(urls) == 1 else ""),)
    names = split_names(names_field)
    if len(names) == len(urls):
        return tuple(map(Participant, names, urls))
    raw_names = [token.strip() for token in names_field.split(",") if token.strip()]
    if urls and len(raw_names) == len(urls):
        return tuple(map(Participant, raw_names, urls))
    # Counts disagree: pairing by position could give someone a stranger's profile.
    return tuple(Participant(name) for name in names)


def is_promotion(sender_name: str, sender_url: str, title: str, content: str) -> bool:
    """Sponsored InMail or LinkedIn's own promotion: never a profile behind it, and a
    campaign title, LinkedIn's mail markup or a LinkedIn sender name."""
    if sender_url:
        return False
    return (
        bool(title.strip())
        or _LINKEDIN_MAIL_MARKUP in content
        or _LINKEDIN_SENDER.search(sender_name.strip()) is not None
    )


def message_kind(
    sender_name: str, sender_url: str, text: str, subject: str, attachments: str
) -> MessageKind:
    if not sender_name and not sender_url:
        return MessageKind.EVENT
    if text.strip() or subject.strip():  # a subject alone is words to judge
        return MessageKind.TEXT
    return MessageKind.ATTACHMENT if attachments.strip() else MessageKind.EMPTY


def _not_utf8(file_name: str, line: int) -> ExportError:
    return ExportError(
        f"{file_name} is not UTF-8 text (at or after line {line}); pass the file exactly as "
        "LinkedIn exported it, or save it again as UTF-8."
    )


def _is_yes(value: str) -> bool:
    return value.strip().lower() in ("yes", "true")


def read_header(reader: CsvReader, display_name: str) -> ColumnMap:
    """The column map from the first row; ExportError if this is not a messages.csv."""
    try:
        header = next(reader)
    except StopIteration:
        raise ExportError(
            f"{display_name} is empty; download the export from LinkedIn again."
        ) from None
    except UnicodeDecodeError:
        raise _not_utf8(display_name, 1) from None
    except csv.Error as exc:
        raise ExportError(
            f"{display_name} is not a readable CSV file ({exc}); pass the messages.csv from "
            "your LinkedIn export."
        ) from None
    if any("\x00" in name for name in header):
        raise ExportError(
            f"{display_name} holds binary data, not CSV text; pass the messages.csv from your "
            "LinkedIn export."
        )
    return ColumnMap.from_header(header, display_name)


def iter_message_rows(
    stream: TextIO, display_name: str, tally: RowTally, file_name: str
) -> Iterator[Message]:
    """Stream Messages from a text stream opened with newline="" (so CRLF inside CONTENT
    survives); malformed rows go to tally.skipped as (file_name, line where they start)."""
    reader = csv.reader(stream)
    columns = read_header(reader, display_name)
    yield from _rows_to_messages(reader, columns, display_name, file_name, tally)


def _rows_to_messages(
    reader: CsvReader, columns: ColumnMap, display_name: str, file_name: str, tally: RowTally
) -> Iterator[Message]:
    col = columns.index
    width = columns.width
    i_id, i_from, i_date, i_content = (col[name] for name in REQUIRED_COLUMNS)
    i_title, i_sender_url, i_to, i_to_urls = (
        col["CONVERSATION TITLE"],
        col["SENDER PROFILE URL"],
        col["TO"],
        col["RECIPIENT PROFILE URLS"],
    )
    i_subject, i_folder, i_attachments = col["SUBJECT"], col["FOLDER"], col["ATTACHMENTS"]
    i_draft, i_conversation_draft = col["IS MESSAGE DRAFT"], col["IS CONVERSATION DRAFT"]
    skipped = tally.skipped
    last_line = reader.line_num

    def skip(line: int, reason: str) -> None:
        skipped.append(SkippedRow(file_name, line, reason))

    while True:
        try:
            for row in reader:
                line = last_line + 1
                last_line = reader.line_num
                if len(row) != width:
                    if row:  # an empty list is a blank line, harmless
                        skip(line, f"expected {width} fields, found {len(row)}")
                    continue
                row.append("")  # what _MISSING points at
                if _is_yes(row[i_draft]) or _is_yes(row[i_conversation_draft]):
                    tally.drafts += 1
                    continue
                if "\x00" in "".join(row):
                    skip(line, "contains NUL bytes")
                    continue
                conversation_id = row[i_id].strip()
                if not conversation_id:
                    skip(line, "no CONVERSATION ID")
                    continue
                try:
                    sent_at = parse_sent_at(row[i_date])
                except ValueError:
                    skip(line, "DATE is not like 2024-01-31 12:00:00 UTC")
                    continue
                content = row[i_content]
                sender_name = row[i_from].strip()
                sender_url = row[i_sender_url].strip()
                attachments = row[i_attachments]
                if not (content.strip() or attachments.strip() or sender_name or sender_url):
                    # Nobody sent it and it says nothing: kept, it would be an empty
                    # conversation awaiting a reply.
                    skip(line, "no sender (FROM, SENDER PROFILE URL) and no CONTENT")
                    continue
                text = html_to_text(content)
                subject = row[i_subject]
                title = row[i_title]
                yield Message(
                    conversation_id=conversation_id,
                    sender=Participant(sender_name, sender_url),
                    recipients=parse_recipients(row[i_to], row[i_to_urls]),
                    sent_at=sent_at,
                    content_raw=content,
                    text=text,
                    conversation_title=title,
                    subject=subject,
                    folder=row[i_folder].strip(),
                    attachments=tuple(split_urls(attachments)) if attachments else (),
                    sponsored=is_promotion(sender_name, sender_url, title, content),
                    placeholders=find_placeholders(subject, text),
                    source_line=line,
                    kind=message_kind(sender_name, sender_url, text, subject, attachments),
                )
            return
        except UnicodeDecodeError:
            raise _not_utf8(display_name, last_line + 1) from None
        except csv.Error as exc:
            # The C reader resets after an error, so reading resumes on the next line.
            skip(last_line + 1, f"unreadable CSV row ({exc})")
            last_line = reader.line_num
