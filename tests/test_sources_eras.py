"""Each era of the real LinkedIn export structure reads into the same Messages."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from export_eras import ERA_2021, ERA_2022, ERA_2023, ERA_2025, ERA_2026

from reply_assistant.models import Participant
from reply_assistant.sources import ERA_COLUMNS, open_export


def read(folder: Path):
    with open_export(folder) as export:
        messages = list(export.iter_messages())
        return export, messages, export.connections()


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, f"{folder.name}/{file.name}")
    return target


def test_2021_nine_columns_without_recipient_urls():
    export, messages, _ = read(ERA_2021)
    assert len(messages) == 5
    first = messages[0]
    assert first.conversation_id == "2-YWFhYWFhYWEtZmljdGlvbmFsLTAwMDE="
    assert first.sender == Participant("Priya Raman", "https://www.linkedin.com/in/priya-raman-77")
    assert first.recipients == (Participant("Maya Lindgren"),)
    assert first.sent_at == datetime(2021, 4, 2, 9, 15, tzinfo=UTC)
    assert first.text == first.content_raw == "Thanks for connecting!  Coffee next week?"
    assert first.folder == "INBOX"
    assert first.source_line == 2
    # "Maya Lindgren, Lena Vogt" is two people, with no URLs to pair them with.
    assert messages[2].recipients == (Participant("Maya Lindgren"), Participant("Lena Vogt"))
    assert messages[2].conversation_title == "Spring offsite"
    assert export.skipped == []


def test_linkedin_member_without_url_or_title_is_not_sponsored():
    _, messages, _ = read(ERA_2021)
    member = messages[4]
    assert member.sender == Participant("LinkedIn Member", "")
    assert member.conversation_title == ""
    assert member.sponsored is False
    assert member.text == "Hi Maya, I came across your profile"


def test_2022_names_with_commas_keep_their_suffix():
    _, messages, _ = read(ERA_2022)
    assert messages[0].recipients == (Participant("Maya Lindgren"), Participant("Jane Doe, Ph.D."))
    assert messages[1].sender == Participant(
        "Jane Doe, Ph.D.", "https://www.linkedin.com/in/janedoe-phd"
    )
    assert messages[3].folder == "ARCHIVE"


def test_2023_ten_columns_pair_names_with_urls_by_url_count():
    _, messages, _ = read(ERA_2023)
    assert messages[0].recipients == (
        Participant("Jordan Pike", "https://www.linkedin.com/in/jordanpike"),
    )
    # Three comma-separated tokens but two URLs: "PhD" belongs to Wren Hale.
    assert messages[2].recipients == (
        Participant("Tomás Reyes", "https://www.linkedin.com/in/tomasreyes"),
        Participant("Wren Hale, PhD", "https://www.linkedin.com/in/wren-hale"),
    )
    assert messages[3].sender.name == "Wren Hale, PhD"
    assert messages[3].folder == "ARCHIVE"
    assert messages[6].folder == "SPAM"


def test_2023_sponsored_html_message():
    _, messages, _ = read(ERA_2023)
    sponsored = messages[4]
    assert sponsored.sponsored is True
    assert sponsored.sender == Participant("Casey Morgan", "")
    assert sponsored.content_raw.startswith('<p class="spinmail-quill-editor__spin-break">')
    assert sponsored.text == "Hi %FIRSTNAME%,\nOur webinar is free & online."
    assert sponsored.placeholders == ("%FIRSTNAME%",)
    assert messages[5].sender.name == "LinkedIn Member"
    assert messages[5].sponsored is False


def test_2025_attachments_and_draft_rows():
    export, messages, _ = read(ERA_2025)
    assert [message.text for message in messages] == [
        "Here are the mockups",
        "Love the second one",
        "Lunch soon?",
    ]
    assert export.drafts_skipped == 1
    assert messages[0].attachments == (
        "https://www.linkedin.com/dms/prv/image/v2/D4E06AQfictional1/messaging-image-720/0/"
        "1722500000000?e=1725000000&v=beta",
        "https://www.linkedin.com/dms/prv/image/v2/D4E06AQfictional2/messaging-image-720/0/"
        "1722500000001?e=1725000000&v=beta",
    )
    assert messages[1].attachments == ()
    # Line 4 is the draft; the next message keeps its own physical line number.
    assert [message.source_line for message in messages] == [2, 3, 5]


def test_2026_fully_quoted_with_line_breaks_in_content():
    _, messages, _ = read(ERA_2026)
    assert len(messages) == 5
    first = messages[0]
    assert first.sender == Participant("Zoë Brandt", "https://www.linkedin.com/in/zo%C3%AB-brandt")
    assert first.text == "Hi Jordan,\nthanks for the call.\n\nNotes below:\n- hiring plan\n- budget"
    assert messages[1].text == 'Great, "next steps" agreed.\nTalk soon'
    assert [message.source_line for message in messages] == [2, 8, 10, 12, 13]
    group = messages[2]
    assert [person.name for person in group.recipients] == [
        "Jordan Pike",
        "Ines Okafor-Lindqvist",
        "Zoë Brandt",
    ]
    assert group.recipients[2].profile_url == "https://www.linkedin.com/in/zo%C3%AB-brandt"
    inmail = messages[4]
    assert inmail.sponsored is True
    assert inmail.text == "Hi Jordan,\n- Remote\n- Senior"


def test_message_ids_are_stable_across_reads_and_containers(tmp_path: Path):
    _, from_folder, _ = read(ERA_2023)
    with open_export(zip_folder(ERA_2023, tmp_path / "export.zip")) as export:
        from_zip = list(export.iter_messages())
    with open_export(ERA_2023 / "messages.csv") as export:
        from_bare_file = list(export.iter_messages())
    ids = [message.id for message in from_folder]
    assert len(set(ids)) == len(ids)
    assert ids == [message.id for message in from_zip] == [m.id for m in from_bare_file]


@pytest.mark.parametrize("folder", [ERA_2021, ERA_2022, ERA_2023, ERA_2025, ERA_2026])
def test_zip_reads_like_the_folder_and_lists_its_files(folder: Path, tmp_path: Path):
    _, from_folder, connections = read(folder)
    with open_export(zip_folder(folder, tmp_path / f"{folder.name}.zip")) as export:
        assert export.files == [f"{folder.name}/Connections.csv", f"{folder.name}/messages.csv"]
        assert list(export.iter_messages()) == from_folder
        assert export.connections() == connections


def test_columns_are_found_by_name_in_any_order_and_case(tmp_path: Path):
    csv_file = tmp_path / "messages.csv"
    csv_file.write_text(
        " content ,Extra Column,date,From,conversation id,To\n"
        "Hello,ignored,2024-05-06 07:08:09 UTC,Ana Silva,2-abc,Jordan Pike\n",
        encoding="utf-8",
    )
    with open_export(csv_file) as export:
        (message,) = export.iter_messages()
    assert message.text == "Hello"
    assert message.sender == Participant("Ana Silva")
    assert message.recipients == (Participant("Jordan Pike"),)
    assert message.conversation_id == "2-abc"
    assert message.sent_at == datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    assert message.folder == ""


def test_byte_order_mark_before_the_header_is_ignored(tmp_path: Path):
    csv_file = tmp_path / "messages.csv"
    csv_file.write_bytes(
        "\ufeffCONVERSATION ID,FROM,DATE,CONTENT\n2-a,Ana,2024-01-01 00:00:00 UTC,Hi\n".encode()
    )
    with open_export(csv_file) as export:
        assert [message.text for message in export.iter_messages()] == ["Hi"]


def test_2025b_conversation_draft_rows_are_not_messages(tmp_path: Path):
    header = ",".join(ERA_COLUMNS["2025b"])
    row = "2-a,,Ana,https://www.linkedin.com/in/ana,Jo,https://www.linkedin.com/in/jo,"
    csv_file = tmp_path / "messages.csv"
    csv_file.write_text(
        f"{header}\n"
        f"{row}2024-01-01 00:00:00 UTC,,sent,INBOX,,No,No\n"
        f"{row}2024-01-01 00:01:00 UTC,,unsent,INBOX,,No,Yes\n"
        f"{row}2024-01-01 00:02:00 UTC,,half written,INBOX,,Yes,No\n",
        encoding="utf-8",
    )
    with open_export(csv_file) as export:
        assert [message.text for message in export.iter_messages()] == ["sent"]
        assert export.drafts_skipped == 2


def test_connections_with_and_without_preamble_and_url():
    _, _, connections_2021 = read(ERA_2021)
    assert [c.name for c in connections_2021] == ["Priya Raman", "Theo Grant", "Lena Vogt"]
    assert connections_2021[1].company == "Contoso, Ltd."
    assert connections_2021[2].connected_on == date(2020, 2, 28)  # last line, no newline
    assert connections_2021[0].profile_url == ""

    export, _, connections_2023 = read(ERA_2023)
    # The date-only row (a hidden profile) is left out without an error.
    assert [c.name for c in connections_2023] == [
        "Ines Okafor-Lindqvist",
        "Tomás Reyes",
        "Wren Hale, PhD",
    ]
    assert connections_2023[0].profile_url == "https://www.linkedin.com/in/ines-okafor-l-3b2a91"
    assert connections_2023[0].connected_on == date(2023, 2, 8)
    assert export.skipped == []


def test_connections_header_found_by_content_not_position(tmp_path: Path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "messages.csv").write_text("CONVERSATION ID,FROM,DATE,CONTENT\n", encoding="utf-8")
    (folder / "Connections.csv").write_text(
        "Notes:\nfirst line of a longer note\nsecond line\n\n\n"
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Kofi,Mensah,https://www.linkedin.com/in/kofi,,Adatum,Designer,08 Feb 2026\n"
        ",,,,,,09 Feb 2026\n",
        encoding="utf-8",
    )
    with open_export(folder) as export:
        (kofi,) = export.connections()
    assert kofi.connected_on == date(2026, 2, 8)
    assert kofi.position == "Designer"


def test_owner_from_profile_csv(tmp_path: Path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "messages.csv").write_text("CONVERSATION ID,FROM,DATE,CONTENT\n", encoding="utf-8")
    profile = Path(__file__).parent / "fixtures" / "exports" / "Profile.csv"
    (folder / "Profile.csv").write_bytes(profile.read_bytes())
    with open_export(folder) as export:
        assert export.owner() == Participant(
            "Jordan Pike", "https://www.linkedin.com/in/jordanpike"
        )
    with open_export(ERA_2023) as export:
        assert export.owner() is None
