"""Acceptance rate and edit distance of drafts, per backend, prompt version and label.

The figures `reply-assistant stats` prints (and an eval report can carry): of the drafts the
person decided on, how many were sent (unchanged or edited), how much was changed before
sending (median normalised character edit distance, 0 = sent as written), and how many were
replaced, skipped or relabelled instead. This is how Smart Reply was judged: by use.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from reply_assistant.store.draft_outcomes import DraftOutcome


@dataclass(frozen=True, slots=True)
class UseFigures:
    backend: str
    prompt_version: str
    label: str
    drafts: int  # outcomes recorded
    accepted: int  # sent unchanged
    edited: int  # sent after light editing
    replaced: int  # sent, but mostly rewritten
    skipped: int
    relabelled: int
    acceptance_rate: float  # (accepted + edited) / drafts
    median_edit_distance: float | None  # over the drafts that were sent; None if none was

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def use_figures(outcomes: Sequence[DraftOutcome]) -> list[UseFigures]:
    """One row per (backend, prompt version, label), then one "all" row when there are
    several groups; sorted by backend, prompt version, label."""
    groups: dict[tuple[str, str, str], list[DraftOutcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[(outcome.backend, outcome.prompt_version, outcome.label)].append(outcome)
    rows = [_figures(key, members) for key, members in sorted(groups.items())]
    if len(rows) > 1:
        rows.append(_figures(("all", "", ""), list(outcomes)))
    return rows


def _figures(key: tuple[str, str, str], outcomes: list[DraftOutcome]) -> UseFigures:
    counts = {name: 0 for name in ("accepted", "edited", "replaced", "skipped", "relabelled")}
    for outcome in outcomes:
        counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
    sent = [o.edit_distance for o in outcomes if o.edit_distance is not None]
    return UseFigures(
        *key,
        drafts=len(outcomes),
        accepted=counts["accepted"],
        edited=counts["edited"],
        replaced=counts["replaced"],
        skipped=counts["skipped"],
        relabelled=counts["relabelled"],
        acceptance_rate=(counts["accepted"] + counts["edited"]) / len(outcomes),
        median_edit_distance=statistics.median(sent) if sent else None,
    )
