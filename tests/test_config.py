from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from reply_assistant.cli import cli
from reply_assistant.config import ConfigError, Settings, load_settings, parse_prompt_overrides


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


def test_a_key_file_that_is_a_directory_or_not_text_says_so(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text(f'api_key_file = "{tmp_path}"\n')
    with pytest.raises(ConfigError, match=f"^API key file {tmp_path} is a directory; set"):
        load_settings(path, env={})
    key = tmp_path / "key"
    key.write_bytes(b"\xff\xfe\x00")
    key.chmod(0o600)
    path.write_text(f'api_key_file = "{key}"\n')
    with pytest.raises(ConfigError, match=f"^API key file {key} is not text"):
        load_settings(path, env={})


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


def test_a_directory_where_the_config_file_should_be_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLY_ASSISTANT_CONFIG", str(tmp_path / "reply-assistant" / "config.toml"))
    (tmp_path / "reply-assistant" / "config.toml").mkdir(parents=True)
    result = CliRunner().invoke(cli, ["classify", "hi"])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert "config.toml cannot be read" in result.output
    assert (tmp_path / "reply-assistant" / "config.toml").is_dir()  # left as it was


def test_a_config_file_named_on_the_command_line_must_exist(tmp_path):
    missing = tmp_path / "nope.toml"
    result = CliRunner().invoke(cli, ["--config", str(missing), "config", "show"])
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output


EVERY_SETTING = """\
# Comments and the order of keys are the user's; loading never rewrites the file.
backend = "openai"
base_url = "http://127.0.0.1:11434/v1"
model = "llama3.2"
api_key_file = "~/.config/reply-assistant/key"
concurrency = 4
timeout_s = 30
max_attempts = 3
max_retry_wait_s = 2.5
redact = true
me = "https://www.linkedin.com/in/jordan-pike"
needs_reply_days = 0

[prompts]
classify = "v2"

[profile]
name = "Jordan Pike"
role = "Head of Platform at Contoso"
tone = "brief"
signature = "J."
languages = ["en", "es"]
never = ["never agree to a call on my behalf"]
"""


def test_every_documented_setting_loads_with_its_type(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text(EVERY_SETTING)
    settings = load_settings(path, env={"OPENAI_API_KEY": "k"})
    assert (settings.backend, settings.model, settings.concurrency) == ("openai", "llama3.2", 4)
    assert settings.timeout_s == 30.0 and isinstance(settings.timeout_s, float)
    assert settings.redact is True and settings.needs_reply_days == 0
    assert settings.prompts == {"classify": "v2", "draft": "v1"}
    assert settings.profile.languages == ["en", "es"] and settings.profile.sign_off == "J."
    assert path.read_text() == EVERY_SETTING


def test_the_readme_example_config_is_valid(tmp_path):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "c.toml"
    path.write_text(example)
    assert load_settings(path, env={}).profile.name == "Jordan Pike"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        # A quoted "no" is not a boolean: it used to switch redaction on.
        ('redact = "no"', 'redact should be true or false (unquoted), not "no"'),
        ('concurrency = "8"', 'concurrency should be a whole number, not "8"'),
        ("needs_reply_days = true", "needs_reply_days should be a whole number, not true"),
        ("timeout_s = 0", "timeout_s should be greater than 0, not 0"),
        ('backend = "ollama"', "backend should be 'auto', 'offline' or 'openai', not \"ollama\""),
        ('[profile]\nlanguages = "en"', 'profile.languages should be a list of strings, not "en"'),
        ("[prompts]\nclassify = 2", "prompts.classify should be a string in quotes, not 2"),
        ("[profile]\nnmae = 'x'", "unknown setting profile.nmae"),
        *(
            # Drafts fill the greeting in with str.format: these stopped every draft.
            (
                f"[profile.voice]\ngreeting = {greeting!r}",
                "profile.voice.greeting should be text with {name} as its only placeholder "
                f'(e.g. "Hey {{name}},"), not "{greeting}"',
            )
            for greeting in ("Hey {nom}", "Hey {name", "Hi {0}", "Hi {}", "Hi {name!r}", "Hi }")
        ),
        # The same check as --prompt: an LLM run used to fail only at its first call.
        (
            '[prompts]\nclassify = "v9"',
            "prompts should be prompt versions that exist (unknown prompt version classify@v9;"
            ' available: classify@v1, classify@v2, classify@v3), not {"classify": "v9", '
            '"draft": "v1"}',
        ),
        *(
            (
                f"base_url = {url!r}",
                "base_url should be an http:// or https:// URL with a host, e.g. "
                f'http://localhost:11434/v1, not "{url}"',
            )
            for url in ("not a url", "ftp://x", "http://", "localhost:11434/v1")
        ),
        (
            '[profile]\nlanguages = ["en", "klingon"]',
            'profile.languages.1 should be a language code such as "en" or "pt-BR", not "klingon"',
        ),
    ],
)
def test_a_wrong_setting_names_the_file_the_key_and_the_type(tmp_path, line, message):
    path = tmp_path / "c.toml"
    path.write_text(line + "\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    assert str(caught.value) == f"{path}: {message}."


def test_a_greeting_may_leave_out_the_name_and_write_braces_doubled(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[profile.voice]\ngreeting = "Hey {name} {{o/}}"\n[profile]\nname = "J"\n')
    assert load_settings(path, env={}).profile.voice.greeting == "Hey {name} {{o/}}"
    path.write_text('[profile.voice]\ngreeting = "Hello there,"\n')
    assert load_settings(path, env={}).profile.voice.greeting == "Hello there,"


def test_settings_built_in_code_are_validated_too():
    with pytest.raises(ValidationError):
        replace(Settings(), redact="no")


@pytest.mark.parametrize(
    ("value", "redact"), [("1", True), ("true", True), ("yes", True), ("0", False), ("no", False)]
)
def test_redact_from_the_environment(tmp_path, value, redact):
    assert (
        load_settings(tmp_path / "x.toml", env={"REPLY_ASSISTANT_REDACT": value}).redact is redact
    )


def test_a_wrong_environment_value_names_the_variable(tmp_path):
    with pytest.raises(ConfigError, match=r"^environment variable REPLY_ASSISTANT_REDACT: redact"):
        load_settings(tmp_path / "x.toml", env={"REPLY_ASSISTANT_REDACT": "maybe"})
    with pytest.raises(ConfigError, match="REPLY_ASSISTANT_BACKEND: backend should be 'auto'"):
        load_settings(tmp_path / "x.toml", env={"REPLY_ASSISTANT_BACKEND": "ollama"})


def test_a_base_url_from_the_environment_is_checked_too(tmp_path):
    expected = r"^environment variable OPENAI_BASE_URL: base_url should be an http"
    with pytest.raises(ConfigError, match=expected):
        load_settings(tmp_path / "x.toml", env={"OPENAI_BASE_URL": "ftp://x"})


def test_endpoints_and_languages_that_are_fine(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text(
        'base_url = "https://x.openai.azure.com/v1"\n[profile]\nlanguages = ["pt-BR"]\n'
    )
    settings = load_settings(path, env={"OPENAI_BASE_URL": "http://[::1]:8080/v1"})
    assert settings.base_url == "http://[::1]:8080/v1" and settings.profile.languages == ["pt-BR"]


def test_a_blank_key_is_no_key(tmp_path):
    assert load_settings(tmp_path / "x.toml", env={"OPENAI_API_KEY": "  "}).resolved_backend == (
        "offline"
    )
    key = tmp_path / "key"
    key.write_text("sk-from-file\n")
    key.chmod(0o600)
    path = tmp_path / "c.toml"
    path.write_text(f'api_key_file = "{key}"\n')
    assert load_settings(path, env={"OPENAI_API_KEY": " \t"}).api_key == "sk-from-file"


def test_model_from_either_variable_and_empty_ones_ignored(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('model = "m-file"\n')
    assert load_settings(path, env={"OPENAI_MODEL": "m-openai"}).model == "m-openai"
    both = {"REPLY_ASSISTANT_MODEL": "m-ours", "OPENAI_MODEL": "m-openai"}
    assert load_settings(path, env=both).model == "m-ours"
    assert load_settings(path, env={"REPLY_ASSISTANT_MODEL": ""}).model == "m-file"


def test_a_wrong_typed_setting_exits_2_with_one_line(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('redact = "no"\n')
    result = CliRunner().invoke(cli, ["--config", str(path), "config", "show"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f'Error: {path}: redact should be true or false (unquoted), not "no".'
    ]
