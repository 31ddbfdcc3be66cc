"""Every output format decide writes, in one registry: its name, the file suffixes that choose
it, what it renders (a result's tables, a briefing, or a chart) and the options it takes.

The command line reads this registry for ``--format``, ``--output`` and ``--plot`` (importing
nothing heavy); :mod:`decide.rendering.formats` renders the table formats, the briefing and
the charts have their own writers. Adding a format is adding one entry here and its renderer.

>>> FORMATS["csv"].suffixes
('.csv',)
>>> format_for_suffix(".HTM", kind="table").name
'html'
>>> [f.name for f in formats_of("chart")]
['svg', 'png']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["table", "report", "chart"]


@dataclass(frozen=True)
class Format:
    """One output format: ``kind`` says what it renders; ``text`` whether it can go to stdout."""

    name: str
    kind: Kind
    suffixes: tuple[str, ...]
    description: str
    text: bool = True
    options: tuple[str, ...] = ()


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "table", (".txt",), "a text table fitted to the terminal", options=("width", "wide")),
        Format("markdown", "table", (".md", ".markdown"), "Markdown (pandoc pipe tables) with captions"),
        Format("csv", "table", (".csv",), "one long table with provenance columns", options=("raw",)),
        Format("json", "table", (".json",), "one document: command, shared keys, one object per actor"),
        Format("latex", "table", (".tex",), "booktabs tables with captions and labels"),
        Format("html", "table", (".html", ".htm"), "a whole page, or the bare table", options=("fragment",)),
        Format("xlsx", "table", (".xlsx",), "an Excel workbook, a sheet per actor", text=False, options=("raw",)),
        Format("brief-html", "report", (".html", ".htm"), "the briefing as one self-contained page"),
        Format("brief-markdown", "report", (".md", ".markdown"), "the briefing as Markdown, charts beside it"),
        Format("brief-pdf", "report", (".pdf",), "the briefing printed by headless Chromium", text=False),
        Format("svg", "chart", (".svg",), "the result's chart as SVG", text=False),
        Format("png", "chart", (".png",), "the result's chart as PNG", text=False),
    )
}


def formats_of(kind: Kind) -> list[Format]:
    """The formats of one kind, in registry order."""
    return [f for f in FORMATS.values() if f.kind == kind]


def suffixes_of(kind: Kind) -> tuple[str, ...]:
    """Every file suffix that chooses a format of ``kind``."""
    return tuple(s for f in formats_of(kind) for s in f.suffixes)


def format_for_suffix(suffix: str, kind: Kind = "table") -> Format | None:
    """The format of ``kind`` a file suffix chooses (any case), or ``None``."""
    wanted = suffix.lower()
    return next((f for f in formats_of(kind) if wanted in f.suffixes), None)


#: The table formats by name, and those that can be printed to stdout.
TABLE_FORMATS = tuple(f.name for f in formats_of("table"))
TEXT_FORMATS = tuple(f.name for f in formats_of("table") if f.text)
FILE_FORMATS = tuple(f.name for f in formats_of("table") if not f.text)

__all__ = [
    "FILE_FORMATS",
    "FORMATS",
    "TABLE_FORMATS",
    "TEXT_FORMATS",
    "Format",
    "format_for_suffix",
    "formats_of",
    "suffixes_of",
]
