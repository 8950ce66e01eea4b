"""`reply-assistant doctor` against the fake server: each failure names what to change."""

from __future__ import annotations

import socket
from pathlib import Path

from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.testing.fake_llm_server import FakeLLMServer, Reply, json_reply


def doctor(tmp_path: Path, monkeypatch, base_url: str, *extra: str):
    monkeypatch.setenv("OPENAI_BASE_URL", base_url)
    monkeypatch.setenv("REPLY_ASSISTANT_MODEL", "fake-model")
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "state.db"), "doctor", *extra])


def test_a_working_endpoint_is_usable_and_names_its_mode(tmp_path, monkeypatch, fake_llm):
    fake_llm.reject_response_format = frozenset({"json_schema"})
    fake_llm.format_rejection_status = 500
    result = doctor(tmp_path, monkeypatch, fake_llm.base_url)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "models             ok    fake-model is listed" in lines
    assert "structured output  ok    json_object+schema" in lines
    assert any(line.startswith("classification     ok    spam in ") for line in lines)
    assert any(line.startswith("streaming          ok") for line in lines)
    assert lines[-1] == "The LLM path is usable."


def test_the_mode_found_is_remembered_for_the_next_run(tmp_path, monkeypatch, fake_llm):
    fake_llm.reject_response_format = frozenset({"json_schema", "json_object"})
    doctor(tmp_path, monkeypatch, fake_llm.base_url)
    before = len(fake_llm.chat_requests())
    result = doctor(tmp_path, monkeypatch, fake_llm.base_url)
    assert "structured output  ok    prompt" in result.output.splitlines()
    assert len(fake_llm.chat_requests()) - before == 2  # one classification, one stream


def test_a_closed_port_is_unreachable_with_the_fix(tmp_path, monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = doctor(tmp_path, monkeypatch, f"http://127.0.0.1:{port}/v1")
    assert result.exit_code == 1
    assert f"reachable          FAIL  no answer from http://127.0.0.1:{port}/v1" in result.output
    assert "fix                start the server or correct OPENAI_BASE_URL" in result.output


def test_an_unreachable_endpoint_from_the_config_file_is_named_there(tmp_path, monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tmp_path / "config.toml"
    config.write_text(f'base_url = "http://127.0.0.1:{port}/v1"\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--config", str(config), "--db", str(tmp_path / "state.db"), "doctor"]
    )
    assert result.exit_code == 1
    assert f"start the server or correct base_url in {config} (http://127.0.0.1:{port}" in (
        result.output
    )
    assert "OPENAI_BASE_URL" not in result.output


def test_a_model_the_server_does_not_serve(tmp_path, monkeypatch, fake_llm):
    result = doctor(tmp_path, monkeypatch, fake_llm.base_url, "--model", "gpt-nope")
    assert result.exit_code == 1
    assert "models             FAIL  gpt-nope not among: fake-model" in result.output
    assert "--model NAME or REPLY_ASSISTANT_MODEL" in result.output


def test_a_rejected_key(tmp_path, monkeypatch):
    with FakeLLMServer(require_key="right") as server:
        monkeypatch.setenv("OPENAI_API_KEY", "wrong")
        result = doctor(tmp_path, monkeypatch, server.base_url)
    assert result.exit_code == 1 and "auth               FAIL  rejected (401)" in result.output


def test_no_llm_configured(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "state.db"), "doctor"])
    assert result.exit_code == 1 and "set OPENAI_BASE_URL" in result.output


def _web_page(_server, _body) -> Reply:
    return Reply(body=b"<html><body>Welcome to nginx!</body></html>", content_type="text/html")


def test_a_web_page_where_the_api_should_be_is_one_line_not_a_traceback(
    tmp_path, monkeypatch, fake_llm
):
    fake_llm.routes[("GET", "/v1/models")] = _web_page
    result = doctor(tmp_path, monkeypatch, fake_llm.base_url)
    # An uncaught exception also exits 1 under CliRunner: only SystemExit is a clean exit.
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "models             FAIL  /models answered text/html, not an OpenAI API" in (
        result.output
    )
    assert "fix                point the base URL at the server's OpenAI-compatible API" in (
        result.output
    )
    assert "Traceback" not in result.output and not fake_llm.chat_requests()


def test_a_web_page_at_the_chat_route_alone_gets_the_base_url_fix(tmp_path, monkeypatch, fake_llm):
    fake_llm.routes[("POST", "/v1/chat/completions")] = _web_page
    result = doctor(tmp_path, monkeypatch, fake_llm.base_url)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "sent a reply that is not JSON (a web page?)" in result.output
    assert result.output.splitlines()[-1].startswith(
        "fix                point the base URL at the server's OpenAI-compatible API"
    )


def test_a_base_url_without_v1_is_told_where_most_servers_serve_the_api(
    tmp_path, monkeypatch, fake_llm
):
    root = fake_llm.base_url.removesuffix("/v1")
    result = doctor(tmp_path, monkeypatch, root)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line for line in lines if "FAIL" in line] == [
        line for line in lines if line.startswith("classification")
    ]
    assert lines[-1] == (
        f"fix                point the base URL at the server's OpenAI-compatible API "
        f"(now {root}); most servers serve it under /v1: {root}/v1"
    )


def test_a_pasted_chat_completions_url_is_told_its_base(tmp_path, monkeypatch, fake_llm):
    pasted = f"{fake_llm.base_url}/chat/completions"
    result = doctor(tmp_path, monkeypatch, pasted)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].endswith(f"; use {fake_llm.base_url}")


def test_json_without_a_model_list_is_not_a_failure(tmp_path, monkeypatch, fake_llm):
    fake_llm.routes[("GET", "/v1/models")] = lambda _server, _body: json_reply({"hello": 1})
    result = doctor(tmp_path, monkeypatch, fake_llm.base_url)
    assert "models             ?     /models answered without a model list" in result.output
    assert result.output.splitlines()[-1] == "The LLM path is usable."
