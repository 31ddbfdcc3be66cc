"""Reading an article (plain text, Markdown or HTML saved from a browser) and cleaning its text.

:func:`read_article` reads a file (UTF-8, at most :data:`MAX_ARTICLE_BYTES`; binary files and other
encodings are one clear :class:`~decide.core.errors.DecideError` naming the file) and
:func:`parse_article` cleans the text and finds its parts (:mod:`decide.io.article_parts`):

- encoding debris is removed without touching a real character: classic mojibake (``â€™``) is
  repaired to the character it stands for, broken sequences (``â˘``, ``âŁ``, ``â¤``) and the
  braille-pattern characters that stand where a space was (``⢠``, ``⣠``, ``⤠``) are dropped,
  and stray HTML tags typed into the text (``< / p >``, ``< br/>``) go; curly quotes, accents
  and dashes stay as they are;
- an HTML page becomes the plain-text shape the parts are read from: ``#`` headings, ``- `` list
  items, pipe tables.

>>> article = parse_article("Arctic Choices\\nOptions for Norway\\n- Basing: Host allied aircraft.\\n", "n.txt")
>>> [(item.section, item.label, item.text) for item in article.list_items]
[('Options for Norway', 'Basing', 'Host allied aircraft.')]
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from decide.core.errors import DecideError, MatrixError
from decide.io.article_parts import Article, find_parts

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""The largest article decide reads (2 MB: a long article is well under 200 KB)."""

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")

# --------------------------------------------------------------------------- reading

#: File signatures of formats that are not text, with the name the message gives them.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt document?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel document"),
    (b"{\\rtf", "an RTF document"),
)


def read_article(path: str | Path, *, limit_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read and parse the article at ``path``; every problem is one :class:`DecideError` line naming it."""
    from decide.io.files import read_text_limited

    path = Path(path)
    label = str(path)
    if path.is_dir():
        raise DecideError(f"{label}: is a folder; give an article file (text, Markdown or HTML)")
    try:
        with open(path, "rb") as stream:
            head = stream.read(8)
    except OSError:
        head = b""  # read_text_limited names the problem
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise DecideError(f"{label}: looks like {kind}, not text; save the article as text, Markdown or HTML")
    try:
        text = read_text_limited(path, limit_bytes=limit_bytes, label=label)
    except MatrixError as error:
        message = error.problems[0].replace("; a matrix file must be smaller", "; an article must be smaller")
        raise DecideError(message.replace("expected a UTF-8 text file", "expected a UTF-8 text article")) from None
    if not text.strip():
        raise DecideError(f"{label}: file is empty; expected an article (text, Markdown or HTML)")
    kind = (
        "html"
        if path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(text)
        else ("markdown" if path.suffix.lower() in MARKDOWN_SUFFIXES else "text")
    )
    return parse_article(text, path.name, kind=kind, path=path)


def _looks_like_html(text: str) -> bool:
    start = text.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html")) or ("<body" in start and "</" in text)


class _HTMLToText(HTMLParser):
    """HTML to the plain-text shape the parser reads: ``#`` headings, ``- `` list items, pipe tables."""

    SKIP = frozenset({"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "svg", "form"})
    BLOCK = frozenset(
        {
            "p",
            "div",
            "section",
            "article",
            "main",
            "header",
            "blockquote",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "figure",
            "figcaption",
            "pre",
            "hr",
            "br",
            "body",
            "html",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.header_row = False

    def _flush(self, prefix: str = "") -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.lines.append(prefix + text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif self.skipping:
            return
        elif tag == "table":
            self._flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif (tag in ("h1", "h2", "h3", "h4", "h5", "h6", "li") or tag in self.BLOCK) and self.cell is None:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif self.skipping:
            return
        elif tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).replace("|", "/").split()))
            self.cell = None
        elif tag == "tr" and self.table is not None and self.row is not None:
            if any(self.row):
                self.table.append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            rows, self.table = self.table, None
            if rows:
                self.lines.append(" | ".join(rows[0]) + " |")
                self.lines.append("|".join("---" for _ in rows[0]) + "|")
                self.lines += [" | ".join(row) + " |" for row in rows[1:]]
        elif tag == "h1":
            self._flush("# ")
        elif tag in ("h2", "h3", "h4", "h5", "h6"):
            self._flush("## ")
        elif tag == "li":
            self._flush("- ")
        elif tag in self.BLOCK and self.cell is None:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        (self.cell if self.cell is not None else self.current).append(data)


def html_to_text(markup: str) -> str:
    """The text of an HTML page, with headings as ``#`` lines, list items as ``- `` lines and tables
    as pipe tables.

    >>> print(html_to_text("<h2>Options</h2><ul><li><b>Talks</b>: meet</li></ul>"), end="")
    ## Options
    - Talks: meet
    """
    parser = _HTMLToText()
    parser.feed(markup)
    parser.close()
    parser._flush()
    return "\n".join(parser.lines) + "\n"


# --------------------------------------------------------------------------- cleaning

#: Characters that follow the lead byte of a UTF-8 sequence once it is read as Windows-1252
#: (bytes 0x80-0xBF): the tail of classic mojibake such as ``â€™``.
_CONTINUATION = "".join(sorted({bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)} - {""}))
#: The same bytes read as Windows-1250 (Central European): ``˘``, ``Ł``, ``¤``, ... as in ``â˘``.
_CONTINUATION_1250 = "".join(
    sorted({bytes([b]).decode("cp1250", errors="ignore") for b in range(0x80, 0xC0)} - {""} - set(_CONTINUATION))
)
_MOJIBAKE = re.compile(f"([\u00c2-\u00f4])([{re.escape(_CONTINUATION)}]{{1,3}})")
_BROKEN = re.compile(f"\u00e2[{re.escape(_CONTINUATION + _CONTINUATION_1250)}]")
#: Braille patterns and supplemental arrows: in these articles they stand where a space was.
_SPACE_DEBRIS = re.compile("[\u2800-\u297f]")
_INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2060-\u2064\ufeff]")
_TAGS = "p|br|strong|b|em|i|u|span|div|a|li|ul|ol|h[1-6]|font|small|sup|sub"
_TAG_DEBRIS = re.compile(rf"<\s*/?\s*(?:{_TAGS})\b[^<>]{{0,60}}>", re.IGNORECASE)
_STRAY_CLOSE = re.compile(rf"(?<=\w)\s+(?:{_TAGS})\s*>(?=\w)", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BROKEN_ENTITY = re.compile(r"&\s+;")


def _repair(match: re.Match[str]) -> str:
    lead, tail = match.group(1), match.group(2)
    length = 2 if lead <= "\u00df" else 3 if lead <= "\u00ef" else 4
    if len(tail) < length - 1:
        return match.group(0)
    try:
        fixed = (lead + tail[: length - 1]).encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return match.group(0)
    if _INVISIBLE.fullmatch(fixed) or fixed in ("\u00a0",):
        fixed = " " if fixed == "\u00a0" else ""
    return fixed + tail[length - 1 :]


def clean_text(text: str) -> tuple[str, int]:
    """``text`` without encoding debris, and how many pieces of debris were taken out or repaired.

    Every real character stays: curly quotes, accents, dashes, ``&`` in a name.

    >>> clean_text("the⢠United States and â˘North Korea’s âŁnuclear⣠ambitions")
    ('the United States and North Korea’s nuclear ambitions', 4)
    >>> clean_text("It’s here â€” cafÃ© crème")[0]
    'It’s here — café crème'
    >>> clean_text("territories .< / p > Moscow & ;Pyongyang")[0]
    'territories . Moscow & Pyongyang'
    """
    changed = len(_MOJIBAKE.findall(text))
    text = _MOJIBAKE.sub(_repair, text)
    for pattern, replacement in (
        (_BROKEN, ""),
        (_SPACE_DEBRIS, " "),
        (_INVISIBLE, ""),
        (_TAG_DEBRIS, " "),
        (_STRAY_CLOSE, " "),
        (_BROKEN_ENTITY, "& "),
    ):
        text, count = pattern.subn(replacement, text.replace("\t", " "))
        changed += count
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines), changed


# --------------------------------------------------------------------------- parsing


def parse_article(text: str, name: str, *, kind: str = "text", path: Path | None = None) -> Article:
    """Clean ``text`` and find its title, sections, tables, list items and paragraphs.

    ``name`` is the file name locators give; ``kind`` is ``text``, ``markdown`` or ``html``.
    """
    if kind == "html":
        text = html_to_text(text)
    text, removed = clean_text(text)
    if kind in ("markdown", "html"):
        text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return find_parts(text, name, removed=removed, kind=kind, path=path)
