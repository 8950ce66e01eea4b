"""The UI against an LLM backend on the fake server: responsive while it is slow, clear
about what to do when it fails, streamed drafts shown as they come and counted in the totals."""

from __future__ import annotations

from pathlib import Path

from snapshot_apps.build import build_app, settle
from textual.widgets import DataTable

from reply_assistant.config import Settings
from reply_assistant.testing.fake_llm_server import DEFAULT_DRAFTS, FakeLLMServer
from reply_assistant.tui.modals.help import HelpScreen

MODEL = "gpt-4.1-mini"  # a priced model the fake serves
FAKE_DRAFTS = frozenset(DEFAULT_DRAFTS.values())


def llm_settings(
    fake: FakeLLMServer, api_key: str = "test-key", model: str = "fake-model", concurrency: int = 8
) -> Settings:
    return Settings(
        backend="openai",
        base_url=fake.base_url,
        api_key=api_key,
        model=model,
        max_attempts=1,
        timeout_s=10,
        concurrency=concurrency,
    )


async def test_keys_are_handled_while_the_model_is_slow(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.hold_answers()
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm))
    async with app.run_test(size=(100, 30)) as pilot:
        await fake_llm.until_answering()
        await pilot.press("j", "j")
        await pilot.pause()
        assert app.query_one("#inbox", DataTable).cursor_row == 2
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        # The keys were handled while every classification was still waiting on the server.
        assert app.status_bar.progress == (0, 5)
        assert fake_llm.in_flight > 0
        await pilot.press("escape")
        fake_llm.release_answers()
        await settle(pilot)
        assert app.status_bar.progress == (5, 5)
        assert "tokens" in app.status_bar.totals and app.totals.usage.total_tokens > 0
    app.store.close()


async def test_a_refused_key_is_reported_and_the_offline_model_stands_in(tmp_path: Path) -> None:
    with FakeLLMServer(require_key="the-right-key") as fake:
        # One call at a time, so that what is sent after the endpoint counts as down shows.
        settings = llm_settings(fake, "a-wrong-key", concurrency=1)
        app, _ = build_app(tmp_path / "state.db", settings=settings)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            errors = [n for n in app._notifications if n.severity == "error"]
            assert len(errors) == 1  # one toast for one problem, not one per message
            # Settings are read at launch: the toast says to fix the key and restart.
            assert f"the API key was rejected by {fake.base_url}" in errors[0].message
            assert "Set OPENAI_API_KEY" in errors[0].message
            assert "restart" in errors[0].message and "retry" not in errors[0].message
            # A rejected key fails every call alike: one is enough to tell.
            assert len(fake.chat_requests()) == 1
            # Meanwhile every row has the offline model's verdict, marked as such.
            status = str(app.status_bar.render())
            # What happened: the server was reached, and refused the key.
            assert "LLM refused the API key — showing offline verdicts; r to retry" in status
            assert app.sub_title == "offline (LLM refused the API key)"
            message_id = app.current_id
            for row_id in app.inbox.rows_by_id:
                assert app.store.verdict(row_id).provenance.backend == "offline"
            assert not app.inbox.rows_by_id[message_id].error

            fake.require_key = None  # stands in for a restart with the right key
            await pilot.press("r")
            await settle(pilot)
            for row_id in app.inbox.rows_by_id:
                assert app.store.verdict(row_id).provenance.backend == "openai"
            assert app.store.error(message_id) is None
            assert "LLM refused" not in str(app.status_bar.render())
            assert app.sub_title == app.backend_label
        app.store.close()


def error_toasts(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "error"]


async def test_an_unknown_model_says_to_set_the_model_and_restart(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    settings = llm_settings(fake_llm, model="gpt-nope")
    app, _ = build_app(tmp_path / "state.db", settings=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        [toast] = error_toasts(app)
        assert f"model gpt-nope not found at {fake_llm.base_url}" in toast
        assert "Set model" in toast and "restart" in toast and "retry" not in toast
    app.store.close()


async def test_a_rate_limit_that_outlasts_the_retries_says_press_r(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.script(["429"] * 5)  # max_attempts=1: each classification fails once
    settings = llm_settings(fake_llm, concurrency=1)  # calls one after the other
    app, _ = build_app(tmp_path / "state.db", settings=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        [toast] = error_toasts(app)
        assert "rate limiting" in toast and "wait a minute, then press r" in toast
        assert "restart" not in toast
        # Three calls failing with none answered is enough to tell: the offline model
        # judges the rest meanwhile instead of each row waiting out its own retries.
        assert len(fake_llm.chat_requests()) == 3
        assert "LLM rate limit reached" in str(app.status_bar.render())
        assert app.store.verdict(app.current_id).provenance.backend == "offline"
    app.store.close()


async def test_a_regenerated_draft_streams_into_the_editor_and_adds_to_the_totals(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm, model=MODEL))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        message_id = app.current_id
        tokens_before, cost_before = app.totals.usage.total_tokens, app.totals.cost_usd
        assert f"{tokens_before:,} tokens" in app.status_bar.totals

        fake_llm.stream_delay_s = 0.05  # each word waits: the chunks arrive one by one
        shown: list[str] = []  # what the editor showed after each streamed chunk
        show_streaming = app.conversation.set_streaming

        def watch_streaming(text: str) -> None:
            show_streaming(text)
            shown.append(app.conversation.draft_text)

        app.conversation.set_streaming = watch_streaming
        await pilot.press("r")
        await settle(pilot)
        partial = next(text for text in shown if text and not final_draft_text(text))

        [*_, streamed] = app.store.drafts(message_id)
        assert streamed.provenance.prompt_version == "draft@v1 (streamed)"
        assert partial and streamed.text.startswith(partial) and partial != streamed.text
        assert app.conversation.draft_text == streamed.text

        usage = streamed.provenance.usage
        assert usage.prompt_tokens > 0 and usage.completion_tokens > 0
        assert app.totals.usage.total_tokens == tokens_before + usage.total_tokens
        # The fake is no OpenAI API: the draft's cost is unknown, and said so, not $0.
        assert streamed.provenance.cost_usd is None
        assert app.totals.cost_usd == cost_before and app.totals.cost_unknown
        assert f"{app.totals.usage.total_tokens:,} tokens" in app.status_bar.totals
        assert "cost unknown" in app.status_bar.totals
    app.store.close()


def final_draft_text(text: str) -> bool:
    """True for any of the fake server's complete drafts (the one classification made
    is shown until the first streamed words replace it)."""
    return text in FAKE_DRAFTS


async def test_the_tokens_of_calls_that_failed_reach_the_session_totals(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    # One call at a time: the first three classify calls and their repairs fail, and the
    # LLM then counts as down (the offline model judges the rest).
    fake_llm.script(["invalid"] * 6)
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm, concurrency=1))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert len(fake_llm.chat_requests()) == 6
        # No verdict came of them, but every reply was paid for.
        assert app.totals.calls == 3 and app.totals.usage.total_tokens > 0
        assert f"{app.totals.usage.total_tokens:,} tokens" in app.status_bar.totals
    app.store.close()
