"""Another process may delete what the open inbox lists (a batch replacing the demo inbox
removes it): moving onto such a row re-reads the list instead of crashing."""

from __future__ import annotations

from pathlib import Path

from snapshot_apps.build import build_app, settle

from reply_assistant.store import Store


async def test_rows_deleted_by_another_process_reload_the_list(tmp_path: Path) -> None:
    app, _ = build_app(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.inbox.row_count > 2
        # Another connection, as a batch run in another process holds: its export replaces
        # everything this inbox lists (`import --replace`; a batch removing the demo).
        with Store.open(tmp_path / "state.db") as other:
            assert other.remove_everything() > 2
        await pilot.press("j")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert app.inbox.row_count == 0
        assert any("changed in another process" in str(n.message) for n in app._notifications)
