"""The learned voice reaches the commands people run: `classify`, `batch` and the terminal UI
get their backend from the factory, which attaches the voice from the state file."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from reply_assistant.backends import make_backend_later
from reply_assistant.cli import cli
from reply_assistant.config import Settings
from reply_assistant.demo import import_demo_if_empty
from reply_assistant.store import Store
from reply_assistant.testing.fake_llm_server import FakeLLMServer

THANKS = "Thanks so much for the intro to your platform team, it saved us weeks!"


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """A state file holding the demo inbox, whose owner signs 'Cheers, Jordan'."""
    path = tmp_path / "state.db"
    with Store.open(path) as store:
        import_demo_if_empty(store)
    return path


class WordCountEncoder:
    """Stands in for the sentence encoder where only the wiring is under test: embedding
    the demo's answered messages for real takes seconds on a busy machine."""

    def __init__(self, store: object = None) -> None:
        pass

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                vectors[row, sum(word.encode()) % 64] += 1.0
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def classify(db: Path, *args: str):
    return CliRunner().invoke(cli, ["-v", "--db", str(db), "classify", *args])


def test_offline_classify_drafts_with_the_learned_sign_off(demo_db: Path, caplog) -> None:
    with caplog.at_level(logging.INFO, logger="reply_assistant.voice_examples"):
        result = classify(demo_db, THANKS, "--sender", "Sam Lee", "--backend", "offline")
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith("Cheers,\nJordan")
    assert "sign-off 'Cheers, Jordan'" in caplog.text  # -v names the voice in use


def test_without_a_state_file_classify_drafts_in_the_default_voice(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    result = classify(db, THANKS, "--sender", "Sam Lee", "--backend", "offline")
    assert result.exit_code == 0, result.output
    assert "Jordan" not in result.output
    assert not db.exists()  # classify never creates a state file


def test_without_a_state_file_classify_drafts_in_the_configured_voice(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[profile.voice]\ngreeting = "Yo {name}!"\nclosing = "Best,"\nsignature = "JP"\n',
        encoding="utf-8",
    )
    db = tmp_path / "none.db"
    result = CliRunner().invoke(
        cli,
        ["--config", str(config), "--db", str(db), "classify", THANKS, "--sender", "Sam Lee"],
    )
    assert result.exit_code == 0, result.output
    draft = result.output.split("):\n", 1)[1].strip()
    assert draft.startswith("Yo Sam!") and draft.endswith("Best,\nJP")
    assert not db.exists()


def test_llm_classify_sends_the_style_and_the_owners_similar_replies(
    demo_db: Path, fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    monkeypatch.setattr("reply_assistant.backends.offline.encoder.Encoder", WordCountEncoder)
    result = classify(demo_db, THANKS, "--sender", "Sam Lee", "--prompt", "draft=v4")
    assert result.exit_code == 0, result.output
    draft_request = fake_llm.chat_requests()[-1].body
    system, user = (message["content"] for message in draft_request["messages"][:2])
    assert "- sign-off: Cheers, Jordan" in system and "- formality: informal" in system
    fenced = user.split("<user_earlier_replies>")[1].split("</user_earlier_replies>")[0]
    shown = [part.split("</user_reply>")[0].strip() for part in fenced.split("<user_reply>")[1:]]
    with Store.open(demo_db) as store:
        sent = {reply.text.strip() for reply in store.owner_replies()}
    assert len(shown) == 3 and set(shown) <= sent  # the owner's own replies, as written


def test_the_ui_backend_gets_the_voice_when_it_loads(demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        deferred = make_backend_later(Settings(backend="offline"), voice_from=store)
        voice = deferred.load().voice  # type: ignore[attr-defined]
    assert (voice.closing, voice.signature) == ("Cheers,", "Jordan")
