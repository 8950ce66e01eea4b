"""Deterministic checks of a drafted reply: cheap, explainable, and the same on every run.

Each check answers True (pass), False (fail) or is left out when it does not apply (an
unclear-message check on a spam decline, a language check when the language is unknown).
"""

from __future__ import annotations

import re

from reply_assistant.backends.offline.language import UNDETERMINED, detect_language

MAX_WORDS = 120

CHECK_NAMES = (
    "first_name_used",
    "language_matches",
    "length_ok",
    "no_placeholders",
    "spam_declines",
    "unclear_asks",
    "no_commitments",
)

_I = re.IGNORECASE

PLACEHOLDER = re.compile(
    r"\[(?:your|my|their|first|last|company|name|insert)[^\]]*\]"
    r"|%[A-Z_]{3,}%|\{\{?\s*[A-Za-z_]+\s*\}?\}|<[^<>\n]{1,40}>|\bXXX\b",
    _I,
)

# A decline says no in so many words; one of these per language is enough.
DECLINE_WORDS: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"not (?:interested|a fit|a match|the right|looking|something|for me|for us|able)"
        r"|no thanks|no, thank|pass on|decline|I'll pass|not at this time|not at the moment"
        r"|not right now|don't need|do not need|won't be|not pursuing|not going to",
        _I,
    ),
    "es": re.compile(r"no (?:me |nos )?interesa|no estoy|no estamos|no necesit|declin|paso", _I),
    "fr": re.compile(
        r"intéresse pas|pas intéress|ne suis pas|ne sommes pas|pas besoin|décline|je passe", _I
    ),
    "de": re.compile(
        r"kein(?:e|en)? interesse|nicht interessiert|brauche[n]? (?:ich |wir )?kein", _I
    ),
    "pt": re.compile(
        r"não (?:tenho|estou|estamos|temos|me interessa|preciso)|sem interesse|dispenso", _I
    ),
    "it": re.compile(r"non (?:sono|siamo|mi interessa|ho bisogno|abbiamo)|declino", _I),
    "nl": re.compile(r"geen interesse|niet geïnteresseerd|niet nodig|geen behoefte", _I),
}

# What a decline must never do: invite the call it is turning down.
ACCEPT_WORDS = re.compile(
    r"let'?s (?:meet|talk|chat|connect|schedule|set up|hop)|happy to (?:meet|chat|talk|hop)"
    r"|book (?:a|some) time|schedule a|my calendar|calendly|sounds (?:great|interesting)"
    r"|send (?:me )?(?:more|details|the deck|info)|tell me more|I'd love to|interested in learning"
    r"|(?:free|available) (?:on|at|next|this|for a)",
    _I,
)

COMMITMENTS = re.compile(
    r"let'?s (?:meet|schedule|set up|book|grab|hop on)|I'?ll (?:introduce|send|connect you"
    r"|transfer|pay|wire|call you|be there|make the intro)|I will (?:introduce|send|pay|transfer)"
    r"|happy to introduce|I can introduce|see you (?:on|at|tomorrow|next)"
    r"|[$€£]\s?\d|\d+\s?(?:USD|EUR|GBP|dollars|euros)\b"
    r"|\b(?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+at\b"
    r"|\bat \d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b",
    _I,
)

_WORD = re.compile(r"\S+")


def first_name_used(draft: str, first_name: str) -> bool | None:
    if not first_name:
        return None
    return re.search(rf"(?<!\w){re.escape(first_name)}(?!\w)", draft, _I) is not None


def language_matches(draft: str, expected: str) -> bool | None:
    if not expected or expected == UNDETERMINED:
        return None
    got = detect_language(draft)
    if got == UNDETERMINED:
        return None  # too short to tell; neither pass nor fail
    return got == expected


def length_ok(draft: str) -> bool:
    return len(_WORD.findall(draft)) <= MAX_WORDS


def no_placeholders(draft: str) -> bool:
    return PLACEHOLDER.search(draft) is None


def spam_declines(draft: str, language: str) -> bool:
    decline = DECLINE_WORDS.get(language, DECLINE_WORDS["en"])
    says_no = decline.search(draft) is not None or DECLINE_WORDS["en"].search(draft) is not None
    return says_no and "?" not in draft and ACCEPT_WORDS.search(draft) is None


def unclear_asks(draft: str) -> bool:
    return draft.count("?") == 1


def no_commitments(draft: str) -> bool:
    return COMMITMENTS.search(draft) is None


def check_draft(
    draft: str, *, label: str | None, language: str, first_name: str, action: str | None = None
) -> dict[str, bool]:
    """The applicable checks for a draft written for a verdict of `label`.

    `language` is the language the reply should be in (the message's). A verdict whose
    action is no_reply (scams, sponsored mail) has no reply to check."""
    if action == "no_reply":
        return {}
    results: dict[str, bool | None] = {
        "first_name_used": first_name_used(draft, first_name),
        "language_matches": language_matches(draft, language),
        "length_ok": length_ok(draft),
        "no_placeholders": no_placeholders(draft),
        "spam_declines": spam_declines(draft, language) if label == "spam" else None,
        "unclear_asks": unclear_asks(draft) if label == "unclear" else None,
        "no_commitments": no_commitments(draft),
    }
    return {name: passed for name, passed in results.items() if passed is not None}
