"""Comparing an article's items with existing matrices (``decide extract --against``).

:func:`carriers` finds the existing strategies that already carry an item: by its locator, by a
quote of four or more words in common, or (for the actors it is assigned to) by a similar name.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from decide.analysis.extract_items import Item
from decide.core.model import Matrix
from decide.io.article_parts import first_words


@dataclass(frozen=True)
class Match:
    """An existing strategy that carries an item, and how it was matched."""

    actor: str
    strategy: str
    how: str
    """``locator``, ``quote 'words'`` or ``similar name``."""

    def __str__(self) -> str:
        return f"{self.actor}: {self.strategy} ({self.how})"


_QUOTED = re.compile(r"(?<![A-Za-z])'([^']+?)'(?![A-Za-z])")


def _segments(source: str) -> list[str]:
    return [part.strip() for part in re.split(r";\s*also\s+", source) if part.strip()]


def _locator_carries(item: Item, segments: Sequence[str]) -> bool:
    for segment in segments:
        if not segment.startswith(item.article + ";"):
            continue
        if item.place == "table row":
            if f"table '{item.where[len('table ') + 1 : -1]}'" in segment and f"row '{item.row}'" in segment:
                return True
        elif item.place == "list item":
            section_ok = item.section is None or f"section '{item.section}'" in segment
            if section_ok and f"list item '{item.row}'" in segment:
                return True
        else:
            phrase = re.search(r"paragraph '(.+?)'(?:$|,)", segment)
            if phrase and phrase.group(1) in item.quote:
                return True
    return False


def _content_words(text: str) -> set[str]:
    stop = {
        "the",
        "and",
        "with",
        "for",
        "of",
        "to",
        "in",
        "on",
        "a",
        "an",
        "its",
        "their",
        "by",
        "from",
        "as",
        "status",
        "quo",
    }
    return {w for w in re.findall(r"[a-z]+", text.casefold()) if w not in stop and len(w) > 2}


def _similar(name: str, other: str) -> bool:
    a, b = _content_words(name), _content_words(other)
    if not a or not b:
        return False
    if len(a & b) / len(a | b) >= 0.6:
        return True
    matcher = difflib.SequenceMatcher(None, name.casefold(), other.casefold())
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


@dataclass(frozen=True)
class _Known:
    """An existing strategy, with what matching needs read once: its source segments and long quotes."""

    actor: str
    name: str
    segments: tuple[str, ...]
    quotes: tuple[str, ...]
    source: str


def known_strategies(matrices: Sequence[Matrix]) -> list[_Known]:
    """The strategies of ``matrices``, prepared for :func:`carriers`."""
    known = []
    for matrix in matrices:
        for strategy in matrix.strategies:
            rationale = (
                strategy.rationale if isinstance(strategy.rationale, str) else " ".join(strategy.rationale.values())
            )
            quotes = tuple(q for q in _QUOTED.findall(rationale + " " + strategy.source) if len(q.split()) >= 4)
            known.append(
                _Known(matrix.actor, strategy.name, tuple(_segments(strategy.source)), quotes, strategy.source)
            )
    return known


def carriers(item: Item, known: Sequence[_Known]) -> list[Match]:
    """The existing strategies that carry ``item``: by its locator, by a quote of four or more words in
    common, or (in the assigned actors' matrices) by a similar name."""
    found: list[Match] = []
    for strategy in known:
        how = None
        if _locator_carries(item, strategy.segments):
            how = "locator"
        else:
            shared = next((q for q in strategy.quotes if q in item.quote or item.quote in q), None)
            if shared and item.article in strategy.source:
                how = f"quote '{first_words(shared, 8)}'"
            elif strategy.actor in item.actors and _similar(item.name, strategy.name):
                how = "similar name"
        if how:
            found.append(Match(strategy.actor, strategy.name, how))
    return found
