"""`eval --field`: the drafts measured by use beside the labelled-set scores.

A labelled dataset says whether a draft passes the checks; only use says whether it was
worth sending. With `--field` the report carries the figures `reply-assistant stats`
prints (acceptance rate and median normalised edit distance per backend, prompt version
and label, with counts) from the state file, and marks the rows whose drafts came from a
configuration this eval scored, so the two kinds of evidence sit side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from reply_assistant.config import OFFLINE
from reply_assistant.draft_use import use_figures
from reply_assistant.evals.records import FieldFigures, FieldRow, RunResult
from reply_assistant.evals.table import format_value
from reply_assistant.store import Store, StoreError


class FieldError(Exception):
    """The state file holds no field figures to read (missing or unreadable)."""


def read_field(db_path: Path, since: datetime | None) -> FieldFigures:
    """The use figures of the drafts decided on in the state file, from `since` on."""
    if not db_path.exists():
        raise FieldError(
            f"No state database at {db_path}; --field reads what became of your drafts "
            "there (open the inbox or pass --db)."
        )
    try:
        with Store.open(db_path) as store:
            outcomes = store.draft_outcomes(since.replace(tzinfo=UTC) if since else None)
    except StoreError as exc:
        raise FieldError(str(exc)) from exc
    return FieldFigures(
        since=since.date().isoformat() if since else None,
        rows=[FieldRow.model_validate(row.as_dict()) for row in use_figures(outcomes)],
    )


def _versions_scored(run: RunResult) -> set[str]:
    """The prompt versions a run used: its prompts, and what its verdicts and drafts
    name ("offline@<hash>" for the offline model, so another build of it does not match)."""
    versions = {part for part in run.prompt.split("+") if part != OFFLINE}
    for example in run.examples:
        for provenance in (example.draft_provenance, (example.verdict or {}).get("provenance")):
            if provenance and provenance.get("prompt_version"):
                versions.add(provenance["prompt_version"])
    return versions


def scored_here(row: FieldRow, runs: Sequence[RunResult]) -> bool:
    """Whether the row's drafts came from a configuration among `runs`: the same backend
    and a prompt version that run used."""
    return any(
        run.backend == row.backend and row.prompt_version in _versions_scored(run) for run in runs
    )


def field_title(field: FieldFigures) -> str:
    scope = f"since {field.since}" if field.since else "all time"
    return f"Drafts measured by use ({scope}, from the state file)"


def _configuration(row: FieldRow) -> str:
    """ "offline@b6c25cac7d", "openai draft@v4", or "all" for the total row."""
    if row.prompt_version.startswith(row.backend):
        return row.prompt_version
    return f"{row.backend} {row.prompt_version}".strip()


def _outcomes(row: FieldRow) -> str:
    """ "1 as is, 2 edited, 1 skipped": the counts that are not zero."""
    counts = [
        (row.accepted, "as is"),
        (row.edited, "edited"),
        (row.replaced, "replaced"),
        (row.skipped, "skipped"),
        (row.relabelled, "relabelled"),
    ]
    return ", ".join(f"{count} {what}" for count, what in counts if count)


def field_table(
    field: FieldFigures, runs: Sequence[RunResult]
) -> tuple[list[str], list[list[str]]]:
    """The figures of `reply-assistant stats` (acceptance: sent as is or edited; median edit
    distance of the sent drafts), then whether this eval scored that configuration."""
    headers = ["drafts of", "label", "n", "accepted", "median edit", "outcomes", "in eval"]
    rows = []
    for row in field.rows:
        distance = row.median_edit_distance
        rows.append(
            [
                _configuration(row),
                row.label,
                str(row.drafts),
                format_value(row.acceptance_rate, "pct"),
                "–" if distance is None else f"{distance:.3f}",
                _outcomes(row),
                "" if row.backend == "all" else ("yes" if scored_here(row, runs) else "no"),
            ]
        )
    return headers, rows
