"""The batch result file: one row per message in scope, CSV or JSONL by the extension."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from reply_assistant.private_files import create_private_file
from reply_assistant.store import Store

FORMATS = (".csv", ".jsonl")


@dataclass(frozen=True)
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


COLUMNS = list(ResultRow.__dataclass_fields__)


def result_row(store: Store, message_id: str) -> ResultRow:
    item = store.incoming(message_id)
    message = store.message(message_id)
    verdict = store.verdict(message_id)
    drafts = store.drafts(message_id)
    draft = drafts[-1] if drafts else None
    edited = store.edited_text(message_id)
    parts = [p for p in (verdict.provenance if verdict else None, draft and draft.provenance) if p]
    costs = [p.cost_usd for p in parts]
    return ResultRow(
        conversation_id=item.conversation_id,
        message_id=message_id,
        sender=item.sender.name,
        sender_profile_url=item.sender.profile_url,
        first_degree=item.sender.first_degree,
        connected_on=item.sender.connected_on.isoformat() if item.sender.connected_on else "",
        date=message.sent_at.isoformat(),
        message_text=item.text,
        label=verdict.label.value if verdict else "",
        confidence=verdict.confidence if verdict else None,
        reason=verdict.reason if verdict else "",
        signals="; ".join(verdict.signals) if verdict else "",
        action=verdict.action.value if verdict else "",
        draft=edited if edited is not None else (draft.text if draft else ""),
        prompt_versions="+".join(dict.fromkeys(p.prompt_version for p in parts)),
        backend=parts[0].backend if parts else "",
        model=parts[0].model if parts else "",
        tokens=sum(p.usage.total_tokens for p in parts),
        cost_usd=None if not parts or None in costs else round(sum(costs), 6),
        latency_ms=round(sum(p.latency_ms for p in parts), 1) if parts else None,
        error=store.error(message_id) or "",
    )


def write_results(path: Path, rows: list[ResultRow], *, bom: bool = False) -> None:
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
            writer = csv.DictWriter(out, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(asdict(row) for row in rows)
    else:
        with partial.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
    partial.replace(path)
