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
from reply_assistant.engine.health import LLMHealth as LLMHealth  # the screens use it from here
from reply_assistant.store import Store


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
