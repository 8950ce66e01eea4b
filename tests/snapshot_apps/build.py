"""Build a ReplyAssistantApp over a seeded store, with the clipboard, browser and clock
replaced by recorders so tests can see what the app did."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from textual.pilot import Pilot

from reply_assistant.backends import make_backend
from reply_assistant.config import Settings
from reply_assistant.engine import Assistant
from reply_assistant.store import Store
from reply_assistant.tui.app import ReplyAssistantApp

from .seed import fixed_now, seed_store


@dataclass
class Recorders:
    copied: list[str] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)


def build_app(
    db_path: Path,
    *,
    settings: Settings | None = None,
    seed: bool = True,
    classify_on_start: bool = True,
) -> tuple[ReplyAssistantApp, Recorders]:
    if seed and not db_path.exists():
        seed_store(db_path)
    settings = settings or Settings(backend="offline")
    store = Store.open(db_path)
    backend = make_backend(settings, cache=store.response_cache)
    recorders = Recorders()
    app = ReplyAssistantApp(
        store,
        Assistant(backend),
        backend.describe(),
        settings=settings,
        clipboard=recorders.copied.append,
        open_url=recorders.opened.append,
        now=fixed_now,
        classify_on_start=classify_on_start,
    )
    return app, recorders


async def settle(pilot: Pilot) -> None:
    """Wait until background work is done and the screen is up to date.

    The first pause lets work scheduled after a refresh (launch classification) start, so
    waiting for the workers cannot return before they exist.
    """
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
