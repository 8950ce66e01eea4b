"""Streamed drafts as records: the LLM's carry the stream's usage and cost (read from the
final usage chunk through the real openai client); a text-only stream still gets a record."""

from __future__ import annotations

import math

import pytest
from llm_fixtures import billed_as_openai

from reply_assistant.backends.llm import LLMBackend
from reply_assistant.backends.offline.backend import OfflineBackend
from reply_assistant.backends.openai_client import ChatClient
from reply_assistant.backends.pricing import cost_usd
from reply_assistant.config import Profile
from reply_assistant.engine import Assistant, incoming_from_text
from reply_assistant.models import Label, Usage, VerdictOutput
from reply_assistant.prompts import PromptSet
from reply_assistant.testing.fake_llm_server import FakeLLMServer

PROFILE = Profile(name="Jordan Pike", signature="Jordan")
SPAM = VerdictOutput(label=Label.SPAM, confidence=0.9, reason="Pitch.", action="decline")
DECLINE = "Hi Sam,\n\nThanks for thinking of me, but I'm not interested."


def llm_assistant(server: FakeLLMServer, model: str = "gpt-4.1-mini") -> Assistant:
    # Priced as OpenAI's API would be: the costs are part of what these tests check.
    client = billed_as_openai(ChatClient(model=model, base_url=server.base_url, api_key="test-key"))
    prompts = PromptSet.from_versions({"classify": "v1", "draft": "v1"})
    return Assistant(LLMBackend(client, prompts, PROFILE))


async def test_a_streamed_llm_draft_records_tokens_and_cost(fake_llm: FakeLLMServer):
    assistant = llm_assistant(fake_llm)
    chunks: list[str] = []
    draft = await assistant.stream_redraft(
        incoming_from_text("A webinar offer", "Sam Rivera"), SPAM, chunks.append, "de"
    )
    await assistant.aclose()
    assert len(chunks) > 1 and draft.text == "".join(chunks) == DECLINE
    assert draft.language == "de"  # what the caller asked to record
    usage = draft.provenance.usage
    [request] = fake_llm.chat_requests()
    prompt_chars = sum(len(message["content"]) for message in request.body["messages"])
    assert usage.prompt_tokens == math.ceil(prompt_chars / 4)
    assert usage.completion_tokens == math.ceil(len(DECLINE) / 4)
    assert draft.provenance.cost_usd == pytest.approx(cost_usd("gpt-4.1-mini", usage))
    assert draft.provenance.cost_usd > 0
    assert draft.provenance.prompt_version == "draft@v1 (streamed)"
    assert (draft.provenance.backend, draft.provenance.model) == ("openai", "gpt-4.1-mini")
    assert draft.provenance.latency_ms > 0 and not draft.provenance.cached


async def test_an_unpriced_model_streams_tokens_without_a_cost(fake_llm: FakeLLMServer):
    assistant = llm_assistant(fake_llm, model="fake-model")
    draft = await assistant.stream_redraft(incoming_from_text("A webinar offer"), SPAM, print)
    await assistant.aclose()
    assert draft.provenance.usage.total_tokens > 0 and draft.provenance.cost_usd is None


async def test_a_text_only_stream_gets_the_backends_provenance():
    backend = OfflineBackend(PROFILE)
    chunks: list[str] = []
    draft = await Assistant(backend).stream_redraft(
        incoming_from_text("Book a demo today, special offer", "Sam Rivera"), SPAM, chunks.append
    )
    assert draft.text == "".join(chunks).strip() and draft.text
    assert draft.provenance.backend == "offline"
    assert draft.provenance.prompt_version == backend.prompt_version
    assert draft.provenance.usage == Usage()
    assert draft.provenance.cost_usd == 0  # local: free, not of unknown price


async def test_a_stream_the_server_cuts_short_is_asked_for_again_whole(fake_llm: FakeLLMServer):
    fake_llm.script(["truncated"])  # the stream ends without its finish_reason
    assistant = llm_assistant(fake_llm)
    draft = await assistant.stream_redraft(
        incoming_from_text("A webinar offer", "Sam Rivera"), SPAM, lambda _chunk: None
    )
    await assistant.aclose()
    first, second = (request.body for request in fake_llm.chat_requests())
    assert first.get("stream") and not second.get("stream")
    assert draft.text and draft.provenance.prompt_version == "draft@v1"
