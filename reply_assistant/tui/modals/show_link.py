"""`o` where no browser can start (a server, SSH): the thread's link on one line, to select
by hand or copy with `c`. A toast wrapped the long link across lines, so a selection
picked up the toast's border with it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class ShowLinkModal(ModalScreen[bool]):
    """Answers True when the person asked to copy the link (`c`), False when closed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "close(True)", "Copy the link", id="link.copy"),
        Binding("escape,enter,o", "close(False)", "Close", id="link.close"),
    ]

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def compose(self) -> ComposeResult:
        with Vertical(id="link-dialog", classes="dialog"):
            yield Label("No browser could be opened here", classes="dialog-title")
            # An Input keeps the link on one line (scrolling sideways), never wrapped.
            link = Input(self.url, id="link-url")
            link.can_focus = False  # the keys stay with the dialog: c copies, typing edits nothing
            yield link
            yield Label("c copies the link · escape closes", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#link-url", Input).cursor_position = 0  # the link from its start

    def action_close(self, copy: bool) -> None:
        self.dismiss(copy)
