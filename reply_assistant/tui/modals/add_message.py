"""`n`: type in a message by hand (sender and text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, TextArea


@dataclass(frozen=True)
class ManualMessage:
    sender_name: str
    text: str


class AddMessageModal(ModalScreen[ManualMessage | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="add.cancel"),
        Binding("ctrl+s,alt+enter", "save", "Add", id="add.save"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-dialog", classes="dialog"):
            yield Label("Add a message by hand", classes="dialog-title")
            yield Input(placeholder="Sender's name", id="add-sender")
            yield Label("Their message (paste or type it below):", classes="dialog-hint")
            yield TextArea(id="add-text", soft_wrap=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add (ctrl+s)", id="add-save", variant="primary")
                yield Button("Cancel", id="add-cancel")

    @on(Button.Pressed, "#add-save")
    def action_save(self) -> None:
        sender = self.query_one("#add-sender", Input).value.strip()
        text = self.query_one("#add-text", TextArea).text.strip()
        if not text:
            self.notify("Type the message text first.", severity="warning")
            return
        self.dismiss(ManualMessage(sender or "Unknown sender", text))

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
