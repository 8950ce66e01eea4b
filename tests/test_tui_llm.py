"""The UI against an LLM backend on the fake server: responsive while it is slow, clear
when it refuses the key."""

from __future__ import annotations

from pathlib import Path

from snapshot_apps.build import build_app, settle
from textual.widgets import DataTable

from reply_assistant.config import Settings
from reply_assistant.testing.fake_llm_server import FakeLLMServer
from reply_assistant.tui.modals.help import HelpScreen


def llm_settings(fake: FakeLLMServer, api_key: str = "test-key") -> Settings:
    return Settings(
        backend="openai",
        base_url=fake.base_url,
        api_key=api_key,
        model="fake-model",
        max_attempts=1,
        timeout_s=10,
    )


async def test_keys_are_handled_while_the_model_is_slow(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.latency = 2.0
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
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
        await settle(pilot)
        assert app.status_bar.progress == (5, 5)
        assert "tokens" in app.status_bar.totals and app.totals.usage.total_tokens > 0
    app.store.close()


async def test_a_refused_key_is_reported_and_the_item_stays_pending(tmp_path: Path) -> None:
    with FakeLLMServer(require_key="the-right-key") as fake:
        app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake, "a-wrong-key"))
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            errors = [n for n in app._notifications if n.severity == "error"]
            assert len(errors) == 1  # one toast for one problem, not one per message
            assert "retry" in errors[0].message
            message_id = app.current_id
            assert app.store.verdict(message_id) is None
            assert app.store.error(message_id)
            assert app.inbox.rows_by_id[message_id].error
            assert message_id in {s.message_id for s in app.store.conversation_summaries("pending")}
            assert "Press r to retry" in str(app.query_one("#verdict").render())

            fake.require_key = None  # the person fixed the key; r retries the item
            await pilot.press("r")
            await settle(pilot)
            assert app.store.verdict(message_id) is not None
            assert app.store.error(message_id) is None
            assert not app.inbox.rows_by_id[message_id].error
        app.store.close()
