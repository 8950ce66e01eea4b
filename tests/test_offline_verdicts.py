"""The offline model judges what a message asks for, not who sent it (issue: verdicts
that hold on messages nobody here wrote). Texts written for this test, not in training."""

from __future__ import annotations

from datetime import date

import pytest

from reply_assistant.backends.offline.backend import OfflineBackend
from reply_assistant.config import Profile
from reply_assistant.models import Incoming, Label, SenderFacts

BIRTHDAY = "Happy birthday Jordan! Hope you have a great day and a fantastic year ahead."
BIRTHDAY_PITCH = (
    "Happy birthday Jordan! Hope you have a great year ahead. By the way, have you reviewed "
    "your 401(k) lately? I help professionals like you maximise retirement savings - can we "
    "book 20 minutes this week?"
)
CONGRATS = "Congratulations on the new role at Contoso!"
CONGRATS_PITCH = (
    "Congrats on the new role! Would love to show you how our platform could help your new "
    "team hit the ground running - free trial here: https://trial.example/x"
)
CONDOLENCE = (
    "So sorry to hear about your father. Thinking of you and your family. No need to reply."
)
WARM_CONNECTION_PITCH = (
    "Hey Jordan, long time! Hope all is well at Contoso. We just launched a tool that cuts "
    "cloud costs by 30% - open to a quick demo next week?"
)
CASUAL = ("K, text me when you're on the way", "Why didn't u call on your lunch?")

UNKNOWN = SenderFacts(name="Sam Lee")
STRANGER = SenderFacts(name="Sam Lee", first_degree=False)
CONNECTION = SenderFacts(name="Sam Lee", first_degree=True, connected_on=date(2017, 3, 1))


@pytest.fixture(scope="module")
def backend() -> OfflineBackend:
    return OfflineBackend(Profile(name="Jordan Pike"))


def judge(backend: OfflineBackend, text: str, sender: SenderFacts = UNKNOWN) -> Label:
    return backend.classify_many([Incoming(text=text, sender=sender)])[0].label


@pytest.mark.parametrize(
    ("personal", "pitch"), [(BIRTHDAY, BIRTHDAY_PITCH), (CONGRATS, CONGRATS_PITCH)]
)
def test_minimal_pairs_same_opening_different_ask(
    backend: OfflineBackend, personal: str, pitch: str
) -> None:
    # Both halves from the same long-standing connection: only the ask tells them apart.
    assert judge(backend, personal, CONNECTION) is Label.RELATIONSHIP
    assert judge(backend, pitch, CONNECTION) is Label.SPAM


def test_a_connections_warm_opener_followed_by_a_pitch_is_spam(backend: OfflineBackend) -> None:
    assert judge(backend, WARM_CONNECTION_PITCH, CONNECTION) is Label.SPAM


@pytest.mark.parametrize("text", [BIRTHDAY, CONGRATS, CONDOLENCE, *CASUAL])
def test_kind_words_from_a_stranger_or_an_unknown_sender_are_relationship(
    backend: OfflineBackend, text: str
) -> None:
    assert judge(backend, text, STRANGER) is Label.RELATIONSHIP
    assert judge(backend, text, UNKNOWN) is Label.RELATIONSHIP


@pytest.mark.parametrize(
    "text", [BIRTHDAY, BIRTHDAY_PITCH, CONDOLENCE, WARM_CONNECTION_PITCH, "Hi", *CASUAL]
)
def test_sender_facts_do_not_move_the_verdict(backend: OfflineBackend, text: str) -> None:
    # With or without Connections.csv (1st-degree known, unknown or absent) the same text
    # gets the same label and confidence.
    verdicts = [
        backend.classify_many([Incoming(text=text, sender=facts)])[0]
        for facts in (UNKNOWN, STRANGER, CONNECTION)
    ]
    assert len({(v.label, v.confidence) for v in verdicts}) == 1


def test_confidence_is_the_shown_labels_probability(backend: OfflineBackend) -> None:
    model = backend._model
    texts = [BIRTHDAY, BIRTHDAY_PITCH, "Hi", CONDOLENCE]
    vectors = backend._encoder.embed(texts).astype("float64")
    probabilities = model.probabilities(vectors)
    for row, verdict in zip(
        probabilities, backend.classify_many([Incoming(t, UNKNOWN) for t in texts]), strict=True
    ):
        shown = dict(zip(model.classes, row, strict=True))
        if verdict.label is Label.UNCLEAR and shown["spam"] >= shown["unclear"]:
            expected = shown["spam"] + shown["unclear"]  # doubtful spam, see model.py
        else:
            expected = shown[verdict.label.value]
        assert verdict.confidence == pytest.approx(expected, abs=1e-4)
        assert verdict.confidence >= max(row) - 1e-4
