"""Where backend calls are made: `Engine` for stored messages (scheduling, saving, events)
and its storeless core `Assistant`."""

from reply_assistant.engine.assistant import Assistant, incoming_from_text
from reply_assistant.engine.engine import DEFAULT_CONCURRENCY, Engine, RunOutcome

__all__ = ["DEFAULT_CONCURRENCY", "Assistant", "Engine", "RunOutcome", "incoming_from_text"]
