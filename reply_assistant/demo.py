"""The bundled demo inbox, imported when the store is empty so a first run shows something."""

from __future__ import annotations

from pathlib import Path

from reply_assistant.importer import ImportReport, import_export
from reply_assistant.sources import open_export
from reply_assistant.store import Store

# A LinkedIn-export-shaped folder shipped with the package (messages.csv, Connections.csv).
DEMO_INBOX = Path(__file__).parent / "data" / "demo"


def import_demo_if_empty(store: Store, demo_inbox: Path | None = None) -> ImportReport | None:
    """Import the demo inbox when the store holds no messages; None when it already did."""
    if store.message_count():
        return None
    with open_export(demo_inbox or DEMO_INBOX) as export:
        return import_export(store, export)
