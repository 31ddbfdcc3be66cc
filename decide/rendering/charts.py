"""Charts, drawn with matplotlib (imported only here, only when a chart is drawn).

Every function takes plain data (:mod:`decide.rendering.chart_data`: labels, numbers,
frames and words, built by the analyses in :mod:`decide.analysis.charts`) and ``ax=`` to
draw into your own figure, and returns the matplotlib Axes (the first one when it made
several panels). A sequence of panels without ``ax`` draws one panel each; one ``ax``
takes one panel. Bars put the first row at the top, and marked (dominated) rows are
hatched and starred ``*``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> from decide.rendering.chart_data import Heatmap
>>> ranks = pd.DataFrame({"wsm": [1, 2], "topsis": [2, 1]}, index=["A", "B"])
>>> ax = plot_comparison(Heatmap("Testland: rank by method", ranks, marked=(False, True)))
>>> [t.get_text() for t in ax.get_yticklabels()], ax.images[0].get_array().shape
(['A', 'B *'], (2, 2))
>>> matplotlib.pyplot.close("all")
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from decide.core.errors import DecideError, SpecError
from decide.rendering.chart_data import Bands, Bars, Heatmap, Lines, Stack
from decide.rendering.registry import suffixes_of

#: The width charts are drawn at, in inches: an A4 page less 15 mm margins (7.09 in), so a
#: printed chart is not shrunk and its labels keep their size.
WIDTH = 7.0
#: The smallest font size of a chart, in points (every label >= 8 pt printed on A4).
FONT = 8.5
#: Columns of a heatmap with a label (and a number) in every column at :data:`FONT` on
#: :data:`WIDTH` inches; a wider robust grid is drawn in parts (see :func:`plot_robust_grid`).
MAX_COLUMNS = 20

#: One colour per criterion (colour-blind safe, Okabe & Ito) and the bar colour.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
BAR = "#4c72b0"
DOMINATED = "#b0b0b0"
CHART_SUFFIXES = suffixes_of("chart")


def plain_text(function: Any) -> Any:
    """Draw under settings that take every text literally: no mathtext, no TeX, so a name
    such as ``Pay $5 now or $10 later`` is drawn as written (and ``$\\frac{1}$`` cannot fail)."""
    import functools

    @functools.wraps(function)
    def drawn(*args: Any, **kwargs: Any) -> Any:
        import matplotlib.pyplot as plt

        with plt.rc_context(PLAIN_TEXT):
            return function(*args, **kwargs)

    return drawn


#: matplotlib settings under which decide draws and saves: every text literal.
PLAIN_TEXT: Any = {"text.parse_math": False, "text.usetex": False}


def _label(name: str, width: int = 34) -> str:
    return "\n".join(textwrap.wrap(name, width)) or name


def _panels(count: int, ax: Any, height: float, width: float = WIDTH) -> list[Any]:
    """``count`` stacked Axes in a new figure, or ``[ax]``."""
    import matplotlib.pyplot as plt

    if ax is not None:
        return [ax]
    _, axes = plt.subplots(count, 1, figsize=(width, height * count), squeeze=False)
    return list(axes[:, 0])


def _many(panels: Any, ax: Any) -> list[Any]:
    """``panels`` as a list (one panel given alone is a list of one); one Axes holds one panel."""
    items = list(panels) if isinstance(panels, Sequence) else [panels]
    if ax is not None and len(items) != 1:
        raise SpecError(f"one Axes draws one panel, not {len(items)}; leave ax out for one panel each")
    return items


def _ink(image: Any, value: float) -> str:
    """Black or white, whichever reads better on the colour ``image`` gives ``value``."""
    from decide.rendering.grid_svg import ink

    return ink(image.cmap(image.norm(value)))


def _finish(axes: Sequence[Any]) -> Any:
    axes[0].figure.tight_layout()
    return axes[0]


@plain_text
def plot_ranking(panels: Bars | Sequence[Bars], ax: Any = None) -> Any:
    """Horizontal bars, best at the top: each bar's length, its score written at its end,
    marked (Pareto-dominated) bars grey, hatched and starred; one panel per :class:`Bars`."""
    items = _many(panels, ax)
    rows = max(len(item.labels) for item in items)
    axes = _panels(len(items), ax, 0.38 * rows + 1.3)
    for axis, item in zip(axes, items, strict=True):
        marked = item.marked[::-1]
        colours = [DOMINATED if d else BAR for d in marked]
        labels = [_label(s) + (" *" if d else "") for s, d in zip(item.labels[::-1], marked, strict=True)]
        bars = axis.barh(labels, list(item.lengths[::-1]), color=colours)
        for bar, dominated in zip(bars, marked, strict=True):
            if dominated:
                bar.set_hatch("//")
        for bar, score in zip(bars, item.scores[::-1], strict=True):
            axis.annotate(
                f"{score:.3f}",
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=FONT,
            )
        axis.set_xlabel(item.xlabel)
        note = "; * Pareto-dominated" if any(marked) else ""
        axis.set_title(f"{item.title}{note}", loc="left", fontsize=10)
        axis.margins(x=0.12)
    return _finish(axes)


@plain_text
def plot_contributions(panels: Stack | Sequence[Stack], ax: Any = None) -> Any:
    """Stacked horizontal bars, best at the top: each row of the frame split by its columns
    (one colour each), positive parts to the right of 0 and negative ones to the left."""
    items = _many(panels, ax)
    rows = max(len(item.frame) for item in items)
    axes = _panels(len(items), ax, 0.38 * rows + 1.6)
    for axis, item in zip(axes, items, strict=True):
        frame = item.frame.iloc[::-1]
        labels = [_label(s) for s in frame.index]
        left_pos = [0.0] * len(frame)
        left_neg = [0.0] * len(frame)
        for number, criterion in enumerate(frame.columns):
            values = frame[criterion].astype(float).tolist()
            starts = [lp if v >= 0 else ln for v, lp, ln in zip(values, left_pos, left_neg, strict=True)]
            axis.barh(labels, values, left=starts, color=PALETTE[number % len(PALETTE)], label=criterion)
            left_pos = [lp + max(v, 0) for v, lp in zip(values, left_pos, strict=True)]
            left_neg = [ln + min(v, 0) for v, ln in zip(values, left_neg, strict=True)]
        if item.zero_line:
            axis.axvline(0, color="#444", linewidth=0.8)
        axis.set_xlabel(item.xlabel)
        axis.set_title(item.title, loc="left", fontsize=10)
        axis.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=FONT, frameon=False)
    return _finish(axes)


@plain_text
def plot_comparison(data: Heatmap, ax: Any = None) -> Any:
    """A heatmap of ranks (rows x columns, 1 = best, darkest), each rank written in its cell."""
    import numpy as np

    frame = data.frame
    columns = [str(c) for c in frame.columns]
    values = frame.to_numpy(dtype=float)
    (axis,) = _panels(1, ax, 0.38 * len(frame) + 1.8, width=max(6.0, 0.55 * len(columns) + 4.5))
    image = axis.imshow(values, cmap="viridis_r", aspect="auto")
    axis.set_xticks(range(len(columns)), columns, rotation=45, ha="right", fontsize=FONT)
    marked = data.marked or (False,) * len(frame)
    labels = [_label(s) + (" *" if d else "") for s, d in zip(frame.index, marked, strict=True)]
    axis.set_yticks(range(len(frame)), labels, fontsize=FONT)
    for (row, column), rank in np.ndenumerate(values):
        axis.text(
            column,
            row,
            f"{rank:.0f}",
            ha="center",
            va="center",
            fontsize=FONT,
            color=_ink(image, rank),
        )
    axis.set_title(data.title, loc="left", fontsize=10)
    axis.figure.colorbar(image, ax=axis, label="rank (1 = best)")
    return _finish([axis])


@plain_text
def plot_sensitivity(panels: Lines | Sequence[Lines], ax: Any = None) -> Any:
    """One line per column of each panel's frame against its index (a score as one weight
    moves from 0 to 1): ``now`` dashed, each of ``changes`` dotted; the legend beside the first."""
    items = _many(panels, ax)
    axes = _panels(len(items), ax, 3.2, width=10.0)
    for axis, item in zip(axes, items, strict=True):
        grid = item.frame.index.to_numpy(dtype=float)
        for number, name in enumerate(item.frame.columns):
            axis.plot(
                grid,
                item.frame.iloc[:, number].to_numpy(dtype=float),
                color=PALETTE[number % len(PALETTE)],
                linestyle="-" if number < len(PALETTE) else "--",
                linewidth=1.2,
                label=_label(str(name), 40),
            )
        axis.axvline(item.now, color="#222", linestyle="--", linewidth=1)
        for change in item.changes:
            axis.axvline(change, color="#777", linestyle=":", linewidth=1)
        axis.set_xlim(0, 1)
        axis.set_xlabel(item.xlabel)
        axis.set_ylabel(item.ylabel)
        axis.set_title(item.title, loc="left", fontsize=10)
    axes[0].legend(fontsize=FONT, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return _finish(axes)


@plain_text
def plot_first_by_weight(data: Bands, ax: Any = None) -> Any:
    """One band per row: which strategy holds each stretch from 0 to 1 (one colour each,
    named in the legend), a black tick at the row's ``now``."""
    stretches = data.stretches
    names = list(dict.fromkeys(stretches["first"]))
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    (axis,) = _panels(1, ax, 0.45 * len(data.rows) + 1.6)
    for row, (name, weight) in enumerate(zip(data.rows, data.now, strict=True)):
        own = stretches[stretches["row"] == name]
        for start, end, first in zip(own["from"], own["to"], own["first"], strict=True):
            axis.broken_barh([(start, end - start)], (row - 0.35, 0.7), color=colours[first])
        axis.plot([weight, weight], [row - 0.45, row + 0.45], color="black", linewidth=2.5)
    axis.set_yticks(range(len(data.rows)), list(data.rows))
    axis.set_xlim(0, 1)
    axis.invert_yaxis()
    axis.set_xlabel(data.xlabel)
    from matplotlib.patches import Patch

    axis.legend(
        handles=[Patch(color=colours[n], label=_label(n, 40)) for n in names],
        fontsize=FONT,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.35),
        ncol=2,
        frameon=False,
    )
    axis.set_title(data.title, loc="left", fontsize=10)
    return _finish([axis])


@plain_text
def plot_smaa(panels: Stack | Sequence[Stack], ax: Any = None) -> Any:
    """Stacked shares from 0 to 1 per row (rank acceptability: the share of draws at rank
    1, 2, ...; the first column darkest), the first row at the top."""
    import matplotlib

    items = _many(panels, ax)
    rows = max(len(item.frame) for item in items)
    axes = _panels(len(items), ax, 0.38 * rows + 1.6)
    for axis, item in zip(axes, items, strict=True):
        frame = item.frame.iloc[::-1]
        colours = matplotlib.colormaps["viridis"].resampled(max(frame.shape[1], 2))
        left = [0.0] * len(frame)
        labels = [_label(s) for s in frame.index]
        for number, column in enumerate(frame.columns):
            values = frame[column].astype(float).tolist()
            axis.barh(labels, values, left=left, color=colours(number), label=column if number < 5 else None)
            left = [a + b for a, b in zip(left, values, strict=True)]
        axis.set_xlim(0, 1)
        axis.set_xlabel(item.xlabel)
        axis.set_title(item.title, loc="left", fontsize=10)
        axis.legend(fontsize=FONT, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return _finish(axes)


@plain_text
def plot_acceptability_heatmap(data: Heatmap, ax: Any = None) -> Any:
    """Shares as a heatmap (rows x columns, darker = more often), the colour scale fitted
    to the shares drawn and printed on the bar."""
    frame = data.frame
    (axis,) = _panels(1, ax, 0.38 * len(frame) + 1.6, width=min(WIDTH, max(6.0, 0.45 * frame.shape[1] + 4.5)))
    values = frame.to_numpy(dtype=float)
    low, high = float(values.min()), float(values.max())
    image = axis.imshow(values, cmap="Blues", vmin=low, vmax=high if high > low else low + 1e-9, aspect="auto")
    axis.set_xticks(range(frame.shape[1]), [str(c) for c in frame.columns], fontsize=FONT)
    axis.set_yticks(range(len(frame)), [_label(s) for s in frame.index], fontsize=FONT)
    axis.set_xlabel(data.xlabel)
    bar = axis.figure.colorbar(image, ax=axis)
    bar.set_label(f"share of draws (scale {low:.0%} to {high:.0%})", fontsize=FONT)
    bar.ax.tick_params(labelsize=FONT)
    axis.set_title(data.title, loc="left", fontsize=10)
    return _finish([axis])


@plain_text
def plot_robust_grid(data: Heatmap, ax: Any = None) -> Any:
    """A heatmap of ranks, rows (strategies, most robust first) x columns (cells), light
    for rank 1 to dark for the last (cividis, colour-blind safe, as the robust summary),
    the scale printed on the bar. At most :data:`MAX_COLUMNS` columns fit a printed page
    with their labels and ranks at :data:`FONT` points (wider grids get no numbers and a
    wider figure; :func:`decide.analysis.charts.grid_parts` cuts a grid into such parts)."""
    import matplotlib.pyplot as plt

    frame = data.frame
    ranks = frame.to_numpy()
    fits = frame.shape[1] <= MAX_COLUMNS
    if ax is None:
        width = WIDTH if fits else min(WIDTH + 0.35 * frame.shape[1], 30)
        _, ax = plt.subplots(figsize=(width, 0.3 * len(frame) + 3.2))
    low, high = int(ranks.min()), int(ranks.max())
    image = ax.imshow(ranks, cmap="cividis_r", aspect="auto", vmin=low, vmax=high if high > low else low + 1)
    ax.set_yticks(range(len(frame)), [_label(str(s)) for s in frame.index], fontsize=FONT)
    ax.set_xticks(range(frame.shape[1]), [str(c) for c in frame.columns], rotation=90, fontsize=FONT)
    if fits:
        for row in range(ranks.shape[0]):
            for col in range(ranks.shape[1]):
                value = int(ranks[row, col])
                ax.text(col, row, str(value), ha="center", va="center", fontsize=FONT, color=_ink(image, value))
    bar = ax.figure.colorbar(image, ax=ax)
    bar.set_label(f"rank (1 = best; scale {low} to {high})", fontsize=FONT)
    bar.ax.tick_params(labelsize=FONT)
    ax.set_title(_label(data.title, 55), loc="left", fontsize=10)
    ax.figure.tight_layout()
    return ax


@plain_text
def plot_robust_summary(data: Heatmap, ax: Any = None) -> Any:
    """Rows (scenarios) x columns (profiles), each cell a mean rank written to one decimal,
    the colour scale running from the lowest to the highest drawn (``scale`` names it)."""
    import matplotlib.pyplot as plt

    table = data.frame
    values = table.to_numpy(dtype=float)
    if ax is None:
        _, ax = plt.subplots(figsize=(7.0, 0.42 * len(table) + 2.2))
    low, high = float(values.min()), float(values.max())
    image = ax.imshow(values, cmap="cividis_r", aspect="auto", vmin=low, vmax=high if high > low else low + 1e-9)
    ax.set_xticks(range(table.shape[1]), [_label(str(p), 16) for p in table.columns], fontsize=FONT)
    ax.set_yticks(range(len(table)), [_label(str(s), 30) for s in table.index], fontsize=FONT)
    for row in range(values.shape[0]):
        for col in range(values.shape[1]):
            ax.text(
                col,
                row,
                f"{values[row, col]:.1f}",
                ha="center",
                va="center",
                fontsize=FONT,
                color=_ink(image, values[row, col]),
            )
    ax.set_xlabel(data.xlabel)
    bar = ax.figure.colorbar(image, ax=ax)
    bar.set_label(f"{data.scale} (scale {low:.1f} to {high:.1f})", fontsize=FONT)
    bar.ax.tick_params(labelsize=FONT)
    ax.set_title(_label(data.title, 70), loc="left", fontsize=10)
    ax.figure.tight_layout()
    return ax


def chart(result: Any, ax: Any = None) -> Any:
    """The chart of any result that has one (what ``--plot`` draws): its own ``plot``."""
    plot = getattr(result, "plot", None)
    if plot is None:
        raise DecideError(
            f"{type(result).__name__} has no chart; --plot works with rank, explain, compare, sensitivity, smaa, robust"
        )
    return plot(ax=ax)


def check_chart_path(path: str | os.PathLike[str]) -> Path:
    """``path`` if it ends in .svg or .png, else a :class:`SpecError` saying so."""
    target = Path(path)
    if target.suffix.lower() not in CHART_SUFFIXES:
        raise SpecError(f"'{target}' must end in .svg or .png", field="plot")
    return target


def save_chart(result: Any, path: str | os.PathLike[str]) -> Path:
    """Draw ``result``'s chart and write it atomically to an SVG or PNG file."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from decide.rendering.formats import atomic_write

    target = check_chart_path(path)
    axis = chart(result)
    try:
        with plt.rc_context(PLAIN_TEXT):
            return atomic_write(target, lambda temporary: axis.figure.savefig(temporary, dpi=150))
    finally:
        plt.close(axis.figure)


def svg_text(axis: Any) -> str:
    """The figure of ``axis`` as inline SVG text (for HTML reports); closes the figure."""
    import io

    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    figure = axis.figure
    with plt.rc_context({**PLAIN_TEXT, "svg.fonttype": "none", "svg.hashsalt": "decide"}):  # text as text, stable ids
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


__all__ = [
    "FONT",
    "MAX_COLUMNS",
    "PLAIN_TEXT",
    "WIDTH",
    "chart",
    "check_chart_path",
    "plain_text",
    "plot_acceptability_heatmap",
    "plot_comparison",
    "plot_contributions",
    "plot_first_by_weight",
    "plot_ranking",
    "plot_robust_grid",
    "plot_robust_summary",
    "plot_sensitivity",
    "plot_smaa",
    "save_chart",
    "svg_text",
]
