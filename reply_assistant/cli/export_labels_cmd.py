"""`reply-assistant export-labels OUT.jsonl`: the person's labels as an eval dataset."""

from __future__ import annotations

import json
from pathlib import Path

import click

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError
from reply_assistant.private_files import create_private_file

# Decision kind in the store -> `source` in the dataset line.
SOURCES = {"relabel": "user-correction", "accept": "accepted"}


@click.command("export-labels")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def command(app: AppContext, out: Path) -> None:
    """Write your relabels and accepted verdicts to OUT as JSONL (id, text, label, sender,
    source), ready for `reply-assistant eval --dataset OUT`."""
    from reply_assistant.store import Store

    if not app.db_path.exists():
        raise InputError(f"No state database at {app.db_path}; open the inbox first.")
    with Store.open(app.db_path) as store:
        corrections = store.corrections()
    try:
        create_private_file(out)  # the lines hold message text
        with out.open("w", encoding="utf-8") as handle:
            for correction in corrections:
                line = {
                    "id": correction.message_id,
                    "text": correction.text,
                    "label": correction.label,
                    "sender": correction.sender,
                    "source": SOURCES.get(correction.kind, correction.kind),
                }
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise InputError(f"Cannot write {out}: {exc.strerror}.") from exc
    click.echo(f"Wrote {len(corrections)} labels to {out}.")
