"""`eval --judge`: an LLM scores each draft meant to be sent. Through the real ChatClient
against the fake LLM server: judge metrics in the table, RUN.json and HTML, rescoring with
the network off, compare, failures, and the judge call itself."""

from __future__ import annotations

import functools
import json
import re
import socket
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.backends.llm import LLMBackend
from reply_assistant.backends.openai_client import ChatClient
from reply_assistant.cli import cli
from reply_assistant.config import Profile
from reply_assistant.evals.compare import load_run_file, rescore
from reply_assistant.evals.judge import judge_metrics
from reply_assistant.evals.records import ExampleResult, JudgeRecord
from reply_assistant.models import (
    Action,
    Incoming,
    Label,
    Provenance,
    SenderFacts,
    Usage,
    VerdictOutput,
)
from reply_assistant.prompts import PromptSet, load_prompt
from reply_assistant.testing.fake_llm_server import (
    FakeLLMServer,
    default_responder,
    requested_kind,
)

DATA = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"
PLACEHOLDER_DRAFT = "Hi [Name], yes I am! Let's meet in March."
PLACEHOLDER_PROBLEM = "placeholder left in the draft"


def draft_v2_markers() -> list[str]:
    """Lines only the v2 draft prompt has, to answer as "v2" would."""
    v1 = load_prompt("draft", "v1").system
    return [
        line
        for line in load_prompt("draft", "v2").system.splitlines()
        if line.strip() and "{" not in line and line not in v1
    ]


def judged_responder(markers: list[str], request: dict) -> str:
    """The default answers, except: the crypto scam (s02) gets action no_reply, and draft@v2
    leaves a placeholder in its reply to the Berlin message (r04), which the judge scores 2."""
    answer = default_responder(request)
    kind = requested_kind(request)
    messages = request["messages"]
    system = " ".join(str(m.get("content")) for m in messages if m.get("role") == "system")
    user = " ".join(str(m.get("content")) for m in messages if m.get("role") == "user")
    if kind == "verdict" and "Exclusive offer" in user:
        return json.dumps({**json.loads(answer), "action": "no_reply"})
    if kind == "draft" and "Berlin" in user and any(m in system for m in markers):
        return json.dumps({"text": PLACEHOLDER_DRAFT, "language": "en"})
    return answer


@pytest.fixture
def llm(fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch) -> FakeLLMServer:
    fake_llm.responder = functools.partial(judged_responder, draft_v2_markers())
    monkeypatch.setenv("COLUMNS", "200")  # rich would otherwise wrap table cells at 80
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    return fake_llm


def _eval(*args: str):
    return CliRunner().invoke(
        cli, ["eval", "--dataset", str(DATA), "--backend", "openai", "--no-baseline", *args]
    )


def _judge_requests(server: FakeLLMServer) -> list[dict]:
    return [r.body for r in server.chat_requests() if requested_kind(r.body) == "judge"]


def _by_id(run: dict) -> dict[str, dict]:
    return {example["id"]: example for example in run["examples"]}


def test_two_draft_versions_judged_side_by_side(llm: FakeLLMServer, tmp_path: Path):
    run_path, html_path = tmp_path / "run.json", tmp_path / "report.html"
    result = _eval(
        "--prompt", "draft=v1,v2", "--judge", "--output", str(run_path), "--html", str(html_path)
    )
    assert result.exit_code == 0, result.output

    first, second = json.loads(run_path.read_text(encoding="utf-8"))["runs"]
    assert (first["judge"], second["judge"]) == ("judge@v1 (gpt-4.1-mini)",) * 2
    # 13 drafts each; the scam's no_reply note is not judged.
    assert _by_id(first)["s02"]["judge"] is None and _by_id(first)["s02"]["draft"]
    m1, m2 = first["metrics"], second["metrics"]
    assert (m1["judge_count"], m2["judge_count"]) == (12, 12)
    assert m1["judge_mean_score"] == pytest.approx(4.0)
    assert m2["judge_mean_score"] == pytest.approx((11 * 4 + 2) / 12)
    assert m1["judge_score_histogram"] == {"1": 0, "2": 0, "3": 0, "4": 12, "5": 0}
    assert m2["judge_score_histogram"] == {"1": 0, "2": 1, "3": 0, "4": 11, "5": 0}
    assert m1["judge_problems"] == []
    assert m2["judge_problems"] == [{"problem": PLACEHOLDER_PROBLEM, "count": 1}]
    assert m1["judge_failures"] == m2["judge_failures"] == 0

    r04 = _by_id(second)["r04"]["judge"]
    assert (r04["score"], r04["problems"]) == (2, [PLACEHOLDER_PROBLEM])
    assert json.loads(r04["raw"]) == {"score": 2, "problems": [PLACEHOLDER_PROBLEM]}
    assert r04["provenance"]["prompt_version"] == "judge@v1"

    # Every judge call of v1 went out; v2's drafts other than r04 are the same text for the
    # same verdict, so their judgements come from the response cache.
    assert len(_judge_requests(llm)) == 12 + 1
    # The judge's tokens are counted apart from the run's own.
    for run in (first, second):
        examples = run["examples"]
        own = sum(e["prompt_tokens"] + e["completion_tokens"] for e in examples)
        judged = sum(
            e["judge"]["provenance"]["usage"]["prompt_tokens"]
            + e["judge"]["provenance"]["usage"]["completion_tokens"]
            for e in examples
            if e["judge"]
        )
        assert run["metrics"]["tokens"]["total"] == own
        assert run["metrics"]["judge_tokens"]["total"] == judged > 0
    # The fake is no OpenAI API: its calls have no known price, never a made-up one.
    assert m1["judge_cost_usd"] is None

    out = result.output
    assert "judge mean score (1-5)" in out and "4.000" in out and "3.833" in out
    assert "judge failures" in out and "judge tokens" in out
    assert "Judge: most frequent problems" in out and PLACEHOLDER_PROBLEM in out

    html = html_path.read_text(encoding="utf-8")
    assert "Draft judge" in html and "judge mean score (1-5)" in html and "3.833" in html
    assert PLACEHOLDER_PROBLEM in html
    assert "Hi [Name], yes I am! Let&#x27;s meet in March." in html  # the low-scored draft
    assert "<script" not in html


def test_rescore_recomputes_judge_metrics_from_the_raw_answers_offline(
    llm: FakeLLMServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    run_path = tmp_path / "run.json"
    assert _eval("--prompt", "draft=v1,v2", "--judge", "--output", str(run_path)).exit_code == 0

    def no_network(*args, **kwargs):
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    recorded = load_run_file(run_path)
    rescored, changed = rescore(recorded)
    assert changed == []
    assert [r.metrics for r in rescored.runs] == [r.metrics for r in recorded.runs]
    assert rescored.runs[1].metrics.judge_mean_score == pytest.approx(46 / 12)

    # The metrics come from the raw answers: an edited answer changes them.
    saved = json.loads(run_path.read_text(encoding="utf-8"))
    r04 = _by_id(saved["runs"][1])["r04"]["judge"]
    r04["raw"] = json.dumps({"score": 1, "problems": ["invents a meeting"]})
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(saved), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "rescore", str(edited), "--output", str(run_path)])
    assert result.exit_code == 0, result.output
    assert "metrics differ from the recorded ones for: classify@v1+draft@v2" in result.output
    metrics = load_run_file(run_path).runs[1].metrics
    assert metrics.judge_score_histogram == {1: 1, 2: 0, 3: 0, 4: 11, 5: 0}
    assert [(p.problem, p.count) for p in metrics.judge_problems] == [("invents a meeting", 1)]


def test_judge_without_an_llm_configured_is_a_one_line_usage_error(
    fake_llm: FakeLLMServer, tmp_path: Path
):
    for backend in ([], ["--backend", "offline"]):
        result = CliRunner().invoke(cli, ["eval", "--dataset", str(DATA), "--judge", *backend])
        assert result.exit_code == 2
        assert result.output.strip().count("\n") == 0
        assert "judge needs OPENAI_API_KEY or OPENAI_BASE_URL" in result.output
        assert "running" not in result.output and "Traceback" not in result.output
    assert fake_llm.chat_requests() == []


def test_judge_options_without_judge_are_a_usage_error(llm: FakeLLMServer):
    result = _eval("--judge-model", "gpt-4o-mini")
    assert result.exit_code == 2 and "need --judge" in result.output
    result = _eval("--judge", "--judge-prompt", "v9")
    assert result.exit_code == 2 and "judge@v9" in result.output
    assert llm.chat_requests() == []


def test_a_failed_judge_call_counts_as_a_judge_failure_not_an_error(
    llm: FakeLLMServer, tmp_path: Path
):
    run_path = tmp_path / "run.json"
    # One example at a time: s01's classify and draft succeed, then its judge call and the
    # repair round-trip both get invalid JSON.
    llm.script(["ok", "ok", "invalid", "invalid"])
    result = _eval(
        "--prompt", "classify=v1", "--judge", "--concurrency", "1", "--output", str(run_path)
    )
    assert result.exit_code == 0, result.output
    run = json.loads(run_path.read_text(encoding="utf-8"))["runs"][0]
    s01 = _by_id(run)["s01"]
    assert s01["predicted"] == "spam" and s01["error"] == "" and s01["draft"]
    assert s01["judge"]["error_kind"] == "invalid_output"
    assert s01["judge"]["score"] is None and s01["judge"]["raw"] is None
    # The failed judge call's two replies were paid for: the judge's tokens count them.
    assert s01["judge"]["provenance"]["usage"]["prompt_tokens"] > 0
    metrics = run["metrics"]
    assert metrics["error_rate"] == 0 and metrics["parse_failure_rate"] == 0
    assert metrics["judge_failures"] == 1 and metrics["judge_count"] == 12
    assert metrics["judge_mean_score"] == pytest.approx(4.0)  # over the 11 that were scored
    assert sum(metrics["judge_score_histogram"].values()) == 11
    # Rescoring keeps the failure a failure.
    assert rescore(load_run_file(run_path))[1] == []


def test_the_offline_models_drafts_are_judged_by_the_llm(llm: FakeLLMServer, tmp_path: Path):
    run_path = tmp_path / "run.json"
    result = CliRunner().invoke(
        cli,
        [
            "eval",
            "--dataset",
            str(DATA),
            "--backend",
            "offline",
            "--judge",
            "--output",
            str(run_path),
        ],
    )
    assert result.exit_code == 0, result.output
    (run,) = json.loads(run_path.read_text(encoding="utf-8"))["runs"]
    assert run["backend"] == "offline" and run["judge"] == "judge@v1 (gpt-4.1-mini)"
    meant_to_send = [
        e
        for e in run["examples"]
        if e["draft"] and e["draft"].strip() and e["action"] != "no_reply"
    ]
    assert all(e["judge"] is not None for e in meant_to_send)
    assert all(e["judge"] is None for e in run["examples"] if e["action"] == "no_reply")
    assert run["metrics"]["judge_count"] == len(meant_to_send) == len(_judge_requests(llm)) > 0
    assert run["metrics"]["tokens"]["total"] == 0  # the offline model's own calls cost nothing
    assert run["metrics"]["judge_tokens"]["total"] > 0


def test_runs_without_the_judge_show_no_judge_rows(llm: FakeLLMServer):
    result = _eval("--prompt", "classify=v1")
    assert result.exit_code == 0, result.output
    # No judge row or table ("Examples judged wrong" is the error list, not the judge).
    assert not re.search(r"\bjudge\b", result.output, re.IGNORECASE)
    assert _judge_requests(llm) == []


def test_compare_shows_the_judge_deltas(llm: FakeLLMServer, tmp_path: Path):
    before, after = tmp_path / "a.json", tmp_path / "b.json"
    assert _eval("--prompt", "draft=v1", "--judge", "--output", str(before)).exit_code == 0
    assert _eval("--prompt", "draft=v2", "--judge", "--output", str(after)).exit_code == 0
    result = CliRunner().invoke(cli, ["eval", "compare", str(before), str(after)])
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if "│" in line}
    assert "-0.167" in rows["judge mean score (1-5)"]
    assert "+1" in rows["judge score 2"] and "-1" in rows["judge score 4"]


# ---------------------------------------------------------------- units


def _judged(raw: str | None, error: str = "", tokens: int = 0) -> ExampleResult:
    provenance = Provenance(
        backend="openai",
        model="gpt-4.1-mini",
        prompt_version="judge@v1",
        usage=Usage(prompt_tokens=tokens, completion_tokens=1),
        cost_usd=0.001,
    )
    record = JudgeRecord(raw=raw, error=error, provenance=provenance if raw is not None else None)
    return ExampleResult(id="x", gold="spam", judge=record)


def test_judge_metrics_on_a_hand_worked_case():
    examples = [
        _judged('{"score": 5, "problems": ["Too long."]}', tokens=10),
        _judged('```json\n{"score": 3, "problems": ["too  long", "generic"]}\n```', tokens=20),
        _judged("not json at all", tokens=30),  # unreadable: a failure
        _judged('{"score": 9, "problems": []}', tokens=40),  # out of range: a failure
        _judged(None, error="gave up after 5 attempts"),
        ExampleResult(id="y", gold="spam"),  # not judged
    ]
    metrics = judge_metrics(examples)
    assert metrics["judge_count"] == 5
    assert metrics["judge_mean_score"] == pytest.approx(4.0)
    assert metrics["judge_score_histogram"] == {1: 0, 2: 0, 3: 1, 4: 0, 5: 1}
    assert [(p.problem, p.count) for p in metrics["judge_problems"]] == [
        ("too long", 2),
        ("generic", 1),
    ]
    assert metrics["judge_failures"] == 3
    assert metrics["judge_tokens"].total == 10 + 20 + 30 + 40 + 4
    assert metrics["judge_cost_usd"] == pytest.approx(0.004)

    nothing = judge_metrics([ExampleResult(id="y", gold="spam")])
    assert nothing["judge_count"] == 0 and nothing["judge_mean_score"] is None
    assert nothing["judge_score_histogram"] == {} and nothing["judge_cost_usd"] is None


async def test_the_judge_call_masks_contact_details_when_redacting(fake_llm: FakeLLMServer):
    client = ChatClient(model="gpt-4.1-mini", base_url=fake_llm.base_url, api_key="test-key")
    prompts = PromptSet.from_versions({"classify": "v1", "draft": "v1"})
    backend = LLMBackend(
        client, prompts, Profile(name="Jordan Pike"), redact=True
    ).with_judge_prompt(load_prompt("judge", "v1"))
    item = Incoming(
        text="Write to me at sam@example.com about the meetup.",
        sender=SenderFacts(name="Sam Rivera", first_degree=True, connected_on=date(2022, 1, 2)),
    )
    verdict = VerdictOutput(
        label=Label.RELATIONSHIP, confidence=0.9, reason="", action=Action.REPLY
    )
    try:
        judged = await backend.judge(item, verdict, "Sure, mail me at jordan@example.org.")
    finally:
        await backend.aclose()

    (body,) = [r.body for r in fake_llm.chat_requests()]
    sent = json.dumps(body)
    assert "example.com" not in sent and "example.org" not in sent and "[email]" in sent
    assert "label: relationship" in sent and "action: reply" in sent
    # The masked draft now holds "[email]": the fake judge marks it as a placeholder.
    assert (judged.score, judged.problems) == (2, [PLACEHOLDER_PROBLEM])
    assert judged.provenance.prompt_version == "judge@v1" and judged.provenance.usage.prompt_tokens
    assert json.loads(judged.raw) == {"score": 2, "problems": [PLACEHOLDER_PROBLEM]}
