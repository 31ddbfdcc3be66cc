"""The shape every result shares: titled tables (:class:`Section`) of plain rows
(:class:`Table`) or DataFrames, each with the caption that says what produced it.

Results on every floor build these; :mod:`decide.rendering` turns them into text, HTML,
Markdown, LaTeX, CSV, JSON and workbooks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Table:
    """A small table without pandas: column names and rows of plain values.

    Results whose text output must start fast (``decide list``) use it; every
    renderer accepts it wherever it accepts a DataFrame.

    >>> Table(["actor", "strategies"], [("China", 11)]).to_pandas().shape
    (1, 2)
    """

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def itertuples(self, index: bool = False) -> Iterator[tuple[Any, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def is_numeric(self, position: int) -> bool:
        """Whether every value of a column is a number (not a bool)."""
        values = [row[position] for row in self.rows]
        return bool(values) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.columns)


@dataclass(frozen=True)
class Section:
    """One titled table of a result, with the caption that says what produced it.

    ``note`` is a footnote printed under the table in every format (who dominates
    the marked strategies, say); ``compact`` is a narrower version of ``frame`` that
    the terminal shows unless ``--wide`` is given.
    """

    title: str
    caption: str
    frame: pd.DataFrame | Table
    note: str = ""
    compact: pd.DataFrame | Table | None = None
    #: added to the note when ``compact`` is shown (what its abbreviations mean)
    compact_note: str = ""


class Exportable(Protocol):
    def sections(self) -> list[Section]: ...
    def to_frame(self, provenance: bool = False) -> Any: ...
    def to_dict(self) -> dict[str, Any]: ...


__all__ = ["Exportable", "Section", "Table"]
