"""`reply-assistant voice`: the writing habits learned from the messages you sent."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError


@click.command("voice", short_help="Show how you write, learned from your sent messages.")
@click.option("--json", "as_json", is_flag=True, help="Print the voice as JSON.")
@click.pass_obj
def command(app: AppContext, as_json: bool) -> None:
    """Show how you write, as learned from the messages you sent (greeting, sign-off,
    length, emoji, formality, language per contact), with the config's [profile.voice]
    settings on top. Drafts follow these habits."""
    from reply_assistant.store import Store, StoreError
    from reply_assistant.voice import describe_voice, voice_for

    if not app.db_path.exists():
        raise InputError(f"No state database at {app.db_path}; open the inbox first.")
    try:
        with Store.open(app.db_path) as store:
            voice = voice_for(store, app.settings.profile)
    except StoreError as exc:
        raise InputError(str(exc)) from exc
    except ValueError as exc:  # a [profile.voice] setting the voice does not know
        raise InputError(f"{app.config_path}: {exc}.") from exc
    if as_json:
        click.echo(json.dumps(voice.as_dict(), indent=2, ensure_ascii=False))
        return
    settings = asdict(app.settings.profile.voice)
    overridden = [name for name, value in settings.items() if value is not None]
    for habit, learned in describe_voice(voice):
        click.echo(f"{habit:>22}  {learned}")
    if overridden:
        click.echo(f"{'set in config':>22}  {', '.join(overridden)}")
