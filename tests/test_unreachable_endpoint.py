"""An LLM endpoint that cannot be reached costs one attempt and a quick retry, not a retry
storm, and says so in one line naming the endpoint and what to check."""

from __future__ import annotations

import socket

from click.testing import CliRunner

from reply_assistant.cli import cli


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
