"""Closing the terminal (SIGHUP: a closed window, `tmux kill-session`) or `kill` (SIGTERM)
stops the app the way `q` does: whatever is still unsaved is saved and the terminal is
restored. Left to their default, either signal ends the process on the spot."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable

STOP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)


def stop_on_signals(stop: Callable[[], None]) -> None:
    """Call `stop` on the running event loop when a stop signal arrives (main thread only)."""
    loop = asyncio.get_running_loop()
    for stop_signal in STOP_SIGNALS:
        loop.add_signal_handler(stop_signal, stop)


def default_on_signals() -> None:
    loop = asyncio.get_running_loop()
    for stop_signal in STOP_SIGNALS:
        loop.remove_signal_handler(stop_signal)
