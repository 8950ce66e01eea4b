"""The bundled demo inbox looks like a real 2025 LinkedIn export (read with the stdlib only)."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "reply_assistant" / "data" / "demo"
OWNER = "Jordan Pike"
OWNER_URL = "https://www.linkedin.com/in/jordanpike"
MESSAGE_HEADERS = [
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
    "IS MESSAGE DRAFT",
]  # fmt: skip
Row = dict[str, str]


def _messages() -> tuple[list[str], list[Row]]:
    with (DEMO / "messages.csv").open(encoding="utf-8", newline="") as source:
        reader = csv.DictReader(source)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return _messages()[1]


def _by_conversation(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["CONVERSATION ID"]].append(row)
    return grouped


def _newest_sent(conversation: list[Row]) -> Row:
    sent = [row for row in conversation if row["IS MESSAGE DRAFT"] == "No"]
    return max(sent, key=lambda row: row["DATE"])


def test_messages_csv_has_the_2025_headers_and_well_formed_rows(rows: list[Row]) -> None:
    headers, _ = _messages()
    assert headers == MESSAGE_HEADERS
    for row in rows:
        assert None not in row and all(value is not None for value in row.values())
        assert re.fullmatch(r"2026-1[01]-\d\d \d\d:\d\d:\d\d UTC", row["DATE"]), row["DATE"]
        assert row["IS MESSAGE DRAFT"] in {"Yes", "No"}
        assert row["FOLDER"] in {"INBOX", "ARCHIVE", "SPAM"}
        assert row["CONVERSATION ID"].startswith("2-")
        assert row["CONTENT"].strip()


def test_there_are_enough_conversations_and_most_await_a_reply(rows: list[Row]) -> None:
    conversations = _by_conversation(rows)
    assert len(conversations) >= 30
    awaiting = [c for c in conversations.values() if _newest_sent(c)["FROM"] != OWNER]
    answered = [c for c in conversations.values() if _newest_sent(c)["FROM"] == OWNER]
    assert len(awaiting) >= 28
    assert len(answered) >= 5


def test_rows_are_grouped_by_conversation_newest_first(rows: list[Row]) -> None:
    order = [row["CONVERSATION ID"] for row in rows]
    seen_once = [key for index, key in enumerate(order) if index == 0 or order[index - 1] != key]
    assert len(seen_once) == len(set(order)), "a conversation's rows are split apart"
    for conversation in _by_conversation(rows).values():
        dates = [row["DATE"] for row in conversation]
        assert dates == sorted(dates, reverse=True)
    latest = [max(row["DATE"] for row in c) for c in _by_conversation(rows).values()]
    assert latest == sorted(latest, reverse=True)


def test_exactly_one_draft_and_it_is_the_owners(rows: list[Row]) -> None:
    drafts = [row for row in rows if row["IS MESSAGE DRAFT"] == "Yes"]
    assert len(drafts) == 1
    assert drafts[0]["FROM"] == OWNER


def test_one_sponsored_message_with_a_title_html_and_a_placeholder(rows: list[Row]) -> None:
    sponsored = [row for row in rows if not row["SENDER PROFILE URL"] and row["CONVERSATION TITLE"]]
    assert len(sponsored) == 1
    content = sponsored[0]["CONTENT"]
    assert "%FIRSTNAME%" in content and "<p" in content


def test_threads_group_html_and_language_variety(rows: list[Row]) -> None:
    conversations = _by_conversation(rows)
    sizes = [len(c) for c in conversations.values()]
    assert sum(2 <= size <= 5 for size in sizes) >= 6
    groups = [c for c in conversations.values() if len(c[0]["TO"].split(", ")) >= 2]
    assert groups, "no group conversation"
    for row in groups[0]:
        names = row["TO"].split(", ")
        assert len(names) == len(row["RECIPIENT PROFILE URLS"].split(","))
    assert any(
        "<br>" in row["CONTENT"] or "&amp;" in row["CONTENT"]
        for row in rows
        if row["SENDER PROFILE URL"]
    )
    spanish_or_german = re.compile(r"[¿¡ñ]|\b(?:Hallo|wir|Sie|Grüße)\b")
    assert any(spanish_or_german.search(row["CONTENT"]) for row in rows)


def test_the_owner_is_found_from_messages_and_the_profile(rows: list[Row]) -> None:
    assert any(row["FROM"] == OWNER and row["SENDER PROFILE URL"] == OWNER_URL for row in rows)
    with (DEMO / "Profile.csv").open(encoding="utf-8", newline="") as source:
        reader = csv.DictReader(source)
        profile = list(reader)
    assert reader.fieldnames == [
        "First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
        "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers",
    ]  # fmt: skip
    assert len(profile) == 1
    assert (profile[0]["First Name"], profile[0]["Last Name"]) == ("Jordan", "Pike")
    assert profile[0]["Headline"] == "Head of Platform at Contoso"


def _connections() -> list[Row]:
    lines = (DEMO / "Connections.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[0] == "Notes:\n"
    header_at = next(i for i, line in enumerate(lines) if line.startswith("First Name,"))
    return list(csv.DictReader(lines[header_at:]))


def test_connections_have_the_preamble_and_match_senders(rows: list[Row]) -> None:
    connections = _connections()
    assert list(connections[0]) == [
        "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
    ]  # fmt: skip
    connected = {c["URL"]: c for c in connections if c["URL"]}
    senders = {row["SENDER PROFILE URL"] for row in rows if row["FROM"] != OWNER}
    assert len(senders & set(connected)) >= 5
    assert any(not c["URL"] and c["Connected On"] for c in connections), "no hidden member row"


def test_a_long_standing_connection_pitched_in_two_conversations(rows: list[Row]) -> None:
    connections = {c["URL"]: c for c in _connections() if c["URL"]}
    conversations_by_sender: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["FROM"] != OWNER and row["SENDER PROFILE URL"] in connections:
            conversations_by_sender[row["SENDER PROFILE URL"]].add(row["CONVERSATION ID"])
    repeat = [url for url, ids in conversations_by_sender.items() if len(ids) >= 2]
    assert repeat, "no 1st-degree connection writes in two conversations"
    connected_year = int(connections[repeat[0]]["Connected On"][-4:])
    assert connected_year <= 2022


def test_the_files_are_what_the_generator_writes(tmp_path: Path) -> None:
    load_script("evals/build_demo_inbox.py").write(tmp_path)
    for name in ("messages.csv", "Connections.csv", "Profile.csv"):
        assert (tmp_path / name).read_bytes() == (DEMO / name).read_bytes(), name


def _normalised(text: str) -> str:
    without_tags = re.sub(r"<[^>]+>", " ", text)
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", without_tags).casefold()))


def test_demo_texts_are_not_copied_from_the_eval_dataset(rows: list[Row]) -> None:
    dataset = ROOT / "evals" / "datasets" / "linkedin_dms.jsonl"
    texts = {
        _normalised(json.loads(line)["text"]) for line in dataset.read_text("utf-8").splitlines()
    }
    copied = [row["CONTENT"][:40] for row in rows if _normalised(row["CONTENT"]) in texts]
    assert copied == []
