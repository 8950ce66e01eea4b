"""The right pane: sender facts, the thread, the verdict and the editable draft."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static, TextArea

from reply_assistant.models import Draft, Incoming, Message, Verdict
from reply_assistant.tui.conversation.render import facts_text, thread_text, verdict_text
from reply_assistant.tui.drafting import USER_BACKEND


@dataclass
class ConversationState:
    """Everything the pane shows for one conversation, read from the store by the app."""

    item: Incoming
    sent_at: datetime | None
    verdict: Verdict | None
    events: list[Message] = field(default_factory=list)  # LinkedIn's rows, by time
    drafts: list[Draft] = field(default_factory=list)
    edited_text: str | None = None
    error: str = ""
    error_kind: str = ""  # BackendError.kind, when known (this session)
    working: bool = False
    status: str = "open"


class DraftArea(TextArea):
    """The editable draft. While it has the focus it takes every letter key, so the footer
    would be empty: its one binding says how to get back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.leave", "Done editing", tooltip="Save and go back to the inbox")
    ]


class ConversationView(Vertical):
    def __init__(
        self,
        now: Callable[[], datetime],
        save_edit: Callable[[str, str], None],
        **kwargs,
    ) -> None:
        """`save_edit(message_id, text)` stores the person's edit; it is called directly (not
        posted) so an edit flushed while the app quits is still written."""
        super().__init__(**kwargs)
        self._now = now
        self._save_edit = save_edit
        self.message_id: str | None = None
        self._loaded_text = ""  # the draft text as the app loaded it, to tell edits apart
        self._stored_text = ""  # as it was last loaded or saved: what the store holds

    def compose(self) -> ComposeResult:
        yield Static(id="facts")
        with VerticalScroll(id="thread-scroll"):
            yield Static("Select a conversation on the left.", id="thread")
        yield Static(id="verdict")
        yield Static("Draft", id="draft-title")
        yield DraftArea(id="draft", soft_wrap=True, read_only=True, show_line_numbers=False)

    @property
    def draft_area(self) -> TextArea:
        return self.query_one("#draft", TextArea)

    @property
    def draft_text(self) -> str:
        return self.draft_area.text

    def show(self, state: ConversationState) -> None:
        self.flush_edit()
        changed_conversation = state.item.message_id != self.message_id
        self.message_id = state.item.message_id
        self.query_one("#facts", Static).update(facts_text(state.item.sender))
        self.query_one("#thread", Static).update(
            thread_text(state.item, self._now(), state.sent_at, state.events)
        )
        if changed_conversation:
            self.query_one("#thread-scroll", VerticalScroll).scroll_end(animate=False)
        self.show_verdict(state)
        newest = state.drafts[-1].text if state.drafts else None
        if state.edited_text is not None and state.edited_text != newest:
            self.load_draft(state.edited_text, "Draft (edited by you)")
        elif state.drafts:
            self.show_history_entry(state.drafts, len(state.drafts) - 1)
        else:
            self.load_draft("", "Draft (none yet)")
        self.draft_area.read_only = state.working

    def show_empty(self, message: str) -> None:
        """Nothing listed: no conversation on the right, only what to do."""
        self.flush_edit()
        self.message_id = None
        self.query_one("#facts", Static).update("")
        self.query_one("#thread", Static).update(Text(message, style="italic"))
        self.query_one("#verdict", Static).update("")
        self.load_draft("", "Draft")
        self.draft_area.read_only = True

    def show_verdict(self, state: ConversationState) -> None:
        self.query_one("#verdict", Static).update(
            verdict_text(
                state.verdict,
                error=state.error,
                error_kind=state.error_kind,
                working=state.working,
                status=state.status,
                message_text=state.item.text,
            )
        )

    def show_history_entry(self, drafts: list[Draft], index: int) -> None:
        draft = drafts[index]
        source = draft.provenance
        made_by = "your edit" if source.backend == USER_BACKEND else source.prompt_version
        if source.stood_in_for:  # why first: the title is cut on a narrow pane
            made_by = f"⚠ offline: {source.stood_in_for}"
        title = f"Draft {index + 1}/{len(drafts)} · {made_by}"
        if source.failed_checks:
            title += f" · ⚠ failed checks: {', '.join(source.failed_checks)}"
        self.load_draft(draft.text, title)

    def load_draft(self, text: str, title: str) -> None:
        """Replace the draft without it counting as the person's edit."""
        self._loaded_text = self._stored_text = text
        with self.prevent(TextArea.Changed):
            self.draft_area.load_text(text)
        self.query_one("#draft-title", Static).update(
            Text(title, no_wrap=True, overflow="ellipsis")
        )

    def set_streaming(self, text: str) -> None:
        self.draft_area.read_only = True
        self.load_draft(text, "Draft (writing…)")

    @property
    def is_edited(self) -> bool:
        return self.draft_text != self._loaded_text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # Saved at every change, not after a pause in typing: one SQLite write (about 0.1 ms)
        # per key is nothing, and a pause is what a closed terminal never waits for.
        event.stop()
        if self.is_edited:
            self.query_one("#draft-title", Static).update("Draft (edited by you)")
        self.flush_edit()

    def flush_edit(self) -> None:
        """Save the draft if it differs from what the store holds. Also called before
        switching away, regenerating or quitting: a key's change may still be on its way
        here then."""
        if self.message_id is not None and self.draft_text != self._stored_text:
            self._save_edit(self.message_id, self.draft_text)
            self._stored_text = self.draft_text
