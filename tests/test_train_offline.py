"""The trainer (`evals/train_offline.py`): the networks of each seed are shipped as one,
whose logits must be the mean of theirs, or the model file would not be what was measured;
and `--rescore` measures the shipped model on batches written after it."""

from __future__ import annotations

import json
import warnings
from types import ModuleType

import numpy as np
import pytest
from script_modules import load_script
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from reply_assistant.backends.offline.encoder import Encoder
from reply_assistant.backends.offline.model import EmbeddingModel, network_logits, softmax


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


def test_rescore_measures_every_unseen_batch_and_keeps_the_rest_of_the_report(
    trainer, tmp_path, monkeypatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = [
        {
            "batch": "later",
            "label": "relationship",
            "text": "Happy birthday! Hope it's a great one.",
        },
        {"batch": "later", "label": "spam", "text": "We build apps in 2 weeks. Book a demo today?"},
        {"batch": "later", "label": "unclear", "text": "Hi"},
    ]
    (corpus / "later.jsonl").write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    report = tmp_path / "report.json"
    version = EmbeddingModel.load().version
    report.write_text(json.dumps({"model": version, "grid": ["kept"], "unseen": {"old": {}}}))
    monkeypatch.setattr(trainer, "CORPUS", corpus)
    monkeypatch.setattr(trainer, "UNSEEN", ("later",))
    monkeypatch.setattr(trainer, "REPORT", report)
    monkeypatch.setattr(trainer, "public_rows", lambda: ([], {}))

    trainer.rescore(Encoder())

    written = json.loads(report.read_text())
    assert written["grid"] == ["kept"] and written["model"] == version
    assert list(written["unseen"]) == ["later"] and written["unseen"]["later"]["n"] == 3
    assert written["public"] == {}


def test_rescore_refuses_a_report_of_another_model(trainer, tmp_path, monkeypatch) -> None:
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"model": "0000000000"}))
    monkeypatch.setattr(trainer, "REPORT", report)
    with pytest.raises(SystemExit, match="describes model 0000000000"):
        trainer.rescore(Encoder())
    assert json.loads(report.read_text()) == {"model": "0000000000"}
