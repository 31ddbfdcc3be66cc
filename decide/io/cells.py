"""The cells of a spreadsheet as decide reads them (:mod:`decide.io.sheet` for the matrix sheets,
:mod:`decide.io.sheet_panel` for a group matrix's analysts): a sheet's grid of values, the names of
its cells (``B7``) and a cell read as a number.

>>> cell_name(6, 27), cell_number(" 2.5 "), cell_number("2,5")
('AB7', 2.5, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

#: A number as a cell's text may write it.
NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"


def column_letter(index: int) -> str:
    """The spreadsheet name of a 0-based column: 0 -> A, 27 -> AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """``B7`` for 0-based (6, 1)."""
    return f"{column_letter(column)}{row + 1}"


@dataclass
class Grid:
    """One sheet's cells (rows of values, ``None`` when empty), its formulas without a saved value
    and its merged ranges (``B1:C1``)."""

    name: str
    rows: list[list[Any]]
    unsaved: dict[tuple[int, int], str] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int, str]] = field(default_factory=list)  # rows and columns, 0-based

    def value(self, row: int, column: int) -> Any:
        cells = self.rows[row] if row < len(self.rows) else []
        value = cells[column] if column < len(cells) else None
        return None if isinstance(value, str) and not value.strip() else value


def cell_text(value: Any) -> str:
    """A cell as stripped text (empty: ``""``)."""
    return "" if value is None else str(value).strip()


def cell_number(value: Any) -> float | None:
    """A cell as a finite number (numbers, or text that reads as one), else ``None``."""
    import math

    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str) and re.fullmatch(rf"\s*{NUMBER}\s*", value.replace("_", "")):
        return float(value.replace("_", ""))
    return None


def whole(number: float) -> int | float:
    """``6.0`` as ``6``, as a file would write it."""
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


__all__ = ["NUMBER", "Grid", "cell_name", "cell_number", "cell_text", "column_letter", "whole"]
