"""The brief's page on a group matrix's analysts: where they disagree, in plain words first, then
the tables (the widest spreads with each analyst's score, the weights with Kendall's W, each
analyst's ranking against the group's). What it says is computed in
:mod:`decide.analysis.report_group`."""

from __future__ import annotations

from collections.abc import Sequence

from decide.core.tables import Section
from decide.rendering.document import Bullets, Heading, Page, Para, TableBlock, slug

#: The page's heading, after the actor's name.
TITLE = "where the analysts disagree"


def disagreement_page(
    actor: str, findings: Sequence[tuple[str, str]], sections: Sequence[Section], notes: Sequence[str] = ()
) -> Page:
    """One printed page: ``findings`` (a bold opening and a sentence each), the ``sections`` as
    tables, then ``notes`` in small print."""
    blocks: list[object] = [
        Heading(f"{actor}: {TITLE}", 2),
        Bullets(tuple(text for _, text in findings), strong=tuple(opening for opening, _ in findings)),
    ]
    blocks += [TableBlock(section) for section in sections]
    blocks += [Para(note, css="footnote") for note in notes if note]
    return Page(f"{slug(actor)}-analysts", tuple(blocks), css="page analysts", attributes={"data-actor": actor})


__all__ = ["TITLE", "disagreement_page"]
