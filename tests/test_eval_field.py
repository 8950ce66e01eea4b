"""`eval --field`: the drafts measured by use (as `stats` prints them) in the eval report,
the terminal, RUN.json and the HTML, beside the labelled-set scores."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from rapidfuzz.distance import Levenshtein
from rich.console import Console

from reply_assistant.cli import cli
from reply_assistant.evals.field import read_field, scored_here
from reply_assistant.evals.records import FieldRow, RunResult
from reply_assistant.evals.report_text import print_field
from reply_assistant.models import Action, Draft, Label, Provenance, Verdict
from reply_assistant.store import Store

DATA = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"
EVAL = ["eval", "--dataset", str(DATA), "--backend", "offline", "--no-drafts"]


def _decide(store: Store, sender: str, draft: str, sent: str | None, backend: str) -> None:
    """A message with the assistant's verdict and draft, then accepted as `sent` (None: skipped)."""
    message_id = store.add_manual_message(sender, "Lovely to meet you at the summit!")
    provenance = Provenance(
        backend=backend,
        model="offline" if backend == "offline" else "gpt-4.1-mini",
        prompt_version="offline@abc" if backend == "offline" else "draft@v4",
    )
    verdict = Verdict(
        label=Label.RELATIONSHIP,
        confidence=0.9,
        reason="A person.",
        action=Action.REPLY,
        provenance=provenance,
    )
    store.save_assessment(
        message_id, verdict, Draft(text=draft, language="en", provenance=provenance), ""
    )
    if sent is None:
        store.record_decision(message_id, "skip")
        return
    if sent != draft:
        store.save_edit(message_id, sent)
    store.record_decision(message_id, "accept")


@pytest.fixture
def used_state(tmp_path: Path) -> Path:
    """Three offline drafts (sent as written, sent with one word changed, skipped) and one
    LLM draft sent as written."""
    db = tmp_path / "state.db"
    with Store.open(db) as store:
        _decide(store, "Ada", "Hi Ada, great to meet you too.", None, "offline")
        _decide(
            store, "Bo", "Hi Bo, great to meet you too.", "Hi Bo, great to meet you too.", "offline"
        )
        _decide(
            store,
            "Cy",
            "Hi Cy, great to meet you too.",
            "Hi Cy, lovely to meet you too.",
            "offline",
        )
        _decide(store, "Di", "Hi Di, see you soon.", "Hi Di, see you soon.", "openai")
    return db


def test_eval_field_reports_the_drafts_by_use_everywhere(used_state: Path, tmp_path: Path):
    run_path, page = tmp_path / "run.json", tmp_path / "report.html"
    args = [
        "--db",
        str(used_state),
        *EVAL,
        "--field",
        "--output",
        str(run_path),
        "--html",
        str(page),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "Drafts measured by use (all time, from the state file)" in result.output
    field = json.loads(run_path.read_text(encoding="utf-8"))["field"]
    offline, llm, total = field["rows"]
    assert (offline["backend"], offline["drafts"], offline["accepted"], offline["edited"]) == (
        "offline",
        3,
        1,
        1,
    )
    assert offline["skipped"] == 1 and offline["acceptance_rate"] == pytest.approx(2 / 3)
    # Sent: one as written (0) and one with 'great' → 'lovely' changed; the median is their mean.
    changed = Levenshtein.normalized_distance(
        "Hi Cy, great to meet you too.", "Hi Cy, lovely to meet you too."
    )
    assert offline["median_edit_distance"] == pytest.approx(changed / 2, abs=1e-4)
    assert (llm["backend"], llm["prompt_version"], llm["accepted"]) == ("openai", "draft@v4", 1)
    assert (total["backend"], total["drafts"]) == ("all", 4)
    html = page.read_text(encoding="utf-8")
    assert "Drafts measured by use" in html and "<td>openai draft@v4</td>" in html
    # Only the offline model was scored in this eval: its row says so, the LLM's does not.
    assert "<td>offline@abc</td>" in html
    assert "<td>1 as is, 1 edited, 1 skipped</td><td>yes</td>" in html
    assert "<td>1 as is</td><td>no</td>" in html
    lines = result.output.splitlines()
    [offline_line] = [line for line in lines if line.startswith("│ offline@abc")]
    [llm_line] = [line for line in lines if line.startswith("│ openai")]
    assert offline_line.rstrip(" │").endswith("yes") and llm_line.rstrip(" │").endswith("no")


def test_field_since_a_later_day_finds_nothing_and_says_so(used_state: Path):
    field = read_field(used_state, datetime(2999, 1, 1))
    assert field.since == "2999-01-01" and field.rows == []
    console = Console(record=True, width=100)
    print_field(console, field, [])
    assert "No decisions on drafts recorded in the state file since 2999-01-01" in (
        console.export_text()
    )
    assert len(read_field(used_state, None).rows) == 3  # all time: offline, openai, all


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--field"], "No state database at"),
        (["--field-since", "2026-12-01"], "--field-since needs --field."),
    ],
)
def test_eval_field_bad_use_is_one_line_and_exit_2(tmp_path: Path, extra: list[str], message: str):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "missing.db"), *EVAL, *extra])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "missing.db").exists()  # nothing ran, nothing was created


def test_a_field_row_belongs_to_the_eval_that_scored_its_prompt_version():
    row = FieldRow(
        backend="openai", prompt_version="draft@v4", label="relationship", drafts=1, accepted=1,
        edited=0, replaced=0, skipped=0, relabelled=0, acceptance_rate=1.0,
        median_edit_distance=0.0,
    )  # fmt: skip

    def run(prompt: str, backend: str = "openai") -> RunResult:
        return RunResult.model_construct(prompt=prompt, backend=backend, model="m")

    assert scored_here(row, [run("classify@v2+draft@v4")])
    assert not scored_here(row, [run("classify@v2+draft@v3"), run("offline", "offline")])
