"""Reading LinkedIn's personal data export (and writing its messages.csv for tests).

Everything else in the app codes against these names only.
"""

from __future__ import annotations

from reply_assistant.sources.errors import ExportError
from reply_assistant.sources.export import Export, open_export
from reply_assistant.sources.html_text import find_placeholders, html_to_text
from reply_assistant.sources.writer import ERA_COLUMNS, write_messages_csv

__all__ = [
    "ERA_COLUMNS",
    "Export",
    "ExportError",
    "find_placeholders",
    "html_to_text",
    "open_export",
    "write_messages_csv",
]
