"""The parts of a cleaned article, and the locators that name them.

:func:`find_parts` finds in a cleaned text (:func:`decide.io.article.parse_article` cleans it):

- headings (lines of their own, or Markdown ``#`` lines), pipe tables (header and rows; a
  ragged row is padded or its extra cells joined, and the article's ``problems`` say so),
  list items (``- Label: description`` or without a label) with the sentence that leads
  into the list, and the paragraphs, split into sentences.

Locators are written in the format of the shipped matrices' ``source`` fields::

    000.txt; table 'Strategy | benefits | Challenges', row 'Direct Talks'
    000.txt; section 'S', list 'Key avenues for engagement', list item 'Engaging ASEAN Nations'
    001.txt; section 'S', paragraph 'the United States should consider'

>>> article = find_parts("Arctic Choices\\nOptions for Norway\\n- Basing: Host allied aircraft.\\n", "n.txt")
>>> [(item.section, item.label, item.text) for item in article.list_items]
[('Options for Norway', 'Basing', 'Host allied aircraft.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from decide.core.counts import counted


@dataclass(frozen=True)
class Table:
    """A pipe table: its header cells, its rows (each as long as the header) and where it is."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    section: str | None
    line: int
    #: the paragraphs of the section before the table, nearest first
    before: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """``'Strategy | benefits | Challenges'``: the header as locators name the table."""
        return " | ".join(self.header)


@dataclass(frozen=True)
class ListItem:
    """One list item: its label (``None`` when it has none), its description and where it is."""

    label: str | None
    text: str
    section: str | None
    line: int
    #: the sentence that leads into the list, ``None`` when the list follows no paragraph
    lead: str | None = None
    #: the paragraphs of the section before the list, nearest first
    before: tuple[str, ...] = ()
    list_index: int = 0

    @property
    def whole(self) -> str:
        """The item as written (label and description)."""
        return f"{self.label}: {self.text}" if self.label else self.text


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text (lines joined where a sentence runs on) and its sentences."""

    text: str
    section: str | None
    line: int
    sentences: tuple[str, ...]
    #: the paragraphs of the section before this one, nearest first
    before: tuple[str, ...] = ()
    #: whether a list or a table follows it at once (it leads into them)
    leads: bool = False


@dataclass(frozen=True)
class Article:
    """A cleaned article and its parts."""

    name: str
    text: str
    title: str | None
    sections: tuple[str, ...]
    tables: tuple[Table, ...]
    list_items: tuple[ListItem, ...]
    paragraphs: tuple[Paragraph, ...]
    removed: int = 0
    """How many characters of encoding debris were removed or repaired."""
    problems: tuple[str, ...] = ()
    """What could not be read as written (a ragged table row, say), one line each."""
    path: Path | None = field(default=None, compare=False)
    kind: str = "text"


_LIST = re.compile(r"^(?:[-*+•▪◦–]|\d{1,3}[.)])\s+(.*)$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$")
_SENTENCE_END = re.compile(r"[.!?:;,]$")
_CAPITALISED = re.compile(r"\b[A-Z0-9]")
#: a label before ': ' in a list item: short, and not a sentence
_LABEL = re.compile(r"^([^:.!?]{1,90}?):\s+(.*)$")


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [cell.strip() for cell in line.split("|")]


def _is_heading(line: str, previous: str | None) -> bool:
    """A line of its own that reads as a title: short, no closing punctuation, after a finished block."""
    words = line.split()
    if not words or len(words) > 16 or len(line) > 150:
        return False
    if _SENTENCE_END.search(line) and not _ABBREVIATION_END.search(line):
        return False
    if not _CAPITALISED.search(line) or "|" in line:
        return False
    # not when the line before is a sentence that runs on into this one
    return previous is None or not previous.strip() or bool(re.search(r"[.!?:;\"”’)|]$", previous.strip()))


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph (at ``.``, ``!`` or ``?`` followed by a space and a capital, or
    at a colon that ends the paragraph); abbreviations such as ``U.S.`` do not end one.

    >>> split_sentences("The U.S. can act. China may wait .Then talks")
    ['The U.S. can act.', 'China may wait .Then talks']
    """
    parts: list[str] = []
    start = 0
    for match in re.finditer(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z])", text):
        end = match.start()
        before = text[start:end]
        if re.search(r"(?:\b[A-Z]\.){1,}[A-Z]?\.?$", before) and not re.search(r"\b[a-z]{2,}\.$", before):
            last = before.split()[-1] if before.split() else ""
            if re.fullmatch(r"(?:[A-Z]\.){1,3}", last):  # U.S. before a name: not an end
                continue
        parts.append(before.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


def lead_in(paragraph: str) -> str:
    """The words that lead into a list: the last clause of the paragraph's last sentence, without
    the colon and a final 'include'.

    >>> lead_in("Moreover, the West could act. By doing so, china could consider strategies such as:")
    'china could consider strategies such as'
    >>> lead_in("Specific areas of interest include:")
    'Specific areas of interest'
    """
    sentences = split_sentences(paragraph)
    last = sentences[-1] if sentences else paragraph
    last = last.rstrip().rstrip(":").rstrip()
    clause = last.rsplit(", ", 1)[-1] if ", " in last else last
    clause = re.sub(r"\s+(?:include|includes|are|is)$", "", clause)
    return clause.strip()


def find_parts(text: str, name: str, *, removed: int = 0, kind: str = "text", path: Path | None = None) -> Article:
    """The title, sections, tables, list items and paragraphs of the cleaned ``text``.

    ``name`` is the file name locators give; ``removed`` how much encoding debris cleaning took out;
    ``kind`` is ``text``, ``markdown`` or ``html``.
    """
    lines = text.split("\n")
    problems: list[str] = []
    title: str | None = None
    section: str | None = None
    sections: list[str] = []
    tables: list[Table] = []
    items: list[ListItem] = []
    paragraphs: list[Paragraph] = []
    section_paragraphs: list[str] = []
    current: list[str] = []
    current_line = 0
    previous: str | None = None
    lists = 0
    in_list = False
    seen_text = False
    continued: set[int] = set()

    def mark_lead() -> None:
        """The paragraph just ended leads into the list or table that starts here."""
        if current:
            end_paragraph()
            paragraphs[-1] = replace(paragraphs[-1], leads=True)

    def end_paragraph() -> None:
        nonlocal current
        if current:
            joined = " ".join(current)
            paragraphs.append(
                Paragraph(
                    joined, section, current_line, tuple(split_sentences(joined)), tuple(reversed(section_paragraphs))
                )
            )
            section_paragraphs.append(joined)
            current = []

    index = 0
    while index < len(lines):
        line = lines[index].strip()
        number = index + 1
        index += 1
        if not line:
            end_paragraph()
            in_list = False
            previous = None
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            end_paragraph()
            in_list = False
            if heading.group(1) == "#" and title is None and not seen_text:
                title = heading.group(2)
            else:
                section = heading.group(2)
                sections.append(section)
                section_paragraphs = []
            seen_text = True
            previous = line + "."
            continue
        if "|" in line and index < len(lines) and _SEPARATOR.match(lines[index].strip()):
            mark_lead()
            in_list = False
            header = [cell for cell in _cells(line)]
            while header and not header[-1]:
                header.pop()
            index += 1
            rows: list[tuple[str, ...]] = []
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                cells = _cells(lines[index])
                while len(cells) > len(header) and not cells[-1]:
                    cells.pop()
                if len(cells) != len(header):
                    problems.append(
                        f"{name}: line {index + 1}: table '{' | '.join(header)}' row has "
                        f"{counted(len(cells), 'cell')}, the header {len(header)}; "
                        + (
                            "the missing cells are left empty"
                            if len(cells) < len(header)
                            else "the extra cells are joined into the last column"
                        )
                    )
                    if len(cells) < len(header):
                        cells += [""] * (len(header) - len(cells))
                    else:
                        cells = [*cells[: len(header) - 1], " | ".join(cells[len(header) - 1 :])]
                if any(cells):
                    rows.append(tuple(cells))
                index += 1
            if not header or not rows:
                problems.append(f"{name}: line {number}: a table with no header or no rows; skipped")
            else:
                tables.append(Table(tuple(header), tuple(rows), section, number, tuple(reversed(section_paragraphs))))
            seen_text = True
            previous = "|"
            continue
        listed = _LIST.match(line)
        if listed and listed.group(1).strip():
            if not in_list:
                lead = lead_in(" ".join(current)) if current and current[-1].endswith(":") else None
                mark_lead()
                lists += 1
                in_list = True
                list_lead = lead
            body = listed.group(1).strip()
            labelled = _LABEL.match(body)
            if labelled and len(labelled.group(1).split()) <= 10:
                label, description = labelled.group(1).strip().strip("*_ "), labelled.group(2).strip()
            else:
                label, description = None, body
            items.append(
                ListItem(label, description, section, number, list_lead, tuple(reversed(section_paragraphs)), lists)
            )
            seen_text = True
            previous = line if _SENTENCE_END.search(line) else line + "."
            continue
        in_list = False
        before = current[-1] if current else previous
        if current and re.search(r"[.!?:\"”]$", current[-1]):
            end_paragraph()
        if not current and _is_heading(line, before):
            if title is None and not seen_text:
                title = line
            else:
                section = line
                sections.append(section)
                section_paragraphs = []
            seen_text = True
            previous = line + "."
            continue
        if not current:
            current_line = number
        else:
            continued.add(number - 1)  # a sentence running on: the line break is a space
        current.append(line)
        seen_text = True
        previous = line
    end_paragraph()
    text = "".join(line if i == 0 else (" " if i in continued else "\n") + line for i, line in enumerate(lines))
    return Article(
        name,
        text,
        title,
        tuple(sections),
        tuple(tables),
        tuple(items),
        tuple(paragraphs),
        removed,
        tuple(problems),
        path,
        kind,
    )


# --------------------------------------------------------------------------- locators


def quoted(text: str) -> str:
    """``'text'`` as locators quote it (an apostrophe inside is kept: the locator is read by people)."""
    return f"'{text}'"


def table_locator(article: str, table: Table, row: str, column: str | None = None, cell: str | None = None) -> str:
    """``FILE; table 'A | B', row 'R'`` (and ``, Column 'cell'`` when a cell is quoted)."""
    text = f"{article}; table {quoted(table.title)}, row {quoted(row)}"
    return text + (f", {column} {quoted(cell)}" if column and cell else "")


def list_locator(article: str, item: ListItem) -> str:
    """``FILE; section 'S', list 'Lead', list item 'Label'`` (section and list only where known)."""
    parts = [f"section {quoted(item.section)}"] if item.section else []
    if item.lead and len(item.lead.split()) <= 12:
        parts.append(f"list {quoted(item.lead)}")
    parts.append(f"list item {quoted(item_label(item))}")
    return f"{article}; " + ", ".join(parts)


def item_label(item: ListItem) -> str:
    """The item's label, or its first words when it has none."""
    if item.label:
        return item.label
    return first_words(item.text)


def first_words(text: str, count: int = 8) -> str:
    """The first ``count`` words of ``text`` (no closing punctuation).

    >>> first_words("Host allied aircraft at Bodø on rotation, not permanently.", 5)
    'Host allied aircraft at Bodø'
    """
    words = text.split()
    return " ".join(words[:count]).rstrip(".,;:!?")


def paragraph_locator(article: str, section: str | None, phrase: str) -> str:
    """``FILE; section 'S', paragraph 'phrase'`` or ``FILE; opening paragraph 'phrase'``."""
    where = f"section {quoted(section)}, paragraph" if section else "opening paragraph"
    return f"{article}; {where} {quoted(phrase)}"
