"""Copy text to the clipboard from the terminal UI, and say which way it went.

The system clipboard (pyperclip) is used when it is the person's own: not over SSH, where
it would be the server's. Textual's `App.copy_to_clipboard` (OSC 52) is always sent too:
through SSH and tmux it reaches the clipboard of the terminal the person sits at, when that
terminal allows it. A copy that silently does nothing is the top complaint about TUI tools,
so the copier returns which way the text went and the toast says it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Protocol

SYSTEM = "system"  # pyperclip put it on this machine's clipboard
TERMINAL = "terminal"  # only OSC 52: the terminal decides whether it lands


class _OscCopier(Protocol):
    def copy_to_clipboard(self, text: str) -> None: ...


def pyperclip_copy(text: str) -> bool:
    """Copy with pyperclip; False when no clipboard mechanism is available."""
    try:
        import pyperclip
    except ImportError:
        return False
    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException:
        return False
    return True


def is_remote(environ: Mapping[str, str] = os.environ) -> bool:
    """Running over SSH: this machine's clipboard is not the person's."""
    return bool(environ.get("SSH_CONNECTION") or environ.get("SSH_TTY"))


def make_copier(
    app: _OscCopier,
    fallback: Callable[[str], bool] = pyperclip_copy,
    remote: bool | None = None,
) -> Callable[[str], str]:
    """A function that copies and returns SYSTEM or TERMINAL."""
    over_ssh = is_remote() if remote is None else remote

    def copy(text: str) -> str:
        app.copy_to_clipboard(text)
        if not over_ssh and fallback(text):
            return SYSTEM
        return TERMINAL

    return copy


def copied_title(way: str | None) -> str:
    if way == TERMINAL:
        return "Sent to your terminal's clipboard (OSC 52)"
    return "Copied to clipboard"


def copied_hint(way: str | None) -> str:
    """What to do if the paste comes up empty; nothing when the system clipboard took it."""
    if way != TERMINAL:
        return ""
    in_tmux = " (in tmux: set -g set-clipboard on)" if os.environ.get("TMUX") else ""
    return (
        f"\nPaste empty? Your terminal ignores OSC 52{in_tmux}: select the draft with "
        "shift+drag to copy it by hand."
    )
