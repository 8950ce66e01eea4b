"""When the LLM cannot be reached, or gives nothing usable, the person still has an inbox.

An `LLMHealth` watches one run's engine events. The LLM counts as down when a call
fails in a way no retry heals (nothing listening, no such host, a rejected key, an unknown
model) or when several calls fail and none succeeds, whatever the failure: a model whose
every answer is prose rather than JSON is no more use than one that never answers. The run
then stops taking new work and the offline model judges what the LLM did not, marked as
offline in the header, the status bar and each verdict's provenance. One answer that does
not parse among answers that do is the model's slip: it never makes the LLM down.
"""

from __future__ import annotations

from reply_assistant.backends import offline
from reply_assistant.backends.base import Backend
from reply_assistant.backends.deferred import DeferredBackend
from reply_assistant.config import OFFLINE, Settings
from reply_assistant.engine.events import Drafted, EngineEvent, Failed, Judged
from reply_assistant.store import Store

# Failure kinds that the next call would meet too.
_UNHEALABLE = frozenset({"connection", "auth", "not_found"})
# Failed calls, with none succeeding, before the endpoint counts as down: more than one
# unlucky message, fewer than a screenful of rows each waiting out its retries.
FAILURES_BEFORE_DOWN = 3


class LLMHealth:
    """Whether the LLM endpoint is down, from the events of the run it watches."""

    def __init__(self) -> None:
        self.failed = 0
        self.succeeded = 0
        self.unhealable = False
        self.last_kind = ""  # of the last failure: what the notice says happened

    def watch(self, event: EngineEvent) -> None:
        if isinstance(event, Judged | Drafted):
            self.succeeded += 1
        elif isinstance(event, Failed):
            self.failed += 1
            self.unhealable = self.unhealable or event.kind in _UNHEALABLE
            self.last_kind = event.kind

    def down(self, *_outcome: object) -> bool:
        """Asked during the run (as the engine's `stop_when`) and after it: every call
        failed, enough of them to tell, or one failed that cannot heal."""
        return self.unhealable or (self.failed >= FAILURES_BEFORE_DOWN and not self.succeeded)

    @property
    def all_failed(self) -> bool:
        return bool(self.failed) and not self.succeeded


def offline_backend(settings: Settings, store: Store) -> Backend:
    """The offline model, loaded in a worker thread on first use (see DeferredBackend)."""
    from reply_assistant.backends.factory import make_backend

    return DeferredBackend(
        lambda: make_backend(
            settings, backend=OFFLINE, embeddings=store.embeddings, voice_from=store
        ),
        name=OFFLINE,
        label=OFFLINE,
        capabilities=offline.CAPABILITIES,
    )
