"""A canonical order of strategies and criteria, so that a method whose engine depends on
the order of its input (linear programs with several optima, float sums near a
threshold) gives the same answer whatever order the file lists them in.

The order depends only on what a method reads: each criterion's key (objective,
weight, thresholds: whatever the caller passes) and the *ranks* of its values, so
rescaling a criterion by a positive factor keeps the order too. Criteria are sorted by
key and by their sorted value ranks; criteria that still tie are ordered by trying
their permutations (up to :data:`MAX_TRIALS`) and keeping the one whose table, rows
sorted, is smallest. Strategies are then sorted row by row.

>>> import numpy as np
>>> table = np.array([[2.0, 4.0], [5.0, 4.0], [7.0, 3.0], [8.0, 2.0]])
>>> rows, columns = canonical_order(table, [("max",), ("max",)])
>>> rows.tolist(), columns.tolist()
([3, 2, 0, 1], [1, 0])
>>> flipped = table[::-1, ::-1]
>>> again, across = canonical_order(flipped, [("max",), ("max",)])
>>> flipped[again][:, across].tolist() == table[rows][:, columns].tolist()
True
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

#: Arrangements of tied criteria tried at most; beyond it tied criteria keep their key order
#: (an order-dependence remains possible only for that many criteria identical in key).
MAX_TRIALS = 720


def _dense_ranks(table: np.ndarray) -> np.ndarray:
    """Per column, the dense rank of every value (0 = smallest); invariant under positive scaling."""
    import numpy as np

    ranks = np.empty(table.shape, dtype=np.int64)
    for j in range(table.shape[1]):
        _, ranks[:, j] = np.unique(table[:, j], return_inverse=True)
    return ranks


def _sorted_rows(ranks: np.ndarray) -> np.ndarray:
    """Indices that sort the rows of ``ranks`` lexicographically (stable: equal rows keep their order)."""
    import numpy as np

    if ranks.shape[1] == 0:
        return np.arange(len(ranks))
    return np.lexsort(ranks.T[::-1])


def canonical_order(table: np.ndarray, keys: Sequence[tuple[Any, ...]]) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, columns)``: the canonical order of ``table``'s strategies and criteria.

    ``keys`` holds one comparable tuple per criterion: what the method reads besides the
    values (objective, weight, thresholds). ``table[rows][:, columns]`` is the same for
    any permutation of the input's rows and columns (with their keys), exact duplicate
    rows keeping their relative order.
    """
    return canonical_orders(table, keys)[0]


def canonical_orders(table: np.ndarray, keys: Sequence[tuple[Any, ...]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Every ``(rows, columns)`` that gives the canonical table of ranks, one per distinct
    table of scores: more than one when criteria with the same key and the same pattern
    of ranks could go in either order (their scores differ, or the matrix is symmetric:
    swapping them, and some strategies, leaves it unchanged). A method whose answer can
    depend on that order (a linear program with several optima) averages its results
    over them, so the file's order never chooses."""
    import numpy as np

    ranks = _dense_ranks(table)
    full: list[tuple[tuple[Any, ...], tuple[int, ...]]] = [
        (tuple(keys[j]), tuple(np.sort(ranks[:, j]).tolist())) for j in range(table.shape[1])
    ]
    by_key = sorted(range(table.shape[1]), key=lambda j: full[j])
    groups = [list(g) for _, g in itertools.groupby(by_key, key=lambda j: full[j])]
    trials = math.prod(math.factorial(len(g)) for g in groups)
    if trials == 1 or trials > MAX_TRIALS:
        columns = np.array(by_key, dtype=np.int64)
        return [(_sorted_rows(ranks[:, columns]), columns)]
    best: bytes | None = None
    found: dict[bytes, tuple[np.ndarray, np.ndarray]] = {}
    for arrangement in itertools.product(*(itertools.permutations(g) for g in groups)):
        columns = np.array([j for group in arrangement for j in group], dtype=np.int64)
        candidate = ranks[:, columns]
        rows = _sorted_rows(candidate)
        signature = np.ascontiguousarray(candidate[rows]).tobytes()
        if best is None or signature < best:
            best, found = signature, {}
        if signature == best:  # the same ranks; the scores may still differ, so keep each table
            found.setdefault(rows.tobytes() + np.ascontiguousarray(table[rows][:, columns]).tobytes(), (rows, columns))
    return list(found.values())


def restore(values: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Per-strategy ``values`` computed in canonical order, put back in the file's order."""
    import numpy as np

    out = np.empty_like(values)
    out[rows] = values
    return out


def canonical_dms(dm: Any, keys: Sequence[tuple[Any, ...]], keep: Any = None) -> list[tuple[Any, np.ndarray]]:
    """The scikit-criteria DecisionMatrix in canonical order (only the criteria where
    ``keep`` is true, if given), with the row order to :func:`restore` per-strategy
    results with: one pair per arrangement of :func:`canonical_orders`."""
    import numpy as np
    import skcriteria

    values = dm.matrix.to_numpy(dtype=float)
    kept = np.arange(values.shape[1]) if keep is None else np.flatnonzero(keep)
    out = []
    for rows, order in canonical_orders(values[:, kept], [keys[int(j)] for j in kept]):
        columns = kept[order]
        objectives = dm.iobjectives.to_numpy()[columns]
        canonical = skcriteria.mkdm(
            matrix=values[rows][:, columns],
            objectives=[max if o == 1 else min for o in objectives],
            weights=dm.weights.to_numpy(dtype=float)[columns],
            alternatives=list(np.asarray(dm.alternatives)[rows]),
            criteria=list(np.asarray(dm.criteria)[columns]),
        )
        out.append((canonical, rows))
    return out
