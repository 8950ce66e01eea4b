"""Provider batch jobs (OpenAI Batch API rounds) that a later run must pick up again.

The store keeps each job's state as an opaque JSON object; whoever submits the job decides
what goes in it. A job stays open until its state says `"done": true`.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reply_assistant.store.base import StoreBase
from reply_assistant.store.records import iso, utc_now


@dataclass(frozen=True)
class BatchJob:
    id: int
    kind: str
    state: dict[str, Any]
    created_at: datetime
    updated_at: datetime

    @property
    def open(self) -> bool:
        return not self.state.get("done", False)


class BatchJobsMixin(StoreBase):
    def save_batch_job(self, kind: str, state: dict[str, Any]) -> int:
        now = iso(utc_now())
        cursor = self._db.execute(
            "INSERT INTO batch_jobs (kind, state, created_at, updated_at) VALUES (?, ?, ?, ?)",
            (kind, json.dumps(state, ensure_ascii=False), now, now),
        )
        return int(cursor.lastrowid or 0)

    def update_batch_job(self, job_id: int, state: dict[str, Any]) -> None:
        """Replace the job's state (the whole object, not a merge)."""
        self._db.execute(
            "UPDATE batch_jobs SET state = ?, updated_at = ? WHERE id = ?",
            (json.dumps(state, ensure_ascii=False), iso(utc_now()), job_id),
        )

    def batch_job(self, job_id: int) -> BatchJob | None:
        row = self._db.execute("SELECT * FROM batch_jobs WHERE id = ?", (job_id,)).fetchone()
        return _job_from_row(row) if row else None

    def batch_jobs(self, open_only: bool = True) -> list[BatchJob]:
        """Jobs oldest first; only those not done unless `open_only` is False."""
        where = "WHERE coalesce(json_extract(state, '$.done'), 0) = 0" if open_only else ""
        rows = self._db.execute(f"SELECT * FROM batch_jobs {where} ORDER BY id").fetchall()
        return [_job_from_row(row) for row in rows]


def _job_from_row(row: sqlite3.Row) -> BatchJob:
    return BatchJob(
        id=row["id"],
        kind=row["kind"],
        state=json.loads(row["state"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
    )
