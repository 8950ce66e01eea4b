"""An async chat client for any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio).

It adds what the `openai` SDK leaves to the caller:

- Retries (ours, with tenacity; the SDK's are off): 429, 408/409, 5xx, timeouts, connection
  errors, and 200 replies that are not a usable completion (a body that is not JSON, no
  choices) are retried with exponential backoff and jitter, or after `Retry-After` /
  `retry-after-ms` when the answer carries one (capped at `max_retry_wait_s`), for at most
  `max_attempts` attempts and `max_total_s` seconds. Failures the server paced with
  Retry-After do not use up `max_attempts` (it said when to come back; up to
  `_PACED_ATTEMPTS_FACTOR` times as many attempts).
- Errors that cannot heal are not retried: 400/401/403/404, an exhausted quota, a host
  that does not resolve; a refused connection on this machine or the LAN gets one quick
  retry. Their messages name the endpoint and what to check.
- Structured output validated against a pydantic schema. In "auto" mode the client tries a
  strict `json_schema` response_format, then `json_object` carrying the schema (llama.cpp's
  servers constrain the reply to it), then plain `json_object`, then the schema in the prompt
  alone, stepping down as soon as the server refuses the response_format (a 400/422/500
  whose body names it; no retries spent). The mode that worked is kept, and remembered per
  endpoint and model in `remembered_modes` (the state file) for the next run; `-v` logs it.
  A reply that does not validate (including one cut off by the token limit, finish_reason
  "length") gets one repair round-trip; a second failure is
  `BackendError(kind="invalid_output")`.
- A response cache, usage and cost per call, a per-attempt timeout, and a concurrency limit
  that halves when the endpoint rate limits (`AdaptiveLimit`).
- Streamed text with its usage: the stream asks for a final usage chunk
  (`stream_options.include_usage`); a server that rejects the option is asked again without
  it, and from then on streams report no usage (and so no cost).

Error messages name the endpoint and model only, never the API key or message text.
A client belongs to one event loop (its HTTP pool and semaphore bind to the first one used).
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import json
import logging
import random
import re
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, Generic, Protocol, TypeVar
from urllib.parse import urlsplit

import openai
from langchain_core.messages import BaseMessage, convert_to_openai_messages
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from pydantic import BaseModel, ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_before_delay,
)
from tenacity.stop import stop_base

from reply_assistant.backends.adaptive_limit import AdaptiveLimit
from reply_assistant.backends.base import BackendError
from reply_assistant.backends.endpoint_address import is_local
from reply_assistant.backends.pricing import charges_list_prices, cost_usd, price_for
from reply_assistant.models import Usage
from reply_assistant.printable import printable

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")
Sleep = Callable[[float], Awaitable[None]]
Request = dict[str, Any]

STRUCTURED_MODES = ("auto", "json_schema", "json_object+schema", "json_object", "prompt")
# The order "auto" walks down when a server rejects response_format.
_FALLBACKS = {
    "json_schema": "json_object+schema",
    "json_object+schema": "json_object",
    "json_object": "prompt",
}
# How a server says it does not support the response_format sent: llama-cpp-python answers
# 500 "Input should be 'text' or 'json_object'", others 400 or 422 naming the parameter.
_FORMAT_REFUSAL = re.compile(r"response_format|json_schema|json_object|structured output", re.I)
_FORMAT_REFUSAL_STATUSES = (400, 422, 500, 501)
# Attempts allowed when the server paces its failures with Retry-After, per max_attempts.
_PACED_ATTEMPTS_FACTOR = 3
# The one retry, soon after, for failures that seldom heal by waiting: a refused connection
# on this machine or the LAN, a web page or broken JSON where the API's answer should be, a
# timeout (the same request is as slow the second time; five would hold a message for five
# timeouts).
_SELDOM_HEALS_ATTEMPTS = 2
_SELDOM_HEALS_WAIT_S = 0.2

_SCHEMA_INSTRUCTION = (
    "Answer with one JSON object only, with no prose and no code fences, "
    "that matches this JSON schema:\n{schema}"
)
# OpenAI (and vLLM, llama.cpp, Ollama) then send a last chunk with no choices and the usage.
_USAGE_IN_STREAM = {"stream_options": {"include_usage": True}}
REPAIR_INSTRUCTION = (
    "Your previous reply was not valid: {problem}. "
    "Reply again with only the corrected JSON object, matching the schema."
)


class ResponseCache(Protocol):
    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str) -> None: ...


@dataclass
class ChatResult(Generic[T]):
    parsed: T
    raw: str  # the assistant content that validated
    usage: Usage  # summed over every request the call made; zero when cached
    cost_usd: float | None  # None when the model's price is unknown; 0 when cached
    latency_ms: float  # the whole call, retries included; 0 when cached
    cached: bool
    attempts: int  # HTTP requests made (retries, fallbacks and repair included)


class TextStream:
    """A reply's content deltas as they arrive (`async for piece in stream`). Once the
    iteration has ended, `usage`, `cost_usd` (None when the price or the usage is unknown),
    `latency_ms` and `attempts` describe the whole call."""

    def __init__(self, client: ChatClient, request: Request) -> None:
        self.usage = Usage()
        self.cost_usd: float | None = None
        self.latency_ms = 0.0
        self.attempts = 0
        self._deltas = client._deltas(request, self)

    def __aiter__(self) -> AsyncIterator[str]:
        return self._deltas


class NoAPIAtURL(BackendError):
    """The base URL answers 404 to the chat route: no API there (`doctor` says where)."""

    def __init__(self, base_url: str) -> None:
        super().__init__(
            f"no OpenAI-compatible API answers at {base_url} (404); check the base URL",
            kind="not_found",
        )


class _Transient(Exception):
    """A failure that another attempt may not have."""

    def __init__(
        self,
        kind: str,
        message: str,
        retry_after_s: float | None = None,
        attempt_cap: int | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after_s = retry_after_s  # the server's Retry-After, when it sent one
        self.attempt_cap = attempt_cap  # fewer attempts than usual for this failure


class _FormatRejected(Exception):
    """The server does not accept the response_format we sent."""


class _StreamOptionsRejected(Exception):
    """The server does not accept stream_options (asking for usage in a stream)."""


@dataclass
class _Reply:
    content: str
    finish_reason: str | None


@dataclass
class _Tally:
    """What one call has spent so far."""

    attempts: int = 0
    usage: Usage = field(default_factory=Usage)


class ChatClient:
    def __init__(
        self,
        *,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout_s: float = 60,
        max_attempts: int = 5,
        max_retry_wait_s: float = 60,
        concurrency: int = 8,
        cache: ResponseCache | None = None,
        remembered_modes: ResponseCache | None = None,
        structured_mode: str = "auto",
        max_total_s: float = 300,
        backoff_s: float = 0.5,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        """`sleep` waits between attempts; tests pass one that records the waits and
        returns at once. `backoff_s` is the first backoff; it doubles per attempt.
        `remembered_modes` keeps the structured mode that worked, per endpoint and model,
        across runs (any get/put store; the state file's)."""
        if structured_mode not in STRUCTURED_MODES:
            raise ValueError(f"structured_mode must be one of {', '.join(STRUCTURED_MODES)}")
        self.model = model
        self._openai = openai.AsyncOpenAI(
            base_url=base_url, api_key=api_key or "not-needed", max_retries=0, timeout=timeout_s
        )
        self.base_url = _without_credentials(str(self._openai.base_url))
        self.structured_mode = structured_mode
        self.mode_in_use = "json_schema" if structured_mode == "auto" else structured_mode
        self._remembered_modes = remembered_modes
        self._mode_recalled = False
        self._mode_logged = False
        # Cleared when the server rejects stream_options; streams then carry no usage.
        self.stream_usage_in_use = True
        self._timeout_s = timeout_s
        self._max_attempts = max_attempts
        self._max_retry_wait_s = max_retry_wait_s
        self._max_total_s = max_total_s
        self._backoff_s = backoff_s
        self._sleep = sleep
        self._cache = cache
        self._limit = AdaptiveLimit(concurrency)
        # OpenAI's reasoning models only accept max_completion_tokens; many local servers
        # only know the older max_tokens.
        self._max_tokens_param = (
            "max_completion_tokens" if charges_list_prices(self.base_url) else "max_tokens"
        )

    @property
    def priced(self) -> bool:
        """Whether its calls have a known price: OpenAI's list prices, for a model on the
        list, at OpenAI's own API. A local server (llama.cpp, Ollama) answering to the same
        model name charges nothing of the kind."""
        return charges_list_prices(self.base_url) and price_for(self.model) is not None

    def cost_usd(self, usage: Usage) -> float | None:
        """What `usage` cost at this endpoint; None when the price is unknown."""
        return cost_usd(self.model, usage) if self.priced else None

    @property
    def structured_modes(self) -> tuple[str, ...]:
        """The structured-output modes this client may use, in the order it tries them."""
        if self.structured_mode == "auto":
            return tuple(mode for mode in STRUCTURED_MODES if mode != "auto")
        return (self.structured_mode,)

    def describe(self) -> str:
        return f"{self.model} @ {urlsplit(self.base_url).netloc}"

    async def aclose(self) -> None:
        await self._openai.close()

    @property
    def sdk(self) -> openai.AsyncOpenAI:
        """The SDK client itself, for the APIs this class does not wrap (files, batches)."""
        return self._openai

    # ------------------------------------------------------------ requests sent elsewhere

    def structured_request(
        self,
        messages: list[BaseMessage],
        schema: type[BaseModel],
        *,
        temperature: float | None = None,
        max_tokens: int | None = None,
    ) -> Request:
        """The chat completion body `complete` would send first, for a caller that sends it
        another way (a Batch API input line). No cache, retries or fallbacks apply there."""
        request = self._request(convert_to_openai_messages(messages), temperature, max_tokens)
        _shape_for_mode(request, schema, self.mode_in_use)
        return request

    @staticmethod
    def parse_content(
        content: str, schema: type[T], finish_reason: str | None = "stop"
    ) -> tuple[T | None, str | None]:
        """Validate assistant content the way `complete` does: the parsed object, or None
        and a description of what is wrong (field names and rules only, never the text)."""
        return _parse(_Reply(content, finish_reason), schema)

    # ------------------------------------------------------------ structured calls

    async def complete(
        self,
        messages: list[BaseMessage],
        schema: type[T],
        *,
        temperature: float | None = None,
        max_tokens: int | None = None,
        use_cache: bool = True,
        prompt_ref: str | None = None,
    ) -> ChatResult[T]:
        """`prompt_ref` (e.g. "classify@v2") names the prompt version the messages were
        rendered from; it is part of the cache key."""
        rendered: list[dict[str, Any]] = convert_to_openai_messages(messages)
        key = self._cache_key(rendered, schema, temperature, max_tokens, prompt_ref)
        if self._cache is not None and use_cache:
            hit = self._cache.get(key)
            parsed = _validated(hit, schema) if hit is not None else None
            if hit is not None and parsed is not None:
                return ChatResult(parsed, hit, Usage(), 0.0, 0.0, cached=True, attempts=0)

        started = time.perf_counter()
        tally = _Tally()
        try:
            reply = await self._structured_reply(rendered, schema, temperature, max_tokens, tally)
            parsed, problem = _parse(reply, schema)
            if problem is not None:
                repair = [
                    *rendered,
                    {"role": "assistant", "content": reply.content},
                    {"role": "user", "content": REPAIR_INSTRUCTION.format(problem=problem)},
                ]
                reply = await self._structured_reply(repair, schema, temperature, max_tokens, tally)
                parsed, problem = _parse(reply, schema)
            if parsed is None:
                raise BackendError(
                    f"the reply of {self.model} at {self.base_url} was not JSON with the "
                    f"fields asked for ({asked_fields(schema)}), even after a repair request",
                    kind="invalid_output",
                    attempts=tally.attempts,
                )
        except BackendError as exc:
            # The replies that came before the failure were paid for all the same.
            exc.usage, exc.cost_usd = tally.usage, self.cost_usd(tally.usage)
            raise
        if self._cache is not None:
            self._cache.put(key, reply.content)
        return ChatResult(
            parsed=parsed,
            raw=reply.content,
            usage=tally.usage,
            cost_usd=self.cost_usd(tally.usage),
            latency_ms=(time.perf_counter() - started) * 1000,
            cached=False,
            attempts=tally.attempts,
        )

    async def _structured_reply(
        self,
        messages: list[dict[str, Any]],
        schema: type[BaseModel],
        temperature: float | None,
        max_tokens: int | None,
        tally: _Tally,
    ) -> _Reply:
        """One reply in the current structured mode, walking down the fallbacks in "auto"."""
        self._recall_mode()
        while True:
            mode = self.mode_in_use
            request = self._request(messages, temperature, max_tokens)
            _shape_for_mode(request, schema, mode)
            try:
                reply = await self._with_retries(tally, self._send, request, tally)
            except _FormatRejected:
                fallback = _FALLBACKS.get(mode)
                if self.structured_mode != "auto" or fallback is None:
                    raise BackendError(
                        f"{self.base_url} rejected response_format ({mode}); "
                        "set the structured mode to 'prompt' for this server",
                        kind="bad_request",
                        attempts=tally.attempts,
                    ) from None
                if self.mode_in_use == mode:  # a concurrent call may have moved on already
                    log.info("%s refused structured output as %s", self.describe(), mode)
                    self.mode_in_use = fallback
                    self._remember_mode()
                continue
            self._log_mode(mode)
            return reply

    @property
    def _mode_key(self) -> str:
        # Kept beside the response cache's sha256 keys, which never start like this.
        return f"structured-mode:{self.base_url}|{self.model}"

    def _recall_mode(self) -> None:
        """Start from the mode that worked for this endpoint and model last time."""
        if self._mode_recalled or self.structured_mode != "auto":
            return
        self._mode_recalled = True
        if self._remembered_modes is None:
            return
        remembered = self._remembered_modes.get(self._mode_key)
        if remembered in STRUCTURED_MODES and remembered != "auto":
            self.mode_in_use = remembered

    def _remember_mode(self) -> None:
        if self._remembered_modes is not None:
            self._remembered_modes.put(self._mode_key, self.mode_in_use)

    def _log_mode(self, mode: str) -> None:
        if not self._mode_logged:
            self._mode_logged = True
            log.info("structured output for %s: %s", self.describe(), mode)

    async def _send(self, request: Request, tally: _Tally) -> _Reply:
        async with self._limit:
            completion = await self._create(request, tally)
        if isinstance(completion, str):  # served with a non-JSON content type
            raise _Transient(
                "not_an_api",
                f"{self.base_url} sent a reply that is not JSON (a web page?): is the base URL "
                f"an OpenAI-compatible API? `reply-assistant doctor` checks the endpoint",
                attempt_cap=_SELDOM_HEALS_ATTEMPTS,
            )
        if not completion.choices:
            raise _Transient("server", f"{self.base_url} sent a completion without choices")
        tally.usage += completion_usage(completion)
        choice = completion.choices[0]
        return _Reply(choice.message.content or "", choice.finish_reason)

    async def _create(self, request: Request, tally: _Tally) -> Any:
        """One request: a completion, or a stream when the request asks for one."""
        tally.attempts += 1
        try:
            async with asyncio.timeout(self._timeout_s):
                answer = await self._openai.chat.completions.create(**request)
        except (openai.APIError, TimeoutError, ValueError) as exc:
            failure = self._translate(exc, asked_format="response_format" in request)
            if isinstance(failure, _Transient) and failure.kind == "rate_limited":
                self._limit.rate_limited()
            raise failure from None
        self._limit.succeeded()
        return answer

    # ------------------------------------------------------------ streaming

    def stream_text(
        self,
        messages: list[BaseMessage],
        *,
        temperature: float | None = None,
        max_tokens: int | None = None,
    ) -> TextStream:
        """Content deltas as they arrive (`async for`); once the stream has ended, the
        returned TextStream also holds the call's usage, cost and latency. Opening the
        stream is retried; once text has arrived it is not (the caller has it), and a stream
        that ends without a finish_reason raises BackendError(kind="server") after yielding
        what came."""
        request = self._request(convert_to_openai_messages(messages), temperature, max_tokens)
        request["stream"] = True
        return TextStream(self, request)

    async def _deltas(self, request: Request, spent: TextStream) -> AsyncIterator[str]:
        started = time.perf_counter()
        tally = _Tally()
        usage_reported = False
        async with self._limit:  # held for the whole stream, its retries included
            stream = await self._open_stream(request, tally)
            finished = False
            try:
                async for chunk in stream:
                    if chunk.usage is not None:  # the last chunk, when include_usage was asked
                        tally.usage += completion_usage(chunk)
                        usage_reported = True
                    for choice in chunk.choices:
                        if choice.delta.content:
                            # Shown as it arrives: no terminal control codes (`printable`).
                            yield printable(choice.delta.content)
                        finished = finished or choice.finish_reason is not None
            except openai.APIError as exc:
                failure = self._translate(exc)
                kind = failure.kind if isinstance(failure, _Transient) else "server"
                raise BackendError(
                    f"the stream from {self.base_url} broke off: {failure}", kind=kind
                ) from None
            finally:
                await stream.close()
        if not finished:
            raise BackendError(
                f"the stream from {self.base_url} ended before the reply was complete",
                kind="server",
                attempts=tally.attempts,
            )
        spent.usage = tally.usage
        spent.attempts = tally.attempts
        # Without reported usage the cost is unknown, not zero.
        spent.cost_usd = self.cost_usd(tally.usage) if usage_reported else None
        spent.latency_ms = (time.perf_counter() - started) * 1000

    async def _open_stream(self, request: Request, tally: _Tally) -> Any:
        """The opened stream, asking for usage unless this server has rejected that."""
        if self.stream_usage_in_use:
            try:
                return await self._with_retries(
                    tally, self._create, {**request, **_USAGE_IN_STREAM}, tally
                )
            except _StreamOptionsRejected:
                self.stream_usage_in_use = False
        return await self._with_retries(tally, self._create, request, tally)

    # ------------------------------------------------------------ retries and errors

    async def _with_retries(
        self, tally: _Tally, attempt: Callable[..., Awaitable[R]], *args: Any
    ) -> R:
        retrying = AsyncRetrying(
            stop=_AttemptBudget(self._max_attempts) | stop_before_delay(self._max_total_s),
            wait=self._wait_s,
            retry=retry_if_exception_type(_Transient),
            sleep=self._sleep,
            before_sleep=_log_retry,
            reraise=True,
        )
        try:
            return await retrying(attempt, *args)
        except _Transient as exc:
            tries = retrying.statistics.get("attempt_number", 1)
            raise BackendError(
                f"{exc.message}; gave up after {tries} attempt{'s' if tries != 1 else ''}",
                kind=exc.kind,
                attempts=tally.attempts,
            ) from None

    def _wait_s(self, state: RetryCallState) -> float:
        failure = state.outcome.exception() if state.outcome else None
        if isinstance(failure, _Transient) and failure.retry_after_s is not None:
            return min(failure.retry_after_s, self._max_retry_wait_s)
        if isinstance(failure, _Transient) and failure.attempt_cap is not None:
            return _SELDOM_HEALS_WAIT_S
        backoff = min(self._max_retry_wait_s, self._backoff_s * 2 ** (state.attempt_number - 1))
        # Jitter, so that many calls failing together do not all come back at once.
        return backoff * random.uniform(0.5, 1.0)

    def _translate(self, exc: Exception, asked_format: bool = False) -> Exception:
        """An SDK failure as either `_Transient` (retry), `_FormatRejected` or `BackendError`.
        `asked_format`: the request carried a response_format the server may refuse."""
        where = self.base_url
        if isinstance(exc, openai.APITimeoutError | TimeoutError):
            return _Transient(
                "timeout",
                f"no answer from {where} within {self._timeout_s:g} s",
                attempt_cap=_SELDOM_HEALS_ATTEMPTS,
            )
        if isinstance(exc, openai.APIConnectionError):
            return self._connection_failure(exc)
        if isinstance(exc, ValueError | openai.APIResponseValidationError):
            return _Transient(
                "server",
                f"{where} sent a reply that is not a valid completion",
                attempt_cap=_SELDOM_HEALS_ATTEMPTS,
            )
        if not isinstance(exc, openai.APIStatusError):
            return _Transient("server", f"{where} reported an error")
        status = exc.status_code
        said = f"{exc.param} {exc.message} {exc.body}"
        if asked_format and status in _FORMAT_REFUSAL_STATUSES and _FORMAT_REFUSAL.search(said):
            return _FormatRejected()
        retry_after_s = _retry_after_s(exc.response.headers)
        if status == 429 and exc.code == "insufficient_quota":
            return BackendError(
                f"the account behind the API key has no quota left at {where}", kind="auth"
            )
        if status == 429:
            return _Transient(
                "rate_limited", f"{where} is rate limiting requests (429)", retry_after_s
            )
        if status >= 500 or status in (408, 409):
            return _Transient("server", f"{where} answered with status {status}", retry_after_s)
        if status == 401:
            return BackendError(f"the API key was rejected by {where}", kind="auth")
        if status == 403:
            return BackendError(
                f"the API key may not use model {self.model} at {where}", kind="auth"
            )
        if status == 404:
            if exc.code == "model_not_found" or "model" in exc.message.lower():
                return BackendError(f"model {self.model} not found at {where}", kind="not_found")
            return NoAPIAtURL(where)
        if status in (400, 422) and "stream_options" in f"{exc.param} {exc.message}":
            return _StreamOptionsRejected()
        detail = f"{status}, {exc.code}" if exc.code else str(status)
        return BackendError(f"{where} rejected the request ({detail})", kind="bad_request")

    def _connection_failure(self, exc: openai.APIConnectionError) -> Exception:
        """A refused connection on this machine or the LAN gets one quick retry, a host that
        does not resolve none: neither heals by waiting. Elsewhere (a provider's load
        balancer) a refused connection may be momentary, and is retried as usual."""
        where = self.base_url
        causes = list(_causes(exc))
        if any(isinstance(cause, socket.gaierror) for cause in causes):
            host = urlsplit(where).hostname
            return BackendError(
                f"the host {host} of {where} does not resolve; check the address "
                "(OPENAI_BASE_URL, or base_url in the config file; `reply-assistant doctor` "
                "checks the endpoint)",
                kind="connection",
            )
        refused = any(isinstance(cause, ConnectionRefusedError) for cause in causes)
        if refused and is_local(where):
            return _Transient(
                "connection",
                f"nothing is listening at {where} (connection refused): is the server "
                "running, and on that port? `reply-assistant doctor` checks the endpoint",
                attempt_cap=_SELDOM_HEALS_ATTEMPTS,
            )
        return _Transient("connection", f"could not connect to {where}")

    # ------------------------------------------------------------ requests and cache

    def _request(
        self, messages: list[dict[str, Any]], temperature: float | None, max_tokens: int | None
    ) -> Request:
        request: Request = {"model": self.model, "messages": messages}
        if temperature is not None:
            request["temperature"] = temperature
        if max_tokens is not None:
            request[self._max_tokens_param] = max_tokens
        return request

    def _cache_key(
        self,
        messages: list[dict[str, Any]],
        schema: type[BaseModel],
        temperature: float | None,
        max_tokens: int | None,
        prompt_ref: str | None,
    ) -> str:
        identity = {
            "base_url": self.base_url,
            "model": self.model,
            "prompt": prompt_ref,
            "messages": messages,
            "schema": [schema.__name__, _strict_schema(schema)],
            "temperature": temperature,
            "max_tokens": max_tokens,
            "structured_mode": self.structured_mode,
        }
        encoded = json.dumps(identity, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(encoded.encode()).hexdigest()


# ---------------------------------------------------------------- helpers


def asked_fields(schema: type[BaseModel]) -> str:
    """The fields an answer must have, as a person reads them: "text, language"."""
    return ", ".join(schema.model_fields)


@functools.cache
def _strict_schema(schema: type[BaseModel]) -> dict[str, Any]:
    """The schema in OpenAI's strict form (all fields required, no extra properties), as
    the SDK's public `pydantic_function_tool` builds it for a strict tool's parameters.
    Cached: building it costs a millisecond or two, and callers only read it."""
    return dict(openai.pydantic_function_tool(schema)["function"]["parameters"])


def _shape_for_mode(request: Request, schema: type[BaseModel], mode: str) -> None:
    """Ask for JSON the way `mode` does: response_format, the schema in the prompt, or both."""
    if mode == "json_schema":
        request["response_format"] = {
            "type": "json_schema",
            "json_schema": {
                "name": schema.__name__,
                "schema": _strict_schema(schema),
                "strict": True,
            },
        }
        return
    if mode == "json_object+schema":
        # llama.cpp's servers turn the schema into a grammar; others ignore it.
        request["response_format"] = {"type": "json_object", "schema": _strict_schema(schema)}
    if mode == "json_object":
        request["response_format"] = {"type": "json_object"}
    instruction = _SCHEMA_INSTRUCTION.format(
        schema=json.dumps(_strict_schema(schema), ensure_ascii=False)
    )
    messages = list(request["messages"])
    first = messages[0] if messages else None
    # Merged into the leading system message: some local chat templates reject a second one.
    if (
        first is not None
        and first.get("role") == "system"
        and isinstance(first.get("content"), str)
    ):
        messages[0] = {**first, "content": f"{first['content']}\n\n{instruction}"}
    else:
        messages.insert(0, {"role": "system", "content": instruction})
    request["messages"] = messages


def completion_usage(completion: ChatCompletion | ChatCompletionChunk) -> Usage:
    """The tokens a chat completion (or a stream's usage chunk) reports using; zero when the
    server reports none."""
    if completion.usage is None:
        return Usage()
    details = completion.usage.prompt_tokens_details
    return Usage(
        prompt_tokens=completion.usage.prompt_tokens,
        completion_tokens=completion.usage.completion_tokens,
        cached_prompt_tokens=(details.cached_tokens or 0) if details else 0,
    )


def _json_text(content: str) -> str:
    """The JSON object in a reply: code fences and surrounding prose removed."""
    text = content.strip()
    fenced = re.fullmatch(r"```(?:json)?\s*(.*?)\s*```", text, flags=re.DOTALL)
    if fenced:
        text = fenced.group(1)
    if not text.startswith("{") and "{" in text and "}" in text:
        text = text[text.index("{") : text.rindex("}") + 1]
    return text


def _parse(reply: _Reply, schema: type[T]) -> tuple[T | None, str | None]:
    """The validated reply, or a description of what is wrong (field names and rules only)."""
    if reply.finish_reason == "length":
        return None, "it was cut off by the token limit; answer with shorter JSON"
    try:
        return schema.model_validate_json(_json_text(reply.content)), None
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(part) for part in error['loc']) or 'reply'}: {error['msg']}"
            for error in exc.errors(include_url=False)
        ]
        return None, "; ".join(problems)


def _validated(content: str, schema: type[T]) -> T | None:
    return _parse(_Reply(content, "stop"), schema)[0]


class _AttemptBudget(stop_base):
    """Tenacity's stop condition for one request: `max_attempts` failures, of which those
    the server paced with Retry-After count for nothing (it said when to come back) up to
    `_PACED_ATTEMPTS_FACTOR` times as many attempts; a failure with its own cap stops there."""

    def __init__(self, max_attempts: int) -> None:
        self._max_attempts = max_attempts
        self._unpaced = 0

    def __call__(self, state: RetryCallState) -> bool:
        failure = state.outcome.exception() if state.outcome else None
        if isinstance(failure, _Transient) and failure.attempt_cap is not None:
            return state.attempt_number >= min(failure.attempt_cap, self._max_attempts)
        if not (isinstance(failure, _Transient) and failure.retry_after_s is not None):
            self._unpaced += 1
        return (
            self._unpaced >= self._max_attempts
            or state.attempt_number >= self._max_attempts * _PACED_ATTEMPTS_FACTOR
        )


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exceptions an SDK error was raised from, down to the socket's own error."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _log_retry(state: RetryCallState) -> None:
    failure = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0.0
    # The failure's message names the endpoint only, never the key or the message text.
    log.info("attempt %d failed (%s); retrying in %.1f s", state.attempt_number, failure, wait)


def _retry_after_s(headers: Any) -> float | None:
    """Seconds from `retry-after-ms` or `Retry-After` (seconds or an HTTP date)."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _without_credentials(url: str) -> str:
    """The URL as shown in messages: no user:password part, no trailing slash."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host  # an IPv6 literal keeps its brackets
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return parts._replace(netloc=netloc).geturl().rstrip("/")
