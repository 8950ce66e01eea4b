"""A context manager for objects that hold a file or connection and have `close()`."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class ClosedOnExit:
    """`with thing:` closes it on the way out, error or not; subclasses define `close()`."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
