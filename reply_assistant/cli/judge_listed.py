"""Labels for a printed inbox: what has no verdict yet is judged by the offline model.

A listing right after an import would otherwise show "—" on every row. The offline model
costs nothing and sends nothing anywhere, so `inbox` and `open --print` use it whatever
backend is configured; drafts are left to the UI and `batch`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from reply_assistant.backends import make_backend
from reply_assistant.config import OFFLINE, Settings
from reply_assistant.engine import Engine
from reply_assistant.store import ConversationSummary, Store


def judge_unjudged(
    store: Store, settings: Settings, summaries: Sequence[ConversationSummary]
) -> int:
    """Judge and save the listed conversations that have no verdict; returns how many."""
    unjudged = [summary.message_id for summary in summaries if summary.label is None]
    if not unjudged:
        return 0
    engine = Engine(store, make_backend(settings, backend=OFFLINE, embeddings=store.embeddings))
    asyncio.run(engine.run(unjudged, with_drafts=False))
    return len(unjudged)
