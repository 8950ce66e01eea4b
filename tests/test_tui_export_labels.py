"""`reply-assistant export-labels OUT.jsonl`: relabels and accepted verdicts as eval data."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from snapshot_apps.seed import seed_store

from reply_assistant.cli import cli
from reply_assistant.evals.dataset import EvalExample
from reply_assistant.models import Action, Label, Provenance, Verdict
from reply_assistant.store import Store


def _verdict(label: Label) -> Verdict:
    return Verdict(
        label=label,
        confidence=0.9,
        reason="test",
        signals=[],
        action=Action.REPLY,
        provenance=Provenance(backend="offline", model="m", prompt_version="p"),
    )


def test_export_labels_writes_corrections_and_accepted_verdicts(tmp_path: Path) -> None:
    db_path = seed_store(tmp_path / "state.db")
    with Store.open(db_path) as store:
        summaries = {s.sender.name: s for s in store.conversation_summaries("all")}
        priya, derek, sam = (
            summaries[n].message_id for n in ("Priya Raman", "Derek Stone", "Sam Ortiz")
        )
        store.save_verdict(priya, _verdict(Label.RELATIONSHIP))
        store.record_decision(priya, "accept")
        store.save_verdict(derek, _verdict(Label.RELATIONSHIP))
        store.record_decision(derek, "relabel", label="spam")
        store.save_verdict(sam, _verdict(Label.UNCLEAR))  # neither accepted nor relabelled
    out = tmp_path / "labels.jsonl"

    result = CliRunner().invoke(cli, ["--db", str(db_path), "export-labels", str(out)])

    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {line["id"]: line for line in lines}
    assert set(by_id) == {priya, derek}
    assert by_id[priya]["label"] == "relationship" and by_id[priya]["source"] == "accepted"
    assert by_id[derek]["label"] == "spam" and by_id[derek]["source"] == "user-correction"
    assert by_id[derek]["sender"]["name"] == "Derek Stone" and "%FIRSTNAME%" in by_id[derek]["text"]
    for line in lines:  # the eval runner reads it as its own dataset format
        EvalExample.model_validate(line)


def test_export_labels_without_a_database_is_one_line_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "missing.db"), "export-labels", str(tmp_path / "o.jsonl")]
    )
    assert result.exit_code == 2
    assert "No state database" in result.output and "Traceback" not in result.output


def test_export_labels_refuses_a_name_that_is_not_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "labels.csv"
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "export-labels", str(out)])
    assert result.exit_code == 2
    assert "must end in .jsonl" in result.output and not out.exists()
