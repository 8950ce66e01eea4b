"""Reply Assistant: triage a professional inbox and draft replies for a person to review."""

__version__ = "0.1.0"
