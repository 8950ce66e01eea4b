"""The header: the app's name and the backend in use, or the backend alone when both do
not fit (Textual's Header cut the backend off first: `Reply Assistant — off…`)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Header, Static


class AppHeader(Header):
    @property
    def _title(self) -> Static:
        return self.query_one("HeaderTitle", Static)  # Textual's, not exported by name

    def format_title(self) -> Content:
        full = super().format_title()
        backend = self.screen_sub_title
        if not backend or full.cell_length <= self._title.content_size.width:
            return full
        return Content(backend)

    def on_resize(self) -> None:
        self._title.update(self.format_title())
