"""PROMETHEE II net flows without the n x n tables: sorted prefix sums, O(m n log n).

The net flow of strategy i is ``sum_c w_c (sum_j P_c(d_ij) - P_c(d_ji)) / (n - 1)``
with ``d_ij = y_i - y_j`` (``y`` the criterion's scores, negated for a cost criterion).
Every preference function of Brans & Vincke (1985) but the Gaussian is piecewise
linear in ``d``: 0 up to a threshold ``a``, then a constant (usual, U-shape, level) or
a straight line (V-shape, linear) up to ``b``, then 1. So, with the scores sorted,

- how many ``j`` have ``d_ij > t`` is a position in the sorted scores, found by
  bisection on the same floating-point test ``y_i - y_j > t`` that a pairwise table
  makes (so a difference equal to a threshold falls on the same side);
- the sum of ``d_ij`` over a band of positions is a difference of prefix sums.

Per criterion that is two sorted searches per threshold and a few vector operations:
0.1 s and well under 100 MB for 10,000 strategies x 50 criteria, where pairwise
tables (pymcdm keeps one per criterion) take 8 n^2 bytes each, 40 GB in all.

The Gaussian function (type VI), ``1 - exp(-d^2 / (2 s^2))``, has no such shortcut: it
is computed pair by pair, a block of rows at a time so that memory stays bounded, and
:func:`pairwise_cost` says up front what it would take.

>>> import numpy as np
>>> values = np.array([[4.0, 3, 2], [3, 2, 4], [5, 1, 3]])
>>> flows = net_flows(values, np.array([0.5, 0.3, 0.2]), np.ones(3, bool),
...                   ["usual"] * 3, [None] * 3, [None] * 3, [None] * 3)
>>> [round(float(f), 2) for f in flows]
[0.1, -0.3, 0.2]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: Preference functions with the sorted-prefix-sum shortcut (``vshape_2`` is the linear
#: function with an indifference threshold, as pymcdm names it).
FAST = ("usual", "ushape", "vshape", "level", "vshape_2")

#: Bytes a block of the pairwise (Gaussian) computation may take per temporary array.
BLOCK_BYTES = 2**20

#: Pair comparisons (strategies^2 x Gaussian criteria) the pairwise path takes on at
#: most, about 16 ns each on one core (8 s); beyond it PROMETHEE II refuses up front,
#: saying what it would take.
MAX_PAIRWISE = 500_000_000

#: Seconds per pair comparison of the pairwise path, measured on a 2-core machine.
SECONDS_PER_PAIR = 16e-9


def _first_false(sorted_values: np.ndarray, test: object, guess: np.ndarray) -> np.ndarray:
    """Per strategy, the first position k in ``sorted_values`` where ``test(k)`` is false,
    for a test that is true on a prefix; ``guess`` is usually right already."""
    import numpy as np

    n = len(sorted_values)
    k = guess.copy()
    for _ in range(n + 1):
        # step down while the position before k fails, up while position k passes; a
        # run of equal values passes or fails together, so jump over it whole
        down = np.flatnonzero((k > 0) & ~test(np.maximum(k - 1, 0)))  # type: ignore[operator]
        up = np.flatnonzero((k < n) & test(np.minimum(k, n - 1)))  # type: ignore[operator]
        if not (len(down) or len(up)):
            return k
        k[down] = np.searchsorted(sorted_values, sorted_values[k[down] - 1], "left")
        k[up] = np.searchsorted(sorted_values, sorted_values[k[up]], "right")
    return k  # pragma: no cover - each pass moves k past a run of equal values


def _count_above(y: np.ndarray, ordered: np.ndarray, t: float) -> np.ndarray:
    """Per i, how many j have ``y_i - y_j > t`` (a prefix of ``ordered``, the sorted y)."""
    import numpy as np

    guess = np.searchsorted(ordered, y - t, "left")
    if t == 0:
        return guess  # y_i - y_j > 0 exactly when y_j < y_i
    return _first_false(ordered, lambda k: (y - ordered[k]) > t, guess)


def _count_below(y: np.ndarray, ordered: np.ndarray, t: float) -> np.ndarray:
    """Per i, the first position k of ``ordered`` from which ``y_j - y_i > t`` holds
    (a suffix): n - k strategies j are preferred to i by more than t."""
    import numpy as np

    guess = np.searchsorted(ordered, y + t, "right")
    if t == 0:
        return guess
    return _first_false(ordered, lambda k: ~((ordered[k] - y) > t), guess)


def _criterion_flow(y: np.ndarray, function: str, p: float | None, q: float | None) -> np.ndarray:
    """``sum_j P(d_ij) - P(d_ji)`` for one criterion (not yet divided by n - 1)."""
    import numpy as np

    n = len(y)
    # work on the strategies in sorted order (sorted searches are several times faster),
    # then put the flows back in the strategies' order
    order = np.argsort(y)  # equal scores get equal flows, so any order of ties will do
    ordered = y[order]
    # band sums from prefix sums of the scores less their middle value, which keeps the
    # sums (and the rounding of their differences) small
    middle = float(ordered[n // 2])
    prefix = np.concatenate([[0.0], np.cumsum(ordered - middle)])
    flow = np.empty(n)
    flow[order] = _sorted_flow(ordered, prefix, middle, function, p, q)
    return flow


def _sorted_flow(
    y: np.ndarray, prefix: np.ndarray, middle: float, function: str, p: float | None, q: float | None
) -> np.ndarray:
    """:func:`_criterion_flow` for scores ``y`` already sorted (each strategy is
    compared with ``y`` itself, as the searches' sorted array)."""
    n = len(y)
    ordered = y
    if function in ("usual", "ushape"):
        t = 0.0 if function == "usual" else float(q or 0.0)
        return _count_above(y, ordered, t) - (n - _count_below(y, ordered, t))
    low = 0.0 if function == "vshape" else float(q or 0.0)
    high = float(p)  # type: ignore[arg-type]
    # preferences of i over others: d_ij > high gives 1; low < d_ij <= high the band
    top, start = _count_above(y, ordered, high), _count_above(y, ordered, low)
    # preferences of others over i: d_ji > high from position top_ on, the band before
    top_, start_ = _count_below(y, ordered, high), _count_below(y, ordered, low)
    if function == "level":
        gain = top + 0.5 * (start - top)
        loss = (n - top_) + 0.5 * (top_ - start_)
    else:  # vshape, vshape_2: (d - low) / (high - low) in the band
        width = high - low
        centred = y - middle
        gain = top + ((start - top) * (centred - low) - (prefix[start] - prefix[top])) / width
        loss = (n - top_) + ((prefix[top_] - prefix[start_]) - (top_ - start_) * (centred + low)) / width
    return gain - loss


def _gaussian_flow(y: np.ndarray, s: float) -> np.ndarray:
    """``sum_j P(d_ij) - P(d_ji)`` with ``P(d) = 1 - exp(-d^2 / (2 s^2))`` for d > 0, pair by pair.

    ``P(d_ij) - P(d_ji) = sign(d) (1 - e_ij)`` with ``e_ij = exp(-d_ij^2 / (2 s^2))``: the
    signs sum to (strategies below i) - (strategies above i), counted from the sorted
    scores, and only ``sum_j sign(d_ij) e_ij`` needs every pair (``copysign`` gives the
    equal scores, d = +0, a +1 that is taken back)."""
    import numpy as np

    n = len(y)
    ordered = np.sort(y)
    below = np.searchsorted(ordered, y, "left")
    above = n - np.searchsorted(ordered, y, "right")
    equal = n - below - above
    block = max(1, BLOCK_BYTES // (8 * n))
    scale = -1.0 / (2.0 * s * s)
    signed = np.empty(n)
    for start in range(0, n, block):
        d = np.subtract.outer(y[start : start + block], y)
        e = d * d
        e *= scale
        np.exp(e, out=e)
        np.copysign(e, d, out=e)
        signed[start : start + block] = e.sum(axis=1)
    return (below - above) - (signed - equal)


def criterion_flows(
    values: np.ndarray,
    benefit: np.ndarray,
    functions: Sequence[str],
    p: Sequence[float | None],
    q: Sequence[float | None],
    s: Sequence[float | None],
) -> np.ndarray:
    """Strategies x criteria: each criterion's unweighted net flow; the net flow of
    PROMETHEE II is this times the weights (it is linear in them)."""
    import numpy as np

    n, m = values.shape
    out = np.zeros((n, m))
    if n < 2:
        return out
    for j in range(m):
        y = values[:, j] if benefit[j] else -values[:, j]
        if functions[j] == "gaussian":
            out[:, j] = _gaussian_flow(y, float(s[j]))  # type: ignore[arg-type]
        else:
            out[:, j] = _criterion_flow(y, functions[j], p[j], q[j])
    return out / (n - 1)


#: Preference functions whose flows are whole or half counts of pairs: computed pair by
#: pair for many drawn tables at once, they equal the sorted computation to the last bit.
COUNTED = ("usual", "ushape", "level")


#: Strategies up to which counted flows of drawn tables compare pairs (n^2 tests per table);
#: above, the sorted computation table by table (m n log n, plus a fixed cost per call) is faster.
MAX_COUNTED = 96


def drawn_flows(
    tables: np.ndarray,
    benefit: np.ndarray,
    functions: Sequence[str],
    p: Sequence[float | None],
    q: Sequence[float | None],
    s: Sequence[float | None],
) -> np.ndarray:
    """:func:`criterion_flows` of every table (samples x strategies x criteria) at once.

    Criteria with a :data:`COUNTED` function compare every pair of strategies of a block
    of tables in one go (the same floating-point tests ``y_i - y_j > t``, whole and half
    counts, so the same result to the last bit); the others take the tables one by one."""
    import numpy as np

    samples, n, m = tables.shape
    out = np.zeros((samples, n, m))
    if n < 2:
        return out
    block = max(1, BLOCK_BYTES * 4 // (8 * n * n))
    for j in range(m):
        y_all = tables[:, :, j] if benefit[j] else -tables[:, :, j]
        if functions[j] not in COUNTED or n > MAX_COUNTED:
            for index, y in enumerate(y_all):
                if functions[j] == "gaussian":
                    out[index, :, j] = _gaussian_flow(y, float(s[j]))  # type: ignore[arg-type]
                else:
                    out[index, :, j] = _criterion_flow(y, functions[j], p[j], q[j])
            continue
        low = 0.0 if functions[j] == "usual" else float(q[j] or 0.0)
        for start in range(0, samples, block):
            y = y_all[start : start + block]
            # beyond[s, i, k]: y_i - y_k > t, the test the sorted computation makes; i's
            # gains are its row, its losses its column (y_k - y_i > t)
            beyond = (y[:, :, None] - y[:, None, :]) > low
            gain, loss = beyond.sum(axis=2, dtype=float), beyond.sum(axis=1, dtype=float)
            if functions[j] == "level":  # 1 beyond p, 1/2 between q and p
                beyond = (y[:, :, None] - y[:, None, :]) > float(p[j])  # type: ignore[arg-type]
                top, top_ = beyond.sum(axis=2, dtype=float), beyond.sum(axis=1, dtype=float)
                gain = top + 0.5 * (gain - top)
                loss = top_ + 0.5 * (loss - top_)
            out[start : start + block, :, j] = gain - loss
    return out / (n - 1)


def net_flows(
    values: np.ndarray,
    weights: np.ndarray,
    benefit: np.ndarray,
    functions: Sequence[str],
    p: Sequence[float | None],
    q: Sequence[float | None],
    s: Sequence[float | None],
) -> np.ndarray:
    """PROMETHEE II net flows of the strategies (rows of ``values``)."""
    import numpy as np

    flows = criterion_flows(values, benefit, functions, p, q, s)
    return weighted_flows(flows, np.asarray(weights, dtype=float)[None, :])[0]


def weighted_drawn_flows(flows: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """:func:`weighted_flows` of each drawn table's flows (samples x strategies x criteria)
    with its own weight vector (a row of ``weights``), with the same arithmetic."""
    out = weights[:, 0, None] * flows[:, :, 0]
    for j in range(1, flows.shape[2]):
        out += weights[:, j, None] * flows[:, :, j]
    return out


def weighted_flows(flows: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Net flows for every row of ``weights`` (samples x criteria): samples x strategies.

    Summed criterion by criterion in file order, so that a strategy's net flow is the same
    to the last bit whatever the number of weight vectors scored with it (a matrix product
    may round differently for one row and for many, and net flows of 0 are common)."""
    import numpy as np

    out = np.multiply.outer(weights[:, 0], flows[:, 0]) if flows.shape[1] else np.zeros((len(weights), len(flows)))
    for j in range(1, flows.shape[1]):
        out += np.multiply.outer(weights[:, j], flows[:, j])
    return out


def pairwise_cost(strategies: int, functions: Sequence[str]) -> tuple[int, int]:
    """``(pair comparisons, peak bytes)`` of the criteria without a shortcut (Gaussian)."""
    slow = sum(1 for f in functions if f == "gaussian")
    if not slow or strategies < 2:
        return 0, 0
    block = max(1, BLOCK_BYTES // (8 * strategies))
    return strategies * strategies * slow, 2 * 8 * min(block, strategies) * strategies + 8 * 8 * strategies
