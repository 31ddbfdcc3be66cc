"""The Excel workbook of a result: a summary sheet, one sheet per table, and the sources.

Each table sheet opens with a header block (the caption, the decide version and the
footnote), then the table with a bold, frozen header row and an autofilter; numbers
show 4 decimals, columns are as wide as their content (up to 80 characters), and
Pareto-dominated rows (marked ``*``) are shaded. A ``sources`` sheet lists every
strategy's source and the rationale of each score, and a ``matrix`` sheet per actor holds the
matrix in the layout ``decide import`` reads back (:mod:`decide.io.sheet`).

>>> import tempfile, pathlib, openpyxl
>>> from decide.analysis.ranking import rank
>>> with tempfile.TemporaryDirectory() as folder:
...     path = str(pathlib.Path(folder) / "ranks.xlsx")
...     write_workbook(rank(actors=["China", "Russia"]), path)
...     book = openpyxl.load_workbook(path)
>>> book.sheetnames, book["China"].freeze_panes, book["China"]["A5"].font.bold
(['summary', 'China', 'Russia', 'sources', 'matrix China', 'matrix Russia'], 'A6', True)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from decide.core.counts import counted
from decide.core.tables import Section, Table

if TYPE_CHECKING:
    from decide.core.model import Matrix
    from decide.core.tables import Exportable

NUMBER_FORMAT = "0.0000"
MAX_WIDTH = 80
HEADER_FILL = "DDE6F0"
DOMINATED_FILL = "EEEEEE"
#: First row of the table under the header block (1-based).
TABLE_ROW = 5


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("decide-mcda")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def result_matrices(result: Any) -> list[Matrix]:
    """The matrices a result was computed from (one per actor), if it says."""
    if hasattr(result, "results"):
        return [item.matrix for item in result.results if hasattr(item, "matrix")]
    matrix = getattr(result, "matrix", None)
    return [matrix] if matrix is not None else []


def _sheet_names(sections: list[Section]) -> Iterator[str]:
    from decide.rendering.escape import clean_xlsx_text

    used = {"summary", "sources"}
    for section in sections:
        title = clean_xlsx_text(section.title)
        name = "".join(c for c in title if c not in "[]:*?/\\" and c != "\ufffd").strip("'")[:31] or "table"
        while name in used:
            name = name[:28] + f"_{len(used)}"
        used.add(name)
        yield name


def _rows(frame: Any) -> tuple[list[str], list[list[Any]]]:
    if isinstance(frame, Table):
        return list(frame.columns), [list(r) for r in frame.rows]
    columns = [str(c) for c in frame.columns]
    rows = []
    for row in frame.itertuples(index=False):
        values = []
        for value in row:
            if hasattr(value, "item"):
                value = value.item()  # numpy scalar -> Python
            values.append(value)
        rows.append(values)
    return columns, rows


def _safe(value: Any, raw: bool) -> Any:
    """``value`` without the characters XLSX cannot hold (text is kept as text by :func:`_put`)."""
    from decide.rendering.escape import clean_xlsx_text

    return clean_xlsx_text(value)


def _put(sheet: Any, row: int, column: int, value: Any, raw: bool) -> Any:
    """Write one cell; text that openpyxl would store as a formula stays text unless ``raw``."""
    cell = sheet.cell(row=row, column=column, value=_safe(value, raw))
    if not raw and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def _write_table(sheet: Any, section: Section, raw: bool = False) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    _put(sheet, 1, 1, section.caption, raw).font = Font(bold=True)
    sheet.cell(row=2, column=1, value=f"decide {_version()}")
    if section.note:
        _put(sheet, 3, 1, section.note, raw)
    columns, rows = _rows(section.frame)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    shade = PatternFill("solid", fgColor=DOMINATED_FILL)
    widths = [len(c or "dominated") for c in columns]
    for number, name in enumerate(columns, start=1):
        cell = _put(sheet, TABLE_ROW, number, name or "dominated", raw)
        cell.font, cell.fill = bold, fill
    mark = columns.index("") if "" in columns else None
    for offset, values in enumerate(rows, start=1):
        dominated = mark is not None and values[mark] == "*"
        for number, value in enumerate(values, start=1):
            cell = _put(sheet, TABLE_ROW + offset, number, value, raw)
            if isinstance(value, float):
                cell.number_format = NUMBER_FORMAT
                shown = len(f"{value:.4f}")
            else:
                shown = len(str(value))
            widths[number - 1] = max(widths[number - 1], shown)
            if dominated:
                cell.fill = shade
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = min(MAX_WIDTH, width + 2)
    sheet.freeze_panes = sheet.cell(row=TABLE_ROW + 1, column=1)
    if columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A{TABLE_ROW}:{last}{TABLE_ROW + max(len(rows), 1)}"


def _write_summary(sheet: Any, sections: list[Section], names: list[str], raw: bool) -> None:
    summary = Section(
        "summary",
        f"What this workbook holds: {counted(len(sections), 'table')}, made by decide {_version()}",
        Table(
            ["sheet", "first row", "what"],
            [(name, _first(section), section.caption) for name, section in zip(names, sections, strict=True)],
        ),
    )
    _write_table(sheet, summary, raw)


def _first(section: Section) -> str:
    columns, rows = _rows(section.frame)
    if rows and "strategy" in columns:
        return str(rows[0][columns.index("strategy")])
    return str(rows[0][0]) if rows else ""


def _write_sources(sheet: Any, matrices: list[Matrix], raw: bool) -> None:
    criteria = list(dict.fromkeys(c for m in matrices for c in m.criterion_names))
    rows = []
    for matrix in matrices:
        for strategy in matrix.strategies:
            rationale = strategy.rationale
            per = [rationale.get(c, "") if not isinstance(rationale, str) else "" for c in criteria]
            overall = rationale if isinstance(rationale, str) else ""
            rows.append(
                (
                    matrix.actor,
                    strategy.name,
                    *(strategy.scores.get(c, "") for c in criteria),
                    strategy.source,
                    overall,
                    *per,
                )
            )
    table = Table(["actor", "strategy", *criteria, "source", "rationale", *(f"why {c}" for c in criteria)], rows)
    files = ", ".join(dict.fromkeys(m.file_name for m in matrices))
    _write_table(sheet, Section("sources", f"Scores, sources and rationales from {files}", table), raw)


def _write_matrices(book: Any, matrices: list[Matrix], raw: bool) -> None:
    """A ``matrix`` sheet per matrix (``matrix ACTOR`` for several), in the layout ``decide import``
    reads, so that the workbook imports back to the same matrices (a group matrix with its
    ``analysts`` sheet)."""
    from openpyxl.styles import Font

    from decide.io.sheet_panel import panel_sheet_name
    from decide.io.sheet_write import matrix_rows

    for matrix in matrices:
        title = "matrix" if len(matrices) == 1 else f"matrix {matrix.actor}"
        sheet = book.create_sheet(_unused(book, next(_sheet_names([Section(title, "", Table([], []))]))))
        for number, row in enumerate(matrix_rows(matrix), start=1):
            for column, value in enumerate(row, start=1):
                cell = _put(sheet, number, column, value, raw)
                if row[0] == "strategy":
                    cell.font = Font(bold=True)
        if matrix.group is not None:  # a group matrix's analysts, beside it (decide.io.sheet_panel)
            _write_panel(book.create_sheet(_unused(book, panel_sheet_name(sheet.title))), matrix, raw)


def _unused(book: Any, name: str) -> str:
    """``name``, or ``name`` cut and numbered (``… 2``) so that no two sheets share a name and
    none is over Excel's 31 characters (openpyxl would append a digit past the limit)."""
    taken = {title.casefold() for title in book.sheetnames}
    candidate, number = name[:31], 1
    while candidate.casefold() in taken:
        number += 1
        suffix = f" {number}"
        candidate = name[: 31 - len(suffix)].rstrip() + suffix
    return candidate


def _write_panel(sheet: Any, matrix: Matrix, raw: bool) -> None:
    """The analysts sheet of a group matrix: its rules, then each analyst's weights and scores."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from decide.io.sheet_panel import SCORES_HEADER, WEIGHTS_HEADER, panel_rows

    widths: dict[int, int] = {}
    for number, row in enumerate(panel_rows(matrix), start=1):
        bold = bool(row) and row[0] in (WEIGHTS_HEADER, SCORES_HEADER)
        for column, value in enumerate(row, start=1):
            cell = _put(sheet, number, column, value, raw)
            widths[column] = max(widths.get(column, 0), len(str(value)))
            if bold:
                cell.font = Font(bold=True)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 2)


def write_workbook(result: Exportable, path: str, raw: bool = False) -> None:
    """Write ``result`` as a polished workbook at ``path`` (see the module text); text
    that would run as a formula is neutralised unless ``raw``."""
    from openpyxl import Workbook

    sections = result.sections()
    names = list(_sheet_names(sections))
    book = Workbook()
    _write_summary(book.active, sections, names, raw)
    book.active.title = "summary"
    for name, section in zip(names, sections, strict=True):
        _write_table(book.create_sheet(name), section, raw)
    if sections:
        book.active = 1  # opens on the first table; the summary is the first tab
    matrices = result_matrices(result)
    if matrices:
        _write_sources(book.create_sheet("sources"), matrices, raw)
        _write_matrices(book, matrices, raw)
    book.save(path)


__all__ = ["MAX_WIDTH", "NUMBER_FORMAT", "result_matrices", "write_workbook"]
