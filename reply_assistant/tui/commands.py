"""Command palette (ctrl+p) entries: backend and prompt version, import, re-run, filters."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from reply_assistant.config import OFFLINE, OPENAI, ConfigError
from reply_assistant.engine import Assistant
from reply_assistant.tui.inbox.filter_bar import FILTERS
from reply_assistant.tui.modals.ask_path import AskPathModal
from reply_assistant.tui.modals.confirm import ConfirmModal

if TYPE_CHECKING:
    from reply_assistant.tui.app import ReplyAssistantApp


IN_USE = " (in use)"
# Needs-reply windows the palette offers, in days before the newest message (0: any date).
NEEDS_REPLY_WINDOWS = (7, 30, 90, 365, 0)


def system_commands(app: ReplyAssistantApp) -> Iterator[SystemCommand]:
    yield SystemCommand(
        "Re-run classification",
        "Classify every conversation that needs a reply again, with the current backend",
        partial(confirm_rerun, app),
    )
    yield SystemCommand(
        "Import an export",
        "Read a LinkedIn data export (folder or .zip) into the inbox",
        partial(ask_import_path, app),
    )
    for backend in (OFFLINE, OPENAI):
        yield SystemCommand(
            f"Backend: {backend}{IN_USE if backend == app.assistant.backend.name else ''}",
            f"Use the {backend} backend from now on",
            partial(switch_backend, app, backend=backend),
        )
    chosen = {**app.settings.prompts, **app.prompt_versions}
    for prompt in _prompt_versions():
        yield SystemCommand(
            f"Prompt: {prompt.ref}{IN_USE if chosen.get(prompt.name) == prompt.version else ''}",
            prompt.description or f"Use {prompt.ref} for new calls",
            partial(switch_backend, app, prompt_versions={prompt.name: prompt.version}),
        )
    for name, title in FILTERS.items():
        yield SystemCommand(
            f"Filter: {title}", f"Show {title} in the inbox", partial(app.set_filter, name)
        )
    for days in NEEDS_REPLY_WINDOWS:
        span = f"the last {days} days" if days else "any date"
        yield SystemCommand(
            f"Needs reply since: {span}{IN_USE if days == app.needs_reply_days else ''}",
            f"Needs reply lists conversations from {span}; older ones are under 'older'",
            partial(app.set_needs_reply_days, days),
        )


def _prompt_versions() -> list:
    from reply_assistant.prompts import list_prompts

    # Only the prompts a backend runs on each message; judge prompts belong to the evals.
    return [prompt for prompt in list_prompts() if prompt.name in ("classify", "draft")]


def switch_backend(
    app: ReplyAssistantApp,
    *,
    backend: str | None = None,
    prompt_versions: dict[str, str] | None = None,
) -> None:
    """Re-create the Assistant with another backend or prompt version."""
    from reply_assistant.backends import make_backend
    from reply_assistant.backends.factory import checked_choice

    app.prompt_versions.update(prompt_versions or {})
    try:
        chosen = checked_choice(app.settings, backend or app.assistant.backend.name)
    except ConfigError:
        # The palette offers only real backends, so this is the missing key; the factory's
        # message points at a command-line option, which means nothing here.
        app.notify(
            "Set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server) and start the app "
            "again to use an LLM; the offline model stays on.",
            title="No LLM configured",
            severity="error",
            timeout=10,
        )
        return
    if backend is None and not app.assistant.backend.capabilities.uses_prompts:
        # A backend that reads no prompt: nothing to rebuild, but say where it applies.
        chosen_refs = ", ".join(f"{name}@{v}" for name, v in (prompt_versions or {}).items())
        app.notify(
            f"{chosen_refs} will be used when an LLM backend is on; the offline model "
            "uses no prompts."
        )
        return
    try:
        new_backend = make_backend(
            app.settings,
            backend=chosen,
            prompt_versions=dict(app.prompt_versions),
            cache=app.store.response_cache,
            embeddings=app.store.embeddings,
            voice_from=app.store,
        )
    except ConfigError as exc:
        app.notify(str(exc), title="Cannot switch backend", severity="error", timeout=10)
        return
    app.use_assistant(Assistant(new_backend), new_backend.describe())


def confirm_rerun(app: ReplyAssistantApp) -> None:
    def answered(yes: bool | None) -> None:
        if yes:
            # The window the inbox shows, as on start: not years of older threads.
            since = app.store.needs_reply_since(app.needs_reply_days)
            summaries = app.store.conversation_summaries("needs_reply", since=since)
            app.classify_pending([summary.message_id for summary in summaries], again=True)

    question = "Classify every open conversation again?"
    if app.assistant.backend.capabilities.priced:
        question += " (LLM calls cost money.)"
    app.push_screen(ConfirmModal(question), answered)


def ask_import_path(app: ReplyAssistantApp) -> None:
    def answered(path: str | None) -> None:
        if path:
            import_export_into(app, Path(path).expanduser())

    app.push_screen(
        AskPathModal("Import a LinkedIn export", "path to the export folder or .zip"), answered
    )


def import_export_into(app: ReplyAssistantApp, path: Path) -> None:
    from reply_assistant.demo import DEMO_SOURCE
    from reply_assistant.importer import OwnerMismatch, import_export
    from reply_assistant.sources import ExportError, open_export

    replacing_demo = False
    try:
        with open_export(path) as export:
            replacing_demo = app.store.has_messages_from(DEMO_SOURCE)
            if replacing_demo:
                # A real import removes the demo inbox: answers still on their way for demo
                # messages would have nowhere to go.
                app.workers.cancel_node(app)
            report = import_export(app.store, export)
    except (ExportError, OwnerMismatch) as exc:  # another person's export too
        app.notify(str(exc), title="Import failed", severity="error", timeout=10)
        if replacing_demo:
            app.classify_pending()  # the demo stays: finish what was cancelled
        return
    skipped = f", {len(report.skipped)} rows skipped" if report.skipped else ""
    app.notify(
        f"{report.messages_new} new messages, {report.awaiting_reply} awaiting a reply{skipped}.",
        title="Imported",
    )
    app.reload_inbox()
    app.classify_pending()
