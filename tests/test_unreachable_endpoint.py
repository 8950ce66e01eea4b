"""An LLM endpoint that cannot be reached costs one attempt and a quick retry, not a retry
storm, and says so in one line naming the endpoint and what to check."""

from __future__ import annotations

import socket

import pytest
from batch_exports import mixed_texts, read_csv, write_export
from click.testing import CliRunner
from langchain_core.messages import HumanMessage

from reply_assistant.backends.base import BackendError
from reply_assistant.backends.openai_client import ChatClient
from reply_assistant.cli import cli
from reply_assistant.models import VerdictOutput
from reply_assistant.testing.fake_llm_server import FakeLLMServer


def closed_port() -> int:
    """A loopback port nothing listens on (the OS picked it free, then it was released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_classify_against_a_closed_port_is_one_line_after_two_attempts(monkeypatch, tmp_path):
    base_url = f"http://127.0.0.1:{closed_port()}/v1"
    monkeypatch.setenv("OPENAI_BASE_URL", base_url)
    # The default budget is 5 attempts: a refused local connection must not spend it.
    args = ["--db", str(tmp_path / "state.db"), "classify", "Hi, want a quick demo call?"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: classify failed: nothing is listening at {base_url}")
    assert "is the server running" in line and "reply-assistant doctor" in line
    assert line.endswith("gave up after 2 attempts")


async def test_a_base_url_where_no_api_answers_fails_at_once(fake_llm: FakeLLMServer):
    base_url = f"{fake_llm.base_url}/nothing-here"
    client = ChatClient(model="fake-model", base_url=base_url, max_attempts=5)
    with pytest.raises(BackendError) as caught:
        await client.complete([HumanMessage("Hi, want a demo?")], VerdictOutput)
    await client.aclose()
    assert caught.value.kind == "not_found" and caught.value.attempts == 1
    assert (
        str(caught.value)
        == f"no OpenAI-compatible API answers at {base_url} (404); check the base URL"
    )


def test_a_batch_under_a_fault_load_paced_by_retry_after_loses_nothing(
    fake_llm: FakeLLMServer, monkeypatch, tmp_path
):
    # 40% of requests answered 429, 500 or 503 (with Retry-After, in milliseconds here to
    # keep the test quick), as a chaos proxy for OpenAI clients does.
    faults = ["429:retry-after-ms=5", "ok", "503:retry-after-ms=5", "ok", "ok"]
    faults += ["500:retry-after-ms=5", "ok", "ok", "503:retry-after-ms=5", "ok"]
    fake_llm.script(faults * 4)
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    export = write_export(tmp_path / "export", mixed_texts(12))
    out = tmp_path / "out.csv"
    args = ["--db", str(tmp_path / "state.db"), "batch", str(export), "-o", str(out)]
    result = CliRunner().invoke(cli, [*args, "--concurrency", "8"])
    assert result.exit_code == 0, result.output
    rows = read_csv(out)
    assert len(rows) == 12 and all(row["label"] and row["draft"] for row in rows)
    assert not fake_llm.pending_faults  # every fault was met, and outlasted
