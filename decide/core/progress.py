"""One progress callback for the running command, so every long analysis can draw a bar
without each verb taking a ``progress`` argument: the command line sets it, the analyses call
:func:`report_progress` (which does nothing when no one listens)."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator

Progress = Callable[[str, int, int], None]

_CURRENT: contextvars.ContextVar[Progress | None] = contextvars.ContextVar("decide_progress", default=None)


@contextlib.contextmanager
def progress_to(callback: Progress | None) -> Iterator[None]:
    """Within this block :func:`report_progress` calls ``callback(label, done, total)``."""
    token = _CURRENT.set(callback)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def report_progress(label: str, done: int, total: int) -> None:
    """Tell the running command's progress bar (if any) that ``done`` of ``total`` are done.

    >>> seen = []
    >>> with progress_to(lambda *a: seen.append(a)):
    ...     report_progress("grid", 1, 4)
    >>> report_progress("grid", 2, 4)  # no one listens: nothing happens
    >>> seen
    [('grid', 1, 4)]
    """
    callback = _CURRENT.get()
    if callback is not None:
        callback(label, done, total)


__all__ = ["Progress", "progress_to", "report_progress"]
