"""docs/reliability.md lists every privacy and concurrency test there is: the report's parser
turns each collected test into a row, and the committed report was generated after the last
such test was added (rerun `python tools/reliability_report.py` when this fails)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from script_modules import load_script

ROOT = Path(__file__).resolve().parent.parent
report = load_script("tools/reliability_report.py")


@pytest.fixture(scope="module")
def collected() -> list[str]:
    """pytest's ids for the report's test files, as it collects them now (a few seconds:
    collected once for both tests when they run in the same process)."""
    result = subprocess.run(
        # addopts already holds -q, and -qq would print counts instead of ids.
        [sys.executable, "-m", "pytest", "-o", "addopts=", *report.PYTEST_FILES, "--co", "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return re.findall(r"^(tests/\S+::\S+)$", result.stdout, re.M)


def as_listed(test_id: str) -> str:
    path, name = test_id.split("::", 1)
    return f"{Path(path).stem}::{name}"


def test_every_collected_test_becomes_a_row_of_the_report(collected: list[str]) -> None:
    assert len(collected) > 20  # both files, parametrized cases included
    summary = (
        "\n".join(f"PASSED {test}" for test in collected)
        + "\nFAILED tests/test_x.py::test_y - boom\n"
    )
    rows, figures = report.pytest_rows(report.pytest_outcomes(summary))
    assert report.listed_tests("\n".join(rows)) == {as_listed(t) for t in collected} | {
        "test_x::test_y"
    }
    assert figures == {"passed": len(collected), "failed": 1}


def test_the_committed_report_lists_exactly_the_collected_tests(collected: list[str]) -> None:
    document = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert report.listed_tests(document) == {as_listed(test) for test in collected}
