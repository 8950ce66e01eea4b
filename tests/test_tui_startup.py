"""Launch order: the inbox paints before the offline model loads, and verdicts land before
drafts (issue 4). Behaviour only; the timings are in benchmarks/bench_tui_startup.py."""

from __future__ import annotations

import asyncio
import io
import sys
import threading
from pathlib import Path

import pytest
from snapshot_apps.build import settle
from snapshot_apps.seed import fixed_now, seed_store

from reply_assistant.backends import Backend, BackendError, make_backend, make_backend_later
from reply_assistant.backends.base import Capabilities
from reply_assistant.backends.deferred import DeferredBackend
from reply_assistant.backends.llm import LLMBackend
from reply_assistant.backends.offline import CAPABILITIES
from reply_assistant.cli import cli
from reply_assistant.config import Settings
from reply_assistant.engine import Assistant
from reply_assistant.models import Draft, Label, Provenance
from reply_assistant.store import Store
from reply_assistant.testing.fake_llm_server import FakeLLMServer
from reply_assistant.tui.app import ReplyAssistantApp

SIZE = (100, 30)
LABEL_KEYS = {"1": Label.SPAM, "2": Label.RELATIONSHIP, "3": Label.UNCLEAR}
OFFLINE = Settings(backend="offline")


def launch(db_path: Path, backend, settings: Settings = OFFLINE) -> ReplyAssistantApp:
    """The app as `reply-assistant` builds it, over the seeded five-conversation inbox."""
    seed_store(db_path)
    store = Store.open(db_path)
    return ReplyAssistantApp(
        store,
        Assistant(backend),
        backend.describe(),
        settings=settings,
        clipboard=lambda text: None,
        now=fixed_now,
    )


class HeldBuild:
    """Builds the offline backend only once the test lets it, like a slow model load."""

    def __init__(self, error: Exception | None = None) -> None:
        self.allowed = threading.Event()
        self.started = threading.Event()
        self.error = error

    def __call__(self):
        self.started.set()
        self.allowed.wait(timeout=30)
        if self.error is not None:
            raise self.error
        return make_backend(OFFLINE)


def pending_rows(app: ReplyAssistantApp) -> list[str]:
    return [row.sender for row in app.inbox.rows_by_id.values() if row.label is None]


async def test_the_inbox_is_painted_and_usable_before_the_offline_model_loads(
    tmp_path: Path,
) -> None:
    build = HeldBuild()
    backend = DeferredBackend(build, name="offline", label="offline", capabilities=CAPABILITIES)
    app = launch(tmp_path / "state.db", backend)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert build.started.wait(timeout=10)  # loading began after the first paint
            # First frame: which backend is on, and every row, still pending.
            assert app.sub_title == "offline" and app.status_bar.backend == "offline"
            assert len(pending_rows(app)) == 5
            assert not backend.is_loaded
            await pilot.press("j")  # keys work while the model loads
            await pilot.pause()
            assert app.inbox.cursor_row == 1

            build.allowed.set()
            await settle(pilot)
            assert backend.is_loaded
            assert pending_rows(app) == []
            assert all(app.store.drafts(message_id) for message_id in app.inbox.rows_by_id)
            assert app.status_bar.progress == (5, 5)
            verdict = app.store.verdict(app.current_id)
            assert verdict.provenance.prompt_version == make_backend(OFFLINE).prompt_version
    finally:
        build.allowed.set()
        app.store.close()


async def test_a_model_that_cannot_load_is_reported_and_the_rows_stay_pending(
    tmp_path: Path,
) -> None:
    missing = BackendError("The offline model's training data is missing.", kind="not_found")
    build = HeldBuild(error=missing)
    build.allowed.set()
    app = launch(
        tmp_path / "state.db",
        DeferredBackend(build, name="offline", label="offline", capabilities=CAPABILITIES),
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [toast] = [n.message for n in app._notifications if n.severity == "error"]
        assert "offline could not be loaded" in toast and "training data is missing" in toast
        assert len(pending_rows(app)) == 5
        assert app.is_running
    app.store.close()


class SaveOrder:
    """Records the order in which the app saves verdicts and drafts."""

    def __init__(self, store: Store) -> None:
        self.saved: list[str] = []
        save_assessments = store.save_assessments

        def spy(results):
            for _, verdict, draft, _ in results:
                self.saved += ["verdict"] * (verdict is not None) + ["draft"] * (draft is not None)
            return save_assessments(results)

        store.save_assessments = spy


@pytest.mark.parametrize("deferred", [True, False], ids=["deferred", "loaded"])
async def test_offline_verdicts_for_every_row_land_before_any_draft(
    tmp_path: Path, deferred: bool
) -> None:
    backend = make_backend_later(OFFLINE) if deferred else make_backend(OFFLINE)
    app = launch(tmp_path / "state.db", backend)
    order = SaveOrder(app.store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert order.saved == ["verdict"] * 5 + ["draft"] * 5
        assert pending_rows(app) == []
        assert not app.working
    app.store.close()


async def test_llm_verdicts_land_before_drafts(tmp_path: Path, fake_llm: FakeLLMServer) -> None:
    settings = Settings(
        backend="openai", base_url=fake_llm.base_url, api_key="k", model="fake-model"
    )
    app = launch(tmp_path / "state.db", make_backend(settings), settings)
    order = SaveOrder(app.store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert order.saved == ["verdict"] * 5 + ["draft"] * 5
        assert pending_rows(app) == [] and not app.working
        assert "tokens" in app.status_bar.totals
    app.store.close()


async def test_a_row_relabelled_while_drafts_are_written_gets_only_its_own_draft(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.latency = 0.15  # one request at a time: the last row waits for its draft
    settings = Settings(
        backend="openai",
        base_url=fake_llm.base_url,
        api_key="k",
        model="fake-model",
        concurrency=1,
    )
    app = launch(tmp_path / "state.db", make_backend(settings), settings)
    async with app.run_test(size=SIZE) as pilot:
        verdicts_in = asyncio.Event()
        app.watch(app.status_bar, "progress", lambda done: done == (5, 5) and verdicts_in.set())
        await verdicts_in.wait()
        last = list(app.inbox.rows_by_id)[-1]
        assert not app.store.drafts(last)  # every verdict is in, its draft is not
        app.inbox.move_cursor(row=4)
        await pilot.pause()
        other = next(n for n in ("1", "2", "3") if LABEL_KEYS[n] != app.store.verdict(last).label)
        await pilot.press(other)
        await settle(pilot)
        [draft] = app.store.drafts(last)
        assert draft.provenance.prompt_version == "draft@v1 (streamed)"
        assert app.store.verdict(last).label == LABEL_KEYS[other]
    app.store.close()


def test_the_launch_command_defers_only_the_offline_model(tmp_path: Path) -> None:
    deferred = make_backend_later(OFFLINE)
    assert isinstance(deferred, DeferredBackend) and not deferred.is_loaded
    assert (deferred.name, deferred.describe()) == ("offline", "offline")
    # The offline model is the same one, with the same version hash in every verdict.
    assert deferred.prompt_version == make_backend(OFFLINE).prompt_version
    assert deferred.prompt_version.startswith("offline@") and deferred.is_loaded

    llm = Settings(backend="openai", base_url="http://127.0.0.1:9/v1", api_key="k")
    assert isinstance(make_backend_later(llm), LLMBackend)  # settings checked at launch


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_reply_assistant_opens_the_ui_before_loading_the_offline_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []
    monkeypatch.setattr(
        ReplyAssistantApp, "run", lambda app, *a, **k: seen.append(app.assistant.backend)
    )
    monkeypatch.setattr(sys, "stdin", FakeTerminal())
    monkeypatch.setattr(sys, "stdout", FakeTerminal())
    db = str(tmp_path / "state.db")
    cli.main(["--db", db], prog_name="reply-assistant", standalone_mode=False)
    [backend] = seen
    assert backend.name == "offline" and not backend.is_loaded


async def test_closing_before_the_model_loaded_does_not_load_it() -> None:
    def must_not_build():
        raise AssertionError("built only to be closed")

    await DeferredBackend(
        must_not_build, name="offline", label="offline", capabilities=CAPABILITIES
    ).aclose()


class StreamWithUsage:
    """A stream that, like the LLM backend's, records its provenance once it has ended."""

    def __init__(self) -> None:
        self.provenance = None

    async def __aiter__(self):
        for chunk in ("Hi ", "there"):
            yield chunk
        self.provenance = Provenance(backend="openai", model="m", prompt_version="draft@v1")


class StreamingBackend(Backend):
    name, model, prompt_version = "openai", "m", "draft@v1"

    def describe(self) -> str:
        return "m @ test"

    async def classify(self, item):
        raise NotImplementedError  # only the stream is asked for

    async def draft(self, item, verdict):
        raise NotImplementedError

    def stream_draft(self, item, verdict):
        return StreamWithUsage()


async def test_a_deferred_stream_keeps_the_provenance_of_the_stream_it_passes_on() -> None:
    from reply_assistant.backends.streaming import stream_to_draft
    from reply_assistant.engine import incoming_from_text

    backend = DeferredBackend(
        StreamingBackend, name="openai", label="m @ test", capabilities=Capabilities()
    )
    chunks: list[str] = []
    draft = await stream_to_draft(
        backend, incoming_from_text("hello"), None, chunks.append, language="en"
    )
    assert isinstance(draft, Draft) and draft.text == "Hi there" and chunks == ["Hi ", "there"]
    assert draft.provenance.prompt_version == "draft@v1"
