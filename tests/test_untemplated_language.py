"""A message in a language the offline drafts are not written in gets a note saying so,
in the user's language, instead of a reply in the wrong language."""

from __future__ import annotations

from reply_assistant.backends.offline.drafts import compose_draft, phrasing_count
from reply_assistant.draft_checks import check_draft
from reply_assistant.models import Action, Incoming, Label, SenderFacts, VerdictOutput

REPLY = VerdictOutput(label=Label.RELATIONSHIP, confidence=0.9, reason="r", action=Action.REPLY)
JAPANESE = (
    "ジョーダンさん、先日はお忙しい中、チームの質問に丁寧に答えていただきありがとうございました。"
)
POLISH = "Dzień dobry, współpracujemy z ponad 300 doświadczonymi inżynierami DevOps w Polsce."


def compose(text: str, fallback: str = "en") -> tuple[str, str]:
    item = Incoming(text=text, sender=SenderFacts(name="Kenji Watanabe"))
    return compose_draft(item, REPLY, signature="Sam", fallback_language=fallback)


def test_a_japanese_message_gets_a_note_naming_the_language() -> None:
    note, language = compose(JAPANESE)
    assert note.startswith("(No draft: this message is in Japanese") and note.endswith(")")
    assert language == "en"
    item = Incoming(text=JAPANESE, sender=SenderFacts(name="Kenji Watanabe"))
    assert phrasing_count(item, REPLY) == 1  # a redraft gives the same note


def test_a_short_message_in_another_script_gets_the_note_too() -> None:
    assert "Japanese" in compose("こんにちは！")[0]


def test_the_note_is_in_the_users_language() -> None:
    note, language = compose(POLISH, fallback="de")
    assert "auf Polnisch" in note and language == "de"


def test_a_short_text_read_as_another_language_still_gets_a_reply() -> None:
    # fastText reads "CALL ME WHEN FREE" as Cebuano: too short to be sure.
    draft, language = compose("CALL ME WHEN FREE")
    assert draft.startswith("Hi Kenji,") and language == "en"


def test_a_note_is_not_checked_as_a_reply() -> None:
    note, _ = compose(JAPANESE)
    assert check_draft(note, label="relationship", language="ja", first_name="Kenji") == {}
