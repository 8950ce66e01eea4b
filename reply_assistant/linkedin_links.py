"""Links into LinkedIn: threads for what an export names (the UI's `o`, the batch file),
and telling a profile URL from anything else."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

LINKEDIN_THREAD_URL = "https://www.linkedin.com/messaging/thread/{conversation_id}/"
# A member's profile on linkedin.com or a country subdomain (de.linkedin.com), with or
# without the scheme; a query (?trk=...) or fragment after it is not part of who it is.
_PROFILE_URL = re.compile(
    r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/(?P<member>[^/?#\s]+)/*(?:[?#]\S*)?"
)


def thread_url(conversation_id: str) -> str:
    """The LinkedIn thread of an export's conversation id, escaped as one path segment.

    Ids look like `2-ZjE2...==`: `=` stays as LinkedIn writes it, `/`, `+`, `?`, `#` and
    spaces are escaped so the id cannot change the URL's path or query.
    """
    return LINKEDIN_THREAD_URL.format(conversation_id=quote(conversation_id, safe="="))


def profile_slug(profile_url: str) -> str:
    """The member's part of a linkedin.com/in/ profile URL (`jordanpike`), percent-decoded
    and lowercase as the store compares URLs; "" when it is no such URL.

    The scheme and host are left out, so `linkedin.com/in/x` typed by hand and the export's
    `https://www.linkedin.com/in/x` are the same profile."""
    match = _PROFILE_URL.fullmatch(unquote(profile_url.strip()).lower())
    return match.group("member") if match else ""
