"""The status bar's session totals count what was spent, judged from each result's provenance."""

from __future__ import annotations

from reply_assistant.models import Provenance, Usage
from reply_assistant.tui.session_totals import SessionTotals


def test_free_local_results_and_cached_answers_are_not_counted_as_calls():
    totals = SessionTotals()
    totals.add(Provenance(backend="offline", model="e5", prompt_version="offline@1", cost_usd=0.0))
    spent = Usage(prompt_tokens=100, completion_tokens=20)
    totals.add(
        Provenance(
            backend="openai", model="m", prompt_version="v", usage=spent, cost_usd=0.5, cached=True
        )
    )
    assert (totals.calls, totals.describe()) == (0, "0 tokens")
    totals.add(
        Provenance(backend="openai", model="m", prompt_version="v", usage=spent, cost_usd=0.25)
    )
    totals.add(Provenance(backend="openai", model="local", prompt_version="v", usage=spent))
    assert totals.calls == 2
    assert totals.describe() == "240 tokens · $0.2500 + unknown"


def test_a_call_whose_server_reported_no_usage_is_said_not_counted_as_nothing():
    # llama.cpp's server sends no usage in a stream: the streamed draft carries zero tokens.
    totals = SessionTotals()
    spent = Usage(prompt_tokens=100, completion_tokens=20)
    totals.add(Provenance(backend="openai", model="local", prompt_version="v", usage=spent))
    totals.add(Provenance(backend="openai", model="local", prompt_version="draft@v1 (streamed)"))
    assert totals.describe() == "120 tokens + 1 call unreported · cost unknown"
