"""Batch mode speed, end to end through the real command.

LLM path: the fake server answers every call after a fixed latency; each message costs two
calls (classify, then draft), so the ideal wall time is messages x 2 x latency /
concurrency. Offline path: a large export from file to result file, with peak memory.

    python benchmarks/bench_batch.py                 # everything (about 3 minutes)
    python benchmarks/bench_batch.py --only offline --offline-messages 20000 --runs 3

The offline figures are for the whole command (Python start, import, judging, result
file), each run into a fresh state file; with --runs N the median and the best are reported
too. The machine's load average is printed with each run: other work on it slows every
figure.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from batch_exports import batch_command, mixed_texts, write_export

from reply_assistant.testing.fake_llm_server import FakeLLMServer


def run_cli(
    export: Path, work: Path, env: dict[str, str], *args: str
) -> tuple[float, float, str, resource.struct_rusage]:
    """(judging seconds as the command reports them, whole-command seconds, output, the
    command's own resource usage: CPU time and peak memory)."""
    out = work / "out.csv"
    log = work / "command.log"
    started = time.perf_counter()
    with log.open("w") as stderr:
        process = subprocess.Popen(
            batch_command(export, out, *args), env=env, stdout=subprocess.DEVNULL, stderr=stderr
        )
        _, status, usage = os.wait4(process.pid, 0)
    whole = time.perf_counter() - started
    output = log.read_text()
    if status != 0:
        raise SystemExit(f"batch failed ({status}):\n{output[-2000:]}")
    judged = float(re.search(r"Batch done in ([\d.]+)s", output).group(1))
    return judged, whole, output, usage


def fresh_env(work: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(
        REPLY_ASSISTANT_DB=str(work / "state.db"),
        REPLY_ASSISTANT_CONFIG=str(work / "config.toml"),
        XDG_CACHE_HOME=str(work / "cache"),
    )
    env.update(extra)
    return env


def bench_llm(messages: int, latency: float, concurrencies: list[int], server_limit: int) -> None:
    print(
        f"LLM path: {messages} messages, {latency * 1000:.0f} ms per call, drafts on, "
        f"server admits {server_limit} calls at once"
    )
    print(f"{'concurrency':>11} {'judging s':>10} {'ideal s':>8} {'ratio':>6} {'msg/s':>7}")
    with FakeLLMServer(latency=latency, max_concurrency=server_limit) as server:
        for concurrency in concurrencies:
            with tempfile.TemporaryDirectory() as tmp:
                work = Path(tmp)
                export = write_export(work / "export", mixed_texts(messages))
                env = fresh_env(work, OPENAI_BASE_URL=server.base_url, OPENAI_API_KEY="sk-bench")
                judged, *_ = run_cli(export, work, env, "--concurrency", str(concurrency))
            ideal = messages * 2 * latency / min(concurrency, server_limit)
            print(
                f"{concurrency:>11} {judged:>10.2f} {ideal:>8.2f} {judged / ideal:>6.2f} "
                f"{messages / judged:>7.1f}"
            )


def train_offline_model(env: dict[str, str]) -> float:
    """Seconds to train and cache the offline model, as a first run ever does once."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", TRAIN_MODEL], env=env, capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started


TRAIN_MODEL = (
    "from reply_assistant.backends.offline.backend import OfflineBackend; "
    "from reply_assistant.config import Profile; OfflineBackend(Profile())"
)


def bench_offline(messages: int, runs: int = 1) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        export = write_export(work / "export", mixed_texts(messages))
        print(
            f"Offline path: {messages} messages (export written in "
            f"{time.perf_counter() - started:.1f}s)"
        )
        # The model is trained once per installation and cached; a run measures the export.
        cache = work / "cache"
        print(
            "  model trained and cached first (once per install): "
            f"{train_offline_model(fresh_env(work / 'train', XDG_CACHE_HOME=str(cache))):.1f}s"
        )
        wholes, peaks = [], []
        for run in range(1, runs + 1):
            state = work / f"run-{run}"
            state.mkdir()
            env = fresh_env(state, XDG_CACHE_HOME=str(cache))
            judged, whole, _, usage = run_cli(export, state, env, "--backend", "offline")
            wholes.append(whole)
            peaks.append(usage.ru_maxrss / 1024)
            print(
                f"  run {run}: judging + drafting {judged:.2f}s; whole command (import, judge, "
                f"write CSV) {whole:.2f}s = {messages / whole:,.0f} msg/s (CPU "
                f"{usage.ru_utime + usage.ru_stime:.2f}s, peak memory {peaks[-1]:.0f} MB, "
                f"load average {os.getloadavg()[0]:.1f})"
            )
            shutil.rmtree(state)  # the next run starts from an empty state file too
        if runs > 1:
            median, best = statistics.median(wholes), min(wholes)
            print(
                f"  median of {runs}: whole command {median:.2f}s = {messages / median:,.0f} "
                f"msg/s (best {best:.2f}s = {messages / best:,.0f} msg/s), peak memory "
                f"{statistics.median(peaks):.0f} MB (max {max(peaks):.0f})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["llm", "offline"])
    parser.add_argument("--messages", type=int, default=2000, help="LLM path messages")
    parser.add_argument("--offline-messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1, help="offline runs (median reported)")
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    if args.only in (None, "offline"):
        bench_offline(args.offline_messages, args.runs)
    if args.only in (None, "llm"):
        bench_llm(args.messages, args.latency, [32], server_limit=64)
        bench_llm(400, args.latency, [4, 8, 16, 32, 64], server_limit=32)


if __name__ == "__main__":
    main()
