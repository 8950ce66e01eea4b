"""The shipped model file names the encoder it was fitted on; a file fitted on another
encoder is refused with one clear line, never used to judge."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from reply_assistant.backends.offline import model as model_module
from reply_assistant.backends.offline.encoder import DIMENSIONS, ENCODER_ID
from reply_assistant.backends.offline.features import FEATURES_ID
from reply_assistant.backends.offline.model import EmbeddingModel, EncoderMismatch
from reply_assistant.cli import cli

OTHER_ENCODER = "some-other-encoder:v9"


@pytest.fixture
def foreign_model(tmp_path: Path) -> Path:
    path = tmp_path / "offline_model.npz"
    EmbeddingModel(
        classes=("relationship", "spam", "unclear"),
        layers=((np.zeros((3, 2 * DIMENSIONS)), np.zeros(3)),),
        temperature=1.0,
        spam_threshold=0.0,
        encoder=OTHER_ENCODER,
        features=FEATURES_ID,
        version="foreign",
    ).save(path, details={})
    return path


def test_a_model_fitted_on_another_encoder_is_refused(foreign_model: Path) -> None:
    with pytest.raises(EncoderMismatch) as refused:
        EmbeddingModel.load(foreign_model)
    assert OTHER_ENCODER in str(refused.value) and ENCODER_ID in str(refused.value)
    assert EmbeddingModel.load(foreign_model, encoder=OTHER_ENCODER).version == "foreign"


def test_a_model_fitted_on_other_features_is_refused(foreign_model: Path) -> None:
    # Same encoder, but weights fitted on another reading of its vectors (the whole
    # message's embedding alone, as before head-tail-v1): as much noise as a foreign encoder.
    with pytest.raises(EncoderMismatch) as refused:
        EmbeddingModel.load(foreign_model, encoder=OTHER_ENCODER, features="whole-message")
    assert "whole-message" in str(refused.value) and FEATURES_ID in str(refused.value)


def test_classify_with_a_foreign_model_file_exits_2_with_one_line(
    foreign_model: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(model_module, "packaged_model_path", lambda: foreign_model)
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "state.db"), "classify", "Hi there", "--backend", "offline"]
    )
    assert result.exit_code == 2, result.output
    assert "fitted on encoder" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_saved_network_loads_and_judges_the_same(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    hidden = (rng.normal(size=(5, 4)), rng.normal(size=5))
    last = (rng.normal(size=(3, 5)), rng.normal(size=3))
    network = EmbeddingModel(
        classes=("relationship", "spam", "unclear"),
        layers=(hidden, last),
        temperature=1.5,
        spam_threshold=0.6,
        encoder=ENCODER_ID,
        features=FEATURES_ID,
        version="net",
    )
    network.save(tmp_path / "net.npz", details={})
    loaded = EmbeddingModel.load(tmp_path / "net.npz")
    features = rng.normal(size=(6, 4))
    # Rectified units: the hidden layer clips negatives to zero before the softmax layer.
    logits = np.maximum(features @ hidden[0].T + hidden[1], 0) @ last[0].T + last[1]
    expected = np.exp(logits / 1.5) / np.exp(logits / 1.5).sum(axis=1, keepdims=True)
    assert np.allclose(loaded.probabilities(features), expected, atol=1e-5)
    assert len(loaded.layers) == 2 and loaded.version == "net"
