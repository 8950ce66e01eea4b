"""Bad files give one clear ExportError; bad rows are skipped with their line number."""

from __future__ import annotations

import csv
import random
import zipfile
from pathlib import Path

import pytest
from export_eras import ERA_2023

from reply_assistant.models import SkippedRow
from reply_assistant.sources import ExportError, open_export
from reply_assistant.sources import export as export_module

BAD = Path(__file__).parent / "fixtures" / "exports"
HEADER = "CONVERSATION ID,FROM,DATE,CONTENT\n"


def make_zip(target: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def error_of(path: Path) -> str:
    with pytest.raises(ExportError) as caught, open_export(path) as export:
        list(export.iter_messages())
    return str(caught.value)


def test_missing_required_columns_are_named():
    message = error_of(BAD / "missing_columns.csv")
    assert "missing_columns.csv" in message
    assert "DATE, CONTENT" in message


@pytest.mark.parametrize(("separator", "named"), [(";", "';'"), ("\t", "tabs")])
@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL])
def test_a_file_saved_again_with_another_separator_says_so(tmp_path, separator, named, quoting):
    with (ERA_2023 / "messages.csv").open(encoding="utf-8", newline="") as exported:
        rows = list(csv.reader(exported))
    resaved = tmp_path / "messages.csv"
    with resaved.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=separator, quoting=quoting).writerows(rows)
    message = error_of(resaved)
    assert message.startswith(f"messages.csv has {named} between its columns, not commas")
    assert "missing the column" not in message


def test_a_header_with_a_quoted_line_break_is_missing_columns(tmp_path):
    # Found by fuzzing: looking for another separator read the header again and raised.
    path = tmp_path / "messages.csv"
    path.write_text('"ONVERSATION ID,FROM,DATE,CONTENT\n2-a,Ana,2024-01-01,Hi\n', encoding="utf-8")
    assert "missing the column(s)" in error_of(path)


def test_empty_file():
    assert "empty.csv is empty" in error_of(BAD / "empty.csv")


def test_invalid_utf8_is_reported_not_guessed():
    message = error_of(BAD / "not_utf8.csv")
    assert "not_utf8.csv is not UTF-8" in message


def test_binary_file_is_not_a_csv():
    message = error_of(BAD / "binary.csv")
    assert message.startswith("binary.csv ")


def test_invalid_utf8_after_good_rows_stops_with_the_line(tmp_path: Path):
    csv_file = tmp_path / "messages.csv"
    good_rows = "".join(f"2-a,Ana,2024-01-01 00:00:00 UTC,row {n}\n" for n in range(5000))
    csv_file.write_bytes((HEADER + good_rows).encode() + b"2-a,Ana,2024-01-01 00:00:00 UTC,\xff\n")
    with open_export(csv_file) as export:
        read: list[str] = []
        with pytest.raises(ExportError, match="not UTF-8"):
            read.extend(message.text for message in export.iter_messages())
    assert len(read) > 1000  # the rows before the bad bytes were read


def test_malformed_rows_are_skipped_with_their_starting_line():
    with open_export(BAD / "malformed_rows.csv") as export:
        texts = [message.text for message in export.iter_messages()]
        skipped = export.skipped
    assert texts == ["first good row", "a message\nover two lines", "last good row"]
    assert [(row.file, row.line) for row in skipped] == [
        ("malformed_rows.csv", 3),
        ("malformed_rows.csv", 4),
        ("malformed_rows.csv", 5),
        ("malformed_rows.csv", 8),
        ("malformed_rows.csv", 9),
    ]
    reasons = [row.reason for row in skipped]
    assert "DATE" in reasons[0]
    assert reasons[1] == "expected 10 fields, found 8"
    assert reasons[2] == "no CONVERSATION ID"
    assert reasons[3] == "contains NUL bytes"
    assert reasons[4] == "expected 10 fields, found 12"


def test_a_row_with_no_sender_and_no_content_is_skipped_but_an_attachment_counts(
    tmp_path: Path,
):
    csv_file = tmp_path / "messages.csv"
    csv_file.write_text(
        "CONVERSATION ID,FROM,SENDER PROFILE URL,DATE,CONTENT,ATTACHMENTS\n"
        "2-a,Ana,https://www.linkedin.com/in/ana,2024-01-01 00:00:00 UTC,hello,\n"
        "2-b,,,2024-01-01 00:00:01 UTC,,\n"
        "2-c,,,2024-01-01 00:00:02 UTC,  ,https://example.com/photo.png\n",
        encoding="utf-8",
    )
    with open_export(csv_file) as export:
        ids = [message.conversation_id for message in export.iter_messages()]
        skipped = export.skipped
    assert ids == ["2-a", "2-c"]
    assert [(row.line, row.reason) for row in skipped] == [
        (3, "no sender (FROM, SENDER PROFILE URL) and no CONTENT")
    ]


def test_oversized_field_is_skipped_and_reading_goes_on(tmp_path: Path):
    # The limit is process-wide, so it is set low here and restored below.
    old_limit = csv.field_size_limit(100)
    try:
        csv_file = tmp_path / "messages.csv"
        csv_file.write_text(
            HEADER
            + f'2-a,Ana,2024-01-01 00:00:00 UTC,"{"x" * 500}"\n'
            + "2-a,Ana,2024-01-01 00:00:01 UTC,short\n",
            encoding="utf-8",
        )
        with open_export(csv_file) as export:
            texts = [message.text for message in export.iter_messages()]
            assert texts == ["short"]
            assert export.skipped[0].line == 2
            assert "field larger than field limit" in export.skipped[0].reason
    finally:
        csv.field_size_limit(old_limit)


def test_zip_without_messages_lists_its_files(tmp_path: Path):
    archive = make_zip(tmp_path / "export.zip", {"Connections.csv": "x", "Profile.csv": "y"})
    message = error_of(archive)
    assert "export.zip has no messages.csv" in message
    assert "Connections.csv, Profile.csv" in message


def test_folder_without_messages(tmp_path: Path):
    (tmp_path / "Invitations.csv").write_text("x", encoding="utf-8")
    assert "(it holds Invitations.csv)" in error_of(tmp_path)


def test_missing_path_and_broken_zip(tmp_path: Path):
    assert "does not exist" in error_of(tmp_path / "nowhere.zip")
    fake = tmp_path / "export.zip"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    assert "export.zip is not a valid zip file" in error_of(fake)


def test_other_message_files_are_listed_but_not_read(tmp_path: Path):
    archive = make_zip(
        tmp_path / "export.zip",
        {
            "guide_messages.csv": (BAD / "guide_messages.csv").read_bytes(),
            "learning_coach_messages.csv": "No conversations found\n",
            "LearningCoachMessages.csv": (BAD / "LearningCoachMessages.csv").read_bytes(),
            "Complete/Inbox/MESSAGES.CSV": HEADER + "2-a,Ana,2024-01-01 00:00:00 UTC,real\n",
        },
    )
    with open_export(archive) as export:
        assert [message.text for message in export.iter_messages()] == ["real"]
        assert export.messages_file == "Complete/Inbox/MESSAGES.CSV"
        assert len(export.files) == 4
        assert export.skipped == []


def test_unsafe_member_names_are_never_touched(tmp_path: Path):
    good = HEADER + "2-a,Ana,2024-01-01 00:00:00 UTC,safe\n"
    evil = HEADER + "2-a,Eve,2024-01-01 00:00:00 UTC,evil\n"
    archive = make_zip(
        tmp_path / "export.zip",
        {"../messages.csv": evil, "/etc/messages.csv": evil, "deep/messages.csv": good},
    )
    with open_export(archive) as export:
        assert export.files == ["deep/messages.csv"]
        assert [message.text for message in export.iter_messages()] == ["safe"]
    only_evil = make_zip(tmp_path / "evil.zip", {"a/../../messages.csv": evil})
    assert "evil.zip has no messages.csv (it holds no files)" in error_of(only_evil)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["evil.zip", "export.zip"]


def test_zip_bomb_ratio_is_refused(tmp_path: Path):
    bomb = HEADER + "2-a,Ana,2024-01-01 00:00:00 UTC," + "0" * (8 * 1024 * 1024) + "\n"
    archive = make_zip(tmp_path / "bomb.zip", {"messages.csv": bomb})
    assert "only a zip bomb does" in error_of(archive)


def _random_rows(count: int) -> str:
    generator = random.Random(7)
    words = [f"{generator.getrandbits(64):x}" for _ in range(count)]
    return HEADER + "".join(f"2-a,Ana,2024-01-01 00:00:00 UTC,{word}\n" for word in words)


def test_declared_size_over_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    archive = make_zip(tmp_path / "export.zip", {"messages.csv": _random_rows(20_000)})
    monkeypatch.setattr(export_module, "MAX_DECOMPRESSED_BYTES", 100_000)
    assert "would decompress to" in error_of(archive)


def test_total_bytes_read_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    content = _random_rows(20_000)  # about 700 kB, well under the cap per read
    archive = make_zip(tmp_path / "export.zip", {"messages.csv": content})
    monkeypatch.setattr(export_module, "MAX_DECOMPRESSED_BYTES", int(len(content) * 1.5))
    with open_export(archive) as export:
        assert sum(1 for _ in export.iter_messages()) == 20_000
        with pytest.raises(ExportError, match="decompresses to more than"):
            sum(1 for _ in export.iter_messages())


def test_corrupt_zip_data_is_an_export_error(tmp_path: Path):
    archive = make_zip(tmp_path / "export.zip", {"messages.csv": _random_rows(5000)})
    data = bytearray(archive.read_bytes())
    for offset in range(2000, 40_000, 997):  # inside the compressed stream
        data[offset] ^= 0xFF
    archive.write_bytes(bytes(data))
    assert "in export.zip" in error_of(archive)


def test_unreadable_connections_do_not_stop_the_import(tmp_path: Path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "messages.csv").write_bytes((ERA_2023 / "messages.csv").read_bytes())
    (folder / "Connections.csv").write_bytes(b"First Name,Last Name\n\xff\xfe,Bad\n")
    with open_export(folder) as export:
        assert export.connections() == []
        assert export.skipped[0].file == "Connections.csv"
        assert len(list(export.iter_messages())) == 7
    (folder / "Connections.csv").write_text("Nothing useful here\n", encoding="utf-8")
    with open_export(folder) as export:
        assert export.connections() == []
        assert export.skipped == [
            SkippedRow("Connections.csv", 1, "no header line starting with First Name; not read")
        ]
