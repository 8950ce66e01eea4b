"""Keep the developer's own config, database and API key out of every test; share the
sentence encoder's vectors between tests."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from isolation import PERSONAL_VARIABLES, isolated_variables

# One thread per process for OpenMP (the sentence encoder) and OpenBLAS (numpy): `-n auto`
# already runs a worker per core, and every worker's encoder spreading over all the cores as
# well only oversubscribed them. Measured on 2 cores (a shared machine, so back to back):
# the offline, eval, corrections, training and TUI-key tests took 70 s of CPU and 45 s wall
# with the default threads against 53 s and 37 s with one (twice each); the whole run 209 s
# wall against 184 s. The processes tests start inherit it; a caller's setting wins.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # after the thread count above, which it reads when it loads

FIXTURES = Path(__file__).parent / "fixtures"

# Bytecode is cached for this run even where PYTHONDONTWRITEBYTECODE is set (as on the CI
# machine): otherwise both xdist workers rewrite every test module and every process the
# tests start compiles the package again: 177 s against 154 s for the whole run from a
# fresh clone. Set before the workers and those processes start, so they inherit it.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    for name, value in isolated_variables(home).items():
        monkeypatch.setenv(name, value)
    for name in PERSONAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(autouse=True, scope="session")
def shared_sentence_embeddings() -> Iterator[None]:
    """Each test's offline model starts with an empty vector cache, so the same texts (the
    demo inbox, the eval dataset) were embedded again by every test that reads them: most of
    the suite's time. The encoder is deterministic (a text's vector is bit-identical alone
    or in any batch), so one memo for the session changes no result, only the time. The
    Encoder above it still misses, loads and saves as it would; processes a test starts
    embed on their own."""
    from reply_assistant.backends.offline.e5_numpy import E5Numpy

    embed = E5Numpy.query
    memo: dict[tuple[int, str], np.ndarray] = {}

    def query(model: E5Numpy, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return embed(model, texts)
        missing = [text for text in dict.fromkeys(texts) if (model.layers, text) not in memo]
        if missing:
            vectors = embed(model, missing)
            memo.update(((model.layers, t), v) for t, v in zip(missing, vectors, strict=True))
        return np.stack([memo[model.layers, text] for text in texts])

    query.__wrapped__ = embed  # type: ignore[attr-defined]  # for tests of the encoder itself
    E5Numpy.query = query  # type: ignore[method-assign]
    yield
    E5Numpy.query = embed  # type: ignore[method-assign]


# Collected, a worker holds every test module, Textual, hypothesis and the model, and the
# cyclic collector walked all of it again and again while the Textual tests made their
# short-lived widgets: about a fifth of those tests' CPU. Frozen, those objects are never
# walked; the higher thresholds collect the tests' own garbage less often. Nothing a test
# checks depends on when garbage is collected.
GC_THRESHOLDS = (50_000, 100, 100)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


# The functional tier: tests that start processes, drive the terminal UI or talk to a server
# (the fake LLM's or a real one). Everything else is a unit test. Both tiers are the default
# run; `-m "not functional"` runs the unit tests alone.
FUNCTIONAL_MODULES = (
    "test_tui_",
    "test_real_",
    "test_hardening_",
    "test_batch",
    "test_provider_batch",
    "test_demo_replaced",
    "test_draft_outcomes_pilot",
    "test_doctor",
    "test_cli_main_options",
    "test_cli_closed_stdout",
)
FUNCTIONAL_FIXTURES = {"fake_llm", "real_llm", "llm_env", "snap_compare"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.path.name
        fixtures = set(getattr(item, "fixturenames", ()))
        if module.startswith(FUNCTIONAL_MODULES) or fixtures & FUNCTIONAL_FIXTURES:
            item.add_marker(pytest.mark.functional)


# `fake_llm` (tests/llm_fixtures.py); `real_llm`, a real server and model (real_llm_server.py).
pytest_plugins = ["llm_fixtures", "real_llm_server"]
