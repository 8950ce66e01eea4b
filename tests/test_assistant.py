"""Assistant: classify then draft, backend failures returned as errors, never raised."""

from __future__ import annotations

import pytest

from reply_assistant.backends.base import BackendError
from reply_assistant.backends.llm import LLMBackend
from reply_assistant.backends.openai_client import ChatClient
from reply_assistant.config import Profile
from reply_assistant.engine import Assistant, incoming_from_text
from reply_assistant.models import Action, Label, ThreadTurn, VerdictOutput
from reply_assistant.prompts import PromptSet
from reply_assistant.testing.fake_llm_server import FakeLLMServer


def _assistant(server: FakeLLMServer, api_key: str = "right-key") -> Assistant:
    client = ChatClient(
        model="gpt-4.1-mini",
        base_url=server.base_url,
        api_key=api_key,
        max_attempts=2,
        backoff_s=0.0,
    )
    prompts = PromptSet.from_versions({"classify": "v1", "draft": "v1"})
    return Assistant(LLMBackend(client, prompts, Profile(name="Jordan Pike")))


async def test_assess_classifies_then_drafts(fake_llm: FakeLLMServer):
    assistant = _assistant(fake_llm)
    assessment = await assistant.assess(incoming_from_text("Congrats on the launch!", "Sam"))
    assert assessment.ok and assessment.error == ""
    assert assessment.verdict.label is Label.RELATIONSHIP
    assert assessment.draft.text.startswith("Hi Sam,\n\nThank you")
    assert assessment.draft.provenance.prompt_version == "draft@v1"
    assert len(fake_llm.chat_requests()) == 2
    await assistant.aclose()


async def test_assess_without_draft_makes_one_call(fake_llm: FakeLLMServer):
    assessment = await _assistant(fake_llm).assess(
        incoming_from_text("Hello there"), with_draft=False
    )
    assert assessment.verdict.label is Label.UNCLEAR and assessment.draft is None
    assert len(fake_llm.chat_requests()) == 1


async def test_assess_returns_an_error_instead_of_raising_on_401():
    with FakeLLMServer(require_key="right-key") as server:
        assessment = await _assistant(server, api_key="wrong-key").assess(
            incoming_from_text("Book a demo")
        )
    assert not assessment.ok
    assert assessment.verdict is None and assessment.draft is None
    assert "API key was rejected" in assessment.error
    assert "wrong-key" not in assessment.error


async def test_draft_failure_keeps_the_verdict(fake_llm: FakeLLMServer):
    # The draft call meets a server error on both of its attempts.
    fake_llm.script(["ok", "500", "500"])
    assessment = await _assistant(fake_llm).assess(incoming_from_text("A crypto offer"))
    assert assessment.verdict is not None and assessment.verdict.label is Label.SPAM
    assert assessment.draft is None
    assert assessment.error.startswith("draft failed:")


async def test_a_draft_that_never_parses_gives_way_to_the_offline_draft(
    fake_llm: FakeLLMServer,
):
    # The draft call gets invalid JSON twice (the reply and its repair): invalid_output.
    fake_llm.script(["ok", "invalid", "invalid"])
    assessment = await _assistant(fake_llm).assess(incoming_from_text("A crypto offer"))
    assert assessment.ok and assessment.verdict.label is Label.SPAM
    assert assessment.draft.provenance.backend == "offline"
    assert "not interested" in assessment.draft.text


async def test_redraft_and_stream_redraft(fake_llm: FakeLLMServer):
    assistant = _assistant(fake_llm)
    item = incoming_from_text("Quick question")
    verdict = (await assistant.assess(item, with_draft=False)).verdict
    relabelled = verdict.model_copy(update={"label": Label.SPAM, "action": Action.DECLINE})
    draft = await assistant.redraft(item, relabelled)
    assert draft.text
    chunks: list[str] = []
    streamed = await assistant.stream_redraft(item, verdict, chunks.append, "en")
    assert streamed.text == "".join(chunks) == "Thanks for reaching out. What did you have in mind?"
    assert len(chunks) > 1 and streamed.provenance.usage.completion_tokens > 0


async def test_stream_redraft_raises_backend_errors():
    verdict = VerdictOutput(label="unclear", confidence=0.5, reason="Vague.", action="ask")
    with FakeLLMServer(require_key="right-key") as server:
        assistant = _assistant(server, api_key="wrong-key")
        with pytest.raises(BackendError) as info:
            await assistant.stream_redraft(incoming_from_text("Quick question"), verdict, print)
    assert info.value.kind == "auth"


def test_incoming_from_text_finds_placeholders_and_first_name():
    thread = (ThreadTurn("Sam Rivera", "earlier", False),)
    item = incoming_from_text("Hi %FIRSTNAME%, quick demo?", "Sam Rivera", thread)
    assert "%FIRSTNAME%" in item.sender.placeholders
    assert item.first_name == "Sam" and item.thread == thread
    assert incoming_from_text("Plain text").sender.placeholders == ()


async def test_assess_many_keeps_input_order_with_an_llm(fake_llm: FakeLLMServer):
    texts = ["A webinar offer", "Congrats on the launch!", "Hello there"]
    results = await _assistant(fake_llm).assess_many([incoming_from_text(t) for t in texts])
    assert [r.verdict.label for r in results] == [Label.SPAM, Label.RELATIONSHIP, Label.UNCLEAR]
    assert all(r.draft is not None and r.ok for r in results)


async def test_assess_many_classifies_in_bulk_offline():
    from reply_assistant.backends.offline.backend import OfflineBackend

    assistant = Assistant(OfflineBackend(Profile(name="Jordan Pike")))
    items = [incoming_from_text(t, "Sam Rivera") for t in ("Hi %FIRSTNAME%, demo?", "Hi")]
    bulk = await assistant.assess_many(items)
    one_by_one = [await assistant.assess(item) for item in items]
    assert [r.verdict.label for r in bulk] == [r.verdict.label for r in one_by_one]
    assert all(r.draft is not None and r.draft.text for r in bulk)
    assert [r.verdict.label for r in await assistant.assess_many(items, with_draft=False)] == [
        r.verdict.label for r in bulk
    ]
