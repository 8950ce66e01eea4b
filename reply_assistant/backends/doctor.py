"""Probing an OpenAI-compatible endpoint step by step, to say what works and what to change."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import openai
from langchain_core.messages import HumanMessage, SystemMessage

from reply_assistant.backends.base import BackendError
from reply_assistant.backends.llm import LLMBackend
from reply_assistant.backends.openai_client import NoAPIAtURL
from reply_assistant.backends.prompt_wording import CopiedPrompt
from reply_assistant.engine import incoming_from_text

# A message any model should manage to classify; what it decides does not matter here.
PROBE_MESSAGE = (
    "Hi, we help platform teams cut cloud costs by 40%. "
    "Do you have 15 minutes this week for a quick demo?"
)
_STREAM_PROBE = [SystemMessage("Answer in one word."), HumanMessage("Say hello.")]
_STREAM_MAX_TOKENS = 8
_CHAT_ROUTE = "/chat/completions"
# The failures that say something about the structured output; others stop before it.
_OUTPUT_FAILURES = frozenset({"invalid_output", "bad_request"})


@dataclass
class Check:
    name: str
    ok: bool | None  # None: could not tell (the server does not offer it), not a failure
    detail: str


@dataclass
class Diagnosis:
    endpoint: str
    model: str
    checks: list[Check] = field(default_factory=list)
    fix: str = ""  # what to change, when the LLM path is not usable

    @property
    def usable(self) -> bool:
        return not self.fix


async def diagnose(backend: LLMBackend, base_url_source: str | None) -> Diagnosis:
    """Reachable, auth, models listed, the structured-output mode that works, one real
    classification, streaming; stops at the first step that makes the rest pointless.
    `base_url_source`: where the endpoint was set (`OPENAI_BASE_URL`, `base_url in
    <config file>`), None for OpenAI's own; the fix names it when it cannot be reached."""
    client = backend.client
    found = Diagnosis(endpoint=client.base_url, model=client.model)
    if not await _check_models(backend, found, base_url_source):
        return found
    await _check_classification(backend, found)
    if found.usable:
        await _check_streaming(backend, found)
    return found


async def _check_models(backend: LLMBackend, found: Diagnosis, base_url_source: str | None) -> bool:
    client = backend.client
    listed: list[str] | None = None  # None: the answer held no model list
    try:
        raw = await client.sdk.models.with_raw_response.list()
        content_type = raw.headers.get("content-type", "")
        if "json" in content_type:
            listed = _model_ids(raw.http_response.content)
    except openai.APIConnectionError:
        found.checks.append(Check("reachable", False, f"no answer from {client.base_url}"))
        if base_url_source is None:
            found.fix = f"check this machine's connection to {client.base_url}"
        else:
            found.fix = (
                f"start the server or correct {base_url_source} ({client.base_url}); "
                "a local server must listen on that host and port"
            )
        return False
    except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
        found.checks.append(Check("reachable", True, client.base_url))
        found.checks.append(Check("auth", False, f"rejected ({exc.status_code})"))
        found.fix = "set OPENAI_API_KEY to a key this endpoint accepts"
        return False
    except openai.APIStatusError as exc:
        # Some servers have no /models route; the chat route may still work.
        found.checks.append(Check("reachable", True, client.base_url))
        found.checks.append(Check("auth", None, "not checked"))
        found.checks.append(
            Check("models", None, f"/models answered {exc.status_code}{_v1_hint(client.base_url)}")
        )
        return True
    found.checks.append(Check("reachable", True, client.base_url))
    if "json" not in content_type:
        # A web page (a proxy's, a UI's) where the API should be: nothing further can work.
        shown = content_type.split(";")[0].strip() or "no content type"
        found.checks.append(Check("models", False, f"/models answered {shown}, not an OpenAI API"))
        found.fix = (
            f"point the base URL at the server's OpenAI-compatible API (now {client.base_url})"
            f"{_v1_hint(client.base_url)}"
        )
        return False
    found.checks.append(Check("auth", True, "accepted"))
    if listed is None:
        found.checks.append(Check("models", None, "/models answered without a model list"))
        return True
    shown = ", ".join(listed[:5]) + (f" (+{len(listed) - 5})" if len(listed) > 5 else "")
    listed_ok = client.model in listed
    found.checks.append(
        Check(
            "models",
            listed_ok,
            f"{client.model} is listed" if listed_ok else f"{client.model} not among: {shown}",
        )
    )
    # llama.cpp's server answers under any model name, so a missing one is only a warning.
    return True


async def _check_classification(backend: LLMBackend, found: Diagnosis) -> None:
    started = time.perf_counter()
    try:
        verdict = await backend.classify(incoming_from_text(PROBE_MESSAGE, "Sam Lee"))
    except BackendError as exc:
        # A copied answer parsed: the structured output works, the model does not.
        copied = isinstance(exc, CopiedPrompt)
        if exc.kind in _OUTPUT_FAILURES:
            found.checks.append(Check("structured output", copied, backend.client.mode_in_use))
        else:
            found.checks.append(Check("structured output", None, "not reached"))
        found.checks.append(Check("classification", False, str(exc)))
        found.fix = _fix_for(exc, backend)
        return
    latency_ms = (time.perf_counter() - started) * 1000
    usage = verdict.provenance.usage
    found.checks.append(Check("structured output", True, backend.client.mode_in_use))
    found.checks.append(
        Check(
            "classification",
            True,
            f"{verdict.label.value} in {latency_ms:.0f} ms, "
            f"{usage.prompt_tokens}+{usage.completion_tokens} tokens",
        )
    )


async def _check_streaming(backend: LLMBackend, found: Diagnosis) -> None:
    try:
        stream = backend.client.stream_text(_STREAM_PROBE, max_tokens=_STREAM_MAX_TOKENS)
        text = "".join([piece async for piece in stream])
    except BackendError as exc:
        # Redrafts are then written without streaming: worth knowing, not a failure.
        found.checks.append(Check("streaming", False, f"{exc} (redrafts come whole instead)"))
        return
    found.checks.append(Check("streaming", True, f"{len(text)} characters streamed"))


def _fix_for(error: BackendError, backend: LLMBackend) -> str:
    if error.kind == "auth":
        return "set OPENAI_API_KEY to a key this endpoint accepts"
    if isinstance(error, NoAPIAtURL) or error.kind == "not_an_api":
        url = backend.client.base_url
        return (
            f"point the base URL at the server's OpenAI-compatible API (now {url}){_v1_hint(url)}"
        )
    if error.kind == "not_found":
        return (
            f"choose a model the endpoint serves: --model NAME or REPLY_ASSISTANT_MODEL "
            f"(now {backend.client.model})"
        )
    if isinstance(error, CopiedPrompt):
        return (
            f"{backend.client.model} fills the answer with the prompt's own wording: "
            "choose a larger model (--model NAME or REPLY_ASSISTANT_MODEL)"
        )
    if error.kind == "invalid_output":
        return "the model's answers do not parse; try a larger model or --prompt classify=v3"
    if error.kind in ("connection", "timeout"):
        return "check that the server is running and answers within timeout_s"
    return "see the classification line above"


def _v1_hint(base_url: str) -> str:
    """Most local servers (llama.cpp, Ollama, vLLM, LM Studio) serve the API under /v1; a
    pasted chat completions URL is the API's base plus the route the client adds itself."""
    pasted = base_url.rstrip("/")
    base = pasted.removesuffix(_CHAT_ROUTE)
    if base.endswith("/v1"):
        return f"; use {base}" if base != pasted else ""
    return f"; most servers serve it under /v1: {base}/v1"


def _model_ids(body: bytes) -> list[str] | None:
    """The ids in an OpenAI model list (`{"data": [{"id": ...}]}`), None for any other body."""
    try:
        answer: Any = json.loads(body)
    except ValueError:
        return None
    models = answer.get("data") if isinstance(answer, dict) else None
    if not isinstance(models, list):
        return None
    return [str(model["id"]) for model in models if isinstance(model, dict) and "id" in model]
