"""`reply-assistant classify`: offline, and against the fake server via OPENAI_BASE_URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.testing.fake_llm_server import FakeLLMServer

PITCH = "Hi %FIRSTNAME%, can I show you a 15-minute demo of our lead generation tool?"


@pytest.fixture(scope="module")
def offline_model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("offline-cache")


@pytest.fixture(autouse=True)
def share_offline_model(offline_model_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The offline model is trained once and cached in the user cache dir; sharing that dir
    # across this module's tests keeps them from retraining it per test.
    monkeypatch.setenv("XDG_CACHE_HOME", str(offline_model_cache))


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["classify", *args], input=input)


# ---------------------------------------------------------------- offline


def test_offline_text_argument_prints_verdict_and_draft():
    result = _run(PITCH, "--sender", "Dana Smith", "--backend", "offline")
    assert result.exit_code == 0, result.output
    assert "label:      spam" in result.output
    assert "by:         offline" in result.output
    assert "\ndraft (offline" in result.output


@pytest.mark.parametrize("args", [["-"], []])
def test_offline_reads_stdin(args: list[str]):
    result = _run(*args, "--backend", "offline", "--json", input=PITCH)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["verdict"]["label"] == "spam"
    assert out["verdict"]["provenance"]["backend"] == "offline"
    assert out["draft"]["text"]


def test_stdin_that_is_not_utf8_is_read_with_the_bad_bytes_replaced():
    result = CliRunner().invoke(
        cli, ["classify", "-", "--backend", "offline"], input=b"Hi\xe9 Jordan, caf\xe9?"
    )
    assert result.exit_code == 0, result.output
    assert "label:" in result.stdout
    assert "note: the message holds 2 byte(s) that are not text" in result.stderr


def test_arguments_that_are_not_utf8_are_read_with_the_bad_bytes_replaced():
    # How Python hands over argument bytes that are not UTF-8 (surrogateescape).
    result = _run("caf\udce9?", "--sender", "Jos\udce9 Ruiz", "--backend", "offline", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["draft"]["text"]
    assert "note: --sender holds 1 byte(s)" in result.stderr
    assert "note: the message holds 1 byte(s)" in result.stderr


def test_empty_message_is_a_usage_error():
    result = _run("--backend", "offline", input="   \n")
    assert result.exit_code == 2 and "empty" in result.output


def test_bad_prompt_option_is_a_usage_error():
    result = _run("hello", "--prompt", "classify")
    assert result.exit_code == 2 and "NAME=VERSION" in result.output


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("classify=v9", "unknown prompt version classify@v9; available: classify@v1"),
        ("judge=v9", "unknown prompt version judge@v9"),
        ("nope=v1", "unknown prompt 'nope'"),
    ],
)
def test_unknown_prompt_or_version_is_a_usage_error(option: str, expected: str):
    result = _run("hello", "--backend", "offline", "--prompt", option)
    assert result.exit_code == 2 and expected in result.output


def test_openai_without_key_or_endpoint_is_a_usage_error():
    result = _run("hello", "--backend", "openai")
    assert result.exit_code == 2
    assert "OPENAI_API_KEY or OPENAI_BASE_URL" in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- fake LLM server


def test_llm_via_base_url_env_prints_json(fake_llm: FakeLLMServer, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    result = _run(PITCH, "--json", "--prompt", "classify=v2")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    provenance = out["verdict"]["provenance"]
    assert (provenance["backend"], provenance["model"]) == ("openai", "gpt-4.1-mini")
    assert provenance["prompt_version"] == "classify@v2"
    assert out["verdict"]["label"] == "spam" and out["verdict"]["action"] == "decline"
    assert out["draft"]["provenance"]["prompt_version"] == "draft@v1"
    assert out["draft"]["text"] == "Thanks for thinking of me, but I'm not interested."


def test_llm_answers_are_cached_in_the_store(fake_llm: FakeLLMServer, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    first = _run("Congrats on the new role!", "--sender", "Sam")
    assert first.exit_code == 0, first.output
    assert "label:      relationship" in first.output and "cached" not in first.output
    assert len(fake_llm.chat_requests()) == 2

    second = _run("Congrats on the new role!", "--sender", "Sam")
    assert second.exit_code == 0 and "cached" in second.output
    assert len(fake_llm.chat_requests()) == 2

    _run("Congrats on the new role!", "--sender", "Sam", "--no-cache")
    assert len(fake_llm.chat_requests()) == 4


def test_llm_auth_failure_is_one_line_exit_1(monkeypatch):
    with FakeLLMServer(require_key="right-key") as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "wrong-key")
        base_url = server.base_url
        result = _run(PITCH)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: classify failed: the API key was rejected by {base_url}"
    ]
    assert "wrong-key" not in result.output


def test_first_degree_and_connected_since_reach_the_sender_facts():
    warm = "Hey! Are you coming to the reunion dinner next Friday?"
    plain = json.loads(_run(warm, "--backend", "offline", "--json").stdout)
    told = _run(warm, "--backend", "offline", "--json", "--connected-since", "2019-04")
    assert told.exit_code == 0, told.output
    connected = json.loads(told.stdout)
    assert "1st-degree" not in plain["verdict"]["signals"]
    assert "1st-degree" in connected["verdict"]["signals"]
    flag_only = json.loads(_run(warm, "--backend", "offline", "--json", "--first-degree").stdout)
    assert "1st-degree" in flag_only["verdict"]["signals"]


def test_a_bad_connected_since_date_is_a_usage_error():
    result = _run("hello", "--backend", "offline", "--connected-since", "last spring")
    assert result.exit_code == 2 and "YYYY-MM" in result.output
    assert "Traceback" not in result.output


def test_ctrl_c_while_classifying_exits_130_with_one_line(monkeypatch):
    async def interrupted(*_args, **_options):
        raise KeyboardInterrupt

    monkeypatch.setattr("reply_assistant.engine.Assistant.assess", interrupted)
    result = CliRunner().invoke(cli, ["classify", "--backend", "offline", "Want a demo?"])
    assert result.exit_code == 130, result.output
    assert result.stderr.strip() == "Interrupted: nothing was classified."
