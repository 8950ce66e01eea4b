"""How much of a message an LLM prompt carries, and the notice a person sees when a
message was too long to send whole. Kept free of heavy imports: the batch output and the
screens use it too."""

from __future__ import annotations

import math

from reply_assistant.config import OFFLINE

CHARS_PER_TOKEN = 4  # a rough estimate that holds for English and most European text
MESSAGE_TOKEN_BUDGET = 4_000  # real LinkedIn messages are far below; this stops abuse
THREAD_TOKEN_BUDGET = 1_500  # the newest turns matter most; older ones are dropped first
TURN_TOKEN_BUDGET = 400  # so one huge earlier message cannot crowd out the rest
MESSAGE_CHAR_BUDGET = MESSAGE_TOKEN_BUDGET * CHARS_PER_TOKEN
# Backends that judge without a prompt, so nothing is trimmed: the offline model reads the
# whole message, and a person relabelling read it themselves.
WHOLE_TEXT_BACKENDS = frozenset({OFFLINE, "user"})  # "user": store.results.USER_PROVENANCE


def estimate_tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TOKEN)


def trim_text(text: str, token_budget: int) -> str:
    """Keep the head and the tail; say how much was cut from the middle."""
    budget = token_budget * CHARS_PER_TOKEN
    if len(text) <= budget:
        return text
    head = budget * 3 // 4
    tail = budget - head
    cut = len(text) - head - tail
    return f"{text[:head]}\n[... {cut:,} characters trimmed ...]\n{text[-tail:]}"


# How a trim notice starts, so a result file's notes cell can be told to hold one.
TRIM_NOTICE_START = "message trimmed for the LLM"


def trim_notice(text: str, backend: str) -> str:
    """One line for the person when the LLM behind `backend` saw only part of this
    message; empty when the whole message fits the budget or no prompt was involved."""
    cut = len(text) - MESSAGE_CHAR_BUDGET
    if cut <= 0 or backend in WHOLE_TEXT_BACKENDS:
        return ""
    return (
        f"{TRIM_NOTICE_START}: {cut:,} of {len(text):,} characters left out "
        "(the start and the end were sent)"
    )
