"""Links into LinkedIn for what an export names, for the UI's `o` and the batch file."""

from __future__ import annotations

from urllib.parse import quote

LINKEDIN_THREAD_URL = "https://www.linkedin.com/messaging/thread/{conversation_id}/"


def thread_url(conversation_id: str) -> str:
    """The LinkedIn thread of an export's conversation id, escaped as one path segment.

    Ids look like `2-ZjE2...==`: `=` stays as LinkedIn writes it, `/`, `+`, `?`, `#` and
    spaces are escaped so the id cannot change the URL's path or query.
    """
    return LINKEDIN_THREAD_URL.format(conversation_id=quote(conversation_id, safe="="))
