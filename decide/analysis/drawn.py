"""Scores of many drawn score tables at once, for SMAA's draws within score ranges or noise.

Each block of tables (draws x strategies x criteria) is laid out criteria x strategies
x draws, so that normalising every draw's columns and finding its ideal and anti-ideal
are passes over contiguous rows rather than reductions along short axes, and is
normalised once, however many weight vectors are then applied to it (the confidence
factors apply one per strategy). Keys are lower-is-better and equal the method's own
scores up to rounding; callers rank near-ties again with the method's own engine.

>>> import numpy as np
>>> from decide.methods import get_method
>>> tables = np.array([[[1.0, 4.0], [3.0, 2.0]]])  # one draw, 2 strategies x 2 criteria
>>> prepared = prepare(get_method("wsm"), tables, np.array([False, True]))
>>> (-prepared.key(np.array([[0.5, 0.5]]))).ravel().tolist()
[0.0, 1.0]
"""

from __future__ import annotations

import math
import threading
from typing import TYPE_CHECKING, Any

from decide.analysis.smaa_jit import one_blas_thread
from decide.core.ranks import TIE_TOLERANCE, batch_ranks
from decide.methods.run import batch_scores

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix
    from decide.methods.base import Method

#: Methods whose scores of drawn tables are computed here (the others use their engine).
SUPPORTED = ("wsm", "topsis")

#: Room for rounding differences, relative to a draw's largest score, when deciding
#: whether a strategy ties for first without asking the method's own engine.
MARGIN = 1e-6 * TIE_TOLERANCE + 1e-12


_scratch = threading.local()


def scratch(name: str, shape: tuple[int, ...], dtype: Any) -> np.ndarray:
    """A work array kept between blocks (per thread): allocating a few megabytes afresh
    for every block costs more than the arithmetic, the system handing out new pages."""
    import numpy as np

    if math.prod(shape) < 65536:  # small: the allocator keeps these at hand anyway
        return np.empty(shape, dtype=dtype)
    store: dict[Any, np.ndarray] = _scratch.__dict__
    key = (name, np.dtype(dtype).str)
    array = store.get(key)
    if array is None or array.shape != shape:
        array = store[key] = np.empty(shape, dtype=dtype)
    return array


def release_scratch() -> None:
    """Let go of this thread's work arrays (at the end of an analysis)."""
    _scratch.__dict__.clear()


class Layout:
    """A block of drawn score tables as one strategies x draws array per criterion."""

    def __init__(self, columns: list[np.ndarray]) -> None:
        self.columns = columns

    def __len__(self) -> int:
        return self.columns[0].shape[1]

    def tables(self, rows: np.ndarray | None = None) -> np.ndarray:
        """The tables (draws x strategies x criteria), all or only ``rows``, bit for bit as drawn."""
        import numpy as np

        stacked = np.stack(self.columns if rows is None else [c[:, rows] for c in self.columns])
        return np.ascontiguousarray(stacked.transpose(2, 1, 0))


def as_layout(tables: Any) -> Layout:
    """``tables`` (draws x strategies x criteria, or already a :class:`Layout`) as a Layout."""
    import numpy as np

    if isinstance(tables, Layout):
        return tables
    return Layout([np.ascontiguousarray(tables[:, :, c].T) for c in range(tables.shape[2])])


def draw_layout(rng: np.random.Generator, matrix: Matrix, samples: int, noise: float = 0.0) -> Layout:
    """The tables :func:`decide.core.ranks.draw_tables` draws (from the same random numbers,
    to the same bits) for a matrix with score ranges or with ``noise``, laid out by criterion;
    only the cells that vary are computed."""
    import numpy as np

    if noise:
        base = matrix.to_array()
        draws = rng.uniform(-noise, noise, (samples, *base.shape))
        columns = []
        for c in range(base.shape[1]):
            column = base[:, c : c + 1] + draws[:, :, c].T
            if matrix.scale is not None:
                column.clip(matrix.scale[0], matrix.scale[1], out=column)
            columns.append(column)
        return Layout(columns)
    low, high = matrix.range_arrays()
    width = high - low
    m, n = low.shape
    draws = scratch("random", (samples, m * n), float)
    rng.random(out=draws)  # the same numbers as rng.random((samples, m, n)); cell (i, c) is column i * n + c
    columns = []
    for c in range(n):
        column = scratch(f"column {c}", (m, samples), float)
        for i in range(m):
            if width[i, c]:
                np.multiply(draws[:, i * n + c], width[i, c], out=column[i])
                column[i] += low[i, c]
            else:  # low + 0 * draw: the exact score itself
                column[i] = low[i, c]
        columns.append(column)
    return Layout(columns)


class Prepared:
    """One block of drawn tables, normalised once for ``method``."""

    def __init__(self, method: Method, values: list[np.ndarray], lower: bool) -> None:
        self.method = method
        # per criterion, strategies x draws (TOPSIS: the squared gaps to the ideal, then the anti-ideal)
        self.values = values
        self.lower = lower

    def key(self, weights: np.ndarray) -> np.ndarray:
        """Keys (strategies x draws, lower is better) for weights, one row per draw
        (draws x criteria) or one vector for every draw (1 x criteria)."""
        import numpy as np

        columns = np.ascontiguousarray(weights.T)  # criteria x draws (or x 1)
        if self.method.name == "topsis":
            columns = columns * columns
            half = len(self.values) // 2
            better = _combine(self.values[:half], columns, "better")
            worse = _combine(self.values[half:], columns, "worse")
            np.divide(better, worse, out=better)
            np.sqrt(better, out=better)
            better += 1
            np.divide(-1, better, out=better)
            return better
        total = _combine(self.values, columns)
        if not self.lower:
            np.negative(total, out=total)
        return total

    def keys_for(self, weights: np.ndarray, start: int, stop: int) -> np.ndarray:
        """Keys (weight vectors x strategies x draws start..stop, lower is better) for
        every row of ``weights`` (one vector applied to every draw): one matrix product
        per distance or sum, for all the vectors at once."""
        import numpy as np

        m = self.values[0].shape[0]

        def product(values: list[np.ndarray], factors: np.ndarray) -> np.ndarray:
            stacked = np.stack([v[:, start:stop] for v in values]).reshape(len(values), -1)
            return (factors @ stacked).reshape(len(factors), m, stop - start)

        if self.method.name == "topsis":
            half = len(self.values) // 2
            squared = weights * weights
            key = product(self.values[:half], squared)
            key /= product(self.values[half:], squared)
            np.sqrt(key, out=key)
            key += 1
            return np.divide(-1, key, out=key)
        total = product(self.values, weights)
        return total if self.lower else np.negative(total, out=total)


def _combine(values: list[np.ndarray], columns: np.ndarray, name: str = "total") -> np.ndarray:
    """sum over criteria c of values[c] * columns[c]: strategies x draws (in a work array
    that the next block reuses)."""
    import numpy as np

    shape = np.broadcast_shapes(values[0].shape, columns[0].shape)
    total = np.multiply(values[0], columns[0], out=scratch(name, shape, float))
    spare = scratch("spare", shape, float)
    for criterion in range(1, len(values)):
        np.multiply(values[criterion], columns[criterion], out=spare)
        total += spare
    return total


def _normalise(column: np.ndarray, cost: bool, how: str) -> np.ndarray:
    """One criterion's values (strategies x draws) normalised per draw as
    :func:`decide.methods.normalise.normalise` does, computing only the branch it needs."""
    import numpy as np

    from decide.methods.normalise import normalise, safe_divide

    if how == "vector":
        norm = np.einsum("ij,ij->j", column, column)
        np.sqrt(norm, out=norm)
        values = column / norm
        if cost:
            np.subtract(1, values, out=values)
        return values
    if how == "minmax":
        high, low = column.max(axis=0), column.min(axis=0)
        return safe_divide(high - column if cost else column - low, high - low)
    return normalise(column, np.asarray(cost), how)


def prepare(method: Method, tables: Any, cost: np.ndarray) -> Prepared | None:
    """``tables`` (draws x strategies x criteria, or a :class:`Layout`) normalised for
    ``method``, or ``None`` when it is not one of :data:`SUPPORTED` or a sum could cancel
    (negative values)."""
    import numpy as np

    if method.name not in SUPPORTED or "normalization" not in method.params:
        return None
    how = method.params["normalization"]
    better, worse, scaled = [], [], []
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for c, column in enumerate(as_layout(tables).columns):
            values = _normalise(column, bool(cost[c]), how)
            if method.name == "topsis":
                gap = np.subtract(values.max(axis=0), values, out=scratch(f"better {c}", values.shape, float))
                gap *= gap
                better.append(gap)
                gap = np.subtract(values, values.min(axis=0), out=scratch(f"worse {c}", values.shape, float))
                gap *= gap
                worse.append(gap)
            elif not np.all(values >= 0):  # also false for NaN: the method's engine reports it
                return None
            else:
                scaled.append(values)
    if method.name == "topsis":
        return Prepared(method, better + worse, lower=False)
    return Prepared(method, scaled, lower=method.better == "lower")


def first_counts(method: Method, matrix: Matrix, tables: Any, central: np.ndarray, known: np.ndarray) -> np.ndarray:
    """For each strategy in ``known``: in how many of the drawn ``tables`` it ranks first
    (ties included) with its own ``central`` weights (one row per strategy). The tables
    are normalised once and the keys of every strategy's weights computed together; draws
    where a strategy is within rounding of the tie tolerance are ranked by the method's
    own engine, so counts equal the per-strategy computation."""
    import numpy as np

    prepared = prepare(method, tables, matrix.cost_mask())
    firsts = np.zeros(len(known), dtype=np.int64)
    size, m = len(tables), len(matrix.strategies)
    ask = [np.arange(size) for _ in known]  # draws to rank with the method's engine
    if prepared is not None:
        ask = [np.empty(0, dtype=np.int64) for _ in known]
        step = max(1, 2**18 // (len(known) * m))  # keys of a few MB at a time
        for begin in range(0, size, step):
            stop = min(size, begin + step)
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"), one_blas_thread():
                keys = prepared.keys_for(central[known], begin, stop)
            finite = np.isfinite(keys).all(axis=(1, 2))
            scale = np.abs(keys).max(axis=1)
            behind = keys[np.arange(len(known)), known] - keys.min(axis=1)
            tolerance = TIE_TOLERANCE * scale
            # first for certain within the tolerance; behind for certain beyond any chain
            # of ties (at most m - 1 steps of the tolerance); in between, ask the engine
            sure = behind <= tolerance - MARGIN * scale
            unsure = ~sure & (behind <= (m - 1) * tolerance + MARGIN * scale)
            firsts += np.where(finite, np.count_nonzero(sure, axis=1), 0)
            for slot in range(len(known)):
                rows = np.flatnonzero(unsure[slot]) if finite[slot] else np.arange(stop - begin)
                ask[slot] = np.concatenate([ask[slot], rows + begin])
    for slot, strategy in enumerate(known):
        rows = ask[slot]
        if len(rows):
            weights = central[strategy]
            block = np.broadcast_to(weights, (len(rows), len(weights)))
            ranks = batch_ranks(batch_scores(method, matrix, block, _rows(tables, rows)), method.better)
            firsts[slot] += np.count_nonzero(ranks[:, strategy] == 1)
    return firsts


def _rows(tables: Any, rows: np.ndarray) -> np.ndarray:
    return tables.tables(rows) if isinstance(tables, Layout) else tables[rows]


def drawn_key(method: Method, cost: np.ndarray) -> Any:
    """A function (weights, tables) -> keys (strategies x draws, lower is better) for
    drawn tables, or ``None`` when ``method`` is not supported; the function returns
    ``None`` for a block it cannot score safely."""
    if method.name not in SUPPORTED or "normalization" not in method.params:
        return None

    def key(weights: np.ndarray, tables: np.ndarray) -> np.ndarray | None:
        import numpy as np

        prepared = prepare(method, tables, cost)
        if prepared is None:
            return None
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            return prepared.key(weights)

    return key


__all__ = [
    "MARGIN",
    "SUPPORTED",
    "Layout",
    "Prepared",
    "as_layout",
    "draw_layout",
    "drawn_key",
    "first_counts",
    "prepare",
    "release_scratch",
    "scratch",
]
