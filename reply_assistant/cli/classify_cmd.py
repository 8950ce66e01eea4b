"""`reply-assistant classify [TEXT | -]`: judge one message and draft the reply."""

from __future__ import annotations

import asyncio
import json
import re
import sys
import unicodedata
from contextlib import ExitStack
from dataclasses import replace
from datetime import date

import click

from reply_assistant.cli.backend_choice import backend_from_options, prompt_versions
from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError, exit_on_ctrl_c
from reply_assistant.engine import Assistant, incoming_from_text
from reply_assistant.message_budget import trim_notice
from reply_assistant.models import Assessment, Incoming, Provenance
from reply_assistant.store import Store, StoreError

# Bytes that are not text in the terminal's encoding (Latin-1 pasted into a UTF-8 shell)
# reach Python as lone surrogates, in arguments and in stdin as read below; nothing after
# the command line can encode them.
_UNDECODABLE = re.compile("[\ud800-\udfff]")


@click.command("classify", short_help="Classify one message and draft a reply.")
@click.argument("text", required=False)
@click.option("--sender", default="", help="The sender's name, if known.")
@click.option("--subject", default="", help="The message's subject line, if it has one.")
@click.option(
    "--first-degree",
    is_flag=True,
    help="The sender is a 1st-degree connection (a fact for the reason and the draft).",
)
@click.option(
    "--connected-since",
    metavar="YYYY-MM[-DD]",
    help="When you connected (implies --first-degree).",
)
@click.option(
    "--backend",
    type=click.Choice(["offline", "openai"]),
    help="Override the configured backend.",
)
@click.option("--model", help="Override the configured model (openai backend).")
@click.option(
    "--prompt",
    "prompt_overrides",
    multiple=True,
    metavar="NAME=VERSION",
    help="Prompt version to use, e.g. classify=v2 (repeatable).",
)
@click.option("--no-cache", is_flag=True, help="Ask the LLM even if the answer is cached.")
@click.option(
    "--redact",
    is_flag=True,
    help="Mask emails, phone numbers and links before the text is sent (config: redact).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def command(
    app: AppContext,
    text: str | None,
    sender: str,
    subject: str,
    first_degree: bool,
    connected_since: str | None,
    backend: str | None,
    model: str | None,
    prompt_overrides: tuple[str, ...],
    no_cache: bool,
    redact: bool,
    as_json: bool,
) -> None:
    """Classify one message (TEXT, or `-`/nothing to read stdin) and draft a reply."""
    sender = _readable(sender, "--sender")
    subject = _readable(subject, "--subject")
    message = _readable(_read_message(text, subject), "the message")
    connected_on = _connected_on(connected_since)
    with ExitStack() as resources:
        use_llm = (backend or app.settings.resolved_backend) == "openai"
        store = None
        # Only an LLM answer is worth caching; the drafts' voice is learned from a state
        # file that exists (classify never creates one).
        if (use_llm and not no_cache) or app.db_path.exists():
            try:
                store = resources.enter_context(Store.open(app.db_path))
            except StoreError as exc:
                raise InputError(f"{app.db_path}: {exc}") from exc
        chosen = backend_from_options(
            app,
            backend=backend,
            model=model,
            prompts=prompt_versions(prompt_overrides),
            redact=redact,
            cache=store.response_cache if store is not None and use_llm else None,
            use_cache=not no_cache,
            voice_from=store,
        )
        if store is None:
            from reply_assistant.voice_examples import attach_voice

            # Nothing to learn the voice from, but the config's [profile.voice] still says it.
            attach_voice(chosen, None, app.settings.profile)
        item = incoming_from_text(message, sender_name=sender, subject=subject)
        if first_degree or connected_on is not None:
            facts = replace(item.sender, first_degree=True, connected_on=connected_on)
            item = replace(item, sender=facts)
        with exit_on_ctrl_c("Interrupted: nothing was classified."):
            assessment = asyncio.run(_assess(Assistant(chosen), item))
    if as_json:
        _print_json(assessment)
    else:
        _print_text(assessment)
    if assessment.verdict is not None:
        notice = trim_notice(message, assessment.verdict.provenance.backend)
        if notice:
            click.echo(f"note: {notice}", err=True)
    if assessment.error:
        raise click.ClickException(assessment.error)


async def _assess(assistant: Assistant, item: Incoming) -> Assessment:
    try:
        return await assistant.assess(item)
    finally:
        await assistant.aclose()


def _connected_on(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text if len(text) > 7 else f"{text}-01")
    except ValueError as exc:
        message = f"--connected-since {text!r}: give a date as YYYY-MM or YYYY-MM-DD."
        raise InputError(message) from exc


def _read_message(text: str | None, subject: str) -> str:
    if text is None or text == "-":
        if text is None and sys.stdin.isatty():
            raise InputError("give the message as an argument, or pipe it in with `-`.")
        # As bytes: a text stdin may be strict and raise on them instead.
        text = sys.stdin.buffer.read().decode(sys.stdin.encoding or "utf-8", "surrogateescape")
    if not _visible(text) and not _visible(subject):  # a subject alone can say it all
        raise InputError("the message is empty.")
    return text


def _visible(text: str) -> str:
    """`text` without spacing and invisible format characters (zero-width space and
    joiners, direction marks, byte-order mark), which str.strip leaves."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()


def _readable(text: str, what: str) -> str:
    """The text with each byte that could not be decoded as U+FFFD, saying so on stderr: a
    letter lost changes a verdict less than refusing the whole message would."""
    text, undecodable = _UNDECODABLE.subn("\ufffd", text)
    if undecodable:
        click.echo(
            f"note: {what} holds {undecodable} byte(s) that are not text in this "
            "terminal's encoding, read as \ufffd",
            err=True,
        )
    return text


def _print_json(assessment: Assessment) -> None:
    if assessment.verdict is None:
        return
    out = {
        "verdict": assessment.verdict.model_dump(mode="json"),
        "draft": assessment.draft.model_dump(mode="json") if assessment.draft else None,
    }
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))


def _describe(provenance: Provenance) -> str:
    parts = [f"{provenance.backend} {provenance.model}", provenance.prompt_version]
    if provenance.stood_in_for:  # the tokens below are the LLM's, whose draft was no use
        parts = [f"offline template: {provenance.stood_in_for}"]
    usage = provenance.usage
    if usage.total_tokens:
        parts.append(f"{usage.prompt_tokens}+{usage.completion_tokens} tokens")
    if provenance.cost_usd is not None and usage.total_tokens:  # a local model spends none
        parts.append(f"${provenance.cost_usd:.5f}")
    parts.append("cached" if provenance.cached else f"{provenance.latency_ms:.0f} ms")
    return ", ".join(parts)


def _print_text(assessment: Assessment) -> None:
    verdict = assessment.verdict
    if verdict is None:
        return
    click.echo(f"label:      {verdict.label.value} ({verdict.confidence:.2f})")
    click.echo(f"action:     {verdict.action.value}")
    click.echo(f"reason:     {verdict.reason}")
    click.echo(f"signals:    {', '.join(verdict.signals) or '-'}")
    click.echo(f"by:         {_describe(verdict.provenance)}")
    if assessment.draft is not None:
        click.echo(f"\ndraft ({_describe(assessment.draft.provenance)}):")
        click.echo(assessment.draft.text)
