"""The offline model that stands in while the LLM counts as down (`engine.health`): the
screens mark its verdicts as offline in the header, the status bar and each provenance."""

from __future__ import annotations

from reply_assistant.backends import offline
from reply_assistant.backends.base import Backend
from reply_assistant.backends.deferred import DeferredBackend
from reply_assistant.config import OFFLINE, Settings
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
