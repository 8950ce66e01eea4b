"""The offline model judges what a message asks for, not who sent it (issue: verdicts
that hold on messages nobody here wrote). Texts written for this test, not in training."""

from __future__ import annotations

from datetime import date

import pytest

from reply_assistant.backends.offline.backend import OfflineBackend
from reply_assistant.backends.offline.features import message_features
from reply_assistant.config import Profile
from reply_assistant.models import Incoming, Label, SenderFacts, ThreadTurn

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
    _, features = message_features(backend._encoder, texts)
    probabilities = model.probabilities(features)
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


PORTUGAL_PITCH = (
    "Jordan! How was the trip to Portugal? The photos looked unreal. Anyway, totally "
    "unrelated, we're helping platform orgs standardise their Helm charts with an AI linter "
    "and I'd love 15 minutes to show you. Thursday?"
)
PORTUGAL_CATCH_UP = (
    "Jordan! How was the trip to Portugal? The photos looked unreal. We were in Porto in May "
    "and still talk about the custard tarts, so I want the name of that bakery you posted."
)


def test_a_warm_opener_before_a_personal_ask_is_relationship(backend: OfflineBackend) -> None:
    assert judge(backend, PORTUGAL_CATCH_UP, CONNECTION) is Label.RELATIONSHIP


def test_the_same_warm_opener_before_a_pitch_is_spam(backend: OfflineBackend) -> None:
    assert judge(backend, PORTUGAL_PITCH, CONNECTION) is Label.SPAM


SOC2_PITCH = ThreadTurn(
    "Tamsin Ridley",
    "Hi Jordan, I run partnerships at Keyhaven. We automate access reviews for SOC 2 so your "
    "platform team stops chasing managers over spreadsheets. Could we find 15 minutes to talk?",
    from_owner=False,
)
NUDGE = "Jordan, third time lucky? 🙂 Happy to keep it to 10 minutes."


def test_a_nudge_after_an_unanswered_pitch_is_spam(backend: OfflineBackend) -> None:
    verdict = backend.classify_many([Incoming(NUDGE, UNKNOWN, thread=(SOC2_PITCH,))])[0]
    assert verdict.label is Label.SPAM and "follow-up nag" in verdict.signals


def test_an_answer_in_a_conversation_the_owner_started_is_less_likely_spam(
    backend: OfflineBackend,
) -> None:
    # A quote the owner asked for can read like a pitch on its own; the owner's question
    # before it lowers the spam odds (conversation.py). (The twelve-layer encoder called
    # this one spam even in the thread; the five-layer one reads it as relationship alone.)
    asked = ThreadTurn(
        "Jordan Pike", "Hi Grace, could you estimate the dashboard work for us?", from_owner=True
    )
    answer = (
        "Hi Jordan! Thanks for asking. Based on the spec I'd estimate 25-30 hours, so roughly "
        "$3,200. I could start the week of the 14th. Want me to send a formal proposal?"
    )
    alone, in_thread = backend.classify_many(
        [Incoming(answer, UNKNOWN), Incoming(answer, UNKNOWN, thread=(asked,))]
    )
    assert alone.label is Label.RELATIONSHIP and in_thread.label is Label.RELATIONSHIP
    assert in_thread.confidence > alone.confidence


# Same opening, then money flowing to the owner (a client with a job) or from the owner (a
# seller). Written 2026-12-06 before the model that first judged them was fitted.
CLIENT_OR_SELLER = [
    pytest.param(
        "Hi Dana, I saw the café fit-out you posted last week. We're opening in Leith next "
        "spring and want you to design ours; the budget is about £40k. Could you send a quote?",
        "Hi Dana, I saw the café fit-out you posted last week. We help interior designers like "
        "you land 10 new clients a month with paid ads. Can I show you how in a 15-minute call?",
    ),
    pytest.param(
        "Hola Marta, vi tu portfolio de fotografía de producto. Tenemos una tienda online de "
        "cerámica y necesitamos fotos de 30 piezas para mayo. ¿Cuánto cobrarías?",
        "Hola Marta, vi tu portfolio de fotografía de producto. Ofrecemos un curso para "
        "fotógrafos que quieren cobrar más por sus sesiones. ¿Te mando el enlace para inscribirte?",
        # Model c09d569864 calls the shop spam 0.82 (f271a6a00f: 0.75, 52c5b5d92e: 0.96); the
        # seller is spam.
        marks=pytest.mark.xfail(strict=True, reason="known miss: a client's ask read as a pitch"),
    ),
]


@pytest.mark.parametrize(("client", "seller"), CLIENT_OR_SELLER)
def test_a_client_with_a_job_is_relationship_and_a_seller_with_the_same_opening_is_spam(
    backend: OfflineBackend, client: str, seller: str
) -> None:
    assert judge(backend, client) is Label.RELATIONSHIP
    assert judge(backend, seller) is Label.SPAM


# Naming a tool, a price or an order number does not make a pitch, and the subject line can
# carry the ask. Written 2026-12-07, before any model fitted with the `named` and `inmail`
# batches judged them, and not taken from any batch.
NAMED_QUESTION_OR_PITCH = [
    pytest.param(
        "Hi Jordan, saw your thread on moving CI to Buildkite. Did you keep the Jenkins agents "
        "for the Windows builds, or rewrite those pipelines too?",
        "Hi Jordan, saw your thread on moving CI to Buildkite. We host Buildkite agents on spot "
        "instances for 40% less than you pay now. Want a 15-minute walkthrough on Thursday?",
        id="ci-tool",
    ),
    pytest.param(
        "Your app charged my card twice for order 58213 this morning (Visa ending 4410). Could "
        "you refund one of the two?",
        "Your app's checkout took 7.4 seconds to load on my phone this morning. We fix Core Web "
        "Vitals for retailers from $900 a month - can I send you a free audit?",
        id="order-or-audit",
    ),
]


@pytest.mark.parametrize(("question", "pitch"), NAMED_QUESTION_OR_PITCH)
def test_a_stranger_naming_a_tool_or_an_order_asks_for_themselves_or_sells(
    backend: OfflineBackend, question: str, pitch: str
) -> None:
    assert judge(backend, question, STRANGER) is Label.RELATIONSHIP
    assert judge(backend, pitch, STRANGER) is Label.SPAM


VAGUE_BODY = "Hi Jordan, do you have ten minutes this week?"


# Model c09d569864 read both as unclear (0.65 and 0.53), and so did both refits fitted with
# the `inmail` batch alone; 5ebd55ad8f, fitted on `subjects`, `inmail` and `headers` among
# others, reads them as relationship 0.88 and spam 0.86 (docs/offline-model.md, "Fitting on
# the measured batches").
def test_the_subject_decides_what_a_vague_body_asks(backend: OfflineBackend) -> None:
    question, pitch = backend.classify_many(
        [
            Incoming(
                VAGUE_BODY,
                UNKNOWN,
                subject="Your DevConf keynote - a question about the Postgres migration timeline",
            ),
            Incoming(VAGUE_BODY, UNKNOWN, subject="Cut your AWS bill by 35% in 30 days"),
        ]
    )
    assert question.label is Label.RELATIONSHIP
    assert pitch.label is Label.SPAM
