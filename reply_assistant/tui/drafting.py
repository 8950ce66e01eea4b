"""Turning the person's edits into `Draft` records for the history."""

from __future__ import annotations

from reply_assistant.models import Draft, Provenance

USER_BACKEND = "user"


def edit_as_draft(text: str, language: str) -> Draft:
    """The person's edited text, kept in the history before a regenerate replaces it."""
    return Draft(
        text=text,
        language=language,
        provenance=Provenance(backend=USER_BACKEND, model="", prompt_version="edit"),
    )
