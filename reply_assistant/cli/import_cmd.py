"""`reply-assistant import PATH [--me URL]`: read a LinkedIn export into the store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import EXIT_INTERRUPTED, InputError
from reply_assistant.importer import ImportReport

SKIPPED_SHOWN = 20


@click.command("import", short_help="Import a LinkedIn data export (.zip, folder or CSV).")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--me",
    metavar="URL",
    help="Your LinkedIn profile URL, when the detected owner is wrong.",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Start the inbox over: remove every message and all work on them, then import.",
)
@click.pass_obj
def command(app: AppContext, path: Path, me: str | None, replace: bool) -> None:
    """Import a LinkedIn data export: the .zip LinkedIn sent, its folder, or messages.csv.

    Importing again (or a newer export) adds only new messages and keeps your work."""
    from reply_assistant.importer import OwnerMismatch, import_export
    from reply_assistant.sources import ExportError, open_export
    from reply_assistant.store import Store, StoreError

    days = app.settings.needs_reply_days
    try:
        with open_export(path) as export, Store.open(app.db_path) as store:
            report = import_export(store, export, me=me or app.settings.me, replace_inbox=replace)
            counts = store.awaiting_counts(store.needs_reply_since(days))
    except (ExportError, StoreError, OwnerMismatch) as exc:
        raise InputError(str(exc)) from exc
    except KeyboardInterrupt:
        # Messages are stored in batches as they are read; what is still to do (the rest,
        # and which conversations await a reply) is what importing again does.
        click.echo(
            "Interrupted: the messages stored so far are kept; import again to finish.", err=True
        )
        sys.exit(EXIT_INTERRUPTED)
    for line in report_lines(report):
        click.echo(line)
    click.echo(needs_reply_line(*counts, days))


def needs_reply_line(recent: int, older: int, elsewhere: int, days: int) -> str:
    """How the inbox's conversations awaiting a reply split by the needs-reply window."""
    if days <= 0:
        line = f"Needs reply: {recent + older}"
    else:
        line = f"Needs reply: {recent} from the last {days} days"
        if older:
            line += f"; {older} older (inbox --filter older)"
    if elsewhere:
        line += f"; {elsewhere} in other folders (--filter archived)"
    return line


def report_lines(report: ImportReport) -> list[str]:
    """What the import found, for a person to check at a glance."""
    read = ", ".join(report.files_read) or "none"
    lines = [
        f"Files: read {read} ({len(report.files)} in the export)",
        *_owner_lines(report),
        f"Messages: {report.messages_read} read, {report.messages_new} new",
        f"Conversations: {report.conversations}, {report.awaiting_reply} awaiting a reply",
        f"Unsent drafts left out: {report.drafts_skipped} (your own drafts, not messages)",
    ]
    if not any(name.lower().endswith("connections.csv") for name in report.files_read):
        # Verdicts read the text alone, so nothing shifts; what is lost is who is who.
        lines += [
            "Connections: none in this export, so the 1st-degree facts and 'connections",
            "  who pitch' stay empty (verdicts do not depend on them). Add Connections.csv",
            "  (LinkedIn: Get a copy of your data > Connections) and import again.",
        ]
    if report.unreadable_dates:
        lines.append(
            f"Connections: {len(report.unreadable_dates)} Connected On dates could not be "
            f"read (e.g. {report.unreadable_dates[0]!r}); 'connected on' stays empty for them"
        )
    lines.append(f"Rows skipped: {len(report.skipped)}")
    for row in report.skipped[:SKIPPED_SHOWN]:
        lines.append(f"  {row.file} line {row.line}: {row.reason}")
    if len(report.skipped) > SKIPPED_SHOWN:
        lines.append(f"  and {len(report.skipped) - SKIPPED_SHOWN} more")
    if report.replaced:
        lines.append(f"Replaced: {report.replaced} messages removed first (--replace)")
    if report.demo_removed:
        lines.append(
            f"Demo inbox: removed ({report.demo_removed} messages), yours replaces it; "
            "messages you added by hand stay"
        )
    return lines


def _owner_lines(report: ImportReport) -> list[str]:
    """Who the export belongs to, and (on its own line, to fit 80 columns) how to fix it."""
    if report.owner is None:
        return ["Owner: unknown (no messages); pass --me URL"]
    who = report.owner.name or "(name not in the export)"
    if report.owner.profile_url:
        who += f" <{report.owner.profile_url}>"
    if report.owner_source == "--me":
        return [f"Owner: {who} (from --me)"]
    return [
        f"Owner: {who}",
        f"  found from {report.owner_source}; not you? import again with --me URL",
    ]
