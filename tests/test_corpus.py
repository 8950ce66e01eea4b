"""The corpus batches (`evals/corpus/`) are what the offline model is fitted and measured
on; a malformed row would silently change both. These checks hold every batch, and any
batch a helper adds, to the format the datasheets and `evals/train_offline.py` rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "evals" / "corpus"
BATCHES = sorted(CORPUS.glob("*.jsonl"))
EXPECT = {"relationship": {"reply"}, "unclear": {"ask"}, "spam": {"decline", "no_reply"}}


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("path", BATCHES, ids=lambda path: path.stem)
def test_batch_rows_are_well_formed(path: Path) -> None:
    rows = rows_of(path)
    assert path.with_suffix(".md").exists(), "every batch has a datasheet beside it"
    ids = [row["id"] for row in rows]
    assert len(set(ids)) == len(ids)
    for row in rows:
        assert row["batch"] == path.stem and row["id"].startswith(f"{path.stem}-")
        assert row["expect"] in EXPECT[row["label"]], row["id"]
        # A message may be its subject line alone (the `subjects` batch).
        assert row["text"].strip() or row.get("subject", "").strip(), row["id"]
        assert row["subtype"] and row["language"], row["id"]
        assert all(turn["text"].strip() for turn in row.get("thread") or ()), row["id"]
        if "first_degree" in row:
            assert isinstance(row["first_degree"], bool), row["id"]


@pytest.mark.parametrize("path", BATCHES, ids=lambda path: path.stem)
def test_minimal_pairs_are_two_rows_with_different_labels(path: Path) -> None:
    pairs: dict[str, list[str]] = {}
    for row in rows_of(path):
        if row.get("pair"):
            pairs.setdefault(row["pair"], []).append(row["label"])
    for pair, labels in pairs.items():
        assert len(labels) == 2 and labels[0] != labels[1], pair


def test_no_message_of_substance_is_in_two_batches() -> None:
    """A row in a training batch and in a measured batch would score the model on what it
    was fitted on. Bare greetings ("hi", "hello sir") recur across inboxes, as in life."""
    batches_of: dict[str, set[str]] = {}
    for path in BATCHES:
        for row in rows_of(path):
            words = " ".join(row["text"].lower().split())
            batches_of.setdefault(words, set()).add(path.stem)
    shared = {text: batches for text, batches in batches_of.items() if len(batches) > 1}
    assert not {text for text in shared if len(text) > 40}
    assert sum(len(text) > 40 for text in batches_of) > 1000
