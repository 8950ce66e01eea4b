"""A result path or state file that cannot be written is one line and exit 2, said before
any work (not a traceback after judging a whole export or running a whole eval)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from batch_exports import mixed_texts, run_batch, write_export
from cli_errors import assert_one_line_error
from click.testing import CliRunner

from reply_assistant.cli import cli

SMALL_DATASET = Path(__file__).parent / "fixtures" / "evals" / "small.jsonl"
AS_ROOT = os.geteuid() == 0


@pytest.fixture
def make_unwritable() -> Iterator[Callable[[Path], Path]]:
    """Makes a file or folder unwritable until the test ends: by its mode for a user, by
    `chattr +i` for root, whom modes do not stop (skipped where chattr cannot)."""
    made: list[Path] = []

    def make(path: Path) -> Path:
        if AS_ROOT:
            chattr = shutil.which("chattr")
            if chattr is None or subprocess.run([chattr, "+i", path]).returncode != 0:
                pytest.skip("root needs chattr +i (ext4, xfs, ...) to make a path unwritable")
        else:
            path.chmod(0o500 if path.is_dir() else 0o400)
        made.append(path)
        return path

    yield make
    for path in made:
        if AS_ROOT:
            subprocess.run(["chattr", "-i", path], check=True)
        else:
            path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.fixture
def ro_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ro"
    folder.mkdir()
    return folder


def test_batch_into_an_unwritable_folder_fails_before_the_import(
    tmp_path, ro_folder, make_unwritable
):
    export = write_export(tmp_path / "export", mixed_texts(2))
    make_unwritable(ro_folder)
    code, output = run_batch(str(export), "-o", str(ro_folder / "r.csv"))
    assert_one_line_error(code, output)
    assert "not writable" in output


@pytest.mark.parametrize("option", ["--output", "--html"])
def test_eval_into_a_missing_folder_fails_before_the_run(tmp_path, option):
    missing = str(tmp_path / "nodir" / "r.out")
    eval_offline = ["eval", "--backend", "offline", "--no-drafts", "--dataset", str(SMALL_DATASET)]
    result = CliRunner().invoke(cli, [*eval_offline, option, missing])
    assert_one_line_error(result.exit_code, result.output)
    assert "does not exist" in result.output


def test_export_labels_into_an_unwritable_folder_is_one_line(tmp_path, ro_folder, make_unwritable):
    state = tmp_path / "state.db"
    assert CliRunner().invoke(cli, ["--db", str(state), "inbox"]).exit_code == 0
    make_unwritable(ro_folder)
    out = str(ro_folder / "l.jsonl")
    result = CliRunner().invoke(cli, ["--db", str(state), "export-labels", out])
    assert_one_line_error(result.exit_code, result.output)


def test_an_unwritable_state_file_is_one_line(tmp_path, make_unwritable):
    state = tmp_path / "state.db"
    assert CliRunner().invoke(cli, ["--db", str(state), "inbox"]).exit_code == 0
    make_unwritable(state)
    result = CliRunner().invoke(cli, ["--db", str(state), "inbox"])
    assert_one_line_error(result.exit_code, result.output)
    assert "state file" in result.output


def test_a_new_state_file_in_an_unwritable_folder_is_one_line(ro_folder, make_unwritable):
    make_unwritable(ro_folder)
    result = CliRunner().invoke(cli, ["--db", str(ro_folder / "x.db"), "inbox"])
    assert_one_line_error(result.exit_code, result.output)
    assert "Cannot write the state file" in result.output


def test_a_state_file_in_a_folder_that_became_unwritable_is_one_line(ro_folder, make_unwritable):
    state = ro_folder / "x.db"
    assert CliRunner().invoke(cli, ["--db", str(state), "inbox"]).exit_code == 0
    make_unwritable(ro_folder)
    result = CliRunner().invoke(cli, ["--db", str(state), "inbox"])
    assert_one_line_error(result.exit_code, result.output)
    assert "not a Reply Assistant state file" not in result.output  # it is one
