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


def test_specific_needs_a_word_of_the_message_beyond_greeting_and_pleasantries():
    from reply_assistant.draft_checks import specific

    message = "Lovely to meet you at the Seattle platform summit yesterday!"
    named = "Hi Noor,\n\nIt was great to meet you at the Seattle platform summit.\n\nBest,\nJo"
    generic = "Hi Noor,\n\nGreat to hear from you, and thanks for getting in touch.\n\nBest,\nJo"
    assert specific(named, message, "Noor")
    assert not specific(generic, message, "Noor")
    # The sender's name in the greeting is no specific element, nor is the sign-off.
    assert not specific("Hi Noor,\n\nThanks!\n\nBest,\nNoor", "Noor here, hello", "Noor")


def test_no_unasked_answer_only_promises_answers_to_questions():
    from reply_assistant.draft_checks import no_unasked_answer

    promise = "Hi Ana,\n\nLet me look into your question and come back to you properly."
    assert not no_unasked_answer(promise, "Found your old sign in my garage!")
    assert no_unasked_answer(promise, "Did you ever regret it?")
    assert not no_unasked_answer("Ich schaue mir deine Frage an.", "Danke für alles.")
    assert no_unasked_answer("Hi Ana,\n\nThanks for the photo.", "Found your old sign!")


def test_no_cheer_in_condolence_looks_at_the_opening():
    from reply_assistant.draft_checks import no_cheer_in_condolence

    assert not no_cheer_in_condolence("Hi Ana,\n\nGreat to hear from you, thanks.\n\nBest,\nJo")
    assert no_cheer_in_condolence("Hi Ana,\n\nThank you for your kind words.\n\nBest,\nJo")
    loss = "I'm so sorry to hear about your father."
    cheerful = check_draft(
        "Hi Ana,\n\nGreat to hear from you!", label="relationship", language="en",
        first_name="Ana", message=loss,
    )  # fmt: skip
    assert cheerful["no_cheer_in_condolence"] is False
    plain = check_draft(
        "Hi Ana,\n\nGreat to hear from you!", label="relationship", language="en",
        first_name="Ana", message="Congrats on the launch!",
    )  # fmt: skip
    assert "no_cheer_in_condolence" not in plain


def test_single_sign_off_catches_a_closing_before_the_signature():
    from reply_assistant.draft_checks import single_sign_off

    double = "Hi Ana,\n\nThanks, but I'm not interested, so I'll pass. All the best.\n\nBest,\nJo"
    assert not single_sign_off(double)
    assert single_sign_off("Hi Ana,\n\nThanks, but I'm not interested.\n\nBest,\nJo")
    assert single_sign_off("Hi Ana,\n\nThanks for the note.\n\nJo")
    assert single_sign_off("Thanks for the note about Rotterdam.")


def test_message_checks_run_only_with_the_message_and_specificity_only_for_replies():
    draft = "Hi Ana,\n\nThanks, but I'm not interested.\n\nBest,\nJo"
    without = check_draft(draft, label="spam", language="en", first_name="Ana")
    assert "specific" not in without and "no_unasked_answer" not in without
    decline = check_draft(
        draft, label="spam", language="en", first_name="Ana", action="decline", message="Demo?"
    )
    assert "specific" not in decline and decline["no_unasked_answer"] is True


def test_an_acronym_is_a_specific_element_though_short():
    from reply_assistant.draft_checks import specific

    message = "I'm trying to convince my CTO to run blameless postmortems."
    assert specific("Hi Laura,\n\nThanks for the note about your CTO.", message, "Laura")
    assert not specific("Hi Laura,\n\nThanks for the note about it.", message, "Laura")
