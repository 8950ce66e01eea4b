"""A message longer than the prompt's budget is trimmed for the LLM, and every front end
says so: the batch output's notes column, the classify command and the conversation pane."""

from __future__ import annotations

import json

import pytest
from batch_exports import WARM, read_csv, run_batch, write_export
from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.message_budget import MESSAGE_CHAR_BUDGET, trim_notice, trim_text
from reply_assistant.models import Action, Label, Provenance, Verdict
from reply_assistant.testing.fake_llm_server import FakeLLMServer
from reply_assistant.tui.conversation.render import verdict_text

LONG = "Hi Jordan, " + "we should talk about the roadmap. " * 3_000  # about 100,000 characters


def test_the_notice_counts_what_the_prompt_leaves_out() -> None:
    notice = trim_notice(LONG, "openai")
    cut = len(LONG) - MESSAGE_CHAR_BUDGET
    assert f"{cut:,} of {len(LONG):,} characters" in notice
    # The prompt itself cuts exactly that much.
    assert f"[... {cut:,} characters trimmed ...]" in trim_text(LONG, MESSAGE_CHAR_BUDGET // 4)


@pytest.mark.parametrize(
    ("text", "backend"),
    [("x" * MESSAGE_CHAR_BUDGET, "openai"), (LONG, "offline"), (LONG, "user")],
)
def test_no_notice_when_nothing_was_cut(text: str, backend: str) -> None:
    assert trim_notice(text, backend) == ""


@pytest.fixture
def llm_env(fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch) -> FakeLLMServer:
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-trim")
    return fake_llm


def test_batch_notes_the_trimmed_message_only(llm_env: FakeLLMServer, tmp_path) -> None:
    export = write_export(tmp_path / "export", [LONG, WARM])
    out = tmp_path / "out.csv"
    code, output = run_batch(str(export), "-o", str(out))
    assert code == 0, output
    # By their openings: a message this long is cut in its CSV cell (a spreadsheet's limit).
    rows = {row["message_text"][:40]: row for row in read_csv(out)}
    assert "characters left out" in rows[LONG[:40]]["notes"]
    assert rows[WARM[:40]]["notes"] == ""
    assert "1 message was trimmed" in output
    sent = [json.dumps(r.body) for r in llm_env.chat_requests()]
    assert any("characters trimmed" in body for body in sent)


def test_offline_batch_reads_the_whole_message(tmp_path) -> None:
    export = write_export(tmp_path / "export", [LONG])
    out = tmp_path / "out.csv"
    code, output = run_batch(str(export), "-o", str(out), "--backend", "offline")
    assert code == 0, output
    assert read_csv(out)[0]["notes"] == ""
    assert "trimmed" not in output


def test_classify_says_so_on_stderr_and_keeps_json_clean(llm_env: FakeLLMServer) -> None:
    result = CliRunner().invoke(cli, ["classify", "--json", "-"], input=LONG)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verdict"]["label"]
    assert result.stderr.startswith("note: message trimmed for the LLM:")


def test_conversation_pane_shows_the_notice_under_an_llm_verdict() -> None:
    def verdict(backend: str) -> Verdict:
        made_by = Provenance(backend=backend, model="m", prompt_version="classify@v2")
        return Verdict(
            label=Label.RELATIONSHIP,
            confidence=0.8,
            reason="r",
            action=Action.REPLY,
            provenance=made_by,
        )

    assert "Message trimmed for the LLM" in verdict_text(verdict("openai"), message_text=LONG).plain
    assert "trimmed" not in verdict_text(verdict("offline"), message_text=LONG).plain
    assert "trimmed" not in verdict_text(verdict("openai"), message_text=WARM).plain
