"""What the header and the status bar say while the offline model stands in for the LLM:
what actually happened to the LLM's calls, told by the kind of the last failure
(`BackendError.kind`). A server that answers with prose or an HTML page was reached; only
one that never answered is unreachable."""

from __future__ import annotations

_UNREACHABLE = frozenset({"connection", "timeout"})


def what_happened(failure_kind: str, model: str = "") -> str:
    """In a few words; `model`, when given, names the model whose answers were no use."""
    named = f" ({model})" if model else ""
    if failure_kind in _UNREACHABLE:
        return "LLM unreachable"
    if failure_kind == "auth":
        return "LLM refused the API key"
    if failure_kind == "not_found":
        return f"LLM API or model not found{named}"
    if failure_kind == "rate_limited":
        return "LLM rate limit reached"
    return f"LLM answers unusable{named}"


def notice(failure_kind: str, model: str) -> str:
    """The status bar's notice, with the key that asks the LLM again."""
    return f"{what_happened(failure_kind, model)} — showing offline verdicts; r to retry"


def header(failure_kind: str) -> str:
    return f"offline ({what_happened(failure_kind)})"
