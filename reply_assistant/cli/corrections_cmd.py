"""`reply-assistant corrections [--json]`: the labels the offline model learns from."""

from __future__ import annotations

import json

import click

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError

# How much of each message a line shows: enough to recognise it.
OPENING_CHARS = 60


@click.command("corrections", short_help="What the offline model learned from you.")
@click.option("--json", "as_json", is_flag=True, help="Print the corrections as JSON.")
@click.pass_obj
def command(app: AppContext, as_json: bool) -> None:
    """Your relabels (1 2 3 in the inbox) and the verdicts you accepted, oldest first:
    when, who sent the message, the assistant's label and yours, and how the message
    opens. The offline model judges a near-identical message as you labelled these; undo
    (u) takes a correction back."""
    from reply_assistant.store import Store, StoreError

    if not app.db_path.exists():
        raise InputError(f"No state database at {app.db_path}; open the inbox first.")
    try:
        with Store.open(app.db_path) as store:
            entries = store.correction_entries()
    except StoreError as exc:
        raise InputError(str(exc)) from exc
    if as_json:
        click.echo(json.dumps([_as_dict(entry) for entry in entries], indent=2, ensure_ascii=False))
        return
    if not entries:
        click.echo(
            "No corrections yet: relabel a conversation (1 2 3) or accept a verdict (a) "
            "in the inbox, and the offline model judges messages like it the same way."
        )
        return
    for entry in entries:
        change = (
            f"{entry.model_label or '?'} → {entry.label}"
            if entry.kind == "relabel"
            else f"{entry.label} (accepted)"
        )
        click.echo(
            f"{entry.decided_at:%Y-%m-%d}  {entry.sender or '(unknown)'}  {change}  "
            f"{_opening(entry.text)}"
        )


def _opening(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= OPENING_CHARS else line[: OPENING_CHARS - 1] + "…"


def _as_dict(entry) -> dict[str, object]:
    return {
        "date": entry.decided_at.isoformat(),
        "message_id": entry.message_id,
        "sender": entry.sender,
        "kind": entry.kind,
        "from": entry.model_label,
        "to": entry.label,
        "opening": _opening(entry.text),
    }
