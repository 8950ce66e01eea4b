"""The footer of key bindings, showing fewer keys on narrower terminals.

Textual's Footer shows every binding with `show=True` in one row and cuts off what does
not fit, which at 80 columns was `q Quit`. Here each key can name the screen width class
(from the app's HORIZONTAL_BREAKPOINTS) it needs; app.tcss hides it below that width.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel  # not re-exported; pinned


class KeyFooter(Footer):
    def __init__(
        self, shown_from: Mapping[str, str], labels_shown_from: Mapping[str, str], **kwargs
    ) -> None:
        """`shown_from` maps a binding's key to a CSS class, e.g. `{"c": "-from-wide"}`;
        keys not in it always show. `labels_shown_from` does the same for a group's label
        (its keys are hidden one by one, the empty group takes no room)."""
        super().__init__(**kwargs)
        self._shown_from = dict(shown_from)
        self._labels_shown_from = dict(labels_shown_from)
        self._composed_for: list[tuple[Binding, bool, str]] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        # Textual recomposes the footer (every key a new widget) on each binding refresh,
        # which is every focus change and return from another screen; most leave the keys
        # as they were. Recompose only when what the footer shows differs. What is shown is
        # recorded when a recompose is scheduled (Footer's own condition), not when it runs:
        # a second refresh before it runs would otherwise schedule another.
        shown = [
            (binding, enabled, tooltip)
            for _, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        ]
        if shown == self._composed_for:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._composed_for = shown

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.key in self._shown_from:
                widget.add_class(self._shown_from[widget.key])
            elif isinstance(widget, FooterLabel):
                shown_from = self._labels_shown_from.get(str(widget.content), "")
                if shown_from:
                    widget.add_class(shown_from)
            yield widget
