"""`reply-assistant config path|show`."""

from __future__ import annotations

import json

import click

from reply_assistant.cli.context import AppContext


@click.group("config", short_help="Where the settings live and what they are.")
def command() -> None:
    """Where the configuration lives and what it says (secrets never shown)."""


@command.command("path")
@click.pass_obj
def config_path(app: AppContext) -> None:
    """Print the config file path and the state database path."""
    click.echo(f"config: {app.config_path}{'' if app.config_path.exists() else ' (not created)'}")
    click.echo(f"db:     {app.db_path}")


@command.command("show")
@click.pass_obj
def config_show(app: AppContext) -> None:
    """Print the effective settings as JSON, API key masked."""
    click.echo(json.dumps(app.settings.public_dict(), indent=2, default=str))
