"""numpy's BLAS held to one thread, for work that is faster without BLAS's own threads."""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import cache

from threadpoolctl import ThreadpoolController


@cache
def _controller() -> ThreadpoolController:
    # Finding the loaded BLAS libraries takes about 0.3 ms; a limit on a known
    # controller, about 0.01 ms.
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager[object]:
    """A context in which numpy's BLAS runs on one thread (process-wide)."""
    return _controller().limit(limits=1, user_api="blas")
