"""Text tables that fit the terminal: long cells and headers wrap within their column.

The width is ``COLUMNS`` when set, else the terminal's width (80 when writing to a pipe
or file); ``width=0`` means no limit. Numbers never wrap; text columns shrink, widest first, down to their longest
word, and wrap at word boundaries (a word longer than its column breaks after ``-``, ``>``, ``=``, ``,``, ``;`` or
``/`` first). A table that cannot fit without breaking words (many number columns after its text columns, as
``decide compare --all``) is split into several tables, each repeating the leading text columns.

>>> print(fit_table(["rank", "strategy", "score"], [["1", "Join Allied Cybersecurity Initiatives", "0.5734"]],
...                 ["r", "l", "r"], width=30))
rank  strategy           score
----  ----------------  ------
   1  Join Allied       0.5734
      Cybersecurity
      Initiatives
>>> wrap_text("a caption that is long", 12)
'a caption\\nthat is long'
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Sequence

#: The width used when ``COLUMNS`` is unset or not a number.
DEFAULT_WIDTH = 80
#: Spaces between two columns (as tabulate's "simple" format).
GAP = 2
#: A text column never shrinks below this (unless its content is narrower).
MIN_COLUMN = 6


def terminal_width() -> int:
    """``COLUMNS`` from the environment; else the terminal's width when standard output is
    one; else 80 (pipes and files get 80, so output is the same wherever it goes).

    >>> terminal_width() > 0
    True
    """
    text = os.environ.get("COLUMNS", "").strip()
    if text:
        try:
            width = int(text)
        except ValueError:
            return DEFAULT_WIDTH
        return width if width > 0 else DEFAULT_WIDTH
    try:
        if os.isatty(1):
            return max(os.get_terminal_size(1).columns, 20)
    except OSError:
        pass
    return DEFAULT_WIDTH


def wrap_text(text: str, width: int) -> str:
    """``text`` wrapped at word boundaries to ``width`` columns (no limit when ``width`` is 0)."""
    if width <= 0 or len(text) <= width:
        return text
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False))


#: Where a word too long for its column may break (after these characters), before breaking mid-word.
BREAKS = r"[^->=,;/]+[->=,;/]*|[->=,;/]+"


def _wrap_cell(text: str, width: int) -> list[str]:
    if len(text) <= width and "\n" not in text and "\t" not in text and text.strip() == text:
        return [text]  # nearly every cell: nothing to wrap
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if any(len(word) > width for word in paragraph.split()):
            lines.extend(_wrap_long(paragraph, width))
        else:
            lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=True, break_long_words=True) or [""])
    return lines


def _wrap_long(paragraph: str, width: int) -> list[str]:
    """Wrap at spaces; a word longer than ``width`` breaks after ``-``, ``>``, ``=``, ``,``,
    ``;`` or ``/``, and only a piece still too long breaks mid-word.

    >>> _wrap_long("w: stability=risk>deterrence=cost (roc)", 16)
    ['w: stability=', 'risk>deterrence=', 'cost (roc)']
    """
    pieces: list[tuple[str, str]] = []  # (text, what joins it to the one before)
    for index, word in enumerate(paragraph.split()):
        parts = re.findall(BREAKS, word) if len(word) > width else [word]
        pieces.extend((part, " " if n == 0 and index else "") for n, part in enumerate(parts))
    lines: list[str] = []
    line = ""
    for part, glue in pieces:
        if line and len(line) + len(glue) + len(part) <= width:
            line += glue + part
            continue
        if line:
            lines.append(line)
        line = part
        while len(line) > width:
            lines.append(line[:width])
            line = line[width:]
    return [*lines, line]


def _natural(cells: Sequence[str]) -> int:
    return max((len(line) for cell in cells for line in cell.split("\n")), default=0)


def _longest_word(cells: Sequence[str], hyphens: bool = False) -> int:
    """The longest word; with ``hyphens``, the longest piece of a word broken after its hyphens."""
    words = [word for cell in cells for word in cell.split()]
    if hyphens:
        words = [piece for word in words for piece in re.findall(BREAKS, word)]
    return max((len(word) for word in words), default=0)


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str], width: int) -> list[int]:
    """Each column's width so the table fits ``width`` where it can (numbers keep theirs)."""
    columns = [[header, *(row[i] for row in rows)] for i, header in enumerate(headers)]
    widths = [_natural(cells) for cells in columns]
    if width <= 0:
        return widths
    floors = [
        widths[i] if align[i] == "r" else min(widths[i], max(MIN_COLUMN, min(_longest_word(cells), 24)))
        for i, cells in enumerate(columns)
    ]
    # numeric headers may wrap to their values' width (after a hyphen, too)
    for i, cells in enumerate(columns):
        if align[i] == "r":
            floors[i] = max(_natural(cells[1:]), _longest_word(cells[:1], hyphens=True))
    excess = sum(widths) + GAP * (len(widths) - 1) - width
    if excess > 0:  # first let headers longer than their column's values wrap
        for i, cells in enumerate(columns):
            narrower = max(_natural(cells[1:]), _longest_word(cells[:1], hyphens=align[i] == "r"))
            excess -= widths[i] - max(narrower, min(floors[i], widths[i]))
            widths[i] = max(narrower, min(floors[i], widths[i]))
    excess = _shrink(widths, floors, excess)
    if excess > 0:  # still too wide: break long words, down to a few characters a column
        last = [
            max(_natural(cells[1:]), 4)
            if align[i] == "r"
            else min(widths[i], max(MIN_COLUMN, _longest_word(cells, hyphens=True)))
            for i, cells in enumerate(columns)
        ]
        excess = _shrink(widths, last, excess)
    if excess > 0:  # and then mid-word
        last = [
            max(_natural(cells[1:]), 4) if align[i] == "r" else min(widths[i], MIN_COLUMN)
            for i, cells in enumerate(columns)
        ]
        _shrink(widths, last, excess)
    return widths


def _shrink(widths: list[int], floors: Sequence[int], excess: int) -> int:
    """Narrow the widest columns (not below ``floors``) until ``excess`` is gone; what is left."""
    while excess > 0:
        shrinkable = [i for i in range(len(widths)) if widths[i] > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        others = [widths[i] for i in shrinkable if i != widest]
        step = min(excess, widths[widest] - floors[widest], max(1, widths[widest] - max(others, default=0)))
        widths[widest] -= step
        excess -= step
    return excess


def _floor(cells: Sequence[str], align: str) -> int:
    """The narrowest a column gets without breaking a word (a number's header may break after a hyphen)."""
    if align == "r":
        return max(_natural(cells[1:]), _longest_word(cells[:1], hyphens=True))
    return min(_natural(cells), _longest_word(cells))


def column_groups(
    headers: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str], width: int
) -> list[list[int]]:
    """The columns of each table when one table cannot fit ``width`` without breaking words: the
    leading text columns (the row names) in every table, the other columns in order, as many
    as fit beside them. One group of every column when the table fits (or no split helps).

    >>> column_groups(["name", "alpha", "beta", "gamma"], [["x", "1", "2", "3"]], ["l", "r", "r", "r"], 20)
    [[0, 1, 2], [0, 3]]
    """
    everything = [list(range(len(headers)))]
    key = 0
    while key < len(align) and align[key] == "l":
        key += 1
    if width <= 0 or key == 0 or len(headers) - key < 2:
        return everything
    columns = [[header, *(row[i] for row in rows)] for i, header in enumerate(headers)]
    floors = [_floor(cells, align[i]) for i, cells in enumerate(columns)]
    if sum(floors) + GAP * (len(floors) - 1) <= width:
        return everything
    # the row names keep a readable width (a third of the line) where they need it
    key_width = sum(min(_natural(columns[i]), max(floors[i], width // 3)) for i in range(key)) + GAP * key
    room = width - key_width
    if any(floors[i] + GAP > room for i in range(key, len(headers))):
        return everything
    groups: list[list[int]] = []
    used = room
    for i in range(key, len(headers)):
        if used + floors[i] + GAP > room:
            groups.append(list(range(key)))
            used = 0
        groups[-1].append(i)
        used += floors[i] + GAP
    return groups


def fit_table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str], width: int) -> str:
    """A plain text table (tabulate's "simple" look) whose cells wrap to fit ``width``; split into
    several tables (see :func:`column_groups`) when one cannot fit without breaking words."""
    groups = column_groups(headers, rows, align, width)
    if len(groups) > 1:
        return "\n\n".join(
            _fit_one(
                [headers[i] for i in group], [[row[i] for i in group] for row in rows], [align[i] for i in group], width
            )
            for group in groups
        )
    return _fit_one(headers, rows, align, width)


def _fit_one(headers: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str], width: int) -> str:
    widths = column_widths(headers, rows, align, width)

    def block(cells: Sequence[str]) -> list[str]:
        wrapped = [_wrap_cell(cell, widths[i]) for i, cell in enumerate(cells)]
        height = max(len(lines) for lines in wrapped)
        out = []
        for n in range(height):
            parts = []
            for i, lines in enumerate(wrapped):
                text = lines[n] if n < len(lines) else ""
                parts.append(text.rjust(widths[i]) if align[i] == "r" else text.ljust(widths[i]))
            out.append((" " * GAP).join(parts).rstrip())
        return out

    header = block(headers)
    rule = (" " * GAP).join("-" * w for w in widths)
    lines = [*header, rule]
    for row in rows:
        lines.extend(block(row))
    return "\n".join(lines)


__all__ = ["DEFAULT_WIDTH", "column_groups", "column_widths", "fit_table", "terminal_width", "wrap_text"]
