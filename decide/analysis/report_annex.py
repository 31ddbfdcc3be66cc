"""The annex of a report (``--full``): per actor every analysis with its tables and charts,
then the full robust grids, as document pages (:mod:`decide.rendering.document`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from decide.core.tables import Section
from decide.rendering.document import Figure, Heading, Page, Para, Raw, TableBlock, slug


def no_hints(text: str) -> str:
    """``text`` without the sentences that tell a terminal user which option to type.

    >>> no_hints("Ties share a rank. Central weights: --wide.")
    'Ties share a rank.'
    """
    sentences = re.split(r"(?<=\.)\s+", text)
    return " ".join(s for s in sentences if "--" not in s and not re.search(r"\bdecide [a-z]+ ", s)).strip()


def printable(section: Section, compact: bool = False) -> Section:
    """The section for a printed report: its narrower table if asked, no command-line hints."""
    if compact and section.compact is not None:
        note = " ".join(n for n in (section.note, section.compact_note) if n)
        section = replace(section, frame=section.compact, note=note)
    return replace(section, note=no_hints(section.note or ""))


def why_frame(b: Any) -> Any:
    import pandas as pd

    rows = list(b.contributions.contributions.index)
    return pd.DataFrame(
        {
            "rank": b.contributions.ranks.loc[rows].to_numpy(),
            "strategy": rows,
            "why": [b.contributions.sentences[s] for s in rows],
        }
    )


def robust_result(b: Any) -> Any:
    """One actor's robust grid as a :class:`~decide.analysis.robust.RobustResult` (tables, heatmap)."""
    from decide.analysis.robust import RobustResult

    assert b.robust is not None
    methods = tuple(dict.fromkeys(cell.method for cell in b.robust.cells))
    return RobustResult(methods, (b.robust,))


def actor_annex(report: Any, b: Any, ranking_section: Section) -> Page:
    from decide.analysis.brief import file_label
    from decide.analysis.charts import acceptability_heatmap, first_by_weight_bands
    from decide.analysis.explain import Contributions
    from decide.analysis.ranking import Ranking
    from decide.rendering.charts import plot_acceptability_heatmap, plot_first_by_weight
    from decide.rendering.sources import sources_html, sources_markdown

    ranking = Ranking(report.method, (b.ranking,))
    contributions = Contributions(report.method, (b.contributions,))
    first = b.ranking.top
    blocks: list[Any] = [
        Heading(f"Annex: {b.actor}", 2),
        Para(f"{first} is {b.contributions.sentences[first]}.", css="lead"),
        Heading("Ranking", 3),
        TableBlock(printable(ranking_section)),
        Figure(ranking.plot, "scores, best at the top", "ranking", f"{b.actor}: scores"),
        Heading("Why the leader leads", 3),
        TableBlock(Section("why", contributions.caption(b.contributions), why_frame(b))),
        Figure(
            contributions.plot,
            "each strategy's score split by criterion",
            "contributions",
            f"{b.actor}: contributions by criterion",
        ),
        Heading("How robust it is", 3),
        Figure(
            lambda: plot_first_by_weight(first_by_weight_bands(b.sensitivity)),
            "which strategy is first as each weight moves from 0 to 1 (others keep their proportions)",
            "sensitivity",
            f"{b.actor}: first strategy by weight",
        ),
        TableBlock(printable(b.sensitivity.sections()[0])),
        Figure(
            lambda: plot_acceptability_heatmap(acceptability_heatmap(b.smaa)),
            f"SMAA rank acceptability: share of {report.samples} random draws at each rank "
            "(colour scale fitted to the shares drawn)",
            "smaa",
            f"{b.actor}: SMAA rank acceptability",
        ),
        TableBlock(printable(b.smaa.sections()[0], compact=True)),
        Heading("Do the methods agree?", 3),
        TableBlock(printable(b.comparison.sections()[0], compact=True)),
    ]
    if b.robust is not None:
        from decide.analysis.charts import robust_summary_heatmap
        from decide.rendering.charts import plot_robust_summary

        grid = robust_result(b)
        verdict = b.robust.verdict()
        methods = len(dict.fromkeys(c.method.name for c in b.robust.cells))
        blocks += [
            Heading("Across futures, priorities and methods", 3),
            Para(verdict[0].upper() + verdict[1:] + ".", css="lead"),
            TableBlock(printable(grid.sections()[0])),
            Figure(
                lambda: plot_robust_summary(robust_summary_heatmap(b.robust, first)),
                f"where {first} ranks in each scenario x profile, as its mean rank over {methods} methods; "
                "every cell of the grid is in the last part of the annex",
                "robust",
                f"{b.actor}: robust summary",
            ),
        ]
    blocks += [
        Heading("Where each score comes from", 3),
        Raw(sources_html(b.matrix, file_label(b.matrix)), sources_markdown(b.matrix)),
    ]
    return Page(f"annex-{slug(b.actor)}", tuple(blocks), css="page annex")


def grids_annex(report: Any) -> list[Page]:
    """The full robust grids, per actor one chart per method (rank in every scenario x
    profile cell; a part of at most :data:`~decide.rendering.charts.MAX_COLUMNS` cells, so
    that its labels print at 8 pt or more)."""
    import functools

    from decide.analysis.charts import grid_parts, robust_grid
    from decide.rendering.charts import plot_robust_grid
    from decide.rendering.grid_svg import robust_grid_svg

    def draw(item: Any, cells: list[int]) -> Any:
        return plot_robust_grid(robust_grid(item, cells))

    def svg(item: Any, cells: list[int]) -> str:
        return robust_grid_svg(robust_grid(item, cells))

    pages = []
    for b in report.results:
        if b.robust is None:
            continue
        item = b.robust
        parts = grid_parts(item)
        figures = []
        for number, (method, cells) in enumerate(parts):
            of_method = [n for n, (m, _) in enumerate(parts) if m == method]
            part = f", part {of_method.index(number) + 1} of {len(of_method)}" if len(of_method) > 1 else ""
            figures.append(
                Figure(
                    functools.partial(draw, item, cells),
                    f"rank of each strategy in each scenario / profile cell by {method} (1 = best){part}",
                    f"grid-{number + 1}",
                    f"{b.actor}: rank in each cell, {method}",
                    svg=functools.partial(svg, item, cells),
                )
            )
        pages.append(
            Page(
                f"grid-{slug(b.actor)}",
                (Heading(f"Annex: {b.actor}, every cell of the robust grid", 2), *figures),
                css="page annex",
            )
        )
    return pages


def annex_pages(report: Any) -> list[Page]:
    """Every actor's annex, then the full grids."""
    marked = {s.title: s for s in report.ranking().sections()}
    return [*(actor_annex(report, b, marked[b.actor]) for b in report.results), *grids_annex(report)]


__all__ = ["actor_annex", "annex_pages", "grids_annex", "no_hints", "printable", "robust_result", "why_frame"]
