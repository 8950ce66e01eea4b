"""Property tests: what the writer produces in any era's shape reads back identical, and
damaged input never raises anything but ExportError."""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from export_eras import ERA_2023, ERA_2026
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reply_assistant.models import Message, Participant
from reply_assistant.sources import ERA_COLUMNS, ExportError, open_export, write_messages_csv
from reply_assistant.sources.html_text import decode_references

any_char = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
awkward_pieces = st.sampled_from(
    ['"', '""', ",", "\r", "\n", "\r\n", "\n\r", "🙂", "👩‍💻", "<p>", "</p>", "<br>", "&amp;",
     "%FIRSTNAME%", " ", "\t", "é", "\ufeff", "UTC"]
)  # fmt: skip
message_text = st.lists(st.one_of(st.text(any_char, max_size=20), awkward_pieces), max_size=12).map(
    "".join
)
plain_text = st.lists(
    st.one_of(st.text(any_char.filter(lambda c: c != "<"), max_size=20), awkward_pieces.filter(
        lambda piece: "<" not in piece
    )),
    max_size=12,
).map("".join)  # fmt: skip
name = (
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzÅéø '-."), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)
slug = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-%"), min_size=1, max_size=20)
person = st.builds(Participant, name, slug.map(lambda s: f"https://www.linkedin.com/in/{s}"))
sent_at = st.datetimes(
    min_value=datetime(2005, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0))
attachment = slug.map(lambda s: f"https://www.linkedin.com/dms/prv/{s}?e=1&v=beta,x")


@st.composite
def messages(draw: st.DrawFn, content: st.SearchStrategy[str] = message_text) -> Message:
    raw = draw(content)
    return Message(
        conversation_id="2-" + draw(slug),
        sender=draw(person),
        recipients=tuple(draw(st.lists(person, min_size=1, max_size=3))),
        sent_at=draw(sent_at),
        content_raw=raw,
        text=raw,
        conversation_title=draw(message_text),
        subject=draw(message_text),
        folder=draw(st.sampled_from(["INBOX", "ARCHIVE", "SPAM", ""])),
        attachments=tuple(draw(st.lists(attachment, max_size=2))),
    )


def write_and_read(era: str, written: list[Message], drafts: list[Message]):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "messages.csv"
        write_messages_csv(path, written, era, drafts=drafts)
        with open_export(path) as export:
            return list(export.iter_messages()), export.drafts_skipped, export.skipped


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    era=st.sampled_from(list(ERA_COLUMNS)),
    written=st.lists(messages(), min_size=1, max_size=4),
    drafts=st.lists(messages(), max_size=2),
)
def test_every_era_reads_back_what_was_written(
    era: str, written: list[Message], drafts: list[Message]
):
    columns = ERA_COLUMNS[era]
    if "IS MESSAGE DRAFT" not in columns:
        drafts = []
    read, drafts_skipped, skipped = write_and_read(era, written, drafts)
    assert skipped == []
    assert drafts_skipped == len(drafts)
    assert len(read) == len(written)
    for original, back in zip(written, read, strict=True):
        assert back.content_raw == original.content_raw
        assert back.conversation_id == original.conversation_id
        assert back.sender == original.sender
        assert back.sent_at == original.sent_at
        assert back.subject == original.subject
        assert back.conversation_title == original.conversation_title
        assert back.folder == original.folder
        if "RECIPIENT PROFILE URLS" in columns:
            assert back.recipients == original.recipients
        else:
            assert [p.name for p in back.recipients] == [p.name for p in original.recipients]
        if "ATTACHMENTS" in columns:
            assert back.attachments == original.attachments
        assert back.id == original.id


@settings(max_examples=100, deadline=None)
@given(
    era=st.sampled_from(list(ERA_COLUMNS)),
    written=st.lists(messages(plain_text), min_size=1, max_size=4),
)
def test_plain_text_is_its_own_text(era: str, written: list[Message]):
    read, _, _ = write_and_read(era, written, [])
    # Character references (`&amp;`) are decoded in plain text too; nothing else changes.
    assert [message.text for message in read] == [
        decode_references(message.content_raw) for message in written
    ]


def exercise(path: Path) -> None:
    """Everything a caller does with an export; only ExportError may escape."""
    try:
        with open_export(path) as export:
            for _ in export.iter_messages():
                pass
            export.connections()
            export.owner()
    except ExportError:
        pass


def exercise_bytes(data: bytes, file_name: str) -> None:
    """`exercise` on `data` saved as `file_name` in a folder of its own."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file_name
        path.write_bytes(data)
        exercise(path)


def _zip_of(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, f"{folder.name}/{file.name}")
    return buffer.getvalue()


REAL_ZIP = _zip_of(ERA_2026)
REAL_CSV = (ERA_2023 / "messages.csv").read_bytes()
fuzz_settings = settings(
    max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow]
)


def mutated(original: bytes) -> st.SearchStrategy[bytes]:
    def apply(cut: int, flips: list[tuple[int, int]]) -> bytes:
        data = bytearray(original[:cut])
        for index, value in flips:
            if data:
                data[index % len(data)] = value
        return bytes(data)

    flips = st.lists(st.tuples(st.integers(0, len(original)), st.integers(0, 255)), max_size=8)
    return st.builds(apply, st.integers(0, len(original)), flips)


@fuzz_settings
@given(data=st.binary(max_size=3000), file_name=st.sampled_from(["messages.csv", "export.zip"]))
def test_random_bytes_only_raise_export_error(data: bytes, file_name: str):
    exercise_bytes(data, file_name)


@fuzz_settings
@given(data=mutated(REAL_ZIP))
def test_damaged_real_zip_only_raises_export_error(data: bytes):
    exercise_bytes(data, "export.zip")


@fuzz_settings
@given(data=mutated(REAL_CSV))
def test_damaged_real_csv_only_raises_export_error(data: bytes):
    exercise_bytes(data, "messages.csv")
