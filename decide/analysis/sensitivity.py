"""One-way weight sensitivity, stability intervals, and the smallest weight change that
puts a chosen strategy first.

For each criterion, its weight moves from 0 to 1 while the other weights keep their
proportions (``w_k * (1 - t) / (1 - w_j)``; equal shares if the criterion held all
the weight). Along that path the ranking changes only at *breakpoints*; between two
of them it stays the same. For an additive method (``wsm``, with any normalisation)
every score is linear in the weight, so the breakpoints are the crossings of those
lines, found exactly. For the other methods the path is sampled at 101 points inside [0, 1] and every change between two
neighbours is located by bisection to 1e-4 (two changes closer than the sampling
step can be seen as one).

>>> from decide.core.model import Criterion, Matrix, Strategy
>>> m = Matrix(
...     actor="Example",
...     criteria=(Criterion("gain", "max", 3.0), Criterion("cost", "min", 2.0)),
...     strategies=(Strategy("A", {"gain": 9, "cost": 8}), Strategy("B", {"gain": 4, "cost": 2}),
...                 Strategy("C", {"gain": 6, "cost": 4})),
... )
>>> result = sensitivity(m, method="wsm")
>>> result.intervals[["criterion", "weight", "first", "first from", "first to"]].round(4)
  criterion  weight first  first from  first to
0      gain     0.6     A      0.5263    1.0000
1      cost     0.4     A      0.0000    0.4737
>>> from decide.analysis.make_top import make_top
>>> top = make_top(m, strategy="C", method="wsm")
>>> round(top.distance, 4), top.tied_with
(0.1474, ('A',))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Unpack

from decide.analysis.selection import Selection, SelectionFields
from decide.core.ranks import batch_ranks, rank_note
from decide.core.tables import Section
from decide.io.load import MatrixSource
from decide.methods import DEFAULT_METHOD, get_method
from decide.methods.base import Method
from decide.methods.run import batch_scores
from decide.rendering.result import Result, add_provenance, data_note, format_weights, json_params, json_records
from decide.weights.apply import path_weights

if TYPE_CHECKING:
    import pandas as pd

    from decide.core.model import Matrix

from decide.analysis.weight_paths import (
    GRID_POINTS,
    MAX_LISTED_MOVES,
    TOLERANCE,
    Segment,
    _check_cost,
    _Clock,
    _exact_segments,
    _sampled_segments,
)


def _first(ranks: Sequence[int], names: Sequence[str]) -> str:
    values = list(ranks)
    if len(values) == len(names) and values.count(1) == 1:  # the usual case: one leader, found in C
        return names[values.index(1)]
    return " = ".join(name for name, r in zip(names, ranks, strict=True) if r == 1)


def _overtakes(before: Sequence[int], after: Sequence[int], names: Sequence[str]) -> str:
    """``"B passes A"``: the pairs whose order the breakpoint reverses, in the new order."""
    import numpy as np

    old, new = np.asarray(before), np.asarray(after)
    moved = np.flatnonzero(old != new)  # a pair changes order only if one of the two moved
    if len(moved) > MAX_LISTED_MOVES:
        return f"{len(moved):,} strategies change rank"
    found: set[tuple[int, int]] = set()
    for i in moved.tolist():
        found.update((i, int(k)) for k in np.flatnonzero((old[i] > old) & (new[i] <= new)))
        found.update((int(j), i) for j in np.flatnonzero((old > old[i]) & (new <= new[i])))
    pairs = [(after[i] + after[k], f"{names[i]} passes {names[k]}") for i, k in found]
    return "; ".join(text for _, text in sorted(pairs)) or "-"


@dataclass(frozen=True)
class CriterionSensitivity:
    """How the ranking changes as one criterion's weight moves from 0 to 1."""

    criterion: str
    weight: float
    segments: tuple[Segment, ...]

    def segment_at(self, value: float) -> int:
        """Index of the segment holding ``value`` (the first one on a boundary)."""
        for position, segment in enumerate(self.segments):
            if segment.start <= value <= segment.end:
                return position
        return len(self.segments) - 1


@dataclass(frozen=True)
class SensitivityResult(Result):
    """One-way sensitivity of one actor's ranking to each criterion's weight."""

    matrix: Matrix
    method: Method
    exact: bool
    criteria: tuple[CriterionSensitivity, ...]
    score_ranges: pd.DataFrame | None = None
    """Per score given as a range: who ranks first when it sits at either end (see :func:`range_flips`)."""

    @property
    def actor(self) -> str:
        return self.matrix.actor

    @property
    def how(self) -> str:
        return (
            "exact (closed form)"
            if self.exact
            else f"sampled at {GRID_POINTS} points, changes bisected to {TOLERANCE:g}"
        )

    @property
    def intervals(self) -> pd.DataFrame:
        """Per criterion: its weight, the interval over which the first strategy stays first
        (and who is first beyond each end), and the interval over which the whole
        ranking stays the same (and which strategies pass which beyond each end)."""
        import pandas as pd

        names = self.matrix.strategy_names
        rows = []
        for c in self.criteria:
            segments = c.segments
            here = c.segment_at(c.weight)
            first = _first(segments[here].ranks, names)
            low = high = here
            while low > 0 and _first(segments[low - 1].ranks, names) == first:
                low -= 1
            while high < len(segments) - 1 and _first(segments[high + 1].ranks, names) == first:
                high += 1
            rows.append(
                {
                    "criterion": c.criterion,
                    "weight": c.weight,
                    "first": first,
                    "first from": segments[low].start,
                    "first to": segments[high].end,
                    "first below": _first(segments[low - 1].ranks, names) if low > 0 else "-",
                    "first above": _first(segments[high + 1].ranks, names) if high < len(segments) - 1 else "-",
                    "ranking from": segments[here].start,
                    "ranking to": segments[here].end,
                    "change below": _overtakes(segments[here].ranks, segments[here - 1].ranks, names)
                    if here > 0
                    else "-",
                    "change above": _overtakes(segments[here].ranks, segments[here + 1].ranks, names)
                    if here < len(segments) - 1
                    else "-",
                }
            )
        return pd.DataFrame(rows)

    @property
    def top(self) -> pd.DataFrame:
        """Who ranks first over each stretch of each criterion's weight; ``now`` marks the
        stretch holding the current weight."""
        import pandas as pd

        names = self.matrix.strategy_names
        rows: list[dict[str, Any]] = []
        for c in self.criteria:
            start = len(rows)
            for segment in c.segments:
                first = _first(segment.ranks, names)
                if len(rows) > start and rows[-1]["first"] == first:
                    rows[-1]["to"] = segment.end
                else:
                    rows.append({"criterion": c.criterion, "from": segment.start, "to": segment.end, "first": first})
            for row in rows[start:]:
                row["now"] = "<- weight now" if row["from"] <= c.weight <= row["to"] else ""
        return pd.DataFrame(rows, columns=["criterion", "from", "to", "first", "now"])

    @property
    def breakpoints(self) -> pd.DataFrame:
        """Every weight at which the ranking changes, and which strategies swap there."""
        import pandas as pd

        names = self.matrix.strategy_names
        rows = [
            {
                "criterion": c.criterion,
                "weight": b.start,
                "first": _first(b.ranks, names),
                "change": _overtakes(a.ranks, b.ranks, names),
            }
            for c in self.criteria
            for a, b in pairwise(c.segments)
        ]
        return pd.DataFrame(rows, columns=["criterion", "weight", "first", "change"])

    def caption(self, what: str) -> str:
        return (
            f"{self.actor}: {what}; {self.method.title}{rank_note(self.method.name)}; {self.how}; "
            f"weights {format_weights(self.matrix.weights, self.matrix.weights_source)}; "
            f"others keep their proportions; {data_note(self.matrix)}"
        )

    def sections(self) -> list[Section]:
        """Three tables: where the first strategy stays first, where the whole ranking
        stays the same, and who is first along each weight."""
        intervals = self.intervals
        firsts = sorted(set(intervals["first"]))
        first = intervals.rename(
            columns={
                "first from": "stays first from",
                "first to": "to",
                "first below": "first below that",
                "first above": "first above that",
            }
        )[["criterion", "weight", "stays first from", "to", "first below that", "first above that"]]
        ranking = intervals.rename(columns={"ranking from": "same ranking from", "ranking to": "to"})[
            ["criterion", "weight", "same ranking from", "to", "change below", "change above"]
        ]
        return [
            Section(f"{self.actor} first", self.caption(f"weights keeping {' / '.join(firsts)} first"), first),
            Section(f"{self.actor} ranking", self.caption("weights keeping the whole ranking"), ranking),
            Section(
                f"{self.actor} first by weight",
                self.caption("first strategy as each weight moves from 0 to 1"),
                self.top,
            ),
            *self._range_sections(),
        ]

    def _range_sections(self) -> list[Section]:
        if self.score_ranges is None:
            return []
        flips = self.score_ranges[self.score_ranges["flips"]].drop(columns="flips")
        count = len(self.score_ranges)
        what = (
            f"{len(flips)} of {count} score ranges can change who is first, each moved alone to either end"
            if len(flips)
            else f"none of {count} score ranges changes who is first, each moved alone to either end"
        )
        frame = flips if len(flips) else self.score_ranges.drop(columns="flips").head(0)
        return [Section(f"{self.actor} score ranges", self.caption(what), frame.reset_index(drop=True))]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        frame = self.intervals
        frame.insert(0, "actor", self.actor)
        if provenance:
            add_provenance(
                frame,
                self.matrix,
                method=self.method.name,
                params=self.method.describe(),
                exact=self.exact,
                weights=format_weights(self.matrix.weights, self.matrix.weights_source),
            )
        return frame

    def plot(self, criterion: str | None = None, ax: Any = None) -> Any:
        """Each strategy's score against one criterion's weight (one panel per criterion
        unless ``criterion`` is named), the current weight and the breakpoints marked."""
        from decide.analysis.charts import sensitivity_lines
        from decide.rendering.charts import plot_sensitivity

        return plot_sensitivity(sensitivity_lines(self, criterion, ax), ax=ax)

    def to_dict(self) -> dict[str, Any]:
        names = self.matrix.strategy_names
        return {
            "actor": self.actor,
            "file": self.matrix.file_name,
            "filters": list(self.matrix.filters),
            "method": self.method.name,
            "params": json_params(self.method),
            "exact": self.exact,
            "weights": dict(self.matrix.weights),
            "weights_source": self.matrix.weights_source,
            "intervals": json_records(self.intervals),
            "score_ranges": None if self.score_ranges is None else json_records(self.score_ranges),
            "segments": {
                c.criterion: [
                    {
                        "from": s.start,
                        "to": s.end,
                        "first": _first(s.ranks, names),
                        "ranks": dict(zip(names, s.ranks, strict=True)),
                    }
                    for s in c.segments
                ]
                for c in self.criteria
            },
        }


def sensitivity(
    source: MatrixSource = None,
    *,
    criterion: str | None = None,
    exact: bool | None = None,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
) -> SensitivityResult:
    """One-way weight sensitivity of one actor's ranking, for every criterion (or one).

    ``exact=None`` uses the closed form when the method is additive (``wsm``);
    ``exact=False`` forces sampling and bisection (to check the closed form).
    """
    picked = Selection.of(source, selection, **fields)
    matrix = picked.matrix()
    chosen = picked.method_object().require_weights()
    chosen.check(matrix)
    if criterion is not None:
        criterion = matrix.criterion(criterion).name  # any case; UnknownNameError lists the criteria
    closed = chosen.additive if exact is None else bool(exact and chosen.additive)
    indices = [i for i, c in enumerate(matrix.criteria) if criterion is None or c.name == criterion]
    cuts = _check_cost(matrix, chosen, indices, closed)
    clock = _Clock(matrix, chosen, len(indices))
    results = []
    for index in indices:
        c = matrix.criteria[index]
        segments = (
            _exact_segments(matrix, chosen, index, cuts.get(index), clock)
            if closed
            else _sampled_segments(matrix, chosen, index, clock)
        )
        clock.done += 1
        clock.rows += len(segments)
        results.append(CriterionSensitivity(c.name, matrix.weights[c.name], tuple(segments)))
    ranges = range_flips(matrix, chosen) if matrix.has_ranges else None
    return SensitivityResult(matrix, chosen, closed, tuple(results), ranges)


def range_flips(matrix: Matrix, method: str | Method = DEFAULT_METHOD) -> pd.DataFrame:
    """For every score given as a range, who ranks first when that score alone sits at the
    low or the high end of its range (the current weights, every other score as given).

    Columns: strategy, criterion, score, low, high, first at low, first at high, flips
    (True where either end puts another strategy first).
    """
    import numpy as np
    import pandas as pd

    chosen = get_method(method)
    table, names = matrix.to_array(), matrix.strategy_names
    cells = [
        (i, j, *strategy.ranges[criterion])
        for i, strategy in enumerate(matrix.strategies)
        for j, criterion in enumerate(matrix.criterion_names)
        if criterion in strategy.ranges
    ]
    columns = ["strategy", "criterion", "score", "low", "high", "first at low", "first at high", "flips"]
    if not cells:
        return pd.DataFrame(columns=columns)
    tables = np.repeat(table[None, :, :], 2 * len(cells) + 1, axis=0)
    for k, (i, j, low, high) in enumerate(cells):
        tables[2 * k, i, j], tables[2 * k + 1, i, j] = low, high
    weights = np.repeat(matrix.weight_array()[None, :], len(tables), axis=0)
    ranks = batch_ranks(batch_scores(chosen, matrix, weights, tables), chosen.better)
    firsts = [_first(row, names) for row in ranks]
    now = firsts[-1]
    rows = [
        {
            "strategy": names[i],
            "criterion": matrix.criterion_names[j],
            "score": table[i, j],
            "low": low,
            "high": high,
            "first at low": firsts[2 * k],
            "first at high": firsts[2 * k + 1],
            "flips": firsts[2 * k] != now or firsts[2 * k + 1] != now,
        }
        for k, (i, j, low, high) in enumerate(cells)
    ]
    return pd.DataFrame(rows, columns=columns)


__all__ = [
    "CriterionSensitivity",
    "Segment",
    "SensitivityResult",
    "path_weights",
    "range_flips",
    "sensitivity",
]
