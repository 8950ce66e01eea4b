"""What every command shares: the settings and where the store lives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reply_assistant.config import Settings, default_config_path, default_db_path, load_settings


@dataclass
class AppContext:
    settings: Settings
    db_path: Path
    config_path: Path

    @classmethod
    def create(cls, db_path: Path | None = None, config_path: Path | None = None) -> AppContext:
        config_path = config_path or default_config_path()
        return cls(
            settings=load_settings(config_path),
            db_path=db_path or default_db_path(),
            config_path=config_path,
        )
