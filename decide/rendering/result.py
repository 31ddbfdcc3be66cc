"""What every result has in common: titled tables with captions, provenance, text and
notebook rendering, and lookup by actor.

A result implements ``sections()`` (the titled tables that text exports print),
``to_frame(provenance=False)`` and ``to_dict()`` (the JSON shape); :class:`Result`
gives it ``__str__`` (a text table) and ``_repr_html_`` (an HTML table in Jupyter).
A result about several actors keeps one item per actor in ``results`` and is
indexed by actor name, alias or file stem:

>>> import decide
>>> ranking = decide.rank(actors=["China", "Russia"], method="wsm")
>>> ranking["russia"].actor
'Russia'
>>> ranking["Atlantis"]
Traceback (most recent call last):
...
decide.UnknownNameError: unknown actor 'Atlantis'; choose from: China, Russia
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from decide.core.errors import DecideError, UnknownNameError
from decide.core.tables import Section

if TYPE_CHECKING:
    import pandas as pd

    from decide.core.model import Matrix
    from decide.methods.base import Method


def format_weights(weights: Mapping[str, float], source: str | None = None) -> str:
    """``stability=0.3, cost=0.2``: weights as a short text, at most 4 significant digits,
    followed by where they came from when ``source`` is given.

    >>> format_weights({"stability": 0.3, "cost": 0.123456})
    'stability=0.3, cost=0.1235'
    >>> format_weights({"stability": 0.75, "cost": 0.25}, "profile 'frugal'")
    "stability=0.75, cost=0.25 (profile 'frugal')"
    """
    text = ", ".join(f"{name}={weight:.4g}" for name, weight in weights.items())
    return f"{text} ({source})" if source else text


def weights_note(method: Method, weights: Mapping[str, float], source: str | None = None) -> str:
    """``weights stability=0.3, ... (file)`` for a caption, or ``weights not used by simus``."""
    if not method.uses_weights:
        return f"weights not used by {method.name}"
    return f"weights {format_weights(weights, source)}"


def data_note(matrix: Matrix) -> str:
    """``data china.yaml; inferred strategies left out``: the file and every filter applied to it
    (and ``draft scores`` for a matrix drafted by ``decide extract``)."""
    return "; ".join([f"data {matrix.file_name}", *(["draft scores"] if matrix.draft else []), *matrix.filters])


def json_params(method: Method) -> dict[str, Any]:
    """A method's parameters as JSON values (per-criterion texts as written)."""
    return {k: v if isinstance(v, (bool, int, float, type(None))) else str(v) for k, v in method.params.items()}


def json_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A table's rows as JSON objects, the one JSON style of every export: column names with
    ``_`` for spaces, and ``None`` (``null``) for an empty cell (``-``, NaN).

    >>> import pandas as pd
    >>> json_records(pd.DataFrame({"first at low": ["A", "-"], "low": [1.0, float("nan")]}))
    [{'first_at_low': 'A', 'low': 1.0}, {'first_at_low': None, 'low': None}]
    """
    import math

    def empty(value: Any) -> bool:
        return value == "-" or (isinstance(value, float) and math.isnan(value)) or value is None

    return [
        {str(key).replace(" ", "_"): None if empty(value) else value for key, value in row.items()}
        for row in frame.to_dict(orient="records")
    ]


def add_provenance(frame: pd.DataFrame, matrix: Matrix, **columns: Any) -> pd.DataFrame:
    """``frame`` with the data file and the given columns (method, weights, ...) appended."""
    frame["file"] = matrix.file_name
    frame["filters"] = "; ".join(matrix.filters)
    for name, value in columns.items():
        frame[name.replace("_", " ")] = value
    return frame


class Result:
    """Base of every result: a text table when printed, an HTML table in a notebook, a short
    summary as its ``repr()`` in a plain console, and :meth:`render`, :meth:`export` and
    :meth:`plot` (where a chart exists) as methods.

    Results are frozen dataclasses; the short ``repr()`` is kept for every subclass instead of
    the dataclass's field dump (thousands of characters of DataFrames).
    """

    #: How many lines of the text table ``repr()`` shows.
    REPR_LINES = 12

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__repr__" not in cls.__dict__:  # set before @dataclass runs, which then keeps it
            cls.__repr__ = Result.__repr__  # type: ignore[method-assign]

    def sections(self) -> list[Section]:
        raise NotImplementedError

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    def render(self, fmt: str = "table", **options: Any) -> str:
        """This result as text in ``fmt`` (table, markdown, csv, json, latex, html): see :func:`decide.render`."""
        from decide.rendering.formats import render

        return render(self, fmt, **options)

    def export(self, path: str | os.PathLike[str], fmt: str | None = None, **options: Any) -> Path:
        """Write this result to ``path`` atomically, in ``fmt`` or the format its suffix names:
        see :func:`decide.export`."""
        from decide.rendering.formats import export

        return export(self, path, fmt, **options)

    def plot(self, *args: Any, **kwargs: Any) -> Any:
        """This result's chart (a matplotlib Axes); results without one raise :class:`DecideError`."""
        raise DecideError(
            f"{type(self).__name__} has no chart; --plot works with rank, explain, compare, sensitivity, smaa, robust"
        )

    def __str__(self) -> str:
        from decide.rendering.formats import render

        return render(self, "table")

    def __repr__(self) -> str:
        from decide.rendering.formats import render

        lines = render(self, "table", width=80).splitlines()
        if len(lines) > self.REPR_LINES:
            hidden = len(lines) - self.REPR_LINES
            lines = [
                *lines[: self.REPR_LINES],
                f"... {hidden} more lines: print() shows them, .to_frame() gives the data",
            ]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from decide.rendering.formats import notebook_html

        return notebook_html(self)


class ActorResult(Protocol):
    @property
    def matrix(self) -> Matrix: ...


Item = TypeVar("Item", bound=ActorResult)


class PerActor(Result, Generic[Item]):
    """A result with one item per actor in ``results``, indexed by actor name."""

    results: tuple[Item, ...]

    def __getitem__(self, actor: str) -> Item:
        for result in self.results:
            if result.matrix.matches(actor):
                return result
        valid = ", ".join(r.matrix.actor for r in self.results)
        raise UnknownNameError(f"unknown actor '{actor}'; choose from: {valid}")

    def __iter__(self) -> Iterator[Item]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    @property
    def actors(self) -> list[str]:
        return [r.matrix.actor for r in self.results]
