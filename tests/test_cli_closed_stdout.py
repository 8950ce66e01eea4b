"""A reader that goes away (`eval ... | head -3`, a pager quit) ends the printing quietly, not
the command: its files are written and its exit status is what its thresholds say."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SMALL_DATASET = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"


def _with_stdout_closed(*args: str) -> subprocess.CompletedProcess[str]:
    """`reply-assistant ARGS` whose standard output nobody reads: the pipe's reading end is
    closed before the process starts, so its first line already finds the pipe broken."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        command = [sys.executable, "-m", "reply_assistant", *args]
        return subprocess.run(command, stdout=write_end, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(write_end)


def _eval(*args: str) -> subprocess.CompletedProcess[str]:
    offline = ["eval", "--backend", "offline", "--no-drafts", "--dataset", str(SMALL_DATASET)]
    return _with_stdout_closed(*offline, *args)


def test_eval_and_rescore_write_their_files_and_keep_their_exit_status(tmp_path: Path):
    # One run each, as each costs seconds: files written, the threshold's exit status kept.
    run, html, rescored = tmp_path / "run.json", tmp_path / "report.html", tmp_path / "re.json"
    done = _eval("--output", str(run), "--html", str(html), "--min-macro-f1", "1.01")
    assert done.returncode == 1
    assert done.stderr.startswith("threshold not met: ") and "Traceback" not in done.stderr
    assert json.loads(run.read_text(encoding="utf-8"))["runs"]
    assert "<svg" in html.read_text(encoding="utf-8")

    done = _with_stdout_closed("eval", "rescore", str(run), "--output", str(rescored))
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(rescored.read_text(encoding="utf-8"))["runs"]
