"""Charts of results, drawn with matplotlib (imported only here, only when a chart is drawn).

Every function takes ``ax=`` to draw into your own figure and returns the matplotlib
Axes (the first one when it made several panels). With several actors and no ``ax``,
one panel per actor is drawn; with ``ax`` given, ``actor=`` must say which. Bars put
the best strategy at the top whatever the method's direction, and dominated
strategies are hatched and marked ``*``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import decide
>>> ranking = decide.rank(actors="China", method="vikor")
>>> ax = ranking.plot()
>>> ax.get_yticklabels()[-1].get_text().replace("\\n", " ") == ranking.results[0].top  # the best at the top
True
>>> matplotlib.pyplot.close("all")
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from decide.core.errors import DecideError, SpecError
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


def _chosen(result: Any, actor: str | None, ax: Any) -> list[Any]:
    """The per-actor items to draw: the named one, the only one, or all (one panel each)."""
    if actor is not None:
        return [result[actor]]
    if len(result.results) > 1 and ax is not None:
        raise SpecError(
            f"the result holds {len(result.results)} actors ({', '.join(result.actors)}); "
            "name one with actor=, or leave ax out for one panel per actor"
        )
    return list(result.results)


def _ink(image: Any, value: float) -> str:
    """Black or white, whichever reads better on the colour ``image`` gives ``value``."""
    from decide.rendering.grid_svg import ink

    return ink(image.cmap(image.norm(value)))


def _finish(axes: Sequence[Any]) -> Any:
    axes[0].figure.tight_layout()
    return axes[0]


@plain_text
def plot_ranking(result: Any, actor: str | None = None, ax: Any = None) -> Any:
    """Horizontal bars of each strategy's score, best at the top; for methods where a
    lower score is better the bar is ``worst - score``, so the best bar is the longest."""
    items = _chosen(result, actor, ax)
    rows = max(len(item.table) for item in items)
    axes = _panels(len(items), ax, 0.38 * rows + 1.3)
    lower = result.better == "lower"
    for axis, item in zip(axes, items, strict=True):
        table = item.table.iloc[::-1]
        scores = table["score"].astype(float)
        length = scores.max() - scores if lower else scores
        colours = [DOMINATED if d else BAR for d in table["dominated"]]
        labels = [_label(s) + (" *" if d else "") for s, d in zip(table["strategy"], table["dominated"], strict=True)]
        bars = axis.barh(labels, length, color=colours)
        for bar, dominated in zip(bars, table["dominated"], strict=True):
            if dominated:
                bar.set_hatch("//")
        for bar, score in zip(bars, scores, strict=True):
            axis.annotate(
                f"{score:.3f}",
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=FONT,
            )
        what = (
            f"worst {result.method.name} score minus score (lower score is better)"
            if lower
            else f"{result.method.name} score (higher is better)"
        )
        axis.set_xlabel(what)
        marked = "; * Pareto-dominated" if any(table["dominated"]) else ""
        axis.set_title(f"{item.actor}: {result.method.name}{marked}", loc="left", fontsize=10)
        axis.margins(x=0.12)
    return _finish(axes)


@plain_text
def plot_contributions(result: Any, actor: str | None = None, ax: Any = None) -> Any:
    """Stacked horizontal bars: each strategy's score split by criterion, best at the top."""
    items = _chosen(result, actor, ax)
    rows = max(len(item.contributions) for item in items)
    axes = _panels(len(items), ax, 0.38 * rows + 1.6)
    for axis, item in zip(axes, items, strict=True):
        frame = item.contributions.iloc[::-1]
        labels = [_label(s) for s in frame.index]
        left_pos = [0.0] * len(frame)
        left_neg = [0.0] * len(frame)
        for number, criterion in enumerate(frame.columns):
            values = frame[criterion].astype(float).tolist()
            starts = [lp if v >= 0 else ln for v, lp, ln in zip(values, left_pos, left_neg, strict=True)]
            axis.barh(labels, values, left=starts, color=PALETTE[number % len(PALETTE)], label=criterion)
            left_pos = [lp + max(v, 0) for v, lp in zip(values, left_pos, strict=True)]
            left_neg = [ln + min(v, 0) for v, ln in zip(values, left_neg, strict=True)]
        if item.kind == "distance":
            axis.axvline(0, color="#444", linewidth=0.8)
        what = {
            "exact": "contribution to the score",
            "distance": "pull towards the ideal (TOPSIS)",
            "normalised": "weighted normalised value (no exact decomposition)",
        }[item.kind]
        axis.set_xlabel(f"{what}; {result.method.name}")
        axis.set_title(f"{item.actor}: what each criterion adds", loc="left", fontsize=10)
        axis.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=FONT, frameon=False)
    return _finish(axes)


@plain_text
def plot_comparison(result: Any, ax: Any = None) -> Any:
    """A heatmap of each strategy's rank by each method (1 = best, darkest), Borda order."""
    import numpy as np

    table = result.table
    methods = result.method_names
    values = table[methods].to_numpy(dtype=float)
    (axis,) = _panels(1, ax, 0.38 * len(table) + 1.8, width=max(6.0, 0.55 * len(methods) + 4.5))
    image = axis.imshow(values, cmap="viridis_r", aspect="auto")
    axis.set_xticks(range(len(methods)), methods, rotation=45, ha="right", fontsize=FONT)
    labels = [_label(s) + (" *" if d else "") for s, d in zip(table["strategy"], table["dominated"], strict=True)]
    axis.set_yticks(range(len(table)), labels, fontsize=FONT)
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
    axis.set_title(f"{result.actor}: rank by method (Borda order)", loc="left", fontsize=10)
    axis.figure.colorbar(image, ax=axis, label="rank (1 = best)")
    return _finish([axis])


@plain_text
def plot_sensitivity(result: Any, criterion: str | None = None, ax: Any = None) -> Any:
    """Each strategy's score as one criterion's weight moves from 0 to 1 (the others keep
    their proportions); the current weight dashed, ranking changes dotted."""
    import numpy as np

    from decide.methods.run import batch_scores
    from decide.weights.apply import path_weights

    if criterion is None and ax is not None and len(result.criteria) > 1:
        raise SpecError("name one criterion with criterion=, or leave ax out for one panel per criterion")
    chosen = [c for c in result.criteria if criterion is None or c.criterion == criterion]
    if not chosen:
        raise SpecError(
            f"unknown criterion '{criterion}'; choose from: {', '.join(c.criterion for c in result.criteria)}"
        )
    matrix = result.matrix
    axes = _panels(len(chosen), ax, 3.2, width=10.0)
    top = result.top
    grid = np.linspace(0, 1, 101)
    current = matrix.weight_array()
    for axis, item in zip(axes, chosen, strict=True):
        index = matrix.criterion_names.index(item.criterion)
        scores = batch_scores(result.method, matrix, path_weights(current, index, grid))
        for number, name in enumerate(matrix.strategy_names):
            axis.plot(
                grid,
                scores[:, number],
                color=PALETTE[number % len(PALETTE)],
                linestyle="-" if number < len(PALETTE) else "--",
                linewidth=1.2,
                label=_label(name, 40),
            )
        axis.axvline(item.weight, color="#222", linestyle="--", linewidth=1)
        for change in top.loc[top["criterion"] == item.criterion, "from"].iloc[1:]:
            axis.axvline(change, color="#777", linestyle=":", linewidth=1)
        axis.set_xlim(0, 1)
        axis.set_xlabel(
            f"weight of {item.criterion} (dashed: now {item.weight:.3g}; dotted: the first strategy changes)"
        )
        axis.set_ylabel(f"{result.method.name} score ({result.method.better} is better)")
        axis.set_title(f"{result.actor}: sensitivity to {item.criterion}", loc="left", fontsize=10)
    axes[0].legend(fontsize=FONT, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return _finish(axes)


@plain_text
def plot_first_by_weight(result: Any, ax: Any = None) -> Any:
    """One band per criterion: which strategy is first as its weight moves from 0 to 1,
    the current weight marked with a black tick."""
    top = result.top
    names = list(dict.fromkeys(top["first"]))
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    criteria = [c.criterion for c in result.criteria]
    (axis,) = _panels(1, ax, 0.45 * len(criteria) + 1.6)
    for row, criterion in enumerate(criteria):
        stretches = top[top["criterion"] == criterion]
        for start, end, first in zip(stretches["from"], stretches["to"], stretches["first"], strict=True):
            axis.broken_barh([(start, end - start)], (row - 0.35, 0.7), color=colours[first])
        weight = result.criteria[row].weight
        axis.plot([weight, weight], [row - 0.45, row + 0.45], color="black", linewidth=2.5)
    axis.set_yticks(range(len(criteria)), criteria)
    axis.set_xlim(0, 1)
    axis.invert_yaxis()
    axis.set_xlabel("weight of the criterion (black tick: now)")
    from matplotlib.patches import Patch

    axis.legend(
        handles=[Patch(color=colours[n], label=_label(n, 40)) for n in names],
        fontsize=FONT,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.35),
        ncol=2,
        frameon=False,
    )
    axis.set_title(f"{result.actor}: first strategy as each weight moves", loc="left", fontsize=10)
    return _finish([axis])


@plain_text
def plot_smaa(result: Any, actor: str | None = None, ax: Any = None) -> Any:
    """Stacked rank acceptability: for each strategy, the share of draws at rank 1, 2, ...
    (rank 1 darkest); most often first at the top."""
    import matplotlib

    items = _chosen(result, actor, ax)
    rows = max(len(item.rank_acceptability) for item in items)
    axes = _panels(len(items), ax, 0.38 * rows + 1.6)
    for axis, item in zip(axes, items, strict=True):
        order = item.summary()["strategy"].tolist()[::-1]
        frame = item.rank_acceptability.loc[order]
        colours = matplotlib.colormaps["viridis"].resampled(max(frame.shape[1], 2))
        left = [0.0] * len(frame)
        labels = [_label(s) for s in frame.index]
        for number, column in enumerate(frame.columns):
            values = frame[column].astype(float).tolist()
            axis.barh(labels, values, left=left, color=colours(number), label=column if number < 5 else None)
            left = [a + b for a, b in zip(left, values, strict=True)]
        axis.set_xlim(0, 1)
        axis.set_xlabel(f"share of {result.samples} draws at each rank ({result.method.name})")
        axis.set_title(f"{item.actor}: SMAA rank acceptability", loc="left", fontsize=10)
        axis.legend(fontsize=FONT, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return _finish(axes)


@plain_text
def plot_acceptability_heatmap(result: Any, actor: str | None = None, ax: Any = None) -> Any:
    """The rank acceptability indices as a heatmap (strategies x ranks, darker = more often)."""
    (item,) = _chosen(result, actor, ax) if actor or len(result.results) == 1 else [result.results[0]]
    order = item.summary()["strategy"].tolist()
    frame = item.rank_acceptability.loc[order]
    (axis,) = _panels(1, ax, 0.38 * len(frame) + 1.6, width=min(WIDTH, max(6.0, 0.45 * frame.shape[1] + 4.5)))
    values = frame.to_numpy(dtype=float)
    low, high = float(values.min()), float(values.max())
    image = axis.imshow(values, cmap="Blues", vmin=low, vmax=high if high > low else low + 1e-9, aspect="auto")
    axis.set_xticks(range(frame.shape[1]), [c.removeprefix("rank ") for c in frame.columns], fontsize=FONT)
    axis.set_yticks(range(len(frame)), [_label(s) for s in frame.index], fontsize=FONT)
    axis.set_xlabel("rank")
    bar = axis.figure.colorbar(image, ax=axis)
    bar.set_label(f"share of draws (scale {low:.0%} to {high:.0%})", fontsize=FONT)
    bar.ax.tick_params(labelsize=FONT)
    axis.set_title(f"{item.actor}: SMAA rank acceptability ({result.samples} draws)", loc="left", fontsize=10)
    return _finish([axis])


@plain_text
def plot_robust_grid(item: Any, ax: Any = None, cells: Sequence[int] | None = None) -> Any:
    """A heatmap of one actor's ranks (:class:`~decide.analysis.robust.ActorRobust`): strategies
    (rows, most robust first) x cells (``cells``: their indices, default all), light for rank 1
    to dark for the last (cividis, colour-blind safe, as the robust summary), the scale
    printed on the bar. At most
    :data:`MAX_COLUMNS` cells fit a printed page with their labels and ranks at :data:`FONT`
    points (:func:`grid_parts` cuts a grid into such parts, one method each)."""
    import matplotlib.pyplot as plt

    chosen = list(range(len(item.cells))) if cells is None else list(cells)
    shown = [item.cells[i] for i in chosen]
    order = [item.strategies.index(name) for name in item.summary()["strategy"]]
    ranks = item.ranks[chosen][:, order].T
    methods = list(dict.fromkeys(c.method.name for c in shown))
    fits = len(chosen) <= MAX_COLUMNS
    if ax is None:
        width = WIDTH if fits else min(WIDTH + 0.35 * len(chosen), 30)
        _, ax = plt.subplots(figsize=(width, 0.3 * len(order) + 3.2))
    low, high = int(ranks.min()), int(ranks.max())
    image = ax.imshow(ranks, cmap="cividis_r", aspect="auto", vmin=low, vmax=high if high > low else low + 1)
    ax.set_yticks(range(len(order)), [_label(item.strategies[i]) for i in order], fontsize=FONT)
    labels = [f"{c.scenario} / {c.profile}" if len(methods) == 1 else c.label for c in shown]
    ax.set_xticks(range(len(shown)), labels, rotation=90, fontsize=FONT)
    if fits:
        for row in range(ranks.shape[0]):
            for col in range(ranks.shape[1]):
                value = int(ranks[row, col])
                ax.text(col, row, str(value), ha="center", va="center", fontsize=FONT, color=_ink(image, value))
    bar = ax.figure.colorbar(image, ax=ax)
    bar.set_label(f"rank (1 = best; scale {low} to {high})", fontsize=FONT)
    bar.ax.tick_params(labelsize=FONT)
    what = f"method {methods[0]}, each scenario / profile" if len(methods) == 1 else "scenario / profile / method"
    ax.set_title(_label(f"{item.actor}: rank in each cell ({what})", 55), loc="left", fontsize=10)
    ax.figure.tight_layout()
    return ax


def grid_parts(item: Any) -> list[tuple[str, list[int]]]:
    """The robust grid's cells cut into printable parts: per method, runs of at most
    :data:`MAX_COLUMNS` cells; each part named by its method."""
    parts: list[tuple[str, list[int]]] = []
    for method in dict.fromkeys(c.method.name for c in item.cells):
        cells = [i for i, c in enumerate(item.cells) if c.method.name == method]
        parts += [(method, cells[k : k + MAX_COLUMNS]) for k in range(0, len(cells), MAX_COLUMNS)]
    return parts


def robust_summary(item: Any, strategy: str) -> Any:
    """``strategy``'s mean rank over the grid's methods in each scenario x profile cell:
    a frame with scenarios as rows and profiles as columns."""
    import pandas as pd

    column = item.strategies.index(strategy)
    rows = pd.DataFrame(
        {
            "scenario": [c.scenario for c in item.cells],
            "profile": [c.profile for c in item.cells],
            "rank": item.ranks[:, column].astype(float),
        }
    )
    table = rows.pivot_table(index="scenario", columns="profile", values="rank", aggfunc="mean", sort=False)
    return table.loc[list(dict.fromkeys(rows["scenario"])), list(dict.fromkeys(rows["profile"]))]


@plain_text
def plot_robust_summary(item: Any, strategy: str, ax: Any = None) -> Any:
    """Scenarios x profiles, each cell ``strategy``'s mean rank over the grid's methods, the
    colour scale running from the lowest to the highest mean rank drawn (printed on the bar)."""
    import matplotlib.pyplot as plt

    table = robust_summary(item, strategy)
    values = table.to_numpy(dtype=float)
    methods = len(dict.fromkeys(c.method.name for c in item.cells))
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
    ax.set_xlabel("weight profile")
    bar = ax.figure.colorbar(image, ax=ax)
    bar.set_label(f"mean rank over {methods} methods (scale {low:.1f} to {high:.1f})", fontsize=FONT)
    bar.ax.tick_params(labelsize=FONT)
    ax.set_title(_label(f"{item.actor}: where {strategy} ranks, by scenario and profile", 70), loc="left", fontsize=10)
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
    "grid_parts",
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
    "robust_summary",
    "save_chart",
    "svg_text",
]
