"""A small document model for reports: pages of headings, paragraphs, lists, tables and
figures, written as one self-contained HTML page or as Markdown with its images in a
folder beside it (``brief.md`` -> ``brief_files/``).

Every text is plain text and is escaped for the format it lands in; figures are drawn
lazily (``draw()`` returns a matplotlib Axes) so a Markdown report writes files and an
HTML report inlines SVG from the same blocks.

>>> page = Page("summary", (Heading("Summary"), Para("A & B", strong="Answer:")))
>>> "<strong>Answer:</strong> A &amp; B" in to_html_body([page])
True
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from decide.core.tables import Section
from decide.rendering.escape import escape_html, escape_markdown


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Para:
    """A paragraph of plain text, optionally opening with a bold ``strong`` phrase."""

    text: str
    strong: str = ""
    css: str = ""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    css: str = ""
    #: optional bold opening of each item (same length as ``items`` or empty)
    strong: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableBlock:
    section: Section


@dataclass(frozen=True)
class Figure:
    """A chart: ``draw()`` returns a matplotlib Axes; ``name`` is unique within its page;
    ``svg()``, when given, returns the same chart as SVG text, used instead of drawing it
    with matplotlib wherever SVG is written (HTML, PDF, Markdown's ``.svg`` files)."""

    draw: Callable[[], Any]
    caption: str
    name: str
    alt: str = ""
    svg: Callable[[], str] | None = None


@dataclass(frozen=True)
class Raw:
    """HTML written as is (already escaped); left out of Markdown unless ``markdown`` is given."""

    html: str
    markdown: str = ""


@dataclass(frozen=True)
class Page:
    """A group of blocks printed together: ``css`` ``"page"`` starts a new printed page."""

    anchor: str
    blocks: tuple[Any, ...]
    css: str = ""
    attributes: dict[str, str] = field(default_factory=dict)


def slug(text: str) -> str:
    """A file- and anchor-safe name: ASCII words plus a short hash of the whole text, so two
    names that share their ASCII part (``日本``, ``中国``) still differ.

    >>> slug("United States")
    'united-states-768685'
    >>> slug("日本") != slug("中国")
    True
    """
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "actor"
    return f"{words}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:6]}"


def _attrs(attributes: dict[str, str]) -> str:
    return "".join(f' {k}="{escape_html(v)}"' for k, v in attributes.items())


def block_html(block: Any) -> str:
    from decide.rendering.charts import svg_text
    from decide.rendering.formats import _html_table

    if isinstance(block, Heading):
        return f"<h{block.level}>{escape_html(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        css = f' class="{block.css}"' if block.css else ""
        strong = f"<strong>{escape_html(block.strong)}</strong> " if block.strong else ""
        return f"<p{css}>{strong}{escape_html(block.text)}</p>"
    if isinstance(block, Bullets):
        css = f' class="{block.css}"' if block.css else ""
        openings = block.strong or ("",) * len(block.items)
        items = "".join(
            f"<li>{f'<strong>{escape_html(s)}</strong> ' if s else ''}{escape_html(t)}</li>"
            for s, t in zip(openings, block.items, strict=True)
        )
        return f"<ul{css}>{items}</ul>"
    if isinstance(block, TableBlock):
        return _html_table(block.section)
    if isinstance(block, Figure):
        drawn = block.svg() if block.svg is not None else svg_text(block.draw())
        return f"<figure>{drawn}<figcaption>{escape_html(block.caption)}</figcaption></figure>"
    if isinstance(block, Raw):
        return block.html
    raise TypeError(f"not a report block: {block!r}")


def to_html_body(pages: Sequence[Page], progress: Callable[[int, int], None] | None = None) -> str:
    """The pages as HTML ``<section>`` elements; ``progress(done, total)`` after each page."""
    parts = []
    for done, page in enumerate(pages):
        css = f' class="{page.css}"' if page.css else ""
        inner = "\n".join(block_html(block) for block in page.blocks)
        parts.append(f'<section id="{escape_html(page.anchor)}"{css}{_attrs(page.attributes)}>\n{inner}\n</section>')
        if progress is not None:
            progress(done + 1, len(pages))
    return "\n".join(parts)


def _markdown_table(section: Section) -> list[str]:
    from decide.rendering.formats import _tabulate

    lines = [_tabulate(section.frame, "pipe", escape_markdown), "", f"Table: {escape_markdown(section.caption)}", ""]
    if section.note:
        lines += [escape_markdown(section.note), ""]
    return lines


def save_figure(axis: Any, path: str | os.PathLike[str]) -> None:
    """Write the figure of ``axis`` to ``path`` (SVG keeps text as text) and close it."""
    import matplotlib.pyplot as plt

    try:
        with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "decide"}):
            axis.figure.savefig(path, dpi=150, metadata={"Date": None} if str(path).endswith(".svg") else None)
    finally:
        plt.close(axis.figure)


def to_markdown(
    pages: Sequence[Page], folder: Path, progress: Callable[[int, int], None] | None = None, chart_format: str = "svg"
) -> str:
    """The pages as Markdown; figures are written into ``folder`` (created) and linked as
    ``<folder name>/<page anchor>-<figure name>.svg``."""
    lines: list[str] = []
    for done, page in enumerate(pages):
        for block in page.blocks:
            if isinstance(block, Heading):
                lines += ["#" * block.level + " " + escape_markdown(block.text), ""]
            elif isinstance(block, Para):
                strong = f"**{escape_markdown(block.strong)}** " if block.strong else ""
                lines += [strong + escape_markdown(block.text), ""]
            elif isinstance(block, Bullets):
                openings = block.strong or ("",) * len(block.items)
                lines += [
                    f"- {f'**{escape_markdown(s)}** ' if s else ''}{escape_markdown(t)}"
                    for s, t in zip(openings, block.items, strict=True)
                ]
                lines.append("")
            elif isinstance(block, TableBlock):
                lines += _markdown_table(block.section)
            elif isinstance(block, Figure):
                folder.mkdir(parents=True, exist_ok=True)
                name = f"{page.anchor}-{block.name}.{chart_format}"
                if block.svg is not None and chart_format == "svg":
                    (folder / name).write_text(
                        '<?xml version="1.0" encoding="utf-8"?>\n' + block.svg(), encoding="utf-8"
                    )
                else:
                    save_figure(block.draw(), folder / name)
                alt = escape_markdown(block.alt or block.caption).replace("<br>", " ")
                lines += [f"![{alt}]({folder.name}/{name})", "", f"*{escape_markdown(block.caption)}*", ""]
            elif isinstance(block, Raw) and block.markdown:
                lines += [block.markdown, ""]
        if progress is not None:
            progress(done + 1, len(pages))
    return "\n".join(lines)


__all__ = [
    "Bullets",
    "Figure",
    "Heading",
    "Page",
    "Para",
    "Raw",
    "TableBlock",
    "block_html",
    "save_figure",
    "slug",
    "to_html_body",
    "to_markdown",
]
