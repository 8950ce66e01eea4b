"""Settings: a TOML file at the platformdirs config path, overridden by the environment.

Secrets (the API key) come only from the environment or a key file readable by the user
alone; they are never written to the config file and never printed.
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "reply-assistant"
# A cheap, current model that supports JSON-schema structured output and temperature.
DEFAULT_MODEL = "gpt-4.1-mini"
DEFAULT_PROMPTS = {"classify": "v1", "draft": "v1"}
BACKENDS = ("auto", "offline", "openai")


class ConfigError(Exception):
    """A problem with the user's configuration, shown as one sentence."""


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


def default_config_path() -> Path:
    return Path(os.environ.get("REPLY_ASSISTANT_CONFIG") or config_dir() / "config.toml")


def default_db_path() -> Path:
    return Path(os.environ.get("REPLY_ASSISTANT_DB") or data_dir() / "reply-assistant.db")


@dataclass
class Profile:
    """The person the drafts speak for."""

    name: str = ""
    role: str = ""
    tone: str = "warm, brief, professional"
    signature: str = ""
    languages: list[str] = field(default_factory=lambda: ["en"])
    never: list[str] = field(
        default_factory=lambda: [
            "never agree to a call, meeting or demo on the user's behalf",
            "never promise money, introductions or referrals",
        ]
    )

    @property
    def sign_off(self) -> str:
        return self.signature or (self.name.split()[0] if self.name else "")


@dataclass
class Settings:
    backend: str = "auto"
    base_url: str | None = None
    model: str = DEFAULT_MODEL
    api_key: str | None = field(default=None, repr=False)
    api_key_file: str | None = None
    prompts: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PROMPTS))
    concurrency: int = 8
    timeout_s: float = 60.0
    max_attempts: int = 5
    max_retry_wait_s: float = 60.0
    redact: bool = False
    me: str | None = None  # the owner's profile URL, when detection should be overridden
    # "Needs reply" covers conversations whose last message is at most this many days
    # older than the newest one imported (0: no limit); older ones are under a filter.
    needs_reply_days: int = 90
    profile: Profile = field(default_factory=Profile)

    @property
    def resolved_backend(self) -> str:
        """`auto` means the LLM when a key or endpoint is configured, else offline."""
        if self.backend != "auto":
            return self.backend
        return "openai" if (self.api_key or self.base_url) else "offline"

    def describe_backend(self) -> str:
        if self.resolved_backend == "offline":
            return "offline"
        return f"{self.model} @ {self.base_url or 'api.openai.com'}"

    def public_dict(self) -> dict:
        """Everything but secrets, for `config show`."""
        data = asdict(self)
        data.pop("api_key")
        data["api_key_set"] = bool(self.api_key)
        data["resolved_backend"] = self.resolved_backend
        return data


def _read_key_file(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise ConfigError(f"API key file {path} cannot be read: {exc.strerror}.") from exc
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(
            f"API key file {path} is readable by others; run `chmod 600 {path}` first."
        )
    return path.read_text(encoding="utf-8").strip()


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Defaults, then the TOML file (if any), then environment variables."""
    env = dict(os.environ if env is None else env)
    path = path or default_config_path()
    settings = Settings()
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"Config file {path} is not valid TOML: {exc}.") from exc
        _apply_file(settings, raw, path)

    settings.api_key = env.get("OPENAI_API_KEY") or settings.api_key
    settings.base_url = env.get("OPENAI_BASE_URL") or settings.base_url
    settings.model = env.get("REPLY_ASSISTANT_MODEL") or env.get("OPENAI_MODEL") or settings.model
    settings.backend = env.get("REPLY_ASSISTANT_BACKEND") or settings.backend
    if env.get("REPLY_ASSISTANT_REDACT"):
        settings.redact = env["REPLY_ASSISTANT_REDACT"].lower() in ("1", "true", "yes")
    if not settings.api_key and settings.api_key_file:
        settings.api_key = _read_key_file(Path(settings.api_key_file).expanduser())
    if settings.backend not in BACKENDS:
        raise ConfigError(
            f"backend must be one of {', '.join(BACKENDS)}, not {settings.backend!r}."
        )
    return settings


def _apply_file(settings: Settings, raw: dict, path: Path) -> None:
    if "api_key" in raw:
        raise ConfigError(
            f"{path} holds api_key: keep secrets out of the config file; "
            "set OPENAI_API_KEY or api_key_file (chmod 600) instead."
        )
    profile = raw.pop("profile", {})
    known = {f for f in Settings.__dataclass_fields__ if f not in ("profile", "api_key")}
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}.")
    for key, value in raw.items():
        if key == "prompts":
            settings.prompts.update(value)
        else:
            setattr(settings, key, value)
    if type(settings.needs_reply_days) is not int or settings.needs_reply_days < 0:
        raise ConfigError(f"{path}: needs_reply_days must be a whole number of days, 0 or more.")
    unknown_profile = set(profile) - set(Profile.__dataclass_fields__)
    if unknown_profile:
        raise ConfigError(
            f"{path}: unknown [profile] setting(s) {', '.join(sorted(unknown_profile))}."
        )
    for key, value in profile.items():
        setattr(settings.profile, key, value)


def parse_prompt_overrides(values: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`classify=v2` pairs from `--prompt` options; `classify=v1,v2` keeps the comma list."""
    overrides: dict[str, str] = {}
    for value in values:
        name, sep, version = value.partition("=")
        if not sep or not name or not version:
            raise ConfigError(f"--prompt takes NAME=VERSION (e.g. classify=v2), not {value!r}.")
        overrides[name.strip()] = version.strip()
    return overrides
