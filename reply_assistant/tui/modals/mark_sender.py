"""`m`: say who the sender is — a friend (or someone known), someone to mute, or (for a
marked sender) neither any more."""

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
CLEAR = "c  Clear the mark: back to the assistant's labels"


class MarkSenderModal(ModalScreen[str | None]):
    """Answers 'friend', 'mute', 'clear' (offered for a marked sender), or None when
    cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "choose('friend')", "Friend", id="mark.friend"),
        Binding("m", "choose('mute')", "Mute", id="mark.mute"),
        Binding("c", "choose('clear')", "Clear", id="mark.clear"),
        Binding("escape", "choose('')", "Cancel", id="mark.cancel"),
    ]

    def __init__(self, sender_name: str, current: str | None) -> None:
        super().__init__()
        self._sender_name = sender_name
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="mark-dialog", classes="dialog"):
            yield Label(f"Who is {self._sender_name}?", classes="dialog-title")
            options = [Option(text, id=mark) for mark, text in CHOICES.items()]
            if self._current:
                options.append(Option(CLEAR, id="clear"))
            yield OptionList(*options)
            now = f"Marked {self._current} now. " if self._current else ""
            yield Label(f"{now}escape cancels · u undoes a mark", classes="dialog-hint")

    def action_choose(self, mark: str) -> None:
        if mark == "clear" and not self._current:
            return  # nothing to clear: the choice is not offered
        self.dismiss(mark or None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
