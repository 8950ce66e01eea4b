"""The owner's own sent messages, each with the message it answered: what the voice is
learned from (reply_assistant.voice)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from reply_assistant.store.base import StoreBase, from_owner_sql


@dataclass(frozen=True, slots=True)
class OwnerReply:
    text: str  # what the owner wrote
    recipient: str  # the name of the person it went to ("" in a group without one)
    recipient_key: str  # their profile URL, or their name when the URL is hidden
    answered: str  # the other person's message just before it ("" when the owner wrote first)


class OwnerRepliesMixin(StoreBase):
    def owner_replies(self, limit: int = 2000) -> list[OwnerReply]:
        """The owner's text messages, newest first, at most `limit`."""
        # Under the lock: the UI builds the offline model, and learns the voice with it,
        # in a worker thread (see StoreBase).
        with self._lock:
            rows = self._db.execute(
                f"""SELECT m.text, m.recipients,
                           (SELECT p.text FROM messages p
                            WHERE p.conversation_id = m.conversation_id AND p.kind = 'text'
                              AND p.sent_at < m.sent_at AND NOT {from_owner_sql("p")}
                            ORDER BY p.sent_at DESC LIMIT 1) AS answered
                    FROM messages m
                    WHERE {from_owner_sql("m")} AND m.kind = 'text' AND m.text != ''
                    ORDER BY m.sent_at DESC LIMIT :limit""",
                {**self._owner_params(), "limit": limit},
            ).fetchall()
        replies = []
        for row in rows:
            recipients = _recipients(row["recipients"])
            name, url = recipients[0] if len(recipients) == 1 else ("", "")
            replies.append(OwnerReply(row["text"], name, url or name, row["answered"] or ""))
        return replies


def _recipients(raw: str) -> list[tuple[str, str]]:
    try:
        return [(str(name), str(url)) for name, url in json.loads(raw)]
    except (ValueError, TypeError):
        return []
