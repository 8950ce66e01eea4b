"""Which prompt versions exist: the files under prompt_files/, found without loading the
prompt library (langchain), so the config's `[prompts]` can be checked when it is read."""

from __future__ import annotations

import re
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent / "prompt_files"
# The tags every prompt fences untrusted text with (draft@v4's earlier replies too): the
# prompts defuse them inside that text, and the draft checks fail a reply that has one.
FENCE_TAG_NAMES = (
    "message",
    "thread",
    "sender",
    "verdict",
    "draft",
    "user_earlier_replies",
    "example",
    "their_message",
    "user_reply",
)
_SAFE_PART = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def prompt_names(root: Path = PROMPTS_DIR) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.glob("*.toml")))


def _version_key(version: str) -> tuple[int, str]:
    digits = re.sub(r"\D", "", version)
    return (int(digits) if digits else 0, version)


def prompt_versions(name: str, root: Path = PROMPTS_DIR) -> list[str]:
    return sorted((p.stem for p in (root / name).glob("*.toml")), key=_version_key)


def unknown_prompt(name: str, version: str, root: Path = PROMPTS_DIR) -> str:
    """Why NAME@VERSION has no file, naming what there is; "" when it has one."""
    if not _SAFE_PART.match(name) or name not in prompt_names(root):
        return f"unknown prompt {name!r}; available: {', '.join(prompt_names(root))}."
    if not _SAFE_PART.match(version) or not (root / name / f"{version}.toml").is_file():
        available = ", ".join(f"{name}@{v}" for v in prompt_versions(name, root))
        return f"unknown prompt version {name}@{version}; available: {available}."
    return ""
