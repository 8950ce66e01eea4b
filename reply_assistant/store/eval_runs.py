"""Every eval run's figures, kept so `eval history` can show how versions did over time.

One row per run (one configuration, one repeat): what was scored, by what, and its metrics
as JSON. The examples are not kept here; they stay in the run's RUN.json.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# The migration that made the table (schema.MIGRATIONS): shipped, so never edited.
EVAL_RUNS_TABLE = """
CREATE TABLE eval_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,  -- when the eval ran, ISO 8601 UTC
    dataset_sha256 TEXT NOT NULL,
    dataset TEXT NOT NULL,  -- JSON: paths, count, split
    prompt TEXT NOT NULL,  -- 'classify@v2+draft@v1', or 'offline'
    backend TEXT NOT NULL,
    model TEXT NOT NULL,
    repeat_index INTEGER NOT NULL DEFAULT 0,
    metrics TEXT NOT NULL,  -- JSON, as in RUN.json's runs[].metrics
    run_file TEXT NOT NULL DEFAULT ''  -- the RUN.json it was written to, if any
);
CREATE INDEX eval_runs_by_time ON eval_runs (created_at, id);
"""


@dataclass(frozen=True, slots=True)
class EvalRunRecord:
    created_at: str
    dataset_sha256: str
    dataset: dict[str, Any]
    prompt: str
    backend: str
    model: str
    repeat_index: int
    metrics: dict[str, Any]
    run_file: str = ""
    id: int = 0  # set when read back


class EvalRunTable:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def record_eval_runs(self, records: Sequence[EvalRunRecord]) -> None:
        """All runs of one eval at once: a history never holds half an eval."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany(
                "INSERT INTO eval_runs (created_at, dataset_sha256, dataset, prompt, backend, "
                "model, repeat_index, metrics, run_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        r.created_at,
                        r.dataset_sha256,
                        json.dumps(r.dataset, ensure_ascii=False),
                        r.prompt,
                        r.backend,
                        r.model,
                        r.repeat_index,
                        json.dumps(r.metrics, ensure_ascii=False),
                        r.run_file,
                    )
                    for r in records
                ],
            )
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def eval_runs(self) -> list[EvalRunRecord]:
        """Oldest first."""
        rows = self._db.execute("SELECT * FROM eval_runs ORDER BY created_at, id").fetchall()
        return [
            EvalRunRecord(
                id=row["id"],
                created_at=row["created_at"],
                dataset_sha256=row["dataset_sha256"],
                dataset=json.loads(row["dataset"]),
                prompt=row["prompt"],
                backend=row["backend"],
                model=row["model"],
                repeat_index=row["repeat_index"],
                metrics=json.loads(row["metrics"]),
                run_file=row["run_file"],
            )
            for row in rows
        ]
