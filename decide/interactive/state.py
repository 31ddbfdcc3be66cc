"""What a tune session shows: its rows, intervals and contributions, and the interval over which
the leader stays first as one weight moves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from decide.methods import METHODS
from decide.methods.base import Method

if TYPE_CHECKING:
    import numpy as np

    from decide.analysis.lead import Lead
    from decide.core.model import Matrix


#: Points of the first pass along a weight path (non-additive methods), then of each refinement.
GRID_POINTS = 101


#: The same for methods without a numpy engine (one pipeline run per point; narrower
#: stretches than 1/20 where the leader briefly loses can be missed).
SLOW_GRID_POINTS = 21


#: How precisely the ends of a sampled interval are located (weight units).
TOLERANCE = 1e-4


#: Crossings closer than this to 0 or 1 are ties at that end (as in :mod:`decide.analysis.sensitivity`).
_AT_END = 1e-12


#: The weights the matrix file gives: the first entry of the profile cycle.
FILE_WEIGHTS = "file weights"

#: Its name when the file gives no weights (every criterion weighs the same).
EQUAL_WEIGHTS = "equal weights"


def method_cycle() -> list[str]:
    """Methods in the order ``m`` cycles through them: the vectorised ones first (they
    re-rank at once), then the others that use weights; methods ignoring weights are left out.

    >>> method_cycle()[:4]
    ['wsm', 'wpm', 'topsis', 'vikor']
    """
    fast = [name for name, cls in METHODS.items() if cls.vectorised]
    slow = [name for name, cls in METHODS.items() if not cls.vectorised and cls.uses_weights]
    return fast + slow


def format_weight(value: float) -> str:
    """A weight as the ``-w`` string writes it: at most 6 decimals, no trailing zeros.

    >>> format_weight(0.25), format_weight(1 / 3), format_weight(0.0)
    ('0.25', '0.333333', '0')
    """
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@dataclass(frozen=True)
class Interval:
    """Where the selected criterion's weight can go (the others keeping their proportions)
    while ``leader`` stays first; ``exact`` for additive methods, else to :data:`TOLERANCE`."""

    criterion: str
    weight: float
    low: float
    high: float
    leader: str
    exact: bool

    def describe(self) -> str:
        """``'A' stays first while gain is in [0.5263, 1]``."""
        how = "" if self.exact else f" (+-{TOLERANCE:g})"
        return f"'{self.leader}' stays first while {self.criterion} is in [{self.low:.4g}, {self.high:.4g}]{how}"


@dataclass(frozen=True)
class Row:
    """One line of the live ranking. ``moved`` is how many places the strategy rose (> 0) or
    fell (< 0) since the session started."""

    rank: int
    strategy: str
    score: float
    moved: int
    dominated: bool


@dataclass(frozen=True)
class View:
    """Everything the screen shows after one change."""

    method: Method
    weights: dict[str, float]
    rows: tuple[Row, ...]
    margin: float
    interval: Interval | None
    #: how firmly the leader leads, in the report's words (:mod:`decide.analysis.lead`);
    #: ``None`` while it is being computed (methods without a numpy engine)
    lead: Lead | None = None

    @property
    def leader(self) -> str:
        return self.rows[0].strategy

    @property
    def ranking(self) -> list[str]:
        """Strategy names, best first."""
        return [row.strategy for row in self.rows]


@dataclass(frozen=True)
class Contribution:
    """Each criterion's part in the leader's score next to the runner-up's, as ``decide explain``
    decomposes it (:func:`decide.analysis.explain.decompose`): ``kind`` is ``exact`` (additive methods:
    the parts sum to the score), ``distance`` (TOPSIS: each criterion's pull towards the ideal)
    or ``normalised`` (no exact decomposition: weighted min-max normalised values)."""

    kind: str
    leader: str
    runner_up: str
    criteria: tuple[str, ...]
    leader_parts: tuple[float, ...]
    runner_up_parts: tuple[float, ...]

    @property
    def heading(self) -> str:
        """What the numbers are, in a few words."""
        return {"exact": "w x score", "distance": "pull to ideal"}.get(self.kind, "w x minmax")


@dataclass(frozen=True)
class _State:
    weights: tuple[float, ...]
    method: str
    profile: str


def leader_interval(
    matrix: Matrix, method: Method, weights: Sequence[float] | np.ndarray, index: int, exact: bool | None = None
) -> Interval:
    """The weights of criterion ``index`` for which the strategy first at ``weights`` stays first,
    moving along the path of :func:`decide.analysis.sensitivity.path_weights` (the others keep
    their proportions).

    Additive methods: exact, from the straight lines the scores follow. Others: the
    path sampled at :data:`GRID_POINTS` points (:data:`SLOW_GRID_POINTS` without a numpy
    engine), then each end refined on grids of the same size to better than :data:`TOLERANCE`.
    ``exact=False`` samples an additive method too (to check the closed form).
    """
    import numpy as np

    from decide.core.ranks import TIE_TOLERANCE
    from decide.methods.run import batch_scores, quietly
    from decide.weights.apply import path_weights

    current = np.asarray(weights, dtype=float)
    value = float(current[index])
    names = matrix.strategy_names
    table, cost = matrix.to_array(), matrix.cost_mask()

    def scores_at(values: Any) -> np.ndarray:
        path = path_weights(current, index, values)
        if method.vectorised:
            with quietly():
                return method.batch(table, cost, path)
        return batch_scores(method, matrix, path)

    here = scores_at([value])[0]
    sign = 1.0 if method.better == "higher" else -1.0
    leader = int(np.argmax(sign * here))
    criterion = matrix.criterion_names[index]
    if method.additive and exact is not False:
        terms = method.terms(table, cost)
        ends = path_weights(current, index, [0.0, 1.0])
        at_zero, slope = terms @ ends[0], terms @ ends[1] - terms @ ends[0]
        # leader stays first while sign * (a_L - a_i + t (b_L - b_i)) >= 0 for every i
        gap, gain = sign * (at_zero[leader] - at_zero), sign * (slope[leader] - slope)
        low, high = 0.0, 1.0
        for g, s in zip(gap, gain, strict=True):
            if abs(s) <= 1e-15:
                continue
            t = -g / s  # a crossing within rounding of an end is a tie there: the leader is still first
            if s > 0 and t > _AT_END:
                low = max(low, t)
            elif s < 0 and t < 1 - _AT_END:
                high = min(high, t)
        low, high = min(low, value), max(high, value)
        return Interval(criterion, value, float(max(low, 0.0)), float(min(high, 1.0)), names[leader], True)

    def first(values: np.ndarray) -> np.ndarray:
        """Whether the leader ranks first (ties within :data:`TIE_TOLERANCE` count as first)."""
        oriented = sign * scores_at(values)
        return oriented[:, leader] >= oriented.max(axis=1) - TIE_TOLERANCE

    count = GRID_POINTS if method.vectorised else SLOW_GRID_POINTS

    def edge(inside: float, outside: float) -> float:
        """Refine the boundary between a point where the leader is first and one where it is not."""
        for _ in range(4):
            if abs(outside - inside) <= TOLERANCE / 2:
                break
            points = np.linspace(inside, outside, count)
            ok = first(points)
            last = int(np.argmin(ok)) - 1 if not ok.all() else len(points) - 1
            inside, outside = float(points[max(last, 0)]), float(points[min(last + 1, len(points) - 1)])
        return (inside + outside) / 2

    grid = np.linspace(0.0, 1.0, count)
    ok = first(grid)
    below, above = grid[grid < value], grid[grid > value]
    ok_below, ok_above = ok[grid < value], ok[grid > value]
    low = 0.0
    if len(below) and not ok_below.all():
        last_bad = int(np.flatnonzero(~ok_below)[-1])
        inside = float(below[last_bad + 1]) if last_bad + 1 < len(below) else value
        low = edge(inside, float(below[last_bad]))
    high = 1.0
    if len(above) and not ok_above.all():
        first_bad = int(np.flatnonzero(~ok_above)[0])
        inside = float(above[first_bad - 1]) if first_bad > 0 else value
        high = edge(inside, float(above[first_bad]))
    return Interval(criterion, value, min(low, value), max(high, value), names[leader], False)
