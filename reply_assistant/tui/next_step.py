"""What to do after a failed model call, in one line, by the failure's kind.

Settings are read once, at launch: a rejected key or an unknown model needs a restart (or
the offline backend from the command palette), not a retry. A stored error has lost its
kind, so its text is read for the kinds a retry cannot heal.
"""

from __future__ import annotations

_BY_KIND = {
    "auth": "Set OPENAI_API_KEY (or api_key_file) and restart, or ctrl+p → Backend: offline.",
    "not_found": "Set model (or base_url) in the config and restart, or ctrl+p → offline.",
    "connection": "Start the server or fix OPENAI_BASE_URL, then press r (see: doctor).",
    "rate_limited": "The endpoint is rate limiting: wait a minute, then press r.",
    "bad_request": "Run `reply-assistant doctor` to see what the endpoint accepts, then press r.",
    "invalid_output": "Press r to retry, or pick another prompt version with ctrl+p.",
}
_RETRY = "Press r to retry; `reply-assistant doctor` checks the endpoint if it keeps failing."


def next_step(kind: str, error: str = "") -> str:
    if not kind:
        lowered = error.lower()
        if "api key" in lowered or "no quota" in lowered:
            kind = "auth"
        elif "not found" in lowered:
            kind = "not_found"
        elif "connect" in lowered or "listening" in lowered or "resolve" in lowered:
            kind = "connection"
    return _BY_KIND.get(kind, _RETRY)
