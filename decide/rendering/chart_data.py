"""What a chart draws, as plain data: names, numbers, frames and the words around them.

The analyses build these (:mod:`decide.analysis.charts`: scores along a weight path,
orders, summaries, titles) and :mod:`decide.rendering.charts` draws them, so a chart knows
nothing of the result it shows and can be drawn from numbers typed by hand:

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from decide.rendering.charts import plot_ranking
>>> bars = Bars("Testland: wsm", ("A", "B"), (0.7, 0.4), (0.7, 0.4), (False, True), "wsm score")
>>> ax = plot_ranking(bars)
>>> [t.get_text() for t in ax.get_yticklabels()]  # best at the top, the marked one starred
['B *', 'A']
>>> matplotlib.pyplot.close("all")

Rows run best (or first) first everywhere; the charts turn them for matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Bars:
    """One panel of horizontal bars (:func:`~decide.rendering.charts.plot_ranking`): per
    row (best first) its label, the bar's ``length``, the ``score`` written at its end, and
    whether it is ``marked`` (Pareto-dominated: grey, hatched, starred)."""

    title: str
    labels: tuple[str, ...]
    lengths: tuple[float, ...]
    scores: tuple[float, ...]
    marked: tuple[bool, ...]
    xlabel: str


@dataclass(frozen=True)
class Stack:
    """One panel of stacked horizontal bars (:func:`~decide.rendering.charts.plot_contributions`,
    :func:`~decide.rendering.charts.plot_smaa`): ``frame`` holds one row per bar (best
    first, the index the labels) and one column per segment (the legend); ``zero_line``
    draws a line at 0 (for parts that can be negative)."""

    title: str
    frame: Any
    xlabel: str
    zero_line: bool = False


@dataclass(frozen=True)
class Heatmap:
    """A grid of numbers (:func:`~decide.rendering.charts.plot_comparison` and the other
    heatmaps): ``frame``'s index labels the rows (top first), its columns the columns.
    ``scale`` says what the colour means where the chart does not fix it; ``marked`` stars
    row labels (one flag per row, or empty); ``alt`` is the short text a screen reader
    gets for a chart written as SVG (the title when empty)."""

    title: str
    frame: Any
    xlabel: str = ""
    scale: str = ""
    marked: tuple[bool, ...] = ()
    alt: str = ""


@dataclass(frozen=True)
class Lines:
    """One panel of lines (:func:`~decide.rendering.charts.plot_sensitivity`): ``frame``'s
    index is the x axis, one column per line (its name the legend); a dashed line at
    ``now`` and a dotted one at each of ``changes``."""

    title: str
    frame: Any
    now: float
    changes: tuple[float, ...]
    xlabel: str
    ylabel: str


@dataclass(frozen=True)
class Bands:
    """One band per row (:func:`~decide.rendering.charts.plot_first_by_weight`): ``stretches``
    has columns ``row``, ``from``, ``to`` and ``first`` (what holds that stretch, coloured
    and in the legend); a black tick at each row's ``now``."""

    title: str
    rows: tuple[str, ...]
    now: tuple[float, ...]
    stretches: Any
    xlabel: str


__all__ = ["Bands", "Bars", "Heatmap", "Lines", "Stack"]
