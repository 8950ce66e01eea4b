"""A small inbox in a fresh store: the same six conversations in every TUI test."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from reply_assistant.importer import import_export
from reply_assistant.models import Connection, Message, Participant
from reply_assistant.sources import open_export, write_messages_csv
from reply_assistant.store import Store

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
OWNER = Participant("Alex Morgan", "https://www.linkedin.com/in/alex-morgan")


def fixed_now() -> datetime:
    return NOW


def _person(name: str) -> Participant:
    return Participant(name, f"https://www.linkedin.com/in/{name.lower().replace(' ', '-')}")


def _message(
    conversation: str, sender: Participant, text: str, hours_ago: float, **extra
) -> Message:
    recipients = (OWNER,) if sender != OWNER else ()
    return Message(
        conversation_id=conversation,
        sender=sender,
        recipients=recipients,
        sent_at=NOW - timedelta(hours=hours_ago),
        content_raw=text,
        text=text,
        **extra,
    )


PRIYA = _person("Priya Raman")
DEREK = _person("Derek Stone")
SAM = _person("Sam Ortiz")
GROWTH = _person("Growth Partners")
JORDAN = _person("Jordan Lee")
MAYA = _person("Maya Chen")

MESSAGES = [
    _message("2-priya", PRIYA, "Hi Alex! Congrats on the new role at Northwind.", 200),
    _message("2-priya", OWNER, "Thanks Priya! How is the team in Lisbon?", 190),
    _message(
        "2-priya",
        PRIYA,
        "All good here. I'm in Berlin next week for the conference - would love to catch up "
        "over coffee if you have time. Also happy to intro you to Lena, she runs the data "
        "platform team I mentioned.",
        3,
    ),
    _message(
        "2-derek",
        DEREK,
        "Hi %FIRSTNAME%, I help companies like yours 10x their pipeline with our AI-powered "
        "lead generation platform. Do you have 15 minutes this week for a quick demo?",
        26,
    ),
    _message("2-sam", SAM, "Hey, quick question about something. Are you around?", 0.5),
    _message(
        "2-growth",
        GROWTH,
        "Exclusive offer: unlock premium growth insights for your team. Book your free "
        "strategy session today!",
        50,
        sponsored=True,
    ),
    _message(
        "2-jordan",
        JORDAN,
        "Alex, it's been ages since the Acme days! I'm hiring a staff engineer and thought of "
        "you first. No pressure at all, but would you be open to a chat, or know someone "
        "great?",
        8,
    ),
    _message("2-maya", MAYA, "Thanks again for the intro last month!", 400),
    _message("2-maya", OWNER, "Anytime, glad it worked out.", 390),
]

CONNECTIONS = [
    Connection("Priya", "Raman", PRIYA.profile_url, "Contoso", "Engineer", date(2019, 4, 2)),
    Connection("Jordan", "Lee", JORDAN.profile_url, "Fabrikam", "CTO", date(2017, 9, 15)),
    Connection("Maya", "Chen", MAYA.profile_url, "Globex", "PM", date(2021, 1, 10)),
]


def write_export(folder: Path, messages: Sequence[Message] = MESSAGES) -> Path:
    """The small inbox (or `messages`) as a LinkedIn export folder (messages, connections,
    profile)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_messages_csv(folder / "messages.csv", messages, era="2026")
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for c in CONNECTIONS:
        connected_on = c.connected_on.strftime("%d %b %Y") if c.connected_on else ""
        lines.append(
            f"{c.first_name},{c.last_name},{c.profile_url},,{c.company},{c.position},{connected_on}"
        )
    (folder / "Connections.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, last = OWNER.name.split()
    (folder / "Profile.csv").write_text(
        f"First Name,Last Name,Websites\n{first},{last},{OWNER.profile_url}\n", encoding="utf-8"
    )
    return folder


def seed_store(path: Path, messages: Sequence[Message] = MESSAGES) -> Path:
    """Import the small inbox (or `messages`) into a new SQLite file at `path` and return
    the path."""
    export_folder = write_export(path.parent / f"{path.stem}-export", messages)
    with Store.open(path) as store, open_export(export_folder) as export:
        import_export(store, export)
    return path
