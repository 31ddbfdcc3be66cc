"""The weight paths of a one-way sensitivity analysis: where, as one criterion's weight moves
from 0 to 1 (the others keeping their proportions), the ranking changes.

Additive methods have a closed form (every score is a line in the weight; the breakpoints are
where two lines cross, found with numpy in blocks). Other methods are sampled on a grid and
every change is bisected, each round's bisections scored in one batch. Both refuse, in one
line, work over decide's memory and time limits (:mod:`decide.analysis.cost`): before they
start where the cost is known, and as soon as it is where it is found along the way.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from decide.core.progress import report_progress
from decide.core.ranks import batch_ranks
from decide.methods.base import Method
from decide.methods.run import batch_scores
from decide.weights.apply import path_weights

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix


#: Points sampled along each weight path for methods without a closed form.
GRID_POINTS = 101
#: Rounds of bisection from the grid to :data:`TOLERANCE` (for the progress bar).
_ROUNDS = 7
#: A breakpoint moving more strategies than this is summarised by their count, not pair by pair.
MAX_LISTED_MOVES = 50
#: Bisection stops when the breakpoint is known to within this weight.
TOLERANCE = 1e-4
#: Crossings closer than this are one breakpoint (closed form).
_SAME_POINT = 1e-12


@dataclass(frozen=True)
class Segment:
    """A stretch of one criterion's weight over which the ranking is the same."""

    start: float
    end: float
    ranks: tuple[int, ...]


class _TooManyCuts(Exception):
    """More distinct breakpoints than the memory limit allows (``count`` found so far)."""

    def __init__(self, count: int) -> None:
        self.count = count


def _cut_points(at_zero: np.ndarray, slope: np.ndarray, limit: int, chunk: int = 2_000_000) -> np.ndarray:
    """The distinct weights in (0, 1) where two lines ``at_zero + t * slope`` cross, computed in
    chunks of about ``chunk`` pairs; :class:`_TooManyCuts` once there are more than ``limit``."""
    import numpy as np

    n = len(at_zero)
    found = np.empty(0)
    rows_per_chunk = max(1, chunk // max(n, 1))
    for first in range(0, n, rows_per_chunk):
        rows = np.arange(first, min(n, first + rows_per_chunk))
        difference = slope[rows, None] - slope[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            t = (at_zero[None, :] - at_zero[rows, None]) / difference
        keep = (np.arange(n)[None, :] > rows[:, None]) & (np.abs(difference) > _SAME_POINT)
        keep &= (t > _SAME_POINT) & (t < 1 - _SAME_POINT)
        found = np.union1d(found, t[keep])
        if len(found) > limit:
            raise _TooManyCuts(len(found))
    return found


def _lines(matrix: Matrix, terms: np.ndarray, index: int) -> tuple[np.ndarray, np.ndarray]:
    """Each strategy's additive score at weight 0 of criterion ``index`` and its slope to weight 1."""
    ends = path_weights(matrix.weight_array(), index, [0.0, 1.0])
    at_zero, at_one = terms @ ends[0], terms @ ends[1]
    return at_zero, at_one - at_zero


def _exact_segments(
    matrix: Matrix, method: Method, index: int, points: np.ndarray | None = None, clock: _Clock | None = None
) -> list[Segment]:
    """Closed form for an additive method: each score is a line in the weight."""
    import numpy as np

    at_zero, slope = _lines(matrix, method.terms(matrix.to_array(), matrix.cost_mask()), index)
    if points is None:
        points = _cut_points(at_zero, slope, limit=10**9)
    cuts = [0.0]
    for t in points.tolist():
        if t - cuts[-1] > _SAME_POINT:
            cuts.append(t)
    cuts.append(1.0)
    edges = np.array(cuts)
    middles = (edges[:-1] + edges[1:]) / 2
    segments: list[Segment] = []
    step = max(1, 2_000_000 // max(len(at_zero), 1))  # rank the stretches in blocks: memory stays bounded
    for first in range(0, len(middles), step):
        block = middles[first : first + step]
        scores = at_zero[None, :] + block[:, None] * slope[None, :]
        for offset, row in enumerate(batch_ranks(scores, method.better).tolist()):
            k = first + offset
            ranks = tuple(row)
            if segments and segments[-1].ranks == ranks:
                segments[-1] = Segment(segments[-1].start, cuts[k + 1], ranks)
            else:
                segments.append(Segment(cuts[k], cuts[k + 1], ranks))
                if len(segments) % 1024 == 0:
                    _check_memory(matrix, method, len(segments) + (clock.rows if clock else 0))
        report_progress(f"sensitivity {matrix.criteria[index].name}", min(len(middles), first + step), len(middles))
    return segments


#: Bytes a stretch of a weight path costs per strategy (its ranking kept as Python integers).
_BYTES_PER_RANK = 40
#: Seconds to rank one strategy at one breakpoint of the closed form (measured on 2,000 x 10).
_SECONDS_PER_RANK = 3e-8
#: Seconds to find where one pair of strategies crosses on one criterion's path (measured on 10,000 x 50).
_SECONDS_PER_PAIR = 2.5e-8


def _check_cost(matrix: Matrix, method: Method, indices: Sequence[int], closed: bool) -> dict[int, np.ndarray]:
    """Refuse, before the work, a sensitivity analysis over the memory or time limits; return
    the breakpoints of the closed form (computed once, here) by criterion."""
    from decide.analysis.cost import check_cost, max_bytes, probe_seconds

    n = len(matrix.strategies)
    what = f"sensitivity of {n:,} strategies by {method.name}"
    reduce = "select fewer strategies (a smaller file, --stated-only) or one criterion (--criterion)" + (
        "" if closed else "; wsm has a closed form and is much faster"
    )
    if not closed:  # the grid is the least it costs; the bisections are timed as they go
        check_cost(what, len(indices) * GRID_POINTS * probe_seconds(method, matrix), 0, reduce)
        return {}
    check_cost(what, n * n / 2 * len(indices) * _SECONDS_PER_PAIR, 0, reduce)
    limit = int(max_bytes() // 16)  # the breakpoints themselves (8-byte floats, twice while merging)
    terms = method.terms(matrix.to_array(), matrix.cost_mask())
    cuts: dict[int, np.ndarray] = {}
    total = 0
    started = time.perf_counter()
    for done, index in enumerate(indices):
        try:
            cuts[index] = _cut_points(*_lines(matrix, terms, index), limit=limit - total)
        except _TooManyCuts as error:
            check_cost(what, 0, float(total + error.count) * 16, reduce)
            raise  # pragma: no cover - check_cost always refuses here
        total += len(cuts[index])
        report_progress("sensitivity: breakpoints", done + 1, len(indices))
        # from the criteria done so far: the time to find the rest, and to rank at every breakpoint
        share = len(indices) / (done + 1)
        check_cost(what, (time.perf_counter() - started) * share + total * share * n * _SECONDS_PER_RANK, 0, reduce)
    check_cost(what, float(total) * n * _SECONDS_PER_RANK, 0, reduce)  # each breakpoint: one ranking
    return cuts


class _Clock:
    """Extrapolates the time of the sampled search from the work done so far, and refuses as
    soon as the whole would be over the time limit."""

    def __init__(self, matrix: Matrix, method: Method, criteria: int) -> None:
        import time

        self.started, self.criteria, self.done = time.perf_counter(), criteria, 0
        self.rows = 0  # rankings kept so far (one per stretch of every criterion done)
        self.what = f"sensitivity of {len(matrix.strategies):,} strategies by {method.name}"

    def check(self, fraction_of_one: float) -> None:
        import time

        from decide.analysis.cost import check_cost

        elapsed = time.perf_counter() - self.started
        done = self.done + min(max(fraction_of_one, 1e-3), 1.0)
        if elapsed > 2:  # short runs are not worth a guess
            check_cost(
                self.what,
                elapsed / done * self.criteria,
                0,
                "select fewer strategies (a smaller file, --stated-only) or one criterion (--criterion); "
                "wsm has a closed form and is much faster",
            )


def _check_memory(matrix: Matrix, method: Method, rows: int) -> None:
    """Refuse, while the work goes on, once ``rows`` rankings of every strategy would pass the
    memory limit (how many there will be is known only as they are found)."""
    from decide.analysis.cost import check_cost

    n = len(matrix.strategies)
    check_cost(
        f"sensitivity of {n:,} strategies by {method.name}",
        0,
        float(rows) * n * _BYTES_PER_RANK,
        "select fewer strategies (a smaller file, --stated-only) or one criterion (--criterion)",
    )


def _sampled_segments(matrix: Matrix, method: Method, index: int, clock: _Clock | None = None) -> list[Segment]:
    """Any method: sample the path, then bisect every change to :data:`TOLERANCE`, all
    pending bisections of a round scored in one batch."""
    import numpy as np

    current = matrix.weight_array()
    block = max(1, 200_000 // max(1, matrix.to_array().size))  # weight vectors scored at once

    def ranks_at(values: Any) -> np.ndarray:
        values = np.asarray(values, dtype=float)
        parts = [
            batch_ranks(
                batch_scores(method, matrix, path_weights(current, index, values[i : i + block])), method.better
            )
            for i in range(0, len(values), block)
        ]
        return np.concatenate(parts) if parts else np.empty((0, len(matrix.strategies)), dtype=int)

    # interior points, like the closed form: the ranking of a stretch is the one inside it,
    # not a tie exactly at 0 or 1
    points = (np.arange(GRID_POINTS) + 0.5) / GRID_POINTS
    ranks = ranks_at(points)
    rounds = 0
    while True:
        changes = np.any(ranks[1:] != ranks[:-1], axis=1) & (points[1:] - points[:-1] > TOLERANCE)
        where = np.flatnonzero(changes)
        if not len(where):
            break
        # 8-byte ranks, copied while inserting; and the rankings of the criteria done
        _check_memory(matrix, method, (len(points) + len(where)) * 24 // _BYTES_PER_RANK + (clock.rows if clock else 0))
        middles = (points[where] + points[where + 1]) / 2
        points = np.insert(points, where + 1, middles)
        ranks = np.insert(ranks, where + 1, ranks_at(middles), axis=0)
        rounds += 1
        report_progress(f"sensitivity {matrix.criteria[index].name}", rounds, _ROUNDS)
        if clock is not None:
            clock.check((rounds + 1) / (_ROUNDS + 1))
    segments: list[Segment] = []
    start = 0.0
    for k in np.flatnonzero(np.any(ranks[1:] != ranks[:-1], axis=1)).tolist():
        point = float(points[k] + points[k + 1]) / 2
        segments.append(Segment(start, point, tuple(ranks[k].tolist())))
        start = point
        if len(segments) % 1024 == 0:
            _check_memory(matrix, method, len(segments) + (clock.rows if clock else 0))
    segments.append(Segment(start, 1.0, tuple(ranks[-1].tolist())))
    return _merge(segments)


def _merge(segments: list[Segment]) -> list[Segment]:
    merged = [segments[0]]
    for segment in segments[1:]:
        if segment.ranks == merged[-1].ranks:
            merged[-1] = Segment(merged[-1].start, segment.end, segment.ranks)
        else:
            merged.append(segment)
    return merged
