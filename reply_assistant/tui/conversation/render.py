"""Rich text for the conversation pane: the thread, the sender's facts and the verdict."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text

from reply_assistant.message_budget import trim_notice
from reply_assistant.models import Draft, Incoming, Message, SenderFacts, Verdict
from reply_assistant.tui.inbox.rows import BADGE_STYLES
from reply_assistant.tui.next_step import next_step
from reply_assistant.tui.relative_time import relative_time


def thread_text(
    item: Incoming, now: datetime, sent_at: datetime | None, events: Sequence[Message] = ()
) -> Text:
    """Earlier messages dimmed (the owner's marked "you"), the newest one in full, and
    LinkedIn's events ("Message request accepted") where they happened, as events."""
    text = Text()
    pending = list(events)

    def events_until(moment: datetime | None) -> None:
        while pending and (moment is None or pending[0].sent_at <= moment):
            text.append(f"— {pending.pop(0).text} —\n\n", style="dim italic")

    for turn in item.thread:
        events_until(turn.sent_at)
        who = "you" if turn.from_owner else turn.sender_name
        when = f" · {relative_time(turn.sent_at, now)}" if turn.sent_at else ""
        style = "dim italic" if turn.from_owner else "dim"
        text.append(f"{'▶ ' if turn.from_owner else ''}{who}{when}\n", style=f"bold {style}")
        text.append(f"{turn.text}\n\n", style=style)
    events_until(sent_at)
    when = f" · {relative_time(sent_at, now)}" if sent_at else ""
    text.append(f"{item.sender.name}{when}\n", style="bold")
    subject = item.shown_subject
    if subject:  # InMails and older messages: a person reads it first
        text.append("Subject: ", style="dim")
        text.append(f"{subject}\n", style="bold")
    text.append(item.text)
    if pending:
        text.append("\n\n")
        events_until(None)
    return text


MARK_FACTS = {
    "friend": ("marked friend by you", "bold green"),
    "mute": ("muted by you", "bold red"),
}


def facts_text(facts: SenderFacts) -> Text:
    parts: list[tuple[str, str]] = []
    if facts.mark in MARK_FACTS:
        parts.append(MARK_FACTS[facts.mark])
    if facts.first_degree:
        since = f" since {facts.connected_on:%b %Y}" if facts.connected_on else ""
        parts.append((f"1st-degree{since}", "green"))
    elif facts.first_degree is False:
        parts.append(("not a connection", "yellow"))
    else:
        parts.append(("connection unknown (no Connections.csv)", "dim"))
    if facts.sponsored:
        parts.append(("sponsored", "red"))
    if facts.placeholders:
        parts.append((f"placeholders {' '.join(facts.placeholders)}", "red"))
    if facts.earlier_pitches:
        plural = "es" if facts.earlier_pitches != 1 else ""
        parts.append((f"{facts.earlier_pitches} earlier pitch{plural}", "red"))
    text = Text("Sender: ", style="bold")
    for index, (part, style) in enumerate(parts):
        if index:
            text.append(" · ", style="dim")
        text.append(part, style=style)
    return text


def verdict_text(
    verdict: Verdict | None,
    *,
    error: str = "",
    error_kind: str = "",
    working: bool = False,
    status: str = "open",
    message_text: str = "",
) -> Text:
    """`message_text` is the judged message, so a verdict from a prompt can say when the
    model saw only part of it; `error_kind` (BackendError.kind) picks the next step."""
    if working and verdict is None:
        return Text("Classifying…", style="italic")
    if error:
        # The badge is a span: a Text's own style would colour the whole verdict.
        text = Text.assemble((" error ", BADGE_STYLES["error"]))
        text.append(f" {error}\n", style="bold")
        text.append(next_step(error_kind, error), style="italic")
        return text
    if verdict is None:
        return Text("Not classified yet (r classifies it now).", style="dim italic")
    text = Text.assemble((f" {verdict.label.value} ", BADGE_STYLES[verdict.label.value]))
    # The action as batch, classify and the CSV name it (one vocabulary: no_reply).
    text.append(f" {verdict.confidence:.0%} · {verdict.action.value}")
    if status != "open":
        text.append(f" · {status}", style="bold green")
    text.append(f"\n{verdict.reason}")
    if verdict.signals:
        text.append(f"\nSignals: {', '.join(verdict.signals)}", style="dim")
    text.append(f"\n{provenance_line(verdict)}", style="dim")
    notice = trim_notice(message_text, verdict.provenance.backend)
    if notice:
        text.append(f"\n{notice[0].upper()}{notice[1:]}.", style="yellow")
    if working:
        text.append("\nWriting a new draft…", style="italic")
    return text


def provenance_line(result: Verdict | Draft) -> str:
    """Backend and model first, so a narrow pane cuts the prompt version, not the model."""
    source = result.provenance
    if source.backend == "user":
        return "set by you"
    # The offline model's version already names its backend: "offline@<hash>".
    named = source.prompt_version.startswith(f"{source.backend}@")
    backend = "" if named else f"{source.backend} "
    return f"{backend}{source.model} · {source.prompt_version}"
