"""Versioned prompts: one TOML file per version, `prompts/<name>/<version>.toml`.

A released version never changes. `prompts/manifest.json` records the sha256 of every
released file; a test fails when a file drifts from it, and
`python -m reply_assistant.prompts --update-manifest` adds new versions only.

Templates are langchain-core f-string templates: `{name}` is a variable, literal braces in
the template itself (JSON examples) are written `{{ }}`. Values are never re-parsed, so
braces inside a message are harmless. Every template puts the static part (instructions,
examples) first and the message last, so providers' automatic prompt caching applies.

This module also turns an `Incoming` item into the template variables: the message and
thread are untrusted text, trimmed to a budget and fenced between tags.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.messages import BaseMessage
from langchain_core.prompts import ChatPromptTemplate

from reply_assistant.config import ConfigError, Profile
from reply_assistant.message_budget import (
    CHARS_PER_TOKEN,
    MESSAGE_TOKEN_BUDGET,
    THREAD_TOKEN_BUDGET,
    TURN_TOKEN_BUDGET,
    trim_text,
)
from reply_assistant.models import (
    Incoming,
    SenderFacts,
    ThreadTurn,
    VerdictOutput,
    with_subject_line,
)
from reply_assistant.prompt_catalog import (
    FENCE_TAG_NAMES,
    PROMPTS_DIR,
    prompt_names,
    prompt_versions,
    unknown_prompt,
)
from reply_assistant.voice import NO_EARLIER_REPLIES, NOT_KNOWN

if TYPE_CHECKING:
    from reply_assistant.voice_examples import VoiceContext

MANIFEST_NAME = "manifest.json"

# The fence tags (FENCE_TAG_NAMES) inside untrusted text, to defuse.
_FENCE_TAG = re.compile(rf"<(\s*/?\s*)({'|'.join(FENCE_TAG_NAMES)})\b", re.IGNORECASE)


class PromptError(ConfigError):
    """An unknown or malformed prompt, shown to the user as one sentence."""


@dataclass(frozen=True)
class PromptVersion:
    name: str
    version: str
    description: str
    date: str
    params: dict[str, Any]
    system: str
    user: str
    output_instruction: str  # how to answer in structured (JSON) mode
    stream_instruction: str  # how to answer in plain-text streaming mode ("" if unsupported)
    sha256: str
    path: Path

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def temperature(self) -> float:
        return float(self.params.get("temperature", 0.0))

    @property
    def max_tokens(self) -> int:
        return int(self.params.get("max_tokens", 500))

    @property
    def variables(self) -> list[str]:
        """The names `render` needs."""
        return sorted(set(self._template(stream=False).input_variables))

    def render(self, **values: Any) -> list[BaseMessage]:
        """System then user message, for structured (JSON) output. Extra values are ignored."""
        return self._format(self._template(stream=False), values)

    def render_stream(self, **values: Any) -> list[BaseMessage]:
        """The plain-text variant used for streaming."""
        if not self.stream_instruction:
            raise PromptError(f"{self.ref} has no stream_instruction; it cannot stream.")
        return self._format(self._template(stream=True), values)

    def _format(self, template: ChatPromptTemplate, values: Mapping[str, Any]) -> list[BaseMessage]:
        missing = [name for name in template.input_variables if name not in values]
        if missing:
            raise PromptError(f"{self.ref} needs value(s) for {', '.join(sorted(missing))}.")
        return template.format_messages(**{name: values[name] for name in template.input_variables})

    def _template(self, *, stream: bool) -> ChatPromptTemplate:
        return self._stream_template if stream else self._json_template

    @cached_property
    def _json_template(self) -> ChatPromptTemplate:
        return _build_template(self, self.output_instruction)

    @cached_property
    def _stream_template(self) -> ChatPromptTemplate:
        return _build_template(self, self.stream_instruction)


def _build_template(prompt: PromptVersion, instruction: str) -> ChatPromptTemplate:
    # The answer-format instruction closes the system message: everything before it is
    # shared by the JSON and streaming variants, and the user message (the data) comes last.
    system = f"{prompt.system.rstrip()}\n\n{instruction.strip()}" if instruction else prompt.system
    try:
        return ChatPromptTemplate.from_messages([("system", system), ("human", prompt.user)])
    except ValueError as exc:
        raise PromptError(f"{prompt.path}: the template does not parse: {exc}.") from exc


@dataclass(frozen=True)
class PromptSet:
    """The prompt versions one backend uses."""

    classify: PromptVersion
    draft: PromptVersion

    @classmethod
    def from_versions(cls, versions: Mapping[str, str]) -> PromptSet:
        known = prompt_names()
        unknown = sorted(set(versions) - set(known))
        if unknown:
            raise PromptError(
                f"unknown prompt name(s) {', '.join(unknown)}; known: {', '.join(known)}."
            )
        for required in ("classify", "draft"):
            if required not in versions:
                raise PromptError(f"no version chosen for the {required} prompt.")
        return cls(
            classify=load_prompt("classify", versions["classify"]),
            draft=load_prompt("draft", versions["draft"]),
        )

    @property
    def versions(self) -> dict[str, str]:
        return {"classify": self.classify.version, "draft": self.draft.version}


# ---------------------------------------------------------------- loading


def parse_ref(ref: str) -> tuple[str, str]:
    """`classify@v2` -> ("classify", "v2")."""
    name, sep, version = ref.partition("@")
    if not sep or not name or not version:
        raise PromptError(f"expected NAME@VERSION (e.g. classify@v1), not {ref!r}.")
    return name, version


def load_prompt(name: str, version: str, root: Path = PROMPTS_DIR) -> PromptVersion:
    problem = unknown_prompt(name, version, root)
    if problem:
        raise PromptError(problem)
    return _parse_file(root / name / f"{version}.toml", name, version)


def check_versions(chosen: Mapping[str, str], root: Path = PROMPTS_DIR) -> None:
    """Raises PromptError naming what exists when a chosen prompt or version (one, or a
    comma list as eval compares them) has no file, before anything runs with it."""
    for name, versions in chosen.items():
        for version in versions.split(","):
            if version.strip():
                load_prompt(name, version.strip(), root)


def list_prompts(root: Path = PROMPTS_DIR) -> list[PromptVersion]:
    return [
        load_prompt(name, version, root)
        for name in prompt_names(root)
        for version in prompt_versions(name, root)
    ]


def _parse_file(path: Path, name: str, version: str) -> PromptVersion:
    content = path.read_bytes()
    try:
        data = tomllib.loads(content.decode("utf-8"))
        meta, params, template = data["meta"], data.get("params", {}), data["template"]
        prompt = PromptVersion(
            name=name,
            version=version,
            description=str(meta["description"]),
            date=str(meta["date"]),
            params=dict(params),
            system=template["system"],
            user=template["user"],
            output_instruction=template.get("output_instruction", ""),
            stream_instruction=template.get("stream_instruction", ""),
            sha256=hashlib.sha256(content).hexdigest(),
            path=path,
        )
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PromptError(f"{path} is not valid TOML: {exc}.") from exc
    except KeyError as exc:
        raise PromptError(f"{path} lacks the field {exc.args[0]!r}.") from exc
    if (meta.get("name"), meta.get("version")) != (name, version):
        raise PromptError(f"{path}: [meta] name/version must be {name!r}/{version!r}.")
    # Parse the templates now, so a broken file fails on load rather than mid-batch.
    if "message" not in prompt.variables:
        raise PromptError(f"{path}: the user template must include {{message}}.")
    if prompt.stream_instruction:
        _build_template(prompt, prompt.stream_instruction)
    return prompt


# ---------------------------------------------------------------- manifest


def read_manifest(root: Path = PROMPTS_DIR) -> dict[str, str]:
    path = root / MANIFEST_NAME
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def release_status(prompt: PromptVersion, manifest: Mapping[str, str]) -> str:
    """released (hash matches), unreleased (not in the manifest yet) or modified."""
    recorded = manifest.get(prompt.ref)
    if recorded is None:
        return "unreleased"
    return "released" if recorded == prompt.sha256 else "modified"


def update_manifest(root: Path = PROMPTS_DIR) -> list[str]:
    """Record new versions; a released version whose file changed is an error."""
    manifest = read_manifest(root)
    prompts = list_prompts(root)
    changed = [p.ref for p in prompts if release_status(p, manifest) == "modified"]
    if changed:
        raise PromptError(
            f"released prompt(s) {', '.join(changed)} changed; released versions are "
            "immutable: restore the file and put the change in a new version."
        )
    added = [p.ref for p in prompts if p.ref not in manifest]
    manifest.update({p.ref: p.sha256 for p in prompts if p.ref in added})
    (root / MANIFEST_NAME).write_text(
        json.dumps(dict(sorted(manifest.items())), indent=2) + "\n", encoding="utf-8"
    )
    return added


# ---------------------------------------------------------------- template inputs


def defuse_tags(text: str) -> str:
    """Make fence tags inside untrusted text inert, so it cannot close its own fence."""
    return _FENCE_TAG.sub(lambda m: "‹" + m.group(1) + m.group(2), text)


def render_thread(turns: Sequence[ThreadTurn], token_budget: int = THREAD_TOKEN_BUDGET) -> str:
    """Earlier messages oldest first; the oldest are dropped first to fit the budget."""
    if not turns:
        return "(no earlier messages)"
    budget = token_budget * CHARS_PER_TOKEN
    kept: list[str] = []
    used = 0
    for turn in reversed(turns):
        who = "You (the user)" if turn.from_owner else (turn.sender_name or "Them")
        when = f" {turn.sent_at:%Y-%m-%d}" if turn.sent_at else ""
        line = f"[{defuse_tags(who)}{when}] {defuse_tags(trim_text(turn.text, TURN_TOKEN_BUDGET))}"
        if kept and used + len(line) > budget:
            break
        kept.append(line)
        used += len(line) + 1
    dropped = len(turns) - len(kept)
    notice = [f"[{dropped} earlier messages trimmed]"] if dropped else []
    return "\n".join(notice + kept[::-1])


def render_sender(sender: SenderFacts, first_name: str) -> str:
    if sender.first_degree:
        since = f" since {sender.connected_on:%Y-%m-%d}" if sender.connected_on else ""
        connection = f"1st-degree connection{since}"
    elif sender.first_degree is False:
        connection = "not a 1st-degree connection"
    else:
        connection = "unknown (not a sign either way)"
    placeholders = ", ".join(sender.placeholders) if sender.placeholders else "none"
    lines = [
        f"name: {sender.name or 'unknown'}",
        f"first name: {first_name or 'unknown'}",
        f"connection: {connection}",
        f"sponsored message: {'yes' if sender.sponsored else 'no'}",
        f"unfilled mail-merge placeholders: {placeholders}",
        f"this sender's other messages already judged spam: {sender.earlier_pitches}",
    ]
    return defuse_tags("\n".join(lines))


def render_profile(profile: Profile) -> str:
    never = "\n".join(f"- {rule}" for rule in profile.never) or "- (none)"
    sign_off = profile.sign_off or "(none: end without a sign-off)"
    return "\n".join(
        [
            f"name: {profile.name or '(not set)'}",
            f"role: {profile.role or '(not set)'}",
            f"tone: {profile.tone}",
            f"sign-off: {sign_off}",
            f"languages they write in: {', '.join(profile.languages) or 'en'}",
            "rules they set (never break these):",
            never,
        ]
    )


def owner_line(profile: Profile) -> str:
    if profile.name and profile.role:
        return f"{profile.name} ({profile.role})"
    return profile.name or profile.role or "the user"


def prompt_inputs(
    item: Incoming,
    profile: Profile,
    verdict: VerdictOutput | None = None,
    voice: VoiceContext | None = None,
    *,
    private: bool = False,
) -> dict[str, str]:
    """Every variable any classify/draft template may use; `render` takes what it needs.
    `voice`: the user's style and earlier replies (draft@v4 on); `private`: redacting, so
    none of their earlier messages is sent."""
    values = {
        "owner": owner_line(profile),
        "profile": render_profile(profile),
        "sign_off": profile.sign_off,
        "sender": render_sender(item.sender, item.first_name),
        "first_name": item.first_name,
        "thread": render_thread(item.thread),
        "message": defuse_tags(
            with_subject_line(item.subject, trim_text(item.text, MESSAGE_TOKEN_BUDGET))
        ),
    }
    if verdict is not None:
        values |= {
            "label": str(verdict.label),
            "action": str(verdict.action),
            "reason": defuse_tags(verdict.reason),
            "signals": defuse_tags(", ".join(verdict.signals)) or "none",
        }
    if voice is None:
        return values | {"style": NOT_KNOWN, "own_replies": NO_EARLIER_REPLIES}
    return values | voice.prompt_values(item.read_text, defuse_tags, private=private)


# ---------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reply_assistant.prompts")
    parser.add_argument(
        "--update-manifest",
        action="store_true",
        help="record the hashes of new prompt versions (released ones never change)",
    )
    args = parser.parse_args(argv)
    if not args.update_manifest:
        parser.print_help()
        return 2
    try:
        added = update_manifest()
    except PromptError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"added: {', '.join(added)}" if added else "manifest already up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
