"""Fixtures for tests that talk to an LLM: a real fake server on 127.0.0.1.

Registered in conftest.py (`pytest_plugins = ["llm_fixtures"]`; tests/ is on sys.path because
it is a rootdir-style test folder without __init__.py), so any test can ask for `fake_llm`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reply_assistant.testing.fake_llm_server import FakeLLMServer


@pytest.fixture
def fake_llm() -> Iterator[FakeLLMServer]:
    """A started FakeLLMServer with default models and answers; change its switches freely."""
    with FakeLLMServer() as server:
        yield server
