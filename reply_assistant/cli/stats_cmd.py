"""`reply-assistant stats [--since DATE]`: what became of the drafts, by backend,
prompt version and label."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import click

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError


@click.command("stats", short_help="How your drafts were used: acceptance and edits.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only decisions from this date on (default: all time).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_obj
def command(app: AppContext, since: datetime | None, as_json: bool) -> None:
    """Acceptance rate (drafts sent unchanged or after editing) and median normalised edit
    distance (0: sent as written, 1: nothing kept) per backend, prompt version and label,
    with the counts of accepted, edited, replaced, skipped and relabelled drafts."""
    from reply_assistant.draft_use import use_figures
    from reply_assistant.store import Store, StoreError

    if not app.db_path.exists():
        raise InputError(f"No state database at {app.db_path}; open the inbox first.")
    try:
        with Store.open(app.db_path) as store:
            outcomes = store.draft_outcomes(since.replace(tzinfo=UTC) if since else None)
    except StoreError as exc:
        raise InputError(str(exc)) from exc
    rows = use_figures(outcomes)
    if as_json:
        click.echo(json.dumps([row.as_dict() for row in rows], indent=2))
        return
    if not rows:
        click.echo("No decisions on drafts recorded yet" + (" since then." if since else "."))
        return
    _print_table(rows, since)


def _print_table(rows: list, since: datetime | None) -> None:
    from rich.console import Console
    from rich.table import Table

    scope = f"since {since.date().isoformat()}" if since else "all time"
    table = Table(title=f"What became of the drafts ({scope})", title_justify="left")
    for column in ("backend", "prompt", "label", "drafts", "accepted", "edited", "replaced",
                   "skipped", "relabelled", "acceptance", "median edit"):  # fmt: skip
        table.add_column(column, justify="right" if column not in ("backend", "prompt") else "left")
    for row in rows:
        distance = row.median_edit_distance
        table.add_row(
            row.backend,
            row.prompt_version,
            row.label,
            str(row.drafts),
            str(row.accepted),
            str(row.edited),
            str(row.replaced),
            str(row.skipped),
            str(row.relabelled),
            f"{row.acceptance_rate:.0%}",
            "—" if distance is None else f"{distance:.3f}",
        )
    Console(width=140).print(table)
