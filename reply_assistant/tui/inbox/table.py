"""The inbox list: one two-line row per conversation, updated in place, some selected."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from reply_assistant.tui.inbox.rows import InboxRow, row_text

_CELL_PADDING = 2  # DataTable pads each cell by one column on either side
_MIN_WIDTH = 24


class InboxTable(DataTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="inbox.down"),
        Binding("k", "cursor_up", "Up", show=False, id="inbox.up"),
        Binding("space", "toggle_selected", "Select", show=False, id="inbox.select"),
        Binding("shift+down", "extend_selection(1)", "Select down", show=False, id="inbox.sel-dn"),
        Binding("shift+up", "extend_selection(-1)", "Select up", show=False, id="inbox.sel-up"),
    ]

    def __init__(self, now: Callable[[], datetime], **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, show_header=False, **kwargs)
        self._now = now
        self.rows_by_id: dict[str, InboxRow] = {}
        self.selected: set[str] = set()  # message ids picked for a bulk action
        self._width = 0

    def on_mount(self) -> None:
        self._width = self._fit_width()
        self.add_column("Conversation", key="message", width=self._width)

    def _fit_width(self) -> int:
        # One column is kept free for the vertical scrollbar.
        return max(_MIN_WIDTH, self.size.width - _CELL_PADDING - 1)

    def _sync_width(self) -> bool:
        """Fit the column to the table's width; True when it changed."""
        width = self._fit_width()
        if width == self._width or not self.columns:
            return False
        self._width = width
        self.columns["message"].width = width  # type: ignore[index]
        return True

    def on_resize(self) -> None:
        if self._sync_width():
            self.show_rows(list(self.rows_by_id.values()), keep_cursor=True)

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def show_rows(self, rows: Iterable[InboxRow], *, keep_cursor: bool = False) -> None:
        keep = self.current_id if keep_cursor else None
        self._sync_width()
        self.clear()
        self.rows_by_id = {}
        now = self._now()
        for row in rows:
            self.rows_by_id[row.message_id] = row
            cell = row_text(row, self._width, now, selected=row.message_id in self.selected)
            self.add_row(cell, height=2, key=row.message_id)
        # A selection never reaches beyond what is listed.
        self.selected &= self.rows_by_id.keys()
        if keep in self.rows_by_id:
            self.move_cursor(row=self.get_row_index(keep))

    def update_row(self, row: InboxRow) -> None:
        """Redraw one row where it stands (no reload, the cursor stays put)."""
        if row.message_id not in self.rows_by_id:
            return
        self.rows_by_id[row.message_id] = row
        cell = row_text(row, self._width, self._now(), selected=row.message_id in self.selected)
        try:
            self.update_cell(row.message_id, "message", cell)
        except RowDoesNotExist:
            return

    def select_next(self) -> None:
        if self.cursor_row < self.row_count - 1:
            self.move_cursor(row=self.cursor_row + 1)

    def action_toggle_selected(self) -> None:
        message_id = self.current_id
        if message_id is None:
            return
        self.selected ^= {message_id}
        self.update_row(self.rows_by_id[message_id])
        self.select_next()

    def action_extend_selection(self, step: int) -> None:
        """Select the current row and the next one in that direction (shift+arrows)."""
        message_id = self.current_id
        if message_id is None:
            return
        self.selected.add(message_id)
        self.update_row(self.rows_by_id[message_id])
        self.move_cursor(row=max(0, min(self.cursor_row + step, self.row_count - 1)))
        moved_to = self.current_id
        if moved_to is not None:
            self.selected.add(moved_to)
            self.update_row(self.rows_by_id[moved_to])

    def clear_selection(self) -> None:
        for message_id in self.selected & self.rows_by_id.keys():
            self.selected.discard(message_id)
            self.update_row(self.rows_by_id[message_id])
        self.selected.clear()
