"""What the header and the status bar say while the offline model stands in for the LLM:
what actually happened to the LLM's calls, told by the kind of the last failure
(`BackendError.kind`). A server that answers with prose or an HTML page was reached; only
one that never answered is unreachable."""

from __future__ import annotations

from reply_assistant.engine.health import what_happened


def notice(failure_kind: str, model: str) -> str:
    """The status bar's notice, with the key that asks the LLM again."""
    return f"{what_happened(failure_kind, model)} — showing offline verdicts; r to retry"


def header(failure_kind: str) -> str:
    return f"offline ({what_happened(failure_kind)})"
