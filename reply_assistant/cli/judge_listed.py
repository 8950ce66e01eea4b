"""Labels for a printed inbox: what has no verdict yet is judged by the offline model.

A listing right after an import would otherwise show "—" on every row. The offline model
costs nothing and sends nothing anywhere, so `inbox` and `open --print` use it whatever
backend is configured; drafts are left to the UI and `batch`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from reply_assistant.assistant import Assistant
from reply_assistant.backends import make_backend
from reply_assistant.config import Settings
from reply_assistant.store import ConversationSummary, Store


def judge_unjudged(
    store: Store, settings: Settings, summaries: Sequence[ConversationSummary]
) -> int:
    """Judge and save the listed conversations that have no verdict; returns how many."""
    unjudged = [summary.message_id for summary in summaries if summary.label is None]
    if not unjudged:
        return 0
    assistant = Assistant(make_backend(settings, backend="offline", embeddings=store.embeddings))
    assessments = asyncio.run(assistant.assess_many(store.incomings(unjudged), with_draft=False))
    store.save_assessments(
        [
            (message_id, assessment.verdict, None, assessment.error)
            for message_id, assessment in zip(unjudged, assessments, strict=True)
        ]
    )
    return len(unjudged)
