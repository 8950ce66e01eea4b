"""Template drafts: the rules the eval suite checks, in several languages."""

from __future__ import annotations

import re

import pytest

from reply_assistant.backends.offline import OfflineBackend
from reply_assistant.backends.offline.drafts import PHRASES, chunk_words, compose_draft
from reply_assistant.backends.offline.language import detect_language
from reply_assistant.config import Profile
from reply_assistant.models import Action, Incoming, Label, SenderFacts, VerdictOutput

MEETING_WORDS = re.compile(r"\b(call|meet|meeting|demo|chat|schedule|calendar)\b", re.I)
PLACEHOLDER_MARKS = ("[", "]", "{", "}", "%FIRSTNAME%", "%")


def verdict(label: Label, action: Action | None = None) -> VerdictOutput:
    default = {Label.SPAM: Action.DECLINE, Label.RELATIONSHIP: Action.REPLY}
    return VerdictOutput(
        label=label,
        confidence=0.9,
        reason="test",
        action=action or default.get(label, Action.ASK),
    )


def message(text: str, name: str = "Maria Lopez", **facts: object) -> Incoming:
    return Incoming(text=text, sender=SenderFacts(name=name, **facts))  # type: ignore[arg-type]


def draft(item: Incoming, label: Label, action: Action | None = None, signature: str = "Sam"):
    return compose_draft(item, verdict(label, action), signature=signature, fallback_language="en")


# One message of each kind per language, as a sender might write it.
MESSAGES = {
    "en": {
        Label.SPAM: "Hi Maria, our agency can increase your revenue. Book a quick call here.",
        Label.RELATIONSHIP: "Congratulations on the new role, I am so happy for you!",
        Label.UNCLEAR: "Hello, I wanted to ask you something about the project.",
    },
    "es": {
        Label.SPAM: "Hola, nuestra plataforma te ayuda a vender más. ¿Tienes 15 minutos?",
        Label.RELATIONSHIP: "¡Felicidades por el nuevo puesto! Me alegro mucho por ti.",
        Label.UNCLEAR: "Hola, quería preguntarte una cosa sobre el proyecto.",
    },
    "de": {
        Label.SPAM: "Hallo, unsere Plattform steigert Ihren Umsatz. Haben Sie 15 Minuten?",
        Label.RELATIONSHIP: "Herzlichen Glückwunsch zur neuen Stelle! Ich freue mich für dich.",
        Label.UNCLEAR: "Hallo, ich habe eine Frage zu dem Projekt.",
    },
    "fr": {
        Label.SPAM: "Bonjour, notre agence peut doubler vos ventes avec un appel de 15 minutes.",
        Label.RELATIONSHIP: "Félicitations pour ton nouveau poste, c'est bien mérité !",
        Label.UNCLEAR: "Bonjour, je voulais vous poser une question sur le projet.",
    },
}
CASES = [(lang, label) for lang in MESSAGES for label in MESSAGES[lang]]


@pytest.mark.parametrize(("language", "label"), CASES)
def test_drafts_follow_the_rules(language: str, label: Label) -> None:
    text, draft_language = draft(message(MESSAGES[language][label]), label)
    assert draft_language == language
    assert detect_language(text) == language
    assert re.search(r"\bMaria\b", text)
    assert len(text.split()) <= 120
    assert not any(mark in text for mark in PLACEHOLDER_MARKS)
    assert text.rstrip().endswith("Sam")
    if label is Label.SPAM:
        assert "?" not in text
        assert not MEETING_WORDS.search(text)
    if label is Label.UNCLEAR:
        assert text.count("?") == 1


@pytest.mark.parametrize("language", sorted(PHRASES))
def test_every_language_has_templates_the_detector_recognises(language: str) -> None:
    phrases = PHRASES[language]
    for sentence in (phrases.decline, phrases.clarify, phrases.generic + " " + phrases.forward):
        assert detect_language(sentence) == language, sentence
    assert phrases.clarify.count("?") == 1
    assert "?" not in phrases.decline


def test_relationship_reply_echoes_what_the_sender_wrote() -> None:
    thanked = draft(
        message("Thank you so much for your advice on the pitch deck!"), Label.RELATIONSHIP
    )
    assert "welcome" in thanked[0]
    news = draft(
        message("I'm excited to share that I just started a new job at Acme."), Label.RELATIONSHIP
    )
    assert "Congratulations" in news[0]
    intro = draft(
        message("Anna Schmidt suggested I reach out, she said we both love data."),
        Label.RELATIONSHIP,
    )
    assert "thanks to Anna for connecting us" in intro[0]
    event = draft(
        message("It was great to meet you at PyCon Lisbon last week."), Label.RELATIONSHIP
    )
    assert "meet you at PyCon Lisbon" in event[0]


def test_relationship_reply_commits_to_nothing() -> None:
    text, _ = draft(
        message("Would love to meet on Tuesday to discuss a partnership?"), Label.RELATIONSHIP
    )
    assert not re.search(r"let'?s meet|tuesday|I'?ll introduce|\$|€", text, re.I)


def test_no_name_means_a_neutral_greeting() -> None:
    for name in ("", "LinkedIn Member", "%FIRSTNAME%"):
        text, _ = draft(message("Our platform is great, book a demo", name=name), Label.SPAM)
        assert text.startswith("Hi,\n")
        assert "%" not in text


def test_no_signature_means_no_sign_off_line() -> None:
    text, _ = draft(message("Congrats on the launch!"), Label.RELATIONSHIP, signature="")
    assert "Best," not in text
    assert "[Your Name]" not in text
    assert text.rstrip().endswith(".")


def test_no_reply_is_a_note_for_the_user_in_the_message_language() -> None:
    scam, language = draft(
        message("Gana dinero con cripto, rendimientos garantizados para ti"),
        Label.SPAM,
        Action.NO_REPLY,
    )
    assert language == "es"
    assert scam.startswith("(") and "estafa" in scam
    sponsored, _ = draft(
        message("Discover our MBA programme", sponsored=True), Label.SPAM, Action.NO_REPLY
    )
    assert "sponsored" in sponsored


def test_undetermined_language_falls_back_to_the_profile_language() -> None:
    item = message("👍")
    text, language = compose_draft(
        item, verdict(Label.UNCLEAR), signature="", fallback_language="de"
    )
    assert language == "de"
    assert text.startswith("Hallo Maria,")


async def test_backend_signs_with_the_profile_and_streams_the_same_text() -> None:
    backend = OfflineBackend(Profile(name="Sam Rivera"))
    item = message("Congratulations on the new job!")
    result = await backend.draft(item, verdict(Label.RELATIONSHIP))
    assert result.text.endswith("Best,\nSam")
    assert result.language == "en"
    assert result.provenance.backend == "offline"
    chunks = [chunk async for chunk in backend.stream_draft(item, verdict(Label.RELATIONSHIP))]
    assert len(chunks) > 3
    assert "".join(chunks) == result.text

    unsigned = OfflineBackend(Profile())
    assert "Best," not in (await unsigned.draft(item, verdict(Label.RELATIONSHIP))).text


def test_chunks_rejoin_to_the_text() -> None:
    text = "Hi Maria,\n\nThanks  for the note. All the best."
    chunks = chunk_words(text)
    assert "".join(chunks) == text
    assert all(len(chunk.split()) <= 3 for chunk in chunks)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It worked! Could we spend Thursday on how to hire the first two engineers?", "en"),
        ("¡Funcionó! ¿Podemos hablar el jueves de cómo contratar a los dos primeros?", "es"),
    ],
)
def test_a_relationship_question_gets_a_promise_of_an_answer_not_an_invented_one(
    text: str, language: str
) -> None:
    reply, found = draft(message(text), Label.RELATIONSHIP)
    assert found == language
    assert PHRASES[language].answer_later in reply
    assert PHRASES[language].forward not in reply  # not "tell me more" after a question
    assert not MEETING_WORDS.search(reply)


def test_a_relationship_message_without_a_question_keeps_the_door_open() -> None:
    reply, _ = draft(message("Found your old Do Not Deploy sign in my garage!"), Label.RELATIONSHIP)
    assert PHRASES["en"].forward in reply and PHRASES["en"].answer_later not in reply
