"""`reply-assistant export-labels OUT.jsonl`: the person's labels as an eval dataset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError
from reply_assistant.cli.output_paths import check_output_path
from reply_assistant.private_files import create_private_file

if TYPE_CHECKING:
    from reply_assistant.store import Correction, Store

# Decision kind in the store -> `source` in the dataset line.
SOURCES = {"relabel": "user-correction", "accept": "accepted"}
# What the offline language detector says when it cannot tell; not worth writing down.
UNKNOWN_LANGUAGES = frozenset({"", "und"})


@click.command("export-labels", short_help="Write your corrections as an eval dataset (JSONL).")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def command(app: AppContext, out: Path) -> None:
    """Write your relabels and accepted verdicts to OUT as JSONL, ready for
    `reply-assistant eval --dataset OUT`: each message with its label, the earlier messages
    of its thread, the sender facts the classifier uses (1st-degree since when, sponsored,
    earlier pitches) and its language when a draft found it."""
    from reply_assistant.store import Store, StoreError

    if out.suffix.lower() != ".jsonl":
        # Written as JSONL whatever the name: a .csv name would promise a spreadsheet.
        raise InputError(f"OUT must end in .jsonl (the eval dataset format), not {out.name!r}.")
    check_output_path(out, "OUT", [app.db_path, app.config_path])
    if not app.db_path.exists():
        raise InputError(f"No state database at {app.db_path}; open the inbox first.")
    try:
        with Store.open(app.db_path) as store:
            lines = [dataset_line(store, correction) for correction in store.corrections()]
    except StoreError as exc:
        raise InputError(str(exc)) from exc
    if not lines:
        # No empty file (and an existing OUT stays as it was): say how labels are made.
        click.echo(
            "No corrections yet, so nothing was written: in the inbox, relabel a message "
            "(1 spam, 2 relationship, 3 unclear) or accept its verdict (a), then run this again."
        )
        return
    try:
        create_private_file(out)  # the lines hold message text
        with out.open("w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise InputError(f"Cannot write {out}: {exc.strerror}.") from exc
    click.echo(f"Wrote {len(lines)} labels to {out}.")


def dataset_line(store: Store, correction: Correction) -> dict[str, Any]:
    """One line of the eval dataset format (`reply_assistant.evals.dataset.EvalExample`)."""
    incoming = store.incoming(correction.message_id)
    sender = incoming.sender
    line: dict[str, Any] = {
        "id": correction.message_id,
        "text": correction.text,
        "label": correction.label,
        "sender": {
            "name": sender.name,
            "profile_url": sender.profile_url,
            "first_degree": sender.first_degree,
            # A date, not years: it reads back exactly whenever the eval runs.
            "connected_on": sender.connected_on.isoformat() if sender.connected_on else None,
            "sponsored": sender.sponsored,
            "earlier_pitches": sender.earlier_pitches,
        },
        "thread": [
            {"from": turn.sender_name, "text": turn.text, "from_owner": turn.from_owner}
            for turn in incoming.thread
        ],
        "source": SOURCES.get(correction.kind, correction.kind),
    }
    if incoming.subject:
        line["subject"] = incoming.subject
    drafts = store.drafts(correction.message_id)
    if drafts and drafts[-1].language not in UNKNOWN_LANGUAGES:
        line["language"] = drafts[-1].language
    if correction.kind == "accept":
        # The person accepted the verdict with its action; a relabel names no action.
        verdict = store.verdict(correction.message_id)
        if verdict is not None:
            line["expect"] = str(verdict.action)
    return line
