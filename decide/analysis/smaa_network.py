"""How SMAA's kernels sort a draw's keys: which rows are compared, in what order.

Plain Python (no numba): :mod:`decide.analysis.smaa_jit` plans the operations once per
matrix and the kernels (:mod:`decide.analysis.smaa_kernels`) carry them out.

>>> len(network(16))
63
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=64)
def network(size: int) -> tuple[tuple[int, int], ...]:
    """Batcher's odd-even merge sorting network for ``size`` inputs, as (low, high) pairs.

    Built for the next power of two and pruned to ``size``: a comparator touching a
    position past the end would compare with +infinity, which never moves.

    >>> len(network(16)), network(2)
    (63, ((0, 1),))
    """
    return tuple((a, b) for a, b in _batcher(size) if b < size)


@lru_cache(maxsize=64)
def _batcher(size: int) -> tuple[tuple[int, int], ...]:
    """Batcher's network for the power of two from ``size``, unpruned, stage by stage."""
    width = 1
    while width < size:
        width *= 2
    pairs: list[tuple[int, int]] = []
    p = 1
    while p < width:
        k = p
        while k >= 1:
            for j in range(k % p, width - k, 2 * k):
                for i in range(min(k, width - j - k)):
                    if (i + j) // (2 * p) == (i + j + k) // (2 * p):
                        pairs.append((i + j, i + j + k))
            k //= 2
        p *= 2
    return tuple(pairs)


def comparators(size: int) -> tuple[tuple[tuple[int, int], ...], int]:
    """How the kernels sort ``size`` rows: the number of whole groups of 16 rows sorted
    first in registers (the kernels' ``sort16``), and the operations that follow, in
    order: a pair (a, b) is a comparator, (g, -1) the last four steps of a bitonic merge
    on rows g .. g+15 in registers (``clean16``).

    A last, partial group is sorted by :func:`network`; then sorted runs of 16, 32, ...
    rows are merged in pairs by bitonic merges (each row i of the first run compared
    with row 2p - 1 - i of the block, then half-cleaners), which keep the smaller value
    on the lower row throughout, so that rows past the end (+infinity) never move and
    their comparators are left out. Any sorting order gives the same counts.

    >>> pairs, groups = comparators(100)
    >>> groups, sum(b >= 0 for a, b in pairs), sum(b < 0 for a, b in pairs)
    (6, 269, 18)
    """
    groups = size // 16
    whole = 16 * groups
    ops = [(whole + a, whole + b) for a, b in network(size - whole)]
    p = 16
    while p < size:
        for base in range(0, size, 2 * p):
            ops += [(base + i, base + 2 * p - 1 - i) for i in range(p) if base + 2 * p - 1 - i < size]
            k = p // 2
            while k >= 16:
                ops += [
                    (j + i, j + i + k) for j in range(base, base + 2 * p, 2 * k) for i in range(k) if j + i + k < size
                ]
                k //= 2
            for g in range(base, min(size, base + 2 * p), 16):
                if g + 16 <= size:
                    ops.append((g, -1))
                else:
                    ops += [(g + a, g + b) for a, b in _CLEAN16 if g + b < size]
        p *= 2
    return tuple(ops), groups


#: The comparators of ``clean16``: the half-cleaners of a bitonic merge of 16 rows.
_CLEAN16 = tuple((j + i, j + i + k) for k in (8, 4, 2, 1) for j in range(0, 16, 2 * k) for i in range(k))
