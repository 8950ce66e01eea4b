"""The user's voice: habits learned from the messages the owner has sent.

How they greet ("Hey Sam" / "Hi Sam," / no greeting), how they sign (a closing and name, or
nothing), how long their messages run, whether they use emoji, how formal they are, and
which language they write to each contact in. Offline drafts follow these habits; LLM
drafts get them as a short style profile (see `style_profile`). Settings under
`[profile.voice]` override what was learned.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reply_assistant.config import Profile, VoiceSettings
    from reply_assistant.store import Store
    from reply_assistant.store.owner_replies import OwnerReply

# What a draft prompt says in place of a style or earlier replies it does not have.
NOT_KNOWN = "(not known: follow the defaults below)"
NO_EARLIER_REPLIES = "(no earlier replies)"
# A habit needs this share of the owner's messages to count as theirs.
_HABIT_SHARE = 0.3
_MIN_SAMPLES = 3
# "Never greets" and "never signs" take more: a few short replies inside threads ("Thursday
# it is.") carry no greeting whoever writes them, and drafts without one read curt.
_MIN_SAMPLES_FOR_NONE = 10
_GREETING = re.compile(
    r"^(?P<word>hi|hey|hello|dear|hiya|hola|bonjour|salut|hallo|hoi|olá|oi|ciao)\s+"
    r"(?P<name>[^\s,!.:]+)(?P<mark>[,!.:]?)",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^(?P<closing>best(?: regards| wishes)?|kind regards|warm regards|regards|thanks|cheers|"
    r"all the best|take care|talk soon|saludos|un abrazo|abrazos?|cordialement|bien à (?:toi|vous)"
    r"|viele grüße|liebe grüße|lg|um abraço|abraço|un saluto|a presto|groeten|groetjes)"
    r"(?P<mark>[,!.]?)(?:\s+(?P<name>\S.{0,30}))?$",
    re.IGNORECASE,
)
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_INFORMAL = re.compile(r"\b(?:hey|cheers|yeah|haha|lol|gonna|wanna|cool|awesome)\b|!|[a-z]'[a-z]")


@dataclass(frozen=True, slots=True)
class Voice:
    greeting: str | None = None  # "Hi {name}," / "Hey {name}" / "" (none); None: not known
    closing: str | None = None  # "Best," / "Cheers" / "" (never signs); None: not known
    signature: str | None = None  # the name under the closing, "" for none
    typical_words: int = 0  # median length of the owner's messages; 0: not known
    emoji: bool = False
    formality: str = ""  # "formal" | "informal" | "" (not known)
    languages: dict[str, str] = field(default_factory=dict)  # contact key -> language
    samples: int = 0  # how many sent messages this was learned from

    def language_for(self, *contact_keys: str) -> str:
        return next((self.languages[key] for key in contact_keys if key in self.languages), "")

    def overridden(self, settings: VoiceSettings) -> Voice:
        """This voice with the config's `[profile.voice]` settings on top."""
        chosen = {name: value for name, value in asdict(settings).items() if value is not None}
        return replace(self, **chosen)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def voice_for(store: Store, profile: Profile) -> Voice:
    """The owner's voice learned from the store's sent messages, with the config on top."""
    return learn_voice(store.owner_replies()).overridden(profile.voice)


def learn_voice(replies: Sequence[OwnerReply]) -> Voice:
    """The habits in the owner's sent messages; fields stay unknown below a few samples."""
    from reply_assistant.backends.offline.language import UNDETERMINED, detect_language

    if len(replies) < _MIN_SAMPLES:
        return Voice(samples=len(replies))
    texts = [reply.text.strip() for reply in replies]
    greetings = Counter(_greeting_of(text) for text in texts)
    sign_offs = Counter(_sign_off_of(text) for text in texts)
    languages: dict[str, Counter[str]] = {}
    for reply in replies:
        language = detect_language(reply.text)
        if reply.recipient_key and language != UNDETERMINED:
            languages.setdefault(reply.recipient_key, Counter())[language] += 1
    informal = sum(1 for text in texts if _INFORMAL.search(text))
    greeting = _habit(greetings, "")
    closing, signature = _habit(sign_offs, ("", ""))
    if len(replies) < _MIN_SAMPLES_FOR_NONE:  # too few to tell "never" from "not here"
        greeting = greeting or None
        closing, signature = (closing, signature) if closing else (None, None)
    return Voice(
        greeting=greeting,
        closing=closing,
        signature=signature,
        typical_words=round(statistics.median(len(text.split()) for text in texts)),
        emoji=sum(1 for text in texts if _EMOJI.search(text)) / len(texts) >= _HABIT_SHARE,
        formality="informal" if informal / len(texts) >= _HABIT_SHARE else "formal",
        languages={key: counts.most_common(1)[0][0] for key, counts in languages.items()},
        samples=len(replies),
    )


def _habit(counts: Counter, none: Any) -> Any:
    """The commonest habit among the messages that show one, when enough of them do;
    else `none` (no greeting, no sign-off)."""
    shown = {value: count for value, count in counts.items() if value != none}
    if not shown or sum(shown.values()) / sum(counts.values()) < _HABIT_SHARE:
        return none
    return max(shown, key=lambda value: shown[value])


def _greeting_of(text: str) -> str:
    first_line = text.splitlines()[0] if text else ""
    match = _GREETING.match(first_line)
    if not match:
        return ""
    return f"{match.group('word').capitalize()} {{name}}{match.group('mark')}"


def _sign_off_of(text: str) -> tuple[str, str]:
    """(closing, signature) at the end of a message, ("", "") when it just ends."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return ("", "")
    last = _CLOSING.match(lines[-1])
    if last:
        return (lines[-1][: last.end("mark")], last.group("name") or "")
    before = _CLOSING.match(lines[-2])
    if before and not before.group("name") and len(lines[-1].split()) <= 3:
        return (lines[-2], lines[-1])
    return ("", "")


def describe_voice(voice: Voice) -> list[tuple[str, str]]:
    """(habit, what was learned) rows, for `reply-assistant voice` and the LLM's profile."""

    def known(value: object, shown: str) -> str:
        return "not enough sent messages to tell" if value is None else shown

    return [
        ("greeting", known(voice.greeting, voice.greeting or "none (starts straight in)")),
        (
            "sign-off",
            known(
                voice.closing,
                " ".join(part for part in (voice.closing, voice.signature) if part) or "none",
            ),
        ),
        ("typical length", f"{voice.typical_words} words" if voice.typical_words else "unknown"),
        ("emoji", "often" if voice.emoji else "rarely or never"),
        ("formality", voice.formality or "unknown"),
        ("languages by contact", _languages(voice.languages)),
        ("learned from", f"{voice.samples} sent messages"),
    ]


def summary_line(voice: Voice) -> str:
    """One line naming the voice a backend drafts in (for `-v`); no message text in it."""
    if voice.samples < _MIN_SAMPLES and voice.greeting is None and voice.closing is None:
        return f"default (only {voice.samples} sent messages to learn from)"
    rows = dict(describe_voice(voice))
    return (
        f"greeting {rows['greeting']!r}, sign-off {rows['sign-off']!r}, "
        f"{rows['typical length']}, {rows['formality']}, emoji {rows['emoji']} "
        f"(learned from {voice.samples} sent messages)"
    )


def style_profile(voice: Voice) -> str:
    """A few lines an LLM can follow; empty when nothing was learned."""
    if not voice.samples and voice.greeting is None and voice.closing is None:
        return ""
    rows = describe_voice(voice)[:-2]  # languages are per message; sample count is ours
    return "\n".join(f"- {habit}: {learned}" for habit, learned in rows)


def _languages(languages: Mapping[str, str]) -> str:
    counts = Counter(languages.values())
    return ", ".join(f"{language} ({n} contacts)" for language, n in counts.most_common()) or "—"
