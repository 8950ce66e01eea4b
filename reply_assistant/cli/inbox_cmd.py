"""`reply-assistant inbox [--json] [--filter F] [--search S]`: conversations awaiting a reply."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import click
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError
from reply_assistant.store import FILTERS, ConversationSummary, Store, StoreError

_FROM_WIDTH, _WHEN_WIDTH = 22, 8
# The narrowest the sender and message columns get before the table itself is squeezed.
_MIN_FROM_WIDTH, _MIN_MESSAGE_WIDTH = 8, 16
_GAPS = 9  # three column separators of three cells each
NO_TEXT_PREVIEW = "(no text: open it on LinkedIn)"


@click.command("inbox")
@click.option("--json", "as_json", is_flag=True, help="One JSON array instead of a table.")
@click.option(
    "--filter",
    "filter_name",
    type=click.Choice(FILTERS),
    default="needs_reply",
    show_default=True,
    metavar="FILTER",
    help=f"Which conversations to list: {', '.join(FILTERS)}.",
)
@click.option("--search", default="", help="Only conversations whose sender, title or text match.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Needs reply from this date (default: the last needs_reply_days, 90).",
)
@click.pass_obj
def command(
    app: AppContext, as_json: bool, filter_name: str, search: str, since: datetime | None
) -> None:
    """List conversations awaiting your reply, newest first."""
    summaries = load_summaries(app, filter_name, search, since)
    if as_json:
        click.echo(json.dumps([summary_json(summary) for summary in summaries], indent=2))
    else:
        print_inbox(summaries, Console(), filter_name=filter_name, search=search)


def load_summaries(
    app: AppContext, filter_name: str, search: str = "", since: datetime | None = None
) -> list[ConversationSummary]:
    """The inbox, after importing the demo inbox into an empty store, with what has no
    verdict yet judged by the offline model. `since` (naive, a date) overrides the
    needs-reply window."""
    from reply_assistant.backends import BackendError
    from reply_assistant.cli.judge_listed import judge_unjudged
    from reply_assistant.sources import ExportError

    try:
        with Store.open(app.db_path) as store:
            import_demo_into_empty(store)
            window = (
                since.replace(tzinfo=UTC)
                if since
                else store.needs_reply_since(app.settings.needs_reply_days)
            )
            summaries = store.conversation_summaries(filter_name, search, window)
            if judge_unjudged(store, app.settings, summaries):
                summaries = store.conversation_summaries(filter_name, search, window)
            return summaries
    except (ExportError, StoreError, BackendError) as exc:
        raise InputError(str(exc)) from exc


def import_demo_into_empty(store: Store) -> None:
    """The demo inbox into an empty store, saying so on stderr."""
    from reply_assistant.demo import import_demo_if_empty

    demo = import_demo_if_empty(store)
    if demo is not None:
        click.echo(
            f"The inbox was empty: imported the demo inbox ({demo.messages_new} "
            "messages). Run `reply-assistant import PATH` for your own export.",
            err=True,
        )


def print_inbox(
    summaries: list[ConversationSummary],
    console: Console,
    *,
    filter_name: str = "needs_reply",
    search: str = "",
) -> None:
    if not summaries:
        console.print(_nothing_listed(filter_name, search), markup=False, highlight=False)
        return
    now = datetime.now(UTC)
    labels = [_label_text(summary) for summary in summaries]
    # As wide as the widest label with its confidence and status, so none is cut.
    label_width = max(cell_len(label) for label in [*labels, "Label"])
    table = Table(show_edge=False, pad_edge=False)
    # When and Label keep their widths; on a narrow terminal the sender gives way first,
    # then the message, which otherwise takes the rest.
    rest = console.width - _WHEN_WIDTH - label_width - _GAPS
    from_width = min(_FROM_WIDTH, max(_MIN_FROM_WIDTH, rest - _MIN_MESSAGE_WIDTH))
    message_width = max(_MIN_MESSAGE_WIDTH, rest - from_width)
    table.add_column("From", no_wrap=True, max_width=from_width)
    table.add_column("Message", no_wrap=True, max_width=message_width)
    table.add_column("When", no_wrap=True, justify="right", width=_WHEN_WIDTH)
    table.add_column("Label", no_wrap=True, width=label_width)
    for summary, label in zip(summaries, labels, strict=True):
        sender = summary.sender.name or "(unknown)"
        if summary.first_degree:
            sender += " · 1st"
        # A message without text (an attachment, or deleted) would show as a blank cell.
        preview = summary.preview or NO_TEXT_PREVIEW
        if summary.sponsored:
            preview = f"[sponsored] {preview}"
        # Text, not str: message content must never be read as rich markup.
        table.add_row(
            Text(sender, overflow="ellipsis"),
            Text(preview, overflow="ellipsis"),
            relative_time(summary.sent_at, now),
            label,
        )
    console.print(table)


def _nothing_listed(filter_name: str, search: str) -> str:
    """Why the list is empty, so "no match" never reads as "nothing awaits a reply"."""
    scope = "" if filter_name == "needs_reply" else f" under --filter {filter_name}"
    if search:
        return f"No conversation matches {search!r}{scope}."
    if scope:
        return f"No conversation{scope}."
    return "Nothing here awaits a reply."


def _label_text(summary: ConversationSummary) -> str:
    if summary.label is None:
        return "—"
    text = summary.label
    if summary.confidence is not None:
        text += f" {summary.confidence:.0%}"
    if summary.status != "open":
        text += f" ({summary.status})"
    return text


def relative_time(moment: datetime, now: datetime) -> str:
    """`5m ago`, `3h ago`, `2d ago`, `4mo ago`: enough to sort by eye."""
    seconds = max(0, int((now - moment).total_seconds()))
    for unit, size in (
        ("y", 365 * 86400),
        ("mo", 30 * 86400),
        ("w", 7 * 86400),
        ("d", 86400),
        ("h", 3600),
        ("m", 60),
    ):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return "just now"


def summary_json(summary: ConversationSummary) -> dict:
    return {
        "conversation_id": summary.conversation_id,
        "message_id": summary.message_id,
        "sender": {"name": summary.sender.name, "profile_url": summary.sender.profile_url},
        "preview": summary.preview,
        "sent_at": summary.sent_at.isoformat(),
        "label": summary.label,
        "confidence": summary.confidence,
        "status": summary.status,
        "title": summary.title,
        "sponsored": summary.sponsored,
        "first_degree": summary.first_degree,
    }
