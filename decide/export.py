"""Rendering results as text tables, Markdown, LaTeX, HTML, CSV, JSON, and Excel files.

Any result with ``sections()``, ``to_frame(provenance=True)`` and ``to_dict()``
(every :class:`~decide.results.Result`) can be rendered. Every text format
carries a caption naming the method, parameters, weights and data file.

>>> from decide.ranking import rank
>>> print(render(rank(actors="China"), "markdown").splitlines()[-1][:50])
Table: China: ranked by topsis (normalization=vect
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from decide.errors import DecideError, UnknownNameError
from decide.results import Exportable, Table

TEXT_FORMATS = ("table", "markdown", "csv", "json", "latex", "html")
FILE_FORMATS = ("xlsx",)
FORMATS = TEXT_FORMATS + FILE_FORMATS
SUFFIX_FORMATS = {
    ".txt": "table",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".json": "json",
    ".tex": "latex",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}


_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    "\n": " ",
    "\r": " ",
    "\u2028": " ",
    "\u2029": " ",
    "\x85": " ",
}
_MARKDOWN_SPECIAL = {
    "\\": "\\\\",
    "|": "\\|",
    "_": "\\_",
    "*": "\\*",
    "`": "\\`",
    "[": "\\[",
    "]": "\\]",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "$": "\\$",
    "~": "\\~",
    "^": "\\^",
    "#": "\\#",
    "@": "\\@",
    "\n": "<br>",
    "\r": "",
    "\u2028": "<br>",
    "\u2029": "<br>",
    "\x85": "<br>",
}


def escape_latex(text: str) -> str:
    r"""Escape LaTeX's special characters.

    >>> escape_latex("R&D_costs 50% <x>")
    'R\\&D\\_costs 50\\% \\textless{}x\\textgreater{}'
    """
    return "".join(_LATEX_SPECIAL.get(char, char) for char in text)


def escape_markdown(text: str) -> str:
    r"""Escape characters that Markdown tables or inline markup would interpret.

    >>> escape_markdown("A|B & C_d <e>")
    'A\\|B &amp; C\\_d &lt;e&gt;'
    """
    return "".join(_MARKDOWN_SPECIAL.get(char, char) for char in text)


FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)."""


def neutralise_cell(value: Any, *, raw: bool = False) -> Any:
    """``value`` made safe for a spreadsheet: text starting with ``= + - @``, tab or CR gets a leading ``'``.

    Numbers stay numbers (a negative number is not text); ``raw=True`` returns ``value`` unchanged.

    >>> print(neutralise_cell('=HYPERLINK("http://example.com","x")'))
    '=HYPERLINK("http://example.com","x")
    >>> neutralise_cell(-2.5), neutralise_cell("Talks"), neutralise_cell("-x", raw=True)
    (-2.5, 'Talks', '-x')
    """
    if raw or not isinstance(value, str) or not value.startswith(FORMULA_TRIGGERS):
        return value
    return "'" + value


def neutralise_frame(frame: Any, *, raw: bool = False) -> Any:
    """A copy of ``frame`` with :func:`neutralise_cell` applied to every text cell and column name."""
    if raw:
        return frame
    safe = frame.copy()
    safe.columns = [neutralise_cell(column) for column in frame.columns]
    for position in range(safe.shape[1]):
        column = safe.iloc[:, position]
        if _is_text_column(column):
            safe.isetitem(position, column.map(neutralise_cell))
    return safe


def _is_text_column(column: Any) -> bool:
    import pandas as pd

    return not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)


def clean_xlsx_text(value: Any) -> Any:
    """Text with the control characters XLSX cannot hold replaced by U+FFFD; other values unchanged.

    >>> clean_xlsx_text("bad\x1bname")
    'bad\ufffdname'
    """
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)


def escape_html(text: str) -> str:
    return html.escape(text, quote=True)


def _cell(value: Any, escape: Callable[[str], str]) -> str:
    if isinstance(value, bool):
        return escape(str(value).lower())
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        return f"{float(value):.4f}"
    return escape(str(value))


def _rows(frame: Any, escape: Callable[[str], str]) -> tuple[list[str], list[list[str]]]:
    headers = [escape(str(column)) for column in frame.columns]
    rows = [[_cell(value, escape) for value in row] for row in frame.itertuples(index=False)]
    return headers, rows


def _alignments(frame: Any) -> list[str]:
    if isinstance(frame, Table):
        return ["r" if frame.is_numeric(position) else "l" for position in range(len(frame.columns))]
    import pandas as pd

    return [
        "r" if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column])
        else "l"
        for column in frame.columns
    ]


def _tabulate(frame: Any, fmt: str, escape: Callable[[str], str] = str) -> str:
    from tabulate import tabulate

    headers, rows = _rows(frame, escape)
    align = ["right" if a == "r" else "left" for a in _alignments(frame)]
    return tabulate(rows, headers, tablefmt=fmt, disable_numparse=True, colalign=align)


def _render_table(result: Exportable) -> str:
    parts = [f"{s.caption}\n\n{_tabulate(s.frame, 'simple')}" for s in result.sections()]
    return "\n\n".join(parts) + "\n"


def _render_markdown(result: Exportable) -> str:
    parts = [
        f"{_tabulate(s.frame, 'pipe', escape_markdown)}\n\nTable: {escape_markdown(s.caption)}"
        for s in result.sections()
    ]
    return "\n\n".join(parts) + "\n"


def _render_latex(result: Exportable) -> str:
    parts = []
    for section in result.sections():
        headers, rows = _rows(section.frame, escape_latex)
        lines = [
            r"\begin{table}[htbp]",
            r"\centering",
            rf"\caption{{{escape_latex(section.caption)}}}",
            rf"\begin{{tabular}}{{{''.join(_alignments(section.frame))}}}",
            r"\toprule",
            " & ".join(headers) + r" \\",
            r"\midrule",
            *(" & ".join(row) + r" \\" for row in rows),
            r"\bottomrule",
            r"\end{tabular}",
            r"\end{table}",
        ]
        parts.append("\n".join(lines))
    return "% needs \\usepackage{booktabs}\n" + "\n\n".join(parts) + "\n"


def _render_html(result: Exportable, fragment: bool = True) -> str:
    parts = []
    for section in result.sections():
        table = _tabulate(section.frame, "unsafehtml", escape_html)
        caption = f"<caption>{escape_html(section.caption)}</caption>"
        parts.append(table.replace("<table>", f'<table class="decide">\n{caption}', 1))
    return "\n".join(parts) + "\n"


def _render_csv(result: Exportable, raw: bool = False) -> str:
    frame = neutralise_frame(result.to_frame(provenance=True), raw=raw)
    return frame.to_csv(index=False, lineterminator="\n")


def _render_json(result: Exportable) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


_RENDERERS: dict[str, Callable[[Exportable], str]] = {
    "table": _render_table,
    "markdown": _render_markdown,
    "csv": _render_csv,
    "json": _render_json,
    "latex": _render_latex,
    "html": _render_html,
}


def check_format(fmt: str) -> str:
    """The format name in lower case, or an :class:`UnknownNameError` listing the formats."""
    name = fmt.strip().lower()
    aliases = {"md": "markdown", "tex": "latex", "excel": "xlsx", "text": "table"}
    name = aliases.get(name, name)
    if name not in FORMATS:
        raise UnknownNameError(f"unknown format '{fmt}'; choose from: {', '.join(FORMATS)}")
    return name


def render(result: Exportable, fmt: str = "table", *, fragment: bool = True, raw: bool = False) -> str:
    """``result`` as text in one of ``table``, ``markdown``, ``csv``, ``json``, ``latex``, ``html``
    (CSV cells a spreadsheet would run as formulas neutralised unless ``raw``)."""
    name = check_format(fmt)
    if name not in _RENDERERS:
        raise DecideError(f"format '{name}' is binary; write it to a file, e.g. result.{name}")
    if name == "csv":
        return _render_csv(result, raw=raw)
    if name == "html":
        return _render_html(result, fragment=fragment)
    return _RENDERERS[name](result)


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name's suffix implies (``report.tex`` -> ``latex``), if any."""
    return SUFFIX_FORMATS.get(Path(path).suffix.lower())


def _write_xlsx(result: Exportable, target: str, raw: bool = False) -> None:
    """Every text cell is stored as a string, never a formula (unless ``raw``), without illegal characters."""
    import pandas as pd

    used: set[str] = set()
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        for section in result.sections():
            title = clean_xlsx_text(section.title)
            name = "".join(c for c in title if c not in "[]:*?/\\" and c != "\ufffd").strip("'")[:31] or "table"
            while name in used:
                name = name[:28] + f"_{len(used)}"
            used.add(name)
            frame = section.frame.to_pandas() if isinstance(section.frame, Table) else section.frame.copy()
            frame.columns = [clean_xlsx_text(str(column)) for column in frame.columns]
            for position in range(frame.shape[1]):
                if _is_text_column(frame.iloc[:, position]):
                    frame.isetitem(position, frame.iloc[:, position].map(clean_xlsx_text))
            frame.to_excel(writer, sheet_name=name, index=False, startrow=2)
            sheet = writer.sheets[name]
            sheet.cell(row=1, column=1, value=clean_xlsx_text(section.caption))
            if not raw:
                for row in sheet.iter_rows():
                    for cell in row:
                        if cell.data_type == "f":  # text that openpyxl took for a formula
                            cell.data_type = "s"


def atomic_write(
    path: str | os.PathLike[str],
    write: Callable[[str], None],
    inputs: Sequence[str | os.PathLike[str]] = (),
) -> Path:
    """Call ``write(temporary_path)`` and move the file into place only if it succeeds.

    See :func:`decide.files.write_output`: devices and pipes are written in place, an input
    file is never overwritten, and every failure is one clean :class:`DecideError` line.
    """
    from decide.files import write_output

    return Path(write_output(path, write, inputs=inputs))


def export(
    result: Exportable,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    raw: bool = False,
    inputs: Sequence[str | os.PathLike[str]] = (),
) -> Path:
    """Write ``result`` to ``path`` atomically; the format defaults to the file's suffix.

    Nothing is left behind if rendering or writing fails; ``inputs`` are never overwritten.
    CSV and XLSX cells that a spreadsheet would run as formulas are neutralised unless ``raw``.
    """
    name = check_format(fmt) if fmt else format_for_path(path)
    if name is None:
        raise UnknownNameError(
            f"{path}: cannot tell the format from the suffix; give --format ({', '.join(FORMATS)})"
        )
    if name == "xlsx":
        return atomic_write(path, lambda temporary: _write_xlsx(result, temporary, raw=raw), inputs)
    from decide.files import write_output

    text = _render_csv(result, raw=raw) if name == "csv" else render(result, name)
    return Path(write_output(path, text, inputs=inputs))
