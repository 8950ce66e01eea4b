"""The `reply-assistant` command: a click group whose subcommands live one per module.

User mistakes (bad file, bad config, unreachable endpoint) are raised as `UserError`
subclasses or `click.ClickException` and shown as one line, never a traceback.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import click

from reply_assistant import __version__
from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError
from reply_assistant.config import ConfigError


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite state file (default: in the user data directory).",
)
@click.option(
    "--config",
    "config_path",
    # A file named on purpose must exist: silently running on defaults hides a typo.
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Config TOML (default: in the user config directory).",
)
@click.option(
    "--backend",
    type=click.Choice(["offline", "openai"]),
    help="Override the configured backend (for the inbox and every command).",
)
@click.option("--model", help="Override the configured model (openai backend).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(__version__, prog_name="reply-assistant")
@click.pass_context
def cli(
    ctx: click.Context,
    db_path: Path | None,
    config_path: Path | None,
    backend: str | None,
    model: str | None,
    verbose: int,
) -> None:
    """Triage your LinkedIn inbox: spam, relationship or unclear, with a reply drafted for you
    to review. With no command, opens the inbox."""
    logging.basicConfig(
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        ctx.obj = AppContext.create(db_path=db_path, config_path=config_path)
    except ConfigError as exc:
        raise InputError(str(exc)) from exc
    settings = ctx.obj.settings
    ctx.obj.settings = replace(
        settings, backend=backend or settings.backend, model=model or settings.model
    )
    if ctx.invoked_subcommand is None:
        from reply_assistant.cli.open_cmd import open_inbox

        ctx.invoke(open_inbox)


def _register() -> None:
    # Each module defines one command (or group); importing is cheap, heavy imports stay lazy.
    from reply_assistant.cli import (
        batch_cmd,
        classify_cmd,
        config_cmd,
        corrections_cmd,
        doctor_cmd,
        eval_cmd,
        export_labels_cmd,
        import_cmd,
        inbox_cmd,
        open_cmd,
        prompts_cmd,
        stats_cmd,
        voice_cmd,
    )

    for module in (
        config_cmd,
        doctor_cmd,
        classify_cmd,
        prompts_cmd,
        eval_cmd,
        import_cmd,
        inbox_cmd,
        open_cmd,
        export_labels_cmd,
        batch_cmd,
        voice_cmd,
        stats_cmd,
        corrections_cmd,
    ):
        cli.add_command(module.command)


_register()


def main() -> None:
    cli(prog_name="reply-assistant")
