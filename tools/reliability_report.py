"""Regenerate docs/reliability.md: run every hardening case and record what happened.

    python tools/reliability_report.py            # ~2 minutes on 2 cores
    python tools/reliability_report.py --fuzz-seconds 60 --crash-seeds 10

Fault cases run through batch mode and the UI's worker path against the fake LLM server;
kill -9 crash cases run real batch processes; bad exports go through `reply-assistant
import`; the reader is fuzzed with hypothesis (and atheris when installed). The privacy and
concurrency cases are the pytest tests of the same name, run and listed here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the shared case table lives with the tests
sys.path.insert(0, str(ROOT))

DOC = ROOT / "docs" / "reliability.md"
PYTEST_FILES = ("tests/test_hardening_secrets.py", "tests/test_hardening_concurrency.py")
CUT_STREAM_TEST = (
    "tests/test_hardening_faults.py::test_a_stream_cut_short_keeps_the_old_draft_and_says_so"
)


def _isolate(home: Path) -> None:
    """Like tests/conftest.py: the developer's own config, database and key stay out."""
    from isolation import PERSONAL_VARIABLES, isolated_variables

    os.environ.update(isolated_variables(home))
    for name in PERSONAL_VARIABLES:
        os.environ.pop(name, None)


def run_faults(work: Path) -> tuple[list[str], dict[str, int]]:
    from hardening_cases import FAULT_CASES, PATHS, check_fault_outcome, run_fault_case

    rows = [
        "| case | what the server does | path | faults | requests | judged / failed / lost "
        "| waits (s) | result |",
        "|---|---|---|---|---|---|---|---|",
    ]
    figures = {"faults": 0, "requests": 0, "messages": 0, "lost": 0, "failed": 0, "cases": 0}
    for case in FAULT_CASES:
        for path in PATHS:
            outcome = run_fault_case(case, path, work / case.name / path)
            problems = check_fault_outcome(case, outcome)
            figures["faults"] += case.faults_injected
            figures["requests"] += outcome.requests
            figures["messages"] += outcome.messages
            figures["lost"] += outcome.lost
            figures["failed"] += len(problems) > 0
            figures["cases"] += 1
            waits = ", ".join(f"{w:.3g}" for w in outcome.waits[:4]) or "-"
            result = "pass" if not problems else "FAIL: " + "; ".join(problems)
            rows.append(
                f"| {case.name} | {case.description} | {path} | {case.faults_injected} "
                f"| {outcome.requests} | {outcome.judged} / {outcome.failed} / {outcome.lost} "
                f"| {waits} | {result} |"
            )
            if outcome.errors and path == "batch":
                rows.append(f"| | recorded error: `{outcome.errors[0]}` | | | | | | |")
    return rows, figures


def run_crashes(work: Path, seeds: int) -> tuple[list[str], dict[str, int]]:
    from hardening_cases import run_crash_case

    from reply_assistant.testing.fake_llm_server import FakeLLMServer

    rows = [
        "| seed | aimed at | landed during | messages | finished before kill -9 | rerun exit "
        "| exactly one result each | out.csv: one row each | finished messages sent again "
        "| result |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    figures = {"runs": 0, "failed": 0, "resent": 0}
    for seed in range(1, seeds + 1):
        with FakeLLMServer(latency=0.05) as server:
            outcome = run_crash_case(seed, work / f"crash-{seed}", server)
        ok = (
            outcome.rerun_exit == 0
            and outcome.exactly_one
            and outcome.output_rows_ok
            and outcome.resent == 0
        )
        figures["runs"] += 1
        figures["failed"] += not ok
        figures["resent"] += outcome.resent
        rows.append(
            f"| {seed} | {outcome.moment.replace('_', ' ')} | {outcome.killed_during} "
            f"| {outcome.messages} | {outcome.killed_after} | {outcome.rerun_exit} "
            f"| {'yes' if outcome.exactly_one else 'NO'} "
            f"| {'yes' if outcome.output_rows_ok else 'NO'} | {outcome.resent} "
            f"| {'pass' if ok else 'FAIL'} |"
        )
    return rows, figures


def run_inputs(work: Path) -> tuple[list[str], dict[str, int]]:
    from hardening_cases import INPUT_CASES, run_input_case

    rows = [
        "| input | expected | outcome | messages imported | rows skipped | input size "
        "| peak traced memory | seconds | first line of output |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    figures = {"cases": 0, "failed": 0}
    for case in INPUT_CASES:
        outcome = run_input_case(case, work / "inputs" / case.name)
        ok = (
            outcome.result == case.expect
            and not outcome.traceback
            and not outcome.stray_files
            and case.error_words in (outcome.output if case.expect == "error" else case.error_words)
        )
        figures["cases"] += 1
        figures["failed"] += not ok
        first = outcome.output.splitlines()[0] if outcome.output else ""
        first = (first[:110] + "…") if len(first) > 110 else first
        rows.append(
            f"| {case.name} | {case.expect} | {outcome.result}{'' if ok else ' FAIL'} "
            f"| {outcome.messages} | {outcome.skipped} | {_size(outcome.input_bytes)} "
            f"| {_size(outcome.peak_bytes)} | {outcome.seconds:.2f} | {first.replace('|', '/')} |"
        )
    return rows, figures


def _size(count: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return str(count)


def run_hypothesis(seconds: float) -> dict[str, float]:
    """The reader property of tests/test_hardening_input.py, run for about `seconds`."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from test_hardening_input import FUZZED_EXPORTS, check_fuzzed_export

    count = {"examples": 0}

    @settings(
        max_examples=250, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(data=FUZZED_EXPORTS, zipped=st.booleans())
    def fuzz(data: bytes, zipped: bool) -> None:
        count["examples"] += 1
        check_fuzzed_export(data, zipped)

    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        fuzz()  # each call draws fresh random examples
    return {"examples": count["examples"], "seconds": time.perf_counter() - started}


ATHERIS_CHILD = """
import sys, tempfile, io, zipfile
from pathlib import Path
import atheris
with atheris.instrument_imports():
    from reply_assistant.sources import ExportError, open_export
folder = Path(tempfile.mkdtemp())
def one(data: bytes) -> None:
    path = folder / ("export.zip" if data[:2] == b"PK" else "messages.csv")
    path.write_bytes(data)
    try:
        with open_export(path) as export:
            for _ in export.iter_messages():
                pass
    except ExportError:
        pass
atheris.Setup(sys.argv, one)
atheris.Fuzz()
"""


def run_atheris(seconds: int, work: Path) -> dict[str, float] | None:
    """Coverage-guided fuzzing of the reader in a child process; None when not installed."""
    try:
        import atheris  # noqa: F401
    except ImportError:
        return None
    corpus = work / "atheris-corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    from hardening_cases import GOOD_ROW, HEADER

    (corpus / "seed.csv").write_text(HEADER + GOOD_ROW, encoding="utf-8")
    started = time.perf_counter()
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            ATHERIS_CHILD,
            f"-max_total_time={seconds}",
            "-rss_limit_mb=2048",
            "-max_len=4096",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 120,
        cwd=work,
    )
    runs = re.findall(r"Done (\d+) runs", child.stderr)
    crashed = child.returncode != 0 or "ERROR" in child.stderr
    return {
        "runs": int(runs[-1]) if runs else 0,
        "seconds": time.perf_counter() - started,
        "crashed": crashed,
    }


def run_messages() -> list[str]:
    from hardening_cases import MESSAGE_TEXTS, assess_and_close, make_assistant

    from reply_assistant.backends.offline.backend import OfflineBackend
    from reply_assistant.config import Profile
    from reply_assistant.engine import Assistant, incoming_from_text
    from reply_assistant.testing.fake_llm_server import FakeLLMServer

    rows = [
        "| message | characters | offline verdict | LLM verdict | largest request sent "
        "| trimmed with a notice |",
        "|---|---|---|---|---|---|",
    ]
    offline = Assistant(OfflineBackend(Profile(name="Jordan Pike")))
    for name, text in MESSAGE_TEXTS.items():
        item = incoming_from_text(text, sender_name="Sam Odd")
        local = asyncio.run(offline.assess(item))
        with FakeLLMServer() as server:
            remote = assess_and_close(make_assistant(server.base_url, []), item)
            bodies = [json.dumps(r.body, ensure_ascii=False) for r in server.chat_requests()]
        rows.append(
            f"| {name} | {len(text):,} | {_verdict(local)} | {_verdict(remote)} "
            f"| {max(map(len, bodies)):,} chars | "
            f"{'yes' if any('characters trimmed' in b for b in bodies) else 'no'} |"
        )
    return rows


def _verdict(assessment) -> str:
    if assessment.error:
        return f"error: {assessment.error}"
    draft = "with draft" if assessment.draft else "no draft"
    return f"{assessment.verdict.label.value} ({draft})"


def run_pytest_cases() -> tuple[list[str], dict[str, int], str]:
    """The privacy and concurrency tests, and the UI's cut-stream test (the one streaming
    path, outside the fault table): rows, figures and the cut-stream test's result."""
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *PYTEST_FILES,
            CUT_STREAM_TEST,
            "-q",
            "-rA",
            "-p",
            "no:cacheprovider",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    outcomes = pytest_outcomes(result.stdout)
    cut_stream = outcomes.pop(CUT_STREAM_TEST, "not run")
    rows, figures = pytest_rows(outcomes)
    figures["seconds"] = time.perf_counter() - started
    figures["failed"] += cut_stream != "passed"
    return rows, figures, cut_stream


def pytest_outcomes(report: str) -> dict[str, str]:
    """Test id -> "passed", "failed" or "error", from pytest's `-rA` summary."""
    return {
        test: status.lower()
        for status, test in re.findall(r"^(PASSED|FAILED|ERROR) (\S+)", report, re.M)
    }


def pytest_rows(outcomes: dict[str, str]) -> tuple[list[str], dict[str, int]]:
    rows = ["| test | result |", "|---|---|"]
    figures = {"passed": 0, "failed": 0}
    for test, status in outcomes.items():
        path, name = test.split("::", 1)
        rows.append(f"| `{name}` ({Path(path).stem}) | {status} |")
        figures["passed" if status == "passed" else "failed"] += 1
    return rows, figures


def listed_tests(document: str) -> set[str]:
    """The tests a generated report lists, as "file stem::test name"."""
    return {
        f"{stem}::{name}"
        for name, stem in re.findall(r"^\| `([^`]+)` \((test_\w+)\) \|", document, re.M)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuzz-seconds", type=float, default=20, help="hypothesis fuzzing time")
    parser.add_argument("--atheris-seconds", type=int, default=20, help="0 to skip atheris")
    parser.add_argument("--crash-seeds", type=int, default=5)
    parser.add_argument("--output", type=Path, default=DOC)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reliability-") as temp:
        work = Path(temp)
        _isolate(work / "home")
        print("fault cases…", flush=True)
        fault_rows, faults = run_faults(work / "faults")
        print("kill -9 cases…", flush=True)
        crash_rows, crashes = run_crashes(work, args.crash_seeds)
        print("bad inputs…", flush=True)
        input_rows, inputs = run_inputs(work)
        print("fuzzing…", flush=True)
        fuzz = run_hypothesis(args.fuzz_seconds)
        atheris_run = run_atheris(args.atheris_seconds, work) if args.atheris_seconds else None
        print("odd messages…", flush=True)
        message_rows = run_messages()
        print("privacy and concurrency tests…", flush=True)
        pytest_table, tests, cut_stream = run_pytest_cases()

    failures = faults["failed"] + crashes["failed"] + inputs["failed"] + tests["failed"]
    failures += bool(atheris_run and atheris_run["crashed"])
    if atheris_run is None:
        atheris_line = "atheris: not installed (`pip install atheris` to add it)."
    else:
        atheris_line = (
            f"atheris (coverage-guided, libFuzzer): {atheris_run['runs']:,} inputs in "
            f"{atheris_run['seconds']:.0f} s, "
            f"{'a CRASH was found' if atheris_run['crashed'] else 'no crash'}."
        )
    summary = [
        f"- Fault cases: {faults['cases']} runs ({faults['cases'] // 2} cases × batch and UI), "
        f"{faults['faults']} faults injected, {faults['requests']} requests made, "
        f"{faults['messages']} messages, **{faults['lost']} lost**, "
        f"{faults['failed']} not as expected.",
        f"- kill -9 crash runs: {crashes['runs']} seeds (kills before any result, while "
        f"judging and while writing the result file), {crashes['resent']} finished messages "
        f"sent again, {crashes['failed']} not as expected.",
        f"- Bad exports: {inputs['cases']} crafted inputs, {inputs['failed']} not as expected.",
        f"- Fuzzing: hypothesis {fuzz['examples']:,} generated exports in "
        f"{fuzz['seconds']:.0f} s, no exception other than ExportError. {atheris_line}",
        f"- Privacy, secrets and concurrency tests: {tests['passed']} passed, "
        f"{tests['failed']} failed; the UI's cut-stream test: {cut_stream}.",
    ]
    document = TEMPLATE.format(
        when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        machine=f"Python {platform.python_version()}, {os.cpu_count()} CPUs",
        seconds=time.perf_counter() - started,
        summary="\n".join(summary),
        faults="\n".join(fault_rows),
        crashes="\n".join(crash_rows),
        inputs="\n".join(input_rows),
        messages="\n".join(message_rows),
        tests="\n".join(pytest_table),
        cut_stream=cut_stream,
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(document, encoding="utf-8")
    print("\n".join(summary))
    print(f"wrote {args.output} ({'all as expected' if not failures else f'{failures} FAILED'})")
    return 1 if failures else 0


TEMPLATE = """# Reliability report

Generated by `python tools/reliability_report.py` on {when} ({machine}, {seconds:.0f} s).
Do not edit by hand: rerun the command. The same cases run in the test suite:
`python -m pytest tests/test_hardening_*.py -q`.

## Summary

{summary}

## LLM server faults

Each case runs twice against the fake LLM server (`reply_assistant/testing/fake_llm_server.py`)
over real HTTP with the real `openai` client: through **batch** mode (`run_batch`, the engine
of `reply-assistant batch`) and through the **UI**'s worker path (the Textual app classifying
its inbox). Three messages per run; the scripted faults hit the first one, which must end
judged or with a clear recorded error, and the other two must still be judged. Client
settings: 3 attempts, 0.75 s timeout, waits capped at 5 s (waits are recorded, not slept).
"requests" counts every HTTP request the server saw for all three messages (a classify and a
draft each, plus retries, repair round-trips and format fallbacks).

{faults}

Truncated replies: the `truncated` case above is a complete, non-streamed reply whose
content was cut at the token limit (`finish_reason: length`); it is not a broken stream.
Batch mode never streams (every classify and draft is one whole JSON answer), and neither do
the UI's launch classifications, so neither path can meet a cut stream. The only streaming
path is the UI's regenerate (`r`), tested apart from this table:

| case | what the server does | path | result |
|---|---|---|---|
| truncated_stream | a streamed draft whose connection closes mid-reply, no finish_reason \
| batch | n/a: batch never streams |
| truncated_stream | a streamed draft whose connection closes mid-reply, no finish_reason \
| UI regenerate | {cut_stream}: the draft is asked for again in one piece; when that fails \
too, the previous draft is kept and the toast says "draft failed" \
(`test_a_stream_cut_short_keeps_the_old_draft_and_says_so`) |

## kill -9 and rerun

A real `reply-assistant batch` process (16 messages, 2 in flight, 50 ms server latency) is
killed with SIGKILL, then rerun to completion. Each seed aims at one moment: *before results*
(as soon as the state file appears, so during the import, before any message is judged),
*judging* (after a seeded random number of finished messages, 0 included, plus a seeded
delay of up to one server latency), or *writing output* (as soon as the result file's
temporary `out.csv.partial` appears; the messages carry ~20 KB of padding so the write takes
a few milliseconds). "Landed during" is read from what the killed process left behind. Every
message must end with exactly one verdict and one draft, the rerun's `out.csv` must hold
exactly one row per message, and no finished message may be sent to the LLM again.

{crashes}

## Bad exports

Each input goes through `reply-assistant import`. "error" is one line, exit status 2; "partial"
imports the good rows and lists each skipped row with its line number; nothing is ever
extracted from a zip (members are streamed; `..` and absolute names are never opened), and
decompressed bytes and compression ratios are capped. Memory is the peak of traced Python
allocations during the import.

{inputs}

## Odd messages

Classified and drafted by the offline model and by the LLM backend (fake server). A message
over the budget ({budget:,} characters) is trimmed head and tail with a
"[... N characters trimmed ...]" notice before it is sent, and the person is told too: the
batch output's `notes` column and summary, the classify command (on stderr) and the
conversation pane say how many characters the LLM did not see.

{messages}

## Privacy, secrets and concurrency

- The key check sets `OPENAI_API_KEY` to a recognisable fake key, runs every command
  (config show/path, prompts list/show/diff, import, inbox, classify, batch, eval with and
  without drafts, eval --judge, eval compare, eval rescore, JSON and HTML output,
  export-labels, failing and refused calls) with all library debug logs captured, then greps
  every output, log record and file (state database and its WAL, outputs, eval runs, the
  response cache) for it; a real `-vv` process and tracebacks rendered with locals too. The
  UI is launched the way `reply-assistant` launches it (headless), classifies, then gets a
  401: no toast, screen or file holds the key.
- `--redact` (on `classify`, `batch` and `eval`; or `redact = true` in the config file, or
  `REPLY_ASSISTANT_REDACT=1`, which the UI follows too) masks emails, phone numbers and links
  as `[email]`, `[phone]` and `[link]` before anything is sent to an LLM; the tests read the
  requests the fake server received. Its effect on accuracy:

      reply-assistant eval --backend openai --output plain.json
      reply-assistant eval --backend openai --redact --output redacted.json
      reply-assistant eval compare plain.json redacted.json

- The state file, its WAL and shared-memory files are created 0600 in a 0700 directory; an
  API key file readable by others is refused. The app never writes a config file.
- Python audit hooks record every `connect`, `getaddrinfo` and `sendto`: the offline backend
  makes none in the UI (demo inbox), classify, eval and batch (asyncio's internal socketpair
  is the only socket), and the LLM backend connects only to the configured endpoint. The
  offline model's cache folder is 0700 and its file 0600.
- Concurrency: a batch process (1,500 messages, offline) imports into and judges on the same
  state file while the UI relabels, skips and undoes; WAL plus a 10 s busy timeout, no
  "database is locked", every decision present afterwards.

{tests}
"""

if __name__ == "__main__":
    from reply_assistant.prompts import CHARS_PER_TOKEN, MESSAGE_TOKEN_BUDGET

    TEMPLATE = TEMPLATE.replace("{budget:,}", f"{MESSAGE_TOKEN_BUDGET * CHARS_PER_TOKEN:,}")
    raise SystemExit(main())
