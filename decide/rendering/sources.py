"""Where each score comes from: every strategy's scores with its rationale and source, as an
HTML table (rationales folded in ``<details>``) or a Markdown list."""

from __future__ import annotations

from collections.abc import Mapping

from decide.core.model import Matrix
from decide.rendering.escape import escape_html, escape_markdown


def sources_html(matrix: Matrix, label: str) -> str:
    """``label`` names the data (a file name, never a path)."""
    criteria = matrix.criteria
    head = "".join(f'<th class="num">{escape_html(c.name)} ({c.objective})</th>' for c in criteria)
    rows = []
    for strategy in matrix.strategies:
        cells = "".join(f'<td class="num">{strategy.scores[c.name]:g}</td>' for c in criteria)
        rationale = strategy.rationale
        if isinstance(rationale, Mapping):
            why = "".join(f"<li><b>{escape_html(c)}</b>: {escape_html(t)}</li>" for c, t in rationale.items())
            why = f"<ul>{why}</ul>"
        else:
            why = f"<p>{escape_html(rationale)}</p>" if rationale else ""
        source = f"<p><b>source</b>: {escape_html(strategy.source)}</p>" if strategy.source else ""
        detail = f"<details><summary>rationale and source</summary>{why}{source}</details>" if why or source else ""
        rows.append(f"<tr><td>{escape_html(strategy.name)}{detail}</td>{cells}</tr>")
    return (
        f'<table class="decide sources"><caption>{escape_html(matrix.actor)}: scores from {escape_html(label)}, '
        f"each with its rationale and source</caption><thead><tr><th>strategy</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def sources_markdown(matrix: Matrix) -> str:
    lines = []
    for strategy in matrix.strategies:
        scores = ", ".join(f"{c.name} {strategy.scores[c.name]:g}" for c in matrix.criteria)
        lines.append(f"- **{escape_markdown(strategy.name)}** ({escape_markdown(scores)})")
        rationale = strategy.rationale
        if isinstance(rationale, Mapping):
            lines += [f"  - {escape_markdown(c)}: {escape_markdown(t)}" for c, t in rationale.items()]
        elif rationale:
            lines.append(f"  - {escape_markdown(rationale)}")
        if strategy.source:
            lines.append(f"  - source: {escape_markdown(strategy.source)}")
    return "\n".join(lines)


__all__ = ["sources_html", "sources_markdown"]
