"""The fitted offline model: a small neural network over sentence embeddings (one hidden
layer of rectified units, then a softmax; with no hidden layer it is a logistic
regression), shipped with the package (`data/offline_model.npz`), so a fresh install judges
its first message with no training step. `evals/train_offline.py` writes the file.

The decision rule, in words a person can check: the most probable label, except that a
message is called spam only when spam is at least `spam_threshold` probable. Below that,
"might be a pitch" becomes `unclear`, whose one clarifying question fits a seller and a
stranger alike, and whose shown confidence is the probability that the message is not
plainly personal (spam or unclear), which then is always above one half.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from reply_assistant.backends.offline.encoder import ENCODER_ID
from reply_assistant.backends.offline.features import FEATURES_ID
from reply_assistant.models import Label

MODEL_FILE = "offline_model.npz"


def packaged_model_path() -> Path:
    return Path(str(resources.files("reply_assistant") / "data" / MODEL_FILE))


class EncoderMismatch(ValueError):
    """The model file was fitted on another encoder's vectors, or on other features of
    them: its weights would read these as noise, so it must not be used."""


@dataclass(frozen=True, slots=True)
class Judgement:
    label: Label
    confidence: float  # calibrated probability of what `label` claims (see module doc)
    probabilities: dict[str, float]  # calibrated, per label


# One layer's weights (units, inputs) and intercept (units,).
Layer = tuple[np.ndarray, np.ndarray]


def hidden_units(layers: tuple[Layer, ...], features: np.ndarray) -> np.ndarray:
    """What the last layer reads: the features through every layer before it, rectified."""
    for weights, intercept in layers[:-1]:
        features = np.maximum(features @ weights.T + intercept, 0.0)
    return features


def network_logits(layers: tuple[Layer, ...], features: np.ndarray) -> np.ndarray:
    """One logit per class: the last layer applied to `hidden_units`."""
    weights, intercept = layers[-1]
    return hidden_units(layers, features) @ weights.T + intercept


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def judgements(
    probabilities: np.ndarray, classes: tuple[str, ...], spam_threshold: float
) -> list[Judgement]:
    """The decision rule (module docstring) for each row of `probabilities` over `classes`."""
    spam = classes.index(Label.SPAM.value)
    unclear = classes.index(Label.UNCLEAR.value)
    judged = []
    for row in probabilities:
        best = int(row.argmax())
        confidence = float(row[best])
        if best == spam and row[spam] < spam_threshold:
            best, confidence = unclear, float(row[spam] + row[unclear])
        judged.append(
            Judgement(
                label=Label(classes[best]),
                confidence=confidence,
                probabilities=dict(zip(classes, map(float, row), strict=True)),
            )
        )
    return judged


@dataclass(frozen=True, slots=True)
class EmbeddingModel:
    classes: tuple[str, ...]
    # The first reads the feature columns (features.message_features), the last gives one
    # logit per class; rectified between them.
    layers: tuple[Layer, ...]
    temperature: float  # fitted on held-out predictions, so probabilities mean what they say
    spam_threshold: float
    encoder: str  # the encoder the weights were fitted on (encoder.ENCODER_ID)
    features: str  # what the weights read of its vectors (features.FEATURES_ID)
    version: str  # short hash of the training data and settings, for provenance

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return softmax(network_logits(self.layers, features) / self.temperature)

    def judge(self, probabilities: np.ndarray) -> list[Judgement]:
        return judgements(probabilities, self.classes, self.spam_threshold)

    def save(self, path: Path, details: dict[str, object]) -> None:
        """Write the model; `details` (training counts, settings) go along as JSON."""
        # Any: numpy's stub would read a `**` of arrays as its `allow_pickle` flag.
        arrays: dict[str, Any] = {}
        for at, (weights, intercept) in enumerate(self.layers):
            arrays[f"weights_{at}"] = weights.astype(np.float32)
            arrays[f"intercept_{at}"] = intercept.astype(np.float32)
        meta = {
            "classes": list(self.classes),
            "layers": len(self.layers),
            "temperature": self.temperature,
            "spam_threshold": self.spam_threshold,
            "encoder": self.encoder,
            "features": self.features,
            "version": self.version,
            "details": details,
        }
        np.savez_compressed(path, meta=np.array(json.dumps(meta)), **arrays)

    @classmethod
    def load(
        cls, path: Path | None = None, *, encoder: str = ENCODER_ID, features: str = FEATURES_ID
    ) -> EmbeddingModel:
        """The model in `path` (the packaged one by default), which must have been fitted
        on `encoder`'s vectors read as `features` (by default what this install runs)."""
        path = path or packaged_model_path()
        with np.load(path) as stored:
            meta = json.loads(str(stored["meta"]))
            fitted_on = f"{meta['encoder']} ({meta.get('features', 'whole message')})"
            if (meta["encoder"], meta.get("features")) != (encoder, features):
                raise EncoderMismatch(
                    f"The offline model was fitted on encoder {fitted_on}, but this "
                    f"install runs {encoder} ({features}); refit it "
                    "(python evals/train_offline.py) or reinstall reply-assistant."
                )
            return cls(
                classes=tuple(meta["classes"]),
                layers=tuple(
                    (
                        stored[f"weights_{at}"].astype(np.float64),
                        stored[f"intercept_{at}"].astype(np.float64),
                    )
                    for at in range(meta["layers"])
                ),
                temperature=float(meta["temperature"]),
                spam_threshold=float(meta["spam_threshold"]),
                encoder=meta["encoder"],
                features=meta["features"],
                version=meta["version"],
            )
