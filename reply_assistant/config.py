"""Settings: a TOML file at the platformdirs config path, overridden by the environment.

Every setting has a type and is validated on load; a wrong key or type is one `ConfigError`
naming the file (or environment variable), the key and what it should be. The file is only
ever read, never rewritten. Secrets (the API key) come only from the environment or a key
file readable by the user alone; they are never written to the config file and never
printed.

The models are pydantic dataclasses, not `BaseSettings`: callers build and `replace()`
settings as plain values, which must not pick up the environment behind their back, and
an error must say whether the file or the environment held the bad value.
"""

from __future__ import annotations

import json
import os
import stat
import string
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, field, replace
from pathlib import Path
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlsplit

import platformdirs
from pydantic import AfterValidator, ConfigDict, Field, Strict, TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass

from reply_assistant.linkedin_links import profile_slug
from reply_assistant.prompt_catalog import unknown_prompt

APP_NAME = "reply-assistant"
# A cheap, current model that supports JSON-schema structured output and temperature.
DEFAULT_MODEL = "gpt-4.1-mini"
DEFAULT_PROMPTS = {"classify": "v1", "draft": "v1"}
BackendName = Literal["auto", "offline", "openai"]
BACKENDS: tuple[str, ...] = get_args(BackendName)
# The backends "auto" chooses between: the built-in offline model and an OpenAI-compatible LLM.
OFFLINE, OPENAI = BACKENDS[1:]

# Strict: TOML has real booleans and numbers, so `redact = "no"` or `concurrency = "8"` is
# a mistake to name, not a string to guess at (any non-empty string used to mean true).
Text = Annotated[str, Strict()]
Flag = Annotated[bool, Strict()]
Texts = Annotated[list[Text], Strict()]
_STRICT_UNKNOWN_KEYS = ConfigDict(extra="forbid")


def _profile_url(value: str) -> str:
    if not profile_slug(value):
        # The message says what the value should be: _describe puts it after "should be".
        raise ValueError("a LinkedIn profile URL (https://www.linkedin.com/in/...)")
    return value


ProfileUrl = Annotated[Text, AfterValidator(_profile_url)]


_ONLY_NAME = 'text with {name} as its only placeholder (e.g. "Hey {name},")'


def _greeting_template(value: str) -> str:
    """Drafts fill in `{name}` with str.format, so any other field, a conversion or format
    spec, or a brace left open would stop every draft; `{{` and `}}` are braces as such."""
    try:
        fields = [part[1:] for part in string.Formatter().parse(value) if part[1] is not None]
    except ValueError:
        raise ValueError(_ONLY_NAME) from None
    if any(field != ("name", "", None) for field in fields):
        raise ValueError(_ONLY_NAME)
    return value


GreetingTemplate = Annotated[Text, AfterValidator(_greeting_template)]


_ENDPOINT_URL = "an http:// or https:// URL with a host, e.g. http://localhost:11434/v1"


def _endpoint_url(value: str) -> str:
    """The OpenAI client takes any string and fails on the first call (after retries)."""
    try:
        parts = urlsplit(value)
    except ValueError:  # an unclosed [IPv6 address
        raise ValueError(_ENDPOINT_URL) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(_ENDPOINT_URL)
    return value


def _language_code(value: str) -> str:
    import langcodes  # its data takes a tenth of a second: only for a file that lists some

    if not langcodes.tag_is_valid(value):
        raise ValueError('a language code such as "en" or "pt-BR"')
    return value


EndpointUrl = Annotated[Text, AfterValidator(_endpoint_url)]
LanguageCodes = Annotated[list[Annotated[Text, AfterValidator(_language_code)]], Strict()]


def _existing_prompts(chosen: dict[str, str]) -> dict[str, str]:
    """The check `--prompt` gets, so a version that does not exist stops the command now,
    not at the first LLM call."""
    problem = next(filter(None, (unknown_prompt(n, v) for n, v in chosen.items())), "")
    if problem:
        raise ValueError(f"prompt versions that exist ({problem.rstrip('.')})")
    return chosen


PromptChoice = Annotated[dict[Text, Text], Strict(), AfterValidator(_existing_prompts)]


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


@dataclass(config=_STRICT_UNKNOWN_KEYS)
class VoiceSettings:
    """`[profile.voice]`: overrides of the habits learned from sent messages (see
    reply_assistant.voice); what is left unset is learned."""

    greeting: GreetingTemplate | None = None  # "Hey {name}" / "Hi {name}," / "" for none
    closing: Text | None = None  # "Cheers" / "Best," / "" for none
    signature: Text | None = None
    emoji: Flag | None = None
    formality: Literal["formal", "informal"] | None = None


@dataclass(config=_STRICT_UNKNOWN_KEYS)
class Profile:
    """The person the drafts speak for."""

    name: Text = ""
    role: Text = ""
    tone: Text = "warm, brief, professional"
    signature: Text = ""
    languages: LanguageCodes = field(default_factory=lambda: ["en"])
    never: Texts = field(
        default_factory=lambda: [
            "never agree to a call, meeting or demo on the user's behalf",
            "never promise money, introductions or referrals",
        ]
    )
    voice: VoiceSettings = field(default_factory=VoiceSettings)

    @property
    def sign_off(self) -> str:
        return self.signature or (self.name.split()[0] if self.name else "")


@dataclass(config=_STRICT_UNKNOWN_KEYS)
class Settings:
    backend: BackendName = "auto"
    base_url: EndpointUrl | None = None
    model: Text = DEFAULT_MODEL
    api_key: Text | None = field(default=None, repr=False)
    api_key_file: Text | None = None
    prompts: PromptChoice = field(default_factory=lambda: dict(DEFAULT_PROMPTS))
    concurrency: Annotated[int, Strict(), Field(ge=1)] = 8
    timeout_s: Annotated[float, Strict(), Field(gt=0)] = 60.0
    max_attempts: Annotated[int, Strict(), Field(ge=1)] = 5
    max_retry_wait_s: Annotated[float, Strict(), Field(ge=0)] = 60.0
    redact: Flag = False
    me: ProfileUrl | None = None  # the owner's profile URL, when detection should be overridden
    # "Needs reply" covers conversations whose last message is at most this many days
    # older than the newest one imported (0: no limit); older ones are under a filter.
    needs_reply_days: Annotated[int, Strict(), Field(ge=0)] = 90
    profile: Profile = field(default_factory=Profile)

    @property
    def resolved_backend(self) -> str:
        """`auto` means the LLM when a key or endpoint is configured, else offline."""
        if self.backend != "auto":
            return self.backend
        return OPENAI if (self.api_key or self.base_url) else OFFLINE

    def describe_backend(self) -> str:
        if self.resolved_backend == OFFLINE:
            return OFFLINE
        return f"{self.model} @ {self.base_url or 'api.openai.com'}"

    def public_dict(self) -> dict:
        """Everything but secrets, for `config show`."""
        data = asdict(self)
        data.pop("api_key")
        data["api_key_set"] = bool(self.api_key)
        data["resolved_backend"] = self.resolved_backend
        return data


# Each setting the environment can override, with its variables, first set one wins.
_ENVIRONMENT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("api_key", ("OPENAI_API_KEY",)),
    ("base_url", ("OPENAI_BASE_URL",)),
    ("model", ("REPLY_ASSISTANT_MODEL", "OPENAI_MODEL")),
    ("backend", ("REPLY_ASSISTANT_BACKEND",)),
    ("redact", ("REPLY_ASSISTANT_REDACT",)),
)
# Environment values are text, so here pydantic's usual reading applies: 1/0, true/false,
# yes/no, on/off; anything else is an error rather than a silent false.
_ENVIRONMENT_FLAG = TypeAdapter(bool)

# What a value should be, in the words of a TOML file, for pydantic's error types.
_EXPECTED = {
    "bool_type": "true or false (unquoted)",
    "bool_parsing": "1, 0, true, false, yes or no",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "string_type": "a string in quotes",
    "list_type": "a list of strings",
    "dict_type": "a table",
    "dataclass_type": "a table",
}


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Defaults, then the TOML file (if any), then environment variables."""
    env = dict(os.environ if env is None else env)
    path = path or default_config_path()
    settings = _read_file(path) if path.exists() else Settings()
    settings = _apply_environment(settings, env)
    if not settings.api_key and settings.api_key_file:
        settings = replace(
            settings, api_key=_read_key_file(Path(settings.api_key_file).expanduser())
        )
    return settings


def _read_file(path: Path) -> Settings:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Config file {path} is not valid TOML: {exc}.") from exc
    except OSError as exc:  # a directory of that name, or a file only another user may read
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(f"Config file {path} cannot be read ({reason}).") from exc
    if "api_key" in raw:
        raise ConfigError(
            f"{path} holds api_key: keep secrets out of the config file; "
            "set OPENAI_API_KEY or api_key_file (chmod 600) instead."
        )
    if isinstance(raw.get("prompts"), dict):  # a file names only the versions it changes
        raw["prompts"] = {**DEFAULT_PROMPTS, **raw["prompts"]}
    try:
        return Settings(**raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc)}.") from None


def _variable_for(key: str, env: Mapping[str, str]) -> str | None:
    """The environment variable that sets `key`: the first of its variables holding more
    than blanks (`OPENAI_API_KEY="  "` is no key)."""
    variables = next((names for name, names in _ENVIRONMENT if name == key), ())
    return next((name for name in variables if env.get(name, "").strip()), None)


def setting_source(key: str, config_path: Path, env: Mapping[str, str] | None = None) -> str:
    """Where a person would change the value `key` has: the variable that sets it, else
    the key in the config file."""
    variable = _variable_for(key, os.environ if env is None else env)
    return variable or f"{key} in {config_path}"


def _apply_environment(settings: Settings, env: dict[str, str]) -> Settings:
    for key, _ in _ENVIRONMENT:
        variable = _variable_for(key, env)
        if variable is None:
            continue
        try:
            value: Any = env[variable].strip()
            if key == "redact":
                value = _ENVIRONMENT_FLAG.validate_python(value)
            settings = replace(settings, **{key: value})
        except ValidationError as exc:
            raise ConfigError(f"environment variable {variable}: {_describe(exc, key)}.") from None
    return settings


def _describe(error: ValidationError, key: str | None = None) -> str:
    """Every problem in one line: the key, what it should be and what it is."""
    problems = []
    for problem in error.errors():
        name = key or ".".join(str(part) for part in problem["loc"])
        if problem["type"] == "unexpected_keyword_argument":
            problems.append(f"unknown setting {name}")
            continue
        if problem["type"] == "value_error":  # our own validators say what is expected
            expected = str(problem["ctx"]["error"])
        else:
            expected = _EXPECTED.get(problem["type"]) or problem["msg"].removeprefix(
                "Input should be "
            )
        shown = json.dumps(problem["input"], ensure_ascii=False, default=str)
        if name == "api_key" or len(shown) > 40:
            shown = type(problem["input"]).__name__
        problems.append(f"{name} should be {expected}, not {shown}")
    return "; ".join(problems)


def _read_key_file(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise ConfigError(f"API key file {path} cannot be read: {exc.strerror}.") from exc
    if stat.S_ISDIR(mode):
        raise ConfigError(
            f"API key file {path} is a directory; set api_key_file to the file holding the key."
        )
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(
            f"API key file {path} is readable by others; run `chmod 600 {path}` first."
        )
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:  # private to another user, say
        raise ConfigError(f"API key file {path} cannot be read: {exc.strerror}.") from exc
    except UnicodeDecodeError:
        raise ConfigError(
            f"API key file {path} is not text; it should hold the key alone."
        ) from None


def parse_prompt_overrides(values: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`classify=v2` pairs from `--prompt` options; `classify=v1,v2` keeps the comma list."""
    overrides: dict[str, str] = {}
    for value in values:
        name, sep, version = value.partition("=")
        if not sep or not name or not version:
            raise ConfigError(f"--prompt takes NAME=VERSION (e.g. classify=v2), not {value!r}.")
        overrides[name.strip()] = version.strip()
    return overrides
