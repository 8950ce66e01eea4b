"""Turning streamed text and the person's edits into `Draft` records for the history."""

from __future__ import annotations

import time

from reply_assistant.backends.base import Backend
from reply_assistant.models import Draft, Provenance

USER_BACKEND = "user"


def edit_as_draft(text: str, language: str) -> Draft:
    """The person's edited text, kept in the history before a regenerate replaces it."""
    return Draft(
        text=text,
        language=language,
        provenance=Provenance(backend=USER_BACKEND, model="", prompt_version="edit"),
    )


def streamed_draft(backend: Backend, text: str, language: str, started: float) -> Draft:
    """A draft assembled from streamed chunks.

    Streaming returns text only (no token usage), so the record carries the backend, model
    and the draft prompt the backend is configured with, and the measured latency.
    """
    # An LLM backend names its draft prompt; the offline model has one version for all.
    prompt_version = _draft_prompt_ref(backend) or getattr(backend, "prompt_version", "")
    return Draft(
        text=text.strip(),
        language=language,
        provenance=Provenance(
            backend=backend.name,
            model=backend.model,
            prompt_version=f"{prompt_version} (streamed)" if prompt_version else "streamed",
            latency_ms=round((time.perf_counter() - started) * 1000, 1),
        ),
    )


def _draft_prompt_ref(backend: Backend) -> str:
    prompts = getattr(backend, "prompts", None)
    draft_prompt = getattr(prompts, "draft", None)
    return getattr(draft_prompt, "ref", "")
