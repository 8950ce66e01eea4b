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

from reply_assistant.backends.offline.model import EmbeddingModel
from reply_assistant.cli import cli
from reply_assistant.evals.field import read_field, scored_here
from reply_assistant.evals.records import ExampleResult, FieldRow, RunResult
from reply_assistant.evals.report_text import print_field
from reply_assistant.models import Action, Draft, Label, Provenance, Verdict
from reply_assistant.store import Store

DATA = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"
EVAL = ["eval", "--dataset", str(DATA), "--backend", "offline", "--no-drafts"]
# The offline model this eval scores, as its drafts name it.
OFFLINE_NOW = f"offline@{EmbeddingModel.load().version}"


def _decide(store: Store, sender: str, draft: str, sent: str | None, version: str) -> None:
    """A message with a verdict and draft from prompt `version` ("offline@…" for the
    offline model), then accepted as `sent` (None: skipped)."""
    message_id = store.add_manual_message(sender, "Lovely to meet you at the summit!")
    offline = version.startswith("offline@")
    provenance = Provenance(
        backend="offline" if offline else "openai",
        model="offline" if offline else "gpt-4.1-mini",
        prompt_version=version,
    )
    verdict = Verdict(
        label=Label.RELATIONSHIP,
        confidence=0.9,
        reason="A person.",
        action=Action.REPLY,
        provenance=provenance,
    )
    draft_made = Draft(text=draft, language="en", provenance=provenance)
    store.save_assessment(message_id, verdict, draft_made, "")
    if sent is None:
        store.record_decision(message_id, "skip")
        return
    if sent != draft:
        store.save_edit(message_id, sent)
    store.record_decision(message_id, "accept")


@pytest.fixture
def used_state(tmp_path: Path) -> Path:
    """Three drafts of today's offline model (sent as written, sent with one word changed,
    skipped), one of an older offline build and one LLM draft, both sent as written."""
    db = tmp_path / "state.db"
    greeting = "Hi {}, great to meet you too."
    with Store.open(db) as store:
        _decide(store, "Ada", greeting.format("Ada"), None, OFFLINE_NOW)
        _decide(store, "Bo", greeting.format("Bo"), greeting.format("Bo"), OFFLINE_NOW)
        edited = "Hi Cy, lovely to meet you too."
        _decide(store, "Cy", greeting.format("Cy"), edited, OFFLINE_NOW)
        _decide(store, "Ed", greeting.format("Ed"), greeting.format("Ed"), "offline@0ldbuild")
        _decide(store, "Di", "Hi Di, see you soon.", "Hi Di, see you soon.", "draft@v4")
    return db


def test_eval_field_reports_the_drafts_by_use_everywhere(
    used_state: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("COLUMNS", "200")  # one table row per line
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
    *offline_rows, llm, total = field["rows"]  # sorted by backend, then prompt version
    versions = [row["prompt_version"] for row in offline_rows]
    assert versions == sorted([OFFLINE_NOW, "offline@0ldbuild"])
    offline, older = (offline_rows[versions.index(v)] for v in (OFFLINE_NOW, "offline@0ldbuild"))
    assert (offline["prompt_version"], offline["drafts"]) == (OFFLINE_NOW, 3)
    counts = [offline[name] for name in ("accepted", "edited", "replaced", "skipped")]
    assert counts == [1, 1, 0, 1] and offline["acceptance_rate"] == pytest.approx(2 / 3)
    # Sent: one as written (0) and one with 'great' → 'lovely' changed; the median is their mean.
    changed = Levenshtein.normalized_distance(
        "Hi Cy, great to meet you too.", "Hi Cy, lovely to meet you too."
    )
    assert offline["median_edit_distance"] == pytest.approx(changed / 2, abs=1e-4)
    assert (older["prompt_version"], older["accepted"]) == ("offline@0ldbuild", 1)
    assert (llm["backend"], llm["prompt_version"], llm["accepted"]) == ("openai", "draft@v4", 1)
    assert (total["backend"], total["drafts"]) == ("all", 5)
    # Only today's offline model was scored: its row says so; an older build's and the
    # LLM's drafts came from configurations this eval did not score.
    html = page.read_text(encoding="utf-8")
    assert "Drafts measured by use" in html
    assert f"<td>{OFFLINE_NOW}</td>" in html
    assert "<td>1 as is, 1 edited, 1 skipped</td><td>yes</td>" in html
    assert html.count("<td>1 as is</td><td>no</td>") == 2
    lines = result.output.splitlines()
    in_eval = {line.split()[1]: line.rstrip(" │").split()[-1] for line in lines if "as is" in line}
    assert in_eval == {
        OFFLINE_NOW: "yes",
        "offline@0ldbuild": "no",
        "openai": "no",
        "all": "skipped",
    }
    rescored = CliRunner().invoke(cli, ["eval", "rescore", str(run_path)])
    assert rescored.exit_code == 0 and "Drafts measured by use" in rescored.output


def test_field_since_a_later_day_finds_nothing_and_says_so(used_state: Path):
    field = read_field(used_state, datetime(2999, 1, 1))
    assert field.since == "2999-01-01" and field.rows == []
    console = Console(record=True, width=100)
    print_field(console, field, [])
    assert "No decisions on drafts recorded in the state file since 2999-01-01" in (
        console.export_text()
    )
    assert len(read_field(used_state, None).rows) == 4  # all time: two offline, openai, all


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


def test_a_field_row_belongs_to_the_eval_that_used_its_prompt_version():
    row = FieldRow(
        backend="offline", prompt_version="offline@abc", label="relationship", drafts=1,
        accepted=1, edited=0, replaced=0, skipped=0, relabelled=0, acceptance_rate=1.0,
        median_edit_distance=0.0,
    )  # fmt: skip
    llm_row = row.model_copy(update={"backend": "openai", "prompt_version": "draft@v4"})

    def run(prompt: str, backend: str = "openai", drafted_by: str = "") -> RunResult:
        examples = [
            ExampleResult(id="e1", gold="spam", draft_provenance={"prompt_version": drafted_by})
        ]
        return RunResult.model_construct(prompt=prompt, backend=backend, examples=examples)

    assert scored_here(llm_row, [run("classify@v2+draft@v4")])
    assert not scored_here(llm_row, [run("classify@v2+draft@v3"), run("offline", "offline")])
    assert scored_here(row, [run("offline", "offline", drafted_by="offline@abc")])
    assert not scored_here(row, [run("offline", "offline", drafted_by="offline@new")])
