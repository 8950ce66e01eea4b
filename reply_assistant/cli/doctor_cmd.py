"""`reply-assistant doctor`: probe the configured LLM endpoint and say what to change."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING

import click

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError
from reply_assistant.config import ConfigError, setting_source

if TYPE_CHECKING:
    from reply_assistant.backends.doctor import Diagnosis
    from reply_assistant.backends.llm import LLMBackend

# A probe should answer quickly: one retry is enough to tell a flaky server from a dead one.
_PROBE_ATTEMPTS = 2
_MARKS = {True: "ok", False: "FAIL", None: "?"}


@click.command("doctor", short_help="Check the configured LLM endpoint, end to end.")
@click.option("--model", help="Probe this model instead of the configured one.")
@click.pass_obj
def command(app: AppContext, model: str | None) -> None:
    """Check the LLM endpoint: reachable, auth, models, structured output, a real
    classification, streaming. Exit 0 when the LLM path is usable, 1 when not."""
    from reply_assistant.backends import make_backend
    from reply_assistant.store import Store, StoreError

    settings = app.settings
    if not (settings.api_key or settings.base_url):
        click.echo("backend   offline: no LLM is configured")
        click.echo("fix       set OPENAI_BASE_URL (a local server) or OPENAI_API_KEY (OpenAI)")
        raise SystemExit(1)
    try:
        store = Store.open(app.db_path)
    except StoreError as exc:
        raise InputError(f"{app.db_path}: {exc}") from exc
    with store:
        try:
            backend = make_backend(
                replace(settings, max_attempts=min(settings.max_attempts, _PROBE_ATTEMPTS)),
                backend="openai",
                model=model,
                # The mode the probe settles on is remembered for the next runs.
                cache=store.response_cache,
                use_cache=False,
            )
        except ConfigError as exc:
            raise InputError(str(exc)) from exc
        from reply_assistant.backends.llm import LLMBackend

        assert isinstance(backend, LLMBackend)  # backend="openai" builds one
        source = setting_source("base_url", app.config_path) if settings.base_url else None
        found = asyncio.run(_diagnose(backend, source))
    _print(found)
    raise SystemExit(0 if found.usable else 1)


async def _diagnose(backend: LLMBackend, base_url_source: str | None) -> Diagnosis:
    from reply_assistant.backends.doctor import diagnose

    try:
        return await diagnose(backend, base_url_source)
    finally:
        await backend.aclose()


def _print(found: Diagnosis) -> None:
    click.echo(f"endpoint           {found.endpoint}")
    click.echo(f"model              {found.model}")
    for check in found.checks:
        click.echo(f"{check.name:<18} {_MARKS[check.ok]:<4}  {check.detail}")
    if found.usable:
        click.echo("The LLM path is usable.")
    else:
        click.echo(f"fix                {found.fix}")
