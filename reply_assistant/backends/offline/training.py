"""The packaged labelled dataset, read as the eval runner needs it (the offline model
itself ships fitted: `evals/train_offline.py`)."""

from __future__ import annotations

import json
import logging
from importlib import resources
from pathlib import Path
from typing import Any

from reply_assistant.models import Label

log = logging.getLogger(__name__)

DATASET_NAME = "linkedin_dms.jsonl"
_LABELS = {label.value for label in Label}


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
