"""The batch result file: one row per message in scope, CSV or JSONL by the extension."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from reply_assistant.batch.spam_senders import SpamTally
from reply_assistant.linkedin_links import thread_url
from reply_assistant.message_budget import TRIM_NOTICE_START, trim_notice
from reply_assistant.models import with_subject_line
from reply_assistant.private_files import create_private_file
from reply_assistant.store import Store
from reply_assistant.store.records import parse_iso

FORMATS = (".csv", ".jsonl")
# Excel holds at most this many characters in a cell and spills the rest of a longer one
# into the rows below; Python's csv reader refuses fields over 131,072 by default.
CSV_CELL_LIMIT = 32_767
CSV_CELL_CUT = (
    " … [cut: a spreadsheet cell holds 32,767 characters; the .jsonl output keeps it whole]"
)
# A message in scope that no run has judged yet (one stopped by Ctrl-C or --fail-fast
# before it): no verdict and no error to tell of, so the row says so itself.
NOT_JUDGED_YET = "not judged yet"
NOT_JUDGED_NOTE = "Not judged yet: the run stopped before it; rerun the same command to finish it."
# How a row says its draft is the offline stand-in for an unusable LLM draft.
STOOD_IN_NOTE_START = "Offline draft"


class ResultRow(NamedTuple):
    """One line of the result file; a tuple, so the CSV writer takes it as it is. What a
    person reads comes first, then the connection facts, then the technical columns
    (written only when asked for: `batch --details`)."""

    sender: str
    date: str
    label: str
    action: str
    draft: str  # empty when no reply is suggested (action no_reply): the note says why
    message_text: str
    thread_link: str  # opens the conversation on LinkedIn, to paste the draft and send it
    notes: str  # what the person should know: no reply and why, a message trimmed for the LLM
    reason: str
    sender_profile_url: str
    first_degree: bool | None  # empty when the export has no connections list
    connected_on: str
    confidence: float | None
    signals: str  # "; "-joined, so a spreadsheet cell holds them
    conversation_id: str
    message_id: str
    prompt_versions: str
    backend: str
    model: str
    tokens: int
    cost_usd: float | None
    latency_ms: float | None
    error: str


COLUMNS = list(ResultRow._fields)
PERSON_COLUMNS = COLUMNS[: COLUMNS.index("conversation_id")]


def result_rows(store: Store, message_ids: Sequence[str]) -> Iterator[ResultRow]:
    """One row per message, in order, streamed from the store a chunk at a time and built
    straight from its column values (no model objects: this runs once per message)."""
    for values in store.result_values(message_ids):
        yield _row(*values)


class _MadeBy(NamedTuple):
    """What a result row needs from a stored provenance."""

    backend: str
    model: str
    prompt_version: str
    tokens: int
    cost_usd: float | None
    latency_ms: float
    failed_checks: tuple[str, ...]  # the live draft checks a draft still failed
    stood_in_for: str  # why an offline draft stands in for the LLM's ("" when none does)


def _made_by(stored: str) -> _MadeBy:
    """A provenance as stored (`Provenance.model_dump_json`), with the model's defaults for
    what it leaves out. Read with json rather than validated into a Provenance: every row
    has its own (latencies differ), and validation cost more than the rest of the row."""
    made = json.loads(stored)
    usage = made.get("usage") or {}
    cost_usd = made.get("cost_usd")
    return _MadeBy(
        made["backend"],
        made["model"],
        made["prompt_version"],
        int(usage.get("prompt_tokens", 0)) + int(usage.get("completion_tokens", 0)),
        None if cost_usd is None else float(cost_usd),
        float(made.get("latency_ms", 0.0)),
        tuple(made.get("failed_checks") or ()),
        made.get("stood_in_for", ""),
    )


@lru_cache(maxsize=1024)
def _signals_cell(stored: str | None) -> str:
    # Few distinct signal lists recur across a whole export.
    return "; ".join(json.loads(stored)) if stored else ""


@lru_cache(maxsize=1024)
def _connected_on_cell(stored: str | None) -> str:
    return date.fromisoformat(stored).isoformat() if stored else ""


def _row(
    message_id: str,
    conversation_id: str,
    sender_name: str,
    sender_url: str,
    sent_at: str,
    text: str,
    subject: str,
    first_degree: int | None,
    connected_on: str | None,
    label: str | None,
    confidence: float | None,
    reason: str | None,
    signals: str | None,
    action: str | None,
    verdict_made_by: str | None,
    draft_text: str | None,
    draft_made_by: str | None,
    edited_text: str | None,
    error: str | None,
) -> ResultRow:
    """A `store.result_values` tuple as a result row."""
    parts: list[_MadeBy] = []
    if label and verdict_made_by is not None:  # a verdict is in force
        parts.append(_made_by(verdict_made_by))
    if draft_made_by is not None:
        parts.append(_made_by(draft_made_by))
    costs = [part.cost_usd for part in parts]
    # The person's edit, when there is one, is the reply they mean to send.
    draft = edited_text if edited_text is not None else draft_text or ""
    notes = next(filter(None, (trim_notice(text, part.backend) for part in parts)), "")
    failed = [name for part in parts for name in part.failed_checks]
    if failed and draft_text and draft == draft_text:  # an edit replaced what was checked
        notes = f"{notes} The draft fails checks: {', '.join(failed)}; edit it.".strip()
    stood_in = next((part.stood_in_for for part in parts if part.stood_in_for), "")
    if stood_in and draft_text and draft == draft_text:  # not once the person's edit replaced it
        notes = f"{notes} {STOOD_IN_NOTE_START} ({stood_in}).".strip()
    if error:  # said in words too: the error column is among the technical ones
        notes = f"{notes} Failed, rerun to retry: {error}".strip()
    elif not label:
        notes = f"{notes} {NOT_JUDGED_NOTE}".strip()
    if action == "no_reply" and draft == (draft_text or ""):
        # The assistant's no-reply note is not a draft: a row whose draft cell is filled
        # must be one to send. Run without drafts, the row still says why none is suggested.
        said = draft if draft or not reason else f"(No reply suggested: {reason})"
        notes = f"{said} {notes}".strip()
        draft = ""
    return ResultRow(
        sender_name,
        parse_iso(sent_at).isoformat(),
        label or "",
        action or "",
        draft,
        with_subject_line(subject, text),
        thread_url(conversation_id),
        notes,
        reason or "",
        sender_url,
        None if first_degree is None else bool(first_degree),
        _connected_on_cell(connected_on),
        confidence,
        _signals_cell(signals),
        conversation_id,
        message_id,
        "+".join(dict.fromkeys(part.prompt_version for part in parts)),
        parts[0].backend if parts else "",
        parts[0].model if parts else "",
        sum(part.tokens for part in parts),
        None if not parts or None in costs else round(sum(costs), 6),  # type: ignore[arg-type]
        round(sum(part.latency_ms for part in parts), 1) if parts else None,
        error or "",
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
        self.stood_in = 0  # drafts the offline model wrote because the LLM's were no use

    def counting(self, rows: Iterable[ResultRow]) -> Iterator[ResultRow]:
        for row in rows:
            self.rows += 1
            unjudged = "failed" if row.error else NOT_JUDGED_YET
            self.labels[row.label or unjudged] += 1
            self.actions[row.action or unjudged] += 1
            self.spam.add(row)
            self.trimmed += TRIM_NOTICE_START in row.notes
            self.stood_in += STOOD_IN_NOTE_START in row.notes
            yield row

    def add(self, later: ResultTally) -> None:
        """Count the rows another tally saw, as if they had come after these."""
        self.rows += later.rows
        self.labels.update(later.labels)
        self.actions.update(later.actions)
        self.stood_in += later.stood_in
        self.spam.add_tally(later.spam)
        self.trimmed += later.trimmed


class ResultWriter:
    """A result file being written: CSV (RFC 4180 quoting, newlines kept inside quoted
    cells, a header first) or JSONL, by the extension; the technical columns only with
    `details`. Rows go to a temporary file that replaces the file only when everything is
    written (and is removed when writing fails), so an interrupted write never leaves half
    a file behind. The file holds message text, so it is readable by the user only (0600)."""

    def __init__(self, path: Path, *, bom: bool = False, details: bool = False) -> None:
        self.suffix = path.suffix.lower()
        if self.suffix not in FORMATS:
            raise ValueError(f"output must end in {' or '.join(FORMATS)}, not {path.name!r}")
        self.path = path
        self._columns = COLUMNS if details else PERSON_COLUMNS
        self._partial = path.with_name(path.name + ".partial")
        create_private_file(self._partial)
        if self.suffix == ".csv":
            encoding = "utf-8-sig" if bom else "utf-8"
            self._out = self._partial.open("w", encoding=encoding, newline="")
            csv.writer(self._out).writerow(self._columns)
        else:
            self._out = self._partial.open("w", encoding="utf-8")

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, error_type: type[BaseException] | None, *_: object) -> None:
        self._out.close()
        if error_type is None:
            self._partial.replace(self.path)
        else:
            self._partial.unlink(missing_ok=True)

    def write(self, rows: Iterable[ResultRow]) -> None:
        width = len(self._columns)
        if self.suffix == ".csv":
            csv.writer(self._out).writerows(map(_fitting_cells, (row[:width] for row in rows)))
        else:
            for row in rows:
                record = dict(zip(self._columns, row[:width], strict=True))
                self._out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _fitting_cells(row: Sequence[object]) -> list[object]:
    """The row with every text longer than a spreadsheet cell holds cut, and marked so."""
    return [
        cell[: CSV_CELL_LIMIT - len(CSV_CELL_CUT)] + CSV_CELL_CUT
        if isinstance(cell, str) and len(cell) > CSV_CELL_LIMIT
        else cell
        for cell in row
    ]


def is_result_file(path: Path) -> bool:
    """Whether `path` holds an earlier result of batch (or nothing at all), told by its
    header (CSV) or its first record's fields (JSONL): a rerun may replace it."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            first = file.readline()
    except (OSError, UnicodeDecodeError):
        return False
    if not first.strip():
        return True
    if path.suffix.lower() == ".csv":
        fields = next(csv.reader([first]), [])
    else:
        try:
            record = json.loads(first)
        except ValueError:
            return False
        fields = list(record) if isinstance(record, dict) else []
    # The columns every version has written: a result of an earlier release is one too.
    return {"sender", "label", "action", "draft"} <= set(fields)


def write_results(
    path: Path, rows: Iterable[ResultRow], *, bom: bool = False, details: bool = False
) -> None:
    """The whole result file at once (see ResultWriter)."""
    with ResultWriter(path, bom=bom, details=details) as out:
        out.write(rows)
