"""The follow-up-nag signal needs an earlier pitch the owner never answered (issue 14)."""

from __future__ import annotations

from reply_assistant.backends.offline.reasons import build_reason
from reply_assistant.backends.offline.signals import extract_signals
from reply_assistant.models import Incoming, Label, SenderFacts, ThreadTurn

SENDER = "Tomasz Wielgosz"
PITCH = "Hi Jordan, we help platform teams cut cloud cost. Book a demo this week?"
FRIENDLY = "Thanks for connecting, Jordan!"


def sender_turn(text: str) -> ThreadTurn:
    return ThreadTurn(sender_name=SENDER, text=text, from_owner=False)


def owner_turn(text: str) -> ThreadTurn:
    return ThreadTurn(sender_name="Jordan Avery", text=text, from_owner=True)


def judged(text: str, *thread: ThreadTurn) -> tuple[tuple[str, ...], str]:
    found = extract_signals(Incoming(text=text, sender=SenderFacts(name=SENDER), thread=thread))
    return found.tags, build_reason(Label.SPAM, found)


def test_a_second_friendly_note_is_no_nag() -> None:
    tags, reason = judged("Hope you are safe and well.", sender_turn(FRIENDLY))
    assert "follow-up nag" not in tags
    assert "follow-up" not in reason


def test_following_up_on_a_friendly_note_is_no_nag() -> None:
    # The sender says "following up", but what came before was no pitch.
    tags, _ = judged("Just following up on my last note :)", sender_turn(FRIENDLY))
    assert "follow-up nag" not in tags


def test_writing_again_after_an_unanswered_pitch_is_a_nag() -> None:
    tags, reason = judged("Any thoughts?", sender_turn(PITCH))
    assert "follow-up nag" in tags
    assert reason.startswith("Repeated follow-up to a pitch you never answered")


def test_the_pitch_may_sit_behind_other_unanswered_notes() -> None:
    tags, _ = judged("Last try!", sender_turn(PITCH), sender_turn("Bumping this."))
    assert "follow-up nag" in tags


def test_a_pitch_the_owner_answered_is_no_longer_nagged_about() -> None:
    tags, _ = judged("Great, talk soon.", sender_turn(PITCH), owner_turn("Not now, but thanks."))
    assert "follow-up nag" not in tags


def test_without_a_thread_the_message_own_words_decide() -> None:
    # A single pasted message (classify TEXT) has no thread to read.
    assert "follow-up nag" in judged("Just following up on my last note.")[0]
    assert "follow-up nag" not in judged("Hope you are safe and well.")[0]


def test_a_personal_reason_does_not_deny_the_pitch_it_follows() -> None:
    found = extract_signals(
        Incoming(
            text="Any thoughts?",
            sender=SenderFacts(name=SENDER, first_degree=True),
            thread=(sender_turn(PITCH),),
        )
    )
    reason = build_reason(Label.RELATIONSHIP, found)
    assert "no sales pitch" not in reason and "following up a pitch" in reason
