"""Privacy and secrets: a recognisable fake API key never shows up in any output, log, file,
response cache, eval run or traceback; --redact masks contact details before anything is
sent; the store and the files written from it are private to the user; nothing connects
anywhere but the endpoint, and the offline backend opens no socket at all."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import stat
import subprocess
import sys
import traceback
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from batch_exports import write_export
from click.testing import CliRunner
from rich.console import Console
from rich.traceback import Traceback
from snapshot_apps.build import settle
from textual.pilot import Pilot

from reply_assistant.backends import BackendError, make_backend
from reply_assistant.cli import cli
from reply_assistant.cli.context import AppContext
from reply_assistant.cli.open_cmd import run_ui
from reply_assistant.config import Settings
from reply_assistant.models import Incoming, SenderFacts
from reply_assistant.store import Store
from reply_assistant.testing.fake_llm_server import FakeLLMServer, requested_kind
from reply_assistant.tui.app import ReplyAssistantApp

FAKE_KEY = "sk-hardening-FAKEKEY-7f3a9c2e51d04b68"
EVAL_DATA = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"
PRIVATE = (
    "Write to ana.lima@example.org or call +44 20 7946 0958, "
    "details at https://calendly.com/ana-lima/intro — congrats on the new role!"
)


@pytest.fixture
def keyed(isolated_environment: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLLMServer]:
    """The fake key and endpoint in the environment; short retries in the config file."""
    with FakeLLMServer() as server:
        monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("REPLY_ASSISTANT_MODEL", "fake-model")
        (isolated_environment / "config.toml").write_text(
            "max_attempts = 2\ntimeout_s = 2\nmax_retry_wait_s = 0.01\n", encoding="utf-8"
        )
        yield server


Drive = Callable[[ReplyAssistantApp, Pilot], Awaitable[None]]


def run_ui_headless(monkeypatch: pytest.MonkeyPatch, drive: Drive) -> None:
    """`reply-assistant open` as launched in a terminal (settings, config switches, store,
    demo inbox, backend: `run_ui`), with Textual's headless driver in place of the terminal.
    `drive` runs once the launch classification has finished."""

    async def headless(app: ReplyAssistantApp) -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await drive(app, pilot)

    monkeypatch.setattr(ReplyAssistantApp, "run", lambda app: asyncio.run(headless(app)))
    run_ui(AppContext.create())


async def _just_launch(app: ReplyAssistantApp, pilot: Pilot) -> None:
    assert app.store.verdict(app.current_id) is not None  # the launch classified the inbox


def _files_holding(root: Path, needle: bytes) -> list[str]:
    return [str(path) for path in root.rglob("*") if path.is_file() and needle in path.read_bytes()]


def test_the_key_appears_in_no_output_log_file_or_cache(
    keyed: FakeLLMServer,
    tmp_path: Path,
    isolated_environment: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # every library's debug log (openai, httpx) is captured
    export = write_export(tmp_path / "export", [PRIVATE, "Hi, quick question"])
    out = tmp_path / "out"
    out.mkdir()
    runs = [
        ["config", "show"],
        ["config", "path"],
        ["prompts", "list"],
        ["prompts", "show", "classify@v1"],
        ["prompts", "diff", "classify@v1", "classify@v2"],
        ["import", str(export)],
        ["inbox", "--json", "--filter", "all"],
        ["classify", PRIVATE],
        ["classify", "--json", "--redact", PRIVATE],
        ["batch", str(export), "-o", str(out / "replies.csv")],
        ["batch", str(export), "-o", str(out / "replies.jsonl"), "--dry-run"],
        [
            "eval",
            "--dataset",
            str(EVAL_DATA),
            "--backend",
            "openai",
            "--no-drafts",
            "--output",
            str(out / "run.json"),
            "--html",
            str(out / "run.html"),
        ],
        [
            "eval",
            "--dataset",
            str(EVAL_DATA),
            "--backend",
            "openai",
            "--judge",
            "--output",
            str(out / "drafts.json"),
        ],
        ["eval", "compare", str(out / "run.json"), str(out / "drafts.json")],
        ["eval", "rescore", str(out / "drafts.json"), "--output", str(out / "rescored.json")],
        ["export-labels", str(out / "labels.jsonl")],
    ]
    outputs = []
    for args in runs:
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, (args, result.output)
        outputs.append(result.output)
    # Failures carry the endpoint in their message; the key must not ride along.
    keyed.script(["500", "500"])
    failed = CliRunner().invoke(cli, ["classify", "--no-cache", "Is this a scam?"])
    keyed.require_key = "sk-some-other-key"
    refused = CliRunner().invoke(cli, ["classify", "--no-cache", "Anyone there?"])
    for result in (failed, refused):
        assert result.exit_code == 1 and "Traceback" not in result.output
        outputs.append(result.output)
    assert "rejected" in refused.output and "gave up after 2 attempts" in failed.output

    assert all(FAKE_KEY not in output for output in outputs)
    assert FAKE_KEY not in caplog.text
    assert any(r.name.startswith(("openai", "httpx")) for r in caplog.records)  # logs were on
    assert _files_holding(tmp_path, FAKE_KEY.encode()) == []
    assert _files_holding(isolated_environment, FAKE_KEY.encode()) == []  # db, wal, cache
    assert (out / "run.json").exists() and (out / "replies.csv").exists()
    # The eval with drafts really drafted and judged through the server.
    kinds = {requested_kind(request.body) for request in keyed.chat_requests()}
    assert {"verdict", "draft", "judge"} <= kinds
    assert (out / "rescored.json").exists()
    with Store.open(isolated_environment / "state.db") as store:
        assert store.response_cache.get(FAKE_KEY) is None


def test_the_key_stays_out_of_verbose_logs_in_a_real_process(
    keyed: FakeLLMServer, tmp_path: Path
) -> None:
    keyed.script(["429", "429"])  # retries and their log lines, then a failure
    result = subprocess.run(
        [sys.executable, "-m", "reply_assistant", "-vv", "classify", "--no-cache", PRIVATE],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert result.returncode == 1
    assert "DEBUG" in result.stderr and "retrying" in result.stderr  # the logs were verbose
    assert FAKE_KEY not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_the_key_appears_in_no_ui_notification_screen_or_file(
    keyed: FakeLLMServer,
    tmp_path: Path,
    isolated_environment: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    shown: list[str] = []

    async def classify_then_fail(app: ReplyAssistantApp, pilot: Pilot) -> None:
        assert app.store.verdict(app.current_id) is not None  # classified with the fake key
        keyed.require_key = "sk-some-other-key"  # from now on the server answers 401
        await pilot.press("r")  # regenerate the draft: refused
        await settle(pilot)
        shown.extend(f"{n.title} {n.message}" for n in app._notifications)
        shown.append(app.export_screenshot())
        shown.append(str(app.query_one("#verdict").render()))

    run_ui_headless(monkeypatch, classify_then_fail)
    assert any("rejected" in text for text in shown)  # the 401 reached the person
    assert {"verdict", "draft"} <= {requested_kind(r.body) for r in keyed.chat_requests()}
    assert all(FAKE_KEY not in text for text in shown)
    assert FAKE_KEY not in caplog.text
    assert _files_holding(tmp_path, FAKE_KEY.encode()) == []
    assert _files_holding(isolated_environment, FAKE_KEY.encode()) == []  # db, wal, cache


def test_tracebacks_with_locals_do_not_hold_the_key(keyed: FakeLLMServer) -> None:
    keyed.require_key = "sk-some-other-key"
    settings = Settings(backend="openai", base_url=keyed.base_url, api_key=FAKE_KEY)
    backend = make_backend(settings, model="fake-model")
    item = Incoming(text="Hello", sender=SenderFacts(name="Ana"))

    async def classify() -> None:
        try:
            await backend.classify(item)
        finally:
            await backend.aclose()

    with pytest.raises(BackendError) as caught:
        asyncio.run(classify())
    plain = "".join(
        traceback.TracebackException.from_exception(caught.value, capture_locals=True).format()
    )
    console = Console(record=True, width=200, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(
        Traceback.from_exception(
            type(caught.value), caught.value, caught.value.__traceback__, show_locals=True
        )
    )
    assert "classify" in plain and "self" in plain  # the locals really were rendered
    assert FAKE_KEY not in plain and FAKE_KEY not in console.export_text()
    assert FAKE_KEY not in repr(settings) and FAKE_KEY not in str(settings.public_dict())


@pytest.mark.parametrize("how", ["flag", "config"])
def test_redact_masks_contact_details_before_sending(
    keyed: FakeLLMServer, isolated_environment: Path, tmp_path: Path, how: str
) -> None:
    if how == "config":
        config = isolated_environment / "config.toml"
        config.write_text(config.read_text() + "redact = true\n", encoding="utf-8")
    flag = ["--redact"] if how == "flag" else []
    export = write_export(tmp_path / "export", [PRIVATE])
    assert CliRunner().invoke(cli, ["classify", *flag, PRIVATE]).exit_code == 0
    result = CliRunner().invoke(cli, ["batch", *flag, str(export), "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 0, result.output
    sent = json.dumps([r.body for r in keyed.chat_requests()], ensure_ascii=False)
    assert len(keyed.chat_requests()) == 4
    for secret in ("ana.lima@example.org", "7946 0958", "calendly.com"):
        assert secret not in sent
    assert sent.count("[email]") >= 4 and "[phone]" in sent and "[link]" in sent


def test_without_redact_the_text_goes_as_written(keyed: FakeLLMServer) -> None:
    assert CliRunner().invoke(cli, ["classify", PRIVATE]).exit_code == 0
    sent = json.dumps([r.body for r in keyed.chat_requests()], ensure_ascii=False)
    assert "ana.lima@example.org" in sent  # so the test above can fail


@pytest.mark.parametrize("switch", ["off", "config", "environment"])
def test_the_redact_switch_masks_what_the_ui_sends(
    keyed: FakeLLMServer,
    isolated_environment: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    switch: str,
) -> None:
    imported = CliRunner().invoke(cli, ["import", str(write_export(tmp_path / "e", [PRIVATE]))])
    assert imported.exit_code == 0, imported.output
    if switch == "config":
        config = isolated_environment / "config.toml"
        config.write_text(config.read_text() + "redact = true\n", encoding="utf-8")
    elif switch == "environment":
        monkeypatch.setenv("REPLY_ASSISTANT_REDACT", "1")
    run_ui_headless(monkeypatch, _just_launch)
    sent = json.dumps([r.body for r in keyed.chat_requests()], ensure_ascii=False)
    assert {"verdict", "draft"} <= {requested_kind(r.body) for r in keyed.chat_requests()}
    if switch == "off":  # so the masked cases can fail
        assert "ana.lima@example.org" in sent and "[email]" not in sent
        return
    for secret in ("ana.lima@example.org", "7946 0958", "calendly.com"):
        assert secret not in sent
    assert "[email]" in sent and "[phone]" in sent and "[link]" in sent


def _eval_dataset_with_contact_details(folder: Path) -> Path:
    """The small eval set plus one message holding an email, a phone number and a link."""
    dataset = folder / "with-contacts.jsonl"
    private = {"id": "p01", "text": PRIVATE, "label": "relationship", "sender": "Ana Lima"}
    lines = EVAL_DATA.read_text(encoding="utf-8").splitlines()
    dataset.write_text("\n".join([*lines, json.dumps(private)]) + "\n", encoding="utf-8")
    return dataset


def test_eval_measures_the_effect_of_redaction(keyed: FakeLLMServer, tmp_path: Path) -> None:
    dataset = _eval_dataset_with_contact_details(tmp_path)
    runs, sent = {}, {}
    for name, flag in (("plain", []), ("redacted", ["--redact"])):
        path = tmp_path / f"{name}.json"
        args = [
            "eval",
            "--dataset",
            str(dataset),
            "--backend",
            "openai",
            "--no-drafts",
            "--no-baseline",
            "--output",
            str(path),
            *flag,
        ]
        requests_before = len(keyed.chat_requests())
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        runs[name] = json.loads(path.read_text(encoding="utf-8"))["runs"][0]
        bodies = [r.body for r in keyed.chat_requests()[requests_before:]]
        sent[name] = json.dumps(bodies, ensure_ascii=False)
    # What the server received: the address as written in the plain run, only masks after.
    assert "ana.lima@example.org" in sent["plain"] and "calendly.com" in sent["plain"]
    for secret in ("ana.lima@example.org", "7946 0958", "calendly.com"):
        assert secret not in sent["redacted"]
    assert "[email]" in sent["redacted"] and "[phone]" in sent["redacted"]
    assert "[link]" in sent["redacted"] and "[email]" not in sent["plain"]
    assert "macro_f1" in runs["plain"]["metrics"] and "macro_f1" in runs["redacted"]["metrics"]
    assert all(example["redacted"] for example in runs["redacted"]["examples"])
    compared = CliRunner().invoke(
        cli, ["eval", "compare", str(tmp_path / "plain.json"), str(tmp_path / "redacted.json")]
    )
    assert compared.exit_code == 0 and "macro" in compared.output.lower()


def test_store_files_are_private_to_the_user(tmp_path: Path) -> None:
    db = tmp_path / "new" / "state.db"
    with Store.open(db) as store:
        store.add_manual_message("Ana", "hello")  # a write, so the WAL files exist
        for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_batch_results_are_private_to_the_user(tmp_path: Path, suffix: str) -> None:
    export = write_export(tmp_path / "export", [PRIVATE])
    out = tmp_path / f"replies{suffix}"
    older_run = (
        "sender,date,label,action,draft\n"
        if suffix == ".csv"
        else '{"sender": "A", "date": "", "label": "spam", "action": "decline", "draft": ""}\n'
    )
    out.write_text(older_run, encoding="utf-8")
    out.chmod(0o644)  # a rerun must not keep a world-readable file
    result = CliRunner().invoke(cli, ["batch", str(export), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "calendly.com/ana-lima" in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_exported_labels_are_private_to_the_user(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    with Store.open(db) as store:
        message_id = store.add_manual_message("Ana", PRIVATE)
        store.record_decision(message_id, "relabel", label="relationship")
    out = tmp_path / "labels.jsonl"
    out.touch()
    out.chmod(0o644)  # an earlier export others could read
    result = CliRunner().invoke(cli, ["--db", str(db), "export-labels", str(out)])
    assert result.exit_code == 0, result.output
    assert "calendly.com/ana-lima" in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_key_file_others_can_read_is_refused(tmp_path: Path, isolated_environment: Path):
    key_file = tmp_path / "key"
    key_file.write_text(FAKE_KEY, encoding="utf-8")
    key_file.chmod(0o644)
    (isolated_environment / "config.toml").write_text(f'api_key_file = "{key_file}"\n')
    result = CliRunner().invoke(cli, ["config", "show"])
    assert result.exit_code == 2 and "chmod 600" in result.output
    assert FAKE_KEY not in result.output


class _Connections:
    """Where this process tries to connect or resolve, from Python's audit events."""

    def __init__(self) -> None:
        self.recording = False
        self.seen: list[tuple[str, object]] = []
        sys.addaudithook(self._hook)  # audit hooks cannot be removed; this one is switched

    def _hook(self, event: str, args: tuple) -> None:
        if self.recording and event in ("socket.connect", "socket.getaddrinfo", "socket.sendto"):
            self.seen.append((event, args[1] if event != "socket.getaddrinfo" else args[0]))


_CONNECTIONS = _Connections()


def test_the_offline_backend_opens_no_socket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_environment: Path
) -> None:
    export = write_export(tmp_path / "export", [PRIVATE, "Hi, quick question"])
    eval_args = ["eval", "--dataset", str(EVAL_DATA), "--backend", "offline"]
    _CONNECTIONS.seen.clear()
    _CONNECTIONS.recording = True
    try:
        run_ui_headless(monkeypatch, _just_launch)  # the demo inbox, offline by default
        classified = CliRunner().invoke(cli, ["classify", "--backend", "offline", PRIVATE])
        evaluated = CliRunner().invoke(cli, [*eval_args, "--output", str(tmp_path / "r.json")])
        batch = CliRunner().invoke(cli, ["batch", str(export), "-o", str(tmp_path / "o.csv")])
    finally:
        _CONNECTIONS.recording = False
    assert classified.exit_code == 0 and evaluated.exit_code == 0, evaluated.output
    assert batch.exit_code == 0, batch.output
    with Store.open(isolated_environment / "state.db") as store:
        assert store.has_messages_from("demo") is False  # the batch's import replaced the demo
    assert _CONNECTIONS.seen == []


def test_the_llm_backend_connects_only_to_the_configured_endpoint(
    keyed: FakeLLMServer, tmp_path: Path
) -> None:
    export = write_export(tmp_path / "export", [PRIVATE, "Hi, quick question"])
    _CONNECTIONS.seen.clear()
    _CONNECTIONS.recording = True
    try:
        batch = CliRunner().invoke(cli, ["batch", str(export), "-o", str(tmp_path / "o.csv")])
    finally:
        _CONNECTIONS.recording = False
    assert batch.exit_code == 0, batch.output
    connects = [target for event, target in _CONNECTIONS.seen if event == "socket.connect"]
    assert connects  # the recorder works
    assert set(connects) == {("127.0.0.1", keyed.port)}
    lookups = {target for event, target in _CONNECTIONS.seen if event == "socket.getaddrinfo"}
    assert lookups <= {"127.0.0.1"}


def test_eval_runs_and_reports_are_private_to_the_user(tmp_path: Path) -> None:
    dataset = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"
    run, report, rescored = (tmp_path / name for name in ("run.json", "run.html", "again.json"))
    for path in (run, report, rescored):
        path.touch()
        path.chmod(0o644)  # files from an earlier run others could read
    args = ["eval", "--dataset", str(dataset), "--backend", "offline"]
    result = CliRunner().invoke(cli, [*args, "--output", str(run), "--html", str(report)])
    assert result.exit_code == 0, result.output
    rescore = CliRunner().invoke(cli, ["eval", "rescore", str(run), "--output", str(rescored)])
    assert rescore.exit_code == 0, rescore.output
    for path in (run, report, rescored):
        assert path.stat().st_size > 0, path  # the examples' text is in these files
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_the_offline_model_cache_is_private_to_the_user(tmp_path: Path) -> None:
    # The offline model's only cache is the embeddings it keeps in the state file: a
    # message's vector says much about its text, so it lives in the user's private file.
    from reply_assistant.backends.offline.backend import OfflineBackend
    from reply_assistant.backends.offline.encoder import ENCODER_ID, text_key
    from reply_assistant.config import Profile, cache_dir
    from reply_assistant.models import Incoming, SenderFacts
    from reply_assistant.store import Store

    state = tmp_path / "new" / "state.db"
    before = set(cache_dir().rglob("*")) if cache_dir().exists() else set()
    with Store.open(state) as store:
        backend = OfflineBackend(Profile(), store=store.embeddings)
        text = "Lovely to see you at the reunion!"
        backend.classify_many([Incoming(text, SenderFacts("A B"))])
        assert len(store.embeddings.load_embeddings(ENCODER_ID, [text_key(text)])) == 1
    assert stat.S_IMODE(state.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    after = set(cache_dir().rglob("*")) if cache_dir().exists() else set()
    assert after == before  # nothing written beside it
