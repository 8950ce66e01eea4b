"""A real export through the commands a person runs: import, inbox and batch output."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner
from real_export_quirks import ATTACHMENTS_2025, EXCEL_2021

from reply_assistant.batch.output import COLUMNS, PERSON_COLUMNS
from reply_assistant.cli import cli
from reply_assistant.cli.inbox_cmd import NO_TEXT_PREVIEW


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_import_reports_the_needs_reply_window_and_unreadable_dates(tmp_path):
    export = tmp_path / "export"
    export.mkdir()
    (export / "messages.csv").write_bytes((EXCEL_2021 / "messages.csv").read_bytes())
    (export / "Connections.csv").write_text(
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Kwame,Asante,,,,2021.11.02.x\nMalik,Osei,,,,Sometime\n",
        encoding="utf-8",
    )
    result = run("import", str(export))
    assert result.exit_code == 0, result.output
    assert "Connected On dates could not be read (e.g. '2021.11.02.x')" in result.output
    assert result.output.count("Connected On") == 1
    assert (
        "Needs reply: 11 from the last 90 days; 1 older (inbox --filter older); "
        "1 in other folders (--filter archived)" in result.output
    )


def test_inbox_labels_what_has_no_verdict_and_takes_since():
    run("import", str(EXCEL_2021))
    printed = run("open", "--print").output  # the first listing after the import judges
    assert "—" not in printed and "spam" in printed and "relationship" in printed
    rows = json.loads(run("inbox", "--json").output)
    assert len(rows) == 11 and all(row["label"] for row in rows)
    older = json.loads(run("inbox", "--json", "--since", "2019-01-01").output)
    assert "Omar Haddad" in {row["sender"]["name"] for row in older}
    archived = json.loads(run("inbox", "--json", "--filter", "archived").output)
    assert [row["sender"]["name"] for row in archived] == ["Lena Hoff"]


def test_inbox_shows_a_message_without_text_as_such(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")  # room for the whole preview
    run("import", str(ATTACHMENTS_2025))
    lines = run("inbox").output.splitlines()
    wordless = [line for line in lines if "Lucia Ferro" in line or "Anton Weiss" in line]
    assert len(wordless) == 2 and all(NO_TEXT_PREVIEW in line for line in wordless)


def test_batch_to_a_missing_folder_fails_before_any_work(tmp_path):
    result = run("batch", str(EXCEL_2021), "-o", str(tmp_path / "nowhere" / "out.csv"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "does not exist" in result.output and "Messages:" not in result.output


def read_rows(path):
    raw = path.read_bytes()
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    return raw, rows


def test_batch_csv_puts_the_readable_columns_first_and_leaves_no_reply_drafts_empty(tmp_path):
    out = tmp_path / "replies.csv"
    result = run("batch", str(ATTACHMENTS_2025), "-o", str(out))
    assert result.exit_code == 0, result.output
    raw, rows = read_rows(out)
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads accents right
    assert COLUMNS[:7] == [
        "sender", "date", "label", "action", "draft", "message_text", "thread_link"
    ]  # fmt: skip
    assert list(rows[0]) == PERSON_COLUMNS  # the technical columns only with --details
    by_sender = {row["sender"]: row for row in rows}
    lucia = by_sender["Lucia Ferro"]
    assert lucia["action"] == "no_reply" and lucia["draft"] == ""
    assert "attachment only — open it on LinkedIn" in lucia["notes"]
    assert lucia["thread_link"] == "https://www.linkedin.com/messaging/thread/2-Y1/"
    assert by_sender["Anton Weiss"]["action"] == "no_reply"
    plain = tmp_path / "plain.csv"
    assert run("batch", str(ATTACHMENTS_2025), "-o", str(plain), "--no-bom").exit_code == 0
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")


def test_batch_details_adds_the_technical_columns_last(tmp_path):
    out, records = tmp_path / "replies.csv", tmp_path / "replies.jsonl"
    assert run("batch", str(ATTACHMENTS_2025), "-o", str(out), "--details").exit_code == 0
    _, rows = read_rows(out)
    assert list(rows[0]) == COLUMNS and COLUMNS[: len(PERSON_COLUMNS)] == PERSON_COLUMNS
    assert COLUMNS[len(PERSON_COLUMNS) :] == [
        "conversation_id", "message_id", "prompt_versions", "backend", "model", "tokens",
        "cost_usd", "latency_ms", "error",
    ]  # fmt: skip
    assert all(row["backend"] == "offline" and row["message_id"] for row in rows)
    assert run("batch", str(ATTACHMENTS_2025), "-o", str(records)).exit_code == 0
    plain_record = json.loads(records.read_text(encoding="utf-8").splitlines()[0])
    assert list(plain_record) == PERSON_COLUMNS


def test_batch_on_a_real_export_gives_no_promotion_a_decline_and_names_only_people(tmp_path):
    out = tmp_path / "replies.csv"
    result = run("batch", str(EXCEL_2021), "-o", str(out))
    assert result.exit_code == 0, result.output
    _, rows = read_rows(out)
    by_sender = {row["sender"]: row for row in rows}
    assert "" not in by_sender and "Omar Haddad" not in by_sender and "Lena Hoff" not in by_sender
    for promotion in ("LinkedIn Learning", "Sam from LinkedIn Premium"):
        assert by_sender[promotion]["label"] == "spam"
        assert by_sender[promotion]["action"] == "no_reply" and not by_sender[promotion]["draft"]
    assert by_sender["Jonas Berg"]["action"] == "no_reply"
    assert not any("&" in row["message_text"] and ";" in row["message_text"] for row in rows)
    assert by_sender["A Pavan Kalyan"]["draft"].startswith("Hi Pavan")
    summary = result.stderr
    behind = summary.split("Who is behind the spam")[-1] if "behind the spam" in summary else ""
    assert "LinkedIn Member" not in behind and "LinkedIn" not in behind
    assert "Malik Osei" not in behind  # "thanks for connecting" is no pitch
    # Piped, a line longer than the 80 columns rich assumes is still one line.
    assert (
        "Needs reply: 11 from the last 90 days; 1 older (inbox --filter older); "
        "1 in other folders (--filter archived)\n" in summary
    )
