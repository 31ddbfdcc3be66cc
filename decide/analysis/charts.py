"""What each result's chart shows, as plain data for :mod:`decide.rendering.charts`: the
rows in order, the numbers (scores along a weight path, mean ranks, shares) and the
words. The results' ``plot()`` methods and the report's annex build their charts here and
hand the data to the drawing functions, which know nothing of the results.

Results are taken as they come (duck-typed), so that this module imports none of the
analyses that call it.

>>> import decide
>>> panels = ranking_bars(decide.rank(actors="China", method="vikor"))
>>> panels[0].title, panels[0].xlabel
('China: vikor', 'worst vikor score minus score (lower score is better)')
>>> max(panels[0].lengths) == panels[0].lengths[0]  # the best bar is the longest
True
"""

from __future__ import annotations

from typing import Any

from decide.core.errors import SpecError
from decide.rendering.chart_data import Bands, Bars, Heatmap, Lines, Stack

#: The x axis of a sensitivity chart: a criterion's weight from 0 to 1.
PATH_POINTS = 101

#: What a contribution chart's bars are, by the kind of decomposition.
CONTRIBUTION_WORDS = {
    "exact": "contribution to the score",
    "distance": "pull towards the ideal (TOPSIS)",
    "normalised": "weighted normalised value (no exact decomposition)",
}


def chosen(result: Any, actor: str | None, ax: Any) -> list[Any]:
    """The per-actor items to draw: the named one, the only one, or all (one panel each);
    several with ``ax`` given is a :class:`SpecError` saying to name one."""
    if actor is not None:
        return [result[actor]]
    if len(result.results) > 1 and ax is not None:
        raise SpecError(
            f"the result holds {len(result.results)} actors ({', '.join(result.actors)}); "
            "name one with actor=, or leave ax out for one panel per actor"
        )
    return list(result.results)


def ranking_bars(result: Any, actor: str | None = None, ax: Any = None) -> list[Bars]:
    """Per actor, the scores as bars, best first; for methods where a lower score is
    better each bar is ``worst - score``, so the best bar is the longest."""
    name = result.method.name
    lower = result.better == "lower"
    what = f"worst {name} score minus score (lower score is better)" if lower else f"{name} score (higher is better)"
    panels = []
    for item in chosen(result, actor, ax):
        scores = item.table["score"].astype(float)
        lengths = scores.max() - scores if lower else scores
        panels.append(
            Bars(
                f"{item.actor}: {name}",
                tuple(item.table["strategy"]),
                tuple(float(v) for v in lengths),
                tuple(float(v) for v in scores),
                tuple(bool(d) for d in item.table["dominated"]),
                what,
            )
        )
    return panels


def contribution_stacks(result: Any, actor: str | None = None, ax: Any = None) -> list[Stack]:
    """Per actor, each strategy's score split by criterion (best first)."""
    return [
        Stack(
            f"{item.actor}: what each criterion adds",
            item.contributions,
            f"{CONTRIBUTION_WORDS[item.kind]}; {result.method.name}",
            zero_line=item.kind == "distance",
        )
        for item in chosen(result, actor, ax)
    ]


def comparison_heatmap(result: Any) -> Heatmap:
    """Each strategy's rank by each method (Borda order), dominated strategies marked."""
    table = result.table
    frame = table.set_index("strategy")[list(result.method_names)]
    return Heatmap(
        f"{result.actor}: rank by method (Borda order)",
        frame,
        marked=tuple(bool(d) for d in table["dominated"]),
    )


def sensitivity_lines(result: Any, criterion: str | None = None, ax: Any = None) -> list[Lines]:
    """Per criterion (or the one named): each strategy's score as that criterion's weight
    moves from 0 to 1 (the others keep their proportions), the current weight and the
    weights where the first strategy changes."""
    import numpy as np
    import pandas as pd

    from decide.methods.run import batch_scores
    from decide.weights.apply import path_weights

    if criterion is None and ax is not None and len(result.criteria) > 1:
        raise SpecError("name one criterion with criterion=, or leave ax out for one panel per criterion")
    picked = [c for c in result.criteria if criterion is None or c.criterion == criterion]
    if not picked:
        raise SpecError(
            f"unknown criterion '{criterion}'; choose from: {', '.join(c.criterion for c in result.criteria)}"
        )
    matrix, top, method = result.matrix, result.top, result.method
    grid = np.linspace(0, 1, PATH_POINTS)
    current = matrix.weight_array()
    panels = []
    for item in picked:
        index = matrix.criterion_names.index(item.criterion)
        scores = batch_scores(method, matrix, path_weights(current, index, grid))
        frame = pd.DataFrame(scores, index=grid, columns=list(matrix.strategy_names))
        changes = top.loc[top["criterion"] == item.criterion, "from"].iloc[1:]
        panels.append(
            Lines(
                f"{result.actor}: sensitivity to {item.criterion}",
                frame,
                float(item.weight),
                tuple(float(c) for c in changes),
                f"weight of {item.criterion} (dashed: now {item.weight:.3g}; dotted: the first strategy changes)",
                f"{method.name} score ({method.better} is better)",
            )
        )
    return panels


def first_by_weight_bands(result: Any) -> Bands:
    """One band per criterion: which strategy is first as its weight moves from 0 to 1."""
    stretches = result.top.rename(columns={"criterion": "row"})[["row", "from", "to", "first"]]
    return Bands(
        f"{result.actor}: first strategy as each weight moves",
        tuple(c.criterion for c in result.criteria),
        tuple(float(c.weight) for c in result.criteria),
        stretches,
        "weight of the criterion (black tick: now)",
    )


def smaa_stacks(result: Any, actor: str | None = None, ax: Any = None) -> list[Stack]:
    """Per actor, the rank acceptability (share of draws at rank 1, 2, ...), most often
    first first."""
    return [
        Stack(
            f"{item.actor}: SMAA rank acceptability",
            item.rank_acceptability.loc[item.summary()["strategy"].tolist()],
            f"share of {result.samples} draws at each rank ({result.method.name})",
        )
        for item in chosen(result, actor, ax)
    ]


def acceptability_heatmap(result: Any, actor: str | None = None, ax: Any = None) -> Heatmap:
    """One actor's rank acceptability (the named one, else the first), strategies most
    often first first, columns the ranks."""
    (item,) = chosen(result, actor, ax) if actor or len(result.results) == 1 else [result.results[0]]
    frame = item.rank_acceptability.loc[item.summary()["strategy"].tolist()]
    frame = frame.rename(columns=lambda c: str(c).removeprefix("rank "))
    return Heatmap(f"{item.actor}: SMAA rank acceptability ({result.samples} draws)", frame, xlabel="rank")


def grid_parts(item: Any) -> list[tuple[str, list[int]]]:
    """The robust grid's cells (of an :class:`~decide.analysis.robust.ActorRobust`) cut
    into printable parts: per method, runs of at most
    :data:`~decide.rendering.charts.MAX_COLUMNS` cells; each part named by its method."""
    from decide.rendering.charts import MAX_COLUMNS

    parts: list[tuple[str, list[int]]] = []
    for method in dict.fromkeys(c.method.name for c in item.cells):
        cells = [i for i, c in enumerate(item.cells) if c.method.name == method]
        parts += [(method, cells[k : k + MAX_COLUMNS]) for k in range(0, len(cells), MAX_COLUMNS)]
    return parts


def robust_grid(item: Any, cells: Any = None) -> Heatmap:
    """One actor's ranks in ``cells`` (indices, default all): strategies (rows, most
    robust first) x cells, labelled scenario / profile (and method when several)."""
    import pandas as pd

    picked = list(range(len(item.cells))) if cells is None else list(cells)
    shown = [item.cells[i] for i in picked]
    order = [item.strategies.index(name) for name in item.summary()["strategy"]]
    methods = list(dict.fromkeys(c.method.name for c in shown))
    labels = [f"{c.scenario} / {c.profile}" if len(methods) == 1 else c.label for c in shown]
    frame = pd.DataFrame(item.ranks[picked][:, order].T, index=[item.strategies[i] for i in order], columns=labels)
    what = f"method {methods[0]}, each scenario / profile" if len(methods) == 1 else "scenario / profile / method"
    return Heatmap(f"{item.actor}: rank in each cell ({what})", frame, alt=f"{item.actor}: rank in each cell")


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


def robust_summary_heatmap(item: Any, strategy: str) -> Heatmap:
    """:func:`robust_summary` with its words, for :func:`~decide.rendering.charts.plot_robust_summary`."""
    methods = len(dict.fromkeys(c.method.name for c in item.cells))
    return Heatmap(
        f"{item.actor}: where {strategy} ranks, by scenario and profile",
        robust_summary(item, strategy),
        xlabel="weight profile",
        scale=f"mean rank over {methods} methods",
    )


__all__ = [
    "acceptability_heatmap",
    "chosen",
    "comparison_heatmap",
    "contribution_stacks",
    "first_by_weight_bands",
    "grid_parts",
    "ranking_bars",
    "robust_grid",
    "robust_summary",
    "robust_summary_heatmap",
    "sensitivity_lines",
    "smaa_stacks",
]
