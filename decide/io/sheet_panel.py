"""The ``analysts`` sheet of a group matrix's workbook: the ``group:`` block of ``decide group -o
team.yaml`` (:mod:`decide.io.panel`) as a sheet a person can read and edit, beside the ``matrix``
sheet (``analysts ACTOR`` beside ``matrix ACTOR``), so that the workbook reads back with its analysts.

::

    actor     | Testland                        <- whose analysts (pairs the sheet with its matrix)
    aggregate | median                          <- the rules: how the group scores were made
    spread    | minmax                             (optional; these are the defaults)
    tolerance | 2
              |
    weights   | stability | cost               <- each analyst's weights: one row per analyst
    kim       | 0.6       | 0.4
    lee       | 0.5       | 0.5
              |
    analyst   | strategy  | stability | cost   <- each analyst's scores: one row per analyst
    kim       | A         | 4         | 2         and strategy
    kim       | B         | 6         | 5
    lee       | A         | 5         | 3
    lee       | B         | 7         | 4

The tables are read by their header rows (first cell ``weights``, then ``analyst`` followed by
``strategy``, any case); blank rows are ignored. The ``actor`` row pairs the sheet with the
matrix of that actor whatever the sheet's name (a long actor name is cut to Excel's 31
characters); without it, ``analysts ACTOR`` pairs with ``matrix ACTOR``. The sheet builds
the same ``group:`` block as the file and goes through the same checks
(:func:`decide.io.panel.check_panel`), each problem naming the sheet and cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from decide.core.model import Matrix
from decide.io.cells import Grid, cell_name, cell_number, cell_text, whole
from decide.io.panel import check_panel

#: The sheet of a workbook with one matrix; ``analysts ACTOR`` beside ``matrix ACTOR``.
PANEL_SHEET = "analysts"
#: The rows above the tables: how the group scores were made.
RULES = ("aggregate", "spread", "tolerance")
#: The first cells of the two tables' header rows.
WEIGHTS_HEADER, SCORES_HEADER = "weights", "analyst"
#: Excel's limit on a sheet's name.
MAX_SHEET_NAME = 31


def panel_sheet_name(matrix_sheet: str) -> str:
    """The analysts sheet beside a matrix sheet.

    >>> panel_sheet_name("matrix"), panel_sheet_name("matrix China"), panel_sheet_name("scores")
    ('analysts', 'analysts China', 'analysts')
    """
    folded = matrix_sheet.casefold()
    rest = matrix_sheet[len("matrix") :] if folded == "matrix" or folded.startswith("matrix ") else ""
    return (PANEL_SHEET + rest)[:MAX_SHEET_NAME]


def panel_actor(grid: Grid) -> str | None:
    """The actor an analysts sheet names in its ``actor`` row (above its tables), if any."""
    for row in range(len(grid.rows)):
        first = cell_text(grid.value(row, 0)).casefold()
        if first == "actor":
            return cell_text(grid.value(row, 1)) or None
        if first in (WEIGHTS_HEADER, SCORES_HEADER):
            return None
    return None


def panel_for(matrix: Matrix, matrix_sheet: str, grids: Sequence[Grid]) -> Grid | None:
    """The analysts sheet of ``matrix`` (read from ``matrix_sheet``) among ``grids``: the one whose
    ``actor`` row names it, else the one named after its sheet that names no other actor."""
    sheets = [g for g in grids if g.name.casefold().startswith(PANEL_SHEET) and g.name != matrix_sheet]
    named = {g.name: panel_actor(g) for g in sheets}
    for grid in sheets:
        if (named[grid.name] or "").casefold() == matrix.actor.casefold():
            return grid
    wanted = panel_sheet_name(matrix_sheet).casefold()
    return next((g for g in sheets if g.name.casefold() == wanted and named[g.name] is None), None)


def panel_rows(matrix: Matrix) -> list[list[Any]]:
    """The rows of the analysts sheet of ``matrix`` (a group matrix: ``matrix.group`` is set)."""
    panel = matrix.group
    assert panel is not None, "not a group matrix"
    criteria = matrix.criterion_names
    rows: list[list[Any]] = [
        ["actor", matrix.actor],
        ["aggregate", panel.aggregate],
        ["spread", panel.spread],
        ["tolerance", whole(float(panel.tolerance))],
        [],
        [WEIGHTS_HEADER, *criteria],
    ]
    rows += [[a.name, *(whole(float(a.weights[c])) for c in criteria)] for a in panel.analysts]
    rows += [[], [SCORES_HEADER, "strategy", *criteria]]
    for analyst in panel.analysts:
        for strategy in matrix.strategy_names:
            rows.append([analyst.name, strategy, *(whole(float(analyst.scores[strategy][c])) for c in criteria)])
    return rows


class _PanelReader:
    """Turns the analysts sheet into a ``group:`` block and the cell of each of its entries."""

    def __init__(self, grid: Grid, label: str, matrix: Matrix):
        self.grid, self.matrix = grid, matrix
        self.where = f"{label}: sheet '{grid.name}'"
        self.problems: list[str] = []
        self.block: dict[str, Any] = {}
        self.analysts: dict[str, dict[str, Any]] = {}
        #: the cell of each entry of the block, by its place: ("analysts", "kim", "weights", "cost")
        self.cells: dict[tuple[str, ...], tuple[int, int]] = {}

    def problem(self, row: int, column: int, text: str) -> None:
        self.problems.append(f"{self.where}, cell {cell_name(row, column)}: {text}")

    def locate(self, path: tuple[str, ...]) -> str:
        """The sheet and cell of the entry at ``path`` (or of the nearest entry holding it)."""
        while path and path not in self.cells:
            path = path[:-1]
        return f"{self.where}, cell {cell_name(*self.cells[path])}" if path else self.where

    def read(self) -> dict[str, Any]:
        grid = self.grid
        table: str | None = None
        columns: list[tuple[int, str]] = []
        seen: set[str] = set()
        lost = False
        for row in range(len(grid.rows)):
            first = cell_text(grid.value(row, 0))
            key = first.casefold()
            width = len(grid.rows[row])
            if not first:
                if any(grid.value(row, c) is not None for c in range(1, width)):
                    self.problem(row, 0, "a row of values without a name; name the rule or the analyst here")
                continue
            if key == WEIGHTS_HEADER and not seen:
                table, columns = "weights", self.header(row, 1)
                seen.add(WEIGHTS_HEADER)
                self.cells.setdefault(("analysts",), (row, 0))
            elif (
                key == SCORES_HEADER
                and seen == {WEIGHTS_HEADER}
                and cell_text(grid.value(row, 1)).casefold() == "strategy"
            ):
                table, columns = "scores", self.header(row, 2)
                seen.add(SCORES_HEADER)
            elif table is None and key in RULES:
                self.rule(row, key)
            elif table is None and key == "actor":  # pairs the sheet with its matrix (panel_for)
                continue
            elif table == "weights":
                self.weights(row, first, columns)
            elif table == "scores":
                self.scores(row, first, columns)
            elif not lost:  # one line for the first row not understood; the rows under it follow from it
                lost = True
                self.problem(
                    row,
                    0,
                    f"'{first[:40]}' is not actor, aggregate, spread, tolerance or a table's header; the "
                    f"'{WEIGHTS_HEADER}' table comes first, then the '{SCORES_HEADER}' table",
                )
        if WEIGHTS_HEADER not in seen:
            self.problems.append(
                f"{self.where}: no '{WEIGHTS_HEADER}' table; add a row '{WEIGHTS_HEADER}' naming the "
                "criteria, then one row per analyst with their weights"
            )
        self.block["analysts"] = self.analysts
        return self.block

    def rule(self, row: int, key: str) -> None:
        if key in self.block:
            self.problem(row, 0, f"'{key}' is given twice; keep one row")
            return
        value = self.grid.value(row, 1)
        if key == "tolerance":
            number = cell_number(value)
            self.block[key] = whole(number) if number is not None else value
        else:
            self.block[key] = cell_text(value).casefold()
        self.cells[(key,)] = (row, 1)

    def header(self, row: int, start: int) -> list[tuple[int, str]]:
        """The criterion columns of a table's header row (index, name), each criterion once."""
        grid = self.grid
        names = self.matrix.criterion_names
        columns: list[tuple[int, str]] = []
        for column in range(start, len(grid.rows[row])):
            name = cell_text(grid.value(row, column))
            if not name:
                continue
            if name not in names:
                self.problem(
                    row, column, f"'{name[:40]}' is not a criterion of the matrix; write one of: {', '.join(names)}"
                )
            elif name in {known for _, known in columns}:
                self.problem(row, column, f"criterion '{name}' has two columns; keep one")
            else:
                columns.append((column, name))
        missing = [n for n in names if n not in {name for _, name in columns}]
        if missing:
            self.problem(
                row, start + len(columns), f"no column for criterion '{missing[0]}'; name it in this header row"
            )
        return columns

    def numbers(self, row: int, columns: Sequence[tuple[int, str]], path: tuple[str, ...]) -> dict[str, Any]:
        """A row's numbers by criterion (text that is no number as it is, for the checks to name)."""
        values: dict[str, Any] = {}
        for column, criterion in columns:
            if (row, column) in self.grid.unsaved:
                self.problem(
                    row,
                    column,
                    f"formula {self.grid.unsaved[(row, column)]} has no saved value; open and save "
                    "the file in a spreadsheet program, or paste the values",
                )
            value = self.grid.value(row, column)
            number = cell_number(value)
            values[criterion] = whole(number) if number is not None else value
            self.cells[(*path, criterion)] = (row, column)
        return values

    def weights(self, row: int, name: str, columns: Sequence[tuple[int, str]]) -> None:
        if name in self.analysts:
            self.problem(row, 0, f"analyst '{name}' has two rows of weights; keep one")
            return
        self.cells[("analysts", name)] = (row, 0)
        self.cells[("analysts", name, "weights")] = (row, 1)
        self.analysts[name] = {"weights": self.numbers(row, columns, ("analysts", name, "weights")), "scores": {}}

    def scores(self, row: int, name: str, columns: Sequence[tuple[int, str]]) -> None:
        strategy = cell_text(self.grid.value(row, 1))
        if name not in self.analysts:
            self.problem(row, 0, f"analyst '{name}' has no row in the '{WEIGHTS_HEADER}' table; add their weights")
            return
        scores = self.analysts[name]["scores"]
        if not strategy:
            self.problem(row, 1, f"no strategy named for analyst '{name}'; name it in this cell")
        elif strategy not in self.matrix.strategy_names:
            self.problem(row, 1, f"strategy '{strategy[:60]}' is not in the matrix sheet; write its name as there")
        elif strategy in scores:
            self.problem(row, 1, f"analyst '{name}' scores '{strategy}' twice; keep one row")
        else:
            self.cells.setdefault(("analysts", name, "scores"), (row, 0))
            self.cells[("analysts", name, "scores", strategy)] = (row, 1)
            scores[strategy] = self.numbers(row, columns, ("analysts", name, "scores", strategy))


#: How to mend a problem of the analysts sheet.
FIX = "correct the cell, or delete the sheet to read the matrix without its analysts"


def sheet_panel(matrix: Matrix, grid: Grid, label: str) -> tuple[list[str], Matrix | None]:
    """``matrix`` with the analysts of ``grid`` (its analysts sheet) attached, checked as the
    ``group:`` block of a file is: (problems, matrix), each problem naming the sheet and cell."""
    import dataclasses

    from decide.core.limits import one_line

    reader = _PanelReader(grid, label, matrix)
    block = reader.read()
    if reader.problems:
        return [one_line(p) for p in reader.problems], None
    fix = FIX.replace("the sheet", f"the sheet '{grid.name}'")
    problems, panel = check_panel(
        block, reader.where, matrix.criteria, matrix.strategies, reader.locate, fix, scale=matrix.scale
    )
    if problems:
        return [one_line(p) for p in problems], None
    return [], dataclasses.replace(matrix, group=panel)


__all__ = [
    "PANEL_SHEET",
    "RULES",
    "SCORES_HEADER",
    "WEIGHTS_HEADER",
    "panel_actor",
    "panel_for",
    "panel_rows",
    "panel_sheet_name",
    "sheet_panel",
]
