"""Command palette entries: import an export, switch backend or prompt, re-run."""

from __future__ import annotations

import asyncio
from pathlib import Path

from snapshot_apps.build import build_app, settle
from snapshot_apps.seed import write_export

from reply_assistant.config import Settings
from reply_assistant.testing.fake_llm_server import FakeLLMServer
from reply_assistant.tui import commands
from reply_assistant.tui.modals.confirm import ConfirmModal


async def test_palette_offers_the_app_commands(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Re-run classification", "Import an export", "Backend: openai"} <= titles
        assert "Backend: offline (in use)" in titles  # the one on is marked
        assert "Prompt: draft@v1 (in use)" in titles and "Prompt: draft@v2" in titles
        assert not any(title.startswith("Prompt: judge@") for title in titles)
    app.store.close()


async def test_import_fills_an_empty_inbox_and_classifies_it(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db", seed=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.inbox.row_count == 0
        commands.import_export_into(app, write_export(tmp_path / "export"))
        await settle(pilot)
        assert app.inbox.row_count == 5
        assert all(row.label for row in app.inbox.rows_by_id.values())
    app.store.close()


async def test_a_bad_import_path_is_an_error_notification(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        commands.import_export_into(app, tmp_path / "missing")
        await pilot.pause()
        assert [n.title for n in app._notifications if n.severity == "error"] == ["Import failed"]
    app.store.close()


async def test_switching_to_openai_without_a_key_says_what_to_do(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        commands.switch_backend(app, backend="openai")
        await pilot.pause()
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "OPENAI_API_KEY" in errors[0].message
        assert "--backend" not in errors[0].message  # a command-line hint means nothing here
        assert app.assistant.backend.name == "offline"
    app.store.close()


async def test_picking_a_prompt_on_the_offline_backend_says_it_waits_for_an_llm(
    tmp_path: Path,
) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        backend = app.assistant.backend
        commands.switch_backend(app, prompt_versions={"classify": "v2"})
        await pilot.pause()
        assert app.assistant.backend is backend  # the offline model is not reloaded
        said = [notification.message for notification in app._notifications]
        assert "classify@v2 will be used when an LLM backend is on" in said[-1]
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Prompt: classify@v2 (in use)" in titles
    app.store.close()


async def test_switching_the_draft_prompt_is_used_for_the_next_draft(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    settings = Settings(
        backend="openai", base_url=fake_llm.base_url, api_key="k", model="fake-model"
    )
    app, _ = build_app(tmp_path / "state.db", settings=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        commands.switch_backend(app, prompt_versions={"draft": "v2"})
        assert "draft@v2" in app.status_bar.prompts
        await pilot.press("r")
        await settle(pilot)
        newest = app.store.drafts(app.current_id)[-1]
        assert newest.provenance.prompt_version.startswith("draft@v2")
    app.store.close()


async def test_rerun_asks_first_then_classifies_again(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        message_id = app.current_id
        drafts_before = len(app.store.drafts(message_id))
        commands.confirm_rerun(app)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        assert len(app.store.drafts(message_id)) == drafts_before + 1
    app.store.close()


async def test_importing_over_the_demo_while_the_model_is_busy_with_it(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    """The import removes the demo inbox; answers still on their way for demo messages
    must not land on rows that no longer exist (nor crash the app)."""
    from reply_assistant.demo import import_demo_if_empty
    from reply_assistant.store import Store

    db = tmp_path / "state.db"
    with Store.open(db) as store:
        import_demo_if_empty(store)
        demo_ids = {s.message_id for s in store.conversation_summaries("all")}
    fake_llm.hold_answers()
    settings = Settings(
        backend="openai", base_url=fake_llm.base_url, api_key="k", model="fake-model"
    )
    app, _ = build_app(db, settings=settings, seed=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await fake_llm.until_answering()  # demo messages are being judged
        commands.import_export_into(app, write_export(tmp_path / "export"))
        fake_llm.release_answers()  # their answers arrive after the import
        await settle(pilot)
        assert app.is_running
        rows = set(app.inbox.rows_by_id)
        assert len(rows) == 5 and not rows & demo_ids
        assert all(row.label for row in app.inbox.rows_by_id.values())
        assert all(app.store.verdict(message_id) is None for message_id in demo_ids)
    app.store.close()


async def test_importing_over_the_demo_while_a_demo_draft_is_being_rewritten(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    from reply_assistant.demo import import_demo_if_empty
    from reply_assistant.store import Store

    db = tmp_path / "state.db"
    with Store.open(db) as store:
        import_demo_if_empty(store)
    settings = Settings(
        backend="openai", base_url=fake_llm.base_url, api_key="k", model="fake-model"
    )
    app, _ = build_app(db, settings=settings, seed=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        fake_llm.latency = 0.5
        rewriting = asyncio.Event()  # set when the row shows the redraft has started
        refresh_row = app.refresh_row

        def watch_row(message_id: str) -> None:
            refresh_row(message_id)
            if message_id in app.working:
                rewriting.set()

        app.refresh_row = watch_row
        await pilot.press("r")
        await rewriting.wait()  # a demo draft is being rewritten, its request on the server
        commands.import_export_into(app, write_export(tmp_path / "export"))
        await settle(pilot)
        assert app.is_running
        assert len(app.inbox.rows_by_id) == 5
    app.store.close()


async def test_the_rerun_question_mentions_cost_only_for_a_priced_backend(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        commands.confirm_rerun(app)
        await pilot.pause()
        assert "cost" not in str(app.screen.query_one("Label").render())
    app.store.close()


async def test_another_persons_export_is_refused_with_a_notification(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures" / "linkedin-export"
    app, _ = build_app(tmp_path / "state.db", seed=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        commands.import_export_into(app, fixtures / "Basic_LinkedInDataExport_10-21-2023")
        await settle(pilot)
        rows = app.inbox.row_count
        commands.import_export_into(app, fixtures.parent / "real-export-quirks" / "excel-2021")
        await settle(pilot)
        assert app.is_running and app.inbox.row_count == rows
        assert [n.title for n in app._notifications if n.severity == "error"] == ["Import failed"]
    app.store.close()
