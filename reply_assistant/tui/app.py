"""The Reply Assistant terminal UI: the inbox on the left, the conversation on the right.

The app reads and writes state through the Store and asks the Assistant for verdicts and
drafts; it never builds a prompt or talks to a model itself. Model calls run in async
workers and report back with messages, so the screen never waits on the network.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widgets import DataTable, Input

from reply_assistant.clipboard import copied_hint, copied_title, make_copier
from reply_assistant.config import Settings
from reply_assistant.demo import DEMO_SOURCE
from reply_assistant.draft_checks import is_note
from reply_assistant.engine import Assistant
from reply_assistant.engine.health import LLMHealth
from reply_assistant.linkedin_links import thread_url
from reply_assistant.models import Action, Connection, Label
from reply_assistant.tui import commands
from reply_assistant.tui.app_header import AppHeader
from reply_assistant.tui.background import BackgroundWork
from reply_assistant.tui.conversation.view import ConversationState, ConversationView
from reply_assistant.tui.corrections import RejudgesAfterCorrections
from reply_assistant.tui.drafting import edit_as_draft
from reply_assistant.tui.inbox.filter_bar import FILTERS, FilterBar, next_filter, still_matches
from reply_assistant.tui.inbox.rows import InboxRow
from reply_assistant.tui.inbox.table import InboxTable
from reply_assistant.tui.key_footer import KeyFooter
from reply_assistant.tui.messages import ItemAssessed
from reply_assistant.tui.modals.add_message import AddMessageModal, ManualMessage
from reply_assistant.tui.modals.help import HelpScreen
from reply_assistant.tui.modals.show_link import ShowLinkModal
from reply_assistant.tui.relative_time import utc_now
from reply_assistant.tui.session_totals import SessionTotals
from reply_assistant.tui.status_bar import StatusBar
from reply_assistant.tui.stop_signals import default_on_signals, stop_on_signals
from reply_assistant.tui.triage import Triage

# Keys the inbox table handles itself; listed in the help screen with the app's bindings.
TABLE_KEYS = [
    ("↑ ↓ / j k", "Move through the inbox"),
    ("enter", "Open the conversation"),
    ("space", "Select the conversation for a bulk action (b)"),
    ("shift+↑ ↓", "Select several in a row"),
]


class ReplyAssistantApp(BackgroundWork, Triage, RejudgesAfterCorrections, App[None]):
    TITLE = "Reply Assistant"
    CSS_PATH = "app.tcss"
    # Below 70 columns the inbox and the conversation stack instead of sitting side by side;
    # the footer shows more keys the wider the screen (see FOOTER_SHOWN_FROM). The ignores:
    # Textual annotates both as `ClassVar[...] | None`, which mypy reads as instance variables.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [  # type: ignore[misc]
        (0, "-narrow"),
        (70, "-wide"),
        (100, "-wider"),
        (120, "-widest"),
        (140, "-full"),
    ]
    # Below 20 rows there is no room for the thread, the verdict and the draft at once:
    # while the draft is edited, it takes the screen (see app.tcss).
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [  # type: ignore[misc]
        (0, "-short"),
        (20, "-tall"),
    ]
    RELABEL = Binding.Group("Label")
    HISTORY = Binding.Group("Drafts")

    # In the footer's order: `?` first, so that at any width the way to every key shows.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="help", tooltip="Every key, explained"),
        Binding("a", "accept", "Accept", id="accept", tooltip="Copy the draft and mark done"),
        Binding("e", "edit", "Edit", id="edit", tooltip="Edit the draft (escape leaves)"),
        Binding(
            "escape",
            "leave",
            "Back to inbox",
            show=False,
            id="leave",
            tooltip="Leave the draft or search, or clear the selection",
        ),
        Binding("c", "copy", "Copy", id="copy", tooltip="Copy the draft, keep it open"),
        Binding("r", "regenerate", "Redo", id="regenerate", tooltip="Regenerate or retry"),
        Binding(
            "left_square_bracket",
            "history(-1)",
            "Older draft",
            id="history.back",
            group=HISTORY,
            tooltip="Show the previous draft in the history",
        ),
        Binding(
            "right_square_bracket",
            "history(1)",
            "Newer draft",
            id="history.next",
            group=HISTORY,
            tooltip="Show the next draft in the history",
        ),
        Binding(
            "1",
            "relabel('spam')",
            "Relabel spam",
            id="relabel.spam",
            group=RELABEL,
            tooltip="Relabel as spam (a decline is drafted)",
        ),
        Binding(
            "2",
            "relabel('relationship')",
            "Relabel relationship",
            id="relabel.rel",
            group=RELABEL,
            tooltip="Relabel as relationship (a warm reply is drafted)",
        ),
        Binding(
            "3",
            "relabel('unclear')",
            "Relabel unclear",
            id="relabel.unclear",
            group=RELABEL,
            tooltip="Relabel as unclear (a clarifying question is drafted)",
        ),
        Binding("s", "skip", "Skip", id="skip", tooltip="Skip: no reply needed, mark skipped"),
        Binding(
            "u",
            "undo",
            "Undo",
            id="undo",
            tooltip="Undo the last accept, skip, relabel, sender mark or bulk action",
        ),
        Binding(
            "m",
            "mark_sender",
            "Mark",
            id="mark-sender",
            tooltip="Mark the sender as a friend (relationship) or mute them (spam), "
            "for all their conversations; or clear their mark",
        ),
        Binding(
            "b",
            "bulk",
            "Bulk",
            id="bulk",
            tooltip="Act on the selected conversations (space) or all under the filter: "
            "done, skip, dismiss sponsored and scam, done if older than a date",
        ),
        Binding(
            "o",
            "open_linkedin",
            "Open",
            id="open-linkedin",
            tooltip="Open the conversation on LinkedIn in the browser",
        ),
        Binding(
            "n",
            "add_message",
            "Add",
            id="add-message",
            tooltip="Add a message by hand (sender, text, whether you are connected)",
        ),
        Binding(
            "f",
            "next_filter",
            "Filter",
            id="filter",
            tooltip="Next filter: needs reply, pending, spam, relationship, unclear, done, "
            "older, archived, all",
        ),
        Binding("slash", "search", "Find", id="search", tooltip="Search sender and text"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Cmds",
            id="palette",
            tooltip="Command palette: prompts, backend, import, re-run, needs-reply window",
        ),
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit (everything is already saved)"),
    ]
    # The footer's keys by the screen width class they need; the rest always show, and `?`
    # (always first) lists them all. 60 columns: ? a e r s u m q; 80 adds 1 2 3 b;
    # 100 adds o [ ]; 120 adds f / ^p; 140 shows every key.
    FOOTER_SHOWN_FROM: ClassVar[dict[str, str]] = {
        "1": "-wide",
        "2": "-wide",
        "3": "-wide",
        "b": "-wide",
        "Label": "-wide",  # a group's label shows from the width its keys do
        "o": "-wider",
        "left_square_bracket": "-wider",
        "right_square_bracket": "-wider",
        "Drafts": "-wider",
        "f": "-widest",
        "slash": "-widest",
        "ctrl+p": "-widest",
        "c": "-full",
        "n": "-full",
    }

    def __init__(
        self,
        store,
        assistant: Assistant,
        backend_label: str,
        *,
        settings: Settings | None = None,
        clipboard: Callable[[str], None] | None = None,
        open_url: Callable[[str], object] = webbrowser.open,
        now: Callable[[], datetime] = utc_now,
        classify_on_start: bool = True,
    ) -> None:
        """`clipboard`, `open_url` and `now` are injectable so tests and snapshots can watch
        what was copied or opened and pin relative times."""
        super().__init__()
        self.store = store
        self.assistant = assistant
        self.backend_label = backend_label
        self.settings = settings or Settings()
        self._copy = clipboard or make_copier(self)
        self._open_url = open_url
        self._now = now
        self._classify_on_start = classify_on_start
        self.filter = "needs_reply"
        self.search = ""
        # "Needs reply" covers this many days before the newest message (0: all); the
        # command palette changes it for the session.
        self.needs_reply_days = self.settings.needs_reply_days
        self.working: set[str] = set()  # message ids with a model call in flight
        self.totals = SessionTotals()
        self.prompt_versions: dict[str, str] = {}  # chosen in the command palette
        self._history_position: dict[str, int] = {}
        self._notified_errors: set[str] = set()
        self._filter_count = 0  # conversations listed that still match the filter
        self._error_kinds: dict[str, str] = {}  # BackendError.kind of this session's failures
        self.offline_meanwhile: set[str] = set()
        self.offline_drafts: set[str] = set()
        self._offline = None  # the offline model, loaded the first time the LLM is down
        self.stand_in = None  # that model while it stands in for the LLM
        self.llm_since_success = LLMHealth()

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield AppHeader(icon="✉")
        with Horizontal(id="main"):
            with Vertical(id="inbox-pane"):
                yield FilterBar(id="filter-bar")
                yield Input(placeholder="search sender or text", id="search")
                yield InboxTable(self._now, id="inbox")
            yield ConversationView(self._now, self._save_edit, id="conversation")
        yield StatusBar(id="status")
        # ctrl+p is in BINDINGS, so in the footer's flow like any other key.
        yield KeyFooter(self.FOOTER_SHOWN_FROM, self.HORIZONTAL_BREAKPOINTS)

    @property
    def inbox(self) -> InboxTable:
        return self.query_one(InboxTable)

    @property
    def conversation(self) -> ConversationView:
        return self.query_one(ConversationView)

    @property
    def status_bar(self) -> StatusBar:
        return self.query_one(StatusBar)

    def on_mount(self) -> None:
        if not self.is_headless:  # a terminal, which can be closed under the app
            stop_on_signals(self.save_and_exit)
        self._show_backend()
        self.query_one("#search", Input).display = False
        self.reload_inbox()
        self.inbox.focus()
        if self._classify_on_start:
            # After the first paint, so the inbox shows before any model work starts.
            self.call_after_refresh(self.classify_pending)

    # ------------------------------------------------------------------ inbox

    def reload_inbox(self, *, keep_cursor: bool = False) -> None:
        """Re-read the list; `keep_cursor` stays on the open conversation if still listed."""
        since = self.store.needs_reply_since(self.needs_reply_days)
        summaries = self.store.conversation_summaries(self.filter, self.search, since)
        self.inbox.show_rows((self._row(summary) for summary in summaries), keep_cursor=keep_cursor)
        self._filter_count = self.inbox.row_count
        self.query_one(FilterBar).show(self.filter, self.search, self._filter_count)
        if self.inbox.row_count:
            self.open_current()
        else:
            self.conversation.show_empty(self._nothing_listed())

    def _nothing_listed(self) -> str:
        """Why the list is empty, and the key that changes it."""
        if self.search:
            return f"No conversation matches “{self.search}”. Press escape to end the search."
        if not self.store.message_count():
            return "The inbox is empty. Press n to add a message, or ctrl+p → Import an export."
        return f"Nothing under {FILTERS[self.filter]}. Press f for the next filter."

    def _row(self, summary) -> InboxRow:
        error = summary.label is None and self.store.error(summary.message_id) is not None
        return InboxRow.from_summary(
            summary, error=error, working=summary.message_id in self.working
        )

    def refresh_row(self, message_id: str) -> None:
        """Re-read one conversation's state from the store and redraw it in place."""
        row = self.inbox.rows_by_id.get(message_id)
        if row is not None:
            verdict = self.store.verdict(message_id)
            updated = row.but(
                label=verdict.label.value if verdict else None,
                confidence=verdict.confidence if verdict else None,
                status=self.store.status(message_id),
                error=verdict is None and self.store.error(message_id) is not None,
                working=message_id in self.working,
            )
            self.inbox.update_row(updated)
            # The row stays listed until the next reload (so a ✓ shows where it was), but
            # the count says how many still match the filter.
            self._count_change(row, updated)
        if message_id == self.current_id:
            self.open_current()

    def _count_change(self, before: InboxRow, after: InboxRow) -> None:
        change = still_matches(self.filter, after.label, after.status) - still_matches(
            self.filter, before.label, before.status
        )
        if change:
            self._filter_count += change
            self.query_one(FilterBar).show(self.filter, self.search, self._filter_count)

    @property
    def current_id(self) -> str | None:
        return self.inbox.current_id

    @on(DataTable.RowHighlighted, "#inbox")
    def _highlighted(self) -> None:
        self.open_current()

    @on(DataTable.RowSelected, "#inbox")
    def _selected(self) -> None:
        self.open_current()

    def open_current(self) -> None:
        message_id = self.current_id
        if message_id is None:
            return
        try:
            state = self._state(message_id)
        except KeyError:
            # Deleted by another process while listed here: a batch replacing the demo
            # inbox, or `demo --remove`. The list is re-read rather than trusted.
            self.notify("The inbox changed in another process: the list was read again.")
            self.reload_inbox()
            return
        self.conversation.show(state)

    def _state(self, message_id: str) -> ConversationState:
        row = self.inbox.rows_by_id.get(message_id)
        item = self.store.incoming(message_id)
        return ConversationState(
            item=item,
            events=self.store.conversation_events(item.conversation_id),
            sent_at=row.sent_at if row else None,
            verdict=self.store.verdict(message_id),
            drafts=self.store.drafts(message_id),
            edited_text=self.store.edited_text(message_id),
            error=self.store.error(message_id) or "",
            error_kind=self._error_kinds.get(message_id, ""),
            working=message_id in self.working,
            status=self.store.status(message_id),
        )

    def _save_edit(self, message_id: str, text: str) -> None:
        self.store.save_edit(message_id, text)

    # ------------------------------------------------------------------ actions

    def _current_or_warn(self) -> str | None:
        message_id = self.current_id
        if message_id is None:
            self.notify(self._nothing_listed(), severity="warning")
        return message_id

    def action_edit(self) -> None:
        if self._current_or_warn() is None or self.current_id in self.working:
            return
        area = self.conversation.draft_area
        area.read_only = False
        area.move_cursor(area.document.end)
        area.focus()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        event.widget.screen.set_class(event.widget is self.conversation.draft_area, "-editing")

    def action_leave(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus or (self.inbox.has_focus and search.value):
            # Escape ends a search: the whole inbox again, on the conversation it was on.
            search.value = ""
            search.display = False
        elif self.inbox.has_focus and self.inbox.selected:
            self.inbox.clear_selection()
        self.conversation.flush_edit()
        self.conversation.draft_area.read_only = True
        self.inbox.focus()

    def _copy_draft(self, message_id: str) -> str | None:
        """Copy the draft; returns the clipboard.make_copier way it went (None: not copied)."""
        if message_id in self.working:
            self.notify("Wait for the draft to finish.", severity="warning")
            return None
        text = self.conversation.draft_text.strip()
        if not text:
            self.notify("There is no draft to copy yet: press r to write one.", severity="warning")
            return None
        self.conversation.flush_edit()
        return self._copy(text) or "copied"

    def _shows_no_reply_note(self, message_id: str) -> bool:
        """The draft pane holds the assistant's note that no reply is suggested (a scam or
        a sponsored message), not a reply: the person has not written one over it. False
        while a draft is being written (copying then says to wait)."""
        if message_id in self.working:
            return False
        verdict = self.store.verdict(message_id)
        drafts = self.store.drafts(message_id)
        # A note also stands in for a draft in a language the offline templates lack.
        shows_note = bool(drafts) and is_note(drafts[-1].text)
        if verdict is None or (verdict.action is not Action.NO_REPLY and not shows_note):
            return False
        self.conversation.flush_edit()
        edited = self.store.edited_text(message_id)
        return edited is None or not edited.strip() or bool(drafts and edited == drafts[-1].text)

    def action_accept(self) -> None:
        message_id = self._current_or_warn()
        if message_id is None:
            return
        if self._shows_no_reply_note(message_id):
            # Copying the note would put "(No reply suggested: ...)" on the clipboard.
            self.store.record_decision(message_id, "accept")
            verdict = self.store.verdict(message_id)
            if verdict is not None and verdict.action is Action.NO_REPLY:
                next_step = "Report or archive it on LinkedIn (o opens it)."
            else:
                next_step = "Write the reply yourself on LinkedIn (o opens it)."
            self.notify(
                f"No draft to send here: marked done, nothing copied. {next_step}", title="Done"
            )
        elif (way := self._copy_draft(message_id)) is None:
            return
        else:
            self.store.record_decision(message_id, "accept")
            self.notify(
                f"Marked done; paste it into LinkedIn (o opens it).{copied_hint(way)}",
                title=copied_title(way),
            )
        self.refresh_row(message_id)
        self.rejudge_after_correction()
        self.inbox.select_next()

    def action_copy(self) -> None:
        message_id = self._current_or_warn()
        if message_id is None:
            return
        if self._shows_no_reply_note(message_id):
            self.notify(
                "No reply is suggested for this message, so there is nothing to copy. "
                "Press e to write one anyway, or a to mark it done.",
                severity="warning",
            )
            return
        way = self._copy_draft(message_id)
        if way is None:
            return
        self.notify(f"The conversation stays open.{copied_hint(way)}", title=copied_title(way))

    def action_skip(self) -> None:
        message_id = self._current_or_warn()
        if message_id is None:
            return
        self.store.record_decision(message_id, "skip")
        self.refresh_row(message_id)
        self.inbox.select_next()

    def action_undo(self) -> None:
        self.conversation.flush_edit()
        undone = self.store.undo_last_action()
        if undone is None:
            self.notify("Nothing to undo.", severity="warning")
            return
        for decision in undone.decisions:
            if decision.kind == "relabel":
                self._stop_drafting(decision.message_id)
        self.notify(self._undone_toast(undone))
        self.rejudge_after_correction()
        self.redraft_missing(undone.message_ids)
        if len(undone.message_ids) > 1:
            self.reload_inbox(keep_cursor=True)  # a bulk action may have moved them all
            return
        [message_id] = undone.message_ids
        if message_id in self.inbox.rows_by_id:
            self.inbox.move_cursor(row=self.inbox.get_row_index(message_id))
        self.refresh_row(message_id)

    def _stop_drafting(self, message_id: str) -> None:
        """Cancel a draft still being written for an undone relabel, before it lands."""
        self._history_position.pop(message_id, None)
        if message_id not in self.working:
            return
        self.workers.cancel_group(self, f"item:{message_id}")
        self.working.discard(message_id)
        # Streamed chunks already queued would paint the cancelled draft; redraw after them.
        self.call_later(self.refresh_row, message_id)

    def action_regenerate(self) -> None:
        message_id = self._current_or_warn()
        if message_id is None:
            return
        if message_id in self.working:
            self.notify("Already working on this one.", severity="warning")
            return
        if self.stood_in_for(message_id):  # the status bar says: r to retry the LLM
            self.retry_llm()
            return
        if self.store.verdict(message_id) is None:
            self.assess_one(message_id)
            return
        self._keep_edit_in_history(message_id)
        self.redraft(message_id)
        if not self.assistant.backend.capabilities.varied_drafts:
            self.notify(
                "The offline model writes the same draft each time; press e to reword it, "
                "or configure an LLM (OPENAI_API_KEY) for fresh wording.",
                title="Draft restored",
            )

    def _keep_edit_in_history(self, message_id: str) -> None:
        """A regenerate never silently drops what the person typed."""
        self.conversation.flush_edit()
        edited = self.store.edited_text(message_id)
        drafts = self.store.drafts(message_id)
        if edited is not None and edited.strip() and (not drafts or drafts[-1].text != edited):
            language = drafts[-1].language if drafts else "en"
            self.store.save_draft(message_id, edit_as_draft(edited, language))

    def action_history(self, step: int) -> None:
        message_id = self._current_or_warn()
        if message_id is None or message_id in self.working:
            return
        self.conversation.flush_edit()
        drafts = self.store.drafts(message_id)
        if not drafts:
            self.notify("No drafts yet.", severity="warning")
            return
        edited = self.store.edited_text(message_id)
        if edited is not None and edited != drafts[-1].text:
            drafts.append(edit_as_draft(edited, drafts[-1].language))
        position = self._history_position.get(message_id, len(drafts) - 1) + step
        position = max(0, min(position, len(drafts) - 1))
        self._history_position[message_id] = position
        self.conversation.show_history_entry(drafts, position)

    def action_relabel(self, label: str) -> None:
        message_id = self._current_or_warn()
        if message_id is None:
            return
        if message_id in self.working:
            # Before its first verdict the work is the judging, not a draft.
            doing = "draft" if self.store.verdict(message_id) else "verdict"
            self.notify(f"Wait for the current {doing} to finish.", severity="warning")
            return
        self._keep_edit_in_history(message_id)
        self.store.record_relabel(message_id, Label(label).value)
        self.refresh_row(message_id)
        self.redraft(message_id)
        self.rejudge_after_correction()

    def action_open_linkedin(self) -> None:
        message_id = self._current_or_warn()
        if message_id is None:
            return
        conversation_id = self.inbox.rows_by_id[message_id].conversation_id
        if conversation_id.startswith("manual-"):
            self.notify("This message was added by hand; it has no LinkedIn thread.")
            return
        url = thread_url(conversation_id)
        # webbrowser.open says False when no browser could be started (a server, SSH).
        if self._open_url(url) is False:
            self.push_screen(ShowLinkModal(url), lambda copy: self._copy_link(url, copy))

    def _copy_link(self, url: str, copy: bool | None) -> None:
        if copy:
            way = self._copy(url) or "copied"
            self.notify("The thread's link: paste it into a browser.", title=copied_title(way))

    def action_add_message(self) -> None:
        on_demo = self.store.has_messages_from(DEMO_SOURCE)
        self.push_screen(AddMessageModal(on_demo), self._added_message)

    def _added_message(self, message: ManualMessage | None) -> None:
        if message is None:
            return
        if message.first_degree:
            # Known by name only (a hand-added message has no profile URL), as the
            # connections of an export whose URLs are hidden.
            first, _, last = message.sender_name.partition(" ")
            connection = Connection(first, last, connected_on=message.connected_on)
            self.store.upsert_connections([connection])
        message_id = self.store.add_manual_message(message.sender_name, message.text)
        self.reload_inbox()
        if message_id in self.inbox.rows_by_id:
            self.inbox.move_cursor(row=self.inbox.get_row_index(message_id))
        self.assess_one(message_id)

    def on_item_assessed(self, event: ItemAssessed) -> None:
        # Textual then calls BackgroundWork.on_item_assessed itself (handlers run down the
        # MRO), so calling super() here would count every result twice.
        if event.assessment.error:
            self._error_kinds[event.message_id] = event.assessment.error_kind

    def action_next_filter(self) -> None:
        self.set_filter(next_filter(self.filter))

    def set_filter(self, name: str) -> None:
        if name not in FILTERS:
            raise ValueError(f"unknown filter {name!r}")
        self.filter = name
        self.reload_inbox()

    def set_needs_reply_days(self, days: int) -> None:
        self.needs_reply_days = days
        self.reload_inbox()
        self.classify_pending()  # a wider window lists older threads: judge them too

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.search = event.value.strip()
        self.reload_inbox(keep_cursor=True)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.inbox.focus()

    def action_help(self) -> None:
        rows = list(TABLE_KEYS)
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            rows.append((self.get_key_display(binding), binding.tooltip or binding.description))
        self.push_screen(HelpScreen(rows))

    async def action_quit(self) -> None:
        self.save_and_exit()

    def save_and_exit(self) -> None:
        self.conversation.flush_edit()
        self.exit()

    async def on_unmount(self) -> None:
        if not self.is_headless:
            default_on_signals()
        # LLM backends hold an HTTP connection pool that must close on this event loop.
        await self.assistant.aclose()

    # ------------------------------------------------------------------ command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from commands.system_commands(self)

    def use_assistant(self, assistant: Assistant, backend_label: str) -> None:
        """Swap the backend (from the command palette); work in flight finishes on the old one."""
        self.assistant = assistant
        self.backend_label = backend_label
        self._show_backend()
        self.notify(f"Now using {backend_label} {self.status_bar.prompts}".strip() + ".")
        self.retry_llm()  # the rows that failed, or that the offline model stood in for

    def _show_backend(self) -> None:
        self.sub_title = self.backend_label
        self.status_bar.backend = self.backend_label
        if not self.assistant.backend.capabilities.uses_prompts:
            self.status_bar.prompts = ""
            return
        versions = {**self.settings.prompts, **self.prompt_versions}
        self.status_bar.prompts = " ".join(f"{name}@{v}" for name, v in sorted(versions.items()))
