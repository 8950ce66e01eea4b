"""Crafted LinkedIn exports for batch tests and benchmarks, in the real 2025 shape."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from reply_assistant.models import Message, Participant
from reply_assistant.sources import write_messages_csv

OWNER = Participant("Jordan Pike", "https://www.linkedin.com/in/jordanpike")
CONNECTIONS_HEADER = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses'
    ' are missing."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
)

PITCH = (
    "Hi Jordan, our agency helps platform teams cut cloud costs by 40%. "
    "Can I book a 15 minute demo call this week? Here is my calendar link."
)
WARM = "Congratulations on the new role, Jordan! Great to see your team grow. Coffee soon?"
VAGUE = "Hi Jordan, quick question"


def message(conversation: str, sender: Participant, text: str, when: datetime) -> Message:
    recipient = OWNER if sender != OWNER else Participant("Someone", "")
    return Message(
        conversation_id=conversation,
        sender=sender,
        recipients=(recipient,),
        sent_at=when,
        content_raw=text,
        text=text,
        folder="INBOX",
    )


def person(index: int) -> Participant:
    return Participant(f"Sender{index} Test", f"https://www.linkedin.com/in/sender-{index}")


def write_export(
    folder: Path,
    texts: list[str],
    *,
    senders: list[Participant] | None = None,
    connections: str = "",
) -> Path:
    """One conversation per text, each awaiting a reply, plus one the owner answered."""
    folder.mkdir(parents=True, exist_ok=True)
    start = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
    messages = [
        message(
            f"2-conv-{i:05d}",
            (senders or [])[i] if senders else person(i),
            text,
            start + timedelta(minutes=i),
        )
        for i, text in enumerate(texts)
    ]
    answered = person(999_999)
    messages.append(message("2-conv-answered", answered, WARM, start))
    messages.append(message("2-conv-answered", OWNER, "Thank you!", start + timedelta(hours=1)))
    write_messages_csv(folder / "messages.csv", messages, era="2025")
    (folder / "Connections.csv").write_text(CONNECTIONS_HEADER + connections, encoding="utf-8")
    return folder


def mixed_texts(count: int) -> list[str]:
    """Distinct messages (a unique tag each, so a request names its message)."""
    kinds = (PITCH, WARM, VAGUE)
    return [f"{kinds[i % 3]} [ref {i:05d}]" for i in range(count)]
