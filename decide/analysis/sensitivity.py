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
>>> top = make_top(m, strategy="C", method="wsm")
>>> round(top.distance, 4), top.tied_with
(0.1474, ('A',))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from decide.core.errors import SpecError, UnknownNameError
from decide.core.ranks import batch_ranks, rank_note, sample_weights
from decide.core.tables import Section
from decide.io.load import MatrixSource, one_matrix
from decide.methods import DEFAULT_METHOD, get_method
from decide.methods.base import Method
from decide.methods.run import batch_scores
from decide.rendering.result import Result, add_provenance, data_note, format_weights, json_params
from decide.weights.apply import path_weights
from decide.weights.spec import WeightsLike

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from decide.core.model import Matrix
    from decide.io.scenarios import Scenario

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
            "exact (closed form)" if self.exact
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
            rows.append({
                "criterion": c.criterion,
                "weight": c.weight,
                "first": first,
                "first from": segments[low].start,
                "first to": segments[high].end,
                "first below": _first(segments[low - 1].ranks, names) if low > 0 else "-",
                "first above": _first(segments[high + 1].ranks, names)
                if high < len(segments) - 1 else "-",
                "ranking from": segments[here].start,
                "ranking to": segments[here].end,
                "change below": _overtakes(segments[here].ranks, segments[here - 1].ranks, names)
                if here > 0 else "-",
                "change above": _overtakes(segments[here].ranks, segments[here + 1].ranks, names)
                if here < len(segments) - 1 else "-",
            })
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
                    rows.append({"criterion": c.criterion, "from": segment.start,
                                 "to": segment.end, "first": first})
            for row in rows[start:]:
                row["now"] = "<- weight now" if row["from"] <= c.weight <= row["to"] else ""
        return pd.DataFrame(rows, columns=["criterion", "from", "to", "first", "now"])

    @property
    def breakpoints(self) -> pd.DataFrame:
        """Every weight at which the ranking changes, and which strategies swap there."""
        import pandas as pd

        names = self.matrix.strategy_names
        rows = [
            {"criterion": c.criterion, "weight": b.start,
             "first": _first(b.ranks, names), "change": _overtakes(a.ranks, b.ranks, names)}
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
        first = intervals.rename(columns={
            "first from": "stays first from", "first to": "to",
            "first below": "first below that", "first above": "first above that",
        })[["criterion", "weight", "stays first from", "to", "first below that",
            "first above that"]]
        ranking = intervals.rename(columns={"ranking from": "same ranking from",
                                            "ranking to": "to"})[
            ["criterion", "weight", "same ranking from", "to", "change below", "change above"]]
        return [
            Section(f"{self.actor} first",
                    self.caption(f"weights keeping {' / '.join(firsts)} first"), first),
            Section(f"{self.actor} ranking",
                    self.caption("weights keeping the whole ranking"), ranking),
            Section(f"{self.actor} first by weight",
                    self.caption("first strategy as each weight moves from 0 to 1"), self.top),
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
                frame, self.matrix, method=self.method.name, params=self.method.describe(), exact=self.exact,
                weights=format_weights(self.matrix.weights, self.matrix.weights_source),
            )
        return frame

    def plot(self, criterion: str | None = None, ax: Any = None) -> Any:
        """Each strategy's score against one criterion's weight (one panel per criterion
        unless ``criterion`` is named), the current weight and the breakpoints marked."""
        from decide.rendering.charts import plot_sensitivity

        return plot_sensitivity(self, criterion=criterion, ax=ax)

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
            "intervals": self.intervals.to_dict(orient="records"),
            "score_ranges": None if self.score_ranges is None else self.score_ranges.to_dict(orient="records"),
            "segments": {
                c.criterion: [
                    {"from": s.start, "to": s.end, "first": _first(s.ranks, names),
                     "ranks": dict(zip(names, s.ranks, strict=True))}
                    for s in c.segments
                ]
                for c in self.criteria
            },
        }


def sensitivity(
    source: MatrixSource = None,
    *,
    actor: str | None = None,
    method: str | Method = DEFAULT_METHOD,
    criterion: str | None = None,
    weights: WeightsLike = None,
    profile: str | None = None,
    weighting: str = "roc",
    params: Mapping[str, Any] | None = None,
    exact: bool | None = None,
    stated_only: bool = False,
    scenario: str | Scenario | None = None,
) -> SensitivityResult:
    """One-way weight sensitivity of one actor's ranking, for every criterion (or one).

    ``exact=None`` uses the closed form when the method is additive (``wsm``);
    ``exact=False`` forces sampling and bisection (to check the closed form).
    """
    matrix = one_matrix(source, actor, weights, profile, weighting, stated_only=stated_only, scenario=scenario)
    chosen = get_method(method, params).require_weights()
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
        segments = (_exact_segments(matrix, chosen, index, cuts.get(index), clock) if closed
                    else _sampled_segments(matrix, chosen, index, clock))
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
        {"strategy": names[i], "criterion": matrix.criterion_names[j], "score": table[i, j], "low": low,
         "high": high, "first at low": firsts[2 * k], "first at high": firsts[2 * k + 1],
         "flips": firsts[2 * k] != now or firsts[2 * k + 1] != now}
        for k, (i, j, low, high) in enumerate(cells)
    ]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class MakeTopResult(Result):
    """The smallest change of weights (L1 distance) that ranks ``strategy`` first."""

    matrix: Matrix
    strategy: str
    method: Method
    exact: bool
    new_weights: dict[str, float] | None
    tied_with: tuple[str, ...] = ()
    reason: str = ""
    #: the strategy already ranks first with the current weights: nothing to change
    already_first: bool = False

    @property
    def feasible(self) -> bool:
        return self.new_weights is not None

    @property
    def distance(self) -> float:
        """L1 distance between the current and the new weights (NaN if impossible)."""
        if self.new_weights is None:
            return float("nan")
        return sum(abs(self.new_weights[c] - w) for c, w in self.matrix.weights.items())

    @property
    def frame(self) -> pd.DataFrame:
        """Criterion, current weight, needed weight and the change."""
        import pandas as pd

        current = self.matrix.weights
        needed = self.new_weights or {}
        return pd.DataFrame({
            "criterion": list(current),
            "weight now": list(current.values()),
            "weight needed": [needed.get(c, float("nan")) for c in current],
            "change": [_clean(needed.get(c, float("nan")) - w) for c, w in current.items()],
        })

    @property
    def verdict(self) -> str:
        how = "exact, linear programming" if self.exact else "approximate, sampled search"
        if self.already_first:
            ties = f", tied with {', '.join(self.tied_with)}" if self.tied_with else ""
            return f"'{self.strategy}' already ranks first{ties} with the current weights; no change needed"
        if not self.feasible:
            return f"no weights rank '{self.strategy}' first ({how}): {self.reason}"
        ties = f", tied with {', '.join(self.tied_with)}" if self.tied_with else ""
        return (
            f"'{self.strategy}' ranks first{ties} when the weights move by {self.distance:.4f} in L1 distance ({how})"
        )

    def sections(self) -> list[Section]:
        frame = self.frame
        if not self.feasible:
            frame = frame[["criterion", "weight now"]]
        caption = (
            f"{self.matrix.actor}: {self.verdict}; {self.method.title}; weights now from {self.matrix.weights_source}; "
            f"{data_note(self.matrix)}"
        )
        return [Section(f"{self.matrix.actor} make top", caption, frame)]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        frame = self.frame
        frame.insert(0, "strategy", self.strategy)
        frame.insert(0, "actor", self.matrix.actor)
        if provenance:
            add_provenance(
                frame, self.matrix, method=self.method.name, params=self.method.describe(), exact=self.exact,
                verdict=self.verdict,
            )
        return frame

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.matrix.actor,
            "file": self.matrix.file_name,
            "filters": list(self.matrix.filters),
            "strategy": self.strategy,
            "method": self.method.name,
            "params": json_params(self.method),
            "exact": self.exact,
            "feasible": self.feasible,
            "weights": dict(self.matrix.weights),
            "weights_source": self.matrix.weights_source,
            "new_weights": self.new_weights,
            "distance": self.distance if self.feasible else None,
            "tied_with": list(self.tied_with),
            "already_first": self.already_first,
            "verdict": self.verdict,
        }


def _clean(value: float) -> float:
    """Rounding noise of the solver shown as 0 (not -0.0000)."""
    return 0.0 if abs(value) < 1e-12 else value


def _strategy_index(matrix: Matrix, strategy: str) -> int:
    names = matrix.strategy_names
    if strategy in names:
        return names.index(strategy)
    if not strategy.strip():
        raise SpecError("is empty; name the strategy to rank first", field="strategy", where=matrix.label)
    folded = [n.casefold() for n in names]
    if strategy.casefold().strip() in folded:
        return folded.index(strategy.casefold().strip())
    from decide.core.suggest import did_you_mean

    hint = did_you_mean(strategy, names) or ";"
    raise UnknownNameError(f"{matrix.label}: unknown strategy '{strategy}'{hint} choose from: {', '.join(names)}")


def _ties(matrix: Matrix, method: Method, weights: np.ndarray, target: int) -> tuple:
    """Strategies tied first with ``target`` at ``weights`` (within 1e-9)."""
    import numpy as np

    scores = batch_scores(method, matrix, weights[None, :])[0]
    sign = 1.0 if method.better == "higher" else -1.0
    close = np.abs(scores - scores[target]) <= 1e-9
    best = sign * scores >= sign * scores[target] - 1e-9
    names = matrix.strategy_names
    return tuple(names[i] for i in np.flatnonzero(close & best) if i != target)


def _lp_make_top(matrix: Matrix, method: Method, target: int) -> tuple[np.ndarray | None, str]:
    """Minimise sum |w - w0| with w >= 0, sum w = 1 and the target's weighted sum >= every
    other's (linear constraints on the additive method's terms)."""
    import numpy as np
    from scipy.optimize import linprog

    current = matrix.weight_array()
    rescaled = method.terms(matrix.to_array(), matrix.cost_mask())
    n = len(current)
    others = [i for i in range(len(rescaled)) if i != target]
    identity = np.eye(n)
    # variables: w (n), u (n) with u >= |w - w0|
    upper = np.vstack([
        np.hstack([identity, -identity]),
        np.hstack([-identity, -identity]),
        np.hstack([rescaled[others] - rescaled[target], np.zeros((len(others), n))]),
    ])
    bound = np.concatenate([current, -current, np.zeros(len(others))])
    result = linprog(
        np.concatenate([np.zeros(n), np.ones(n)]),
        A_ub=upper, b_ub=bound,
        A_eq=np.concatenate([np.ones(n), np.zeros(n)])[None, :], b_eq=[1.0],
        bounds=[(0, 1)] * n + [(0, None)] * n,
        method="highs",
        options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10},
    )
    if result.status == 0:
        weights = np.clip(result.x[:n], 0.0, None)
        return weights / weights.sum(), ""
    names = matrix.strategy_names
    for i in others:
        if np.all(rescaled[i] >= rescaled[target]) and np.any(rescaled[i] > rescaled[target]):
            return None, f"it is dominated by '{names[i]}' (as good on every criterion, better on one)"
    return None, "for every choice of weights some other strategy has a higher weighted sum"


def _search_make_top(matrix: Matrix, method: Method, target: int, seed: int = 0) -> np.ndarray | None:
    """Nearest sampled weights ranking the target first, then pulled towards the current
    weights by bisection along the line between them, then refined locally."""
    import numpy as np

    rng = np.random.default_rng(seed)
    current = matrix.weight_array()

    def firsts(weights: np.ndarray) -> np.ndarray:
        ranks = batch_ranks(batch_scores(method, matrix, weights), method.better)
        return ranks[:, target] == 1

    candidates = np.vstack([
        sample_weights(rng, 4000, current),
        *(sample_weights(rng, 2000, current, spread=s) for s in (0.05, 0.1, 0.2, 0.4, 0.8)),
    ])
    best = None
    for _ in range(6):
        good = candidates[firsts(candidates)]
        if len(good):
            distances = np.abs(good - current).sum(axis=1)
            found = good[np.argmin(distances)]
            if best is None or np.abs(found - current).sum() < np.abs(best - current).sum():
                best = found
        if best is None:
            return None
        low, high = 0.0, 1.0  # best is reached at 1
        while high - low > TOLERANCE:
            middle = (low + high) / 2
            if firsts((current + middle * (best - current))[None, :])[0]:
                high = middle
            else:
                low = middle
        best = current + high * (best - current)
        radius = max(np.abs(best - current).sum() / 4, 1e-3)
        noise = rng.uniform(-radius, radius, (2000, len(current)))
        candidates = np.clip(best + noise, 0.0, None)
        candidates /= candidates.sum(axis=1, keepdims=True)
    return best


def make_top(
    source: MatrixSource = None,
    *,
    strategy: str,
    actor: str | None = None,
    method: str | Method = DEFAULT_METHOD,
    weights: WeightsLike = None,
    profile: str | None = None,
    weighting: str = "roc",
    params: Mapping[str, Any] | None = None,
    stated_only: bool = False,
    scenario: str | Scenario | None = None,
) -> MakeTopResult:
    """The smallest change of the weights (L1 distance; weights >= 0 summing to 1) that
    ranks ``strategy`` first, or the reason no weights can.

    Exact for additive methods such as ``wsm`` (a linear programme,
    :func:`scipy.optimize.linprog`); for other methods an approximate sampled search
    (a few thousand batched draws, then bisection towards the current weights).
    """
    matrix = one_matrix(source, actor, weights, profile, weighting, stated_only=stated_only, scenario=scenario)
    chosen = get_method(method, params).require_weights()
    chosen.check(matrix)
    target = _strategy_index(matrix, strategy)
    label = matrix.strategy_names[target]
    current = matrix.weight_array()
    if batch_ranks(batch_scores(chosen, matrix, current[None, :]), chosen.better)[0][target] == 1:
        now = {c: float(w) for c, w in zip(matrix.criterion_names, current, strict=True)}
        ties = _ties(matrix, chosen, current, target)
        return MakeTopResult(matrix, label, chosen, chosen.additive, now, ties, already_first=True)
    if chosen.additive:
        found, reason = _lp_make_top(matrix, chosen, target)
    else:
        found = _search_make_top(matrix, chosen, target)
        reason = "" if found is not None else "none of the sampled weights does (a search, not a proof)"
    if found is None:
        return MakeTopResult(matrix, label, chosen, chosen.additive, None, reason=reason)
    new = {c: _clean(float(w)) for c, w in zip(matrix.criterion_names, found, strict=True)}
    return MakeTopResult(matrix, label, chosen, chosen.additive, new, _ties(matrix, chosen, found, target))


__all__ = [
    "CriterionSensitivity",
    "MakeTopResult",
    "Segment",
    "SensitivityResult",
    "make_top",
    "path_weights",
    "range_flips",
    "sensitivity",
]
