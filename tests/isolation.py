"""The environment tests (and tools/reliability_report.py) run in: the developer's own
config, database and API key stay out."""

from __future__ import annotations

from pathlib import Path

# Settings read from the environment that would point a run at the developer's own
# account, endpoint or model.
PERSONAL_VARIABLES = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_MODEL",
    "REPLY_ASSISTANT_MODEL",
    "REPLY_ASSISTANT_BACKEND",
    "REPLY_ASSISTANT_REDACT",
)


def isolated_variables(home: Path) -> dict[str, str]:
    """Config, state file and XDG directories, all under `home`."""
    return {
        "REPLY_ASSISTANT_CONFIG": str(home / "config.toml"),
        "REPLY_ASSISTANT_DB": str(home / "state.db"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
