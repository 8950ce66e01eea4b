"""The first name a reply greets someone by, or none when the sender is not a person.

Real exports carry names such as "A Pavan Kalyan" (an initial first, common in South
India), "Dr. Ana Ruiz", "Recruiting Team", "Account Services" and LinkedIn's own
"LinkedIn Member": greeting "Hi A," or "Hi Team," reads as a mail merge, so those get the
neutral greeting instead.
"""

from __future__ import annotations

import re

# A title first: which of the following names a person goes by is not known, and a
# first name after a title is too familiar.
_HONORIFICS = frozenset(
    ("dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "prof", "prof.", "sir",
     "dame", "rev", "rev.", "fr", "fr.", "hon", "hon.")
)  # fmt: skip
# Words that make a sender name an organisation, a team or LinkedIn itself.
_NOT_A_PERSON = frozenset(
    (
        "team", "services", "service", "support", "account", "accounts", "linkedin",
        "recruiting", "recruitment", "talent", "hr", "sales", "marketing", "admin", "info",
        "group", "inc", "inc.", "ltd", "ltd.", "llc", "gmbh", "company", "department",
        "office", "customer", "premium", "learning", "careers", "hiring", "noreply",
    )
)  # fmt: skip
_INITIAL = re.compile(r"[^\W\d_]\.?", re.UNICODE)


def greeting_name(sender_name: str) -> str:
    """`A Pavan Kalyan` -> `Pavan`; `Dr. Ana Ruiz`, `Recruiting Team` -> ``."""
    words = [word.strip(",") for word in sender_name.split()]
    words = [word for word in words if word]
    lowered = [word.casefold() for word in words]
    if not words or lowered[0] in _HONORIFICS or _NOT_A_PERSON.intersection(lowered):
        return ""
    # Leading initials ("A", "K.") stand for a family or village name, not the given name.
    return next((word for word in words if not _INITIAL.fullmatch(word)), "")
