"""The Textual terminal UI: inbox on the left, conversation and draft on the right."""
