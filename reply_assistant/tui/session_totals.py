"""Running token and cost totals for the LLM calls made in this session."""

from __future__ import annotations

from dataclasses import dataclass, field

from reply_assistant.models import Provenance, Usage


@dataclass
class SessionTotals:
    usage: Usage = field(default_factory=Usage)
    cost_usd: float = 0.0
    cost_unknown: bool = False  # some model had no known price
    calls: int = 0
    # Calls whose server reported no usage (llama.cpp's streams never do): their tokens are
    # not in `usage`, so the total is a floor, and says so.
    unreported: int = 0

    def add(self, provenance: Provenance) -> None:
        # Cached answers cost nothing this session; a result that used no tokens at a known
        # price of nothing (the offline model's, a local computation) was no call to count.
        spent_nothing = provenance.cost_usd == 0 and not provenance.usage.total_tokens
        if provenance.cached or spent_nothing:
            return
        self.calls += 1
        self.unreported += not provenance.usage.total_tokens
        self.usage = self.usage + provenance.usage
        if provenance.cost_usd is None:
            self.cost_unknown = True
        else:
            self.cost_usd += provenance.cost_usd

    def describe(self) -> str:
        tokens = f"{self.usage.total_tokens:,} tokens"
        if self.unreported:
            tokens += f" + {self.unreported} call{'s' if self.unreported > 1 else ''} unreported"
        if not self.calls:
            return tokens
        if self.cost_unknown and not self.cost_usd:
            return f"{tokens} · cost unknown"
        return f"{tokens} · ${self.cost_usd:.4f}" + (" + unknown" if self.cost_unknown else "")
