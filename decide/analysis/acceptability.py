"""The SMAA engine: rank acceptability counts and first-rank weight sums over many draws.

For each block of draws the scores of all strategies are computed at once (for the
weighted sum one matrix product ``W @ V.T``; for TOPSIS on fixed scores the squared
distances are ``(W*W) @ D.T`` of precomputed per-criterion squared gaps, because the
ideal and anti-ideal scale with each weight; with scores drawn per sample, the
normalisation of every draw is vectorised criterion by criterion), laid out strategies
x draws so that every step is a pass over contiguous rows. Each draw is then ordered
by a sorting network (strategy index packed into the lowest bits of its score), and
its rank acceptability counted from the sorted order; draws in which two neighbouring
scores come within the tie tolerance (with a safety margin) are ranked again by
:func:`decide.core.ranks.batch_ranks` on the scores of the method's own engine, so
ties are shared exactly as before and every count equals the per-draw computation.

>>> import numpy as np
>>> keys = np.array([[0.3, 0.1], [0.2, 0.2], [0.1, 0.2 + 1e-12]])  # 3 strategies x 2 draws
>>> order, tied = sorted_order(keys)
>>> order[:, 0].tolist(), tied.tolist()
([2, 1, 0], [False, True])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from decide.analysis.drawn import Layout, draw_layout, drawn_key, release_scratch, scratch
from decide.analysis.smaa_jit import SAFE_GAP, jit_tally, one_blas_thread
from decide.analysis.smaa_network import network
from decide.core.ranks import CHUNK_SIZE, batch_ranks, draw_tables, sample_weights
from decide.methods.run import alike_groups, batch_scores, ideal_score, quietly

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix
    from decide.core.ranks import Progress
    from decide.methods.base import Method

#: Draws per block: large enough that numpy's per-call cost is spread thin, small
#: enough that a block of scores (strategies x draws) stays in the processor's cache.
BLOCK = CHUNK_SIZE

#: Strategies up to which draws are ordered by a sorting network; above it, by numpy's sort.
NETWORK_LIMIT = 32

#: Above this relative gap single-precision keys are not worth it (too many draws would
#: be ordered again in double precision).
MAX_GAP_SINGLE = 2.0**-12


def safe_gap_single(strategies: int, criteria: int) -> float:
    """:data:`SAFE_GAP` for single-precision keys (twice as fast to compute and to sort):
    twice the worst-case rounding of two keys, relative to the draw's largest, from the
    strategy index packed into their lowest mantissa bits (up to 2**bits - 1 units in the
    last place, 2**-23 each) and from their arithmetic (a sum of ``criteria`` terms of one
    sign, then a few operations: criteria + 8 roundings of 2**-24). For 16 strategies
    and 4 criteria it is about 2**-16.6; a few percent of the United States' TOPSIS draws
    come that close and are ordered again in double precision.

    >>> 2**-17 < safe_gap_single(16, 4) < 2**-16
    True
    """
    bits = max(1, (strategies - 1).bit_length())
    return 2 * (2 * ((1 << bits) - 1) * 2.0**-23 + 2 * (criteria + 8) * 2.0**-24)


def single_precision(strategies: int, criteria: int) -> bool:
    """Whether draws are ordered in single precision first (see :func:`safe_gap_single`)."""
    return strategies <= NETWORK_LIMIT and safe_gap_single(strategies, criteria) <= MAX_GAP_SINGLE


def sorted_order(keys: np.ndarray, criteria: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """For ``keys`` (strategies x draws, lower is better; float64, or float32 for at most
    :data:`NETWORK_LIMIT` strategies): the strategy at each position of every draw
    (positions x draws) and, per draw, whether two neighbours come within
    :data:`SAFE_GAP` (:func:`safe_gap_single` for float32 keys computed from ``criteria``
    terms) of each other: those draws must be ranked exactly. ``keys`` is overwritten."""
    import numpy as np

    m, k = keys.shape
    single = keys.dtype == np.float32
    integer = np.int32 if single else np.int64
    bits = max(1, (m - 1).bit_length())
    mask = (1 << bits) - 1
    # the packed index moves each double key by up to 2**(bits - 52) of it: two keys, twice
    safe = safe_gap_single(m, criteria) if single else SAFE_GAP + 2.0 ** (bits - 51)
    if m > NETWORK_LIMIT or k < 2048:  # numpy's sort of each draw's row (no copy for a transposed block)
        rows = np.ascontiguousarray(keys.T)
        packed: Any = rows.view(integer)
        packed &= ~mask
        packed |= np.arange(m, dtype=integer)[None, :]
        rows.sort(axis=1)
        if m == 1:
            return (rows.view(integer) & mask).T, np.zeros(k, dtype=bool)
        scale = np.maximum(np.abs(rows[:, 0]), np.abs(rows[:, -1]))
        scale *= safe
        tied = (rows[:, 1:] - rows[:, :-1]).min(axis=1) <= scale
        return (rows.view(integer) & mask).T, tied
    keys = np.ascontiguousarray(keys)
    packed = keys.view(integer)
    packed &= ~mask
    packed |= np.arange(m, dtype=integer)[:, None]
    rows_ = list(keys)
    spare = np.empty(k, dtype=keys.dtype)
    for a, b in network(m):
        np.minimum(rows_[a], rows_[b], out=spare)
        np.maximum(rows_[a], rows_[b], out=rows_[b])
        rows_[a], spare = spare, rows_[a]
    ordered = np.stack(rows_, out=scratch("ordered", (m, k), keys.dtype))
    order = np.bitwise_and(ordered.view(integer), mask, out=scratch("order", (m, k), integer))
    if m == 1:
        return order, np.zeros(k, dtype=bool)
    scale = np.maximum(np.abs(ordered[0]), np.abs(ordered[-1]))
    scale *= safe
    gaps = np.subtract(ordered[1:], ordered[:-1], out=scratch("gaps", (m - 1, k), keys.dtype))
    tied = np.minimum.reduce(gaps, axis=0) <= scale
    return order, tied


class Tally:
    """Rank acceptability counts (strategy x rank) and per-strategy sums of the weights of
    the draws that rank it first, accumulated block by block."""

    def __init__(self, strategies: int, criteria: int) -> None:
        import numpy as np

        self.m = strategies
        self.counts = np.zeros(strategies * strategies, dtype=np.int64)
        self.first_weights = np.zeros((strategies, criteria))

    def add_sorted(self, order: np.ndarray, tied: np.ndarray, weights: np.ndarray) -> None:
        """Count the draws not ``tied`` from their order (positions x draws).

        Up to 32 strategies, two neighbouring positions are counted together, as one
        code per pair (strategy at the first times 2**bits plus strategy at the second),
        which halves the histogram's work; the pair histograms are summed back into each
        position's. The weights of the draws each strategy wins are summed by one product.
        """
        import numpy as np

        m = self.m
        counts = self.counts.reshape(m, m)
        bits = max(1, (m - 1).bit_length())
        pairs = m // 2 if bits <= 5 else 0
        width = 1 << (2 * bits)
        if pairs:
            codes = order[0 : 2 * pairs : 2].astype(np.int16)
            codes <<= bits
            codes |= order[1 : 2 * pairs : 2]
            codes += (np.arange(pairs, dtype=np.int16) * width)[:, None]
            codes[:, tied] = pairs * width  # a bin that is dropped
            joint = np.bincount(codes.ravel(), minlength=pairs * width + 1)[: pairs * width]
            joint = joint.reshape(pairs, 1 << bits, 1 << bits)[:, :m, :m]
            counts[:, 0 : 2 * pairs : 2] += joint.sum(axis=2).T
            counts[:, 1 : 2 * pairs : 2] += joint.sum(axis=1).T
        rest = order[2 * pairs :].astype(np.int64)
        if len(rest):
            rest *= m
            rest += np.arange(2 * pairs, m, dtype=np.int64)[:, None]
            rest[:, tied] = m * m
            counts += np.bincount(rest.ravel(order="K"), minlength=m * m + 1)[: m * m].reshape(m, m)
        if m > NETWORK_LIMIT:  # many strategies: one histogram per criterion
            first = np.where(tied, m, order[0])
            for column in range(weights.shape[1]):
                self.first_weights[:, column] += np.bincount(first, weights=weights[:, column], minlength=m + 1)[:m]
            return
        wins = np.equal(order[0], np.arange(m)[:, None], out=scratch("wins", (m, order.shape[1]), bool))
        wins[:, tied] = False
        share = scratch("share", wins.shape, float)
        np.copyto(share, wins)
        self.first_weights += share @ weights

    def add_ranks(self, ranks: np.ndarray, weights: np.ndarray) -> None:
        """Count draws from their ranks (draws x strategies, 1 = best, ties shared)."""
        import numpy as np

        m = self.m
        offsets = np.arange(m) * m
        self.counts += np.bincount((offsets + ranks - 1).ravel(), minlength=m * m)
        self.first_weights += (ranks == 1).T.astype(float) @ weights


def fixed_key(
    method: Method, table: np.ndarray, cost: np.ndarray, dtype: Any = None
) -> Callable[[np.ndarray], np.ndarray] | None:
    """For a matrix whose scores stay fixed: a function from weights (draws x criteria) to
    keys (strategies x draws, lower is better) by matrix products, or ``None`` when
    ``method`` has no such form. Equal to the method's own scores up to rounding. Single
    precision (``dtype=np.float32``) only where no term can cancel another (all of one
    sign), so that rounding stays relative to each score."""
    import numpy as np

    dtype = np.dtype(dtype or np.float64)
    m = len(table)
    if getattr(method, "additive", False):
        terms = method.terms(table, cost)
        values = -terms if method.better == "higher" else terms
        if not np.all(np.isfinite(values)):
            return None
        if dtype == np.float32 and not (np.all(values >= 0) or np.all(values <= 0)):
            return None
        typed = np.ascontiguousarray(values, dtype=dtype)
        if dtype == np.float32:
            return lambda weights: typed @ _transposed(weights, dtype)
        return lambda weights: (weights @ typed.T).T  # draws x strategies, seen transposed
    if method.name == "topsis":
        from decide.methods.normalise import normalise

        with np.errstate(divide="ignore", invalid="ignore"):
            scaled = normalise(table, cost, method.params["normalization"])
        if not np.all(np.isfinite(scaled)):
            return None
        gaps = np.concatenate([(scaled.max(axis=0) - scaled) ** 2, (scaled - scaled.min(axis=0)) ** 2])
        gaps = np.ascontiguousarray(gaps, dtype=dtype)
        better_t, worse_t = np.ascontiguousarray(gaps[:m].T), np.ascontiguousarray(gaps[m:].T)

        def topsis(weights: np.ndarray) -> np.ndarray:
            # Squared distances to the ideal (first m rows) and anti-ideal: products of the
            # squared weights with the fixed squared gaps, the ideal scaling with each weight.
            if dtype == np.float32:
                squared = _transposed(weights, dtype)
                squared *= squared
                both = gaps @ squared  # (numpy's matmul with out= leaves BLAS: slower)
                key = np.divide(both[:m], both[m:], out=both[:m])
            else:  # draws x strategies, seen transposed (numpy's sort takes rows)
                squared = weights * weights
                key = squared @ better_t
                np.divide(key, squared @ worse_t, out=key)
            # closeness d- / (d+ + d-) = 1 / (1 + sqrt(d+^2 / d-^2)), negated: lower is better
            np.sqrt(key, out=key)
            key += 1
            np.divide(-1, key, out=key)
            return key if dtype == np.float32 else key.T

        return topsis
    return None


def _on_weights(key: Callable[[np.ndarray], np.ndarray] | None) -> Keys | None:
    """A fixed-table key as a :data:`Keys` function (the tables are ``None``)."""
    if key is None:
        return None
    return lambda weights, tables: key(weights)


def _transposed(weights: np.ndarray, dtype: Any) -> np.ndarray:
    """``weights.T`` as a C-ordered array of ``dtype`` (criteria x draws)."""
    import numpy as np

    return np.array(weights.T, dtype=dtype, order="C")


#: A function (weights, tables) -> keys (strategies x draws, lower is better) or ``None``.
Keys = Callable[[Any, Any], Any]


def tally_block(
    tally: Tally,
    method: Method,
    matrix: Matrix,
    weights: np.ndarray,
    tables: np.ndarray | None,
    keys: tuple[Keys | None, Keys | None] = (None, None),
    groups: np.ndarray | None = None,
) -> None:
    """Add one block of draws to ``tally``: ``weights`` is draws x criteria, ``tables``
    draws x strategies x criteria or ``None``; ``keys`` the fast single- and
    double-precision scores (see :func:`fixed_key` and :func:`decide.analysis.drawn.drawn_key`);
    ``groups`` maps strategies to their alike representative (fixed tables only).

    Draws are ordered in single precision first where possible; those with neighbours
    too close for it are ordered again in double precision, and those still within the
    tie tolerance ranked by :func:`decide.core.ranks.batch_ranks` on the method's scores.
    """
    import numpy as np

    single, double = keys
    scores = None
    reps = None if groups is None else np.unique(groups)

    def finite(block: np.ndarray | None) -> np.ndarray | None:
        if block is None:
            return None
        block = block if reps is None else block[reps]
        return block if np.all(np.isfinite(block)) else None

    def exact_keys(scores: np.ndarray) -> np.ndarray:
        return -scores.T if method.better == "higher" else np.array(scores.T, order="K")

    small = single_precision(len(matrix.strategies), len(matrix.criteria))
    doubles = None
    first = finite(single(weights, tables)) if single is not None else None
    if first is None and double is not None:
        doubles = finite(double(weights, tables))
    if first is None and doubles is None:
        scores = batch_scores(method, matrix, weights, None if tables is None else _rows(tables, None))
        doubles = finite(exact_keys(scores))
    if first is None and doubles is not None:
        first = np.array(doubles, dtype=np.float32, order="C") if small else doubles
    rows = np.arange(len(weights))
    if first is not None:
        order, tied = sorted_order(first, len(matrix.criteria))
        _add(tally, order, tied, weights, groups)
        rows = np.flatnonzero(tied)
    if len(rows) and first is not None and first.dtype == np.float32:
        second: np.ndarray | None
        if doubles is not None:
            second = doubles[:, rows]
        else:
            assert double is not None
            second = finite(double(weights[rows], None if tables is None else _rows(tables, rows)))
        if second is not None:
            order, tied = sorted_order(np.array(second, dtype=np.float64, order="C"))
            _add(tally, order, tied, weights[rows], groups)
            rows = rows[tied]
    if len(rows):
        if scores is None:
            scores = batch_scores(method, matrix, weights[rows], None if tables is None else _rows(tables, rows))
        else:
            scores = scores[rows]
        tally.add_ranks(batch_ranks(scores, method.better), weights[rows])


def _rows(tables: Any, rows: np.ndarray | None) -> np.ndarray:
    """Drawn tables (an array, or a :class:`~decide.analysis.drawn.Layout`), all or ``rows``."""
    if isinstance(tables, Layout):
        return tables.tables(rows)
    return tables if rows is None else tables[rows]


def _add(tally: Tally, order: np.ndarray, tied: np.ndarray, weights: np.ndarray, groups: np.ndarray | None) -> None:
    if groups is None:
        tally.add_sorted(order, tied, weights)
    else:
        _add_grouped(tally, order, tied, weights, groups)


def _add_grouped(tally: Tally, order: np.ndarray, tied: np.ndarray, weights: np.ndarray, groups: np.ndarray) -> None:
    """Count draws ordered over the alike groups' representatives: every member of a group
    takes its group's (dense) rank, as tied strategies do."""
    import numpy as np

    representatives, inverse = np.unique(groups, return_inverse=True)
    count = len(representatives)
    inner = Tally(count, weights.shape[1])
    inner.add_sorted(order, tied, weights)
    counts = inner.counts.reshape(count, count)
    spread = np.zeros((tally.m, tally.m), dtype=np.int64)
    spread[:, :count] = counts[inverse]
    tally.counts += spread.ravel()
    tally.first_weights += inner.first_weights[inverse]


def smaa_tally(
    method: Method,
    matrix: Matrix,
    samples: int,
    weight_rng: np.random.Generator,
    score_rng: np.random.Generator,
    *,
    spread: float | None = None,
    chains: list[list[int]] | None = None,
    score_noise: float = 0.0,
    score_ranges: bool = True,
    progress: Progress | None = None,
    chunk_size: int | None = None,
) -> Tally:
    """Rank acceptability counts and first-rank weight sums of ``samples`` draws, drawn
    from ``weight_rng`` and ``score_rng`` exactly as :func:`decide.core.ranks.sample_weights`
    and :func:`decide.core.ranks.draw_tables` draw them whatever the block size."""
    import numpy as np

    current = matrix.weight_array()
    table, cost = matrix.to_array(), matrix.cost_mask()
    m, n = table.shape
    tally = Tally(m, n)
    fixed = draw_tables(np.random.default_rng(0), matrix, 1, score_noise, score_ranges) is None
    keys: tuple[Keys | None, Keys | None] = (None, None)
    groups = None
    if fixed and method.vectorised:
        groups = alike_groups(matrix, weighted_only=False)
        if len(set(groups.tolist())) == 1:
            _all_alike(tally, method, weight_rng, samples, current, spread, chains, progress, matrix)
            return tally
        if len(set(groups.tolist())) == m:
            groups = None
        keys = (
            _on_weights(fixed_key(method, table, cost, np.float32)) if single_precision(m, n) else None,
            _on_weights(fixed_key(method, table, cost)),
        )
    elif method.vectorised:
        keys = (None, drawn_key(method, cost))
    block = chunk_size or (BLOCK if method.vectorised else 50)
    if method.vectorised and not score_noise:  # the compiled kernels, for many draws
        rngs = (weight_rng, score_rng)
        with one_blas_thread():  # the near-ties' scores: small products
            if jit_tally(tally, method, matrix, samples, *rngs, fixed=fixed, groups=groups, spread=spread,
                         chains=chains, block=block, progress=progress):  # fmt: skip
                return tally
    done = 0
    with one_blas_thread():
        while done < samples:
            size = min(block, samples - done)
            weights = sample_weights(weight_rng, size, current, spread, chains)
            if keys[1] is not None and not fixed:
                tables: Any = draw_layout(score_rng, matrix, size, score_noise)
            else:
                tables = draw_tables(score_rng, matrix, size, score_noise, score_ranges)
            if method.vectorised:
                with quietly():
                    tally_block(tally, method, matrix, weights, tables, keys, groups)
            else:
                tally.add_ranks(batch_ranks(batch_scores(method, matrix, weights, tables), method.better), weights)
            done += size
            if progress is not None:
                progress(f"SMAA {matrix.actor}", done, samples)
    release_scratch()
    return tally


def _all_alike(
    tally: Tally,
    method: Method,
    rng: np.random.Generator,
    samples: int,
    current: np.ndarray,
    spread: float | None,
    chains: list[list[int]] | None,
    progress: Progress | None,
    matrix: Matrix,
) -> None:
    """Every strategy alike: all rank first in every draw (their ideal score), as before."""
    import numpy as np

    del method  # the ideal score is the same for every strategy: all tie first
    m = tally.m
    done = 0
    while done < samples:
        size = min(BLOCK, samples - done)
        weights = sample_weights(rng, size, current, spread, chains)
        tally.counts[np.arange(m) * m] += size
        tally.first_weights += weights.sum(axis=0)
        done += size
        if progress is not None:
            progress(f"SMAA {matrix.actor}", done, samples)


__all__ = ["Tally", "fixed_key", "ideal_score", "network", "smaa_tally", "sorted_order", "tally_block"]
