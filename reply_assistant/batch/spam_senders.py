"""Who is behind the spam: repeat pitchers, and connections who pitch."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from reply_assistant.store.identity import name_key, url_key

if TYPE_CHECKING:
    from reply_assistant.batch.output import ResultRow


@dataclass(frozen=True)
class SpamSender:
    name: str
    profile_url: str
    pitches: int  # messages judged spam
    first_degree: bool | None  # None: no connections list to tell
    connected_on: date | None
    pitched: bool = False  # at least one of them was judged spam for a pitch

    def connected_years(self, today: date) -> float | None:
        if self.connected_on is None:
            return None
        return (today - self.connected_on).days / 365.25

    def suggestion(self, today: date) -> str:
        years = self.connected_years(today)
        if self.first_degree and self.pitches > 1:
            since = f" (connected {years:.0f} years)" if years and years >= 1 else ""
            return f"pitched you {self.pitches} times{since}: consider removing the connection"
        if self.first_degree:
            return "a connection who pitches: consider muting"
        return f"pitched you {self.pitches} times: consider blocking" if self.pitches > 1 else ""


class SpamTally:
    """Spam senders counted as rows stream past; each keeps what its first row said."""

    def __init__(self) -> None:
        self._by_sender: dict[str, SpamSender] = {}

    def add(self, row: ResultRow) -> None:
        # Only identified people: a profile URL (sponsored mail has none) and a name that is
        # not the one LinkedIn gives every hidden profile.
        if row.label != "spam" or not row.sender_profile_url or not name_key(row.sender):
            return
        key = url_key(row.sender_profile_url)
        pitched = is_pitch(row.signals)
        seen = self._by_sender.get(key)
        if seen is not None:
            self._by_sender[key] = replace(
                seen, pitches=seen.pitches + 1, pitched=seen.pitched or pitched
            )
            return
        self._by_sender[key] = SpamSender(
            name=row.sender,
            profile_url=row.sender_profile_url,
            pitches=1,
            first_degree=row.first_degree,
            connected_on=date.fromisoformat(row.connected_on) if row.connected_on else None,
            pitched=pitched,
        )

    def add_tally(self, later: SpamTally) -> None:
        """Count the senders another tally saw, as if their rows had come after these."""
        for key, sender in later._by_sender.items():
            seen = self._by_sender.get(key)
            if seen is None:
                self._by_sender[key] = sender
            else:
                self._by_sender[key] = replace(
                    seen,
                    pitches=seen.pitches + sender.pitches,
                    pitched=seen.pitched or sender.pitched,
                )

    def senders(self) -> list[SpamSender]:
        """Worst first: most pitches, then connections before strangers."""
        return sorted(
            self._by_sender.values(), key=lambda s: (-s.pitches, not s.first_degree, s.name)
        )


def is_pitch(signals: str) -> bool:
    """Whether a row's signals ("; "-joined) say its message pitched something: a sales
    pitch, a mail-merge leftover or a follow-up to the sender's own unanswered pitch, not
    only "earlier pitches" by the same sender elsewhere."""
    tags = signals.split("; ")
    return any(
        tag in ("placeholder", "follow-up nag") or ("pitch" in tag and "earlier" not in tag)
        for tag in tags
    )


def worth_mentioning(senders: list[SpamSender]) -> list[SpamSender]:
    """Repeat spammers, and connections who pitch; a one-off stranger is just spam, and a
    connection whose spam verdicts never named a pitch (a "thanks for connecting" taken
    for spam) is not named."""
    return [s for s in senders if (s.pitched if s.first_degree else s.pitches > 1)]
