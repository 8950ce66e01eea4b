"""Acting on more than one conversation at once: sender marks and bulk actions.

A mixin of ReplyAssistantApp. Each action is one entry in the store's undo log, so `u`
takes back a whole mark or a whole bulk action, and its toast says how many it covered.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import TYPE_CHECKING

from reply_assistant.models import Action, Label
from reply_assistant.store.sender_marks import UndoneAction
from reply_assistant.tui.inbox.filter_bar import FILTERS
from reply_assistant.tui.modals.bulk_action import BulkActionModal, BulkChoice
from reply_assistant.tui.modals.mark_sender import MarkSenderModal

if TYPE_CHECKING:
    from textual.app import App

    from reply_assistant.store import Store
    from reply_assistant.tui.conversation.view import ConversationView
    from reply_assistant.tui.inbox.table import InboxTable

    _AppBase = App[None]
else:
    _AppBase = object

MARK_NAMES = {"friend": "a friend", "mute": "muted"}
BULK_DONE = {"done": "marked done", "skip": "skipped", "dismiss": "dismissed", "older": "done"}


def _conversations(count: int) -> str:
    return f"{count} conversation{'s' if count != 1 else ''}"


class Triage(_AppBase):
    """Mixed into ReplyAssistantApp, whose store, inbox and redraft it uses."""

    store: Store
    filter: str
    needs_reply_days: int

    if TYPE_CHECKING:

        @property
        def inbox(self) -> InboxTable: ...

        @property
        def conversation(self) -> ConversationView: ...

        def _current_or_warn(self) -> str | None: ...

        def refresh_row(self, message_id: str) -> None: ...

        def redraft(self, message_id: str) -> None: ...

        def reload_inbox(self, *, keep_cursor: bool = False) -> None: ...

    # ------------------------------------------------------------------ sender marks

    def action_mark_sender(self) -> None:
        message_id = self._current_or_warn()
        if message_id is None:
            return
        sender = self.inbox.rows_by_id[message_id].sender
        current = self.store.sender_mark(message_id)

        def chosen(mark: str | None) -> None:
            if mark == "clear":
                self._clear_mark(sender, message_id)
            elif mark is not None:
                self._mark_sender(message_id, sender, mark)

        self.push_screen(MarkSenderModal(sender, current), chosen)

    def _mark_sender(self, message_id: str, sender: str, mark: str) -> None:
        listed = self.inbox.rows_by_id
        before = {m: row.label for m, row in listed.items()}
        try:
            changed = self.store.mark_sender(message_id, mark)
        except ValueError as exc:
            self.notify(f"Cannot mark this sender: {exc}.", severity="warning")
            return
        relabelled = [m for m in changed if m in listed]
        label = Label.RELATIONSHIP if mark == "friend" else Label.SPAM
        for marked_id in relabelled:
            self.refresh_row(marked_id)
            # A new label needs a draft written for it; muted senders get none.
            if before[marked_id] != label.value and mark == "friend":
                self.redraft(marked_id)
        self.notify(
            f"{sender} is {MARK_NAMES[mark]}: {_conversations(len(relabelled))} now "
            f"{label.value}. u undoes it.",
            title="Sender marked",
        )

    def _clear_mark(self, sender: str, message_id: str) -> None:
        cleared = self.store.clear_sender_mark(message_id)
        if cleared is None or cleared.mark is None:  # a cleared mark always names one
            return
        for cleared_id in cleared.message_ids:
            self.refresh_row(cleared_id)
        self.redraft_missing(cleared.message_ids)
        self.notify(
            f"{sender} is no longer {MARK_NAMES[cleared.mark]}: "
            f"{_conversations(len(cleared.message_ids))} back to the assistant's labels.",
            title="Mark cleared",
        )

    def redraft_missing(self, message_ids: list[str]) -> None:
        """A listed conversation that an undone mark left with a verdict but no draft (its
        drafts were written for the mark's label) gets one for the label it has now."""
        for message_id in message_ids:
            listed = message_id in self.inbox.rows_by_id
            if listed and self.store.verdict(message_id) and not self.store.drafts(message_id):
                self.redraft(message_id)

    # ------------------------------------------------------------------ bulk actions

    def action_bulk(self) -> None:
        if not self.inbox.row_count:
            self._current_or_warn()
            return
        selected = self.inbox.selected
        scope = (
            f"the {len(selected)} selected"
            if selected
            else f"all {self.inbox.row_count} under {FILTERS[self.filter]}"
        )
        since = self.store.needs_reply_since(self.needs_reply_days)
        self.push_screen(BulkActionModal(scope, since.date() if since else None), self._bulk_chosen)

    def _bulk_chosen(self, choice: BulkChoice | None) -> None:
        if choice is None:
            return
        scope = list(self.inbox.selected) or list(self.inbox.rows_by_id)
        rows = [self.inbox.rows_by_id[m] for m in scope if m in self.inbox.rows_by_id]
        open_ids = [row.message_id for row in rows if row.status == "open"]
        if choice.kind == "dismiss":
            verdicts = self.store.current_verdicts(open_ids)
            open_ids = [
                row.message_id
                for row in rows
                if row.message_id in open_ids
                and (row.sponsored or _is_scam(verdicts.get(row.message_id)))
            ]
        elif choice.kind == "older" and choice.before is not None:
            cutoff = datetime.combine(choice.before, time.min, tzinfo=UTC)
            open_ids = [row.message_id for row in rows if row.status == "open"]
            open_ids = [m for m in open_ids if self.inbox.rows_by_id[m].sent_at < cutoff]
        if not open_ids:
            self.notify("Nothing to do: none of them is open and matches.", severity="warning")
            return
        kind = "skip" if choice.kind in ("skip", "dismiss") else "accept"
        self.conversation.flush_edit()
        count = self.store.decide_many(open_ids, kind, note=f"bulk {choice.kind}")
        self.inbox.clear_selection()
        self.reload_inbox(keep_cursor=True)
        self.notify(
            f"{_conversations(count).capitalize()} {BULK_DONE[choice.kind]}. u undoes all of it.",
            title="Bulk action",
        )

    # ------------------------------------------------------------------ undo

    def _undone_toast(self, undone: UndoneAction) -> str:
        if undone.mark:
            return (
                f"Undid the {undone.mark} mark: {_conversations(len(undone.message_ids))} "
                "back to their earlier labels."
            )
        if len(undone.decisions) > 1:
            return f"Undid {undone.kind} on {_conversations(len(undone.decisions))}."
        return f"Undid {undone.kind}."


def _is_scam(verdict) -> bool:
    """A spam verdict with no reply suggested: the assistant's scams (and muted senders)."""
    return verdict is not None and verdict.label is Label.SPAM and verdict.action is Action.NO_REPLY
