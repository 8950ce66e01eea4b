"""Who is behind the spam: repeat pitchers, and connections who pitch."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

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


def spam_senders(rows: Iterable[ResultRow]) -> list[SpamSender]:
    """Senders of spam, worst first: most pitches, then connections before strangers."""
    grouped: dict[str, list[ResultRow]] = {}
    for row in rows:
        if row.label == "spam":
            grouped.setdefault(row.sender_profile_url or f"name:{row.sender}", []).append(row)
    senders = [
        SpamSender(
            name=group[0].sender,
            profile_url=group[0].sender_profile_url,
            pitches=len(group),
            first_degree=group[0].first_degree,
            connected_on=date.fromisoformat(group[0].connected_on)
            if group[0].connected_on
            else None,
        )
        for group in grouped.values()
    ]
    return sorted(senders, key=lambda s: (-s.pitches, not s.first_degree, s.name))


def worth_mentioning(senders: list[SpamSender]) -> list[SpamSender]:
    """Repeat pitchers and connections who pitch; a one-off stranger is just spam."""
    return [s for s in senders if s.pitches > 1 or s.first_degree]
