"""The UI judges in the background what batch would: the needs-reply window (issue 14)."""

from __future__ import annotations

from real_export_quirks import EXCEL_2021
from snapshot_apps.build import settle

from reply_assistant.backends import Backend
from reply_assistant.config import Settings
from reply_assistant.engine import Assistant
from reply_assistant.importer import import_export
from reply_assistant.models import Action, Draft, Label, Provenance, Verdict
from reply_assistant.sources import open_export
from reply_assistant.store import Store
from reply_assistant.tui.app import ReplyAssistantApp
from reply_assistant.tui.commands import system_commands

MADE_BY = Provenance(backend="recording", model="m", prompt_version="recording@1")


class RecordingBackend(Backend):
    """Records the texts it is asked to judge; every verdict the same, no model loaded."""

    name, model, prompt_version = "recording", "m", "recording@1"

    def __init__(self) -> None:
        self.classified: list[str] = []

    def describe(self) -> str:
        return self.name

    async def classify(self, item):
        self.classified.append(item.text)
        return Verdict(
            label=Label.UNCLEAR, confidence=0.5, reason="r", action=Action.ASK, provenance=MADE_BY
        )

    async def draft(self, item, verdict):
        return Draft(text="Could you say more?", language="en", provenance=MADE_BY)


def launch(tmp_path, days: int, backend: Backend, *, judge: bool = True) -> ReplyAssistantApp:
    store = Store.open(tmp_path / "state.db")
    with open_export(EXCEL_2021) as export:
        import_export(store, export)
    settings = Settings(backend="offline", needs_reply_days=days)
    return ReplyAssistantApp(
        store, Assistant(backend), "recording", settings=settings, classify_on_start=judge
    )


async def judged_on_start(tmp_path, days: int) -> list[str]:
    backend = RecordingBackend()
    app = launch(tmp_path, days, backend)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    app.store.close()
    return backend.classified


async def test_only_the_needs_reply_window_is_judged_on_start(tmp_path):
    judged = await judged_on_start(tmp_path, days=90)
    assert any("Hope you are safe" in text for text in judged)
    assert not any("ERP migration" in text for text in judged)  # 2019: outside 90 days
    assert not any("forwarder in Gdansk" in text for text in judged)  # ARCHIVE folder


async def test_no_window_judges_every_inbox_conversation(tmp_path):
    judged = await judged_on_start(tmp_path, days=0)
    assert any("ERP migration" in text for text in judged)


async def test_the_palette_widens_the_window_to_list_older_threads(tmp_path):
    backend = RecordingBackend()
    app = launch(tmp_path, 90, backend, judge=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

        def listed() -> set[str]:
            return {row.sender for row in app.inbox.rows_by_id.values()}

        assert "Omar Haddad" not in listed()
        [any_date] = [c for c in system_commands(app) if c.title == "Needs reply since: any date"]
        any_date.callback()
        await settle(pilot)
        assert "Omar Haddad" in listed()
        # ...and judges what it now lists, as on start.
        assert any("ERP migration" in text for text in backend.classified)
    app.store.close()
