"""Offline drafts take the learned length and formality: short writers get shorter drafts,
long writers a closing line, informal writers "Thanks ...!", formal ones "Dear", "Thank you",
"Kind regards" and no contractions."""

from __future__ import annotations

import re

import pytest

from reply_assistant.backends.offline.drafts import compose_draft, phrasing_count
from reply_assistant.backends.offline.register import LONG_CLOSING_LINE
from reply_assistant.draft_checks import check_draft
from reply_assistant.models import Action, Incoming, Label, SenderFacts, VerdictOutput
from reply_assistant.voice import Voice

REPLY = VerdictOutput(label=Label.RELATIONSHIP, confidence=0.9, reason="r", action=Action.REPLY)
DECLINE = VerdictOutput(label=Label.SPAM, confidence=0.9, reason="r", action=Action.DECLINE)
MESSAGES = [
    "Happy birthday Sam! Hope you have a wonderful day.",
    "Hi Sam, I'd love to have you on our podcast Ship It Sideways to talk platform teams.",
    "Thank you so much for the hiring template, it saved us a week!",
    "Lovely to meet you at the Seattle platform summit. Do you have slides from your talk?",
    "Hi Sam, we haven't met but Maeve Okonjo suggested I reach out about your CI setup.",
    "Congratulations on the new role at Contoso, well deserved!",
]
CONDOLENCE = "I was so sorry to hear about your father. Thinking of you and your family."
SHORT = Voice(typical_words=7, samples=20)
LONG = Voice(typical_words=60, samples=20)
INFORMAL = Voice(formality="informal", samples=20)
FORMAL = Voice(formality="formal", samples=20)


def compose(text: str, voice: Voice, verdict: VerdictOutput = REPLY, signature: str = "Sam"):
    item = Incoming(text=text, sender=SenderFacts(name="Maria Lopez"))
    return compose_draft(item, verdict, signature=signature, fallback_language="en", voice=voice)[0]


def body(draft: str) -> str:
    return draft.split("\n\n")[1]


def words(text: str) -> int:
    return len(text.split())


def test_a_short_writer_gets_shorter_drafts_and_fewer_phrasings() -> None:
    default = [words(body(compose(text, Voice()))) for text in MESSAGES]
    short = [words(body(compose(text, SHORT))) for text in MESSAGES]
    assert all(s <= d for s, d in zip(short, default, strict=True))
    assert sum(short) < sum(default) and short[1] < default[1]
    podcast = Incoming(text=MESSAGES[1], sender=SenderFacts(name="Maria Lopez"))
    assert phrasing_count(podcast, REPLY, voice=SHORT) < phrasing_count(podcast, REPLY)


def test_a_long_writer_gets_a_closing_line_except_after_a_loss() -> None:
    assert all(LONG_CLOSING_LINE["en"] in compose(text, LONG) for text in MESSAGES)
    assert LONG_CLOSING_LINE["en"] not in compose(CONDOLENCE, LONG)
    assert LONG_CLOSING_LINE["en"] not in compose(MESSAGES[0], Voice(typical_words=19))


def test_an_informal_writer_gets_thanks_and_contractions() -> None:
    birthday = body(compose(MESSAGES[0], INFORMAL))
    assert birthday.startswith("Thanks") and birthday.count("!") == 1
    drafts = [compose(text, INFORMAL) for text in MESSAGES]
    assert not any("Thank you" in draft or "I am " in draft for draft in drafts)
    assert compose(MESSAGES[0], INFORMAL).endswith("Cheers,\nSam")


def test_a_formal_writer_gets_the_formal_set() -> None:
    drafts = [compose(text, FORMAL) for text in MESSAGES] + [compose(MESSAGES[0], FORMAL, DECLINE)]
    for draft in drafts:
        assert draft.startswith("Dear Maria,") and draft.endswith("Kind regards,\nSam")
        assert "!" not in draft and not re.search(r"\b(?:I'm|I'd|You're|Thanks)\b", draft)


def test_a_learned_greeting_and_closing_win_over_the_register_defaults() -> None:
    learned = Voice(greeting="Hey {name}", closing="Best", formality="formal", samples=20)
    draft = compose(MESSAGES[0], learned)
    assert draft.startswith("Hey Maria") and draft.endswith("Best\nSam")


def test_a_loss_gets_no_exclamation_in_any_register() -> None:
    for voice in (INFORMAL, FORMAL, SHORT, LONG):
        assert "!" not in compose(CONDOLENCE, voice)


def test_formality_leaves_other_languages_alone() -> None:
    spanish = "¡Feliz cumpleaños! Espero que pases un día estupendo."
    assert compose(spanish, FORMAL) == compose(spanish, Voice())


@pytest.mark.parametrize("voice", [SHORT, LONG, INFORMAL, FORMAL], ids=lambda v: repr(v)[:40])
def test_every_register_passes_the_draft_checks(voice: Voice) -> None:
    for text in [*MESSAGES, CONDOLENCE]:
        draft = compose(text, voice)
        checks = check_draft(
            draft, label="relationship", language="en", first_name="Maria", message=text
        )
        failed = [name for name, passed in checks.items() if passed is False]
        assert not failed, (text, draft, failed)
