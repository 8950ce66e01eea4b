"""The writer's era shapes, and reader details the fixtures alone do not pin down."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from export_eras import ERA_2026

from reply_assistant.models import Message, Participant
from reply_assistant.sources import ERA_COLUMNS, open_export, write_messages_csv
from reply_assistant.sources.messages_csv import parse_recipients


def sample(content: str = 'Hi, "Jo"\r\nsecond line', **changes) -> Message:
    fields = dict(
        conversation_id="2-abc",
        sender=Participant("Ana Silva", "https://www.linkedin.com/in/ana"),
        recipients=(
            Participant("Jordan Pike", "https://www.linkedin.com/in/jordanpike"),
            Participant("Wren Hale, PhD", "https://www.linkedin.com/in/wren-hale"),
        ),
        sent_at=datetime(2026, 2, 1, 8, 0, tzinfo=UTC),
        content_raw=content,
        text=content,
        folder="INBOX",
    )
    fields.update(changes)
    return Message(**fields)


def test_era_column_counts():
    counts = {era: len(columns) for era, columns in ERA_COLUMNS.items()}
    assert counts == {
        "2021": 9, "2023": 10, "2024": 11, "2025": 12, "2025b": 13, "2025c": 12, "2026": 11
    }  # fmt: skip
    assert "RECIPIENT PROFILE URLS" not in ERA_COLUMNS["2021"]
    assert ERA_COLUMNS["2025b"][-1] == "IS CONVERSATION DRAFT"
    # The other 12-column shape: both draft flags, no ATTACHMENTS.
    assert "ATTACHMENTS" not in ERA_COLUMNS["2025c"]
    assert ERA_COLUMNS["2025c"][-2:] == ["IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"]


def test_2025c_shape_reads_back_and_skips_its_drafts(tmp_path: Path):
    path = tmp_path / "messages.csv"
    write_messages_csv(path, [sample()], "2025c", drafts=[sample("unsent")])
    header = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert header.endswith("FOLDER,IS MESSAGE DRAFT,IS CONVERSATION DRAFT")
    with open_export(path) as export:
        (message,) = export.iter_messages()
        assert export.drafts_skipped == 1 and export.skipped == []
    assert message.text == sample().text and message.recipients == sample().recipients


def test_2026_shape_matches_the_real_fixture_header_and_quoting():
    out = io.StringIO(newline="")
    write_messages_csv(out, [sample()], "2026")
    written = out.getvalue()
    real_header = (ERA_2026 / "messages.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    assert written.split("\n", 1)[0] == real_header
    assert '"Hi, ""Jo""\r\nsecond line","INBOX",""\n' in written
    assert '"Jordan Pike, Wren Hale, PhD"' in written


def test_minimal_quoting_in_older_eras():
    out = io.StringIO(newline="")
    write_messages_csv(out, [sample("plain")], "2021")
    row = out.getvalue().splitlines()[1]
    assert row == (
        '2-abc,,Ana Silva,https://www.linkedin.com/in/ana,"Jordan Pike, Wren Hale, PhD",'
        "2026-02-01 08:00:00 UTC,,plain,INBOX"
    )


def test_drafts_need_a_draft_column(tmp_path: Path):
    with pytest.raises(ValueError, match="cannot hold drafts"):
        write_messages_csv(tmp_path / "m.csv", [sample()], "2024", drafts=[sample()])
    with pytest.raises(ValueError, match="unknown era"):
        write_messages_csv(tmp_path / "m.csv", [sample()], "1999")


def test_crlf_rows_and_crlf_content_read_back_exactly(tmp_path: Path):
    # A 2026-shaped file as a Windows tool might save it: CRLF between rows and inside CONTENT.
    header = ",".join(f'"{name}"' for name in ERA_COLUMNS["2026"])
    row = (
        '"2-a","","Ana","https://www.linkedin.com/in/ana","Jo","https://www.linkedin.com/in/jo",'
        '"2026-02-01 08:00:00 UTC","","one\r\ntwo\nthree\rfour","INBOX",""'
    )
    csv_file = tmp_path / "messages.csv"
    csv_file.write_bytes(f"{header}\r\n{row}\r\n{row}\r\n".encode())
    with open_export(csv_file) as export:
        first, second = export.iter_messages()
    assert first.content_raw == first.text == "one\r\ntwo\nthree\rfour"
    assert (first.source_line, second.source_line) == (2, 6)


@pytest.mark.parametrize(
    ("names", "urls", "expected"),
    [
        # Counts agree after keeping "Ph.D." with Jane: pair by position.
        ("Ravi Menon, Jane Doe, Ph.D.", "https://l/in/ravi,https://l/in/jane",
         [("Ravi Menon", "https://l/in/ravi"), ("Jane Doe, Ph.D.", "https://l/in/jane")]),
        # A suffix-like token that really is a second person: the URL count decides.
        ("Ann Lee, MD", "https://l/in/ann,https://l/in/md",
         [("Ann Lee", "https://l/in/ann"), ("MD", "https://l/in/md")]),
        # Counts cannot be reconciled: names only, never a stranger's URL.
        ("Ann Lee, Bo Ek, Cy Oh", "https://l/in/ann,https://l/in/bo",
         [("Ann Lee", ""), ("Bo Ek", ""), ("Cy Oh", "")]),
        # No URL column (2021-2022): names, with suffixes kept.
        ("Maya Lindgren, Sam Roe, Jr.", "", [("Maya Lindgren", ""), ("Sam Roe, Jr.", "")]),
        ("", "", []),
    ],
)  # fmt: skip
def test_recipient_names_and_urls(names: str, urls: str, expected: list[tuple[str, str]]):
    assert parse_recipients(names, urls) == tuple(Participant(*pair) for pair in expected)
