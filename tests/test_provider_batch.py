"""`batch --provider-batch` / `--collect`: the OpenAI Batch API path, through the real openai
client against the fake server's Batch API routes."""

from __future__ import annotations

import json
import os
import re
import signal
import time
from pathlib import Path
from typing import Any

import openai
import pytest
from batch_exports import mixed_texts, read_csv, run_batch, start_batch, write_export

from reply_assistant.backends.pricing import BATCH_DISCOUNT, cost_usd
from reply_assistant.store import Store
from reply_assistant.testing.fake_llm_server import CHAT_PATH, FakeLLMServer, default_responder

MODEL = "gpt-4.1-mini"  # priced, so costs can be compared
FAST_POLL = ("--poll-interval", "0.02")


def sent_paths(server: FakeLLMServer) -> list[str]:
    return [request.path for request in server.requests]


def batch_rounds(server: FakeLLMServer) -> list[tuple[str, list[str]]]:
    """Each created batch as (round, custom ids), in creation order."""
    rounds = []
    for batch_id in server.batch.batches:
        lines = server.batch.input_lines(batch_id)
        schema = lines[0]["body"]["response_format"]["json_schema"]["name"]
        rounds.append(
            ("classify" if schema == "VerdictOutput" else "draft", [x["custom_id"] for x in lines])
        )
    return rounds


def ref_of(store: Store, message_id: str) -> str:
    return store.incoming(message_id).text.rsplit("[ref ", 1)[1].rstrip("]")


@pytest.fixture
def llm_env(fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch, isolated_environment):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-provider-batch")
    monkeypatch.setenv("OPENAI_MODEL", MODEL)
    (isolated_environment / "config.toml").write_text("max_attempts = 1\ntimeout_s = 5\n")
    fake_llm.batch.polls_until_done = 2
    return fake_llm


def test_rows_match_a_live_run_at_half_the_price(llm_env, tmp_path, monkeypatch):
    export = write_export(tmp_path / "export", mixed_texts(6))
    batch_db = Path(os.environ["REPLY_ASSISTANT_DB"])
    batch_out = tmp_path / "batch.csv"
    code, output = run_batch(
        str(export), "-o", str(batch_out), "--provider-batch", "--details", *FAST_POLL
    )
    assert code == 0, output

    # One upload and one batch per round (classify, then draft); nothing sent live.
    sent = sent_paths(llm_env)
    assert sent.count("/v1/files") == 2 and sent.count("/v1/batches") == 2
    assert CHAT_PATH not in sent
    assert [name for name, _ in batch_rounds(llm_env)] == ["classify", "draft"]
    assert "Submitted classify batch" in output and "Batch done" in output

    # The same export through live calls, into a fresh state file.
    monkeypatch.setenv("REPLY_ASSISTANT_DB", str(tmp_path / "live.db"))
    live_out = tmp_path / "live.csv"
    assert run_batch(str(export), "-o", str(live_out), "--details")[0] == 0

    batch_rows = {row["message_id"]: row for row in read_csv(batch_out)}
    live_rows = {row["message_id"]: row for row in read_csv(live_out)}
    assert batch_rows.keys() == live_rows.keys() and len(batch_rows) == 6
    same = ("label", "action", "reason", "signals", "draft", "backend", "model", "prompt_versions")
    for message_id, live in live_rows.items():
        row = batch_rows[message_id]
        assert {c: row[c] for c in same} == {c: live[c] for c in same}
        assert row["backend"] == "openai" and row["label"] and row["draft"] and not row["error"]

    with Store.open(batch_db) as store:
        for message_id in batch_rows:
            verdict = store.verdict(message_id)
            draft = store.drafts(message_id)[-1]
            for provenance in (verdict.provenance, draft.provenance):
                assert provenance.usage.total_tokens > 0
                full_price = cost_usd(MODEL, provenance.usage)
                assert provenance.cost_usd == pytest.approx(full_price * BATCH_DISCOUNT)
        jobs = store.batch_jobs(open_only=False)
        assert [job.state["status"] for job in jobs] == ["completed", "completed"]
        assert store.batch_jobs() == []  # nothing left open


def test_rerun_sends_nothing(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(3))
    out = tmp_path / "out.csv"
    assert run_batch(str(export), "-o", str(out), "--provider-batch", *FAST_POLL)[0] == 0
    sent_before = llm_env.request_count
    code, output = run_batch(str(export), "-o", str(out), "--provider-batch", *FAST_POLL)
    assert code == 0, output
    assert llm_env.request_count == sent_before
    assert "3 already done" in output


def test_failed_and_invalid_lines_are_recorded_and_retried_alone(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(5))
    out = tmp_path / "out.csv"
    code, output = run_batch(str(export), "-o", str(out), "--dry-run")  # imports only
    assert code == 0, output
    with Store.open(Path(os.environ["REPLY_ASSISTANT_DB"])) as store:
        ids = {ref_of(store, m): m for m in store.all_incoming_ids("awaiting")}
    refused, invalid = ids["00001"], ids["00002"]
    llm_env.batch.fail_custom_ids = {refused}

    def responder(request: dict[str, Any]) -> str:
        if "[ref 00002]" in json.dumps(request):
            return json.dumps({"label": "maybe", "confidence": 7})
        return default_responder(request)

    llm_env.responder = responder
    code, output = run_batch(
        str(export), "-o", str(out), "--provider-batch", "--details", *FAST_POLL
    )
    assert code == 1, output
    rows = {row["message_id"]: row for row in read_csv(out)}
    assert "server_error" in rows[refused]["error"] and rows[refused]["label"] == ""
    assert "not JSON with the fields asked for (label, confidence" in rows[invalid]["error"]
    assert sum(bool(row["error"]) for row in rows.values()) == 2
    assert "Failed" in output and refused in output
    # Failed messages are not drafted in the same run.
    draft_ids = dict(batch_rounds(llm_env))["draft"]
    assert sorted(draft_ids) == sorted(set(ids.values()) - {refused, invalid})

    llm_env.batch.fail_custom_ids = set()
    llm_env.responder = default_responder
    code, output = run_batch(
        str(export), "-o", str(out), "--provider-batch", "--details", *FAST_POLL
    )
    assert code == 0, output
    retried = [custom_ids for name, custom_ids in batch_rounds(llm_env)[2:]]
    assert [sorted(x) for x in retried] == [sorted([refused, invalid])] * 2
    assert all(row["label"] and row["draft"] and not row["error"] for row in read_csv(out))


def test_expired_batch_marks_its_messages_failed(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(3))
    llm_env.batch.final_status = "expired"
    out = tmp_path / "out.csv"
    code, output = run_batch(
        str(export), "-o", str(out), "--provider-batch", "--no-drafts", "--details", *FAST_POLL
    )
    assert code == 1, output
    assert all("ended expired" in row["error"] for row in read_csv(out))
    with Store.open(Path(os.environ["REPLY_ASSISTANT_DB"])) as store:
        assert store.batch_jobs() == []  # a finished job is not collected again


def _wait_for_poll(server: FakeLLMServer, deadline_s: float = 30) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if any(path.startswith("/v1/batches/") for path in sent_paths(server)):
            return
        time.sleep(0.02)
    raise AssertionError("the batch was never polled")


@pytest.mark.parametrize("resume_with", ["--collect", "--provider-batch"])
def test_interrupted_poll_resumes_without_submitting_again(llm_env, tmp_path, resume_with):
    export = write_export(tmp_path / "export", mixed_texts(4))
    out = tmp_path / "out.csv"
    llm_env.batch.polls_until_done = 1_000_000  # never finishes while the first run polls
    process = start_batch(export, out, "--provider-batch", "--no-drafts", "--poll-interval", "0.05")
    _wait_for_poll(llm_env)
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 130, output
    assert "--collect" in output
    with Store.open(Path(os.environ["REPLY_ASSISTANT_DB"])) as store:
        assert len(store.batch_jobs()) == 1  # recorded as open

    llm_env.batch.polls_until_done = 0  # the next status check finds it complete
    code, output = run_batch(
        str(export), "-o", str(out), resume_with, "--no-drafts", "--details", *FAST_POLL
    )
    assert code == 0, output
    assert sent_paths(llm_env).count("/v1/batches") == 1  # no second batch create
    assert "Resuming 1 submitted batch" in output
    rows = read_csv(out)
    assert len(rows) == 4 and all(row["label"] and not row["error"] for row in rows)


def test_collect_submits_nothing_new(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(2))
    out = tmp_path / "o.csv"
    code, output = run_batch(str(export), "-o", str(out), "--collect", *FAST_POLL)
    assert code == 0, output
    assert "/v1/batches" not in sent_paths(llm_env) and CHAT_PATH not in sent_paths(llm_env)
    assert [row["label"] for row in read_csv(out)] == ["", ""]  # nothing was judged
    assert "2 messages still to do" in output


def test_rejected_key_is_one_line_exit_2(llm_env, tmp_path):
    llm_env.require_key = "sk-the-right-one"
    export = write_export(tmp_path / "export", mixed_texts(2))
    code, output = run_batch(str(export), "--provider-batch", *FAST_POLL)
    assert code == 2 and "API key was rejected" in output and "Traceback" not in output
    assert "sk-test-provider-batch" not in output


def test_dry_run_shows_the_batch_price(llm_env, tmp_path, monkeypatch):
    export = write_export(tmp_path / "export", mixed_texts(30))
    # Priced at OpenAI's API only; a dry run sends nothing there.
    monkeypatch.setenv("OPENAI_BASE_URL", "https://api.openai.com/v1")

    def estimated_cost(*extra: str) -> float:
        code, output = run_batch(str(export), "--dry-run", *extra)
        assert code == 0, output
        return float(re.search(r"estimated\s+cost\s+\$([0-9]+\.[0-9]+)", output)[1])

    standard, batch = estimated_cost(), estimated_cost("--provider-batch")
    assert standard > 0
    assert batch == pytest.approx(standard * BATCH_DISCOUNT, abs=1e-4)
    assert llm_env.request_count == 0


def test_provider_batch_needs_the_openai_backend(tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(1))
    code, output = run_batch(str(export), "--provider-batch", "--backend", "offline")
    assert code == 2 and "openai backend" in output and "Traceback" not in output


def test_batch_jobs_store_round_trip(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        first = store.save_batch_job("openai-batch", {"batch_id": "b1", "done": False})
        second = store.save_batch_job("openai-batch", {"batch_id": "b2"})
        assert [job.id for job in store.batch_jobs()] == [first, second]
        store.update_batch_job(first, {"batch_id": "b1", "done": True})
        assert [job.state["batch_id"] for job in store.batch_jobs()] == ["b2"]
        assert [job.open for job in store.batch_jobs(open_only=False)] == [False, True]
        assert store.batch_job(first).state == {"batch_id": "b1", "done": True}


async def test_fake_batch_api_refuses_unknown_input_file(fake_llm):
    client = openai.AsyncOpenAI(base_url=fake_llm.base_url, api_key="k", max_retries=0)
    try:
        with pytest.raises(openai.NotFoundError):
            await client.batches.create(
                input_file_id="file-missing", endpoint=CHAT_PATH, completion_window="24h"
            )
        uploaded = await client.files.create(file=("x.jsonl", b"{}\n"), purpose="batch")
        assert uploaded.purpose == "batch" and uploaded.bytes == 3
        assert (await client.files.content(uploaded.id)).content == b"{}\n"
    finally:
        await client.close()
