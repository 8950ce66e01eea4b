"""Messages that background workers post back to the app (results, never widget pokes)."""

from __future__ import annotations

from textual.message import Message

from reply_assistant.models import Assessment, Draft


class ItemAssessed(Message):
    """A conversation's newest message was classified (and drafted), or failed."""

    def __init__(self, message_id: str, assessment: Assessment) -> None:
        super().__init__()
        self.message_id = message_id
        self.assessment = assessment


class DraftStreamed(Message):
    """More of a regenerated draft arrived; `text` is everything so far."""

    def __init__(self, message_id: str, text: str) -> None:
        super().__init__()
        self.message_id = message_id
        self.text = text


class DraftFinished(Message):
    """A regenerated draft is complete and saved; `error` set when it failed instead."""

    def __init__(self, message_id: str, draft: Draft | None, error: str = "") -> None:
        super().__init__()
        self.message_id = message_id
        self.draft = draft
        self.error = error


class ClassificationProgress(Message):
    def __init__(
        self,
        done: int,
        total: int,
        failed: int = 0,
        drafts_failed: int = 0,
        offline_drafts: int = 0,
    ) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.failed = failed  # of `done`: verdicts that could not be had
        # Drafts that could not be written: their verdicts stand, so they stay classified.
        self.drafts_failed = drafts_failed
        self.offline_drafts = offline_drafts  # written offline: the LLM's were no reply
