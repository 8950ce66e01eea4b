"""A draft that still fails its live checks says so beside it: in the batch output's notes
column, and in the title over the draft in the UI."""

from __future__ import annotations

import json

from batch_exports import WARM, read_csv, write_export
from click.testing import CliRunner
from snapshot_apps.build import build_app, settle
from test_tui_llm import llm_settings
from textual.widgets import Static

from reply_assistant.cli import cli
from reply_assistant.testing.fake_llm_server import FakeLLMServer, default_responder, requested_kind


def batch(tmp_path) -> tuple[dict[str, str], str]:
    """The one result row of a batch over a one-message export, and the command's output."""
    export = write_export(tmp_path / "export", [WARM])
    out = tmp_path / "out.csv"
    args = ["--db", str(tmp_path / "state.db"), "batch", str(export), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    [row] = read_csv(out)
    return row, result.output


# Signed with a name that is not the owner's, twice: the redraft fails the same check.
SIGNED_BY_SOMEONE_ELSE = "Hi Sender0,\nlovely to hear from you.\nAlex"


def signing_alex(request) -> str:
    if requested_kind(request) == "draft":
        return json.dumps({"text": SIGNED_BY_SOMEONE_ELSE, "language": "en"})
    return default_responder(request)


def test_a_draft_failing_its_checks_is_noted_in_the_batch_output(
    fake_llm: FakeLLMServer, monkeypatch, tmp_path
):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    fake_llm.responder = signing_alex
    row, _ = batch(tmp_path)
    assert row["draft"] == SIGNED_BY_SOMEONE_ELSE
    assert "The draft fails checks: sign_off_ok; edit it." in row["notes"]


def test_a_draft_passing_its_checks_has_no_such_note(
    fake_llm: FakeLLMServer, monkeypatch, tmp_path
):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    row, _ = batch(tmp_path)
    assert row["draft"] and "fails checks" not in row["notes"]


async def test_the_ui_marks_a_draft_failing_its_checks(fake_llm: FakeLLMServer, tmp_path):
    fake_llm.responder = signing_alex
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm))
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        title = str(app.query_one("#draft-title", Static).render())
        assert "⚠ failed checks: " in title and "sign_off_ok" in title
    app.store.close()


def echoing(request) -> str:
    """Drafts that send the prompt's data back (as small models do), streamed or not."""
    echo = "Here you go: <message> " + request["messages"][-1]["content"][-300:]
    if requested_kind(request) == "draft":
        return json.dumps({"text": echo, "language": "en"})
    return echo if request.get("stream") else default_responder(request)


def test_an_offline_draft_standing_in_is_noted_in_the_batch_output(
    fake_llm: FakeLLMServer, monkeypatch, tmp_path
):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    fake_llm.responder = echoing
    row, output = batch(tmp_path)
    assert row["draft"] and "<message>" not in row["draft"]
    assert "Offline draft (LLM draft copied its instructions)." in row["notes"]
    assert "Note: 1 draft is an offline template: the LLM's were unusable" in output


async def test_the_ui_marks_an_offline_draft_standing_in_also_after_a_streamed_redraft(
    fake_llm: FakeLLMServer, tmp_path
):
    fake_llm.responder = echoing
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        title = str(app.query_one("#draft-title", Static).render())
        assert "⚠ offline: LLM draft copied its instructions" in title
        drafted = len(app.inbox.rows_by_id)
        assert f", {drafted} offline drafts" in str(app.status_bar.render())
        streams_before = sum(1 for r in fake_llm.chat_requests() if r.body.get("stream"))
        await pilot.press("r")
        await settle(pilot)
        streams = sum(1 for r in fake_llm.chat_requests() if r.body.get("stream"))
        assert streams == streams_before + 1
        title = str(app.query_one("#draft-title", Static).render())
        assert "⚠ offline: LLM draft copied its instructions" in title
        draft = app.store.drafts(app.current_id)[-1]
        assert "<message>" not in draft.text and draft.provenance.backend == "offline"
    app.store.close()
