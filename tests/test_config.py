from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.config import ConfigError, load_settings, parse_prompt_overrides


def test_defaults_use_offline_backend_without_key(tmp_path):
    settings = load_settings(tmp_path / "missing.toml", env={})
    assert settings.resolved_backend == "offline"
    assert settings.describe_backend() == "offline"


def test_key_or_base_url_selects_llm(tmp_path):
    assert (
        load_settings(tmp_path / "x.toml", env={"OPENAI_API_KEY": "k"}).resolved_backend == "openai"
    )
    local = load_settings(tmp_path / "x.toml", env={"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1"})
    assert local.resolved_backend == "openai"
    assert "127.0.0.1:11434" in local.describe_backend()


def test_file_then_env_override(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text(
        'model = "m-file"\n[prompts]\nclassify = "v2"\n[profile]\nname = "Jordan Pike"\n'
    )
    settings = load_settings(path, env={"REPLY_ASSISTANT_MODEL": "m-env"})
    assert settings.model == "m-env"
    assert settings.prompts == {"classify": "v2", "draft": "v1"}
    assert settings.profile.sign_off == "Jordan"


def test_api_key_in_config_file_is_refused(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('api_key = "sk-secret"\n')
    with pytest.raises(ConfigError, match="keep secrets out"):
        load_settings(path, env={})


def test_key_file_must_be_private(tmp_path):
    key = tmp_path / "key"
    key.write_text("sk-from-file\n")
    os.chmod(key, 0o644)
    path = tmp_path / "c.toml"
    path.write_text(f'api_key_file = "{key}"\n')
    with pytest.raises(ConfigError, match="chmod 600"):
        load_settings(path, env={})
    os.chmod(key, 0o600)
    assert load_settings(path, env={}).api_key == "sk-from-file"


def test_unknown_setting_is_named(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("modle = 'typo'\n")
    with pytest.raises(ConfigError, match="modle"):
        load_settings(path, env={})


def test_prompt_overrides():
    assert parse_prompt_overrides(["classify=v2", "draft = v1"]) == {
        "classify": "v2",
        "draft": "v1",
    }
    with pytest.raises(ConfigError):
        parse_prompt_overrides(["classify"])


def test_config_show_never_prints_key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-SECRET-123")
    result = CliRunner().invoke(cli, ["config", "show"])
    assert result.exit_code == 0, result.output
    assert "SECRET" not in result.output
    data = json.loads(result.output)
    assert data["api_key_set"] is True and data["resolved_backend"] == "openai"


def test_bad_config_is_one_line_error(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("this is = = not toml")
    result = CliRunner().invoke(cli, ["--config", str(path), "config", "path"])
    assert result.exit_code == 2
    assert "not valid TOML" in result.output and "Traceback" not in result.output


def test_a_config_file_named_on_the_command_line_must_exist(tmp_path):
    missing = tmp_path / "nope.toml"
    result = CliRunner().invoke(cli, ["--config", str(missing), "config", "show"])
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output
