"""Who is behind the spam: repeat pitchers, and connections who pitch."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reply_assistant.batch.output import ResultRow


@dataclass(frozen=True)
class SpamSender:
    name: str
    profile_url: str
    pitches: int
    first_degree: bool
    connected_on: date | None

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
        if row.label != "spam":
            return
        key = row.sender_profile_url or f"name:{row.sender}"
        seen = self._by_sender.get(key)
        if seen is not None:
            self._by_sender[key] = replace(seen, pitches=seen.pitches + 1)
            return
        self._by_sender[key] = SpamSender(
            name=row.sender,
            profile_url=row.sender_profile_url,
            pitches=1,
            first_degree=row.first_degree,
            connected_on=date.fromisoformat(row.connected_on) if row.connected_on else None,
        )

    def add_tally(self, later: SpamTally) -> None:
        """Count the senders another tally saw, as if their rows had come after these."""
        for key, sender in later._by_sender.items():
            seen = self._by_sender.get(key)
            if seen is None:
                self._by_sender[key] = sender
            else:
                self._by_sender[key] = replace(seen, pitches=seen.pitches + sender.pitches)

    def senders(self) -> list[SpamSender]:
        """Worst first: most pitches, then connections before strangers."""
        return sorted(
            self._by_sender.values(), key=lambda s: (-s.pitches, not s.first_degree, s.name)
        )


def worth_mentioning(senders: list[SpamSender]) -> list[SpamSender]:
    """Repeat pitchers and connections who pitch; a one-off stranger is just spam."""
    return [s for s in senders if s.pitches > 1 or s.first_degree]
