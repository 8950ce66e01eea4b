"""Batch mode end to end through the CLI: outputs, resume, failures, dry run, spam senders."""

from __future__ import annotations

import gc
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from batch_exports import (
    PITCH,
    Participant,
    mixed_texts,
    person,
    read_csv,
    run_batch,
    start_batch,
    write_export,
)

from reply_assistant.batch.output import COLUMNS, CSV_CELL_CUT, CSV_CELL_LIMIT, NOT_JUDGED_NOTE
from reply_assistant.cli.batch_cmd import cost_so_far, rate_text
from reply_assistant.engine.events import Progress
from reply_assistant.store import Store
from reply_assistant.testing.fake_llm_server import CHAT_PATH, FakeLLMServer, Reply

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def llm_env(fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch, isolated_environment):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-batch")
    # One attempt, so a scripted fault is a failure rather than a retry.
    (isolated_environment / "config.toml").write_text("max_attempts = 1\ntimeout_s = 5\n")
    return fake_llm


def test_offline_csv_has_every_column_and_row(tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(9))
    out = tmp_path / "out.csv"
    code, output = run_batch(str(export), "-o", str(out), "--details")
    assert code == 0, output
    rows = read_csv(out)
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 9  # the answered conversation is not in scope
    assert {row["label"] for row in rows} <= {"spam", "relationship", "unclear"}
    # A no-reply row's draft cell is empty: its note is in notes.
    assert all(row["draft"] or row["notes"] for row in rows)
    assert all(row["backend"] == "offline" for row in rows)
    pitch = next(row for row in rows if "[ref 00000]" in row["message_text"])
    assert pitch["label"] == "spam"
    assert "Backend: offline" in output and "Labels:" in output


def test_batch_runs_where_fork_and_cpu_affinity_do_not_exist(tmp_path, monkeypatch):
    # macOS has no os.sched_getaffinity, Windows no os.fork: batch must need neither.
    import multiprocessing

    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.delattr(os, "fork", raising=False)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    export = write_export(tmp_path / "export", mixed_texts(5))
    out = tmp_path / "out.csv"
    code, output = run_batch(str(export), "-o", str(out))
    assert code == 0, output
    assert len(read_csv(out)) == 5


def test_multiline_text_survives_csv_and_jsonl(tmp_path):
    text = 'Hi Jordan,\nline two, with "quotes"\r\nand a third 🎉'
    export = write_export(tmp_path / "export", [text])
    out_csv, out_jsonl = tmp_path / "o.csv", tmp_path / "o.jsonl"
    assert run_batch(str(export), "-o", str(out_csv))[0] == 0
    assert run_batch(str(export), "-o", str(out_jsonl), "--details")[0] == 0
    # Stored as a terminal shows it (`printable`): the carriage return becomes a line break.
    shown = text.replace("\r\n", "\n")
    assert read_csv(out_csv)[0]["message_text"] == shown
    record = json.loads(out_jsonl.read_text(encoding="utf-8").splitlines()[0])
    assert record["message_text"] == shown and set(record) == set(COLUMNS)


def test_a_text_longer_than_a_spreadsheet_cell_is_cut_in_the_csv_only(tmp_path):
    text = "Hi Jordan, " + "word " * 8_000  # 40,011 characters
    export = write_export(tmp_path / "export", [text])
    out_csv, out_jsonl = tmp_path / "o.csv", tmp_path / "o.jsonl"
    assert run_batch(str(export), "-o", str(out_csv))[0] == 0
    assert run_batch(str(export), "-o", str(out_jsonl))[0] == 0
    cell = read_csv(out_csv)[0]["message_text"]
    assert len(cell) == CSV_CELL_LIMIT and cell.endswith(CSV_CELL_CUT)
    assert text.startswith(cell.removesuffix(CSV_CELL_CUT))
    record = json.loads(out_jsonl.read_text(encoding="utf-8").splitlines()[0])
    assert record["message_text"] == text


def test_bom_unless_asked_not_to(tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(2))
    plain, bom = tmp_path / "plain.csv", tmp_path / "bom.csv"
    run_batch(str(export), "-o", str(plain), "--no-bom")
    run_batch(str(export), "-o", str(bom))
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf")


def test_bad_output_extension_and_bad_export_exit_2(tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(1))
    code, output = run_batch(str(export), "-o", str(tmp_path / "out.xlsx"))
    assert code == 2 and ".csv or .jsonl" in output
    broken = tmp_path / "broken.csv"
    broken.write_text("just,some,columns\n1,2,3\n")
    code, output = run_batch(str(broken), "-o", str(tmp_path / "o.csv"))
    assert code == 2 and "Traceback" not in output


def test_an_unknown_prompt_version_exits_2_before_anything_runs(tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(1))
    code, output = run_batch(str(export), "-o", str(tmp_path / "o.csv"), "--prompt", "classify=v99")
    assert code == 2 and "v99" in output and "Traceback" not in output
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--backend", "openai"], "OPENAI_API_KEY or OPENAI_BASE_URL"),
        (["--provider-batch"], "need the openai backend"),
        (["--collect", "--backend", "offline"], "need the openai backend"),
    ],
)
def test_a_backend_that_cannot_work_exits_2_before_the_import(tmp_path, monkeypatch, options, said):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    export = write_export(tmp_path / "export", mixed_texts(2))
    code, output = run_batch(str(export), "-o", str(tmp_path / "o.csv"), *options)
    assert code == 2 and said in output
    assert "Messages:" not in output  # nothing was imported first


def test_an_offline_run_does_not_load_the_prompt_library(tmp_path):
    # langchain takes ~0.4 s to import; the offline model uses no prompt.
    export = write_export(tmp_path / "export", mixed_texts(2))
    probe = (
        "import sys; from reply_assistant.cli import main; sys.argv = ['reply-assistant', "
        f"'batch', {str(export)!r}, '-o', {str(tmp_path / 'o.csv')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED' if 'reply_assistant.prompts' in sys.modules else 'NOT LOADED')"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip().endswith("NOT LOADED"), done.stdout + done.stderr
    assert len(read_csv(tmp_path / "o.csv")) == 2


def test_a_batch_leaves_cycle_collection_as_it_found_it(tmp_path):
    # The caller's collector settings (the test session freezes its own objects) are its own.
    before = (gc.isenabled(), gc.get_freeze_count(), gc.get_threshold())
    export = write_export(tmp_path / "export", mixed_texts(2))
    assert run_batch(str(export), "-o", str(tmp_path / "o.csv"))[0] == 0
    assert (gc.isenabled(), gc.get_freeze_count(), gc.get_threshold()) == before
    broken = tmp_path / "broken.csv"
    broken.write_text("just,some,columns\n1,2,3\n")
    assert run_batch(str(broken), "-o", str(tmp_path / "o.csv"))[0] == 2
    assert (gc.isenabled(), gc.get_freeze_count(), gc.get_threshold()) == before


def test_llm_run_then_rerun_sends_nothing(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(6))
    out = tmp_path / "out.csv"
    code, output = run_batch(str(export), "-o", str(out), "--concurrency", "4", "--details")
    assert code == 0, output
    assert llm_env.request_count == 12  # a classify and a draft call per message
    rows = read_csv(out)
    assert all(row["backend"] == "openai" and int(row["tokens"]) > 0 for row in rows)
    assert all(row["prompt_versions"] == "classify@v1+draft@v1" for row in rows)

    code, output = run_batch(str(export), "-o", str(out))
    assert code == 0 and llm_env.request_count == 12
    assert "6 already done" in output
    assert len(read_csv(out)) == 6


def test_failures_are_recorded_listed_and_retried_alone(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(4))
    out = tmp_path / "out.csv"
    llm_env.script(["500"])  # the very first call fails, once
    code, output = run_batch(
        str(export), "-o", str(out), "--concurrency", "1", "--no-drafts", "--details"
    )
    assert code == 1, output
    rows = read_csv(out)
    failed = [row for row in rows if row["error"]]
    assert len(failed) == 1 and failed[0]["label"] == ""
    assert "Failed" in output and failed[0]["message_id"] in output
    sent_before = llm_env.request_count

    code, output = run_batch(str(export), "-o", str(out), "--no-drafts", "--details")
    assert code == 0, output
    assert llm_env.request_count == sent_before + 1  # only the failed message again
    assert all(row["label"] and not row["error"] for row in read_csv(out))


def test_a_failed_draft_is_retried_without_classifying_again(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(1))
    out = tmp_path / "out.csv"
    llm_env.script(["ok", "500"])  # the classify call succeeds, its draft call fails
    code, output = run_batch(str(export), "-o", str(out), "--details")
    assert code == 1, output
    [row] = read_csv(out)
    assert row["label"] and not row["draft"] and "draft failed" in row["error"]
    assert llm_env.request_count == 2

    code, output = run_batch(str(export), "-o", str(out), "--details")
    assert code == 0, output
    assert llm_env.request_count == 3  # the draft alone
    [row] = read_csv(out)
    assert row["draft"] and not row["error"]
    with sqlite3.connect(os.environ["REPLY_ASSISTANT_DB"]) as db:
        assert db.execute("SELECT COUNT(*) FROM verdicts").fetchone()[0] == 1


def test_fail_fast_stops_at_first_failure(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(8))
    llm_env.script(["500"])
    code, output = run_batch(
        str(export),
        "-o",
        str(tmp_path / "o.csv"),
        "--concurrency",
        "1",
        "--fail-fast",
        "--no-drafts",
    )
    assert code == 1
    assert llm_env.request_count == 1
    assert "Batch stopped" in output and "Stopped early: at the first failure" in output


def test_concurrency_option_sets_requests_in_flight(llm_env, tmp_path):
    llm_env.latency = 0.3
    export = write_export(tmp_path / "export", mixed_texts(32))
    code, output = run_batch(
        str(export), "-o", str(tmp_path / "o.csv"), "--concurrency", "16", "--no-drafts"
    )
    assert code == 0, output
    assert llm_env.peak_in_flight > 8  # above the configured default of 8
    assert llm_env.peak_in_flight <= 16


def test_dry_run_counts_and_calls_nothing(llm_env, tmp_path, monkeypatch):
    export = write_export(tmp_path / "export", mixed_texts(5))
    code, output = run_batch(str(export), "--dry-run", "--model", "gpt-4o-mini")
    assert code == 0, output
    assert llm_env.request_count == 0
    assert "5 would be sent (10 calls)" in output
    # Not OpenAI's API: its list prices do not apply to a server answering to the name.
    assert f"estimated cost unknown (no price for gpt-4o-mini @ 127.0.0.1:{llm_env.port})" in output
    monkeypatch.setenv("OPENAI_BASE_URL", "https://api.openai.com/v1")  # nothing is sent
    code, output = run_batch(str(export), "--dry-run", "--model", "gpt-4o-mini")
    assert code == 0 and "estimated cost $" in output, output
    monkeypatch.setenv("OPENAI_BASE_URL", llm_env.base_url)
    code, output = run_batch(str(export), "--dry-run", "--no-drafts", "--limit", "2")
    assert "2 would be sent (2 calls)" in output


def test_scope_all_since_and_limit(tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(5))
    out = tmp_path / "o.csv"
    assert run_batch(str(export), "-o", str(out), "--all")[0] == 0
    assert len(read_csv(out)) == 6  # the answered conversation's incoming message too
    assert run_batch(str(export), "-o", str(out), "--limit", "2")[0] == 0
    assert len(read_csv(out)) == 2
    assert run_batch(str(export), "-o", str(out), "--since", "2027-01-01")[0] == 0
    assert read_csv(out) == []


def test_spam_senders_summary_names_pitching_connections(tmp_path):
    pitcher = Participant("Casey Morgan", "https://www.linkedin.com/in/casey-morgan")
    stranger = Participant("Rex Dorn", "https://www.linkedin.com/in/rex-dorn")
    senders = [pitcher, pitcher, stranger, person(3)]
    texts = [PITCH + " [a]", PITCH + " [b]", PITCH + " [c]", "Congratulations on the award!"]
    connections = "Casey,Morgan,https://www.linkedin.com/in/casey-morgan,,Acme,Sales,03 Mar 2019\n"
    export = write_export(tmp_path / "export", texts, senders=senders, connections=connections)
    code, output = run_batch(str(export), "-o", str(tmp_path / "o.csv"))
    assert code == 0, output
    summary = output.split("Who is behind the spam", 1)[1]
    assert "Casey Morgan (1st-degree connection): pitched you 2 times (connected 8 years)" in (
        summary
    )
    assert "Rex Dorn" not in summary  # a one-off stranger is just spam


def _judged(db: Path) -> set[str]:
    with Store.open(db) as store:
        return {m for m in store.all_incoming_ids("awaiting") if store.verdict(m)}


def _wait_for_results(db: Path, at_least: int, deadline_s: float = 30) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if db.exists() and len(_judged(db)) >= at_least:
            return
        time.sleep(0.05)
    raise AssertionError("the batch made no progress")


@pytest.mark.parametrize("how", ["kill -9", "ctrl-c"])
def test_interrupted_run_resumes_without_repeating_calls(llm_env, tmp_path, how):
    llm_env.latency = 0.1
    count = 24
    export = write_export(tmp_path / "export", mixed_texts(count))
    out = tmp_path / "out.csv"
    db = Path(os.environ["REPLY_ASSISTANT_DB"])

    process = start_batch(export, out, "--concurrency", "2")
    _wait_for_results(db, at_least=4)
    process.send_signal(signal.SIGKILL if how == "kill -9" else signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    finished_before = _judged(db)
    assert 4 <= len(finished_before) < count
    if how == "ctrl-c":
        assert process.returncode == 130, output
        assert "Interrupted" in output
        rows = read_csv(out)
        assert len(rows) == count  # partial output still written, every row present
        # The summary counts what the run finished before the Ctrl-C, not "0 judged now".
        assert f"{len(finished_before)} judged now" in output
        # The rows it did not reach say why they are blank, and are counted as such.
        unjudged = [row for row in rows if not row["label"]]
        assert len(unjudged) == count - len(finished_before)
        assert all(row["notes"] == NOT_JUDGED_NOTE for row in unjudged)
        assert f"{len(unjudged)} not judged yet" in output
        assert f"Labels:  not judged yet {len(unjudged)}," in output and "none" not in output
        assert "interrupted in 0.0s" not in output  # it ran for at least two calls' latency
    sent_before = len(llm_env.chat_requests())

    process = start_batch(export, out, "--concurrency", "2")
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    rows = read_csv(out)
    assert len(rows) == count and all(row["label"] for row in rows)
    with Store.open(db) as store:
        tags = {m: store.incoming(m).text.rsplit("[ref", 1)[1] for m in finished_before}
    resent = [
        body
        for body in map(json.dumps, (r.body for r in llm_env.chat_requests()[sent_before:]))
        if any(tag in body for tag in tags.values())
    ]
    assert resent == []  # finished messages were never sent again


def test_tokens_of_failed_calls_count_and_an_unknown_price_is_said(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(1))
    out = tmp_path / "out.csv"
    llm_env.script(["invalid", "invalid"])  # the answer and its repair never validate
    code, output = run_batch(str(export), "-o", str(out), "--no-drafts", "--details")
    assert code == 1, output
    [row] = read_csv(out)
    assert "invalid" not in row["label"] and row["error"] and row["cost_usd"] == ""
    # Both replies were paid for in tokens, though nothing came of them.
    tokens = int(output.split("Tokens: ")[1].split()[0])
    assert tokens > 0
    # A local server answering to gpt-4.1-mini is not billed at OpenAI's prices.
    assert f"cost unknown (no price for gpt-4.1-mini @ 127.0.0.1:{llm_env.port})" in output
    assert "$0.0000" not in output


def test_an_endpoint_dying_mid_run_stops_it_and_the_rerun_resumes(llm_env, tmp_path, monkeypatch):
    count = 10
    export = write_export(tmp_path / "export", mixed_texts(count))
    out = tmp_path / "out.csv"
    answer = llm_env.routes[("POST", CHAT_PATH)]
    answered = 0

    def dies_after_three(server: FakeLLMServer, body: Any) -> Reply:
        nonlocal answered
        if answered == 3:  # from the fourth call on, nothing is listening any more
            threading.Thread(target=server.stop).start()
            return Reply(drop=True)
        answered += 1
        return answer(server, body)

    llm_env.routes[("POST", CHAT_PATH)] = dies_after_three
    code, output = run_batch(
        str(export), "-o", str(out), "--no-drafts", "--concurrency", "1", "--details"
    )
    assert code == 1, output
    # The fourth message failed; the other six were never sent to wait out their retries.
    assert len(llm_env.chat_requests()) == 4
    assert "3 judged now, 1 failed, 6 not tried: rerun to finish them" in output, output
    assert "Stopped early: LLM unreachable (classify failed: " in output
    rows = read_csv(out)
    assert sum(bool(row["label"]) for row in rows) == 3
    assert sum(row["notes"] == NOT_JUDGED_NOTE for row in rows) == 6

    with FakeLLMServer() as revived:
        monkeypatch.setenv("OPENAI_BASE_URL", revived.base_url)
        code, output = run_batch(str(export), "-o", str(out), "--no-drafts")
        assert code == 0, output
        assert len(revived.chat_requests()) == 7  # the failed one and the six not tried
    assert all(row["label"] for row in read_csv(out))


def test_a_web_page_where_the_api_should_be_stops_the_run_naming_the_base_url(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(10))
    out = tmp_path / "out.csv"
    llm_env.routes[("POST", CHAT_PATH)] = lambda _server, _body: Reply(
        body=b"<html><body>Welcome</body></html>", content_type="text/html"
    )
    code, output = run_batch(str(export), "-o", str(out), "--no-drafts", "--concurrency", "1")
    assert code == 1, output
    assert "1 failed, 9 not tried: rerun to finish them" in output, output
    assert "Stopped early: no LLM API at the base URL (a web page answers)" in output
    assert "unusable" not in output


def test_a_model_whose_every_answer_is_unusable_stops_the_run_saying_so(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(10))
    out = tmp_path / "out.csv"
    llm_env.responder = lambda request: "Sure! This one looks like spam to me."
    code, output = run_batch(str(export), "-o", str(out), "--no-drafts", "--concurrency", "1")
    assert code == 1, output
    assert "3 failed, 7 not tried: rerun to finish them" in output, output
    assert "Stopped early: LLM answers unusable (gpt-4.1-mini) (classify failed: " in output
    assert len(llm_env.chat_requests()) == 3 * 2  # each answer and its repair request


def test_the_failure_list_says_how_many_it_leaves_out(llm_env, tmp_path):
    export = write_export(tmp_path / "export", mixed_texts(32))
    out = tmp_path / "out.csv"
    # Nine answers, then every answer and repair fails: too few failures per success for
    # an LLM that is down, which would stop the run.
    llm_env.script(["ok"] * 9 + ["invalid"] * 46)
    code, output = run_batch(str(export), "-o", str(out), "--no-drafts", "--concurrency", "1")
    assert code == 1, output
    assert "23 failed" in output
    listed = [line for line in output.splitlines() if ": classify failed: " in line]
    assert len(listed) == 20
    assert f"… and 3 more (the notes column of {out} says why each failed)" in output


def test_the_summary_after_ctrl_c_counts_what_was_saved(llm_env, tmp_path):
    llm_env.latency = 0.1
    llm_env.script(["500"])  # the first message fails (one attempt), the rest answer
    count = 24
    export = write_export(tmp_path / "export", mixed_texts(count))
    out = tmp_path / "out.csv"
    db = Path(os.environ["REPLY_ASSISTANT_DB"])

    process = start_batch(export, out, "--concurrency", "1", "--no-drafts", "--details")
    _wait_for_results(db, at_least=4)
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 130, output
    rows = read_csv(out)
    failed = [row for row in rows if row["error"]]
    judged = [row for row in rows if row["label"]]
    unjudged = count - len(failed) - len(judged)
    assert len(failed) == 1 and judged
    assert (
        f"(0 already done, {len(judged)} judged now, 1 failed, {unjudged} not judged yet" in output
    ), output
    assert failed[0]["message_id"] in output  # listed among the failures


def test_progress_shows_no_rate_before_a_message_is_done_and_never_a_made_up_cost():
    assert rate_text(0, 3.0) == "— msg/s"  # not "0.0 msg/s", which reads as a stall
    assert rate_text(10, 4.0) == "2.5 msg/s"
    priced = Progress(total=2, cost_usd=0.0123)
    assert cost_so_far(priced) == "$0.0123"
    assert cost_so_far(Progress(total=2, cost_unknown=True)) == "unknown"
    assert cost_so_far(Progress(total=2, cost_usd=0.5, cost_unknown=True)) == "$0.5000 + unknown"


def test_a_run_with_no_tokens_counted_at_another_endpoint_says_cost_unknown(
    llm_env, tmp_path, monkeypatch
):
    # Nothing listens at the endpoint: no call spent a token, and none has a price either.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    export = write_export(tmp_path / "export", mixed_texts(3))
    code, output = run_batch(str(export), "-o", str(tmp_path / "out.csv"), "--no-drafts")
    assert code == 1, output
    assert "Tokens: 0 (cached prompt 0), cost unknown (no price for" in output
    assert "$0.0000" not in output


def test_a_no_reply_row_says_why_also_in_a_run_without_drafts(tmp_path):
    phishing = (
        "Hi, this is IT security. Your LinkedIn account will be suspended today. Send me the "
        "6-digit code you just received by SMS to verify your login."
    )
    export = write_export(tmp_path / "export", [*mixed_texts(3), phishing])
    out = tmp_path / "out.csv"
    code, output = run_batch(str(export), "-o", str(out), "--no-drafts")
    assert code == 0, output
    no_reply = [row for row in read_csv(out) if row["action"] == "no_reply"]
    assert no_reply  # the phishing message
    for row in no_reply:
        assert row["notes"].startswith(f"(No reply suggested: {row['reason']})"), row
        assert row["draft"] == ""


def test_the_summary_counts_one_message_in_the_singular_and_says_what_to_do_with_none(
    tmp_path,
):
    export = write_export(tmp_path / "export", mixed_texts(1))
    code, output = run_batch(str(export), "-o", str(tmp_path / "one.csv"))
    assert code == 0, output
    assert ": 1 message (" in output
    code, output = run_batch(str(export), "-o", str(tmp_path / "none.csv"), "--since", "2099-01-01")
    assert code == 0, output
    assert ": 0 messages (" in output
    assert "--all takes every incoming message" in output and "Labels:" not in output
