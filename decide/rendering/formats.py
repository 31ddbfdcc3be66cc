"""Rendering results as text tables, Markdown, LaTeX, HTML, CSV, JSON, and Excel files.

Any result with ``sections()``, ``to_frame(provenance=True)`` and ``to_dict()``
(every :class:`~decide.rendering.result.Result`) can be rendered. Every text format
carries a caption naming the method, parameters, weights and data file.

>>> from decide.analysis.ranking import rank
>>> lines = render(rank(actors="China"), "markdown").splitlines()
>>> print(next(line for line in lines if line.startswith("Table:"))[:50])
Table: China: ranked by topsis (normalization=vect
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from decide.core.errors import DecideError, UnknownNameError
from decide.core.tables import Exportable, Section, Table
from decide.rendering.escape import (
    escape_html,
    escape_latex,
    escape_markdown,
    neutralise_cell,
    neutralise_frame,
)
from decide.rendering.registry import TABLE_FORMATS, formats_of

FORMATS = TABLE_FORMATS
#: file suffix -> table format (from :mod:`decide.rendering.registry`)
SUFFIX_FORMATS = {suffix: f.name for f in formats_of("table") for suffix in f.suffixes}


"""First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)."""


def _cell(value: Any, escape: Callable[[str], str]) -> str:
    if isinstance(value, bool):
        return escape(str(value).lower())
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        text = f"{float(value):.4f}"
        return text[1:] if text.startswith("-") and float(text) == 0 else text  # never -0.0000
    return escape(str(value))


def _rows(frame: Any, escape: Callable[[str], str]) -> tuple[list[str], list[list[str]]]:
    headers = [escape(str(column)) for column in frame.columns]
    rows = [[_cell(value, escape) for value in row] for row in frame.itertuples(index=False)]
    return headers, rows


def _alignments(frame: Any) -> list[str]:
    if isinstance(frame, Table):
        return ["r" if frame.is_numeric(position) else "l" for position in range(len(frame.columns))]

    return ["r" if _numeric_column(frame[column]) else "l" for column in frame.columns]


#: Words a column of numbers may hold where a number is missing; it stays right-aligned.
NUMBER_PLACEHOLDERS = ("undefined",)


def _numeric_column(column: Any) -> bool:
    """Whether a column is numbers (not bools), some perhaps replaced by a placeholder word."""
    import numbers

    import pandas as pd

    if pd.api.types.is_bool_dtype(column):
        return False
    if pd.api.types.is_numeric_dtype(column):
        return True
    if column.dtype != object:
        return False
    values = column.tolist()

    def number(v: Any) -> bool:
        return isinstance(v, numbers.Number) and not isinstance(v, bool) and type(v).__name__ != "bool_"

    return any(map(number, values)) and all(number(v) or v in NUMBER_PLACEHOLDERS for v in values)


def _tabulate(frame: Any, fmt: str, escape: Callable[[str], str] = str) -> str:
    from tabulate import tabulate

    headers, rows = _rows(frame, escape)
    align = ["right" if a == "r" else "left" for a in _alignments(frame)]
    return tabulate(rows, headers, tablefmt=fmt, disable_numparse=True, colalign=align)


def _text_frame(section: Section, wide: bool) -> Any:
    return section.compact if section.compact is not None and not wide else section.frame


def _render_table(result: Exportable, width: int | None = None, wide: bool = False) -> str:
    """Captions, tables and notes wrapped to ``width`` (``COLUMNS`` or 80; no limit with ``wide``)."""
    from decide.core.layout import fit_table, terminal_width, wrap_text

    limit = 0 if wide else (width if width is not None else terminal_width())
    parts = []
    for section in result.sections():
        frame = _text_frame(section, wide)
        headers, rows = _rows(frame, str)
        text = f"{wrap_text(section.caption, limit)}\n\n{fit_table(headers, rows, _alignments(frame), limit)}"
        note = " ".join(n for n in (section.note, section.compact_note if frame is section.compact else "") if n)
        if note:
            text += "\n" + wrap_text(note, limit)
        parts.append(text)
    return "\n\n".join(parts) + "\n"


def _render_markdown(result: Exportable) -> str:
    parts = []
    for s in result.sections():
        text = f"{_tabulate(s.frame, 'pipe', escape_markdown)}\n\nTable: {escape_markdown(s.caption)}"
        if s.note:
            text += f"\n\n{escape_markdown(s.note)}"
        parts.append(text)
    return "\n\n".join(parts) + "\n"


#: Characters of plain text that fit the text width of a default LaTeX page (10pt,
#: about 5pt a character over 345pt), column padding counted separately.
LATEX_LINE = 68
#: Rows above which a LaTeX table becomes a longtable that breaks across pages.
LATEX_LONG = 30
LATEX_PACKAGES = "booktabs, array, tabularx, longtable, graphicx"


def latex_label(title: str) -> str:
    """``tab:china-ranks``: a LaTeX label from a section title.

    >>> latex_label("South Korea SMAA")
    'tab:south-korea-smaa'
    """
    import re

    return "tab:" + (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "table")


def _stacked_headers(frame: Any, headers: list[str], rows: list[list[str]]) -> list[str]:
    """Headers of number columns wider than their numbers, stacked on lines as wide as those."""
    import textwrap

    out = []
    for i, (header, align) in enumerate(zip(headers, _alignments(frame), strict=True)):
        width = max([6, *(len(r[i]) for r in rows)])
        if align == "r" and len(header) > width and " " in header:
            lines = textwrap.wrap(header, width, break_long_words=False)
            header = r"\begin{tabular}[b]{@{}r@{}}" + r" \\ ".join(lines) + r"\end{tabular}"
        out.append(header)
    return out


def _latex_columns(frame: Any, headers: list[str], rows: list[list[str]]) -> tuple[str, str]:
    """The column specification and the environment (tabular, tabularx, or resized tabular)."""
    align = _alignments(frame)
    # number headers stack onto lines as wide as their numbers (or their longest word)
    natural = [
        max([len(h) if a == "l" else max(len(w) for w in h.split() or [""]), *(len(r[i]) for r in rows)]) + 3
        for i, (h, a) in enumerate(zip(headers, align, strict=True))
    ]
    if sum(natural) <= LATEX_LINE:
        return "".join(align), "tabular"
    text_columns = [i for i, a in enumerate(align) if a == "l" and natural[i] > 12]
    fixed = sum(n for i, n in enumerate(natural) if i not in text_columns)
    # each wrapped column needs room for its longest word (and a little more)
    needed = sum(max(12, 3 + max((len(w) for r in rows for w in r[i].split()), default=0)) for i in text_columns)
    if not text_columns or LATEX_LINE - fixed < needed:
        return "".join(align), "resizebox"
    spec = "".join(r">{\raggedright\arraybackslash}X" if i in text_columns else a for i, a in enumerate(align))
    return spec, "tabularx"


def _render_latex(result: Exportable) -> str:
    """Tables that fit the page: tabularx when text is wide, resized when numbers are,
    longtable when long; each with its caption, ``\\label`` and footnote."""
    parts = []
    for section in result.sections():
        headers, rows = _rows(section.frame, escape_latex)
        caption = rf"\caption{{{escape_latex(section.caption)}}}\label{{{latex_label(section.title)}}}"
        body = [" & ".join(row) + r" \\" for row in rows]
        note = [rf"\par\footnotesize {escape_latex(section.note)}"] if section.note else []
        spec, how = _latex_columns(section.frame, *_rows(section.frame, str))  # widths as printed
        head = " & ".join(_stacked_headers(section.frame, headers, rows)) + r" \\"
        if len(rows) > LATEX_LONG:
            if how == "tabularx":
                spec = spec.replace(r"X", rf"p{{{0.9 / spec.count('X'):.2f}\linewidth}}")
            lines = [
                r"\begingroup" + (r"\scriptsize" if how == "resizebox" else r"\small"),
                rf"\begin{{longtable}}{{{spec}}}",
                caption + r" \\",
                r"\toprule",
                head,
                r"\midrule",
                r"\endfirsthead",
                r"\toprule",
                head,
                r"\midrule",
                r"\endhead",
                *body,
                r"\bottomrule",
                r"\end{longtable}",
                *note,
                r"\endgroup",
            ]
        else:
            if how == "tabularx":
                begin, end = rf"\begin{{tabularx}}{{\linewidth}}{{{spec}}}", r"\end{tabularx}"
            elif how == "resizebox":
                begin = rf"\resizebox{{\linewidth}}{{!}}{{\begin{{tabular}}{{{spec}}}"
                end = r"\end{tabular}}"
            else:
                begin, end = rf"\begin{{tabular}}{{{spec}}}", r"\end{tabular}"
            lines = [
                r"\begin{table}[htbp]",
                r"\centering",
                caption,
                begin,
                r"\toprule",
                head,
                r"\midrule",
                *body,
                r"\bottomrule",
                end,
                *note,
                r"\end{table}",
            ]
        parts.append("\n".join(lines))
    return f"% needs \\usepackage{{{LATEX_PACKAGES}}}\n" + "\n\n".join(parts) + "\n"


#: The stylesheet of a complete HTML document (``--format html --output``).
HTML_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 60em;
       padding: 0 1em; color: #222; line-height: 1.4; }
table.decide { border-collapse: collapse; margin: 1em 0 2em; font-size: 0.92em; }
table.decide caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.4em; }
table.decide th, table.decide td { padding: 0.25em 0.7em; border-bottom: 1px solid #ddd; vertical-align: top; }
table.decide thead th { border-bottom: 2px solid #444; text-align: left; }
table.decide td.num, table.decide th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.decide tbody tr.best { background: #eef5e9; font-weight: 600; }
p.note { font-size: 0.85em; color: #555; margin-top: -1.5em; }
"""


def best_rows(frame: Any) -> set[int]:
    """Positions of the rows to highlight as best: rank 1 (or Borda rank 1 in a
    comparison, the most often first in SMAA); none in tables that are not rankings.

    >>> import pandas as pd
    >>> sorted(best_rows(pd.DataFrame({"rank": [1, 1, 3], "strategy": ["A", "B", "C"]})))
    [0, 1]
    """
    if isinstance(frame, Table):  # only SMAA's summary among them is a ranking
        return {0} if "first-rank acceptability" in frame.columns and len(frame) else set()
    for column in ("rank", "borda"):
        if column in frame.columns:
            return {i for i, value in enumerate(frame[column]) if value == 1}
    if "first-rank acceptability" in frame.columns and len(frame):
        return {0}
    return set()


def _html_table(section: Section) -> str:
    headers, rows = _rows(section.frame, escape_html)
    align = _alignments(section.frame)
    best = best_rows(section.frame)

    def cls(i: int) -> str:
        return ' class="num"' if align[i] == "r" else ""

    lines = ['<table class="decide">', f"<caption>{escape_html(section.caption)}</caption>", "<thead>", "<tr>"]
    lines += [f"<th{cls(i)}>{h}</th>" for i, h in enumerate(headers)]
    lines += ["</tr>", "</thead>", "<tbody>"]
    for number, row in enumerate(rows):
        mark = ' class="best"' if number in best else ""
        lines.append(f"<tr{mark}>" + "".join(f"<td{cls(i)}>{v}</td>" for i, v in enumerate(row)) + "</tr>")
    lines += ["</tbody>", "</table>"]
    if section.note:
        lines.append(f'<p class="note">{escape_html(section.note)}</p>')
    return "\n".join(lines)


#: The compact style of tables in Jupyter (scoped to decide's tables).
NOTEBOOK_STYLE = """
table.decide { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0 1.2em; }
table.decide caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.3em; }
table.decide th, table.decide td { padding: 0.15em 0.6em; text-align: left; }
table.decide td.num, table.decide th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.decide tbody tr.best { background: rgba(60, 160, 60, 0.15); font-weight: 600; }
p.note { font-size: 0.85em; opacity: 0.8; margin-top: -0.8em; }
"""


def notebook_html(result: Exportable) -> str:
    """Compact HTML tables for Jupyter: caption, 4-decimal numbers, the best row highlighted."""
    from decide.rendering.escape import visible

    return f"<style>{NOTEBOOK_STYLE}</style>\n" + visible(_render_html(result, fragment=True))


def html_document(title: str, body: str, style: str = HTML_STYLE) -> str:
    """A complete HTML page: doctype, UTF-8, a small inline stylesheet, no external requests."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape_html(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _render_html(result: Exportable, fragment: bool = True) -> str:
    sections = result.sections()
    tables = "\n".join(_html_table(section) for section in sections)
    if fragment:
        return tables + "\n"
    title = sections[0].caption.split(";")[0] if sections else "decide"
    return html_document(f"decide: {title}", tables)


def _render_csv(result: Exportable, raw: bool = False) -> str:
    to_table = getattr(result, "to_table", None)
    if to_table is not None:  # rows without pandas (decide show): a large matrix saves its import
        return _table_csv(to_table(provenance=True), raw=raw)
    frame = neutralise_frame(result.to_frame(provenance=True), raw=raw)
    return frame.to_csv(index=False, lineterminator="\n")


def _table_csv(table: Table, raw: bool = False) -> str:
    """``table`` as CSV, written as pandas' ``to_csv(index=False)`` writes the same frame
    (the tests compare the two): minimal quoting, ``\n`` line ends, floats as ``repr``,
    text cells neutralised unless ``raw``."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise_cell(column, raw=raw) for column in table.columns])
    text_columns = (
        []
        if raw
        else [
            position for position, column in enumerate(zip(*table.rows, strict=True)) if str in set(map(type, column))
        ]
    )
    if not text_columns:
        writer.writerows(table.rows)
        return buffer.getvalue()
    for row in table.rows:
        cells = list(row)
        for position in text_columns:
            cells[position] = neutralise_cell(cells[position])
        writer.writerow(cells)
    return buffer.getvalue()


#: The command each kind of result answers: the ``command`` of its JSON document.
COMMANDS = {
    "Ranking": "rank", "Comparison": "compare", "ProfileComparison": "compare", "SensitivityResult": "sensitivity",
    "MakeTopResult": "sensitivity", "SMAAResult": "smaa", "Contributions": "explain", "ScenarioList": "scenarios",
    "RobustResult": "robust", "Overview": "list", "Catalogue": "methods", "ProfileList": "profiles",
    "MatrixView": "show", "ReportSummary": "report", "Report": "report", "Extraction": "extract",
    "WeightsResult": "weights",
}  # fmt: skip


def json_document(result: Exportable) -> dict[str, Any]:
    """The one JSON shape of every export: ``{"command": ..., <what the whole result shares>,
    "actors": [one object per actor, each naming its actor, file and filters]}``; ``actors`` is
    ``null`` for a result about no actor (``decide methods``).

    >>> import decide
    >>> document = json_document(decide.compare(actor="China", methods="wsm,topsis"))
    >>> document["command"], [entry["actor"] for entry in document["actors"]]
    ('compare', ['China'])
    """
    body = result.to_dict()
    if "actor" in body:  # a result about one actor: that actor is the one entry
        body = {"actors": [body]}
    return {
        "command": COMMANDS.get(type(result).__name__, type(result).__name__.lower()),
        **body,
        "actors": body.get("actors"),
    }


def _render_json(result: Exportable) -> str:
    return json.dumps(json_document(result), indent=2, ensure_ascii=False) + "\n"


_RENDERERS: dict[str, Callable[..., str]] = {
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


def render(
    result: Exportable,
    fmt: str = "table",
    *,
    fragment: bool = True,
    width: int | None = None,
    wide: bool = False,
    raw: bool = False,
) -> str:
    """``result`` as text in one of ``table``, ``markdown``, ``csv``, ``json``, ``latex``, ``html``.

    ``table`` wraps to ``width`` (default ``COLUMNS`` or 80); ``wide=True`` gives every
    column unwrapped. ``html`` is a bare table unless ``fragment=False`` (a whole page).
    CSV cells a spreadsheet would run as formulas are neutralised unless ``raw``.
    """
    from decide.rendering.escape import strip_hidden, visible

    name = check_format(fmt)
    if name not in _RENDERERS:
        raise DecideError(f"format '{name}' is binary; write it to a file, e.g. result.{name}")
    # every hidden character (an escape sequence, a text-direction override) is written out
    # visibly; LaTeX would read \u as a command, so there they are left out
    if name == "csv":
        return visible(_render_csv(result, raw=raw))
    if name == "html":
        return visible(_render_html(result, fragment=fragment))
    if name == "table":
        return visible(_render_table(result, width=width, wide=wide))
    if name == "latex":
        return strip_hidden(_RENDERERS[name](result))
    return visible(_RENDERERS[name](result))


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name's suffix implies (``report.tex`` -> ``latex``), if any."""
    return SUFFIX_FORMATS.get(Path(path).suffix.lower())


def _write_xlsx(result: Exportable, target: str, raw: bool = False) -> None:
    """The polished workbook (:mod:`decide.rendering.workbook`); text cells are never formulas unless ``raw``."""
    from decide.rendering.workbook import write_workbook

    write_workbook(result, target, raw=raw)


def atomic_write(
    path: str | os.PathLike[str],
    write: Callable[[str], None],
    inputs: Sequence[str | os.PathLike[str]] = (),
) -> Path:
    """Call ``write(temporary_path)`` and move the file into place only if it succeeds.

    See :func:`decide.io.files.write_output`: devices and pipes are written in place, an input
    file is never overwritten, and every failure is one clean :class:`DecideError` line.
    """
    from decide.io.files import write_output

    return Path(write_output(path, write, inputs=inputs))


def export(
    result: Exportable,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    raw: bool = False,
    inputs: Sequence[str | os.PathLike[str]] = (),
    fragment: bool = False,
    wide: bool = False,
) -> Path:
    """Write ``result`` to ``path`` atomically; the format defaults to the file's suffix.

    Nothing is left behind if rendering or writing fails; ``inputs`` are never overwritten.
    CSV and XLSX cells that a spreadsheet would run as formulas are neutralised unless ``raw``.
    HTML is a complete page unless ``fragment=True``; ``wide`` gives text tables every column.
    """
    name = check_format(fmt) if fmt else format_for_path(path)
    if name is None:
        raise UnknownNameError(f"{path}: cannot tell the format from the suffix; give --format ({', '.join(FORMATS)})")
    if name == "xlsx":
        return atomic_write(path, lambda temporary: _write_xlsx(result, temporary, raw=raw), inputs)
    from decide.io.files import write_output

    text = _render_csv(result, raw=raw) if name == "csv" else render(result, name, fragment=fragment, wide=wide)
    return Path(write_output(path, text, inputs=inputs))
