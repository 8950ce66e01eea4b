"""What one inbox row shows, and how it is drawn as DataTable cells."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from rich.text import Text

from reply_assistant.tui.relative_time import relative_time

# Fixed colours read well on Textual's dark and light themes alike.
BADGE_STYLES = {
    "spam": "bold #ffffff on #a33b3b",
    "relationship": "bold #ffffff on #2e7d4f",
    "unclear": "bold #1b1b1b on #d9a400",
    "pending": "#e0e0e0 on #5a5a5a",
    "working": "italic #e0e0e0 on #3a5a8a",
    "error": "bold #ffffff on #8a1c7c",
}
STATUS_MARKS = {"done": "✓", "skipped": "–", "open": " "}
SELECTED_MARK = "●"  # picked for a bulk action (space, shift+arrows)
MARK = "✓ "  # the width the status mark and its gap take
BADGE_WIDTH = 12
CONFIDENCE_WIDTH = 5  # " 100%"


@dataclass(frozen=True)
class InboxRow:
    message_id: str
    conversation_id: str
    sender: str
    preview: str
    sent_at: datetime
    label: str | None
    confidence: float | None
    status: str
    error: bool = False
    working: bool = False
    sponsored: bool = False

    @classmethod
    def from_summary(cls, summary: Any, *, error: bool = False, working: bool = False) -> InboxRow:
        return cls(
            message_id=summary.message_id,
            conversation_id=summary.conversation_id,
            sender=summary.sender.name,
            preview=summary.preview,
            sent_at=summary.sent_at,
            label=summary.label,
            confidence=summary.confidence,
            status=summary.status,
            sponsored=summary.sponsored,
            error=error,
            working=working,
        )

    def but(self, **changes: Any) -> InboxRow:
        return replace(self, **changes)

    @property
    def badge(self) -> str:
        if self.working:
            return "working"
        if self.error:
            return "error"
        return self.label or "pending"


def _line(text: str, width: int, style: str = "") -> Text:
    """`text` on one line exactly `width` terminal cells wide: cut with an ellipsis or padded
    with spaces. Cells, not characters: a CJK character takes two, an emoji sequence joined
    by zero-width joiners two, a combining mark none."""
    line = Text(" ".join(text.split()), style=style)
    line.truncate(max(width, 1), overflow="ellipsis", pad=True)
    return line


def row_text(row: InboxRow, width: int, now: datetime, *, selected: bool = False) -> Text:
    """Two lines in one cell: mark, sender and time; preview, badge and confidence. The
    sender gets the whole first line, the badge sits beside the preview."""
    when = relative_time(row.sent_at, now)
    name_width = max(width - len(MARK) - len(when) - 1, 1)
    mark = SELECTED_MARK if selected else STATUS_MARKS.get(row.status, " ")
    text = Text(mark + " ", style="bold cyan" if selected else "bold green")
    text.append_text(_line(row.sender, name_width, "bold" if row.status == "open" else "dim"))
    text.append(" ")
    text.append(when, style="dim")
    preview_width = max(width - len(MARK) - BADGE_WIDTH - CONFIDENCE_WIDTH - 1, 1)
    text.append("\n" + " " * len(MARK))
    text.append_text(_line(row.preview, preview_width, "dim"))
    text.append(" ")
    text.append(row.badge.center(BADGE_WIDTH), style=BADGE_STYLES[row.badge])
    if row.confidence is not None and not row.working:
        text.append(f"{row.confidence:.0%}".rjust(CONFIDENCE_WIDTH), style="dim")
    return text
