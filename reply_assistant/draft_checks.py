"""Deterministic checks of a drafted reply: cheap, explainable, and the same on every run.

The evals score drafts with them, and the LLM backend checks every draft it writes.
Each check answers True (pass), False (fail) or is left out when it does not apply (an
unclear-message check on a spam decline, a language check when the language is unknown).
"""

from __future__ import annotations

import re

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
# Checked only when the user's sign-off is known (the live checks; the eval datasets have
# no profile), so it is not among the eval's CHECK_NAMES.
SIGN_OFF_CHECK = "sign_off_ok"

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

# A closing before the name ("Best, Sam") or alone on the last line ("Thanks!").
_CLOSING = (
    r"(?:best(?: regards| wishes)?|kind regards|warm regards|regards|thanks|thank you"
    r"|many thanks|cheers|sincerely|warmly|all the best|take care|talk soon)"
)
_CLOSING_BEFORE_NAME = re.compile(rf"^{_CLOSING}[,!.]?\s+", _I)
_CLOSING_ALONE = re.compile(rf"^{_CLOSING}[,!.]?$", _I)
_MAX_NAME_WORDS = 3


def first_name_used(draft: str, first_name: str) -> bool | None:
    if not first_name:
        return None
    return re.search(rf"(?<!\w){re.escape(first_name)}(?!\w)", draft, _I) is not None


def language_matches(draft: str, expected: str) -> bool | None:
    # Imported here: the offline package brings numpy, which the LLM path does not need
    # until a draft is checked.
    from reply_assistant.backends.offline.language import UNDETERMINED, detect_language

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


def sign_off_name(draft: str) -> str | None:
    """The name a draft is signed with: its last line when that is a short name after at
    least one other line ("Jordan", "Best, Sam Lee"); None when it ends otherwise."""
    lines = [line.strip() for line in draft.strip().splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    last = _CLOSING_BEFORE_NAME.sub("", lines[-1])
    if _CLOSING_ALONE.match(last) or last.endswith(("?", ".", "!", ",", ":")):
        return None
    words = last.split()
    if 1 <= len(words) <= _MAX_NAME_WORDS and all(word[:1].isupper() for word in words):
        return last
    return None


def sign_off_ok(draft: str, sign_off: str) -> bool:
    """Signed with the user's own sign-off, or not signed with a name at all: never with
    someone else's name (the sender's, or one copied from a prompt's example)."""
    name = sign_off_name(draft)
    return name is None or (bool(sign_off) and name.casefold() == sign_off.casefold())


def check_draft(
    draft: str,
    *,
    label: str | None,
    language: str,
    first_name: str,
    action: str | None = None,
    sign_off: str | None = None,
) -> dict[str, bool]:
    """The applicable checks for a draft written for a verdict of `label`.

    `language` is the language the reply should be in (the message's). `sign_off` is the
    user's ("" when they have none; None when unknown: not checked). A verdict whose
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
        SIGN_OFF_CHECK: sign_off_ok(draft, sign_off) if sign_off is not None else None,
    }
    return {name: passed for name, passed in results.items() if passed is not None}
