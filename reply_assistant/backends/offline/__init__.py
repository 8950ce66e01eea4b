"""The built-in offline backend: a local TF-IDF classifier and template drafts."""

from __future__ import annotations

from reply_assistant.backends.offline.backend import OfflineBackend

__all__ = ["OfflineBackend"]
