"""Making any text safe for the format it lands in: LaTeX and Markdown specials, HTML, and
spreadsheet formulas (a cell that starts with ``=``, ``+``, ``-`` or ``@`` is neutralised)."""

from __future__ import annotations

import html
from typing import Any

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
    # pandoc's own specials (math, subscript, superscript, headings, citations) and line breaks
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


__all__ = ["FORMULA_TRIGGERS", "clean_xlsx_text", "escape_html", "escape_latex", "escape_markdown", "neutralise_cell", "neutralise_frame"]
