"""What a command says to bad input, as the ground rules want it: exit 2 and one clear
line, `Error: ...`, never a traceback."""

from __future__ import annotations


def assert_one_line_error(code: int, output: str, *fragments: str) -> None:
    """`code` is 2 and `output` one `Error: ` line holding each of `fragments`."""
    assert code == 2, output
    assert "Traceback" not in output
    assert output.startswith("Error: ") and output.count("\n") == 1, output
    for fragment in fragments:
        assert fragment in output, output
