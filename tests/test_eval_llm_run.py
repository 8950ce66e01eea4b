"""`eval` through the real ChatClient against the fake LLM server: two classify versions
side by side, RUN.json, the HTML report, rescoring offline, compare, thresholds, cache."""

from __future__ import annotations

import functools
import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.evals.compare import load_run_file, rescore
from reply_assistant.prompts import load_prompt
from reply_assistant.testing.fake_llm_server import (
    CHAT_PATH,
    FakeLLMServer,
    Reply,
    default_responder,
    error_reply,
    requested_kind,
)

DATA = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"


def v2_markers() -> list[str]:
    """Lines only the v2 classify prompt has, to answer as "v2" would."""
    v1 = load_prompt("classify", "v1").system
    return [
        line
        for line in load_prompt("classify", "v2").system.splitlines()
        if line.strip() and "{" not in line and line not in v1
    ]


# With v2, r05 (gold relationship, v1 says spam) is fixed; u01 and u04 (gold unclear) broken.
V2_ANSWERS = {
    "Long time no see": "relationship",
    "quick question for you": "spam",
    "Click <b>here</b>": "spam",
}


def versioned_responder(markers: list[str], request: dict) -> str:
    answer = default_responder(request)
    system = " ".join(
        str(m.get("content")) for m in request["messages"] if m.get("role") == "system"
    )
    user = " ".join(str(m.get("content")) for m in request["messages"] if m.get("role") == "user")
    if requested_kind(request) != "verdict" or not any(m in system for m in markers):
        return answer
    for fragment, label in V2_ANSWERS.items():
        if fragment in user:
            verdict = json.loads(answer)
            verdict.update(label=label, action={"spam": "decline"}.get(label, "reply"))
            return json.dumps(verdict)
    return answer


@pytest.fixture
def llm(fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch) -> FakeLLMServer:
    fake_llm.responder = functools.partial(versioned_responder, v2_markers())
    monkeypatch.setenv("COLUMNS", "200")  # rich would otherwise wrap table cells at 80
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    return fake_llm


def _eval(*args: str):
    return CliRunner().invoke(
        cli, ["eval", "--dataset", str(DATA), "--backend", "openai", "--no-baseline", *args]
    )


def test_two_classify_versions_side_by_side(llm: FakeLLMServer, tmp_path: Path):
    run_path, html_path = tmp_path / "run.json", tmp_path / "report.html"
    result = _eval(
        "--prompt", "classify=v1,v2", "--output", str(run_path), "--html", str(html_path)
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Versions side by side" in out
    assert "classify@v1+draft@v1" in out and "classify@v2+draft@v1" in out
    assert "relationship (fixed)" in out and "spam (broken)" in out
    assert "r05" in out and "u01" in out
    # 13 classify calls per version; drafts only for v1 and the 3 verdicts v2 changed (the
    # other drafts are the same request, answered from the response cache); and a redraft
    # for each draft that failed the live draft checks (the fake replies in English).
    redrafts = [
        request
        for request in llm.chat_requests()
        if request.body["messages"][-1]["content"].startswith("Your reply has these problems")
    ]
    assert redrafts and len(llm.chat_requests()) == 13 * 2 + 13 + 3 + len(redrafts)

    saved = json.loads(run_path.read_text(encoding="utf-8"))
    assert set(saved) == {"created_at", "dataset", "runs"}
    assert saved["dataset"]["count"] == 13 and len(saved["dataset"]["sha256"]) == 64
    assert [run["prompt"] for run in saved["runs"]] == [
        "classify@v1+draft@v1",
        "classify@v2+draft@v1",
    ]
    first = saved["runs"][0]
    assert (first["backend"], first["model"]) == ("openai", "gpt-4.1-mini")
    assert {
        "accuracy",
        "macro_f1",
        "per_class",
        "confusion",
        "labels",
        "spam_fp_rate",
        "brier",
        "ece",
        "per_subtype",
        "per_language",
        "injection_accuracy",
        "parse_failure_rate",
        "draft_checks",
        "tokens",
        "cost_usd",
        "latency_p50_ms",
        "latency_p95_ms",
    } <= set(first["metrics"])
    example = first["examples"][0]
    assert {
        "id",
        "gold",
        "predicted",
        "confidence",
        "error",
        "draft",
        "language",
        "subtype",
        "verdict",
    } <= set(example)
    assert example["verdict"]["provenance"]["prompt_version"] == "classify@v1"
    # v1: 10 of 13 right by the fake's keyword rules; v2 fixes one and breaks two.
    assert first["metrics"]["accuracy"] == pytest.approx(10 / 13)
    assert saved["runs"][1]["metrics"]["accuracy"] == pytest.approx(9 / 13)
    assert first["metrics"]["tokens"]["total"] > 0

    html = html_path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert "<script" not in html and "<link" not in html and "src=" not in html
    assert "Click &lt;b&gt;here&lt;/b&gt; &amp; tell me" in html  # escaped, not rendered
    assert "Confusion matrices" in html and "first_name_used" in html


def test_rescore_with_the_network_off_reproduces_the_metrics(
    llm: FakeLLMServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    run_path = tmp_path / "run.json"
    assert _eval("--prompt", "classify=v1,v2", "--output", str(run_path)).exit_code == 0

    def no_network(*args, **kwargs):
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    recorded = load_run_file(run_path)
    rescored, changed = rescore(recorded)
    assert changed == []
    assert [r.metrics for r in rescored.runs] == [r.metrics for r in recorded.runs]
    result = CliRunner().invoke(cli, ["eval", "rescore", str(run_path)])
    assert result.exit_code == 0, result.output
    assert "metrics match the recorded ones" in result.output


def test_compare_two_saved_runs(llm: FakeLLMServer, tmp_path: Path):
    before, after = tmp_path / "a.json", tmp_path / "b.json"
    assert _eval("--prompt", "classify=v1", "--output", str(before)).exit_code == 0
    assert _eval("--prompt", "classify=v2", "--output", str(after)).exit_code == 0
    result = CliRunner().invoke(cli, ["eval", "compare", str(before), str(after)])
    assert result.exit_code == 0, result.output
    assert "-7.7 pt" in result.output  # accuracy 10/13 -> 9/13
    assert "relationship (fixed)" in result.output and "spam (broken)" in result.output
    # Only the groups whose accuracy moved: r05 (old_friend) fixed, u01 and u04 (vague) broken.
    assert "subtype old_friend (n=1)" in result.output
    assert "subtype vague (n=3)" in result.output
    assert "subtype scam" not in result.output


def test_thresholds_set_the_exit_status_and_reruns_are_cached(llm: FakeLLMServer):
    met = _eval("--prompt", "classify=v1", "--min-macro-f1", "0.1", "--max-spam-fp", "0.5")
    assert met.exit_code == 0, met.output
    requests = len(llm.chat_requests())
    # r05 (relationship) is called spam by v1: spam FP rate 1/5.
    missed = _eval("--prompt", "classify=v1", "--min-macro-f1", "0.99", "--max-spam-fp", "0.1")
    assert missed.exit_code == 1
    assert "macro-F1" in missed.output and "below --min-macro-f1 0.990" in missed.output
    assert "spam false-positive rate 0.200 is above --max-spam-fp 0.100" in missed.output
    # Same versions again: every answer comes from the store's response cache.
    assert len(llm.chat_requests()) == requests


def test_parse_failures_are_counted_not_fatal(llm: FakeLLMServer, tmp_path: Path):
    run_path = tmp_path / "run.json"
    # Invalid output gets one repair round-trip, so four faults fail the first two examples.
    llm.script(["invalid"] * 4)
    result = _eval(
        "--prompt", "classify=v1", "--no-drafts", "--concurrency", "1", "--output", str(run_path)
    )
    assert result.exit_code == 0, result.output
    run = json.loads(run_path.read_text(encoding="utf-8"))["runs"][0]
    failed = [e["id"] for e in run["examples"] if e["error_kind"] == "invalid_output"]
    assert failed == ["s01", "s02"]
    assert run["metrics"]["parse_failure_rate"] == pytest.approx(2 / 13)
    assert run["metrics"]["error_rate"] == pytest.approx(2 / 13)
    assert all(e["draft"] is None for e in run["examples"])
    # The failed examples' answer and repair were paid for: their tokens count.
    assert all(e["prompt_tokens"] > 0 for e in run["examples"] if e["id"] in failed)
    # Named by what ran: no draft prompt took part.
    assert run["prompt"] == "classify@v1"


def test_a_run_whose_every_call_failed_fails_the_eval_and_says_why(llm: FakeLLMServer):
    llm.responder = lambda request: "Sure! This looks like a friendly note."
    result = _eval("--prompt", "classify=v1", "--no-drafts", "--concurrency", "1")
    assert result.exit_code == 1, result.output
    assert "every call of classify@v1 failed: classify failed: " in result.output
    assert "fields asked for" in result.output


def test_a_run_whose_drafts_all_failed_still_scores_its_verdicts(llm: FakeLLMServer):
    answer = llm.routes[("POST", CHAT_PATH)]

    def drafts_refused(server: FakeLLMServer, body) -> Reply:
        if requested_kind(body) == "draft":
            return error_reply(400, "drafts are switched off here")
        return answer(server, body)

    llm.routes[("POST", CHAT_PATH)] = drafts_refused
    result = _eval("--prompt", "classify=v1", "--concurrency", "1")
    assert result.exit_code == 0, result.output
    assert "every call of" not in result.output


def test_ctrl_c_during_an_eval_exits_130_with_one_line(llm: FakeLLMServer, monkeypatch):
    async def interrupted(*_args, **_options):
        raise KeyboardInterrupt

    monkeypatch.setattr("reply_assistant.evals.runner.run_examples", interrupted)
    result = _eval("--no-drafts")
    assert result.exit_code == 130, result.output
    assert result.stderr.strip() == "Interrupted: no results were written."


def test_repeats_report_mean_and_spread_and_bypass_the_cache(llm: FakeLLMServer, tmp_path: Path):
    run_path = tmp_path / "run.json"
    result = _eval(
        "--prompt", "classify=v1", "--no-drafts", "--repeat", "2", "--output", str(run_path)
    )
    assert result.exit_code == 0, result.output
    assert "accuracy mean ± std" in result.output
    assert "76.9% ± 0.0 (n=2)" in result.output
    assert "spam FP rate mean ± std" in result.output and "20.0% ± 0.0" in result.output
    runs = json.loads(run_path.read_text(encoding="utf-8"))["runs"]
    assert [(run["prompt"], run["repeat_index"]) for run in runs] == [
        ("classify@v1", 0),
        ("classify@v1", 1),
    ]
    # The second repeat asks afresh: a cached answer would show no spread at all.
    assert len(llm.chat_requests()) == 13 * 2


def test_offline_baseline_runs_after_the_llm_versions_and_is_not_gated(
    llm: FakeLLMServer, tmp_path: Path
):
    run_path = tmp_path / "run.json"
    result = CliRunner().invoke(
        cli,
        [
            "eval",
            "--dataset",
            str(DATA),
            "--backend",
            "openai",
            "--prompt",
            "classify=v1",
            "--no-drafts",
            "--output",
            str(run_path),
            "--max-spam-fp",
            "0.5",
        ],
    )
    assert result.exit_code == 0, result.output
    runs = json.loads(run_path.read_text(encoding="utf-8"))["runs"]
    assert [(run["prompt"], run["backend"], run["gated"]) for run in runs] == [
        ("classify@v1", "openai", True),
        ("offline", "offline", False),
    ]
    assert runs[1]["examples"][0]["verdict"]["provenance"]["prompt_version"].startswith("offline@")


def test_unknown_prompt_version_is_a_usage_error_before_any_call(llm: FakeLLMServer):
    result = _eval("--prompt", "classify=v1,v99")
    assert result.exit_code == 2
    assert "classify@v99" in result.output and "Traceback" not in result.output
    assert llm.chat_requests() == []
