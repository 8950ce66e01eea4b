"""Whether an LLM endpoint is down, told from one run's engine events.

The LLM counts as down when a call fails in a way no retry heals (nothing listening, no
such host, a rejected key, an unknown model, a web page where the API should be) or when
at least three calls fail and the failures outnumber the successes three to one, whatever
the failure: a model whose every answer is prose rather than JSON is no more use than one
that never answers. A run
watching it (as the engine's `stop_when`) then stops taking new work: the UI has the
offline model judge meanwhile (tui/stand_in.py), batch mode leaves the rest for a rerun.
One answer that does not parse among answers that do is the model's slip: it never makes
the LLM down.
"""

from __future__ import annotations

from reply_assistant.engine.events import Drafted, EngineEvent, Failed, Judged

# What each failure kind says happened, in a few words. A server that answered with prose
# was reached, and one that timed out was too: only one that never let us connect is
# unreachable. A web page where the API should be is a wrong base URL, not a bad answer.
_WHAT_HAPPENED = {
    "connection": "LLM unreachable",
    "timeout": "LLM too slow (no answer in time)",
    "auth": "LLM refused the API key",
    "not_found": "LLM API or model not found{named}",
    "rate_limited": "LLM rate limit reached",
    "not_an_api": "no LLM API at the base URL (a web page answers)",
    "server": "LLM server failing",
}
# Any other kind: the model's answers were no use.
_ANSWERS_UNUSABLE = "LLM answers unusable{named}"


def what_happened(failure_kind: str, model: str = "") -> str:
    """In a few words; `model`, when given, names the model whose answers were no use."""
    said = _WHAT_HAPPENED.get(failure_kind, _ANSWERS_UNUSABLE)
    return said.format(named=f" ({model})" if model else "")


# Failure kinds that the next call would meet too. A web page where the API should be was
# already asked twice (openai_client retries it once, for a captive portal's sake).
_UNHEALABLE = frozenset({"connection", "auth", "not_found", "not_an_api"})
# Failed calls before the endpoint can count as down: more than one unlucky message, fewer
# than a screenful of rows each waiting out its retries.
FAILURES_BEFORE_DOWN = 3
# Failed calls per successful one at which the LLM counts as down all the same.
MOSTLY_FAILING = 3


class LLMHealth:
    """Whether the LLM endpoint is down, from the events of the run it watches."""

    def __init__(self) -> None:
        self.failed = 0
        self.succeeded = 0
        self.unhealable = False
        self.last_failure = ""  # the latest failure, as its event said it
        self.last_kind = ""  # and its kind: what the UI's notice says happened

    def watch(self, event: EngineEvent) -> None:
        if isinstance(event, Drafted) and event.draft.provenance.stood_in_for:
            # The offline draft stood in: the LLM's answer was no reply.
            self._count_failure(f"draft: {event.draft.provenance.stood_in_for}", "invalid_output")
        elif isinstance(event, Judged | Drafted):
            self.succeeded += 1
        elif isinstance(event, Failed):
            self._count_failure(event.error, event.kind)
            self.unhealable = self.unhealable or event.kind in _UNHEALABLE

    def _count_failure(self, said: str, kind: str) -> None:
        self.failed += 1
        self.last_failure = said
        self.last_kind = kind

    def down(self, *_outcome: object) -> bool:
        """Asked during the run (as the engine's `stop_when`) and after it: one call failed
        that cannot heal, or enough failed to tell and they outnumber the successes
        MOSTLY_FAILING to one (a model that gets one answer in five right is no help; one
        that slips once in a while is)."""
        return self.unhealable or (
            self.failed >= FAILURES_BEFORE_DOWN and self.failed >= MOSTLY_FAILING * self.succeeded
        )

    @property
    def all_failed(self) -> bool:
        return bool(self.failed) and not self.succeeded
