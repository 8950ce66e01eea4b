"""When the LLM cannot be reached, the person still has an inbox.

An `LLMHealth` watches one run's engine events. The endpoint counts as down when a call
fails in a way no retry heals (nothing listening, no such host, a rejected key, an unknown
model) or when several calls fail and none succeeds; the run then stops taking new work
and the offline model judges what the LLM did not, marked as offline in the header, the
status bar and each verdict's provenance. An answer that does not parse is the model's
failure, not the endpoint's: it never counts.
"""

from __future__ import annotations

from reply_assistant.backends import offline
from reply_assistant.backends.base import Backend
from reply_assistant.backends.deferred import DeferredBackend
from reply_assistant.config import OFFLINE, Settings
from reply_assistant.engine.health import LLMHealth as LLMHealth  # the screens use it from here
from reply_assistant.store import Store

NOTICE = "LLM unreachable — showing offline verdicts; r to retry"


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
