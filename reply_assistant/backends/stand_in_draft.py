"""The offline template draft that stands in when an LLM's draft cannot be used.

A draft that copies its prompt or the message, or that never parses, is no reply: the
person is better served by the offline model's plain draft for the same verdict, marked as
such, than by an error or a copy of the pitch they are declining.
"""

from __future__ import annotations

from reply_assistant.backends.offline.drafts import compose_for_owner
from reply_assistant.config import Profile
from reply_assistant.models import Draft, Incoming, Provenance, Usage, VerdictOutput
from reply_assistant.voice import Voice

STAND_IN_MODEL = "templates"
STAND_IN_VERSION = "offline template"


def stand_in_draft(
    item: Incoming,
    verdict: VerdictOutput,
    profile: Profile,
    *,
    why: str,
    voice: Voice | None = None,
    usage: Usage | None = None,
    cost_usd: float | None = None,
    latency_ms: float = 0.0,
) -> Draft:
    """The offline draft for `verdict`; its provenance says `why` and carries what the LLM
    calls spent (`usage`, `cost_usd`, `latency_ms`)."""
    text, language = compose_for_owner(item, verdict, profile, voice=voice)
    provenance = Provenance(
        backend="offline",
        model=STAND_IN_MODEL,
        prompt_version=STAND_IN_VERSION,
        usage=usage or Usage(),
        cost_usd=cost_usd,
        latency_ms=latency_ms,
        stood_in_for=why,
    )
    return Draft(text=text, language=language, provenance=provenance)
