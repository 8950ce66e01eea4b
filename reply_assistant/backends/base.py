"""The one interface every backend (offline model, OpenAI-compatible LLM) implements.

A backend declares what it can do in `capabilities`, and front ends read the declaration
instead of asking which backend it is (as Harlequin's adapters do). Every method a front
end or the engine calls is here, with a default where one makes sense, so a third backend
is one new file that subclasses `Backend`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterable, Sequence
from dataclasses import dataclass

from reply_assistant.models import Draft, Incoming, Usage, Verdict, VerdictOutput


class BackendError(Exception):
    """A call that failed for good (retries exhausted, auth, bad output).

    `kind` is one of: auth, not_found, rate_limited, timeout, connection, server,
    invalid_output, bad_request. The message is one sentence a user can act on and never
    contains the API key or the message text. `usage` and `cost_usd` are what the failed
    call spent before it gave up (a reply that never validated was still paid for); zero
    usage and None when it spent nothing, or when the price is unknown.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        attempts: int = 1,
        usage: Usage | None = None,
        cost_usd: float | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.attempts = attempts
        self.usage = usage or Usage()
        self.cost_usd = cost_usd


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What a backend can do, read by the engine and the screens."""

    # `classify_many` judges a list in one pass with nothing to wait on (a local model):
    # the engine hands it chunks, in a worker thread, instead of one call per message.
    judges_in_bulk: bool = False
    # Runs on this machine: nothing is sent anywhere, no call is priced, a run cannot be
    # estimated in tokens, and there is no network to fall back from.
    local: bool = False
    # `draft` writes a fresh wording each time, so `r` (redraft) can offer another one.
    varied_drafts: bool = False
    # Judges and drafts with the versioned prompts (`prompts/`), which screens then name.
    uses_prompts: bool = False
    # Its calls have a known price (a model on the price list), so screens mention cost.
    priced: bool = False
    # Reads the person's corrections at every verdict (the offline model's memory), so a
    # correction can move other stored verdicts; cheap to judge again in bulk.
    learns_from_corrections: bool = False
    # How it may ask for structured output, in the order it tries them ("json_schema"
    # first, falling back); empty for a backend that asks nothing of a server.
    structured_modes: tuple[str, ...] = ()


class Backend(ABC):
    name: str  # "offline" or "openai": what provenance records as the backend
    model: str
    # What verdicts record as provenance.prompt_version ("classify@v1", "offline@<hash>"):
    # a rerun skips messages already judged with the same one.
    prompt_version: str
    capabilities: Capabilities = Capabilities()

    @abstractmethod
    def describe(self) -> str:
        """What the screen shows: `offline`, or `model @ endpoint`."""

    @abstractmethod
    async def classify(self, item: Incoming) -> Verdict:
        """Raises BackendError when the verdict cannot be had."""

    @abstractmethod
    async def draft(self, item: Incoming, verdict: VerdictOutput) -> Draft:
        """A reply of the kind the verdict calls for. Raises BackendError."""

    def classify_many(self, items: Sequence[Incoming]) -> list[Verdict]:
        """All of `items` in one pass, for a backend that `judges_in_bulk`. Raises
        BackendError."""
        raise NotImplementedError(f"{type(self).__name__} does not judge in bulk")

    def stream_draft(self, item: Incoming, verdict: VerdictOutput) -> AsyncIterable[str]:
        """The draft's text in chunks as they arrive; by default the whole draft as one
        chunk. A stream may have a `provenance` attribute, set once it has ended (the LLM
        backend's records usage and cost); `streaming.stream_to_draft` makes the Draft."""
        return _whole_draft(self, item, verdict)

    async def ready(self) -> Backend:
        """The backend, loaded (see `deferred.DeferredBackend`). Raises BackendError or
        ConfigError when it cannot be."""
        return self

    async def aclose(self) -> None:
        """Release connections (the LLM client's HTTP pool belongs to its event loop);
        most backends hold none."""
        return None

    def estimate_usage(self, item: Incoming, with_draft: bool = True) -> Usage:
        """The tokens judging (and drafting) `item` would use, sending nothing."""
        return Usage()


async def _whole_draft(
    backend: Backend, item: Incoming, verdict: VerdictOutput
) -> AsyncIterable[str]:
    yield (await backend.draft(item, verdict)).text
