"""The README is the contract: CI must run exactly its test command."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _command_after(marker: str) -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    index = lines.index(f"<!-- {marker} -->")
    assert lines[index + 1] == "```"
    return lines[index + 2]


def test_ci_extracts_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    extract = script.split("test_command=$(", 1)[1].split(")\n", 1)[0]
    got = subprocess.run(
        ["bash", "-c", extract], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert got == _command_after("test-command")
    assert got.endswith("python -m pytest -n auto")


def test_main_command_runs_the_app_without_a_key():
    assert _command_after("main-command").endswith("reply-assistant")
