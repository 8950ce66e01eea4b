"""Where a command may write its result, checked before it does any work: a folder that is
missing or cannot be written costs nothing, and a result never replaces a file the command
reads (an export, a dataset, the state or config file)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from reply_assistant.cli.errors import InputError


def check_output_path(
    path: Path,
    option: str,
    reads: Iterable[Path],
    own_result: Callable[[Path], bool] | None = None,
) -> None:
    """Raise InputError when `path` (given as `option`) cannot be written, or writing it
    would replace one of the files in `reads` or a file inside one of its folders. A new
    file in such a folder is fine: it holds nothing yet. With `own_result` (does this
    existing file hold an earlier result of the command?), only such a file is replaced,
    wherever it is: a rerun rewrites its result, and nothing else is lost."""
    folder = path.parent
    if not folder.is_dir():
        raise InputError(
            f"The folder {folder} does not exist; create it or choose another {option}."
        )
    # os.access also says no for an immutable folder or file (chattr +i), even to root.
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"Cannot write {option} {path}: the folder {folder} is not writable.")
    if not path.exists():
        return
    if not os.access(path, os.W_OK):
        raise InputError(f"Cannot write {option} {path}: the file is not writable.")
    existing = [read for read in reads if read.exists()]
    for read in existing:
        if not read.is_dir() and os.path.samefile(read, path):
            raise _would_replace(option, path, "a file")
    if own_result is not None:
        if own_result(path):
            return
        raise InputError(
            f"{option} {path} already exists and holds no result of this command; writing "
            "there would replace it, so choose another file."
        )
    for read in existing:
        if read.is_dir() and path.resolve().is_relative_to(read.resolve()):
            raise _would_replace(option, path, f"a file in {read}, which")


def _would_replace(option: str, path: Path, what: str) -> InputError:
    return InputError(
        f"{option} {path} is {what} this command reads; writing the result there would "
        "replace it, so choose another file."
    )


def check_distinct_outputs(outputs: dict[str, Path | None]) -> None:
    """Raise InputError when two options (name -> path) name the same file: the second
    write would replace the first."""
    seen: dict[Path, str] = {}
    for option, path in outputs.items():
        if path is None:
            continue
        resolved = path.resolve()
        if resolved in seen:
            raise InputError(f"{seen[resolved]} and {option} name the same file, {path}.")
        seen[resolved] = option
