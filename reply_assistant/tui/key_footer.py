"""The footer of key bindings: one line of text, showing fewer keys on narrower terminals.

Textual's Footer makes a widget of every key and rebuilds them all on each binding refresh
(every focus change, every return from another screen). With this app's 25 keys that was a
quarter of the CPU of starting the app. This footer draws the same line, in the same
styles, as one widget, and repaints only when the keys it shows change.

At 80 columns Textual's Footer cut the row off at `q Quit`. Here each key can name the
screen width class (from the app's HORIZONTAL_BREAKPOINTS) it needs, so a narrower screen
shows fewer keys, whole; `?`, always first, lists them all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

# What the footer shows of the screen's active bindings: (binding, enabled, tooltip).
Shown = list[tuple[Binding, bool, str]]


@dataclass(frozen=True)
class FooterEntry:
    """A key, or a group's label, where the footer draws it (columns `start` to `end`)."""

    key: str  # the binding's key; "" for a group's label
    key_display: str
    description: str
    enabled: bool
    tooltip: str
    start: int
    end: int


def lay_out(
    shown: Shown,
    key_display: Callable[[Binding], str],
    visible: Callable[[str], bool],
    width: int,
) -> list[FooterEntry]:
    """Textual's compact footer, one space after each entry: a key with its description
    ("a Accept"), or a group of keys alone followed by the group's label ("[ ] Drafts").
    A binding repeated for the same action shows once. `visible(key_or_label)` drops what
    the screen is too narrow for; the first key or group that does not fit in `width`
    cells ends the line, so no key is cut in half and no group loses its label."""
    first_per_action: dict[str, tuple[Binding, bool, str]] = {}
    for binding, enabled, tooltip in shown:
        first_per_action.setdefault(binding.action, (binding, enabled, tooltip))
    # What is drawn together: (key, shown key, description, enabled, tooltip) each.
    units: list[list[tuple[str, str, str, bool, str]]] = []
    for group, members in groupby(first_per_action.values(), lambda member: member[0].group):
        keys = list(members)
        if group is not None and len(keys) > 1:
            units.append(
                [
                    (binding.key, key_display(binding), "", enabled, tooltip or binding.description)
                    for binding, enabled, tooltip in keys
                ]
                + [("", "", group.description, True, "")]
            )
        else:
            units.extend(
                [(binding.key, key_display(binding), binding.description, enabled, tooltip)]
                for binding, enabled, tooltip in keys
            )
    entries: list[FooterEntry] = []
    column = 0
    for unit in units:
        placed = []
        for key, shown_key, description, enabled, tooltip in unit:
            if not visible(key or description):
                continue
            # Drawn as "key description", or either alone; in terminal cells, as clicks land.
            cells = cell_len(" ".join(part for part in (shown_key, description) if part))
            placed.append(
                FooterEntry(key, shown_key, description, enabled, tooltip, column, column + cells)
            )
            column += cells + 1
        if placed and placed[-1].end > width:
            break
        entries.extend(placed)
    return entries


class KeyFooter(Widget, can_focus=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--item",
        "key-footer--hover",
    }
    # Textual's Footer and FooterKey styles, compact.
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        text-wrap: nowrap;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--item {
            background: $footer-item-background;
        }
        .key-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(
        self,
        shown_from: Mapping[str, str],
        widths: Sequence[tuple[int, str]],
        *,
        id: str | None = None,
    ) -> None:
        """`shown_from` maps a binding's key, or a group's label, to the width class of
        `widths` (the app's HORIZONTAL_BREAKPOINTS) from which it shows, e.g.
        `{"c": "-full"}`; what is not in it always shows."""
        super().__init__(id=id)
        least_width = {name: width for width, name in widths}
        self._least_width = {key: least_width[name] for key, name in shown_from.items()}
        self._shown: Shown = []
        self._hovered: str | None = None
        self.entries: list[FooterEntry] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        # As Textual's Footer: ignored while the terminal has no focus, and for other screens.
        if not screen.app.app_focus or screen is not self.screen:
            return
        shown = [
            (binding, enabled, tooltip)
            for _, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        ]
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def keys_in_view(self) -> list[FooterEntry]:
        """The keys drawn in the footer, in order."""
        return [entry for entry in self.entries if entry.key]

    def render(self) -> Text:
        screen_width = self.screen.size.width
        self.entries = lay_out(
            self._shown,
            self.app.get_key_display,
            lambda name: screen_width >= self._least_width.get(name, 0),
            self.size.width,
        )
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        item_style = self.get_component_rich_style("key-footer--item")
        hover_style = self.get_component_rich_style("key-footer--hover")
        line = Text(no_wrap=True, overflow="crop", end="")
        for entry in self.entries:
            if line:
                line.append(" ")
            if not entry.key:  # a group's label
                line.append(entry.description, description_style)
                continue
            item = Text.assemble((entry.key_display, key_style))
            if entry.description:
                item.append(" " + entry.description, description_style)
            item.stylize_before(item_style)
            if entry.key == self._hovered:
                item.stylize_before(hover_style)
            if not entry.enabled:
                item.stylize(Style(dim=True))
            line.append_text(item)
        return line

    def _entry_at(self, x: int) -> FooterEntry | None:
        return next((e for e in self.entries if e.key and e.start <= x < e.end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        entry = self._entry_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        entry = self._entry_at(event.x)
        hovered = entry.key if entry else None
        if hovered != self._hovered:
            self._hovered = hovered
            self.tooltip = entry.tooltip if entry and entry.tooltip else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.refresh()
