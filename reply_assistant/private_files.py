"""Files that hold private message text: readable and writable by the user only."""

from __future__ import annotations

import os
from pathlib import Path


def create_private_dir(path: Path) -> None:
    """Create the directory (0700) and its missing parents unless it exists."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        path.chmod(0o700)  # mkdir's mode is filtered by the umask


def create_private_file(path: Path) -> None:
    """Create the file (0600) unless it exists; an existing file is narrowed to 0600, so
    opening it for writing afterwards (which keeps the mode) leaves it private."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    path.chmod(0o600)


def write_private_text(path: Path, text: str) -> None:
    """Replace the file's content with `text`, keeping the file user-only (0600)."""
    create_private_file(path)
    path.write_text(text, encoding="utf-8")
