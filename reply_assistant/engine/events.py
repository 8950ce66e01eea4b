"""What the engine reports while it works; front ends subscribe and show it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reply_assistant.models import Draft, Provenance, Usage, Verdict


@dataclass(frozen=True, slots=True)
class RunStarted:
    total: int  # messages this run will work on
    already_done: int  # in scope but finished by an earlier run


@dataclass(frozen=True, slots=True)
class WorkStarted:
    """A call for this message is in flight (the row shows it as busy)."""

    message_id: str


@dataclass(frozen=True, slots=True)
class Judged:
    message_id: str
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Drafted:
    message_id: str
    draft: Draft


@dataclass(frozen=True, slots=True)
class Failed:
    message_id: str
    error: str  # "classify failed: ..." or "draft failed: ...", one sentence
    kind: str  # BackendError.kind
    # What the failed call spent, for the totals (Assessment.failed_call); None: nothing.
    spent: Provenance | None = None


@dataclass(frozen=True, slots=True)
class WorkEnded:
    """Nothing is in flight for this message any more (whatever came of it)."""

    message_id: str


@dataclass
class Progress:
    """Running totals of a run, sent after each message (or chunk) is saved."""

    total: int
    judged: int = 0  # verdicts had (or failed to be had)
    done: int = 0  # messages with all their work finished
    failed: int = 0  # messages with a failed call, whether judging or drafting
    verdicts_failed: int = 0  # of `failed`: those whose verdict could not be had
    # Drafts the offline model wrote because the LLM's were no reply (not failures: the
    # message has a draft, but the person should know whose).
    offline_drafts: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float = 0.0  # what the calls with a known price cost
    cost_unknown: bool = False  # some call had no known price: cost_usd is not all of it

    def add(self, made_by: Provenance) -> None:
        """Count what one verdict, draft or failed call cost."""
        spent = made_by.usage
        if spent.prompt_tokens or spent.completion_tokens or spent.cached_prompt_tokens:
            self.usage = self.usage + spent
        if made_by.cost_usd is None:
            self.cost_unknown = True
        else:
            self.cost_usd += made_by.cost_usd


EngineEvent = RunStarted | WorkStarted | Judged | Drafted | Failed | WorkEnded | Progress
Listener = Callable[[EngineEvent], None]
