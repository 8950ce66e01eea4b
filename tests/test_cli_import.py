"""`reply-assistant import`, `inbox` and the default command, run as a user would."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from cli_errors import assert_one_line_error
from click.testing import CliRunner
from export_eras import ERA_2021, ERA_2022, ERA_2023, ERA_2025
from real_export_quirks import ELIN, EXCEL_2021

from reply_assistant.cli import cli
from reply_assistant.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
HEADER_2023 = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER\n"
)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def zip_folder(folder: Path, zip_path: Path, inside: str) -> Path:
    with zipfile.ZipFile(zip_path, "w") as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, f"{inside}/{file.name}")
    return zip_path


# ---------------------------------------------------------------- import


def test_import_folder_reports_what_it_found():
    result = run("import", str(ERA_2023))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Files: read Connections.csv, messages.csv (2 in the export)" in out
    assert "Connections: none" not in out
    assert "Owner: Jordan Pike <https://www.linkedin.com/in/jordanpike>" in out
    assert "most conversations" in out
    assert "  found from most conversations; not you? import again with --me URL" in out
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "Messages: 7 read, 7 new" in out
    assert "Conversations: 5, 4 awaiting a reply" in out
    assert "Unsent drafts left out: 0" in out
    assert "Rows skipped: 0" in out


def test_import_again_reports_nothing_new():
    assert run("import", str(ERA_2025)).exit_code == 0
    result = run("import", str(ERA_2025))
    assert result.exit_code == 0, result.output
    assert "Messages: 3 read, 0 new" in result.output
    assert "Unsent drafts left out: 1" in result.output


def test_import_zip_as_linkedin_sends_it(tmp_path):
    archive = zip_folder(ERA_2023, tmp_path / "Basic_LinkedInDataExport.zip", "export")
    result = run("import", str(archive))
    assert result.exit_code == 0, result.output
    assert "Messages: 7 read, 7 new" in result.output
    assert "export/messages.csv" in result.output


def test_import_bare_messages_csv():
    result = run("import", str(ERA_2023 / "messages.csv"))
    assert result.exit_code == 0, result.output
    assert "Files: read messages.csv (1 in the export)" in result.output
    assert "Connections: none in this export" in result.output
    assert all(len(line) <= 80 for line in result.output.splitlines())
    assert "Messages: 7 read, 7 new" in result.output


def test_import_with_me_overrides_the_owner():
    result = run("import", str(ERA_2023), "--me", "https://www.linkedin.com/in/wren-hale")
    assert result.exit_code == 0, result.output
    assert "Owner: Wren Hale, PhD <https://www.linkedin.com/in/wren-hale> (from --me)" in (
        result.output
    )


@pytest.mark.parametrize("zipped", [False, True])
def test_several_exports_in_one_folder_or_zip_are_refused_oldest_first(tmp_path, zipped):
    both = tmp_path / "both"
    # By name the 2023 export comes first; by date, the 2022 one.
    for era in (ERA_2022, ERA_2023):
        shutil.copytree(era, both / era.name)
    path = both
    if zipped:
        path = tmp_path / "both.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for file in sorted(both.rglob("*.csv")):
                archive.write(file, file.relative_to(both).as_posix())
    db = tmp_path / "state.db"
    result = run("--db", str(db), "import", str(path))
    assert_one_line_error(
        result.exit_code,
        result.output,
        f"{path.name} holds 2 exports ({ERA_2022.name}, {ERA_2023.name}); nothing was imported",
        "one at a time, oldest first",
    )
    assert ("unzip it and import" in result.output) == zipped
    assert not db.exists()


def test_ctrl_c_during_import_exits_130_keeping_what_was_stored(tmp_path, monkeypatch):
    db = tmp_path / "state.db"
    monkeypatch.setattr("reply_assistant.importer.BATCH_ROWS", 3)
    insert = Store.insert_messages
    calls = []

    def interrupted_on_the_second_batch(store, messages, source):
        calls.append(len(messages))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return insert(store, messages, source)

    monkeypatch.setattr(Store, "insert_messages", interrupted_on_the_second_batch)
    result = run("--db", str(db), "import", str(ERA_2023))
    assert result.exit_code == 130, result.output
    assert result.stderr.strip() == (
        "Interrupted: the messages stored so far are kept; import again to finish."
    )
    monkeypatch.setattr(Store, "insert_messages", insert)
    with Store.open(db) as store:
        assert store.message_count() == 3
    again = run("--db", str(db), "import", str(ERA_2023))
    assert "Messages: 7 read, 4 new" in again.output
    assert "Conversations: 5, 4 awaiting a reply" in again.output


def test_me_does_not_merge_another_persons_export(tmp_path):
    db = str(tmp_path / "state.db")
    assert run("--db", db, "import", str(ERA_2023)).exit_code == 0
    result = run("--db", db, "import", str(EXCEL_2021), "--me", ELIN)
    assert_one_line_error(
        result.exit_code,
        result.output,
        "Elin Sandberg's but the inbox is Jordan Pike's",
        "--replace",
    )
    with Store.open(Path(db)) as store:
        assert store.message_count() == 7 and store.owner().name == "Jordan Pike"


@pytest.mark.parametrize(
    ("me", "problem"),
    [
        ("https://www.linkedin.com/in/jordanpikee", "is nobody in this export"),
        ("notaurl", "is not a LinkedIn profile URL"),
    ],
)
def test_me_that_names_nobody_in_the_export_is_refused(tmp_path, me, problem):
    db = str(tmp_path / "state.db")
    result = run("--db", db, "import", str(ERA_2023), "--me", me)
    assert_one_line_error(
        result.exit_code, result.output, f"--me {me} {problem}", "looks like Jordan Pike <"
    )
    with Store.open(Path(db)) as store:
        assert store.message_count() == 0


def test_me_in_the_config_file_must_be_a_profile_url(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('me = "Jordan"\n', encoding="utf-8")
    result = run("--config", str(config), "import", str(ERA_2023))
    assert_one_line_error(
        result.exit_code, result.output, f"{config}: me should be a LinkedIn profile URL"
    )


def test_me_from_the_config_file(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('me = "https://www.linkedin.com/in/wren-hale"\n', encoding="utf-8")
    result = run("--config", str(config), "import", str(ERA_2023))
    assert result.exit_code == 0, result.output
    assert "Owner: Wren Hale, PhD" in result.output


def test_import_lists_skipped_rows_with_line_numbers():
    result = run("import", str(FIXTURES / "exports" / "malformed_rows.csv"))
    assert result.exit_code == 0, result.output
    assert "malformed_rows.csv line 3: DATE is not like" in result.output
    assert "malformed_rows.csv line 5: no CONVERSATION ID" in result.output


def test_files_read_names_a_messages_file_under_any_name():
    result = run("import", str(FIXTURES / "exports" / "malformed_rows.csv"))
    assert result.exit_code == 0, result.output
    assert "Files: read malformed_rows.csv (1 in the export)" in result.output
    assert "Messages: 3 read" in result.output


def test_files_read_lists_profile_and_leaves_out_files_not_read(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(ERA_2023 / "messages.csv", "export/messages.csv")
        zipped.write(FIXTURES / "exports" / "Profile.csv", "export/Profile.csv")
        zipped.writestr("export/Connections.csv", b"First Name,Last Name\n\xff\xfe\n")
        zipped.writestr("export/Invitations.csv", "From,To\n")
    result = run("import", str(archive))
    assert result.exit_code == 0, result.output
    assert "Files: read export/messages.csv, export/Profile.csv (4 in the export)" in (
        result.output
    )
    assert "export/Connections.csv line 0: not read" in result.output


def test_import_shows_the_first_20_skipped_rows_then_a_count(tmp_path):
    bad_rows = "".join(f"2-x{n},,Ann,,Jordan Pike,,not a date,,hi,INBOX\n" for n in range(25))
    good_row = "2-ok,,Ann,,Jordan Pike,,2024-03-01 09:00:00 UTC,,hi,INBOX\n"
    path = tmp_path / "messages.csv"
    path.write_text(HEADER_2023 + bad_rows + good_row, encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 0, result.output
    assert "Rows skipped: 25" in result.output
    assert "messages.csv line 2: DATE" in result.output
    assert "messages.csv line 21: DATE" in result.output
    assert "messages.csv line 22: DATE" not in result.output
    assert "  and 5 more" in result.output


def test_missing_columns_is_one_line_exit_2():
    result = run("import", str(FIXTURES / "exports" / "missing_columns.csv"))
    assert_one_line_error(result.exit_code, result.output, "missing_columns.csv")


def test_zip_without_messages_csv_lists_its_files(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("Connections.csv", "First Name,Last Name\n")
        zipped.writestr("Profile.csv", "First Name,Last Name\n")
    result = run("import", str(archive))
    assert_one_line_error(
        result.exit_code, result.output, "no messages.csv", "Connections.csv", "Profile.csv"
    )


def test_missing_path_is_one_line_exit_2(tmp_path):
    result = run("import", str(tmp_path / "nope.zip"))
    assert_one_line_error(result.exit_code, result.output, "does not exist")


def test_a_state_file_that_is_not_a_database_is_one_line_exit_2(tmp_path):
    state = tmp_path / "state.db"
    state.write_bytes(b"not sqlite" * 200)
    result = run("--db", str(state), "import", str(ERA_2023))
    assert_one_line_error(result.exit_code, result.output, "state file")


# ---------------------------------------------------------------- inbox and open


@pytest.fixture
def demo_inbox(monkeypatch):
    """The 2023 fixture stands in for the bundled demo inbox."""
    monkeypatch.setattr("reply_assistant.demo.DEMO_INBOX", ERA_2023)


def test_inbox_json_lists_awaiting_conversations_newest_first():
    run("import", str(ERA_2023))
    result = run("inbox", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    # Rex Dorn's (SPAM folder) and Wren Hale's (ARCHIVE) are under --filter archived.
    assert [row["sender"]["name"] for row in rows] == ["LinkedIn Member", "Casey Morgan"]
    casey = rows[1]
    assert casey["sponsored"] is True and casey["status"] == "open"
    assert casey["label"] == "spam"  # judged by the offline model for the listing
    assert rows[0]["sent_at"] == "2023-08-03T09:00:00+00:00"
    archived = json.loads(run("inbox", "--json", "--filter", "archived").output)
    assert [row["sender"]["name"] for row in archived] == ["Rex Dorn", "Wren Hale, PhD"]
    assert archived[1]["first_degree"] is True


def test_inbox_filter_and_search():
    run("import", str(ERA_2023))
    rows = json.loads(run("inbox", "--json", "--search", "webinar").output)
    assert [row["sender"]["name"] for row in rows] == ["Casey Morgan"]
    assert json.loads(run("inbox", "--json", "--filter", "done").output) == []
    result = run("inbox", "--filter", "starred")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_importing_someone_elses_export_is_refused_unless_replaced(tmp_path):
    run("import", str(ERA_2021))
    export = tmp_path / "export"
    shutil.copytree(ERA_2021, export)
    (export / "Profile.csv").write_text("First Name,Last Name\nPriya,Raman\n", encoding="utf-8")
    result = run("import", str(export))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "This export is Priya Raman's but the inbox is Maya Lindgren's" in result.output
    assert "--db PATH" in result.output and "--replace" in result.output
    result = run("import", "--replace", str(export))
    assert result.exit_code == 0, result.output
    assert "Owner: Priya Raman" in result.output and "Replaced: 5 messages" in result.output


def test_an_empty_list_says_whether_a_search_or_filter_emptied_it():
    run("import", str(ERA_2023))
    assert "No conversation matches 'zzzz'." in run("inbox", "--search", "zzzz").output
    assert "No conversation under --filter done." in run("inbox", "--filter", "done").output
    assert "awaits a reply" not in run("inbox", "--search", "zzzz").output


def test_inbox_table_shows_sender_preview_and_age():
    run("import", str(ERA_2023))
    result = run("inbox")
    assert result.exit_code == 0, result.output
    assert "LinkedIn Member" in result.output
    assert "Quick question" in result.output and "spam 99%" in result.output
    assert "y ago" in result.output  # 2023 messages, seen from 2026
    assert "[sponsored]" in result.output  # literal text, not swallowed as markup


def test_inbox_on_an_empty_store_imports_the_demo_first(demo_inbox):
    result = run("inbox", "--json")
    assert result.exit_code == 0, result.output
    assert "imported the demo inbox" in result.stderr
    assert len(json.loads(result.stdout)) == 2  # the inbox folder's
    again = run("inbox", "--json")
    assert "demo" not in again.stderr  # only when empty


def test_default_command_prints_backend_and_inbox(demo_inbox):
    result = run()
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Backend: offline"
    assert "Casey Morgan" in result.stdout


def test_default_command_names_the_configured_model(demo_inbox, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("REPLY_ASSISTANT_MODEL", "qwen3:8b")
    result = run("open")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Backend: qwen3:8b @ http://127.0.0.1:9/v1"
