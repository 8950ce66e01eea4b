"""Text from other people and from models, made safe to show in a terminal.

A message is written by a stranger, and an LLM's answer can be steered by one. Control
characters in either reach the terminal as they are: ESC sequences clear the screen, move
the cursor to paint fake text, retitle the window or write to the clipboard (OSC 52), and
a carriage return overwrites the line. So every such text is stored and shown without
them. Tabs and line breaks are kept; a carriage return becomes a line break.
"""

from __future__ import annotations

# C0 controls but tab and line feed, DEL, and the C1 controls (U+009B is a one-character
# CSI to some terminals).
CONTROL_CODES = (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0))
_REMOVED = dict.fromkeys(CONTROL_CODES)


def printable(text: str) -> str:
    """`text` without terminal control characters ("\\r\\n" and "\\r" become "\\n")."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_REMOVED)
