"""Locate the two seed articles and check quoted phrases against the article each quote names.

The articles do not ship with decide: set ``DECIDE_SEEDS`` to their folder, or keep them in
``../shared/seeds`` beside the checkout (as CI does).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ARTICLES = {"000": "000_791be41c42e32bb7.txt", "001": "001_74c0654f5095ab61.txt"}
QUOTE = re.compile(r"(?<![A-Za-z])'([^']+?)'(?![A-Za-z])")
TAG_AFTER = re.compile(r"\s*\((00[01])\)")


def seeds_dir() -> Path | None:
    """The folder holding the articles: ``$DECIDE_SEEDS``, else ``../shared/seeds`` beside the checkout."""
    given = os.environ.get("DECIDE_SEEDS")
    folder = Path(given) if given else Path(__file__).resolve().parents[2] / "shared" / "seeds"
    return folder if all((folder / name).is_file() for name in ARTICLES.values()) else None


def squeeze(text: str) -> str:
    """Lower case, no spaces, the articles' mojibake for invisible characters removed.

    >>> squeeze("Build  trust⢠and")
    'buildtrustand'
    """
    text = re.sub(r"[⢠⣠⤠]", " ", text)
    text = re.sub(r"â[˘¤Ł]", "", text)
    return re.sub(r"\s+", "", text).lower()


def read_articles(folder: Path) -> dict[str, str]:
    return {tag: squeeze((folder / name).read_text(encoding="utf-8")) for tag, name in ARTICLES.items()}


def source_tags(source: str) -> list[str]:
    """The articles a source text names, by tag ('000', '001')."""
    return [tag for tag, name in ARTICLES.items() if name in source]


def misquotes(text: str, default_tags: list[str], articles: dict[str, str]) -> list[str]:
    """The quotes in ``text`` not found in the article each names.

    A quote names its article with a '(000)' or '(001)' tag right after it; an untagged quote is
    checked against ``default_tags`` and must name exactly one article there.
    """
    problems = []
    for match in QUOTE.finditer(text):
        quote = match.group(1)
        tag = TAG_AFTER.match(text, match.end())
        tags = [tag.group(1)] if tag else default_tags
        if len(tags) != 1:
            problems.append(f"'{quote}': tag it (000) or (001); its source names {len(tags)} articles")
        elif squeeze(quote) not in articles[tags[0]]:
            problems.append(f"'{quote}': not in {ARTICLES[tags[0]]}")
    return problems
