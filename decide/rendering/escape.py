"""Making any text safe for the format it lands in: LaTeX and Markdown specials, HTML,
spreadsheet formulas (a cell that starts with ``=``, ``+``, ``-`` or ``@``, after any leading
whitespace, is neutralised), and characters a terminal or a reader would not see (control
characters, escape sequences, text-direction overrides, zero-width spaces), written as
visible ``\\uXXXX`` escapes in every text output."""

from __future__ import annotations

import html
import re
from typing import Any

# Control characters but tab and newline; line and paragraph separators; every format
# character (Unicode category Cf, 15.1) but the zero-width joiner and non-joiner.
_HIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)


def _escape_hidden(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # a surrogate pair, as JSON writes it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""``text`` with every hidden character written as a ``\uXXXX`` escape (valid in JSON
    strings too): an escape sequence cannot clear the screen, an override cannot reverse
    what follows, a zero-width space cannot hide in a name. Tabs and newlines stay.

    >>> print(visible("Talks\x1b[2J now \u202eevil\u200b."))
    Talks\u001b[2J now \u202eevil\u200b.
    """
    if text.isascii() and "\x7f" not in text and text.isprintable():
        return text
    return _HIDDEN.sub(_escape_hidden, text)


def strip_hidden(text: str) -> str:
    """``text`` without the characters :func:`visible` escapes (for LaTeX, where ``\\u`` is a command)."""
    if text.isascii() and text.isprintable():
        return text
    return _HIDDEN.sub("", text)


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
#: What spreadsheets skip before looking for a formula trigger (``"  =1+1"`` is a formula).
LEADING_WHITESPACE = " \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u3000"


def neutralise_cell(value: Any, *, raw: bool = False) -> Any:
    """``value`` made safe for a spreadsheet: text starting with ``= + - @``, tab or CR gets a leading ``'``.

    Numbers stay numbers (a negative number is not text); ``raw=True`` returns ``value`` unchanged.

    >>> print(neutralise_cell('=HYPERLINK("http://example.com","x")'))
    '=HYPERLINK("http://example.com","x")
    >>> neutralise_cell(-2.5), neutralise_cell("Talks"), neutralise_cell("-x", raw=True)
    (-2.5, 'Talks', '-x')
    >>> neutralise_cell("  =1+1")
    "'  =1+1"
    """
    if raw or not isinstance(value, str):
        return value
    if not value.startswith(FORMULA_TRIGGERS) and not value.lstrip(LEADING_WHITESPACE).startswith(FORMULA_TRIGGERS):
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

    return visible(ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))


def escape_html(text: str) -> str:
    return html.escape(text, quote=True)


__all__ = [
    "FORMULA_TRIGGERS",
    "LEADING_WHITESPACE",
    "clean_xlsx_text",
    "escape_html",
    "escape_latex",
    "escape_markdown",
    "neutralise_cell",
    "neutralise_frame",
    "strip_hidden",
    "visible",
]
