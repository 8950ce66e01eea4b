"""The inbox list: one two-line row per conversation, updated in place."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from reply_assistant.tui.inbox.rows import BADGE_WIDTH, InboxRow, row_cells

COLUMNS = ("message", "badge")
_CELL_PADDING = 2  # DataTable pads each cell by one column on either side
_MIN_MESSAGE_WIDTH = 12


class InboxTable(DataTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="inbox.down"),
        Binding("k", "cursor_up", "Up", show=False, id="inbox.up"),
    ]

    def __init__(self, now: Callable[[], datetime], **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, show_header=False, **kwargs)
        self._now = now
        self.rows_by_id: dict[str, InboxRow] = {}
        self._message_width = 0

    def on_mount(self) -> None:
        self._message_width = self._fit_message_width()
        self.add_column("From", key="message", width=self._message_width)
        self.add_column("Label", key="badge", width=BADGE_WIDTH)

    def _fit_message_width(self) -> int:
        fixed = BADGE_WIDTH + _CELL_PADDING * len(COLUMNS)
        # One column is kept free for the vertical scrollbar.
        return max(_MIN_MESSAGE_WIDTH, self.size.width - fixed - 1)

    def _sync_message_width(self) -> bool:
        """Fit the sender/preview column to the table's width; True when it changed."""
        width = self._fit_message_width()
        if width == self._message_width or not self.columns:
            return False
        self._message_width = width
        self.columns["message"].width = width  # type: ignore[index]
        return True

    def on_resize(self) -> None:
        if self._sync_message_width():
            self.show_rows(list(self.rows_by_id.values()), keep_cursor=True)

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def show_rows(self, rows: Iterable[InboxRow], *, keep_cursor: bool = False) -> None:
        keep = self.current_id if keep_cursor else None
        self._sync_message_width()
        self.clear()
        self.rows_by_id = {}
        now = self._now()
        for row in rows:
            self.rows_by_id[row.message_id] = row
            self.add_row(*row_cells(row, self._message_width, now), height=2, key=row.message_id)
        if keep in self.rows_by_id:
            self.move_cursor(row=self.get_row_index(keep))

    def update_row(self, row: InboxRow) -> None:
        """Redraw one row where it stands (no reload, the cursor stays put)."""
        if row.message_id not in self.rows_by_id:
            return
        self.rows_by_id[row.message_id] = row
        cells = row_cells(row, self._message_width, self._now())
        try:
            for column, cell in zip(COLUMNS, cells, strict=True):
                self.update_cell(row.message_id, column, cell)
        except RowDoesNotExist:
            return

    def select_next(self) -> None:
        if self.cursor_row < self.row_count - 1:
            self.move_cursor(row=self.cursor_row + 1)
