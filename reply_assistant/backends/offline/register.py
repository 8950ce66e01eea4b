"""How formal and how long an offline draft is, from the habits the owner's sent messages
show (reply_assistant.voice): a short writer gets the shorter phrasings, a long writer a
closing line; an informal writer the "Hi" / "Thanks!" register, a formal one "Dear" /
"Thank you" / "Kind regards" and no contractions or exclamation marks.

The owner's formality is applied to English drafts only: in the other template languages
it is a matter of du/Sie, tu/vous, tú/usted throughout the sentence. German and French
replies follow the sender's instead (`addresses_formally`): one who writes "Sie" or "vous"
is answered in that form (phrasebook `FORMAL_OCCASION_PHRASES`), not with the du and tu
friends write.
"""

from __future__ import annotations

import re

from reply_assistant.voice import Voice

# Median words per sent message at or below which a writer is short, at or above which
# long. The demo owner writes about 19.
SHORT_WRITER_WORDS = 12
LONG_WRITER_WORDS = 45
# A short writer's draft body still says something: never fewer words than this.
MIN_BODY_WORDS = 6

# Capitalised "Sie" mid-sentence, or "Ihnen"/"Ihr…", is the formal you; "sie" is she or they.
_GERMAN_FORMAL = re.compile(r"(?<![.!?:\n]\s)(?<!^)\bSie\b|\bIhnen\b|\bIhre?[mnrs]?\b|geehrte")
_FRENCH_FORMAL = re.compile(r"\b(?:vous|votre|vos)\b", re.IGNORECASE)
_FRENCH_FAMILIAR = re.compile(r"\b(?:tu|toi|ton|ta|tes)\b|\bt'", re.IGNORECASE)
_GERMAN_FAMILIAR = re.compile(r"\b(?:du|dich|dir|dein(?:e[mnrs]?)?)\b", re.IGNORECASE)


def addresses_familiarly(text: str, language: str) -> bool:
    """The sender says du (German) or tu (French) to the owner, and never Sie or vous."""
    if language == "de":
        return bool(_GERMAN_FAMILIAR.search(text)) and not _GERMAN_FORMAL.search(text)
    if language == "fr":
        return bool(_FRENCH_FAMILIAR.search(text)) and not _FRENCH_FORMAL.search(text)
    return False


def addresses_formally(text: str, language: str) -> bool:
    """The sender says Sie (German) or vous and never tu (French) to the owner."""
    if language == "de":
        return _GERMAN_FORMAL.search(text) is not None
    if language == "fr":
        return bool(_FRENCH_FORMAL.search(text)) and not _FRENCH_FAMILIAR.search(text)
    return False


LONG_CLOSING_LINE: dict[str, str] = {
    "en": "Hope all is well on your side.",
    "es": "Espero que todo vaya bien por ahí.",
    "fr": "J'espère que tout va bien de ton côté.",
    "de": "Ich hoffe, bei dir ist alles gut.",
    "pt": "Espero que esteja tudo bem por aí.",
    "it": "Spero che vada tutto bene.",
    "nl": "Ik hoop dat alles goed met je gaat.",
}
FORMAL_GREETING = "Dear {name},"
FORMAL_CLOSING = "Kind regards,"
INFORMAL_CLOSING = "Cheers,"

_INFORMAL_SWAPS = (
    (r"\bThank you so much\b", "Thanks so much"),
    (r"\bThank you very much\b", "Thanks a lot"),
    (r"\bThank you\b", "Thanks"),
    (r"\bthank you\b", "thanks"),
    (r"\bI am\b", "I'm"),
    (r"\bI would\b", "I'd"),
    (r"\bI will\b", "I'll"),
    (r"\bit has been\b", "it's been"),
    (r"\b([Tt])hat is\b", r"\1hat's"),
    (r"\b([Ii])t is\b", r"\1t's"),
)
_FORMAL_SWAPS = (
    (r"\bThanks a lot\b", "Thank you very much"),
    (r"\bThanks\b", "Thank you"),
    (r"\bthanks\b", "thank you"),
    (r"\bI'm\b", "I am"),
    (r"\bI'd\b", "I would"),
    (r"\bI'll\b", "I will"),
    (r"\b([Yy])ou're\b", r"\1ou are"),
    (r"\b([Tt])hat's\b", r"\1hat is"),
    (r"\b([Ii])t's\b", r"\1t is"),
    (r"\b([Ww])hat's\b", r"\1hat is"),
    (r"\b(do|is|are|have|was)n't\b", r"\1 not"),
    (r"!", "."),
)
_FIRST_SENTENCE = re.compile(r"^(?P<sentence>[^.!?]*?)\.(?=\s|$)")


def is_short_writer(voice: Voice) -> bool:
    return 0 < voice.typical_words <= SHORT_WRITER_WORDS


def is_long_writer(voice: Voice) -> bool:
    return voice.typical_words >= LONG_WRITER_WORDS


def body_word_budget(voice: Voice) -> int | None:
    """The most words a short writer's draft body should have; None: no limit."""
    if not is_short_writer(voice):
        return None
    return max(voice.typical_words, MIN_BODY_WORDS)


def within_budget(groups: list[list[str]], budget: int | None) -> list[str]:
    """The phrasings, best group first, of at most `budget` words. Naming what the sender
    named matters more than brevity: when none of the best group fits, its shortest leads."""
    ordered = [phrasing for group in groups for phrasing in group]
    if budget is None or not ordered:
        return ordered
    fitting = [phrasing for phrasing in ordered if len(phrasing.split()) <= budget]
    if not set(groups[0]) & set(fitting):
        fitting.insert(0, min(groups[0], key=lambda phrasing: len(phrasing.split())))
    return fitting


def in_register(body: str, language: str, voice: Voice, *, exclaim: bool) -> str:
    """`body` in the owner's register (English only). An informal reply that thanks opens
    with "Thanks ...!" when `exclaim` allows (not after a loss, not in a decline) and the
    body does not exclaim already."""
    if language != "en" or not voice.formality:
        return body
    if voice.formality == "formal":
        return _swapped(body, _FORMAL_SWAPS)
    body = _swapped(body, _INFORMAL_SWAPS)
    first = _FIRST_SENTENCE.match(body)
    if exclaim and "!" not in body and first and first["sentence"].startswith("Thanks"):
        body = f"{first['sentence']}!{body[first.end() :]}"
    return body


def greeting_template(default: str, language: str, voice: Voice) -> str:
    """The greeting a formal English writer gets when none was learned; else `default`."""
    return FORMAL_GREETING if language == "en" and voice.formality == "formal" else default


def closing_for(default: str, language: str, voice: Voice) -> str:
    """The closing for the owner's register when none was learned (English); else `default`."""
    if language != "en" or not voice.formality:
        return default
    return FORMAL_CLOSING if voice.formality == "formal" else INFORMAL_CLOSING


def _swapped(text: str, swaps: tuple[tuple[str, str], ...]) -> str:
    for pattern, replacement in swaps:
        text = re.sub(pattern, replacement, text)
    return text
