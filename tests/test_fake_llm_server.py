"""The fake OpenAI-compatible server, exercised through the real openai client and raw HTTP."""

from __future__ import annotations

import asyncio
import json
import math
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import AsyncIterator

import openai
import pytest
from openai.lib._parsing._completions import type_to_response_format_param

from reply_assistant.models import DraftOutput, Label, VerdictOutput
from reply_assistant.testing.fake_llm_server import FakeLLMServer

MODEL = "fake-model"


@pytest.fixture
async def sdk(fake_llm: FakeLLMServer) -> AsyncIterator[openai.AsyncOpenAI]:
    client = openai.AsyncOpenAI(
        base_url=fake_llm.base_url, api_key="sk-test", max_retries=0, timeout=5
    )
    yield client
    await client.close()


def user(text: str, system: str = "You sort a LinkedIn inbox.") -> list[dict[str, str]]:
    return [{"role": "system", "content": system}, {"role": "user", "content": text}]


def post(url: str, body: dict, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


async def test_models_are_listed(fake_llm, sdk):
    page = await sdk.models.list()
    assert [model.id for model in page.data] == fake_llm.models


@pytest.mark.parametrize(
    ("text", "label", "action"),
    [
        ("Book a demo of our platform, special offer this week", Label.SPAM, "decline"),
        ("Hi %FIRSTNAME%, guaranteed returns with crypto", Label.SPAM, "decline"),
        ("Congrats on the new role! Coffee next week?", Label.RELATIONSHIP, "reply"),
        ("Quick question about your team", Label.UNCLEAR, "ask"),
    ],
)
async def test_verdict_answers_follow_the_schema_and_keywords(sdk, text, label, action):
    completion = await sdk.chat.completions.create(
        model=MODEL,
        messages=user(text),
        response_format=type_to_response_format_param(VerdictOutput),
    )
    verdict = VerdictOutput.model_validate_json(completion.choices[0].message.content)
    assert (verdict.label, verdict.action.value, verdict.confidence) == (label, action, 0.8)


async def test_draft_schema_json_object_and_plain_text(sdk):
    draft = await sdk.chat.completions.create(
        model=MODEL,
        messages=user("Thank you for the intro!"),
        response_format=type_to_response_format_param(DraftOutput),
    )
    parsed = DraftOutput.model_validate_json(draft.choices[0].message.content)
    assert parsed.language == "en" and "Thank you" in parsed.text

    # json_object carries the schema in the system prompt, as the client's fallback does.
    schema_prompt = f"Answer as JSON: {json.dumps(VerdictOutput.model_json_schema())}"
    verdict = await sdk.chat.completions.create(
        model=MODEL,
        messages=user("free webinar", system=schema_prompt),
        response_format={"type": "json_object"},
    )
    assert VerdictOutput.model_validate_json(verdict.choices[0].message.content).label == "spam"

    plain = await sdk.chat.completions.create(model=MODEL, messages=user("congrats!"))
    content = plain.choices[0].message.content
    assert not content.startswith("{") and "great to hear" in content


async def test_usage_estimates_tokens_and_caches_a_repeated_system_prompt(sdk):
    messages = user("Thanks for the coffee yesterday")
    first = await sdk.chat.completions.create(model=MODEL, messages=messages)
    prompt_chars = sum(len(m["content"]) for m in messages)
    assert first.usage.prompt_tokens == math.ceil(prompt_chars / 4)
    assert first.usage.completion_tokens == math.ceil(len(first.choices[0].message.content) / 4)
    assert first.usage.prompt_tokens_details.cached_tokens == 0
    second = await sdk.chat.completions.create(model=MODEL, messages=messages)
    assert second.usage.prompt_tokens_details.cached_tokens == len(messages[0]["content"]) // 4


async def test_stream_is_parsed_by_the_sdk_with_a_final_usage_chunk(fake_llm, sdk):
    stream = await sdk.chat.completions.create(
        model=MODEL,
        messages=user("Great to meet you at the conference"),
        stream=True,
        stream_options={"include_usage": True},
    )
    pieces, finish_reasons, usage = [], [], None
    async for chunk in stream:
        for choice in chunk.choices:
            pieces.append(choice.delta.content or "")
            finish_reasons.append(choice.finish_reason)
        usage = chunk.usage or usage
    assert "".join(pieces) == "Thank you, great to hear from you! Let's catch up soon."
    assert len([p for p in pieces if p]) > 3  # really chunked
    assert finish_reasons[-1] == "stop"
    assert usage is not None and usage.completion_tokens > 0


async def test_truncated_stream_ends_without_finish_reason(fake_llm, sdk):
    fake_llm.script(["truncated"])
    stream = await sdk.chat.completions.create(model=MODEL, messages=user("congrats"), stream=True)
    chunks = [chunk async for chunk in stream]
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert text and len(text) < len("Thank you, great to hear from you! Let's catch up soon.")
    assert all(c.choices[0].finish_reason is None for c in chunks)


async def test_unknown_model_is_a_404_in_openai_shape(fake_llm, sdk):
    with pytest.raises(openai.NotFoundError) as caught:
        await sdk.chat.completions.create(model="gpt-nope", messages=user("hi"))
    assert caught.value.code == "model_not_found"
    assert caught.value.type == "invalid_request_error"
    assert "gpt-nope" in caught.value.message


async def test_wrong_key_is_a_401_and_the_key_is_never_logged():
    with FakeLLMServer(require_key="sk-right") as server:
        wrong = openai.AsyncOpenAI(base_url=server.base_url, api_key="sk-wrong", max_retries=0)
        right = openai.AsyncOpenAI(base_url=server.base_url, api_key="sk-right", max_retries=0)
        with pytest.raises(openai.AuthenticationError):
            await wrong.models.list()
        assert (await right.models.list()).data
        await wrong.close()
        await right.close()
        logged = json.dumps([request.headers for request in server.requests])
    assert "sk-wrong" not in logged and "sk-right" not in logged
    assert logged.count("<redacted>") == 2


def test_scripted_status_faults_in_order(fake_llm):
    fake_llm.script(["429:retry-after=2", "503", "ok"])
    url = f"{fake_llm.base_url}/chat/completions"
    body = {"model": MODEL, "messages": user("hi")}
    status, headers, payload = post(url, body)
    assert status == 429 and headers["Retry-After"] == "2"
    assert json.loads(payload)["error"]["code"] == "rate_limit_exceeded"
    assert post(url, body)[0] == 503
    assert post(url, body)[0] == 200
    assert fake_llm.request_count == 3 and fake_llm.pending_faults == []


def test_body_faults(fake_llm):
    url = f"{fake_llm.base_url}/chat/completions"
    schema_format = type_to_response_format_param(VerdictOutput)
    fake_llm.script(["malformed", "empty_choices", "invalid", "truncated", "no_response_format"])
    status, _, payload = post(url, {"model": MODEL, "messages": user("hi")})
    assert status == 200
    with pytest.raises(ValueError):
        json.loads(payload)
    assert json.loads(post(url, {"model": MODEL, "messages": user("hi")})[2])["choices"] == []
    invalid = json.loads(
        post(url, {"model": MODEL, "messages": user("hi"), "response_format": schema_format})[2]
    )
    with pytest.raises(ValueError):
        VerdictOutput.model_validate_json(invalid["choices"][0]["message"]["content"])
    cut = json.loads(
        post(url, {"model": MODEL, "messages": user("hi"), "response_format": schema_format})[2]
    )["choices"][0]
    assert cut["finish_reason"] == "length"
    with pytest.raises(ValueError):
        json.loads(cut["message"]["content"])
    status, _, payload = post(
        url, {"model": MODEL, "messages": user("hi"), "response_format": schema_format}
    )
    assert status == 400 and json.loads(payload)["error"]["param"] == "response_format"


def test_rejected_response_format_types_are_a_runtime_switch(fake_llm):
    url = f"{fake_llm.base_url}/chat/completions"
    body = {"model": MODEL, "messages": user("hi"), "response_format": {"type": "json_object"}}
    assert post(url, body)[0] == 200
    fake_llm.reject_response_format = frozenset({"json_object"})
    assert post(url, body)[0] == 400
    assert post(url, {"model": MODEL, "messages": user("hi")})[0] == 200


def test_unknown_fault_names_are_refused(fake_llm):
    with pytest.raises(ValueError, match="unknown fault"):
        fake_llm.script(["418"])


async def test_serves_many_requests_at_once(fake_llm, sdk):
    fake_llm.latency = 1.0  # long enough that all 32 are in flight together
    await asyncio.gather(
        *(sdk.chat.completions.create(model=MODEL, messages=user("hi")) for _ in range(32))
    )
    assert fake_llm.peak_in_flight == 32


async def test_max_concurrency_makes_extra_requests_wait(sdk, fake_llm):
    fake_llm.latency, fake_llm.max_concurrency = 0.2, 2
    await asyncio.gather(
        *(sdk.chat.completions.create(model=MODEL, messages=user("hi")) for _ in range(6))
    )
    assert fake_llm.peak_in_flight == 2
    assert len(fake_llm.chat_requests()) == 6


async def test_held_answers_stay_in_flight_until_released(sdk, fake_llm):
    fake_llm.hold_answers()
    call = asyncio.ensure_future(sdk.chat.completions.create(model=MODEL, messages=user("hi")))
    await fake_llm.until_answering()
    await asyncio.sleep(0.3)
    assert not call.done() and fake_llm.in_flight == 1
    fake_llm.release_answers()
    assert (await call).choices[0].message.content


async def test_waiting_for_a_request_that_never_comes_times_out(fake_llm):
    with pytest.raises(TimeoutError, match="no request reached"):
        await fake_llm.until_answering(timeout=0.1)


def test_a_hang_ends_when_the_server_stops():
    server = FakeLLMServer(faults=["hang"]).start()
    url = f"{server.base_url}/chat/completions"
    outcome: list[object] = []

    def call() -> None:
        try:
            outcome.append(post(url, {"model": MODEL, "messages": user("hi")}))
        except Exception as exc:  # the connection is closed without an answer
            outcome.append(exc)

    caller = threading.Thread(target=call)
    caller.start()
    while server.in_flight == 0:
        threading.Event().wait(0.01)
    server.stop()
    caller.join(timeout=5)
    assert not caller.is_alive()
    assert isinstance(outcome[0], Exception)


def test_runs_standalone():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "reply_assistant.testing.fake_llm_server", "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        banner = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/v1" in banner
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=5) as reply:
            assert json.load(reply)["data"][0]["id"] == MODEL
    finally:
        process.terminate()
        process.wait(timeout=5)


async def test_stream_delay_lets_text_arrive_while_the_stream_is_open(fake_llm, sdk):
    fake_llm.stream_delay_s = 0.05
    stream = await sdk.chat.completions.create(
        model=MODEL, messages=user("Great to meet you"), stream=True
    )
    pieces: list[str] = []
    open_while_reading: list[bool] = []
    async for chunk in stream:
        for choice in chunk.choices:
            if choice.delta.content:
                pieces.append(choice.delta.content)
                open_while_reading.append(fake_llm.in_flight == 1)
    assert "".join(pieces) == "Thank you, great to hear from you! Let's catch up soon."
    assert open_while_reading[0]  # the first word came while the server was still sending


async def test_stream_options_can_be_rejected_like_older_servers(fake_llm, sdk):
    fake_llm.reject_stream_options = True
    with pytest.raises(openai.BadRequestError) as caught:
        await sdk.chat.completions.create(
            model=MODEL,
            messages=user("hi"),
            stream=True,
            stream_options={"include_usage": True},
        )
    assert caught.value.param == "stream_options"
    stream = await sdk.chat.completions.create(model=MODEL, messages=user("hi"), stream=True)
    assert [chunk async for chunk in stream]
