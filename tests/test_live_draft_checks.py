"""Every LLM draft is checked: a failing one is asked for once more, naming the failure,
and one that fails again keeps its failures in the provenance (shown beside it)."""

from __future__ import annotations

import json

from test_llm_backend import PROFILE, _backend, _bodies, _item

from reply_assistant.models import VerdictOutput
from reply_assistant.testing.fake_llm_server import FakeLLMServer

REPLY = VerdictOutput(label="relationship", confidence=0.9, reason="r", action="reply")


def answering(*drafts: str):
    answers = iter(drafts)
    return lambda request: json.dumps({"text": next(answers), "language": "en"})


async def test_a_draft_that_passes_is_sent_once(fake_llm: FakeLLMServer):
    draft = await _backend(fake_llm).draft(_item("Great to meet you at the meetup!"), REPLY)
    assert draft.provenance.failed_checks == [] and len(fake_llm.chat_requests()) == 1


async def test_a_failing_draft_is_redrafted_once_with_the_failure_named(fake_llm: FakeLLMServer):
    fake_llm.responder = answering(
        "Hi [Name], great to see you. Let's meet tomorrow at 3pm!",
        "Hi Sam, great to see you, I'll get back to you about a time.",
    )
    draft = await _backend(fake_llm).draft(_item("Great to meet you at the meetup!"), REPLY)
    assert draft.text.startswith("Hi Sam, great") and draft.provenance.failed_checks == []
    redraft = _bodies(fake_llm)[1]["messages"]
    assert redraft[-2] == {
        "role": "assistant",
        "content": json.dumps(
            {"text": "Hi [Name], great to see you. Let's meet tomorrow at 3pm!", "language": "en"}
        ),
    }
    asked = redraft[-1]["content"]
    assert "greet the sender by their first name, Sam" in asked
    assert "leave no placeholders" in asked and "agree to no meeting" in asked
    assert draft.provenance.usage.total_tokens > 0 and len(fake_llm.chat_requests()) == 2


async def test_a_draft_that_fails_twice_is_marked(fake_llm: FakeLLMServer):
    assert PROFILE.sign_off == "Jordan"
    signed = "Hi Sam,\nlovely to hear from you.\nAlex"  # someone else's name
    fake_llm.responder = answering(signed, signed)
    draft = await _backend(fake_llm).draft(_item("Great to meet you at the meetup!"), REPLY)
    assert draft.text == signed and draft.provenance.failed_checks == ["sign_off_ok"]
    assert len(fake_llm.chat_requests()) == 2


async def test_a_promise_to_answer_an_unasked_question_is_redrafted(fake_llm: FakeLLMServer):
    fake_llm.responder = answering(
        "Hi Sam,\n\nLet me look into your question and come back to you.\n\nJordan",
        "Hi Sam,\n\nLovely to meet you at the meetup too.\n\nJordan",
    )
    draft = await _backend(fake_llm).draft(_item("Great to meet you at the meetup!"), REPLY)
    assert "meetup too" in draft.text and draft.provenance.failed_checks == []
    asked = _bodies(fake_llm)[1]["messages"][-1]["content"]
    assert "do not promise to look into a question" in asked
