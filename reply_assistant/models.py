"""The data that crosses module boundaries.

Dataclasses for what the export reader produces (fast to build by the hundred thousand);
pydantic models for what an LLM produces, since that must be validated.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field, field_validator

from reply_assistant.greeting_name import greeting_name
from reply_assistant.printable import printable


class Label(StrEnum):
    SPAM = "spam"
    RELATIONSHIP = "relationship"
    UNCLEAR = "unclear"


class Action(StrEnum):
    REPLY = "reply"
    DECLINE = "decline"
    ASK = "ask"
    NO_REPLY = "no_reply"


# The action that normally goes with each label; scams and sponsored mail get NO_REPLY.
DEFAULT_ACTION: dict[Label, Action] = {
    Label.SPAM: Action.DECLINE,
    Label.RELATIONSHIP: Action.REPLY,
    Label.UNCLEAR: Action.ASK,
}


# ---------------------------------------------------------------- source side


class MessageKind(StrEnum):
    """What a row of messages.csv is, decided when it is read."""

    TEXT = "text"  # something a person wrote: judged and drafted for
    # LinkedIn's own note in a conversation ("Message request accepted", "X left the
    # conversation"): a blank sender; shown in the thread, never judged or awaiting a reply.
    EVENT = "event"
    ATTACHMENT = "attachment"  # a file or image and no text: nothing to judge as text
    EMPTY = "empty"  # neither text nor attachment (deleted, or an unsupported kind)


# Kinds a person sent that hold no text to judge: they get NO_REPLY and a note, no draft.
WORDLESS_KINDS = frozenset({MessageKind.ATTACHMENT, MessageKind.EMPTY})


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    profile_url: str = ""


@dataclass(frozen=True, slots=True)
class Message:
    """One row of a LinkedIn `messages.csv` (drafts excluded by the reader)."""

    conversation_id: str
    sender: Participant
    recipients: tuple[Participant, ...]
    sent_at: datetime  # timezone-aware UTC
    content_raw: str  # as exported, possibly HTML
    text: str  # plain text derived from content_raw
    conversation_title: str = ""
    subject: str = ""
    folder: str = ""
    attachments: tuple[str, ...] = ()
    sponsored: bool = False
    placeholders: tuple[str, ...] = ()  # unfilled mail-merge fields found, e.g. "%FIRSTNAME%"
    source_line: int = 0  # line in the CSV where the row starts, for error reports
    kind: MessageKind = MessageKind.TEXT

    @property
    def id(self) -> str:
        """Stable across re-imports of the same or a newer export."""
        key = "\x1f".join(
            (
                self.conversation_id,
                self.sent_at.isoformat(),
                self.sender.profile_url or self.sender.name,
                self.content_raw,
            )
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Connection:
    first_name: str
    last_name: str
    profile_url: str = ""
    company: str = ""
    position: str = ""
    connected_on: date | None = None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class SkippedRow:
    file: str
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ThreadTurn:
    sender_name: str
    text: str
    from_owner: bool
    sent_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SenderFacts:
    name: str
    profile_url: str = ""
    # None: not known (the export has no connections list, or the text was typed in by
    # hand); unknown is not "stranger", so nothing may read it as False.
    first_degree: bool | None = None
    connected_on: date | None = None
    sponsored: bool = False
    placeholders: tuple[str, ...] = ()
    earlier_pitches: int = 0  # spam verdicts already given to this sender's other messages
    mark: str | None = None  # what the person said about them: 'friend', 'mute' or None


@dataclass(frozen=True, slots=True)
class Incoming:
    """What the assistant judges: the newest incoming message with its context."""

    text: str
    sender: SenderFacts
    thread: tuple[ThreadTurn, ...] = ()  # earlier messages, oldest first
    message_id: str = ""
    conversation_id: str = ""
    kind: MessageKind = MessageKind.TEXT
    # The SUBJECT line: InMails, event invitations and the older messages (about 2008 to
    # 2016) carry one, and a person reads it with the body; "" for most messages.
    subject: str = ""

    @property
    def first_name(self) -> str:
        """The name a greeting uses; empty when the sender's name is not a person's."""
        return greeting_name(self.sender.name)

    @property
    def shown_subject(self) -> str:
        """The subject when it adds to the body: not blank, not the body's own opening."""
        return shown_subject(self.subject, self.text)

    @property
    def read_text(self) -> str:
        """What is judged: the subject, then the body (`with_subject`)."""
        return with_subject(self.subject, self.text)


_SENTENCE_ENDS = frozenset(".!?…。！？")


def with_subject_line(subject: str, body: str) -> str:
    """The message for a reader who is shown fields (a prompt, a spreadsheet cell): a
    "Subject:" line over the body when the subject adds anything."""
    subject = shown_subject(subject, body)
    return f"Subject: {subject}\n\n{body}".rstrip() if subject else body


def with_subject(subject: str, body: str) -> str:
    """The message as a person reads it: the subject as its opening sentence, then the
    body ("Proposal: SEO audit for acme.io" over "Any update?"); the body alone when the
    subject adds nothing."""
    subject = shown_subject(subject, body)
    if not subject:
        return body
    if not body.strip():
        return subject
    ends = "" if subject[-1] in _SENTENCE_ENDS else "."
    return f"{subject}{ends} {body}"


def shown_subject(subject: str, body: str) -> str:
    """`subject` stripped, or "" when blank or when the body already opens with it (some
    senders type the subject again as the first line)."""
    subject = " ".join(subject.split())
    if not subject:  # most messages: the body need not be read
        return ""
    opening = " ".join(body.split())[: len(subject)]
    return "" if opening.casefold() == subject.casefold() else subject


# ---------------------------------------------------------------- assistant side


class VerdictOutput(BaseModel):
    """The schema a classifier (LLM or offline) must fill in."""

    label: Label
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str = Field(description="One short sentence a person can check.")
    signals: list[str] = Field(
        default_factory=list,
        description="Short tags such as 'pitch', 'fake familiarity', 'warm intro'.",
    )
    action: Action

    # An LLM's answer is shown in a terminal, and a message it read can steer it.
    @field_validator("reason")
    @classmethod
    def _printable_reason(cls, reason: str) -> str:
        return printable(reason)

    @field_validator("signals")
    @classmethod
    def _printable_signals(cls, signals: list[str]) -> list[str]:
        return [printable(signal) for signal in signals]


class DraftOutput(BaseModel):
    """The schema a drafter must fill in."""

    text: str
    language: str = Field(description="ISO 639-1 code of the reply's language, e.g. 'en'.")

    @field_validator("text")
    @classmethod
    def _printable_text(cls, text: str) -> str:
        return printable(text)  # shown in a terminal, and copied for pasting (VerdictOutput)


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_prompt_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cached_prompt_tokens=self.cached_prompt_tokens + other.cached_prompt_tokens,
        )


class Provenance(BaseModel):
    """What produced a verdict or draft, recorded with it."""

    backend: str  # config.OFFLINE or config.OPENAI
    model: str
    prompt_version: str  # e.g. "classify@v1"; "offline@<hash>" for the offline model
    usage: Usage = Field(default_factory=Usage)
    cost_usd: float | None = None  # None when the model's price is unknown
    latency_ms: float = 0.0
    cached: bool = False  # served from the response cache
    # The draft checks an LLM draft still failed after one redraft naming them (shown beside
    # the draft); empty when it passed or was not checked.
    failed_checks: list[str] = Field(default_factory=list)
    # Why an offline template draft stands in for the LLM's (its draft was no reply, or never
    # parsed); "" for any other draft. Usage and cost are then what the LLM calls spent.
    stood_in_for: str = ""


class Verdict(VerdictOutput):
    provenance: Provenance


class Draft(DraftOutput):
    provenance: Provenance


class JudgeOutput(BaseModel):
    """The schema the draft judge (evals only) must fill in."""

    score: int = Field(ge=1, le=5, description="5 ready to send as is ... 1 harmful or unusable.")
    problems: list[str] = Field(
        default_factory=list, description="Short descriptions; empty when there are none."
    )


class JudgeVerdict(JudgeOutput):
    provenance: Provenance
    raw: str = ""  # the judge's answer as received, so its score can be read again offline


@dataclass(slots=True)
class Assessment:
    """A verdict and the draft that goes with it; error set when either failed."""

    verdict: Verdict | None = None
    draft: Draft | None = None
    error: str = ""
    extras: dict[str, str] = field(default_factory=dict)
    # The failed call's BackendError.kind (auth, not_found, rate_limited, ...), so a screen
    # can say what to do about it; empty when nothing failed.
    error_kind: str = ""
    # What the failed call spent (a reply that never validated was paid for), so totals
    # count it; None when nothing failed or the failure spent no tokens.
    failed_call: Provenance | None = None

    @property
    def ok(self) -> bool:
        return not self.error and self.verdict is not None
