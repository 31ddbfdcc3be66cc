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

from typing import TYPE_CHECKING, Any

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


class Prepared:
    """One block of drawn tables, normalised once for ``method``."""

    def __init__(self, method: Method, values: np.ndarray, lower: bool) -> None:
        self.method = method
        self.values = values  # criteria x strategies x draws (TOPSIS: the squared gaps, ideal then anti-ideal)
        self.lower = lower

    def key(self, weights: np.ndarray) -> np.ndarray:
        """Keys (strategies x draws, lower is better) for weights, one row per draw
        (draws x criteria) or one vector for every draw (1 x criteria)."""
        import numpy as np

        columns = np.ascontiguousarray(weights.T)  # criteria x draws (or x 1)
        if self.method.name == "topsis":
            columns = columns * columns
            half = len(self.values) // 2
            better = _combine(self.values[:half], columns)
            worse = _combine(self.values[half:], columns)
            np.divide(better, worse, out=better)
            np.sqrt(better, out=better)
            better += 1
            np.divide(-1, better, out=better)
            return better
        total = _combine(self.values, columns)
        if not self.lower:
            np.negative(total, out=total)
        return total


def _combine(values: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """sum over criteria c of values[c] * columns[c]: strategies x draws."""
    total = values[0] * columns[0]
    for criterion in range(1, len(values)):
        total += values[criterion] * columns[criterion]
    return total


def prepare(method: Method, tables: np.ndarray, cost: np.ndarray) -> Prepared | None:
    """``tables`` (draws x strategies x criteria) normalised for ``method``, or ``None``
    when it is not one of :data:`SUPPORTED` or a sum could cancel (negative values)."""
    import numpy as np

    if method.name not in SUPPORTED or "normalization" not in method.params:
        return None
    layout = np.ascontiguousarray(tables.transpose(2, 1, 0))  # criteria x strategies x draws
    from decide.methods.normalise import normalise

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        scaled = normalise(layout, np.asarray(cost)[:, None, None], method.params["normalization"])
    if method.name == "topsis":
        better = scaled.max(axis=1, keepdims=True) - scaled
        worse = scaled - scaled.min(axis=1, keepdims=True)
        better *= better
        worse *= worse
        return Prepared(method, np.concatenate([better, worse]), lower=False)
    if not np.all(scaled >= 0):  # also false for NaN: the method's engine reports it
        return None
    return Prepared(method, scaled, lower=method.better == "lower")


def first_counts(
    method: Method, matrix: Matrix, tables: np.ndarray, central: np.ndarray, known: np.ndarray
) -> np.ndarray:
    """For each strategy in ``known``: in how many of the drawn ``tables`` it ranks first
    (ties included) with its own ``central`` weights (one row per strategy). The tables
    are normalised once; draws where a strategy is within rounding of the tie tolerance
    are ranked by the method's own engine, so counts equal the per-strategy computation."""
    import numpy as np

    prepared = prepare(method, tables, matrix.cost_mask())
    firsts = np.zeros(len(known), dtype=np.int64)
    size, m = len(tables), len(matrix.strategies)
    for slot, strategy in enumerate(known):
        weights = central[strategy]
        rows = np.arange(size)
        if prepared is not None:
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                keys = prepared.key(weights[None, :])
            if np.all(np.isfinite(keys)):
                scale = np.abs(keys).max(axis=0)
                behind = keys[strategy] - keys.min(axis=0)
                tolerance = TIE_TOLERANCE * scale
                # first for certain within the tolerance; behind for certain beyond any chain
                # of ties (at most m - 1 steps of the tolerance); in between, ask the engine
                sure = behind <= tolerance - MARGIN * scale
                unsure = ~sure & (behind <= (m - 1) * tolerance + MARGIN * scale)
                firsts[slot] += np.count_nonzero(sure)
                rows = np.flatnonzero(unsure)
        if len(rows):
            block = np.broadcast_to(weights, (len(rows), len(weights)))
            ranks = batch_ranks(batch_scores(method, matrix, block, tables[rows]), method.better)
            firsts[slot] += np.count_nonzero(ranks[:, strategy] == 1)
    return firsts


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


__all__ = ["MARGIN", "SUPPORTED", "Prepared", "drawn_key", "first_counts", "prepare"]
