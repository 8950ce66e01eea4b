"""The offline model: load time, speed on new and on already-embedded messages, and
quality on the seed dataset's test split. `python benchmarks/bench_offline.py`"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reply_assistant.backends.offline.backend import OfflineBackend  # noqa: E402
from reply_assistant.backends.offline.training import (  # noqa: E402
    packaged_dataset_path,
    read_examples,
)
from reply_assistant.config import Profile  # noqa: E402
from reply_assistant.models import Incoming, SenderFacts  # noqa: E402


def fresh_process_first_verdict() -> float:
    code = (
        "import time; t = time.perf_counter();"
        "from reply_assistant.backends.offline.backend import OfflineBackend;"
        "from reply_assistant.config import Profile;"
        "from reply_assistant.models import Incoming, SenderFacts;"
        "item = Incoming('Happy birthday!', SenderFacts('A B'));"
        "OfflineBackend(Profile()).classify_many([item]);"
        "print(time.perf_counter() - t)"
    )
    return float(subprocess.check_output([sys.executable, "-c", code], text=True))


def main() -> None:
    rows = read_examples(packaged_dataset_path(), split=None)
    items = [Incoming(text=row["text"], sender=SenderFacts(name="Ana Ruiz")) for row in rows]
    print(f"fresh process, import + load + first verdict: {fresh_process_first_verdict():.2f} s")
    backend = OfflineBackend(Profile())
    started, cpu_started = time.perf_counter(), time.process_time()
    verdicts = backend.classify_many(items)
    new, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"new messages ({len(items)}, embedding included): {len(items) / new:,.1f} msg/s")
    # On a shared machine the wall clock measures the neighbours; CPU time (all threads of
    # this process) measures the work.
    print(f"  CPU time: {len(items) / cpu:,.1f} messages per CPU-second")
    started = time.perf_counter()
    for _ in range(20):
        backend.classify_many(items)
    cached = time.perf_counter() - started
    print(f"already embedded: {20 * len(items) / cached:,.0f} msg/s")
    test = [i for i, row in enumerate(rows) if row.get("split") == "test"]
    truth = [rows[i]["label"] for i in test]
    predicted = [verdicts[i].label.value for i in test]
    print(f"seed test split macro-F1: {f1_score(truth, predicted, average='macro'):.3f}")


if __name__ == "__main__":
    main()
