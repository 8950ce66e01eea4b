"""The bundled demo inbox: shown while the store is empty, replaced by the first real import.

Demo messages are stored with source 'demo', so the first import of the person's own export
removes them (and whatever was done on them) before adding the real messages; a store that
holds any message never gets the demo.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reply_assistant.sources import open_export
from reply_assistant.store import Store

if TYPE_CHECKING:
    from reply_assistant.importer import ImportReport

# A LinkedIn-export-shaped folder shipped with the package (messages.csv, Connections.csv).
DEMO_INBOX = Path(__file__).parent / "data" / "demo"
DEMO_SOURCE = "demo"


def import_demo_if_empty(store: Store) -> ImportReport | None:
    """Import the demo inbox when the store holds no messages; None when it already did."""
    # Imported here: the importer itself imports this module to remove the demo.
    from reply_assistant.importer import import_export

    if store.message_count():
        return None
    with open_export(DEMO_INBOX) as export:
        return import_export(store, export, source=DEMO_SOURCE)


def remove_demo(store: Store) -> int:
    """Remove the demo inbox's messages, the work done on them and its connections;
    returns how many messages (0 when the demo is not there)."""
    if not store.has_messages_from(DEMO_SOURCE):
        return 0
    with open_export(DEMO_INBOX) as export:
        demo_connections = export.connections()
    return store.remove_messages_from(DEMO_SOURCE, demo_connections)
