"""`reply-assistant` with no command (or `open`): the inbox, after the demo if it is empty.

In a terminal this opens the Textual UI; with `--print`, or when output is not a terminal
(a pipe, a CI log), it prints the inbox summary instead.
"""

from __future__ import annotations

import sys

import click
from rich.console import Console

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError
from reply_assistant.cli.inbox_cmd import import_demo_into_empty, load_summaries, print_inbox
from reply_assistant.config import ConfigError


@click.command("open", short_help="Open the inbox in the terminal UI (--print prints it).")
@click.option("--print", "print_only", is_flag=True, help="Print the inbox instead of the UI.")
@click.pass_obj
def open_inbox(app: AppContext, print_only: bool) -> None:
    """Open the inbox (imports the bundled demo inbox into an empty store first)."""
    if print_only or not (sys.stdin.isatty() and sys.stdout.isatty()):
        print_summary(app)
    else:
        run_ui(app)


def print_summary(app: AppContext) -> None:
    summaries = load_summaries(app, "needs_reply")
    console = Console()
    console.print(f"Backend: {app.settings.describe_backend()}", markup=False, highlight=False)
    print_inbox(summaries, console)


def run_ui(app: AppContext) -> None:
    # Imported here: Textual and the backends are slow to import, and `--print` needs neither.
    from reply_assistant.backends import BackendError, make_backend_later
    from reply_assistant.engine import Assistant
    from reply_assistant.sources import ExportError
    from reply_assistant.store import Store, StoreError
    from reply_assistant.tui.app import ReplyAssistantApp

    try:
        store = Store.open(app.db_path)
    except StoreError as exc:
        raise InputError(str(exc)) from exc
    with store:
        try:
            import_demo_into_empty(store)
            # The offline model loads after the inbox is painted (the app awaits it).
            backend = make_backend_later(
                app.settings,
                cache=store.response_cache,
                embeddings=store.embeddings,
                voice_from=store,
            )
        except (ExportError, ConfigError, BackendError) as exc:
            raise InputError(str(exc)) from exc
        tui = ReplyAssistantApp(
            store, Assistant(backend), backend.describe(), settings=app.settings
        )
        tui.run()
    # Non-zero when the app ended on an error it showed: a script must not read success.
    if tui.return_code:
        sys.exit(tui.return_code)


command = open_inbox
