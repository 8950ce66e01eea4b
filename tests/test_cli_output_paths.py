"""Where `batch`, `eval` and `export-labels` write: never over a file they read (the export,
the dataset, the state file), refused with one line and exit 2 before any work."""

from __future__ import annotations

import shutil
from pathlib import Path

from batch_exports import mixed_texts, read_csv, run_batch, write_export
from cli_errors import assert_one_line_error
from click.testing import CliRunner
from export_eras import ERA_2023

from reply_assistant.cli import cli
from reply_assistant.importer import import_export
from reply_assistant.models import Action, Label, Provenance, Verdict
from reply_assistant.sources import open_export
from reply_assistant.store import Store

SMALL_DATASET = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"


def test_batch_refuses_to_write_over_the_messages_csv_it_reads(tmp_path: Path):
    export = write_export(tmp_path / "export", mixed_texts(2))
    messages = export / "messages.csv"
    before = messages.read_bytes()
    code, output = run_batch(str(messages), "-o", str(messages))
    assert_one_line_error(code, output)
    assert "reads" in output
    assert messages.read_bytes() == before


def test_batch_refuses_to_write_over_a_file_of_the_export_folder(tmp_path: Path):
    export = write_export(tmp_path / "export", mixed_texts(2))
    connections = export / "Connections.csv"
    before = connections.read_bytes()
    code, output = run_batch(str(export), "-o", str(connections))
    assert_one_line_error(code, output)
    assert connections.read_bytes() == before
    assert "Messages:" not in output  # refused before the import


def test_batch_may_write_a_new_file_into_the_export_folder_and_rerun_into_it(tmp_path: Path):
    export = write_export(tmp_path / "export", mixed_texts(2))
    for output_name in ("replies.csv", "replies.jsonl"):
        for _run in range(2):  # the rerun the README promises replaces its own result
            code, output = run_batch(str(export), "-o", str(export / output_name))
            assert code == 0, output
    assert len(read_csv(export / "replies.csv")) == 2


def test_batch_refuses_to_write_over_a_file_that_is_no_result_of_its_own(tmp_path: Path):
    export = write_export(tmp_path / "export", mixed_texts(2))
    for name, kept in (("notes.csv", "keep,this\n1,2\n"), ("log.jsonl", '{"mine": 1}\n')):
        existing = tmp_path / name
        existing.write_text(kept)
        code, output = run_batch(str(export), "-o", str(existing))
        assert_one_line_error(code, output)
        assert "holds no result of this command" in output
        assert existing.read_text() == kept


def test_batch_refuses_to_write_over_the_state_file(tmp_path: Path):
    export = write_export(tmp_path / "export", mixed_texts(1))
    state = tmp_path / "state.csv"  # a state file is SQLite whatever its name
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(state), "inbox"]).exit_code == 0
    before = state.read_bytes()
    result = runner.invoke(cli, ["--db", str(state), "batch", str(export), "-o", str(state)])
    assert_one_line_error(result.exit_code, result.output)
    assert state.read_bytes() == before


def _eval(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["eval", "--backend", "offline", "--no-drafts", *args])
    return result.exit_code, result.output


def test_eval_refuses_to_write_its_run_or_report_over_the_dataset(tmp_path: Path):
    dataset = tmp_path / "labels.jsonl"
    shutil.copy(SMALL_DATASET, dataset)
    before = dataset.read_bytes()
    for option in ("--output", "--html"):
        code, output = _eval("--dataset", str(dataset), option, str(dataset))
        assert_one_line_error(code, output)
        assert option in output
        assert dataset.read_bytes() == before


def test_eval_refuses_the_same_file_for_run_and_report(tmp_path: Path):
    same = tmp_path / "run.json"
    code, output = _eval(
        "--dataset", str(SMALL_DATASET), "--output", str(same), "--html", str(same)
    )
    assert_one_line_error(code, output)
    assert "--output and --html" in output and not same.exists()


def test_eval_rescore_refuses_to_write_over_the_run_it_reads(tmp_path: Path):
    run = tmp_path / "run.json"
    assert _eval("--dataset", str(SMALL_DATASET), "--output", str(run))[0] == 0
    before = run.read_bytes()
    result = CliRunner().invoke(cli, ["eval", "rescore", str(run), "--output", str(run)])
    assert_one_line_error(result.exit_code, result.output)
    assert run.read_bytes() == before


def test_export_labels_refuses_to_write_over_the_state_file(tmp_path: Path):
    state = tmp_path / "state.jsonl"  # named like the output, on purpose
    with Store.open(state) as store:
        with open_export(ERA_2023) as export:
            import_export(store, export)
        message_id = store.conversation_summaries("all")[0].message_id
        verdict = Verdict(
            label=Label.SPAM,
            confidence=0.9,
            reason="test",
            action=Action.DECLINE,
            provenance=Provenance(backend="offline", model="m", prompt_version="p"),
        )
        store.save_verdict(message_id, verdict)
        store.record_decision(message_id, "accept")
    before = state.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(state), "export-labels", str(state)])
    assert_one_line_error(result.exit_code, result.output)
    assert state.read_bytes() == before


def test_batch_on_a_missing_export_is_one_line_like_import(tmp_path: Path):
    code, output = run_batch(str(tmp_path / "nowhere.zip"), "-o", str(tmp_path / "out.csv"))
    assert_one_line_error(code, output)
    assert "does not exist; pass the .zip LinkedIn sent you" in output
    assert "Usage:" not in output and not (tmp_path / "out.csv").exists()
