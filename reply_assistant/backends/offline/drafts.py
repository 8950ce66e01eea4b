"""Offline drafts in the language of the incoming message, fitted to its occasion.

A relationship reply answers what the message is (occasions.read_occasion): thanks for
birthday wishes, a loss acknowledged without cheer, the event, mutual contact, role or
topic named in the sender's own words, a scheduling reply confirmed in one line, and "let
me look into your question" only when there is a question. Nothing commits the user to a
meeting, money or an introduction. Declines accept nothing and ask nothing; clarifications
ask exactly one question. A no_reply verdict gets a note for the user, in parentheses.

Each occasion has several phrasings: asking again for the same message gives the next one
(`compose_draft(variant=...)`), and the user's voice (reply_assistant.voice) decides the
greeting, the sign-off and the emoji, and through `register` the length and formality. A
message in a language the phrasebook lacks gets a note saying so, not a reply in another.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, OrderedDict

from reply_assistant.backends.offline import occasions as o
from reply_assistant.backends.offline import register
from reply_assistant.backends.offline.language import UNDETERMINED, detect_language
from reply_assistant.backends.offline.phrasebook import (
    ANSWER_LATER,
    CLARIFY,
    CLARIFY_BY_ASK,
    DECLINES,
    DECLINES_TO_CONNECTION,
    FAMILIAR_CLARIFY,
    FORMAL_ANSWER_LATER,
    FORMAL_GREETINGS,
    FORMAL_OCCASION_PHRASES,
    FRAMES,
    OCCASION_PHRASES,
    Frame,
)
from reply_assistant.backends.offline.unclear_asks import unclear_ask
from reply_assistant.config import Profile
from reply_assistant.models import Action, Incoming, VerdictOutput
from reply_assistant.voice import Voice

_SLOT = re.compile(r"\{(\w+)\}")
_MAX_SLOT_WORDS = 8
# Occasions whose phrasing already answers what was asked (an invitation, a role, a time).
_ANSWERED_BY_OPENER = frozenset(
    {o.INVITATION, o.RECRUITER, o.REFERRAL_OFFER, o.SCHEDULING, o.CONDOLENCE, o.SENDER_LOSS}
)
_EMOJI = "🙂"
# A language the phrasebook lacks is named only in a message long enough to tell: of the
# 2,084 evals/corpus messages in template languages, the five read as another language
# were all shorter than this ("yo", "hbd!!", "CALL ME WHEN FREE").
_MIN_LETTERS_TO_NAME = 20
_LINK = re.compile(r"(?:https?://|www\.)\S+")


class Rotation:
    """How many times each message has been redrafted in this process, so each redraft
    takes the next phrasing. Bounded: the oldest messages are forgotten first."""

    def __init__(self, size: int = 4096) -> None:
        self._counts: OrderedDict[str, int] = OrderedDict()
        self._size = size

    def next(self, key: str) -> int:
        """1 for the first redraft of `key`, then 2, 3...: the first draft was variant 0."""
        count = self._counts.pop(key, 0) + 1
        self._counts[key] = count
        if len(self._counts) > self._size:
            self._counts.popitem(last=False)
        return count


REDRAFTS = Rotation()


def redraft_variant(item: Incoming) -> int:
    """The variant for asking again about `item` (the UI's `r`): a new one each time."""
    return REDRAFTS.next(item.message_id or item.text)


def reply_language(item: Incoming, fallback: str, voice: Voice | None = None) -> str:
    """The incoming message's language; else the one the owner writes to this sender in;
    else the sender's earlier turns'; else `fallback`."""
    language = detect_language(item.read_text)
    if language == UNDETERMINED and voice is not None:
        language = voice.language_for(item.sender.profile_url, item.sender.name) or UNDETERMINED
    if language == UNDETERMINED:
        earlier = " ".join(turn.text for turn in item.thread if not turn.from_owner)
        language = detect_language(earlier)
    if language == UNDETERMINED or language not in FRAMES:
        language = fallback if fallback in FRAMES else "en"
    return language


def untemplated_language(item: Incoming) -> str:
    """The language of `item` when the drafts are not written in it ("ja", "pl"), else "".
    Such a message gets a note saying so, not a reply in the wrong language."""
    text = item.read_text
    language = detect_language(text)
    if language in FRAMES or language == UNDETERMINED:
        return ""
    letters = [character for character in _LINK.sub(" ", text) if character.isalpha()]
    # The template languages are all written in Latin letters: a message mostly in another
    # script ("こんにちは！") is in none of them, however short.
    latin = sum(unicodedata.name(character, "").startswith("LATIN") for character in letters)
    if len(letters) >= _MIN_LETTERS_TO_NAME or latin < len(letters) / 2:
        return language
    return ""


def compose_draft(
    item: Incoming,
    verdict: VerdictOutput,
    *,
    signature: str,
    fallback_language: str,
    voice: Voice | None = None,
    variant: int = 0,
    owner_first_name: str = "",
) -> tuple[str, str]:
    """(text, language) of the draft the verdict's action calls for.

    `variant` picks among the phrasings: 0 is the best fit, and the same for the same
    message on every run; a redraft passes `redraft_variant(item)` to get another one, which
    differs from the drafts before it while `phrasing_count` allows."""
    voice = voice or Voice()
    language = reply_language(item, fallback_language, voice)
    frame = FRAMES[language]
    if verdict.action is Action.NO_REPLY:
        note = frame.no_reply_sponsored if item.sender.sponsored else frame.no_reply_scam
        return note, language
    untemplated = untemplated_language(item)
    if untemplated:
        import langcodes  # its name data takes a third of a second: only when needed

        name = langcodes.Language.get(untemplated).display_name(language)
        return frame.untemplated.format(language=name), language
    seed = int(hashlib.sha256(item.text.encode("utf-8")).hexdigest()[:8], 16)
    budget = register.body_word_budget(voice)
    formal = register.addresses_formally(item.text, language)
    if verdict.action is Action.DECLINE:
        body = _pick(declines(item, language), {}, variant, seed, budget)
        body = register.in_register(body, language, voice, exclaim=False)
    elif verdict.action is Action.ASK:
        body = _pick(clarifying_questions(item, language), {}, variant, seed, budget)
        body = register.in_register(body, language, voice, exclaim=False)
    else:
        body = _reply_body(item, language, voice, variant, seed, owner_first_name, formal)
    parts = [_greeting(item, frame, voice, language, formal), body]
    sign_off = _sign_off(frame, voice, signature, language)
    if sign_off:
        parts.append(sign_off)
    return "\n\n".join(part for part in parts if part), language


def compose_for_owner(
    item: Incoming,
    verdict: VerdictOutput,
    profile: Profile,
    *,
    voice: Voice | None = None,
    variant: int = 0,
) -> tuple[str, str]:
    """`compose_draft` as `profile`'s owner writes it: their sign-off, their first language
    when the message's cannot be told, and their first name, which is never taken for a
    specific of the message."""
    return compose_draft(
        item,
        verdict,
        signature=profile.sign_off,
        fallback_language=(profile.languages or ["en"])[0],
        voice=voice,
        variant=variant,
        owner_first_name=profile.name.split()[0] if profile.name else "",
    )


def phrasing_count(
    item: Incoming,
    verdict: VerdictOutput,
    fallback_language: str = "en",
    voice: Voice | None = None,
) -> int:
    """How many different drafts `compose_draft` can write for this message: a redraft
    beyond this repeats one (a UI can say so)."""
    if verdict.action is Action.NO_REPLY or untemplated_language(item):
        return 1
    voice = voice or Voice()
    language = reply_language(item, fallback_language, voice)
    budget = register.body_word_budget(voice)
    if verdict.action is Action.DECLINE:
        return len(_candidates(declines(item, language), {}, 0, budget))
    if verdict.action is Action.ASK:
        return len(_candidates(clarifying_questions(item, language), {}, 0, budget))
    reading = o.read_occasion(item)
    phrasebook = _phrasebook(register.addresses_formally(item.text, language), language)
    phrasings = phrasebook[reading.occasion]
    return len(_candidates(phrasings, _slots_in(language, reading), 0, budget))


def declines(item: Incoming, language: str) -> tuple[str, ...]:
    """The declines for a connection's pitch when the sender is one, else the plain ones."""
    return DECLINES_TO_CONNECTION[language] if item.sender.first_degree else DECLINES[language]


def clarifying_questions(item: Incoming, language: str) -> tuple[str, ...]:
    """The clarifying questions that fit what the vague message asks (a price, a question
    it has not asked yet, a proposal it has not described), else the general ones; in
    German and French with du or tu to a sender who writes so."""
    kind = unclear_ask(item.text)
    if language in FAMILIAR_CLARIFY[kind] and register.addresses_familiarly(item.text, language):
        return FAMILIAR_CLARIFY[kind][language]
    return CLARIFY_BY_ASK[kind][language] if kind else CLARIFY[language]


def _reply_body(
    item: Incoming,
    language: str,
    voice: Voice,
    variant: int,
    seed: int,
    owner_first_name: str,
    formal: bool,
) -> str:
    """`formal`: the sender writes Sie or vous (`register.addresses_formally`)."""
    reading = o.read_occasion(item, owner_first_name)
    budget = register.body_word_budget(voice)
    phrasings = _phrasebook(formal, language)[reading.occasion]
    slots = _slots_in(language, reading)
    opener = _pick(phrasings, slots, variant, seed, budget)
    sentences = [opener]
    if reading.asks_question and reading.occasion not in _ANSWERED_BY_OPENER:
        # The question deserves the user's own answer: the draft says one is coming rather
        # than inventing it; the topic is named once, in whichever sentence comes first.
        # A short writer gets the shortest way of saying so.
        named = {slot: value for slot, value in slots.items() if value not in opener}
        later_budget = register.MIN_BODY_WORDS if budget else None
        answers = FORMAL_ANSWER_LATER[language] if formal else ANSWER_LATER[language]
        sentences.append(_pick(answers, named, 0, seed, later_budget))
    sombre = reading.occasion in o.SOMBRE
    # The long writer's closing line says du and tu: not to a sender who writes Sie or vous.
    closes = not sombre and not formal and reading.occasion != o.SCHEDULING
    if register.is_long_writer(voice) and closes:
        sentences.append(register.LONG_CLOSING_LINE[language])
    body = register.in_register(" ".join(sentences), language, voice, exclaim=not sombre)
    if voice.emoji and not sombre:
        body = f"{body} {_EMOJI}"
    return body


# The topic and the question's subject are read with an English noun-phrase grammar and an
# English "your" -> "my": in the other languages they came out garbled ("sobre le mandó los
# recibos", "zu Tag Herr Becker"), so a reply there names only what the occasion reader
# found by its own patterns (event, contact, role, the thing thanked for, the news). Proper
# names alone as the topic were tried: as often the owner greeted in a form the reader does
# not know ("Lieve Sanne"), a place or an acronym ("sobre CIF") as the subject.
_ENGLISH_ONLY_SLOTS = frozenset(("topic", "question"))


def _phrasebook(formal: bool, language: str) -> dict[str, tuple[str, ...]]:
    return FORMAL_OCCASION_PHRASES[language] if formal else OCCASION_PHRASES[language]


def _slots_in(language: str, reading: o.Reading) -> dict[str, str]:
    """The specifics a reply in `language` may name."""
    if language == "en":
        return reading.slots
    return {slot: value for slot, value in reading.slots.items() if slot not in _ENGLISH_ONLY_SLOTS}


def _usable(phrasings: tuple[str, ...], slots: dict[str, str]) -> list[list[str]]:
    """The phrasings whose slots were all found, best first: those naming the occasion's own
    specifics (event, contact, role...), then those naming only the topic, then the plain."""
    usable = [p for p in phrasings if set(_SLOT.findall(p)) <= set(slots)]
    named = [p for p in usable if set(_SLOT.findall(p)) - {"topic"}]
    topical = [p for p in usable if _SLOT.findall(p) and p not in named]
    plain = [p for p in usable if not _SLOT.search(p)]
    return [group for group in (named, topical, plain) if group]


def _pick(
    phrasings: tuple[str, ...], slots: dict[str, str], variant: int, seed: int, budget: int | None
) -> str:
    candidates = _candidates(phrasings, slots, seed, budget)
    return candidates[variant % len(candidates)]


def _candidates(
    phrasings: tuple[str, ...], slots: dict[str, str], seed: int, budget: int | None
) -> list[str]:
    """The usable phrasings with their slots filled, in the order redrafts go through them;
    within `budget` words when one is given (a short writer)."""
    # Messages of one occasion start at different phrasings within a group, so an inbox of
    # thank-yous does not get one text.
    groups = [
        [_SLOT.sub(lambda match: _slot_text(slots[match.group(1)]), p) for p in _rotated(g, seed)]
        for g in _usable(phrasings, slots)
    ]
    return register.within_budget(groups, budget)


def _rotated(items: list[str], seed: int) -> list[str]:
    if not items:
        return items
    start = seed % len(items)
    return items[start:] + items[:start]


def _slot_text(value: str) -> str:
    words = value.split()
    return " ".join(words[:_MAX_SLOT_WORDS])


def _greeting(item: Incoming, frame: Frame, voice: Voice, language: str, formal: bool) -> str:
    name = item.first_name
    # A name that is itself a mail-merge leftover would repeat the sender's mistake.
    if not name or any(mark in name for mark in "%{}[]<>"):
        return frame.greet_anonymous
    template = register.greeting_template(frame.greet, language, voice)
    if voice.greeting is not None and _is_voice_language(voice, language):
        if not voice.greeting:
            return ""
        template = voice.greeting
    elif formal and language in FORMAL_GREETINGS:
        # "Hallo Karoline," to "Sehr geehrter Herr Pike, … Sie" is a slip in register.
        template, name = FORMAL_GREETINGS[language], item.sender.name or name
    return template.format(name=name)


def _sign_off(frame: Frame, voice: Voice, signature: str, language: str) -> str:
    """The closing and name: the user's own habit in their language, else the template's;
    one closing only, and none for a user who never signs."""
    closing = register.closing_for(frame.sign, language, voice)
    if voice.closing is not None and _is_voice_language(voice, language):
        closing = voice.closing
        signature = signature or voice.signature or ""
        if not closing and not signature:
            return ""
    if not signature:
        return ""
    return f"{closing}\n{signature}" if closing else signature


def _is_voice_language(voice: Voice, language: str) -> bool:
    """Whether the learned greeting and closing are in `language` (the owner's main one)."""
    main = Counter(voice.languages.values()).most_common(1)
    return language == (main[0][0] if main else "en")


def chunk_words(text: str, words_per_chunk: int = 3) -> list[str]:
    """`text` split into chunks of a few words each; joined, they give `text` back."""
    pieces = re.findall(r"\s*\S+\s*", text) or [text]
    return [
        "".join(pieces[start : start + words_per_chunk])
        for start in range(0, len(pieces), words_per_chunk)
    ]
