"""Messages a person sent without text to judge: a file or image only, or nothing at all.

Judged as text they came out "relationship" with a reply about nothing; whatever the
backend, they get one fixed verdict instead: no reply suggested, and a note saying to open
the message on LinkedIn. The note stands where a draft would (as for scams and sponsored
mail), so every front end shows it and no front end offers it as a reply.
"""

from __future__ import annotations

from reply_assistant.backends.base import Backend
from reply_assistant.models import (
    WORDLESS_KINDS,
    Action,
    Draft,
    Incoming,
    Label,
    MessageKind,
    Provenance,
    Verdict,
)

REASONS = {
    MessageKind.ATTACHMENT: "Attachment only — open it on LinkedIn.",
    MessageKind.EMPTY: "No text in the export (deleted, or a kind the export leaves out) — "
    "open it on LinkedIn.",
}
SIGNALS = {MessageKind.ATTACHMENT: "attachment only", MessageKind.EMPTY: "no text"}


def is_wordless(item: Incoming) -> bool:
    return item.kind in WORDLESS_KINDS


def _provenance(backend: Backend) -> Provenance:
    # Recorded as this backend's, so a batch rerun with it counts the message as done.
    return Provenance(
        backend=backend.name,
        model=backend.model,
        prompt_version=backend.prompt_version,
        cost_usd=0.0,
    )


def wordless_verdict(item: Incoming, backend: Backend) -> Verdict:
    return Verdict(
        label=Label.UNCLEAR,
        confidence=1.0,
        reason=REASONS[item.kind],
        signals=[SIGNALS[item.kind]],
        action=Action.NO_REPLY,
        provenance=_provenance(backend),
    )


def wordless_note(item: Incoming, backend: Backend) -> Draft:
    """The note shown in place of a draft, in the parentheses no-reply notes use."""
    return Draft(
        text=f"(No reply suggested: {REASONS[item.kind][0].lower()}{REASONS[item.kind][1:]})",
        language="en",
        provenance=_provenance(backend),
    )
