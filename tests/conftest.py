"""Keep the developer's own config, database and API key out of every test."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REPLY_ASSISTANT_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("REPLY_ASSISTANT_DB", str(home / "state.db"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "OPENAI_MODEL",
        "REPLY_ASSISTANT_MODEL",
        "REPLY_ASSISTANT_BACKEND",
        "REPLY_ASSISTANT_REDACT",
    ):
        monkeypatch.delenv(name, raising=False)
    return home


pytest_plugins = ["llm_fixtures"]  # the `fake_llm` fixture (tests/llm_fixtures.py)
