"""The one interface every backend (offline model, OpenAI-compatible LLM) implements."""

from __future__ import annotations

from collections.abc import AsyncIterable
from typing import Protocol, runtime_checkable

from reply_assistant.models import Draft, Incoming, Verdict, VerdictOutput


class BackendError(Exception):
    """A call that failed for good (retries exhausted, auth, bad output).

    `kind` is one of: auth, not_found, rate_limited, timeout, connection, server,
    invalid_output, bad_request. The message is one sentence a user can act on and never
    contains the API key or the message text.
    """

    def __init__(self, message: str, *, kind: str, attempts: int = 1) -> None:
        super().__init__(message)
        self.kind = kind
        self.attempts = attempts


@runtime_checkable
class Backend(Protocol):
    name: str  # "offline" or "openai"
    model: str
    # What this backend's verdicts record as provenance.prompt_version ("classify@v1",
    # "offline@<hash>"): a batch rerun skips messages already judged with the same one.
    prompt_version: str

    def describe(self) -> str:
        """What the screen shows: `offline`, or `model @ endpoint`."""
        ...

    async def classify(self, item: Incoming) -> Verdict:
        """Raises BackendError when the verdict cannot be had."""
        ...

    async def draft(self, item: Incoming, verdict: VerdictOutput) -> Draft:
        """A reply of the kind the verdict calls for. Raises BackendError."""
        ...

    def stream_draft(self, item: Incoming, verdict: VerdictOutput) -> AsyncIterable[str]:
        """The draft's text in chunks as they arrive (one chunk when the backend cannot
        stream). A stream may have a `provenance` attribute, set once it has ended (the LLM
        backend's records usage and cost); `streaming.stream_to_draft` makes the Draft."""
        ...
