"""Crafted LinkedIn exports (in the real 2025 shape) and ways to run `reply-assistant batch`
on them, for batch tests, hardening cases and benchmarks."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from reply_assistant.cli import cli
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


def run_batch(*args: str) -> tuple[int, str]:
    """`reply-assistant batch ARGS` in this process: (exit code, output)."""
    result = CliRunner().invoke(cli, ["batch", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


# `reply-assistant`, with the child setting its own Ctrl-C handling: started from a shell
# that ignores SIGINT (pytest as a background job), Python would keep ignoring it and a
# test's SIGINT would do nothing.
_REPLY_ASSISTANT_WITH_CTRL_C = (
    "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "import reply_assistant.__main__"
)


def batch_command(export: Path, out: Path, *options: str, db: Path | None = None) -> list[str]:
    """The command line that runs a batch in a process of its own (to kill, time or race)."""
    state = ["--db", str(db)] if db else []
    command = [sys.executable, "-c", _REPLY_ASSISTANT_WITH_CTRL_C, *state, "batch", str(export)]
    return [*command, "-o", str(out), *options]


def start_batch(
    export: Path, out: Path, *options: str, db: Path | None = None
) -> subprocess.Popen[str]:
    """A batch process with this environment, its output (unbuffered) on one text pipe."""
    return subprocess.Popen(
        batch_command(export, out, *options, db=db),
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:  # a .csv starts with a BOM
        return list(csv.DictReader(handle))
