"""Telling people apart: profile URLs are the identity, names the fallback.

Exports spell the same profile differently (`zo%C3%AB-brandt` vs `zoë-brandt`, a trailing
slash, capitals), so URLs are compared by a normalised key.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote

# LinkedIn's name for members whose profile is hidden: many different people share it.
ANONYMOUS_NAME = "LinkedIn Member"


@lru_cache(maxsize=65_536)
def url_key(profile_url: str) -> str:
    """Percent-decoded, lowercased, without surrounding spaces or trailing slashes."""
    return unquote(profile_url.strip()).lower().rstrip("/")


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """A name for matching; empty for the anonymous 'LinkedIn Member'."""
    if name.strip() == ANONYMOUS_NAME:
        return ""
    return " ".join(name.split()).casefold()
