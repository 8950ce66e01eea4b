"""Keep the developer's own config, database and API key out of every test."""

from __future__ import annotations

from pathlib import Path

import pytest
from isolation import PERSONAL_VARIABLES, isolated_variables

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    for name, value in isolated_variables(home).items():
        monkeypatch.setenv(name, value)
    for name in PERSONAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return home


# `fake_llm` (tests/llm_fixtures.py); `real_llm`, a real server and model (real_llm_server.py).
pytest_plugins = ["llm_fixtures", "real_llm_server"]
