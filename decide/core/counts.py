"""Counted nouns in printed text: "1 scenario", "2 scenarios", never "scenario(s)".

>>> counted(1, "scenario"), counted(3, "scenario"), counted(0, "item"), counted(2, "judgment")
('1 scenario', '3 scenarios', '0 items', '2 judgments')
>>> counted(1, "other", "others"), counted(12_000, "cell")
('1 other', '12,000 cells')
"""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, the plural (``noun + "s"`` unless given) unless ``count`` is 1."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


__all__ = ["counted"]
