"""Labelled examples for the evals: JSONL, one message a line, turned into `Incoming`.

Only `id`, `text` and `label` are required, so anyone can point the eval at a file of
their own; the bundled dataset adds sender, subtype, language, split and the thread.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from reply_assistant.models import Incoming, Label, SenderFacts, ThreadTurn
from reply_assistant.sources import find_placeholders

DEFAULT_DATASET_NAME = "linkedin_dms.jsonl"
ALL_SPLITS = "all"


class DatasetError(Exception):
    """A dataset that cannot be read; the message names the file and line."""


class ThreadEntry(BaseModel):
    """An earlier turn: `{"from": "me" | name, "text"}`; the offline trainer's spelling
    (`sender_name`, `from_owner`) is accepted too."""

    model_config = ConfigDict(extra="ignore")

    sender: str = Field(default="", validation_alias=AliasChoices("from", "sender_name", "sender"))
    text: str
    from_owner: bool = False

    def to_turn(self, default_sender: str) -> ThreadTurn:
        from_owner = self.from_owner or self.sender == "me"
        return ThreadTurn(
            sender_name=self.sender or ("" if from_owner else default_sender),
            text=self.text,
            from_owner=from_owner,
        )


class SenderEntry(BaseModel):
    """The sender as an object, when a dataset gives more than a name."""

    model_config = ConfigDict(extra="ignore")

    name: str = ""
    profile_url: str = ""
    first_degree: bool | None = None  # None: the dataset does not say
    connected_on: date | None = None
    sponsored: bool = False
    earlier_pitches: int = 0


class EvalExample(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    text: str
    label: Label
    subject: str = ""  # the SUBJECT line, when the message had one
    sender: str | SenderEntry = ""
    subtype: str = ""
    language: str = ""
    split: str | None = None
    expect: str | None = None  # the action a reply should take: decline, no_reply, reply, ask
    thread: list[ThreadEntry] = Field(default_factory=list)
    first_degree: bool | None = None
    connected_years: float | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @property
    def sender_name(self) -> str:
        return self.sender if isinstance(self.sender, str) else self.sender.name

    def to_incoming(self, today: date | None = None) -> Incoming:
        """The message as the assistant sees it; "me" in the thread is the owner."""
        facts = (
            self.sender if isinstance(self.sender, SenderEntry) else SenderEntry(name=self.sender)
        )
        connected_on = facts.connected_on
        if self.connected_years is not None:
            days = round(365.25 * self.connected_years)
            connected_on = (today or date.today()) - timedelta(days=days)
        first_degree = facts.first_degree if self.first_degree is None else self.first_degree
        return Incoming(
            text=self.text,
            sender=SenderFacts(
                name=facts.name,
                profile_url=facts.profile_url,
                first_degree=first_degree,
                connected_on=connected_on,
                sponsored=facts.sponsored,
                # As the importer does: unfilled mail-merge fields are a fact about the sender.
                placeholders=find_placeholders(self.subject, self.text),
                earlier_pitches=facts.earlier_pitches,
            ),
            thread=tuple(turn.to_turn(facts.name) for turn in self.thread),
            message_id=self.id,
            conversation_id=f"eval-{self.id}",
            subject=self.subject,
        )


@dataclass(frozen=True, slots=True)
class Dataset:
    examples: list[EvalExample]
    paths: list[str]
    sha256: str  # over the files' bytes, in order: which data a run was scored on
    split: str | None  # the split scored; None when every example was (no split in the data)


def default_dataset_path() -> Path:
    """The bundled dataset (reply_assistant/datasets is a link to evals/datasets)."""
    return Path(str(resources.files("reply_assistant") / "datasets" / DEFAULT_DATASET_NAME))


def _parse_line(path: Path, line_no: int, line: str) -> EvalExample:
    where = f"{path}:{line_no}"
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{where}: not valid JSON ({exc.msg}).") from exc
    if not isinstance(raw, dict):
        raise DatasetError(f"{where}: each line must be a JSON object.")
    try:
        return EvalExample.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "line"
        raise DatasetError(f"{where}: {field}: {first['msg']}.") from exc


def load_dataset(paths: list[Path], split: str | None = None) -> Dataset:
    """Every example of `paths`; with `split`, only examples of that split (examples
    without a split, e.g. a file that has none, are always kept)."""
    digest = hashlib.sha256()
    examples: list[EvalExample] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DatasetError(f"{path}: cannot be read ({exc.strerror}).") from exc
        digest.update(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DatasetError(f"{path}: not UTF-8 text.") from exc
        for line_no, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            example = _parse_line(path, line_no, line)
            if example.id in seen:
                # Runs are compared example by example, so ids must be unique.
                raise DatasetError(
                    f"{path}:{line_no}: id {example.id!r} already used at {seen[example.id]}."
                )
            seen[example.id] = f"{path}:{line_no}"
            examples.append(example)
    splits = sorted({example.split for example in examples if example.split})
    if split and split != ALL_SPLITS and splits:
        if split not in splits:
            raise DatasetError(
                f"no split {split!r} in the dataset; its splits are {', '.join(splits)} "
                f"(or '{ALL_SPLITS}' for every example)."
            )
        examples = [example for example in examples if example.split in (None, split)]
    else:
        split = None  # every example is scored
    if not examples:
        raise DatasetError(f"{', '.join(map(str, paths))}: no examples to score.")
    return Dataset(
        examples=examples,
        paths=[str(path) for path in paths],
        sha256=digest.hexdigest(),
        split=split,
    )
