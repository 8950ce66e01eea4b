"""`b`: one action over the selected conversations, or over all under the filter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

CHOICES = {
    "done": "d  Mark done",
    "skip": "s  Skip (no reply needed)",
    "dismiss": "x  Dismiss sponsored and scam messages",
    "older": "o  Mark done if older than the date below",
}


@dataclass(frozen=True)
class BulkChoice:
    kind: str  # done | skip | dismiss | older
    before: date | None = None  # for "older"


class BulkActionModal(ModalScreen[BulkChoice | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "choose('done')", "Done", id="bulk.done"),
        Binding("s", "choose('skip')", "Skip", id="bulk.skip"),
        Binding("x", "choose('dismiss')", "Dismiss", id="bulk.dismiss"),
        Binding("o", "choose('older')", "Older", id="bulk.older"),
        Binding("escape", "cancel", "Cancel", id="bulk.cancel"),
    ]

    def __init__(self, scope: str, default_before: date | None) -> None:
        """`scope` says what the action covers, e.g. "3 selected" or "all 50 under needs
        reply"; `default_before` fills the date field."""
        super().__init__()
        self._scope = scope
        self._default_before = default_before

    def compose(self) -> ComposeResult:
        with Vertical(id="bulk-dialog", classes="dialog"):
            yield Label(f"For {self._scope}:", classes="dialog-title")
            yield OptionList(*(Option(text, id=kind) for kind, text in CHOICES.items()))
            before = self._default_before.isoformat() if self._default_before else ""
            yield Input(before, placeholder="YYYY-MM-DD", id="bulk-before", compact=True)
            yield Label("escape cancels · u undoes it all at once", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_choose(self, kind: str) -> None:
        if kind != "older":
            self.dismiss(BulkChoice(kind))
            return
        typed = self.query_one("#bulk-before", Input).value.strip()
        try:
            before = date.fromisoformat(typed)
        except ValueError:
            self.notify("Type the date as YYYY-MM-DD, then press enter.", severity="warning")
            self.query_one("#bulk-before", Input).focus()
            return
        self.dismiss(BulkChoice("older", before))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(event.option.id or "")

    @on(Input.Submitted, "#bulk-before")
    def _date_entered(self) -> None:
        self.action_choose("older")
