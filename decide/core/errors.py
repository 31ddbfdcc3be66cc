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

import re
from collections.abc import Mapping, Sequence

from decide.core.counts import counted


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
            message += f" (and {counted(len(self.problems) - 1, 'more problem')}: run 'decide validate')"
        super().__init__(message)


class UnknownNameError(DecideError, KeyError):
    """A name (method, actor, format, criterion, parameter) that decide does not know."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class SpecError(DecideError, ValueError):
    """A malformed argument value, such as a weights or parameter string.

    ``field`` names the argument in Python terms (``weights``, ``samples``); the
    command line shows its own option name there instead (``--weights``), so one
    message serves both. ``where`` names the file or actor, if any.

    >>> str(SpecError("is 0; give a whole number >= 1", field="samples"))
    'samples is 0; give a whole number >= 1'
    >>> str(SpecError("all weights are zero", field="weights", where="x.yaml"))
    'x.yaml: weights: all weights are zero'
    """

    def __init__(self, detail: str, *, field: str | None = None, where: str | None = None):
        self.detail, self.field, self.where = detail, field, where
        super().__init__(self.render())

    def render(self, field_names: Mapping[str, str] | None = None) -> str:
        """The message, with ``field`` (and any ``{name}`` in the detail) spelled as
        ``field_names`` says: the CLI's option names."""
        names = field_names or {}
        field = names.get(self.field or "", self.field)
        text = re.sub(r"\{(\w+)\}", lambda match: names.get(match.group(1), match.group(1)), self.detail)
        if field:
            joiner = " " if text.startswith(("is ", "are ", "must ", "cannot ")) else ": "
            text = f"{field}{joiner}{text}"
        return f"{self.where}: {text}" if self.where else text

    def __str__(self) -> str:
        return self.render()


class DecideWarning(UserWarning):
    """Something decide did that the user should know about, such as skipping a bad file
    in a folder when only other actors were asked for. The command line prints
    ``Warning: <message>`` on stderr."""


class MethodError(DecideError):
    """A method cannot rank the given matrix (it would divide by zero, say)."""


# Public types are shown under the name users import them by (``decide.MatrixError``), as httpx does.
for _public in (DecideError, MatrixError, UnknownNameError, SpecError, DecideWarning, MethodError):
    _public.__module__ = "decide"
