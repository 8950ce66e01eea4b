"""`n`: type in a message by hand (sender, text, and whether you are connected)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, TextArea


@dataclass(frozen=True)
class ManualMessage:
    sender_name: str
    text: str
    first_degree: bool = False  # a 1st-degree connection, as `classify --first-degree`
    connected_on: date | None = None


def parse_month(text: str) -> date | None:
    """`2019-04` or `2019-04-02` as a date; None for empty. ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    return date.fromisoformat(text if len(text) > 7 else f"{text}-01")


class AddMessageModal(ModalScreen[ManualMessage | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="add.cancel"),
        Binding("ctrl+s,alt+enter", "save", "Add", id="add.save"),
    ]

    def __init__(self, on_demo: bool = False) -> None:
        """`on_demo`: the store holds the demo inbox, which the dialog says."""
        super().__init__()
        self._on_demo = on_demo

    def compose(self) -> ComposeResult:
        with Vertical(id="add-dialog", classes="dialog"):
            title = "Add a message by hand" + (" (kept after import)" if self._on_demo else "")
            yield Label(title, classes="dialog-title")
            yield Input(placeholder="Sender's name", id="add-sender", compact=True)
            yield Label("Their message:", classes="dialog-hint")
            yield TextArea(id="add-text", soft_wrap=True, compact=True)
            with Horizontal(id="add-connection"):
                yield Checkbox("1st-degree", id="add-first-degree", compact=True)
                yield Input(placeholder="since YYYY-MM", id="add-since", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add (ctrl+s)", id="add-save", variant="primary", compact=True)
                yield Button("Cancel", id="add-cancel", compact=True)

    @on(Button.Pressed, "#add-save")
    def action_save(self) -> None:
        sender = self.query_one("#add-sender", Input).value.strip()
        text = self.query_one("#add-text", TextArea).text.strip()
        if not text:
            self.notify("Type the message text first.", severity="warning")
            return
        try:
            since = parse_month(self.query_one("#add-since", Input).value)
        except ValueError:
            self.notify("Type the date as YYYY-MM (or leave it empty).", severity="warning")
            return
        first_degree = self.query_one("#add-first-degree", Checkbox).value or since is not None
        self.dismiss(ManualMessage(sender or "Unknown sender", text, first_degree, since))

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
