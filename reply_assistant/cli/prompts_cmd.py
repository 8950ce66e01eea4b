"""`reply-assistant prompts list | show NAME@VERSION | diff NAME@A NAME@B`."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

import click

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError

if TYPE_CHECKING:
    from reply_assistant.prompts import PromptVersion


def _load(ref: str) -> PromptVersion:
    # prompts pulls in langchain-core (most of a second): imported only when used.
    from reply_assistant.prompts import PromptError, load_prompt, parse_ref

    try:
        return load_prompt(*parse_ref(ref))
    except PromptError as exc:
        raise InputError(str(exc)) from exc


@click.group("prompts")
def command() -> None:
    """The versioned prompts the LLM backend uses."""


@command.command("list")
@click.pass_obj
def prompts_list(app: AppContext) -> None:
    """Every prompt version; `*` marks the ones the settings choose."""
    from reply_assistant.prompts import list_prompts, read_manifest, release_status

    manifest = read_manifest()
    for prompt in list_prompts():
        active = "*" if app.settings.prompts.get(prompt.name) == prompt.version else " "
        status = release_status(prompt, manifest)
        click.echo(f"{active} {prompt.ref:<14} {prompt.date:<10} {status:<10} {prompt.description}")


@command.command("show")
@click.argument("ref")
def prompts_show(ref: str) -> None:
    """Print one version's file: `prompts show classify@v1`."""
    click.echo(_load(ref).path.read_text(encoding="utf-8"), nl=False)


@command.command("diff")
@click.argument("old_ref")
@click.argument("new_ref")
def prompts_diff(old_ref: str, new_ref: str) -> None:
    """Unified diff of two versions: `prompts diff classify@v1 classify@v2`."""
    old, new = _load(old_ref), _load(new_ref)
    diff = difflib.unified_diff(
        old.path.read_text(encoding="utf-8").splitlines(keepends=True),
        new.path.read_text(encoding="utf-8").splitlines(keepends=True),
        fromfile=old.ref,
        tofile=new.ref,
    )
    click.echo("".join(diff), nl=False)
