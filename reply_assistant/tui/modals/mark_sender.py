"""`m`: say who the sender is — a friend (or someone known), or someone to mute."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

CHOICES = {
    "friend": "f  Friend or known: relationship, for all their messages",
    "mute": "m  Mute: treat all their messages as spam, no reply",
}


class MarkSenderModal(ModalScreen[str | None]):
    """Answers 'friend', 'mute', or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "choose('friend')", "Friend", id="mark.friend"),
        Binding("m", "choose('mute')", "Mute", id="mark.mute"),
        Binding("escape", "choose('')", "Cancel", id="mark.cancel"),
    ]

    def __init__(self, sender_name: str, current: str | None) -> None:
        super().__init__()
        self._sender_name = sender_name
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="mark-dialog", classes="dialog"):
            yield Label(f"Who is {self._sender_name}?", classes="dialog-title")
            yield OptionList(*(Option(text, id=mark) for mark, text in CHOICES.items()))
            now = f"Marked {self._current} now. " if self._current else ""
            yield Label(f"{now}escape cancels · u undoes a mark", classes="dialog-hint")

    def action_choose(self, mark: str) -> None:
        self.dismiss(mark or None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
