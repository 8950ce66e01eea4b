"""Every command's --help renders whole at 80 columns: no cut summaries, no long lines."""

from __future__ import annotations

from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from reply_assistant.cli import cli


def _command_paths(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple]:
    yield path
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _command_paths(sub, (*path, name))


@pytest.mark.parametrize("path", list(_command_paths(cli)), ids=" ".join)
def test_help_renders_whole_at_80_columns(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith("Usage:")]
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    # Click cuts a command's summary in a listing with "..." (or at "e.g." as a sentence end).
    cut = [line for line in lines if line.rstrip().endswith(("...", "e.g."))]
    assert not cut, cut


def test_prompts_help_lists_diff_whole() -> None:
    output = CliRunner().invoke(cli, ["prompts", "--help"], terminal_width=80).output
    assert "Unified diff of two versions: `prompts diff classify@v1 classify@v2`." in output
