"""Reading a decision matrix from a spreadsheet (``.xlsx``, ``.ods`` or ``.csv``), laid out as people
lay them out: strategies in rows, criteria in columns.

::

    actor      | Vendors                      <- optional rows above the table: actor, aliases,
    scale      | 1        | 10                   scale, weights rationale, draft
    strategy   | price    | quality | source    <- the header: the first other non-empty row
    objective  | min      | max     |           <- optional rows: objective (max/min, benefit/cost,
    weight     | 2        | 1       |              +/-), weight (none: equal), description
    A          | 5        | 7 [6-8] | quote     <- a score, or 'value [low-high]' for a range
    B          | 3        | 4       |

Columns named ``source``, ``rationale``, ``basis``, ``reasoning``, ``why CRITERION`` (that score's
rationale) and ``certainty CRITERION`` carry provenance. Sheets called ``low`` and ``high`` with
the same layout give ranges instead. In a workbook, the sheets called ``matrix`` (or ``matrix
ACTOR``, what decide's own workbooks hold) are read, else the first sheet. Every problem names the
sheet, the cell and the fix; the document then goes through the same checks as a matrix file.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

from decide.core.errors import MatrixError
from decide.core.model import Matrix
from decide.core.parse import parse_objective
from decide.core.paths import shipped_label
from decide.io.cells import NUMBER as _NUMBER
from decide.io.cells import Grid, cell_name, column_letter
from decide.io.cells import cell_number as _number
from decide.io.cells import cell_text as _text
from decide.io.cells import whole as _whole

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv")
#: Rows above the table that describe the matrix (first cell, any case).
META_KEYS = ("actor", "aliases", "scale", "weights rationale", "draft")
#: Rows under the header that describe the criteria.
CRITERION_ROWS = ("objective", "weight", "description")
#: Header names of provenance columns; ``why X`` and ``certainty X`` name a criterion X.
PROVENANCE_COLUMNS = ("source", "rationale", "basis", "reasoning")
_RANGE = re.compile(rf"^\s*({_NUMBER})\s*[\[(]\s*({_NUMBER})\s*(?:-|–|—|to|,|;)\s*({_NUMBER})\s*[\])]\s*$")


class _Reader:
    """Turns one grid into a matrix document, collecting one line per problem."""

    def __init__(self, grid: Grid, label: str, low: Grid | None, high: Grid | None):
        self.grid, self.low, self.high = grid, low, high
        self.where = f"{label}: sheet '{grid.name}'"
        self.problems: list[str] = []

    def problem(self, row: int, column: int, text: str) -> None:
        self.problems.append(f"{self.where}, cell {cell_name(row, column)}: {text}")

    def score(self, grid: Grid, row: int, column: int, criterion: str) -> tuple[Any, tuple[float, float] | None]:
        if (row, column) in grid.unsaved:
            self.problem(
                row,
                column,
                f"formula {grid.unsaved[(row, column)]} has no saved value; open and save "
                "the file in a spreadsheet program, or paste the values",
            )
            return None, None
        value = grid.value(row, column)
        if value is None:
            self.problem(row, column, f"empty score for '{criterion}'; write a number (or 5 [3-7] for a range)")
            return None, None
        number = _number(value)
        if number is not None:
            return _whole(number), None
        found = _RANGE.match(str(value))
        if found:
            middle, low, high = (float(x) for x in found.groups())
            return _whole(middle), (low, high)
        self.problem(
            row,
            column,
            f"'{_text(value)[:40]}' in a score cell for '{criterion}'; write a number (or 5 [3-7] for a range)",
        )
        return None, None

    def document(self) -> dict[str, Any]:
        grid = self.grid
        document: dict[str, Any] = {}
        row = 0
        while row < len(grid.rows):
            key = _text(grid.value(row, 0)).casefold()
            if key in META_KEYS:
                self.meta(document, key, row)
            elif key or any(grid.value(row, c) is not None for c in range(len(grid.rows[row]))):
                break
            row += 1
        if row >= len(grid.rows):
            raise MatrixError(
                [
                    f"{self.where}: no table; put strategies in rows and criteria in columns, "
                    "with a header row naming the criteria"
                ]
            )
        header = row
        for top, left, bottom, right, ref in grid.merged:
            if top <= header <= bottom and right > left:
                raise MatrixError(
                    [f"{self.where}, cells {ref}: a merged header; unmerge them and give each criterion its own column"]
                )
        criteria, extra = self.columns(header)
        rows: dict[str, list[Any]] = {}
        row = header + 1
        while row < len(grid.rows) and _text(grid.value(row, 0)).casefold() in CRITERION_ROWS:
            rows[_text(grid.value(row, 0)).casefold()] = [grid.value(row, c) for c, _ in criteria]
            row += 1
        document["criteria"] = self.criteria(criteria, rows, header)
        document["strategies"] = self.strategies(row, criteria, extra)
        return document

    def meta(self, document: dict[str, Any], key: str, row: int) -> None:
        value = self.grid.value(row, 1)
        if key == "actor":
            document["actor"] = _text(value) or None
        elif key == "aliases":
            document["aliases"] = [a.strip() for a in _text(value).split(",") if a.strip()]
        elif key == "weights rationale":
            document["weights_rationale"] = _text(value)
        elif key == "draft":
            document["draft"] = _text(value).casefold() in ("true", "yes", "1")
        else:
            second = self.grid.value(row, 2)
            bounds = (
                [_number(value), _number(second)]
                if second is not None
                else [_number(part) for part in _text(value).replace(" to ", ":").split(":")]
            )
            if len(bounds) != 2 or None in bounds:
                self.problem(row, 1, "scale: write LOW and HIGH in two cells (or 1:10 in one)")
            else:
                document["scale"] = bounds

    def columns(self, header: int) -> tuple[list[tuple[int, str]], dict[str, int]]:
        """The criterion columns (index, name) and the provenance columns (name -> index)."""
        grid = self.grid
        width = max((len(r) for r in grid.rows), default=0)
        criteria: list[tuple[int, str]] = []
        extra: dict[str, int] = {}
        for column in range(1, width):
            name = _text(grid.value(header, column))
            folded = name.casefold()
            if not name:
                if any(grid.value(r, column) is not None for r in range(header + 1, len(grid.rows))):
                    self.problem(header, column, "empty header over a column of values; name the criterion")
                continue
            if folded in PROVENANCE_COLUMNS or folded.startswith(("why ", "certainty ")):
                extra[folded] = column
            else:
                criteria.append((column, name))
        if not criteria:
            raise MatrixError(
                [
                    f"{self.where}, row {header + 1}: no criteria in the header row; name one "
                    "criterion per column after the strategy column"
                ]
            )
        return criteria, extra

    def criteria(self, criteria: list[tuple[int, str]], rows: dict[str, list[Any]], header: int) -> list[dict]:
        found: list[dict] = []
        line = {name: header + 1 + index for index, name in enumerate(rows)}
        weights = rows.get("weight")
        weighted = weights is not None and any(w is not None for w in weights)
        if "objective" not in rows:
            self.problems.append(
                f"{self.where}: no 'objective' row; add a row objective under the header "
                "with max or min for each criterion"
            )
        for index, (column, name) in enumerate(criteria):
            item: dict[str, Any] = {"name": name}
            given = rows["objective"][index] if "objective" in rows else None
            objective = parse_objective(given)
            if "objective" in rows and objective is None:
                self.problem(
                    line["objective"],
                    column,
                    f"objective '{_text(given)}' for '{name}'; write max or min (or benefit/cost, +/-)",
                )
            item["objective"] = objective or "max"
            if weighted:
                assert weights is not None
                weight = _number(weights[index])
                if weight is None or weight < 0:
                    self.problem(
                        line["weight"],
                        column,
                        f"weight for '{name}' is {_text(weights[index]) or 'empty'}"
                        "; write a number >= 0 (or leave every weight empty for equal weights)",
                    )
                item["weight"] = _whole(weight) if weight is not None else 0
            if rows.get("description") and _text(rows["description"][index]):
                item["description"] = _text(rows["description"][index])
            found.append(item)
        return found

    def strategies(self, start: int, criteria: list[tuple[int, str]], extra: dict[str, int]) -> list[dict]:
        grid = self.grid
        found: list[dict] = []
        for row in range(start, len(grid.rows)):
            name = _text(grid.value(row, 0))
            used = [c for c in range(1, len(grid.rows[row])) if grid.value(row, c) is not None]
            if not name:
                if used:
                    self.problem(row, 0, "a row of scores without a strategy name; name it in this cell")
                continue
            item: dict[str, Any] = {"name": name, "scores": {}}
            certainty: dict[str, str] = {}
            why: dict[str, str] = {}
            for column, criterion in criteria:
                value, bounds = self.score(grid, row, column, criterion)
                bounds = self.side_range(row, column, criterion, value, bounds)
                item["scores"][criterion] = (
                    {"value": value, "low": _whole(bounds[0]), "high": _whole(bounds[1])} if bounds else value
                )
                level = (
                    _text(grid.value(row, extra[f"certainty {criterion.casefold()}"]))
                    if (f"certainty {criterion.casefold()}" in extra)
                    else ""
                )
                if level:
                    certainty[criterion] = level
                text = (
                    _text(grid.value(row, extra[f"why {criterion.casefold()}"]))
                    if (f"why {criterion.casefold()}" in extra)
                    else ""
                )
                if text:
                    why[criterion] = text
            for key in PROVENANCE_COLUMNS:
                if key in extra and _text(grid.value(row, extra[key])):
                    item[key] = _text(grid.value(row, extra[key]))
            if why and "rationale" not in item:
                item["rationale"] = why
            if certainty:
                item["certainty"] = certainty
            found.append(item)
        if not found:
            self.problems.append(f"{self.where}: no strategies under the header; one strategy per row")
        return found

    def side_range(
        self, row: int, column: int, criterion: str, value: Any, bounds: tuple[float, float] | None
    ) -> tuple[float, float] | None:
        """The range from the ``low`` and ``high`` sheets, when there are both (same cell)."""
        if self.low is None or self.high is None or value is None:
            return bounds
        ends = []
        for grid in (self.low, self.high):
            end = _number(grid.value(row, column))
            if end is None:
                self.problems.append(
                    f"{self.where.rsplit(': ', 1)[0]}: sheet '{grid.name}', cell "
                    f"{cell_name(row, column)}: no number for '{criterion}'; the low and high "
                    "sheets need the same layout as the scores, a number in each score cell"
                )
                return bounds
            ends.append(end)
        return (ends[0], ends[1])


def read_grids(path: Path) -> list[Grid]:
    """Every sheet of the file as a :class:`Grid` (a CSV file is one sheet, named after the file)."""
    label = shipped_label(path)
    suffix = path.suffix.casefold()
    try:
        if suffix == ".csv":
            return [_csv_grid(path)]
        if suffix in (".xlsx", ".xlsm"):
            return _xlsx_grids(path)
        return _calamine_grids(path)
    except MatrixError:
        raise
    except (OSError, ValueError, KeyError, EOFError) as error:
        reason = getattr(error, "strerror", None) or str(error).splitlines()[0][:120]
        raise MatrixError([f"{label}: cannot read this spreadsheet ({reason})"]) from None
    except Exception as error:  # the readers' own errors (a broken zip, a password) differ by library
        raise MatrixError(
            [
                f"{label}: cannot read this spreadsheet ({type(error).__name__}: "
                f"{str(error).splitlines()[0][:120] if str(error) else 'unreadable'})"
            ]
        ) from None


def _csv_grid(path: Path) -> Grid:
    import csv
    import io

    from decide.io.files import read_text_limited

    text = read_text_limited(path, label=shipped_label(path))
    dialect: Any = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    rows = [list(row) for row in csv.reader(io.StringIO(text), dialect)]
    return Grid(path.stem, [[cell if cell.strip() else None for cell in row] for row in rows])


def _xlsx_grids(path: Path) -> list[Grid]:
    import warnings

    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it does not read
        values = openpyxl.load_workbook(path, data_only=True)
        formulas = openpyxl.load_workbook(path, data_only=False)
    grids = []
    for sheet in values.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        unsaved = {}
        for row in formulas[sheet.title].iter_rows():
            for cell in row:
                if cell.data_type == "f" and sheet.cell(cell.row, cell.column).value is None:
                    unsaved[(cell.row - 1, cell.column - 1)] = str(cell.value)[:40]
        merged = [
            (r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1, r.coord) for r in sheet.merged_cells.ranges
        ]
        grids.append(Grid(sheet.title, rows, unsaved, merged))
    return grids


def _calamine_grids(path: Path) -> list[Grid]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    grids = []
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        rows = [[None if cell == "" else cell for cell in row] for row in sheet.to_python(skip_empty_area=False)]
        merged = []
        for (top, left), (bottom, right) in sheet.merged_cell_ranges or []:
            merged.append((top, left, bottom, right, f"{cell_name(top, left)}:{cell_name(bottom, right)}"))
        grids.append(Grid(name, rows, {}, merged))
    return grids


def matrix_grids(grids: list[Grid]) -> list[tuple[Grid, Grid | None, Grid | None]]:
    """The sheets that hold matrices, each with its ``low`` and ``high`` sheets if any."""
    named = [g for g in grids if g.name.casefold() == "matrix" or g.name.casefold().startswith("matrix ")]
    by_name = {g.name.casefold(): g for g in grids}
    if named:
        return [(g, None, None) for g in named]
    return [(grids[0], by_name.get("low"), by_name.get("high"))] if grids else []


def sheet_documents(path: Path, grids: list[Grid] | None = None) -> list[tuple[str, dict[str, Any] | None, list[str]]]:
    """(sheet name, document, problems) for each matrix sheet of the file (of ``grids``, its
    sheets when read already)."""
    label = shipped_label(path)
    found: list[tuple[str, dict[str, Any] | None, list[str]]] = []
    for grid, low, high in matrix_grids(read_grids(path) if grids is None else grids):
        reader = _Reader(grid, label, low, high)
        try:
            document = reader.document()
        except MatrixError as error:
            found.append((grid.name, None, error.problems))
            continue
        found.append((grid.name, document, reader.problems))
    if not found:
        raise MatrixError([f"{label}: no sheets"])
    return found


def check_sheet(path: str | Path) -> list[tuple[str, list[str], Matrix | None]]:
    """(label, problems, matrix) for each matrix sheet: problems name the sheet and cell, then the
    same checks as a matrix file (scale, ranges, certainty, names). A group matrix's analysts
    come from the sheet beside it (:mod:`decide.io.sheet_panel`)."""
    from decide.io.matrix_checks import check_document
    from decide.io.sheet_panel import panel_for, sheet_panel

    path = Path(path)
    label = shipped_label(path)
    results: list[tuple[str, list[str], Matrix | None]] = []
    grids = read_grids(path)
    for name, document, problems in sheet_documents(path, grids):
        where = f"{label} [{name}]"
        if document is None or problems:
            results.append((where, problems, None))
            continue
        if "actor" not in document and path.suffix.casefold() != ".csv" and name.casefold().startswith("matrix "):
            document["actor"] = name[len("matrix ") :]
        found, matrix = check_document(document, path)
        analysts = None if matrix is None else panel_for(matrix, name, grids)
        if matrix is not None and analysts is not None:
            found, matrix = sheet_panel(matrix, analysts, label)
        results.append((where, found, matrix))
    return results


def load_sheet(path: str | Path) -> list[Matrix]:
    """Every matrix in a spreadsheet; a :class:`MatrixError` lists every problem of the file."""
    results = check_sheet(path)
    problems = [p for _, found, _ in results for p in found]
    if problems:
        raise MatrixError(problems)
    return [matrix for _, _, matrix in results if matrix is not None]


__all__ = [
    "SHEET_SUFFIXES",
    "Grid",
    "cell_name",
    "check_sheet",
    "column_letter",
    "load_sheet",
    "read_grids",
    "sheet_documents",
]
