"""The labelled eval dataset: well-formed, balanced, honestly split, and its datasheet true."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT / "evals" / "datasets" / "linkedin_dms.jsonl"
DATASHEET = ROOT / "evals" / "datasets" / "README.md"
LABELS = {"spam", "relationship", "unclear"}
EXPECTS = {"decline", "reply", "ask", "no_reply"}
NO_REPLY_SUBTYPES = {"crypto_scam", "investment_scam", "phishing", "sponsored"}
DEFAULT_EXPECT = {"spam": "decline", "relationship": "reply", "unclear": "ask"}


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return _rows()


def _normalised(text: str) -> str:
    # Written independently of the build script so a bug there cannot hide a leak here.
    without_tags = re.sub(r"<[^>]+>", " ", text)
    folded = unicodedata.normalize("NFKC", without_tags).casefold()
    return " ".join(re.findall(r"\w+", folded))


def test_every_line_is_a_json_object_with_the_required_fields() -> None:
    lines = DATASET.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        row = json.loads(line)
        assert isinstance(row, dict), f"line {number}"
        assert isinstance(row.get("id"), str) and row["id"], f"line {number}: id"
        assert isinstance(row.get("text"), str) and row["text"].strip(), f"line {number}: text"
        assert row.get("label") in LABELS, f"line {number}: label {row.get('label')!r}"
        assert row.get("expect") in EXPECTS, f"line {number}: expect"
        assert row.get("split") in {"train", "test"}, f"line {number}: split"
        assert re.fullmatch(r"[a-z]{2}", row.get("language", "")), f"line {number}: language"
        assert len(row.get("sender", "").split()) >= 2 or row["subtype"] in {
            "group_spam",
            "sponsored",
            "phishing",
        }, f"line {number}: sender should be a full name"


def test_ids_are_unique_and_there_are_enough_examples(rows: list[dict[str, Any]]) -> None:
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert len(rows) >= 500


def test_expectations_follow_the_label_rules(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        wanted = "no_reply" if row["subtype"] in NO_REPLY_SUBTYPES else DEFAULT_EXPECT[row["label"]]
        assert row["expect"] == wanted, row["id"]


def test_threads_are_lists_of_turns(rows: list[dict[str, Any]]) -> None:
    threads = [row["thread"] for row in rows if "thread" in row]
    assert len(threads) >= 20
    for thread in threads:
        assert 1 <= len(thread) <= 4
        for turn in thread:
            assert set(turn) == {"from", "text"} and turn["from"] and turn["text"]


def test_at_least_15_percent_is_not_english_across_all_labels(rows: list[dict[str, Any]]) -> None:
    foreign = [row for row in rows if row["language"] != "en"]
    assert len(foreign) / len(rows) >= 0.15
    assert {row["label"] for row in foreign} == LABELS
    assert len({row["language"] for row in foreign}) >= 6


def test_class_balance_and_subtype_sizes(rows: list[dict[str, Any]]) -> None:
    shares = {
        label: count / len(rows) for label, count in Counter(r["label"] for r in rows).items()
    }
    assert 0.40 <= shares["spam"] <= 0.50
    assert 0.30 <= shares["relationship"] <= 0.40
    assert 0.15 <= shares["unclear"] <= 0.25
    per_subtype = Counter((row["label"], row["subtype"]) for row in rows)
    assert len(per_subtype) == 37
    assert min(per_subtype.values()) >= 8


def test_every_label_and_subtype_is_in_both_splits(rows: list[dict[str, Any]]) -> None:
    for split in ("train", "test"):
        in_split = [row for row in rows if row["split"] == split]
        assert {row["label"] for row in in_split} == LABELS
        assert {row["subtype"] for row in in_split} == {row["subtype"] for row in rows}
    test_share = sum(row["split"] == "test" for row in rows) / len(rows)
    assert 0.25 <= test_share <= 0.35


def test_no_normalised_text_is_shared_between_train_and_test(rows: list[dict[str, Any]]) -> None:
    train = {_normalised(row["text"]) for row in rows if row["split"] == "train"}
    leaked = [
        row["id"] for row in rows if row["split"] == "test" and _normalised(row["text"]) in train
    ]
    assert leaked == []


def test_the_file_has_the_shapes_the_evals_need(rows: list[dict[str, Any]]) -> None:
    assert sum(len(row["text"]) > 1500 for row in rows) >= 5
    assert sum("<p>" in row["text"] or "<br>" in row["text"] for row in rows) >= 10
    assert any(re.search(r"%FIRSTNAME%|\{first_name\}|\[Company\]", row["text"]) for row in rows)
    pitches = [row for row in rows if row["subtype"] == "connection_pitch"]
    assert all(row.get("first_degree") and row.get("connected_years", 0) >= 3 for row in pitches)


def test_the_committed_file_is_what_the_build_script_writes(rows: list[dict[str, Any]]) -> None:
    assert load_script("evals/build_dataset.py").build() == rows


def test_the_packaged_path_reaches_the_dataset() -> None:
    packaged = ROOT / "reply_assistant" / "datasets" / "linkedin_dms.jsonl"
    assert packaged.read_bytes() == DATASET.read_bytes()


# ------------------------------------------------------------------ the datasheet


def _datasheet_tables() -> dict[str, list[list[str]]]:
    """The body rows of each `### Heading` table in the datasheet."""
    tables: dict[str, list[list[str]]] = {}
    heading = ""
    for line in DATASHEET.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            heading = line[4:].strip()
            tables[heading] = []
        elif heading and line.startswith("|") and not line.startswith("| ---"):
            tables[heading].append([cell.strip() for cell in line.strip("|").split("|")])
    return {name: body[1:] for name, body in tables.items()}  # drop each header row


def _split_counts(rows: list[dict[str, Any]], key: str) -> dict[str, list[str]]:
    counts = Counter((row[key], row["split"]) for row in rows)
    return {
        value: [
            str(counts[value, "train"]),
            str(counts[value, "test"]),
            str(counts[value, "train"] + counts[value, "test"]),
        ]
        for value in {row[key] for row in rows}
    }


def test_datasheet_label_and_language_tables_match_the_file(rows: list[dict[str, Any]]) -> None:
    tables = _datasheet_tables()
    assert {line[0]: line[1:4] for line in tables["Labels"]} == _split_counts(rows, "label")
    assert {line[0]: line[1:] for line in tables["Languages"]} == _split_counts(rows, "language")
    splits = Counter(row["split"] for row in rows)
    assert {line[0]: int(line[1]) for line in tables["Splits"]} == dict(splits)
    assert f"Total: {len(rows)} examples" in DATASHEET.read_text(encoding="utf-8")


def test_datasheet_subtype_table_matches_the_file(rows: list[dict[str, Any]]) -> None:
    expected: dict[tuple[str, str], list[str]] = {}
    by_group = Counter((row["label"], row["subtype"], row["split"]) for row in rows)
    expects = {(row["label"], row["subtype"]): row["expect"] for row in rows}
    for (label, subtype), expect in expects.items():
        train, test = by_group[label, subtype, "train"], by_group[label, subtype, "test"]
        expected[label, subtype] = [expect, str(train), str(test), str(train + test)]
    table = {(line[0], line[1]): line[2:] for line in _datasheet_tables()["Subtypes"]}
    assert table == expected


def test_datasheet_feature_counts_match_the_file(rows: list[dict[str, Any]]) -> None:
    features = {line[0]: int(line[1]) for line in _datasheet_tables()["Features"]}
    assert features["non-English"] == sum(row["language"] != "en" for row in rows)
    assert features["longer than 1500 characters"] == sum(len(row["text"]) > 1500 for row in rows)
    assert features["with an earlier thread"] == sum(bool(row.get("thread")) for row in rows)
    assert features["from a 1st-degree connection"] == sum(
        bool(row.get("first_degree")) for row in rows
    )
