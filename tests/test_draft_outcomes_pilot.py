"""Drafts measured by use: a scripted UI session accepts, edits, skips and relabels, and
`reply-assistant stats` reports exactly those outcomes with the right edit distances."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from rapidfuzz.distance import Levenshtein
from snapshot_apps.build import build_app, settle

from reply_assistant.cli import cli
from reply_assistant.models import Action

SIZE = (100, 30)


async def test_stats_shows_the_accepts_edits_and_skips_of_a_session(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    app, _ = build_app(db)
    expected: dict[str, float | None] = {}  # outcome -> edit distance
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        store = app.store
        replies = [
            message_id
            for message_id in app.inbox.rows_by_id
            if store.verdict(message_id).action is not Action.NO_REPLY
        ]
        assert len(replies) >= 4

        async def go_to(message_id: str) -> None:
            app.inbox.move_cursor(row=app.inbox.get_row_index(message_id))
            await settle(pilot)

        unchanged, edited, skipped, relabelled = replies[:4]
        await go_to(unchanged)
        await pilot.press("a")
        await settle(pilot)
        expected["accepted"] = 0.0

        await go_to(edited)
        draft = store.drafts(edited)[-1].text
        await pilot.press("e", "end", "space", "P", "S", "escape")
        await settle(pilot)
        sent = store.edited_text(edited)
        assert sent is not None and sent.endswith(" PS")
        await pilot.press("a")
        await settle(pilot)
        expected["edited"] = Levenshtein.normalized_distance(draft.strip(), sent.strip())

        await go_to(skipped)
        await pilot.press("s")
        await settle(pilot)
        expected["skipped"] = None

        await go_to(relabelled)
        label = store.verdict(relabelled).label.value
        await pilot.press("3" if label != "unclear" else "1")
        await settle(pilot)
        expected["relabelled"] = None
    app.store.close()

    result = CliRunner().invoke(cli, ["--db", str(db), "stats", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    total = rows[-1] if len(rows) > 1 else rows[0]
    assert total["drafts"] == 4
    assert (total["accepted"], total["edited"], total["skipped"], total["relabelled"]) == (
        1,
        1,
        1,
        1,
    )
    assert total["acceptance_rate"] == 0.5
    # Sent drafts: one unchanged (0.0) and one edited; the median is their mean.
    assert total["median_edit_distance"] == round((0.0 + round(expected["edited"], 4)) / 2, 6)
    assert 0 < expected["edited"] < 0.2
    assert all(row["backend"] in ("offline", "all") for row in rows)

    table = CliRunner().invoke(cli, ["--db", str(db), "stats"])
    assert table.exit_code == 0 and "acceptance" in table.output and "offline" in table.output
    later = CliRunner().invoke(cli, ["--db", str(db), "stats", "--since", "2999-01-01"])
    assert later.exit_code == 0 and "No decisions on drafts" in later.output


async def test_an_undone_accept_stops_counting(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    app, _ = build_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = next(
            message_id
            for message_id in app.inbox.rows_by_id
            if app.store.verdict(message_id).action is not Action.NO_REPLY
        )
        app.inbox.move_cursor(row=app.inbox.get_row_index(target))
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert len(app.store.draft_outcomes()) == 1
        await pilot.press("u")
        await settle(pilot)
        assert app.store.draft_outcomes() == []
    app.store.close()


def test_stats_without_a_state_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "stats"])
    assert result.exit_code == 2
    assert "No state database" in result.output
