"""The batch result file: one row per message in scope, CSV or JSONL by the extension."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reply_assistant.batch.spam_senders import SpamTally
from reply_assistant.message_budget import trim_notice
from reply_assistant.private_files import create_private_file
from reply_assistant.store import Store, StoredResult

FORMATS = (".csv", ".jsonl")


@dataclass(frozen=True, slots=True)
class ResultRow:
    conversation_id: str
    message_id: str
    sender: str
    sender_profile_url: str
    first_degree: bool
    connected_on: str
    date: str
    message_text: str
    label: str
    confidence: float | None
    reason: str
    signals: str  # "; "-joined, so a spreadsheet cell holds them
    action: str
    draft: str
    prompt_versions: str
    backend: str
    model: str
    tokens: int
    cost_usd: float | None
    latency_ms: float | None
    error: str
    notes: str  # what the person should know about this row, e.g. that the LLM saw part of it


COLUMNS = list(ResultRow.__dataclass_fields__)


def result_rows(store: Store, message_ids: Sequence[str]) -> Iterator[ResultRow]:
    """One row per message, in order, streamed from the store a chunk at a time."""
    for stored in store.stored_results(message_ids):
        yield _row(stored)


def _row(stored: StoredResult) -> ResultRow:
    parts = [p for p in (stored.verdict_made_by, stored.draft_made_by) if p is not None]
    costs = [p.cost_usd for p in parts]
    # The person's edit, when there is one, is the reply they mean to send.
    draft = stored.edited_text if stored.edited_text is not None else stored.draft_text or ""
    return ResultRow(
        conversation_id=stored.conversation_id,
        message_id=stored.message_id,
        sender=stored.sender_name,
        sender_profile_url=stored.sender_url,
        first_degree=stored.first_degree,
        connected_on=stored.connected_on.isoformat() if stored.connected_on else "",
        date=stored.sent_at,
        message_text=stored.text,
        label=stored.label or "",
        confidence=stored.confidence,
        reason=stored.reason,
        signals="; ".join(stored.signals),
        action=stored.action,
        draft=draft,
        prompt_versions="+".join(dict.fromkeys(p.prompt_version for p in parts)),
        backend=parts[0].backend if parts else "",
        model=parts[0].model if parts else "",
        tokens=sum(p.usage.total_tokens for p in parts),
        cost_usd=None if not parts or None in costs else round(sum(costs), 6),
        latency_ms=round(sum(p.latency_ms for p in parts), 1) if parts else None,
        error=stored.error or "",
        notes=next(filter(None, (trim_notice(stored.text, p.backend) for p in parts)), ""),
    )


class ResultTally:
    """What the end-of-run summary needs from the rows, gathered as they stream past, so
    the rows themselves need not be kept."""

    def __init__(self) -> None:
        self.rows = 0
        self.labels: Counter[str] = Counter()
        self.actions: Counter[str] = Counter()
        self.spam = SpamTally()
        self.trimmed = 0

    def counting(self, rows: Iterable[ResultRow]) -> Iterator[ResultRow]:
        for row in rows:
            self.rows += 1
            self.labels[row.label or "none"] += 1
            self.actions[row.action or "none"] += 1
            self.spam.add(row)
            self.trimmed += bool(row.notes)
            yield row


def write_results(path: Path, rows: Iterable[ResultRow], *, bom: bool = False) -> None:
    """CSV (RFC 4180 quoting, newlines kept inside quoted cells) or JSONL, written to a
    temporary file first so an interrupted write never leaves half a file behind. The file
    holds message text, so it is readable by the user only (0600)."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"output must end in {' or '.join(FORMATS)}, not {path.name!r}")
    partial = path.with_name(path.name + ".partial")
    create_private_file(partial)
    if suffix == ".csv":
        with partial.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(COLUMNS)
            writer.writerows([getattr(row, column) for column in COLUMNS] for row in rows)
    else:
        with partial.open("w", encoding="utf-8") as out:
            for row in rows:
                values = {column: getattr(row, column) for column in COLUMNS}
                out.write(json.dumps(values, ensure_ascii=False) + "\n")
    partial.replace(path)
