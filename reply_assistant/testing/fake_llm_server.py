"""A fake OpenAI-compatible chat server on 127.0.0.1, for tests and benchmarks.

It is a real HTTP server (one thread per connection) so the real `openai` client talks to it
exactly as it would to a provider or a local server: retries, timeouts, streaming and error
bodies all go over the wire. Answers are deterministic: a pluggable `responder` produces the
assistant content; the default one applies a few keyword rules to the last user message.

Faults are scripted per chat request (`server.script([...])`; "429", "500", "502" and "503"
take an argument: `503:retry-after=1`, `429:retry-after-ms=250`, `429:insufficient_quota`)
or set as switches (`latency`, `stream_delay_s`, `max_concurrency`, `reject_response_format`
and `format_rejection_status`, `reject_stream_options`, `require_key`, `chaos_rate`); every
switch can be changed while the server runs. `hold_answers()` keeps requests in flight until
`release_answers()`.
A stream asked for `stream_options.include_usage` ends with a usage chunk, as OpenAI's do.

Standalone: `python -m reply_assistant.testing.fake_llm_server --port 8000 --latency 0.2`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import re
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple

Responder = Callable[[dict[str, Any]], str]
JSON = dict[str, Any]

DEFAULT_MODELS = ("fake-model", "gpt-4.1-mini", "gpt-4o-mini")
CHAT_PATH = "/v1/chat/completions"
# Longer than any sensible client timeout, short enough that a forgotten hang ends by itself.
DEFAULT_HANG_S = 30.0
FAULTS = frozenset(
    [
        "ok",
        "429",
        "500",
        "502",
        "503",
        "hang",
        "malformed",
        "invalid",
        "truncated",
        "empty_choices",
        "no_response_format",
    ]
)

_SPAM_WORDS = ("demo", "offer", "webinar", "%firstname%", "crypto", "guaranteed")
_WARM_WORDS = ("congrat", "thank", "coffee", "catch up", "great to meet")


class RequestContext(NamedTuple):
    """What a route needs beyond the JSON body: path parameters and the raw body."""

    params: dict[str, str]  # "{name}" parts of a templated route path
    raw_body: bytes
    content_type: str


class LoggedRequest(NamedTuple):
    """One request as received; the Authorization header's value is replaced."""

    path: str
    body: Any  # parsed JSON, or None for an empty or unparsable body
    headers: dict[str, str]


# ---------------------------------------------------------------- default answers


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content parts: [{"type": "text", "text": ...}, ...]
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def _last_user_text(request: JSON) -> str:
    for message in reversed(request.get("messages") or []):
        if message.get("role") == "user":
            return _text_of(message.get("content"))
    return ""


_MESSAGE_FENCE = re.compile(r"<message>(.*?)</message>", re.DOTALL)
_FIRST_NAME = re.compile(r"^first name: (.+)$", re.MULTILINE)


def _user_texts(request: JSON) -> list[str]:
    return [
        _text_of(m.get("content")) for m in request.get("messages") or [] if m.get("role") == "user"
    ]


def _judged_text(request: JSON) -> str:
    """The message being judged: the fenced one, even when a follow-up (a repair or redraft
    request) is the last user message; else the last user message."""
    for text in _user_texts(request):
        fenced = _MESSAGE_FENCE.search(text)
        if fenced:
            return fenced.group(1)
    return _last_user_text(request)


def _greeting(request: JSON) -> str:
    """ "Hi <first name>," and a blank line when the request names the sender's first name."""
    for text in _user_texts(request):
        named = _FIRST_NAME.search(text)
        if named and named.group(1).strip() != "unknown":
            return f"Hi {named.group(1).strip()},\n\n"
    return ""


def requested_kind(request: JSON) -> str:
    """ "verdict", "draft", "judge" or "text": what the request asks the model to produce."""
    response_format = request.get("response_format") or {}
    schema = (response_format.get("json_schema") or {}).get("schema") or {}
    properties = schema.get("properties") or {}
    if "score" in properties and "problems" in properties:
        return "judge"
    if "label" in properties:
        return "verdict"
    if "text" in properties and "language" in properties:
        return "draft"
    # json_object and prompt-only requests carry the schema in a system message instead.
    system = " ".join(
        _text_of(m.get("content"))
        for m in request.get("messages") or []
        if m.get("role") in ("system", "developer")
    )
    if '"score"' in system and '"problems"' in system:
        return "judge"
    if '"label"' in system:
        return "verdict"
    if '"language"' in system and '"text"' in system:
        return "draft"
    return "text"


def _keyword_label(text: str) -> str:
    lowered = text.lower()
    if any(word in lowered for word in _SPAM_WORDS):
        return "spam"
    if any(word in lowered for word in _WARM_WORDS):
        return "relationship"
    return "unclear"


_VERDICTS = {
    "spam": ("decline", "Reads like a sales pitch.", ["pitch"]),
    "relationship": ("reply", "A personal note from someone the user knows.", ["warm"]),
    "unclear": ("ask", "The purpose of the message is not clear.", []),
}
# The default answers' reply text per label, structured or streamed.
DEFAULT_DRAFTS = {
    "spam": "Thanks for thinking of me, but I'm not interested.",
    "relationship": "Thank you, great to hear from you! Let's catch up soon.",
    "unclear": "Thanks for reaching out. What did you have in mind?",
}


_DRAFT_FENCE = re.compile(r"<draft>(.*?)</draft>", re.DOTALL)


def _judgement(request: JSON) -> JSON:
    """Score 2 for an empty draft or one with a placeholder-like "[", else 4."""
    # The first fenced draft: a repair request's last user message is the repair instruction.
    user_text = " ".join(
        _text_of(m.get("content")) for m in request.get("messages") or [] if m.get("role") == "user"
    )
    fenced = _DRAFT_FENCE.search(user_text)
    draft = fenced.group(1).strip() if fenced else ""
    if not draft:
        return {"score": 2, "problems": ["the draft is empty"]}
    if "[" in draft:
        return {"score": 2, "problems": ["placeholder left in the draft"]}
    return {"score": 4, "problems": []}


def default_responder(request: JSON) -> str:
    """A verdict JSON, a draft JSON, a judge JSON or a plain-text draft, by keyword rules."""
    kind = requested_kind(request)
    if kind == "judge":
        return json.dumps(_judgement(request))
    label = _keyword_label(_judged_text(request))
    if kind == "verdict":
        action, reason, signals = _VERDICTS[label]
        verdict = {
            "label": label,
            "confidence": 0.8,
            "reason": reason,
            "signals": signals,
            "action": action,
        }
        return json.dumps(verdict)
    # A draft greets the sender by name, as the draft checks expect.
    if kind == "draft":
        return json.dumps({"text": _greeting(request) + DEFAULT_DRAFTS[label], "language": "en"})
    return _greeting(request) + DEFAULT_DRAFTS[label]


def _invalid_content(request: JSON) -> str:
    """Well-formed JSON that no schema of ours accepts."""
    if requested_kind(request) == "verdict":
        return json.dumps({"label": "maybe", "confidence": 7})
    return json.dumps({"unexpected": True})


# ---------------------------------------------------------------- replies


@dataclass
class Reply:
    status: int = 200
    # bytes are sent with a Content-Length; an iterable is streamed and the connection closed.
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"
    drop: bool = False  # close the connection without answering


def json_reply(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status=status, body=json.dumps(payload).encode(), headers=headers or {})


def error_reply(
    status: int,
    message: str,
    *,
    error_type: str = "invalid_request_error",
    code: str | None = None,
    param: str | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    """OpenAI's error body shape."""
    error = {"message": message, "type": error_type, "param": param, "code": code}
    return json_reply({"error": error}, status, headers)


def _tokens(text: str) -> int:
    return math.ceil(len(text) / 4)


def _sse(payload: Any) -> bytes:
    return f"data: {json.dumps(payload)}\n\n".encode()


# ---------------------------------------------------------------- routes

Route = Callable[["FakeLLMServer", Any], Reply]


def _models_route(server: FakeLLMServer, _body: Any) -> Reply:
    data = [
        {"id": model, "object": "model", "created": 0, "owned_by": "fake"}
        for model in server.models
    ]
    return json_reply({"object": "list", "data": data})


def _chat_route(server: FakeLLMServer, body: Any) -> Reply:
    if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
        return error_reply(400, "The request body must be JSON with a 'messages' list.")
    model = body.get("model")
    if model not in server.models:
        return error_reply(
            404,
            f"The model `{model}` does not exist or you do not have access to it.",
            code="model_not_found",
        )
    fault, _, argument = server.next_fault().partition(":")
    if server.reject_stream_options and "stream_options" in body:
        return error_reply(
            400, "Unrecognized request argument supplied: stream_options", param="stream_options"
        )
    rejected = server.reject_response_format
    if "response_format" in body and (
        fault == "no_response_format" or (body["response_format"] or {}).get("type") in rejected
    ):
        return _format_rejection(server.format_rejection_status)
    wait_s = server.rate_limit_wait_s()
    if wait_s is not None:
        fault, argument = "429", f"retry-after={wait_s:.2f}"
    headers = _retry_headers(argument)
    if fault == "429":
        code = argument if argument == "insufficient_quota" else "rate_limit_exceeded"
        return error_reply(
            429,
            "Rate limit reached for requests.",
            error_type="requests",
            code=code,
            headers=headers,
        )
    if fault in ("500", "502", "503"):
        return error_reply(
            int(fault),
            "The server had an error processing your request.",
            error_type="server_error",
            headers=headers,
        )
    if fault == "hang":
        server.stopping.wait(server.hang_s)
        return Reply(drop=True)
    if fault == "malformed":
        return Reply(body=b"<html><body>502 Bad Gateway</body></html>", content_type="text/html")

    content = _invalid_content(body) if fault == "invalid" else server.responder(body)
    usage = server.usage_for(body, content)
    completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    if body.get("stream"):
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        chunks = _stream_chunks(
            completion_id,
            model,
            content,
            usage if include_usage else None,
            truncated=fault == "truncated",
            pause=lambda: server.stopping.wait(server.stream_delay_s),
        )
        return Reply(
            body=chunks, content_type="text/event-stream", headers={"Cache-Control": "no-cache"}
        )
    finish_reason = "stop"
    if fault == "truncated":
        content, finish_reason = content[: len(content) // 2], "length"
    choices = [
        {
            "index": 0,
            "message": {"role": "assistant", "content": content, "refusal": None},
            "finish_reason": finish_reason,
            "logprobs": None,
        }
    ]
    completion = {
        "id": completion_id,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [] if fault == "empty_choices" else choices,
        "usage": usage,
    }
    return json_reply(completion)


def _format_rejection(status: int) -> Reply:
    """A refused response_format: OpenAI-style 400 naming the parameter, or llama-cpp-python's
    500 (its request model only allows 'text' and 'json_object')."""
    if status == 500:
        return error_reply(
            500,
            "1 validation error for CreateChatCompletionRequest\nresponse_format.type\n"
            "  Input should be 'text' or 'json_object'",
            error_type="internal_server_error",
        )
    return error_reply(
        status, "response_format is not supported by this server.", param="response_format"
    )


def _retry_headers(argument: str) -> dict[str, str]:
    """`retry-after=S` or `retry-after-ms=MS` as the header that asks for that wait."""
    name, _, value = argument.partition("=")
    if name == "retry-after":
        return {"Retry-After": value}
    if name == "retry-after-ms":
        return {"retry-after-ms": value}
    return {}


def _stream_chunks(
    completion_id: str,
    model: str,
    content: str,
    usage: JSON | None,
    *,
    truncated: bool,
    pause: Callable[[], object],
) -> Iterator[bytes]:
    """Server-sent events: a role chunk, one chunk per word (`pause` before each), the
    finish_reason, then the usage chunk when asked for and [DONE]."""

    def chunk(delta: JSON, finish_reason: str | None) -> JSON:
        choice = {"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}
        return {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "choices": [choice],
        }

    pieces = re.findall(r"\S+\s*|\s+", content)
    if truncated:
        pieces = pieces[: len(pieces) // 2]
    yield _sse(chunk({"role": "assistant", "content": ""}, None))
    for piece in pieces:
        pause()
        yield _sse(chunk({"content": piece}, None))
    if truncated:
        return  # the connection closes with neither finish_reason nor [DONE]
    yield _sse(chunk({}, "stop"))
    if usage is not None:
        last = chunk({}, None)
        last["choices"], last["usage"] = [], usage
        yield _sse(last)
    yield b"data: [DONE]\n\n"


# Extend with e.g. ("POST", "/v1/files"): a route takes the server and the parsed JSON body.
# A path may name parts, "/v1/files/{file_id}/content"; see `FakeLLMServer.request_context`.
DEFAULT_ROUTES: dict[tuple[str, str], Route] = {
    ("GET", "/v1/models"): _models_route,
    ("POST", CHAT_PATH): _chat_route,
}


# ---------------------------------------------------------------- the server


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a benchmark opens dozens of connections at once
    fake: FakeLLMServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as with real providers
    # Headers and body go out in separate writes; with Nagle's algorithm on, a keep-alive
    # connection would stall ~40 ms per reply waiting for a delayed ACK.
    disable_nagle_algorithm = True
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        self.server.fake.track_connection(self.connection, open_=True)

    def finish(self) -> None:
        with suppress(OSError):
            super().finish()
        self.server.fake.track_connection(self.connection, open_=False)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: request lines are noise in test output."""

    def _handle(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        fake = self.server.fake
        try:
            fake.serve(method, self.path, raw, self.headers, self._send)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (e.g. its timeout fired)

    def _send(self, reply: Reply) -> None:
        if reply.drop:
            self.close_connection = True
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if isinstance(reply.body, bytes):
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
            return
        # A stream has no length: it ends when the connection closes.
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        for piece in reply.body:
            self.wfile.write(piece)
            self.wfile.flush()


class FakeLLMServer:
    """`with FakeLLMServer() as server: server.base_url` -> "http://127.0.0.1:PORT/v1"."""

    def __init__(
        self,
        *,
        port: int = 0,
        models: Sequence[str] = DEFAULT_MODELS,
        responder: Responder = default_responder,
        require_key: str | None = None,
        latency: float = 0.0,
        stream_delay_s: float = 0.0,
        max_concurrency: int | None = None,
        reject_response_format: Collection[str] = (),
        reject_stream_options: bool = False,
        hang_s: float = DEFAULT_HANG_S,
        faults: Sequence[str] = (),
        format_rejection_status: int = 400,
        chaos_rate: float = 0.0,
        chaos_retry_after_s: float = 1.0,
        chaos_seed: int = 0,
        requests_per_minute: int | None = None,
    ) -> None:
        self.models = list(models)
        self.responder = responder
        self.require_key = require_key
        self.latency = latency
        self.stream_delay_s = stream_delay_s  # before each streamed word, so text trickles in
        self.max_concurrency = max_concurrency
        # response_format types answered with 400, e.g. {"json_schema"} or
        # {"json_schema", "json_object"}, like local servers without structured output.
        self.reject_response_format = frozenset(reject_response_format)
        # 400 as OpenAI-style servers answer, or 500 as llama-cpp-python does.
        self.format_rejection_status = format_rejection_status
        # The share of unscripted chat requests answered 429, 500 or 503 at random (seeded),
        # each with Retry-After: chaos_retry_after_s, like a chaos proxy in front of a server.
        self.chaos_rate = chaos_rate
        self.chaos_retry_after_s = chaos_retry_after_s
        self.chaos = random.Random(chaos_seed)
        # 429 with Retry-After beyond this many chat requests in any 60 s, when set.
        self.requests_per_minute = requests_per_minute
        self._recent: deque[float] = deque()
        # 400 for any request with stream_options, like servers that predate it.
        self.reject_stream_options = reject_stream_options
        self.hang_s = hang_s
        # Deferred: the Batch API module builds on this one.
        from reply_assistant.testing.fake_batch_api import ROUTES as BATCH_ROUTES
        from reply_assistant.testing.fake_batch_api import FakeBatchAPI

        self.routes: dict[tuple[str, str], Route] = {**DEFAULT_ROUTES, **BATCH_ROUTES}
        self.batch = FakeBatchAPI()  # files and batches; its switches are documented there
        self._local = threading.local()
        self.stopping = threading.Event()
        # Cleared by hold_answers(): admitted requests wait until release_answers().
        self.answering = threading.Event()
        self.answering.set()
        self.peak_in_flight = 0
        self._port = port
        self._lock = threading.Lock()
        self._admission = threading.Condition()
        self._in_flight = 0
        self._faults: deque[str] = deque()
        self._requests: list[LoggedRequest] = []
        self._seen_system_prompts: set[str] = set()
        self._connections: set[socket.socket] = set()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.script(faults)

    # ------------------------------------------------------------ lifecycle

    def start(self) -> FakeLLMServer:
        httpd = _HTTPServer(("127.0.0.1", self._port), _Handler)
        httpd.fake = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self.stopping.set()  # ends hangs and latency sleeps
        self._httpd.shutdown()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:  # idle keep-alive connections would outlive us
            with suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None

    def __enter__(self) -> FakeLLMServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the fake server is not running")
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # ------------------------------------------------------------ switches and logs

    def script(self, faults: Iterable[str]) -> None:
        """Queue faults for the next chat requests, one each, e.g. "429:retry-after=2"."""
        faults = list(faults)
        for fault in faults:
            if fault.partition(":")[0] not in FAULTS:
                raise ValueError(f"unknown fault {fault!r}; known: {sorted(FAULTS)}")
        with self._lock:
            self._faults.extend(faults)

    def next_fault(self) -> str:
        with self._lock:
            if self._faults:
                return self._faults.popleft()
            if self.chaos_rate and self.chaos.random() < self.chaos_rate:
                status = self.chaos.choice(("429", "500", "503"))
                return f"{status}:retry-after={self.chaos_retry_after_s:g}"
            return "ok"

    def rate_limit_wait_s(self) -> float | None:
        """None when a chat request may go through under `requests_per_minute` (a sliding
        window), else the seconds until the window has room again."""
        if not self.requests_per_minute:
            return None
        now = time.monotonic()
        with self._lock:
            while self._recent and now - self._recent[0] >= 60:
                self._recent.popleft()
            if len(self._recent) >= self.requests_per_minute:
                return 60 - (now - self._recent[0])
            self._recent.append(now)
            return None

    @property
    def pending_faults(self) -> list[str]:
        with self._lock:
            return list(self._faults)

    @property
    def requests(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def request_count(self) -> int:
        with self._lock:
            return len(self._requests)

    def chat_requests(self) -> list[LoggedRequest]:
        return [request for request in self.requests if request.path == CHAT_PATH]

    @property
    def request_context(self) -> RequestContext:
        """The request the calling route is serving (routes run on the handler's thread)."""
        return self._local.context

    @property
    def in_flight(self) -> int:
        with self._admission:
            return self._in_flight

    def hold_answers(self) -> None:
        """Keep every admitted request waiting, so a test can act while they are in flight
        however slow the machine is (a latency is only a moment)."""
        self.answering.clear()

    def release_answers(self) -> None:
        self.answering.set()

    async def until_answering(self, timeout: float = 10.0) -> None:
        """Return once a request is being answered, for tests that act mid-request.

        Polls, so as not to block the event loop the client itself runs on.
        """
        deadline = time.monotonic() + timeout
        while self.in_flight == 0:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no request reached the fake server within {timeout} s")
            await asyncio.sleep(0.01)

    def usage_for(self, request: JSON, content: str) -> JSON:
        """Tokens estimated at 4 characters each; a system prompt seen before counts as cached."""
        messages = request.get("messages") or []
        prompt_text = "".join(_text_of(m.get("content")) for m in messages)
        system_text = "".join(
            _text_of(m.get("content")) for m in messages if m.get("role") in ("system", "developer")
        )
        with self._lock:
            seen = system_text in self._seen_system_prompts
            self._seen_system_prompts.add(system_text)
        prompt_tokens = _tokens(prompt_text)
        completion_tokens = _tokens(content)
        cached = min(len(system_text) // 4, prompt_tokens) if seen else 0
        return {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": cached},
        }

    # ------------------------------------------------------------ request handling

    def track_connection(self, connection: socket.socket, *, open_: bool) -> None:
        with self._lock:
            if open_:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def serve(
        self,
        method: str,
        raw_path: str,
        raw_body: bytes,
        headers: Any,
        send: Callable[[Reply], None],
    ) -> None:
        path = raw_path.split("?", 1)[0]
        try:
            body = json.loads(raw_body) if raw_body else None
        except ValueError:
            body = None
        logged_headers = {
            name: ("<redacted>" if name.lower() == "authorization" else value)
            for name, value in headers.items()
        }
        with self._lock:
            self._requests.append(LoggedRequest(path, body, logged_headers))

        required = self.require_key
        if required is not None and headers.get("Authorization") != f"Bearer {required}":
            send(error_reply(401, "Incorrect API key provided.", code="invalid_api_key"))
            return
        route, params = self._route_for(method, path)
        if route is None:
            send(error_reply(404, f"Unknown request URL: {method} {path}.", code="unknown_url"))
            return
        self._local.context = RequestContext(params, raw_body, headers.get("Content-Type") or "")
        if not self._admit():
            send(Reply(drop=True))
            return
        try:
            if self.latency > 0:
                self.stopping.wait(self.latency)
            while not (self.answering.wait(0.05) or self.stopping.is_set()):
                pass
            send(route(self, body))  # a streamed body is sent while still admitted
        finally:
            self._release()

    def _route_for(self, method: str, path: str) -> tuple[Route | None, dict[str, str]]:
        route = self.routes.get((method, path))
        if route is not None:
            return route, {}
        for (route_method, template), candidate in self.routes.items():
            if route_method == method and "{" in template:
                pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
                matched = re.fullmatch(pattern, path)
                if matched:
                    return candidate, matched.groupdict()
        return None, {}

    def _admit(self) -> bool:
        with self._admission:
            while self.max_concurrency and self._in_flight >= self.max_concurrency:
                if self.stopping.is_set():
                    return False
                self._admission.wait(0.05)
            self._in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self._in_flight)
            return True

    def _release(self) -> None:
        with self._admission:
            self._in_flight -= 1
            self._admission.notify_all()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve a fake OpenAI-compatible chat API.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per request")
    parser.add_argument(
        "--stream-delay", type=float, default=0.0, help="seconds before each streamed word"
    )
    parser.add_argument("--max-concurrency", type=int, default=None)
    parser.add_argument("--model", action="append", help="a served model (repeatable)")
    parser.add_argument("--require-key", default=None, help="answer 401 to other bearer tokens")
    parser.add_argument(
        "--chaos-rate", type=float, default=0.0, help="share of requests answered 429/500/503"
    )
    parser.add_argument("--requests-per-minute", type=int, default=None, help="a rate limit")
    args = parser.parse_args(argv)
    server = FakeLLMServer(
        port=args.port,
        latency=args.latency,
        stream_delay_s=args.stream_delay,
        max_concurrency=args.max_concurrency,
        models=args.model or DEFAULT_MODELS,
        require_key=args.require_key,
        chaos_rate=args.chaos_rate,
        requests_per_minute=args.requests_per_minute,
    )
    with server:
        print(
            f"fake LLM server at {server.base_url} (models: {', '.join(server.models)})", flush=True
        )
        with suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
