"""Deterministic checks of a drafted reply: cheap, explainable, and the same on every run.

The evals score drafts with them, and the LLM backend checks every draft it writes.
Each check answers True (pass), False (fail) or is left out when it does not apply (an
unclear-message check on a spam decline, a language check when the language is unknown).
The checks that compare the draft with the message it answers (specific, no unasked
answer, no cheer in a condolence) run only when the message is given.
"""

from __future__ import annotations

import re

from reply_assistant.prompt_catalog import FENCE_TAG_NAMES

MAX_WORDS = 120

CHECK_NAMES = (
    "first_name_used",
    "language_matches",
    "length_ok",
    "no_placeholders",
    "spam_declines",
    "unclear_asks",
    "no_commitments",
    "specific",
    "no_unasked_answer",
    "no_cheer_in_condolence",
    "single_sign_off",
    "no_prompt_text",
    "not_an_echo",
)
# The checks that need the message the draft answers (`check_draft(message=...)`).
MESSAGE_CHECKS = ("specific", "no_unasked_answer", "no_cheer_in_condolence", "not_an_echo")
# A draft failing these is not a reply at all (the model copied its input), so no
# wording fix makes it usable.
NOT_A_REPLY_CHECKS = frozenset({"no_prompt_text", "not_an_echo"})
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
# The tags that fence quoted data in the prompts; a reply never contains one.
PROMPT_TAG = re.compile(rf"</?\s*(?:{'|'.join(FENCE_TAG_NAMES)})\s*>", _I)
# Consecutive words shared with the message it answers that make a draft a copy of it: a
# reply may quote a phrase back, not a sentence and more.
ECHO_RUN_WORDS = 12
# A message this long or longer, repeated whole, is an echo however short ("Hello, we offer
# guaranteed SEO growth. Book a demo this week?" sent back with a line added).
MIN_ECHOED_MESSAGE_WORDS = 6
# Consecutive words shared with the prompt's own wording that make a draft a copy of it.
PROMPT_RUN_WORDS = 8
_MIN_COPIED_WORDS = 4

# A closing before the name ("Best, Sam") or alone on the last line ("Thanks!").
_CLOSING = (
    r"(?:best(?: regards| wishes)?|kind regards|warm regards|regards|thanks|thank you"
    r"|many thanks|cheers|sincerely|warmly|all the best|take care|talk soon)"
)
_CLOSING_BEFORE_NAME = re.compile(rf"^{_CLOSING}[,!.]?\s+", _I)
_CLOSING_ALONE = re.compile(rf"^{_CLOSING}[,!.]?$", _I)
_MAX_NAME_WORDS = 3


# Saying an answer to "your question" is coming, in the template languages.
_ANSWERS_A_QUESTION = re.compile(
    r"your question|(?:tu|la) pregunta|(?:ta|votre) question|(?:deine|Ihre) Frage"
    r"|(?:sua|tua) pergunta|(?:tua|la) domanda|(?:je|uw) vraag",
    _I,
)
# What cheer sounds like at the start of a reply to a loss.
_CHEER = re.compile(
    r"great|lovely|wonderful|glad|happy|exciting|awesome|fantastic|congrat|so good|nice to"
    r"|qué (?:bien|gusto|alegría)|genial|enhorabuena|super|génial|ravi|toll|schön|großartig"
    r"|que bom|ótimo|parabéns|che bello|fantastico|leuk|geweldig|!"
    r"|[\U0001f600-\U0001f64f\U0001f389]",
    _I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_TOKEN = re.compile(r"[^\W_][\w'’-]*[^\W_]|[^\W_]", re.UNICODE)
# Words any reply may share with any message: they make no draft specific.
_GENERIC_WORDS = frozenset(
    (
        "thanks", "thank", "thanking", "message", "messages", "question", "questions", "great",
        "hear", "hearing", "touch", "reaching", "getting", "lovely", "welcome", "glad", "happy",
        "properly", "today", "really", "good", "note", "update", "time", "congratulations",
        "congrats", "news", "wishes", "kind", "words", "much", "very", "well", "back", "soon",
        "things", "hope", "look", "looking", "forward", "love", "would", "like", "could",
        "should", "people", "team", "work", "working", "know", "think", "sharing", "share",
        "glad", "write", "writing", "reply", "answer", "about", "there", "their", "these",
        "those", "other", "hello", "hi", "hey", "dear", "best", "regards", "cheers", "with",
        "from", "that", "this", "have", "your", "what", "when", "just", "will", "been", "were",
        "they", "them", "also", "into", "over", "some", "more", "most", "only", "than", "then",
        "once", "here", "where", "which", "while", "para", "pour", "avec", "nous", "vous", "mais",
        "sind", "nicht", "aber", "eine", "einen", "muito", "sobre", "também", "molto", "anche",
        "sono", "heel", "maar", "voor", "niet", "gracias", "merci", "danke", "obrigado", "grazie",
        "bedankt", "the", "and", "you", "for", "but", "not", "our", "are", "was", "can", "how",
        "who", "why", "its", "has", "had", "her", "his"
    )
)  # fmt: skip
_MIN_SPECIFIC_LETTERS = 3
# Three-letter function words of the template languages: never specific.
_SHORT_COMMON = frozenset(
    (
        "the", "and", "you", "for", "but", "not", "our", "are", "was", "can", "how", "who", "why",
        "its", "has", "had", "her", "his", "him", "she", "any", "all", "out", "off", "one", "two",
        "now", "new", "get", "got", "let", "yes", "way", "may", "per", "les", "des", "une", "und",
        "der", "die", "das", "ein", "dem", "den", "mit", "von", "que", "con", "por", "una", "los",
        "las", "del", "sus", "tus", "che", "non", "per", "het", "een", "van", "met", "dat", "wat",
        "nog", "ook", "aan", "uit", "bij", "era", "ser", "son", "est", "ses", "mes", "tes", "nos",
        "vos", "mon", "ton", "mas", "sem", "com", "não", "dos", "das", "ela", "ele"
    )
)  # fmt: skip
_STEM = 5  # words this long or longer match on their first letters: "platforms" ~ "platform"


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


def specific(draft: str, message: str, first_name: str) -> bool:
    """The draft's body shares at least one specific word with the message: a name other
    than the greeting's, an event, a role, a topic word; not "thanks" or "great"."""
    shared = _specific_words(_body(draft), first_name) & _specific_words(message, first_name)
    return bool(shared)


def no_unasked_answer(draft: str, message: str) -> bool:
    """No "let me look into your question" for a message that asked none."""
    return "?" in message or "¿" in message or _ANSWERS_A_QUESTION.search(draft) is None


def no_cheer_in_condolence(draft: str) -> bool:
    """The first sentence of a reply to a loss strikes no cheerful note."""
    body = _body(draft)
    first_sentence = _SENTENCE_END.split(body.strip(), maxsplit=1)[0] if body.strip() else ""
    return _CHEER.search(first_sentence) is None


def single_sign_off(draft: str) -> bool:
    """At most one closing: not "All the best." and then "Best,\nSam"."""
    lines = [line.strip() for line in draft.strip().splitlines() if line.strip()]
    closings = 0
    for line in lines[1:][-3:]:  # the first line is the greeting
        signed = _CLOSING_BEFORE_NAME.match(line) and len(line.split()) <= _MAX_NAME_WORDS + 2
        # "... so I'll pass. All the best." closes the body's last line too.
        ends_body = _CLOSING_ALONE.match(_SENTENCE_END.split(line)[-1])
        if _CLOSING_ALONE.match(line) or (signed and not line.endswith(".")) or ends_body:
            closings += 1
    return closings <= 1


def no_prompt_text(draft: str, instructions: str = "") -> bool:
    """None of the prompt's tags, and no run of its wording (`instructions`: the prompt's
    fixed text and the answer schema's descriptions, when the caller has them)."""
    if PROMPT_TAG.search(draft):
        return False
    # A short draft that is all prompt wording ("The schema a drafter must fill in.") too.
    run = max(min(PROMPT_RUN_WORDS, len(_TOKEN.findall(draft))), _MIN_COPIED_WORDS)
    return not instructions or not _shares_run(draft, instructions, run)


def not_an_echo(draft: str, message: str) -> bool:
    """The draft does not repeat the message (or an instruction hidden in it) at length,
    nor the whole of a short one."""
    message_words = len(_TOKEN.findall(message))
    whole = message_words if message_words >= MIN_ECHOED_MESSAGE_WORDS else ECHO_RUN_WORDS
    return not _shares_run(draft, message, min(ECHO_RUN_WORDS, whole))


def _shares_run(text: str, source: str, run: int) -> bool:
    """Whether `text` has `run` consecutive words that also follow each other in `source`
    (case, punctuation and spacing aside)."""
    words = [token.casefold() for token in _TOKEN.findall(text)]
    if len(words) < run:
        return False
    source_words = [token.casefold() for token in _TOKEN.findall(source)]
    runs = {tuple(source_words[i : i + run]) for i in range(len(source_words) - run + 1)}
    return any(tuple(words[i : i + run]) in runs for i in range(len(words) - run + 1))


def is_condolence(message: str) -> bool:
    """Whether the message offers sympathy or shares a loss (the offline reader's view)."""
    from reply_assistant.backends.offline.occasions import SOMBRE, read_occasion
    from reply_assistant.models import Incoming, SenderFacts

    return read_occasion(Incoming(text=message, sender=SenderFacts(name=""))).occasion in SOMBRE


def _body(draft: str) -> str:
    """The draft without its greeting line and its sign-off."""
    lines = [line for line in draft.strip().splitlines() if line.strip()]
    if lines and len(lines[0].split()) <= 4 and not lines[0].rstrip().endswith((".", "?")):
        lines = lines[1:]
    if sign_off_name("\n".join(lines)) is not None or (
        lines and _CLOSING_ALONE.match(lines[-1].strip())
    ):
        lines = lines[:-1]
        if lines and _CLOSING_ALONE.match(lines[-1].strip()):
            lines = lines[:-1]
    return "\n".join(lines)


def _specific_words(text: str, first_name: str) -> set[str]:
    common = _GENERIC_WORDS | _SHORT_COMMON | {first_name.casefold()}
    words = set()
    for token in _TOKEN.findall(text):
        word = token.casefold().strip("'’")
        # Short words are function words in every template language ("the", "de", "und"),
        # unless written as an acronym ("CTO", "FDA") or a name ("Max", "Noa").
        named = (len(token) > 1 and token.isupper()) or (len(token) >= 3 and token[0].isupper())
        short = len(word) < _MIN_SPECIFIC_LETTERS and not named
        if word in common or short or word.isdigit():
            continue
        words.add(word[:_STEM])
    return words


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


def is_note(draft: str) -> bool:
    """Whether `draft` is a note to the user, in parentheses, rather than a reply."""
    text = draft.strip()
    return text.startswith("(") and text.endswith(")") and "\n" not in text


def check_draft(
    draft: str,
    *,
    label: str | None,
    language: str,
    first_name: str,
    action: str | None = None,
    sign_off: str | None = None,
    message: str | None = None,
    instructions: str = "",
) -> dict[str, bool]:
    """The applicable checks for a draft written for a verdict of `label`.

    `language` is the language the reply should be in (the message's). `sign_off` is the
    user's ("" when they have none; None when unknown: not checked). `message` is the text
    the draft answers (None: the checks that need it are left out); `instructions` the
    prompt's own wording, when known (see `no_prompt_text`); specificity is asked
    of replies to people only, since a decline or a clarifying question may be general.
    A verdict whose action is no_reply (scams, sponsored mail) has no reply to check, nor
    has a note to the user in place of a draft (a message in a language the offline drafts
    are not written in)."""
    if action == "no_reply" or is_note(draft):
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
        "single_sign_off": single_sign_off(draft),
        "no_prompt_text": no_prompt_text(draft, instructions),
    }
    if message is not None:
        replies = label == "relationship" and action in (None, "reply")
        results["specific"] = specific(draft, message, first_name) if replies else None
        results["no_unasked_answer"] = no_unasked_answer(draft, message)
        results["no_cheer_in_condolence"] = (
            no_cheer_in_condolence(draft) if is_condolence(message) else None
        )
        results["not_an_echo"] = not_an_echo(draft, message)
    return {name: passed for name, passed in results.items() if passed is not None}
