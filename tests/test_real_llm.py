"""The LLM path against a real OpenAI-compatible server and a real (tiny) model: the
mechanics only (verdicts or counted unusable answers, no retry storm, the negotiated mode
recorded, resume, draft checks, the UI), never the model's quality.

SmolLM2-135M often fills a verdict's reason with the prompt's own wording (the field's
description, the prompt's example) whatever the message says; such a verdict is refused
as an unusable answer, like one that never parses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_exports import read_csv, write_export
from click.testing import CliRunner
from real_llm_server import MODEL_ALIAS, RealServer
from snapshot_apps.build import build_app, settle

from reply_assistant.backends.draft_review import failed_checks
from reply_assistant.backends.factory import make_backend
from reply_assistant.cli import cli
from reply_assistant.config import Settings, load_settings
from reply_assistant.engine import incoming_from_text
from reply_assistant.models import Action, Label, VerdictOutput
from reply_assistant.store import Store

# One worker runs them all, so the session starts one server and pays for the model's cold
# prompts once (needs `--dist loadgroup`, in pyproject's addopts).
pytestmark = [pytest.mark.real_llm, pytest.mark.xdist_group("real_llm")]

FIXTURES = Path(__file__).parent / "fixtures"
# How an unusable answer is reported: one that never parsed, or one that copied the prompt.
UNUSABLE = ("fields asked for", "repeat the prompt's instructions")
TEXTS = [
    "Hi, we build landing pages in 48 hours. Want a quick demo call this week?",
    "Congrats on the new role! Hope the team is treating you well.",
]
# Requests a message may take at most: a classify, a draft, their repairs and a redraft
# (with its repair). More means something retries that should not.
MOST_REQUESTS_PER_MESSAGE = 6
# Classifying alone: the refused json_schema probe, the classify and its repair.
MOST_CLASSIFY_REQUESTS_PER_MESSAGE = 3


@pytest.fixture
def llm_env(real_llm: RealServer, monkeypatch, isolated_environment) -> RealServer:
    monkeypatch.setenv("OPENAI_BASE_URL", real_llm.base_url)
    monkeypatch.setenv("REPLY_ASSISTANT_MODEL", MODEL_ALIAS)
    (isolated_environment / "config.toml").write_text(
        "max_attempts = 2\ntimeout_s = 120\nconcurrency = 2\n", encoding="utf-8"
    )
    return real_llm


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def unusable(error: str) -> bool:
    return any(phrase in error for phrase in UNUSABLE)


def test_doctor_finds_the_mode_that_works(llm_env, tmp_path):
    result = invoke("--db", str(tmp_path / "state.db"), "doctor")
    lines = result.output.splitlines()
    assert "structured output  ok    json_object+schema" in lines, result.output
    # Usable, or the model copies its instructions and the fix says to choose a larger one.
    if result.exit_code != 0:
        assert lines[-1].startswith("fix ") and "choose a larger model" in lines[-1], lines
    else:
        assert lines[-1] == "The LLM path is usable."


def test_classify_returns_a_verdict(llm_env, tmp_path):
    result = invoke("--db", str(tmp_path / "state.db"), "classify", TEXTS[0], "--json")
    # An unusable verdict is reported as such (exit 1), in one line.
    if unusable(result.output):
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        return
    assert result.exit_code == 0, result.output
    verdict = json.loads(result.output[: result.output.rindex("}") + 1])["verdict"]
    assert verdict["label"] in set(Label) and verdict["provenance"]["model"] == MODEL_ALIAS


def test_batch_judges_every_message_records_the_mode_and_resumes(llm_env, tmp_path):
    export = write_export(tmp_path / "export", TEXTS)
    out, db = tmp_path / "out.csv", tmp_path / "state.db"
    before = llm_env.chat_requests()
    # Classify only: drafting against this server is covered by the classify, draft-check and
    # UI tests, and each draft (with its usual redraft) costs the tier's CPU about 5 s.
    result = invoke(
        "--db", str(db), "batch", str(export), "-o", str(out), "--details", "--no-drafts"
    )  # fmt: skip
    rows = read_csv(out)
    assert len(rows) == len(TEXTS), result.output
    for row in rows:  # judged, or failed only because the answer was unusable
        assert row["label"] or unusable(row["error"]), row
    sent = llm_env.chat_requests() - before
    assert sent <= MOST_CLASSIFY_REQUESTS_PER_MESSAGE * len(TEXTS)
    with Store.open(db) as store:
        key = f"structured-mode:{llm_env.base_url}|{MODEL_ALIAS}"
        assert store.response_cache.get(key) == "json_object+schema"

    if result.exit_code == 0:  # a rerun of a finished batch sends nothing
        again = invoke("--db", str(db), "batch", str(export), "-o", str(out), "--no-drafts")
        assert again.exit_code == 0 and llm_env.chat_requests() - before == sent
        assert f"{len(TEXTS)} already done" in again.output


async def test_every_draft_is_checked(llm_env):
    backend = make_backend(load_settings(), backend="openai")
    item = incoming_from_text(TEXTS[1], sender_name="Maeve Okonjo")
    verdict = VerdictOutput(
        label=Label.RELATIONSHIP, confidence=0.9, reason="A congratulation.", action=Action.REPLY
    )
    try:
        draft = await backend.draft(item, verdict)
    finally:
        await backend.aclose()
    # What the draft still fails is recorded with it, exactly as the checks say.
    assert draft.provenance.failed_checks == failed_checks(
        draft.text, item, verdict, backend.profile
    )


def test_eval_scores_a_small_labelled_file(llm_env, tmp_path):
    # One example of the minimal dataset: the eval's path end to end, quick on a tiny CPU model.
    examples = (FIXTURES / "evals" / "minimal.jsonl").read_text(encoding="utf-8").split("\n")
    dataset = tmp_path / "one.jsonl"
    dataset.write_text(examples[0] + "\n", encoding="utf-8")
    result = invoke(
        "--db", str(tmp_path / "state.db"), "eval", "--backend", "openai", "--no-baseline",
        "--no-drafts", "--dataset", str(dataset), "--output", str(tmp_path / "run.json"),
    )  # fmt: skip
    run = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))["runs"][0]
    assert run["metrics"]["count"] == 1
    # A run whose one answer was unusable measured nothing: the eval says so and fails.
    if run["examples"][0]["error"]:
        assert unusable(run["examples"][0]["error"]), run["examples"][0]["error"]
        assert result.exit_code == 1 and "every call of classify@v1 failed" in result.output
    else:
        assert result.exit_code == 0, result.output


async def test_the_ui_judges_every_row_against_the_real_server(llm_env, tmp_path):
    # One message: the UI's path (judge, draft, show, count) is the same for every row, and
    # each one costs this tier's single CPU thread about 7 s.
    db = tmp_path / "state.db"
    with Store.open(db) as store:
        store.add_manual_message("Maeve Okonjo", TEXTS[1])
    settings = Settings(
        backend="openai", base_url=llm_env.base_url, model=MODEL_ALIAS,
        max_attempts=2, timeout_s=120, concurrency=2,
    )  # fmt: skip
    before = llm_env.chat_requests()
    app, _ = build_app(db, settings=settings, seed=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        rows = list(app.inbox.rows_by_id)
        assert len(rows) == 1
        status = str(app.status_bar.render())
        assert "LLM unreachable" not in status  # the server is up, whatever it answers
        [message_id] = rows
        verdict = app.store.verdict(message_id)
        assert verdict is not None, app.store.error(message_id)
        if verdict.provenance.backend == "openai":
            assert app.sub_title == app.backend_label
        else:  # every answer was unusable: the offline model judged it, and the notice says so
            assert verdict.provenance.backend == "offline"
            assert f"LLM answers unusable ({MODEL_ALIAS})" in status
        assert app.status_bar.progress == (1, 1)
        assert llm_env.chat_requests() - before <= MOST_REQUESTS_PER_MESSAGE
    app.store.close()
