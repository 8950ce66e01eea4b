"""Every server fault, through batch mode and the UI's worker path: no crash, no lost
message, the right number of attempts, a clear recorded error when retries run out.
Then kill -9 of a batch at seeded random points: a rerun gives each message exactly one
result and never sends a finished message again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from batch_exports import mixed_texts, write_export
from click.testing import CliRunner
from hardening_cases import (
    CRASH_MOMENTS,
    CRASH_SEEDS,
    FAULT_CASES,
    MAX_ATTEMPTS,
    MESSAGES_PER_CASE,
    PATHS,
    FaultCase,
    check_fault_outcome,
    crash_moment,
    make_assistant,
    run_crash_case,
    run_fault_case,
    seeded_store,
)

from reply_assistant.cli import cli
from reply_assistant.models import Draft
from reply_assistant.store import Store
from reply_assistant.testing.fake_llm_server import FakeLLMServer
from reply_assistant.tui.app import ReplyAssistantApp


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("case", FAULT_CASES, ids=lambda case: case.name)
def test_fault_case(case: FaultCase, path: str, tmp_path: Path) -> None:
    outcome = run_fault_case(case, path, tmp_path)
    assert outcome.messages == MESSAGES_PER_CASE
    assert check_fault_outcome(case, outcome) == []
    assert outcome.lost == 0
    for error in outcome.errors:  # one readable sentence, no traceback, no key
        assert "\n" not in error and "Traceback" not in error and "sk-" not in error


@dataclass
class Redrafted:
    """What `r` on a judged row did while the server met scripted faults."""

    errors: list[str]  # the error toasts
    drafts_before: list[Draft]
    drafts_after: list[Draft]
    judged: bool  # the row still has its verdict
    working: bool  # the row is still marked as worked on
    last_request_streamed: bool


async def redraft_with_faults(tmp_path: Path, faults: list[str]) -> Redrafted:
    store = seeded_store(tmp_path, count=1)
    with FakeLLMServer() as server:
        assistant = make_assistant(server.base_url, [])
        app = ReplyAssistantApp(
            store, assistant, "fake", clipboard=lambda text: None, open_url=lambda url: None
        )
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            message_id = app.current_id
            assert message_id is not None
            drafts_before = store.drafts(message_id)
            server.script(faults)
            await pilot.press("r")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            done = Redrafted(
                errors=[n.message for n in app._notifications if n.severity == "error"],
                drafts_before=drafts_before,
                drafts_after=store.drafts(message_id),
                judged=store.verdict(message_id) is not None,
                working=message_id in app.working,
                last_request_streamed=bool(server.chat_requests()[-1].body.get("stream")),
            )
    store.close()
    return done


async def test_a_stream_cut_short_keeps_the_old_draft_and_says_so(tmp_path: Path) -> None:
    # Regenerate: the streamed draft breaks off half-way, and the draft asked for again in
    # one piece fails on every attempt too.
    done = await redraft_with_faults(tmp_path, ["truncated", *["500"] * MAX_ATTEMPTS])
    assert len(done.drafts_before) == 1
    assert any("draft failed: " in error for error in done.errors), done.errors
    assert done.drafts_after == done.drafts_before  # no half draft saved
    assert done.judged and not done.working


async def test_a_stream_cut_short_is_asked_for_again_whole(tmp_path: Path) -> None:
    done = await redraft_with_faults(tmp_path, ["truncated"])
    assert not done.errors
    assert len(done.drafts_after) == len(done.drafts_before) + 1  # the whole one, not the half
    assert not done.last_request_streamed


def test_batch_command_retries_with_config_settings_then_records_the_error(
    tmp_path: Path, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The retry settings come from the config file: 2 attempts, tiny waits."""
    server = FakeLLMServer().start()
    try:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-hardening-batch")
        (isolated_environment / "config.toml").write_text(
            "max_attempts = 2\ntimeout_s = 2\nmax_retry_wait_s = 0.01\n", encoding="utf-8"
        )
        export = write_export(tmp_path / "export", mixed_texts(3))
        out = tmp_path / "out.csv"
        server.script(["429", "503", "429:retry-after=30"])  # 1st gives up; 2nd retries once
        args = ["batch", str(export), "-o", str(out), "--concurrency", "1", "--no-drafts"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert "gave up after 2 attempts" in result.output
        assert len(server.chat_requests()) == 2 + 2 + 1

        result = CliRunner().invoke(cli, args)  # the failed message alone is sent again
        assert result.exit_code == 0, result.output
        assert len(server.chat_requests()) == 5 + 1
        with Store.open(isolated_environment / "state.db") as store:
            ids = store.all_incoming_ids("awaiting")
            assert len(ids) == 3
            assert all(store.verdict(m) and store.error(m) is None for m in ids)
    finally:
        server.stop()


# Where each kill may land, read from the state it leaves (import not yet committed, or
# imported with nothing finished, both count as "before results").
LANDINGS = {
    "before_results": {"import", "before any result"},
    "judging": {"before any result", "judging"},
    "writing_output": {"writing output"},
}


@pytest.mark.parametrize("seed", CRASH_SEEDS, ids=lambda seed: f"{seed}-{crash_moment(seed)}")
def test_kill_9_at_a_random_point_then_rerun(seed: int, tmp_path: Path) -> None:
    with FakeLLMServer(latency=0.05) as server:
        outcome = run_crash_case(seed, tmp_path, server)
    assert outcome.killed_during in LANDINGS[outcome.moment], outcome
    if outcome.moment != "writing_output":
        assert outcome.killed_after < outcome.messages
    assert outcome.rerun_exit == 0
    assert outcome.exactly_one  # one verdict and one draft per message, none lost
    assert outcome.output_rows_ok  # out.csv: exactly one row per message
    assert outcome.resent == 0


def test_the_crash_seeds_cover_every_kill_moment() -> None:
    assert {crash_moment(seed) for seed in CRASH_SEEDS} == set(CRASH_MOMENTS)
