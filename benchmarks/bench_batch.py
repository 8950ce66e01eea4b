"""Batch mode speed, end to end through the real command.

LLM path: the fake server answers every call after a fixed latency; each message costs two
calls (classify, then draft), so the ideal wall time is messages x 2 x latency /
concurrency. Offline path: a large export from file to result file, with peak memory.

    python benchmarks/bench_batch.py                 # everything (about 3 minutes)
    python benchmarks/bench_batch.py --only offline --messages 100000
"""

from __future__ import annotations

import argparse
import os
import re
import resource
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
        **extra,
    )
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
    "from reply_assistant.backends.offline import OfflineBackend; "
    "from reply_assistant.config import Profile; OfflineBackend(Profile())"
)


def bench_offline(messages: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        export = write_export(work / "export", mixed_texts(messages))
        print(
            f"Offline path: {messages} messages (export written in "
            f"{time.perf_counter() - started:.1f}s)"
        )
        env = fresh_env(work)
        # The model is trained once per installation and cached; a run measures the export.
        print(
            f"  model trained and cached first (once per install): {train_offline_model(env):.1f}s"
        )
        judged, whole, _, usage = run_cli(export, work, env, "--backend", "offline")
        print(f"  judging + drafting: {judged:.2f}s = {messages / judged:,.0f} msg/s")
        print(
            f"  whole command (import, judge, write CSV): {whole:.2f}s = "
            f"{messages / whole:,.0f} msg/s (CPU {usage.ru_utime + usage.ru_stime:.2f}s, "
            f"load average {os.getloadavg()[0]:.1f})"
        )
        print(f"  peak memory of the command: {usage.ru_maxrss / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["llm", "offline"])
    parser.add_argument("--messages", type=int, default=2000, help="LLM path messages")
    parser.add_argument("--offline-messages", type=int, default=100_000)
    parser.add_argument("--latency", type=float, default=0.2)
    args = parser.parse_args()
    if args.only in (None, "offline"):
        bench_offline(args.offline_messages)
    if args.only in (None, "llm"):
        bench_llm(args.messages, args.latency, [32], server_limit=64)
        bench_llm(400, args.latency, [4, 8, 16, 32, 64], server_limit=32)


if __name__ == "__main__":
    main()
