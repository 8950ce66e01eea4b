"""Mask contact details before message text leaves the machine (setting `redact`).

Emails, phone numbers and links carry little signal for triage or drafting, and they are
the most private parts of a message. The masks keep the fact that something was there.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Scheme or www links, and bare domains with a common TLD followed by a path ("calendly.com/x").
_URL = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]"
    r"|\b(?:[A-Za-z0-9-]+\.)+(?:com|net|org|io|ai|co|me|ly|app|dev|xyz|info|biz|link)"
    r"/[^\s<>\"']*[^\s<>\"'.,;:!?)\]]",
    re.IGNORECASE,
)
# Candidates only: digits with separators; _phone() then checks the digit count.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{6,}\d(?!\w)")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _phone(match: re.Match[str]) -> str:
    candidate = match.group(0)
    digits = sum(ch.isdigit() for ch in candidate)
    # 9+ digits (8+ with a country code) is a phone number; shorter runs are years,
    # amounts or dates ("2019 - 2023" has eight digits).
    minimum = 8 if candidate.startswith("+") else 9
    if minimum <= digits <= 15 and not _DATE.match(candidate.strip()):
        return "[phone]"
    return candidate


def mask_private(text: str) -> str:
    """Replace emails, links and phone numbers with [email], [link] and [phone]."""
    text = _EMAIL.sub("[email]", text)
    text = _URL.sub("[link]", text)
    return _PHONE_CANDIDATE.sub(_phone, text)
