"""Locate the two seed articles and check quoted phrases against the article each quote names.

The articles do not ship with decide: set ``DECIDE_SEEDS`` to their folder, or keep them in
``../shared/seeds`` beside the checkout (as CI does).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ARTICLES = {"000": "000_791be41c42e32bb7.txt", "001": "001_74c0654f5095ab61.txt"}
# A quote is 'between straight single quotes'; an apostrophe inside it (North Korea's, 000's) sits between a
# letter or digit and a letter, so it neither opens nor closes one.
APOSTROPHE = r"(?<=[A-Za-z0-9])'(?=[A-Za-z])"
QUOTE = re.compile(rf"(?<![A-Za-z0-9])'((?:[^']|{APOSTROPHE})+?)'(?![A-Za-z0-9])")
_APOSTROPHE = re.compile(APOSTROPHE)
TAG_AFTER = re.compile(r"\s*\((00[01])\)")


def seeds_dir() -> Path | None:
    """The folder holding the articles: ``$DECIDE_SEEDS``, else ``../shared/seeds`` beside the checkout."""
    given = os.environ.get("DECIDE_SEEDS")
    folder = Path(given) if given else Path(__file__).resolve().parents[2] / "shared" / "seeds"
    return folder if all((folder / name).is_file() for name in ARTICLES.values()) else None


def squeeze(text: str) -> str:
    """Lower case, whitespace collapsed to one space, curly apostrophes straight, the articles' mojibake for
    invisible characters read as a space.

    >>> squeeze(" Build  trust⢠and â˘North Korea’s ")
    "build trust and north korea's"
    """
    text = re.sub(r"[⢠⣠⤠]|â[˘¤Ł]", " ", text)
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def read_articles(folder: Path) -> dict[str, str]:
    return {tag: squeeze((folder / name).read_text(encoding="utf-8")) for tag, name in ARTICLES.items()}


def quotes_in(text: str) -> list[str]:
    """The quoted phrases in ``text``.

    >>> quotes_in("000's table: 'North Korea's defense' (000) and 'Amped' (001)")
    ["North Korea's defense", 'Amped']
    """
    return [match.group(1) for match in QUOTE.finditer(text)]


def stray_quote_marks(text: str) -> list[str]:
    """Straight single quotes left over once every quote is taken out, apostrophes aside: each is a quote
    the checks would silently skip (an unclosed quote, or one the pattern cannot read).

    >>> stray_quote_marks("'closed' and China's 'open")
    ["'open"]
    """
    rest = QUOTE.sub("", text)
    return [rest[m.start() : m.start() + 20] for m in re.finditer("'", rest) if not _APOSTROPHE.match(rest, m.start())]


def shipped_texts() -> list[tuple[str, str, list[str]]]:
    """(where, text, default article tags) of every shipped text that may quote the articles: weights
    rationales, strategy rationales and reasoning, profile rationales and scenario adjustments."""
    from decide import load_matrices

    try:  # the package is being split into subpackages: scenario files move to decide.io
        from decide.io.scenarios import load_scenarios
    except ImportError:
        from decide.scenarios import load_scenarios

    found = []
    for matrix in load_matrices():
        found.append((f"{matrix.actor}: weights", matrix.weights_rationale, []))
        for strategy in matrix.strategies:
            tags = source_tags(strategy.source)
            texts = [*strategy.rationale.values(), strategy.reasoning or ""]
            found += [(f"{matrix.actor}: {strategy.name}", text, tags) for text in texts]
        found += [(f"{matrix.actor}: profile {p.name}", p.rationale, []) for p in matrix.profiles]
        for scenario in load_scenarios(matrix):
            tags = source_tags(scenario.source)
            found += [(f"{matrix.actor}: scenario {scenario.name}", a.rationale, tags) for a in scenario.adjustments]
    return found


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
