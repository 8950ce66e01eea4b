"""Loading eval datasets: minimal files, splits, and bad lines reported with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.evals.dataset import DatasetError, load_dataset
from reply_assistant.models import Label

DATA = Path(__file__).parent / "fixtures" / "evals"


def test_a_file_with_only_id_text_label_loads_and_is_scored_whole():
    dataset = load_dataset([DATA / "minimal.jsonl"], split="test")
    assert [e.id for e in dataset.examples] == ["m1", "m2", "m3"]
    assert dataset.examples[1].label is Label.RELATIONSHIP
    assert len(dataset.sha256) == 64
    assert dataset.split is None  # nothing to filter on: the file is scored whole
    item = dataset.examples[0].to_incoming()
    assert item.text.startswith("Can I book")
    assert item.sender.name == "" and item.thread == ()


def test_split_filters_when_present():
    test_split = load_dataset([DATA / "split.jsonl"], "test")
    assert [e.id for e in test_split.examples] == ["t2", "t3"]
    assert test_split.split == "test"
    assert len(load_dataset([DATA / "split.jsonl"], "all").examples) == 3


def test_an_unknown_split_names_the_splits_there_are():
    with pytest.raises(DatasetError) as error:
        load_dataset([DATA / "split.jsonl"], "bogus")
    assert "no split 'bogus' in the dataset; its splits are test, train" in str(error.value)


def test_thread_sender_and_connection_become_incoming_facts():
    dataset = load_dataset([DATA / "small.jsonl"])
    by_id = {e.id: e for e in dataset.examples}
    item = by_id["r03"].to_incoming()
    assert [turn.from_owner for turn in item.thread] == [True, False]
    assert item.thread[1].sender_name == "Tom Becker"
    assert item.first_name == "Tom"
    friend = by_id["r04"].to_incoming()
    assert friend.sender.first_degree is True
    assert friend.sender.connected_on is not None
    blast = by_id["s03"].to_incoming()
    assert blast.sender.placeholders == ("%FIRSTNAME%",)


def test_bad_line_names_file_and_line():
    with pytest.raises(DatasetError, match=r"bad_line\.jsonl:2: label"):
        load_dataset([DATA / "bad_line.jsonl"])


def test_duplicate_ids_across_files_are_an_error(tmp_path: Path):
    copy = tmp_path / "copy.jsonl"
    copy.write_text((DATA / "minimal.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DatasetError, match=r"copy\.jsonl:1: id 'm1' already used"):
        load_dataset([DATA / "minimal.jsonl", copy])


def test_cli_bad_jsonl_exits_2_with_file_and_line(tmp_path: Path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "text": "x", "label": "spam"}\n{not json\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--dataset", str(broken), "--backend", "offline"])
    assert result.exit_code == 2
    assert f"{broken}:2: not valid JSON" in result.output
    assert "Traceback" not in result.output
