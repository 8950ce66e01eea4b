"""Whether an LLM endpoint is down, told from one run's engine events.

The endpoint counts as down when a call fails in a way no retry heals (nothing listening,
no such host, a rejected key, an unknown model) or when several calls fail and none
succeeds. A run watching it (as the engine's `stop_when`) then stops taking new work: the
UI has the offline model judge meanwhile (tui/llm_fallback.py), batch mode leaves the rest
for a rerun. An answer that does not parse is the model's failure, not the endpoint's: it
never counts.
"""

from __future__ import annotations

from reply_assistant.engine.events import Drafted, EngineEvent, Failed, Judged

# Failure kinds that the next call would meet too.
_UNHEALABLE = frozenset({"connection", "auth", "not_found"})
_NOT_THE_ENDPOINT = frozenset({"invalid_output"})
# Failed calls, with none succeeding, before the endpoint counts as down: more than one
# unlucky message, fewer than a screenful of rows each waiting out its retries.
FAILURES_BEFORE_DOWN = 3


class LLMHealth:
    """Whether the LLM endpoint is down, from the events of the run it watches."""

    def __init__(self) -> None:
        self.failed = 0
        self.succeeded = 0
        self.unhealable = False
        self.last_failure = ""  # the latest failure that counted, as its event said it

    def watch(self, event: EngineEvent) -> None:
        if isinstance(event, Judged | Drafted):
            self.succeeded += 1
        elif isinstance(event, Failed) and event.kind not in _NOT_THE_ENDPOINT:
            self.failed += 1
            self.unhealable = self.unhealable or event.kind in _UNHEALABLE
            self.last_failure = event.error

    def down(self, *_outcome: object) -> bool:
        """Asked during the run (as the engine's `stop_when`) and after it: every call
        failed, enough of them to tell, or one failed that cannot heal."""
        return self.unhealable or (self.failed >= FAILURES_BEFORE_DOWN and not self.succeeded)

    @property
    def all_failed(self) -> bool:
        return bool(self.failed) and not self.succeeded
