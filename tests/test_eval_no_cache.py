"""`eval --no-cache` asks the LLM again (through the real client, against the fake server)
where a plain rerun is answered from the state database's response cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.testing.fake_llm_server import FakeLLMServer

DATA = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"


def run_eval(*extra: str):
    args = ["eval", "--dataset", str(DATA), "--backend", "openai", "--no-baseline", "--no-drafts"]
    return CliRunner().invoke(cli, [*args, *extra])


def test_no_cache_sends_every_request_again(
    fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    first = run_eval()
    assert first.exit_code == 0, first.output
    sent = len(fake_llm.chat_requests())
    assert sent > 0

    cached = run_eval()
    assert cached.exit_code == 0, cached.output
    assert len(fake_llm.chat_requests()) == sent  # every answer came from the cache

    fresh = run_eval("--no-cache")
    assert fresh.exit_code == 0, fresh.output
    assert len(fake_llm.chat_requests()) == 2 * sent


def test_no_cache_is_offered_by_eval_help() -> None:
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code == 0 and "--no-cache" in result.output
