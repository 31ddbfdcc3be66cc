"""The exceptions decide raises, all rooted at :class:`DecideError`.

::

    DecideError                 anything decide refuses to do, with a one-line message
    ├── MatrixError             a matrix file is missing, unreadable or invalid
    ├── UnknownNameError        an unknown method, actor, format, criterion or parameter
    ├── SpecError               a malformed option value (--weights, --param)
    └── MethodError             a method cannot rank a given matrix

The command line prints ``Error: <message>`` for any of them and exits 1.
"""

from __future__ import annotations

from collections.abc import Sequence


class DecideError(Exception):
    """Base class of every error decide raises on purpose."""


class MatrixError(DecideError):
    """A matrix file is missing, unreadable or invalid.

    ``problems`` holds every problem found, one line each; the message is the
    first of them, with a count of the others.
    """

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        message = self.problems[0]
        if len(self.problems) > 1:
            message += f" (and {len(self.problems) - 1} more problem(s): run 'decide validate')"
        super().__init__(message)


class UnknownNameError(DecideError, KeyError):
    """A name (method, actor, format, criterion, parameter) that decide does not know."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class SpecError(DecideError, ValueError):
    """A malformed option value, such as a ``--weights`` or ``--param`` string."""


class MethodError(DecideError):
    """A method cannot rank the given matrix (it would divide by zero, say)."""
