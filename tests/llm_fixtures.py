"""Fixtures for tests that talk to an LLM: a real fake server on 127.0.0.1.

Registered in conftest.py (`pytest_plugins = ["llm_fixtures"]`; tests/ is on sys.path because
it is a rootdir-style test folder without __init__.py), so any test can ask for `fake_llm`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reply_assistant.backends.openai_client import ChatClient
from reply_assistant.testing.fake_llm_server import FakeLLMServer

OPENAI_API_URL = "https://api.openai.com/v1"


@pytest.fixture
def fake_llm() -> Iterator[FakeLLMServer]:
    """A started FakeLLMServer with default models and answers; change its switches freely."""
    with FakeLLMServer() as server:
        yield server


def billed_as_openai(client: ChatClient) -> ChatClient:
    """`client`, taking itself for OpenAI's own API, so its calls are priced at the list
    prices, while its requests still go to the fake server it was made for (its SDK client
    keeps that address)."""
    client.base_url = OPENAI_API_URL
    return client
