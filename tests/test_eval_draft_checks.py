"""Deterministic draft checks: each passes a good draft and fails a bad one."""

from __future__ import annotations

from reply_assistant.draft_checks import (
    check_draft,
    first_name_used,
    language_matches,
    length_ok,
    no_commitments,
    no_placeholders,
    spam_declines,
    unclear_asks,
)


def test_first_name_used_matches_whole_words_only():
    assert first_name_used("Hi Ana, thanks!", "Ana")
    assert not first_name_used("Hi Anabel, thanks!", "Ana")
    assert first_name_used("Hi there", "") is None


def test_language_matches_uses_the_detector():
    assert language_matches("Hola Ana, muchas gracias por tu mensaje, pero no me interesa.", "es")
    assert not language_matches("Hi Ana, thank you for the message, but it is not for me.", "es")
    assert language_matches("Ok", "en") is None  # too short to tell
    assert language_matches("Hi there and thank you", "") is None


def test_length_and_placeholders():
    assert length_ok("word " * 120)
    assert not length_ok("word " * 121)
    assert no_placeholders("Hi Ana, thanks. Best, Jo")
    for bad in ("Best, [Your Name]", "Hi %FIRSTNAME%", "Hi {first_name}", "Hi <name>"):
        assert not no_placeholders(bad), bad


def test_spam_declines_needs_a_no_and_no_invitation():
    assert spam_declines("Hi Ana, thanks, but I'm not interested. All the best.", "en")
    assert spam_declines("Hola Ana, gracias, pero no me interesa.", "es")
    assert spam_declines("Merci, mais cela ne m'intéresse pas. Bonne continuation.", "fr")
    assert spam_declines("Danke, aber ich habe kein Interesse.", "de")
    assert spam_declines("Bedankt, maar ik heb geen interesse.", "nl")
    assert not spam_declines("Hi Ana, thanks for reaching out!", "en")  # never says no
    assert not spam_declines("Not interested right now, maybe later?", "en")
    assert not spam_declines("Not interested, but happy to chat next month.", "en")


def test_unclear_asks_exactly_one_question():
    assert unclear_asks("Hi Bo, what would you like to discuss?")
    assert not unclear_asks("Hi Bo, thanks.")
    assert not unclear_asks("Who are you? What do you want?")


def test_no_commitments():
    assert no_commitments("Thanks Ana, good to hear from you.")
    for bad in (
        "Let's meet on Tuesday.",
        "I'll introduce you to Sam.",
        "I'll send the deck.",
        "I can pay $500.",
        "See you tomorrow at 3pm.",
    ):
        assert not no_commitments(bad), bad


def test_check_draft_applies_label_specific_checks_only():
    spam = check_draft(
        "Hi Ana, not interested, thanks.", label="spam", language="en", first_name="Ana"
    )
    assert spam["spam_declines"] is True
    assert "unclear_asks" not in spam
    unclear = check_draft("Hi, what is this about?", label="unclear", language="en", first_name="")
    assert unclear["unclear_asks"] is True
    assert "spam_declines" not in unclear
    assert "first_name_used" not in unclear


def test_no_reply_verdicts_have_no_draft_to_check():
    note = "(No reply suggested: this looks like a scam.)"
    assert check_draft(note, label="spam", language="en", first_name="Ana", action="no_reply") == {}


def test_the_sign_off_is_the_users_own_or_none():
    from reply_assistant.draft_checks import sign_off_name, sign_off_ok

    assert sign_off_name("Hi Sam,\nthanks, not for us.\nJordan") == "Jordan"
    assert sign_off_name("Hi Sam,\nthanks, not for us.\nBest, Alex Kim") == "Alex Kim"
    assert sign_off_name("Hi Sam,\nthanks, not for us.\nBest regards") is None
    assert sign_off_name("Hi Sam, thanks, not for us.") is None
    assert sign_off_ok("Hi Sam,\nnot for us.\nAlex", "Alex")
    assert not sign_off_ok("Hi Sam,\nnot for us.\nJordan", "Alex")
    assert not sign_off_ok("Hi Sam,\nnot for us.\nJordan", "")  # a name the user never gave
    assert sign_off_ok("Hi Sam,\nnot for us.", "")


def test_the_sign_off_is_checked_only_when_it_is_known():
    draft = "Hi Sam,\nnot interested, thanks.\nJordan"
    assert "sign_off_ok" not in check_draft(draft, label="spam", language="en", first_name="Sam")
    checked = check_draft(draft, label="spam", language="en", first_name="Sam", sign_off="Alex")
    assert checked["sign_off_ok"] is False
