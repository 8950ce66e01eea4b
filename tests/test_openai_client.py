"""ChatClient against the fake server, through the real openai SDK: retries, errors,
structured-output fallbacks, repair, cache, cost, concurrency and streaming."""

from __future__ import annotations

import asyncio
import json
import math
import socket
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from langchain_core.messages import HumanMessage, SystemMessage
from llm_fixtures import OPENAI_API_URL, billed_as_openai

from reply_assistant.backends import offline
from reply_assistant.backends.base import BackendError
from reply_assistant.backends.llm import LLMBackend
from reply_assistant.backends.openai_client import ChatClient
from reply_assistant.backends.pricing import PRICES, cost_usd, price_for
from reply_assistant.config import DEFAULT_PROMPTS, Profile
from reply_assistant.models import DraftOutput, Label, Usage, VerdictOutput
from reply_assistant.prompts import PromptSet
from reply_assistant.testing.fake_llm_server import FakeLLMServer, Reply

API_KEY = "sk-test-secret-123"
MODEL = "gpt-4.1-mini"  # a priced model the fake serves
SPAM = [SystemMessage("Sort LinkedIn messages."), HumanMessage("Want a demo? Special offer!")]
DRAFT_TEXT = "Thank you, great to hear from you! Let's catch up soon."


class RecordedSleep:
    """Stands in for asyncio.sleep between attempts: records each wait, returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


class DictCache:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def put(self, key: str, value: str) -> None:
        self.values[key] = value


@pytest.fixture
def sleep() -> RecordedSleep:
    return RecordedSleep()


@pytest.fixture
async def make_client(
    fake_llm: FakeLLMServer, sleep: RecordedSleep
) -> AsyncIterator[Callable[..., ChatClient]]:
    clients: list[ChatClient] = []

    def make(**options) -> ChatClient:
        settings = {
            "model": MODEL,
            "base_url": fake_llm.base_url,
            "api_key": API_KEY,
            "timeout_s": 2,  # generous: a loaded CI machine must not turn into a retry
            "max_attempts": 4,
            "sleep": sleep,
            **options,
        }
        client = ChatClient(**settings)
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()


def chat_bodies(server: FakeLLMServer) -> list[dict]:
    return [request.body for request in server.chat_requests()]


# ---------------------------------------------------------------- success path


async def test_verdict_with_strict_schema_usage_cost_and_latency(fake_llm, make_client):
    client = billed_as_openai(make_client())
    result = await client.complete(SPAM, VerdictOutput, temperature=0.2, max_tokens=200)
    assert result.parsed.label == Label.SPAM and result.parsed.action == "decline"
    assert (result.attempts, result.cached) == (1, False)
    assert result.latency_ms > 0
    prompt_chars = sum(len(message.content) for message in SPAM)
    assert result.usage.prompt_tokens == math.ceil(prompt_chars / 4)
    assert result.usage.completion_tokens == math.ceil(len(result.raw) / 4)
    assert result.cost_usd == pytest.approx(cost_usd(MODEL, result.usage))
    assert result.cost_usd > 0

    [body] = chat_bodies(fake_llm)
    assert (body["temperature"], body["max_tokens"]) == (0.2, 200)
    response_format = body["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["strict"] is True
    schema = response_format["json_schema"]["schema"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == set(VerdictOutput.model_fields)


async def test_cached_prompt_tokens_are_read_and_priced_lower(make_client):
    client = billed_as_openai(make_client())
    first = await client.complete(SPAM, VerdictOutput, use_cache=False)
    second = await client.complete(SPAM, VerdictOutput, use_cache=False)
    assert first.usage.cached_prompt_tokens == 0
    assert second.usage.cached_prompt_tokens == len(SPAM[0].content) // 4 > 0
    assert second.cost_usd < first.cost_usd


async def test_unknown_model_has_no_cost(make_client):
    result = await billed_as_openai(make_client(model="fake-model")).complete(SPAM, VerdictOutput)
    assert result.cost_usd is None and result.usage.prompt_tokens > 0


async def test_an_openai_model_name_at_another_endpoint_has_no_cost(make_client):
    # llama.cpp or Ollama with no model named runs under the default name: not OpenAI's bill.
    client = make_client()
    assert not client.priced
    result = await client.complete(SPAM, VerdictOutput)
    assert result.cost_usd is None and result.usage.prompt_tokens > 0
    # OpenAI's own API, named or by default, is priced.
    assert ChatClient(model=MODEL, base_url=OPENAI_API_URL, api_key=API_KEY).priced
    assert ChatClient(model=MODEL, api_key=API_KEY).priced


async def test_a_call_that_fails_after_replies_came_carries_what_they_spent(fake_llm, make_client):
    fake_llm.script(["invalid", "invalid"])  # the answer and its repair never validate
    with pytest.raises(BackendError) as failed:
        await billed_as_openai(make_client()).complete(SPAM, VerdictOutput)
    assert failed.value.kind == "invalid_output"
    spent = failed.value.usage
    assert spent.prompt_tokens > 0 and spent.completion_tokens > 0
    assert failed.value.cost_usd == pytest.approx(cost_usd(MODEL, spent))
    # A failure that got no reply spent nothing.
    fake_llm.script(["500"] * 4)
    with pytest.raises(BackendError) as unanswered:
        await make_client().complete(SPAM, VerdictOutput)
    assert (unanswered.value.usage, unanswered.value.cost_usd) == (Usage(), None)


async def test_fenced_json_is_accepted(fake_llm, make_client):
    fake_llm.responder = lambda request: '```json\n{"text": "Hi!", "language": "en"}\n```'
    result = await make_client().complete(SPAM, DraftOutput)
    assert result.parsed == DraftOutput(text="Hi!", language="en")


def test_describe_names_model_and_host_but_not_the_key(fake_llm):
    client = ChatClient(model=MODEL, base_url=fake_llm.base_url, api_key=API_KEY)
    assert client.describe() == f"{MODEL} @ 127.0.0.1:{fake_llm.port}"
    assert ChatClient(model=MODEL, api_key=API_KEY).describe() == f"{MODEL} @ api.openai.com"
    with_password = ChatClient(model=MODEL, base_url="http://me:secret@llm.local:8080/v1/")
    assert with_password.base_url == "http://llm.local:8080/v1"


# ---------------------------------------------------------------- retries


async def test_429_honours_retry_after(fake_llm, make_client, sleep):
    fake_llm.script(["429:retry-after=2"])
    result = await make_client().complete(SPAM, VerdictOutput)
    assert result.attempts == 2 and len(fake_llm.chat_requests()) == 2
    assert sleep.waits == [2.0]


async def test_retry_after_as_http_date_and_capped(fake_llm, make_client, sleep):
    in_three_seconds = format_datetime(datetime.now(UTC) + timedelta(seconds=3), usegmt=True)
    fake_llm.script([f"429:retry-after={in_three_seconds}", "429:retry-after=120"])
    result = await make_client(max_retry_wait_s=5).complete(SPAM, VerdictOutput)
    assert result.attempts == 3
    assert 1.0 <= sleep.waits[0] <= 3.0
    assert sleep.waits[1] == 5.0  # 120 s asked, capped by max_retry_wait_s


async def test_429_without_retry_after_backs_off_exponentially_with_jitter(
    fake_llm, make_client, sleep
):
    fake_llm.script(["429", "429", "429"])
    result = await make_client(backoff_s=0.5).complete(SPAM, VerdictOutput)
    assert result.attempts == 4 and len(fake_llm.chat_requests()) == 4
    for attempt, wait in enumerate(sleep.waits):
        full = 0.5 * 2**attempt
        assert full / 2 <= wait <= full
    assert len(sleep.waits) == 3


async def test_rate_limit_that_never_ends_gives_up_after_max_attempts(fake_llm, make_client, sleep):
    fake_llm.script(["429"] * 5)
    with pytest.raises(BackendError) as caught:
        await make_client(max_attempts=3).complete(SPAM, VerdictOutput)
    assert caught.value.kind == "rate_limited" and caught.value.attempts == 3
    assert len(fake_llm.chat_requests()) == 3 and len(sleep.waits) == 2


async def test_failures_paced_by_retry_after_do_not_use_up_the_attempts(
    fake_llm, make_client, sleep
):
    fake_llm.script(["503:retry-after=1", "429:retry-after-ms=250", "500:retry-after=2"] * 2)
    result = await make_client(max_attempts=3).complete(SPAM, VerdictOutput)
    assert result.attempts == 7 and result.parsed.label == Label.SPAM
    assert sleep.waits == [1.0, 0.25, 2.0, 1.0, 0.25, 2.0]


async def test_paced_failures_still_end_after_a_multiple_of_max_attempts(
    fake_llm, make_client, sleep
):
    fake_llm.script(["503:retry-after=1"] * 20)
    with pytest.raises(BackendError) as caught:
        await make_client(max_attempts=3).complete(SPAM, VerdictOutput)
    assert caught.value.kind == "server" and caught.value.attempts == 9


async def test_an_exhausted_quota_is_not_retried(fake_llm, make_client, sleep):
    fake_llm.script(["429:insufficient_quota"])
    with pytest.raises(BackendError) as caught:
        await make_client().complete(SPAM, VerdictOutput)
    assert caught.value.kind == "auth" and "no quota left" in str(caught.value)
    assert len(fake_llm.chat_requests()) == 1 and sleep.waits == []


async def test_total_time_is_bounded(fake_llm, make_client, sleep):
    fake_llm.script(["429:retry-after=30"])
    with pytest.raises(BackendError) as caught:
        await make_client(max_total_s=10).complete(SPAM, VerdictOutput)
    assert caught.value.kind == "rate_limited" and caught.value.attempts == 1
    assert "gave up after 1 attempt" in str(caught.value)
    assert sleep.waits == []  # a 30 s wait would overrun the 10 s budget


@pytest.mark.parametrize("status", ["500", "502", "503"])
async def test_server_errors_are_retried(fake_llm, make_client, sleep, status):
    fake_llm.script([status, status])
    result = await make_client().complete(SPAM, VerdictOutput)
    assert result.attempts == 3 and len(fake_llm.chat_requests()) == 3
    assert len(sleep.waits) == 2


@pytest.mark.parametrize("fault", ["malformed", "empty_choices"])
async def test_unusable_200_replies_are_retried(fake_llm, make_client, fault):
    fake_llm.script([fault])
    result = await make_client().complete(SPAM, VerdictOutput)
    assert result.attempts == 2 and result.parsed.label == Label.SPAM


async def test_a_web_page_every_time_gives_up_after_one_retry_and_names_doctor(
    fake_llm, make_client
):
    fake_llm.script(["malformed"] * 5)
    with pytest.raises(BackendError) as caught:
        await make_client(max_attempts=5).complete(SPAM, VerdictOutput)
    assert caught.value.attempts == 2 and len(fake_llm.chat_requests()) == 2
    assert "is the base URL an OpenAI-compatible API?" in str(caught.value)
    assert "reply-assistant doctor" in str(caught.value)


async def test_broken_json_every_time_is_retried_once(fake_llm, make_client):
    def broken_json(_server, _body) -> Reply:
        return Reply(body=b'{"id": "x", "choices": [ {"message": ')

    fake_llm.routes[("POST", "/v1/chat/completions")] = broken_json
    with pytest.raises(BackendError) as caught:
        await make_client(max_attempts=5).complete(SPAM, VerdictOutput)
    assert caught.value.attempts == 2


async def test_a_timeout_is_retried_once_not_max_attempts_times(fake_llm, make_client):
    fake_llm.script(["hang"] * 5)
    with pytest.raises(BackendError) as caught:
        await make_client(timeout_s=0.3, max_attempts=5).complete(SPAM, VerdictOutput)
    assert caught.value.kind == "timeout" and caught.value.attempts == 2


async def test_max_attempts_one_means_no_retry_even_for_a_timeout(fake_llm, make_client):
    fake_llm.script(["hang"])
    with pytest.raises(BackendError) as caught:
        await make_client(timeout_s=0.3, max_attempts=1).complete(SPAM, VerdictOutput)
    assert caught.value.attempts == 1 and len(fake_llm.chat_requests()) == 1


async def test_a_hang_times_out_and_is_retried(fake_llm, make_client, sleep):
    fake_llm.script(["hang"])
    result = await make_client(timeout_s=1).complete(SPAM, VerdictOutput)
    assert result.attempts == 2 and len(fake_llm.chat_requests()) == 2
    assert len(sleep.waits) == 1


async def test_hangs_until_the_end_are_a_timeout_error(fake_llm, make_client):
    fake_llm.script(["hang", "hang"])
    with pytest.raises(BackendError) as caught:
        await make_client(timeout_s=0.3, max_attempts=2).complete(SPAM, VerdictOutput)
    assert caught.value.kind == "timeout" and caught.value.attempts == 2


def closed_port() -> int:
    """A loopback port nothing listens on (the OS picked it free, then it was released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_a_refused_local_connection_gets_one_quick_retry(sleep):
    port = closed_port()
    client = ChatClient(
        model=MODEL, base_url=f"http://127.0.0.1:{port}/v1", max_attempts=5, sleep=sleep
    )
    with pytest.raises(BackendError) as caught:
        await client.complete(SPAM, VerdictOutput)
    await client.aclose()
    assert caught.value.kind == "connection" and caught.value.attempts == 2
    assert f"http://127.0.0.1:{port}/v1" in str(caught.value)
    assert "is the server running" in str(caught.value)
    assert "reply-assistant doctor" in str(caught.value)
    assert sleep.waits == [0.2]


async def test_a_host_that_does_not_resolve_is_not_retried(sleep):
    client = ChatClient(
        model=MODEL, base_url="http://no-such-host.invalid/v1", max_attempts=5, sleep=sleep
    )
    with pytest.raises(BackendError) as caught:
        await client.complete(SPAM, VerdictOutput)
    await client.aclose()
    assert caught.value.kind == "connection" and caught.value.attempts == 1
    assert (
        "the host no-such-host.invalid of http://no-such-host.invalid/v1 does not resolve"
        in str(caught.value)
    )
    # Either place may have set it: not only the environment variable is named.
    assert "OPENAI_BASE_URL, or base_url in the config file" in str(caught.value)
    assert sleep.waits == []


# ---------------------------------------------------------------- errors that are not retried


async def test_rejected_key_fails_at_once_without_the_key_in_the_message(make_client):
    with FakeLLMServer(require_key="sk-the-right-one") as server:
        base_url = server.base_url
        client = make_client(base_url=base_url)
        with pytest.raises(BackendError) as caught:
            await client.complete(SPAM, VerdictOutput)
        assert len(server.chat_requests()) == 1
    assert caught.value.kind == "auth"
    assert str(caught.value) == f"the API key was rejected by {base_url}"
    assert API_KEY not in str(caught.value) and "demo" not in str(caught.value)


async def test_unknown_model_fails_at_once(fake_llm, make_client):
    with pytest.raises(BackendError) as caught:
        await make_client(model="gpt-nope").complete(SPAM, VerdictOutput)
    assert caught.value.kind == "not_found"
    assert str(caught.value) == f"model gpt-nope not found at {fake_llm.base_url}"
    assert len(fake_llm.chat_requests()) == 1


# ---------------------------------------------------------------- structured output


async def test_auto_mode_falls_back_to_prompt_and_remembers_it(fake_llm, make_client):
    fake_llm.reject_response_format = frozenset({"json_schema", "json_object"})
    client = make_client()
    first = await client.complete(SPAM, VerdictOutput)
    assert first.attempts == 4 and client.mode_in_use == "prompt"
    formats = [body.get("response_format", {}).get("type") for body in chat_bodies(fake_llm)]
    assert formats == ["json_schema", "json_object", "json_object", None]

    second = await client.complete(SPAM, DraftOutput)
    assert second.attempts == 1 and second.parsed.language == "en"
    last = chat_bodies(fake_llm)[-1]
    assert "response_format" not in last
    system = last["messages"][0]
    assert system["role"] == "system" and system["content"].startswith(SPAM[0].content)
    assert '"language"' in system["content"]  # the schema travels in the prompt


async def test_auto_mode_stops_at_json_object_when_that_works(fake_llm, make_client):
    fake_llm.script(["no_response_format"])
    client = make_client()
    result = await client.complete(SPAM, VerdictOutput)
    assert result.parsed.label == Label.SPAM and client.mode_in_use == "json_object+schema"
    last = chat_bodies(fake_llm)[-1]
    assert last["response_format"]["type"] == "json_object"
    assert last["response_format"]["schema"]["required"] == list(VerdictOutput.model_fields)
    assert '"label"' in last["messages"][0]["content"]


async def test_a_500_that_names_the_response_format_steps_down_without_retries(
    fake_llm, make_client, sleep
):
    # llama-cpp-python's answer to a json_schema response_format.
    fake_llm.reject_response_format = frozenset({"json_schema"})
    fake_llm.format_rejection_status = 500
    client = make_client()
    result = await client.complete(SPAM, VerdictOutput)
    assert result.attempts == 2 and client.mode_in_use == "json_object+schema"
    assert sleep.waits == []


async def test_a_500_that_does_not_name_the_format_is_retried_in_the_same_mode(
    fake_llm, make_client, sleep
):
    fake_llm.script(["500"])
    client = make_client()
    await client.complete(SPAM, VerdictOutput)
    assert client.mode_in_use == "json_schema" and len(sleep.waits) == 1


async def test_the_negotiated_mode_is_remembered_per_endpoint_and_model(fake_llm, make_client):
    fake_llm.reject_response_format = frozenset({"json_schema"})
    remembered = DictCache()
    await make_client(remembered_modes=remembered).complete(SPAM, VerdictOutput)
    assert list(remembered.values.values()) == ["json_object+schema"]

    again = make_client(remembered_modes=remembered)
    result = await again.complete(SPAM, VerdictOutput, use_cache=False)
    assert result.attempts == 1 and again.mode_in_use == "json_object+schema"
    other_model = make_client(model="gpt-4o-mini", remembered_modes=remembered)
    assert (await other_model.complete(SPAM, VerdictOutput)).attempts == 2


async def test_the_mode_in_use_is_logged(fake_llm, make_client, caplog):
    caplog.set_level("INFO", logger="reply_assistant.backends.openai_client")
    fake_llm.reject_response_format = frozenset({"json_schema"})
    await make_client().complete(SPAM, VerdictOutput)
    assert f"structured output for {MODEL} @ 127.0.0.1" in caplog.text
    assert caplog.text.rstrip().endswith("json_object+schema")


async def test_fixed_mode_does_not_fall_back(fake_llm, make_client):
    fake_llm.reject_response_format = frozenset({"json_schema"})
    with pytest.raises(BackendError) as caught:
        await make_client(structured_mode="json_schema").complete(SPAM, VerdictOutput)
    assert caught.value.kind == "bad_request" and len(fake_llm.chat_requests()) == 1


async def test_invalid_output_gets_one_repair_round_trip(fake_llm, make_client):
    fake_llm.script(["invalid"])
    result = await make_client().complete(SPAM, VerdictOutput)
    assert result.attempts == 2 and isinstance(result.parsed, VerdictOutput)
    repair = chat_bodies(fake_llm)[1]["messages"]
    assert repair[-2]["role"] == "assistant" and '"maybe"' in repair[-2]["content"]
    assert repair[-1]["role"] == "user" and "label" in repair[-1]["content"]


async def test_reply_cut_off_by_the_token_limit_is_repaired(fake_llm, make_client):
    fake_llm.script(["truncated"])
    result = await make_client().complete(SPAM, VerdictOutput)
    assert result.attempts == 2
    assert "token limit" in chat_bodies(fake_llm)[1]["messages"][-1]["content"]


async def test_invalid_twice_is_invalid_output(fake_llm, make_client):
    fake_llm.script(["invalid", "invalid"])
    with pytest.raises(BackendError) as caught:
        await make_client().complete(SPAM, VerdictOutput)
    assert caught.value.kind == "invalid_output" and caught.value.attempts == 2
    # Said in the fields a person can look for, not the class that holds them.
    said = str(caught.value)
    assert "fields asked for (label, confidence, reason, signals, action)" in said
    assert "VerdictOutput" not in said and "demo" not in said


# ---------------------------------------------------------------- cache


async def test_cache_hit_makes_no_request(fake_llm, make_client):
    cache = DictCache()
    client = make_client(cache=cache)
    first = await client.complete(SPAM, VerdictOutput, temperature=0.0)
    second = await client.complete(SPAM, VerdictOutput, temperature=0.0)
    assert len(fake_llm.chat_requests()) == 1
    assert second.cached and not first.cached
    assert (second.cost_usd, second.latency_ms, second.attempts) == (0.0, 0.0, 0)
    assert second.parsed == first.parsed
    assert all(API_KEY not in value for value in cache.values.values())

    await client.complete(SPAM, VerdictOutput, temperature=0.5)  # another key
    await client.complete(SPAM, VerdictOutput, temperature=0.0, use_cache=False)
    assert len(fake_llm.chat_requests()) == 3
    assert len(cache.values) == 2


async def test_cache_key_depends_on_model_and_schema(fake_llm, make_client):
    cache = DictCache()
    await make_client(cache=cache).complete(SPAM, VerdictOutput)
    await make_client(cache=cache).complete(SPAM, DraftOutput)
    await make_client(cache=cache, model="fake-model").complete(SPAM, VerdictOutput)
    assert len(fake_llm.chat_requests()) == 3 and len(cache.values) == 3


# ---------------------------------------------------------------- pricing


def test_prices_match_dated_snapshots_but_not_other_products():
    assert price_for("gpt-4o-mini-2024-07-18") == PRICES["gpt-4o-mini"]
    assert price_for("gpt-4.1-2025-04-14") == PRICES["gpt-4.1"]
    assert price_for("gpt-4o-audio-preview") is None
    assert price_for("llama3.1:8b") is None
    assert cost_usd("llama3.1:8b", Usage(prompt_tokens=10)) is None


def test_cost_charges_cached_tokens_at_the_cached_rate():
    usage = Usage(prompt_tokens=1_000_000, completion_tokens=1_000_000, cached_prompt_tokens=0)
    assert cost_usd("gpt-4o-mini", usage) == pytest.approx(0.15 + 0.60)
    half_cached = usage.model_copy(update={"cached_prompt_tokens": 500_000})
    assert cost_usd("gpt-4o-mini", half_cached) == pytest.approx(0.075 + 0.0375 + 0.60)


# ---------------------------------------------------------------- concurrency


async def test_concurrency_limit_is_respected(fake_llm, make_client):
    fake_llm.latency = 0.2
    client = make_client(concurrency=3, timeout_s=5)
    results = await asyncio.gather(
        *(client.complete(SPAM, VerdictOutput, use_cache=False) for _ in range(9))
    )
    assert len(results) == 9 and len(fake_llm.chat_requests()) == 9
    assert fake_llm.peak_in_flight == 3


# ---------------------------------------------------------------- streaming


async def test_stream_text_yields_deltas(fake_llm, make_client):
    pieces = [
        piece async for piece in make_client().stream_text([*SPAM[:1], HumanMessage("Congrats!")])
    ]
    assert len(pieces) > 3 and "".join(pieces) == DRAFT_TEXT
    [body] = chat_bodies(fake_llm)
    assert body["stream"] is True and "response_format" not in body


async def test_stream_opening_is_retried(fake_llm, make_client, sleep):
    fake_llm.script(["503"])
    pieces = [piece async for piece in make_client().stream_text([HumanMessage("Congrats!")])]
    assert "".join(pieces) == DRAFT_TEXT
    assert len(fake_llm.chat_requests()) == 2 and len(sleep.waits) == 1


async def test_truncated_stream_raises_after_the_partial_text(fake_llm, make_client):
    fake_llm.script(["truncated"])
    pieces: list[str] = []
    with pytest.raises(BackendError) as caught:
        async for piece in make_client().stream_text([HumanMessage("Congrats!")]):
            pieces.append(piece)
    assert caught.value.kind == "server"
    assert pieces and DRAFT_TEXT.startswith("".join(pieces)) and "".join(pieces) != DRAFT_TEXT


async def test_cached_results_survive_a_json_round_trip(make_client):
    """What the cache stores is the validated reply text alone."""
    cache = DictCache()
    await make_client(cache=cache).complete(SPAM, VerdictOutput)
    [stored] = cache.values.values()
    assert VerdictOutput.model_validate(json.loads(stored)).label == Label.SPAM


async def test_stream_reports_usage_and_cost_from_the_final_chunk(fake_llm, make_client):
    messages = [*SPAM[:1], HumanMessage("Congrats!")]
    stream = billed_as_openai(make_client()).stream_text(messages)
    text = "".join([piece async for piece in stream])
    assert text == DRAFT_TEXT
    prompt_chars = sum(len(message.content) for message in messages)
    assert stream.usage.prompt_tokens == math.ceil(prompt_chars / 4)
    assert stream.usage.completion_tokens == math.ceil(len(DRAFT_TEXT) / 4)
    assert stream.cost_usd == pytest.approx(cost_usd(MODEL, stream.usage)) and stream.cost_usd > 0
    assert stream.latency_ms > 0 and stream.attempts == 1
    [body] = chat_bodies(fake_llm)
    assert body["stream_options"] == {"include_usage": True}


async def test_a_server_rejecting_stream_options_still_streams_without_usage(fake_llm, make_client):
    fake_llm.reject_stream_options = True
    client = make_client()
    stream = client.stream_text([HumanMessage("Congrats!")])
    assert "".join([piece async for piece in stream]) == DRAFT_TEXT
    # Unknown usage is not free: no cost rather than $0.
    assert (stream.usage, stream.cost_usd) == (Usage(), None)
    first, second = chat_bodies(fake_llm)
    assert "stream_options" in first and "stream_options" not in second
    assert not client.stream_usage_in_use

    again = client.stream_text([HumanMessage("Congrats!")])  # remembered: one request
    assert "".join([piece async for piece in again]) == DRAFT_TEXT
    assert len(fake_llm.chat_requests()) == 3


async def test_cache_key_depends_on_the_endpoint(fake_llm, make_client):
    cache = DictCache()
    await make_client(cache=cache).complete(SPAM, VerdictOutput)
    assert (await make_client(cache=cache).complete(SPAM, VerdictOutput)).cached
    with FakeLLMServer() as other:
        result = await make_client(cache=cache, base_url=other.base_url).complete(
            SPAM, VerdictOutput
        )
        assert not result.cached and len(other.chat_requests()) == 1
    assert len(fake_llm.chat_requests()) == 1 and len(cache.values) == 2


async def test_cache_key_depends_on_the_prompt_version(fake_llm, make_client):
    cache = DictCache()
    client = make_client(cache=cache)
    first = await client.complete(SPAM, VerdictOutput, prompt_ref="classify@v1")
    other_version = await client.complete(SPAM, VerdictOutput, prompt_ref="classify@v2")
    same_again = await client.complete(SPAM, VerdictOutput, prompt_ref="classify@v1")
    assert (first.cached, other_version.cached, same_again.cached) == (False, False, True)
    assert len(fake_llm.chat_requests()) == 2 and len(cache.values) == 2


def test_only_a_backend_with_a_known_price_declares_it_priced():
    def llm(model: str, base_url: str = "http://127.0.0.1:9/v1", **options) -> LLMBackend:
        client = ChatClient(model=model, base_url=base_url, api_key="k", **options)
        return LLMBackend(client, PromptSet.from_versions(DEFAULT_PROMPTS), Profile())

    assert llm(MODEL, OPENAI_API_URL).capabilities.priced
    assert not llm("smollm2", OPENAI_API_URL).capabilities.priced
    # A local server answering to an OpenAI model's name does not charge OpenAI's prices.
    assert not llm(MODEL).capabilities.priced
    assert not offline.CAPABILITIES.priced
    # The structured-output modes it may use, in the order "auto" tries them.
    assert llm(MODEL).capabilities.structured_modes == (
        "json_schema",
        "json_object+schema",
        "json_object",
        "prompt",
    )
    assert llm(MODEL, structured_mode="prompt").capabilities.structured_modes == ("prompt",)
    assert LLMBackend.capabilities.structured_modes == ()  # the class default is untouched


# ---------------------------------------------------------------- control codes

HOSTILE = "Hi Sam,\x1b]2;PWNED\x07 thanks\x1b[2J\r\nJordan\x9b"


async def test_streamed_and_structured_answers_reach_no_terminal_control_code(
    fake_llm, make_client
):
    # A message can steer a model into answering with ESC sequences (clear the screen,
    # retitle the window, write the clipboard); the UI shows the answer as it streams.
    fake_llm.responder = lambda request: HOSTILE
    pieces = [piece async for piece in make_client().stream_text([HumanMessage("Congrats!")])]
    assert "".join(pieces) == "Hi Sam,]2;PWNED thanks[2J\nJordan"

    fake_llm.responder = lambda request: json.dumps({"text": HOSTILE, "language": "en"})
    result = await make_client().complete([HumanMessage("Congrats!")], DraftOutput)
    assert result.parsed.text == "Hi Sam,]2;PWNED thanks[2J\nJordan"
