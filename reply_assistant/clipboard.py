"""Copy text to the system clipboard from the terminal UI.

Terminals that understand OSC 52 get the text through Textual's `App.copy_to_clipboard`;
pyperclip is tried as well because several terminals (macOS Terminal, some tmux setups)
ignore OSC 52, and a copy that silently does nothing is the top complaint about TUI tools.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


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


def make_copier(
    app: _OscCopier, fallback: Callable[[str], bool] = pyperclip_copy
) -> Callable[[str], None]:
    """A function that copies through OSC 52 and, when it can, the system clipboard too."""

    def copy(text: str) -> None:
        app.copy_to_clipboard(text)
        fallback(text)

    return copy
