"""Inbox rows whose sender or preview is not one terminal cell per character: CJK (two
cells each), emoji joined by zero-width joiners (two cells for the sequence), combining
marks (none). Each row must still be two lines: sender and date, preview and label."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from rich.cells import cell_len
from snapshot_apps.build import build_app, settle
from snapshot_apps.seed import NOW, OWNER, seed_store

from reply_assistant.models import Message, Participant
from reply_assistant.tui.inbox.rows import InboxRow, row_text

# (sender, preview), as a QA tester typed them
WIDE = (
    ("山田 太郎", "来週の東京での会議について、少しご相談したいことがあります。"),
    ("👩‍👩‍👧‍ Family 🇯🇵 Emoji Person 🚀🔥", "👩‍👩‍👧 Hello from all of us 🚀🔥 see you soon"),
    ("Zalgo Z̷̢̛a̶l̵g̴o̸", "Z̷̢̛a̶l̵g̴o̸ says hi, would you have a minute next week?"),
)
SCRIPTS = ("cjk", "emoji-zwj", "combining")


@pytest.mark.parametrize("width", [24, 33, 47, 60])
@pytest.mark.parametrize(("sender", "preview"), WIDE, ids=SCRIPTS)
def test_a_row_is_two_lines_exactly_as_wide_as_the_column(
    sender: str, preview: str, width: int
) -> None:
    row = InboxRow(
        message_id="m",
        conversation_id="c",
        sender=sender,
        preview=preview,
        sent_at=NOW - timedelta(days=2),
        label="relationship",
        confidence=0.97,
        status="open",
    )
    first, second = row_text(row, width, NOW).split("\n")
    assert (first.cell_len, second.cell_len) == (width, width)
    assert first.plain.endswith(" 2d")
    assert second.plain.endswith("relationship  97%")


def _from(name: str, text: str, hours_ago: float) -> Message:
    sender = Participant(name, f"https://www.linkedin.com/in/wide-{hours_ago:g}")
    return Message(
        conversation_id=f"2-wide-{hours_ago:g}",
        sender=sender,
        recipients=(OWNER,),
        sent_at=NOW - timedelta(hours=hours_ago),
        content_raw=text,
        text=text,
    )


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (60, 20)])
async def test_wide_senders_keep_date_preview_and_label_in_their_rows(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    db = tmp_path / "state.db"
    seed_store(db, [_from(name, text, 30 + hours) for hours, (name, text) in enumerate(WIDE)])
    app, _ = build_app(db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.inbox
        assert table.row_count == len(WIDE)
        lines = [table.render_line(y).text for y in range(2 * table.row_count)]
        for index, (name, _) in enumerate(WIDE):
            first, second = lines[2 * index : 2 * index + 2]
            assert first.strip().endswith(" 1d"), first  # the date stays on the sender's line
            assert first.strip().startswith(name.split()[0]), first
            assert second.rstrip().endswith("%"), second  # the label and confidence follow
            assert cell_len(first) == cell_len(second) == table.size.width, (first, second)
    app.store.close()
