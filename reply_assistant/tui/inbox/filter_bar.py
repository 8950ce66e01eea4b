"""The row of inbox filters above the list, the active one highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

# Store filter name -> what the bar shows, in the order `f` cycles through them.
FILTERS: dict[str, str] = {
    "needs_reply": "needs reply",
    "pending": "pending",
    "spam": "spam",
    "relationship": "relationship",
    "unclear": "unclear",
    "done": "done",
    "older": "older",  # awaiting, but before the needs-reply window
    "archived": "archived",  # awaiting, in ARCHIVE or another folder than the inbox
    "all": "all",
}


def still_matches(name: str, label: str | None, status: str) -> bool:
    """Whether a listed conversation still belongs under filter `name` (the store's rules),
    so the count can follow accepts and relabels without re-reading the inbox."""
    if name == "all":
        return True
    if name == "done":
        return status != "open"
    if status != "open":
        return False
    if name == "pending":
        return label is None
    return name in ("needs_reply", "older", "archived") or label == name


def next_filter(current: str) -> str:
    names = list(FILTERS)
    return names[(names.index(current) + 1) % len(names)]


class FilterBar(Static):
    _shown: tuple[str, str, int] = ("needs_reply", "", 0)

    def show(self, active: str, search: str, count: int) -> None:
        self._shown = (active, search, count)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" {FILTERS[active]} ", style="reverse bold")
        text.append(f" {count} ", style="bold")
        if search:
            text.append(f" /{search} ", style="italic")
        hint = " f filter · / search"
        if self.size.width and text.cell_len + len(hint) > self.size.width:
            hint = " f · / · ? keys"
        text.append(hint, style="dim")
        self.update(text)

    def on_resize(self) -> None:
        self.show(*self._shown)
