"""The trainer's ensemble (`evals/train_offline.py`): the networks of each seed are shipped as
one, whose logits must be the mean of theirs, or the model file would not be what was
measured."""

from __future__ import annotations

import warnings
from types import ModuleType

import numpy as np
import pytest
from script_modules import load_script
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from reply_assistant.backends.offline.model import network_logits, softmax


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    return load_script("evals/train_offline.py")


def test_the_merged_network_gives_the_mean_of_the_networks_logits(trainer) -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(90, 12))
    y = np.array(["relationship", "spam", "unclear"] * 30)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # a few passes are enough here
        networks = [
            MLPClassifier(hidden_layer_sizes=(5,), max_iter=20, random_state=seed).fit(x, y)
            for seed in (0, 1, 2)
        ]
    merged = trainer.merged_layers(networks)
    assert merged[0][0].shape == (15, 12) and merged[1][0].shape == (3, 15)
    each = [
        network_logits(tuple((w.T, b) for w, b in zip(n.coefs_, n.intercepts_, strict=True)), x)
        for n in networks
    ]
    assert np.allclose(network_logits(merged, x), np.mean(each, axis=0))
    # and each network's own logits are what scikit-learn computes (its probabilities)
    for network, logits in zip(networks, each, strict=True):
        assert np.allclose(softmax(logits), network.predict_proba(x))


def test_fit_merges_one_network_per_seed(trainer) -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(60, 8))
    y = np.array(["relationship", "spam", "unclear"] * 20)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        fitted = trainer.fit(x, y, alpha=0.01, relationship_weight=1.5)
    assert fitted.classes == ("relationship", "spam", "unclear")
    units = trainer.HIDDEN_UNITS * len(trainer.SEEDS)
    assert fitted.layers[0][0].shape == (units, 8) and fitted.layers[1][0].shape == (3, units)
