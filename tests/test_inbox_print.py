"""`inbox` and `open --print`: the Label column shows every label whole, with its confidence
and status, however wide the terminal."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from rich.console import Console

from reply_assistant.cli.inbox_cmd import print_inbox
from reply_assistant.models import Participant
from reply_assistant.store import ConversationSummary


def summary(index: int, label: str, confidence: float, status: str = "open") -> ConversationSummary:
    return ConversationSummary(
        conversation_id=f"conv-{index}",
        message_id=f"msg-{index}",
        sender=Participant("Priya Venkataraman-Okonjo", f"https://www.linkedin.com/in/p{index}"),
        preview="Jordan, you're the tiebreaker on the platform roadmap question " * 2,
        sent_at=datetime(2026, 11, 24, tzinfo=UTC),
        label=label,
        confidence=confidence,
        status=status,
        title="",
        sponsored=False,
        first_degree=True,
    )


def printed(summaries: list[ConversationSummary], width: int) -> str:
    out = io.StringIO()
    print_inbox(summaries, Console(file=out, width=width))
    lines = out.getvalue().splitlines()
    assert all(len(line) <= width for line in lines)
    return out.getvalue()


@pytest.mark.parametrize("width", [80, 120])
def test_labels_with_confidence_and_status_are_never_cut(width: int):
    summaries = [
        summary(1, "relationship", 1.0),
        summary(2, "relationship", 0.97, status="skipped"),
        summary(3, "spam", 0.5),
    ]
    table = printed(summaries, width)
    for label in ("relationship 100%", "relationship 97% (skipped)", "spam 50%"):
        assert label in table, table


def test_on_a_narrow_terminal_the_sender_gives_way_to_the_label():
    table = printed([summary(1, "relationship", 1.0)], 60)
    assert "relationship 100%" in table and "Priya Venkataraman" not in table, table
