"""Backends turn an `Incoming` message into a verdict and a draft (see `base.Backend`)."""

from reply_assistant.backends.base import Backend, BackendError
from reply_assistant.backends.factory import make_backend, make_backend_later

__all__ = ["Backend", "BackendError", "make_backend", "make_backend_later"]
