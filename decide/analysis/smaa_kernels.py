"""The numba kernels behind :mod:`decide.analysis.smaa_jit` (imported only when they are used).

Arrays: ``raw`` and ``W`` draws x criteria; key and work arrays strategies x sub-block
(one row per strategy, one column per draw, so that the compiler vectorises the inner
loops across draws); ``counts`` strategies x positions; ``firstw`` strategies x criteria.
Every kernel returns how many draws it flagged in ``tied`` for the exact ranking.
"""

from __future__ import annotations

import math

import numba
import numpy as np
from numba.core import types
from numba.extending import intrinsic

from decide.analysis.smaa_sort16 import R1, R2, R3, SC, clean16, sort16

_jit = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy")
#: The kernels that compute keys may fuse a multiplication and an addition: keys need only
#: be right to rounding (near-ties are ranked again, on tables and weights computed apart).
_fused = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy", fastmath={"contract"})
#: The drivers that split a block of draws between threads (compiled when first used).
_threads = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy", parallel=True)

#: Kinds of key (see :mod:`decide.analysis.smaa_jit`).
LINEAR, TOPSIS = 0, 1
#: Normalisations of drawn tables.
VECTOR, MINMAX = 0, 1
#: The largest float: an infinite ratio (closeness 0) stands as this, finite once packed.
_LARGEST = 1.7976931348623157e308


@_jit
def row_sum(raw, d):
    """``raw[d].sum()`` as :func:`decide.core.ranks.row_sums` computes it, bit for bit: from
    the left for fewer than 8 terms, else numpy's pairwise summation (eight running sums,
    combined in pairs, then the rest from the left; up to 128 terms)."""
    n = raw.shape[1]
    if n < 8:
        total = raw[d, 0] + 0.0
        for c in range(1, n):
            total += raw[d, c]
        return total
    r0, r1, r2, r3 = raw[d, 0], raw[d, 1], raw[d, 2], raw[d, 3]
    r4, r5, r6, r7 = raw[d, 4], raw[d, 5], raw[d, 6], raw[d, 7]
    c = 8
    while c < n - n % 8:
        r0 += raw[d, c]
        r1 += raw[d, c + 1]
        r2 += raw[d, c + 2]
        r3 += raw[d, c + 3]
        r4 += raw[d, c + 4]
        r5 += raw[d, c + 5]
        r6 += raw[d, c + 6]
        r7 += raw[d, c + 7]
        c += 8
    total = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while c < n:
        total += raw[d, c]
        c += 1
    return total


@_jit
def weights_into(raw, normalise, W, wt, d0, size, squared, token):
    """Weights of draws d0 .. d0+size into ``W`` and, transposed (squared for TOPSIS), into
    ``wt`` (criteria x sub-block); with ``normalise``, ``raw`` divided by its row sum as
    :func:`decide.core.ranks.sample_weights` divides it. ``token`` has one item per
    criterion (so that the loops over criteria are unrolled)."""
    for s in range(size):
        d = d0 + s
        if normalise:
            total = row_sum(raw, d)
            for c in range(len(token)):
                W[d, c] = raw[d, c] / total
        for c in range(len(token)):
            value = W[d, c]
            wt[c * SC + s] = value * value if squared else value


@_jit
def normalised(raw, W, token):
    """Every row of ``raw`` divided by its sum into ``W`` (as :func:`weights_into` does)."""
    wt = np.empty(raw.shape[1] * SC)
    for d in range(raw.shape[0]):
        weights_into(raw, True, W, wt, d, 1, False, token)


@_jit
def ratios(P, Q, K, size):
    """TOPSIS's keys: the ratio r = d+^2 / d-^2 of the squared distances to the ideal and
    the anti-ideal (lower is better: the closeness is 1 / (1 + sqrt(r))), an infinite one
    (d- = 0, closeness 0) as the largest float so that packed bits keep it finite."""
    for i in range(P.shape[0]):
        row = np.uint64(i * SC)
        for s in range(np.uint64(size)):
            r = P[i, s] / Q[i, s]
            K[row + s] = r if r < _LARGEST else (_LARGEST if r > 0.0 else r)


@intrinsic
def _as_int(typingctx, x):
    """The bits of a float64 as an int64 (no conversion)."""

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], context.get_value_type(types.int64))

    return types.int64(types.float64), codegen


@intrinsic
def _as_float(typingctx, x):
    """The float64 of an int64's bits (no conversion)."""

    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], context.get_value_type(types.float64))

    return types.float64(types.int64), codegen


@_jit
def packed(key, keep, i):
    """``key`` with strategy ``i`` in its lowest bits (``keep`` masks the rest): the sort
    then carries the index with the key. A NaN stays NaN (a near-tie: ranked again)."""
    return _as_float((_as_int(key) & keep) | i)  # type: ignore[call-arg]  # (typing context supplied by numba)


@_jit
def start(size, bad):
    """Clear the per-draw flags of a sub-block."""
    for s in range(size):
        bad[s] = 0.0


@_jit
def pack(K, i, size, bits):
    """Row ``i`` of the keys with the strategy index in the lowest ``bits`` bits."""
    keep = ~np.int64((1 << bits) - 1)
    row = np.uint64(i * SC)
    for s in range(np.uint64(size)):
        K[row + s] = packed(K[row + s], keep, i)


@_jit
def order_and_count(K, m, pa, pb, blocks, bits, safe, size, d0, counts, firsts, tied, tol, bad, topsis, upper):
    """Order the packed keys ``K`` (``m`` rows of :data:`SC`) of draws d0 .. d0+size (the
    first ``blocks`` groups of 16 rows by :func:`sort16`, then the operations pa, pb of
    :func:`decide.analysis.smaa_network.comparators`: comparators, or ``clean16`` where pb is
    negative) and count them into ``counts`` (positions x strategies; each draw's first
    strategy into ``firsts``); flag in ``tied`` the draws whose neighbouring scores come
    within ``safe`` of their largest: the keys themselves, or for TOPSIS (ratios) the
    closeness they give."""
    mask = (1 << bits) - 1
    Ki = K.view(np.int64)
    span = np.uint64(size)
    for block in range(blocks):
        sort16(K, 16 * block, size)
    for t in range(len(pa)):
        a = pa[t]
        b = pb[t]
        if b < 0:
            clean16(K, a, size)
            continue
        ra = np.uint64(a * SC)
        rb = np.uint64(b * SC)
        for s in range(span):
            x = K[ra + s]
            y = K[rb + s]
            low = x if x < y else y
            high = y if x < y else x
            K[ra + s] = low + 0.0  # unconditional stores (see pack)
            K[rb + s] = high + 0.0
    # every comparison below is negated ("not (gap > bound)"), so that a NaN anywhere in a
    # column (a NaN gap with a neighbour) flags its draw; an infinite key makes the bound
    # infinite (LINEAR) or is capped (TOPSIS)
    if topsis:
        near_closeness(K, m, safe, size, tol, bad, upper)
    else:
        last = np.uint64((m - 1) * SC)
        for s in range(span):
            low = abs(K[s])
            high = abs(K[last + s])
            largest = high if not low > high else low  # sorted: the largest magnitude is at an end
            bad[s] += 0.0 if largest >= 1e-290 else 1.0  # every key (about) zero: the packed bits would decide
            tol[s] = largest * safe
        for i in range(m - 1):
            row = np.uint64(i * SC)
            for s in range(span):
                bad[s] += 0.0 if K[row + R1 + s] - K[row + s] > tol[s] else 1.0
    flagged = 0
    for s in range(size):
        d = d0 + s
        near = bad[s] > 0.0
        tied[d] = near
        flagged += 1 if near else 0
        firsts[d] = Ki[s] & mask
    # every draw counted, four positions at a time: their counters sit in a few cache lines,
    # and the increments alternate between four counters (a position is often held by the
    # same strategy in consecutive draws: increments of one counter in a row wait on each
    # other)
    for position in range(0, m - 3, 4):
        row = np.uint64(position * SC)
        for s in range(span):
            counts[position, Ki[row + s] & mask] += 1
            counts[position + 1, Ki[row + R1 + s] & mask] += 1
            counts[position + 2, Ki[row + R2 + s] & mask] += 1
            counts[position + 3, Ki[row + R3 + s] & mask] += 1
    for position in range(m - m % 4, m):
        row = np.uint64(position * SC)
        for s in range(span):
            counts[position, Ki[row + s] & mask] += 1
    if flagged:  # then the few flagged ones taken out again
        for s in range(size):
            if bad[s] > 0.0:
                for position in range(m):
                    counts[position, Ki[position * SC + s] & mask] -= 1
    return flagged


@_jit
def add_firsts(firsts, tied, W, firstw):
    """Each counted draw's weights added to its first strategy's sums, in the order of the
    draws (as one thread adds them: the sums do not depend on how the draws were split)."""
    for d in range(len(tied)):
        if not tied[d]:
            first = firsts[d]
            for c in range(W.shape[1]):
                firstw[first, c] += W[d, c]


@_jit
def near_closeness(K, m, safe, size, limit, bad, upper):
    """Flag in ``bad`` the draws whose sorted ratios ``K`` (``m`` rows) give two neighbouring
    closeness values c = 1 / (1 + sqrt(r)) within ``safe`` times the largest (the first).

    The gap c_k - c_k+1 = (r_k+1 - r_k) / ((x_k + x_k+1)(1 + x_k)(1 + x_k+1)) with
    x = sqrt(r) <= (1 + r) / 2 and x_k <= x_k+1: a draw whose every ratio gap exceeds that
    bound with v = (1 + r_k+1) / 2 for both x is far from a tie (no square root needed);
    the few others are checked with the closeness itself. ``upper`` is scratch."""
    span = np.uint64(size)
    for s in range(size):
        limit[s] = 2.0 * safe * (1.0 + 1e-6) / (1.0 + math.sqrt(K[s]))
        upper[s] = 0.0
    for i in range(m - 1):
        row = np.uint64(i * SC)
        for s in range(span):
            k1 = K[row + R1 + s]
            v = 0.5 + 0.5 * k1
            w = 1.0 + v
            upper[s] += 0.0 if k1 - K[row + s] > limit[s] * (v * w * w) else 1.0
    for s in range(size):
        if upper[s] == 0.0:
            continue
        scale = 1.0 / (1.0 + math.sqrt(K[s]))
        previous = scale
        for i in range(1, m):
            current = 1.0 / (1.0 + math.sqrt(K[i * SC + s]))
            bad[s] += 0.0 if previous - current > safe * scale else 1.0
            previous = current


@_fused
def fixed(raw, normalise, kind, A, B, token, pa, pb, blocks, bits, safe, counts, firsts, W, tied, lo, hi):
    """Fixed scores: keys ``sum_c A[c, i] w_c`` (LINEAR) or TOPSIS's ratios of
    ``sum_c A[c, i] w_c^2`` to ``sum_c B[c, i] w_c^2`` (A, B criteria x strategies).
    ``token`` is a tuple of one item per criterion: its length is known when the kernel is
    compiled, so the sums over criteria are unrolled and kept in registers. Draws lo .. hi."""
    n = raw.shape[1]
    m = A.shape[1]
    K = np.empty(m * SC)
    wt = np.empty(n * SC)
    tol = np.empty(SC)
    bad = np.empty(SC)
    upper = np.empty(SC)
    keep = ~np.int64((1 << bits) - 1)
    flagged = 0
    for d0 in range(lo, hi, SC):
        size = min(SC, hi - d0)
        span = np.uint64(size)
        weights_into(raw, normalise, W, wt, d0, size, kind == TOPSIS, token)
        start(size, bad)
        for i in range(m):
            row = np.uint64(i * SC)
            # two partial sums each (criteria even and odd): chains of dependent
            # multiply-adds half as long, so that more draws are in flight at once
            if kind == LINEAR:
                for s in range(span):
                    even = 0.0
                    odd = 0.0
                    for c in range(0, len(token) - 1, 2):
                        even += A[c, i] * wt[np.uint64(c * SC) + s]
                        odd += A[c + 1, i] * wt[np.uint64(c * SC + SC) + s]
                    if len(token) % 2:
                        even += A[len(token) - 1, i] * wt[np.uint64((len(token) - 1) * SC) + s]
                    K[row + s] = packed(even + odd, keep, i)
            else:
                for s in range(span):
                    p = 0.0
                    q = 0.0
                    p2 = 0.0
                    q2 = 0.0
                    for c in range(0, len(token) - 1, 2):
                        w = wt[np.uint64(c * SC) + s]
                        w2 = wt[np.uint64(c * SC + SC) + s]
                        p += A[c, i] * w
                        q += B[c, i] * w
                        p2 += A[c + 1, i] * w2
                        q2 += B[c + 1, i] * w2
                    if len(token) % 2:
                        w = wt[np.uint64((len(token) - 1) * SC) + s]
                        p += A[len(token) - 1, i] * w
                        q += B[len(token) - 1, i] * w
                    r = (p + p2) / (q + q2)
                    # the largest float for an infinite ratio (so that the packed bits keep
                    # it finite), NaN kept (one vminpd)
                    K[row + s] = packed(_LARGEST if r > _LARGEST else r, keep, i)
        topsis = kind == TOPSIS
        flagged += order_and_count(
            K, m, pa, pb, blocks, bits, safe, size, d0, counts, firsts, tied, tol, bad, topsis, upper
        )
    return flagged


@_fused
def ranged(
    raw,
    normalise,
    kind,
    how,
    cost,
    low,
    width,
    token,
    U,
    pa,
    pb,
    blocks,
    bits,
    safe,
    counts,
    firsts,
    W,
    tied,
    lo,
    hi,
):
    """Scores drawn within their ranges: cell (i, c) of draw d is
    ``low[i, c] + width[i, c] * U[d, i * n + c]`` (as :func:`decide.core.ranks.draw_tables`
    computes it), normalised per draw and criterion (VECTOR: x / sqrt(sum x^2), 1 - that
    for a cost; MINMAX: (x - min) / (max - min), reversed for a cost, 0 for a constant
    column), then weighted (LINEAR: the sum, negated; TOPSIS: the distance ratio).

    Both normalisations divide a criterion's values by one number per draw (the norm,
    or max - min) and may reverse them, so TOPSIS's gaps to the best and worst normalised
    value are the gaps of the drawn values divided by that number: each criterion adds
    ``gap^2 * w^2 / divisor^2`` to a squared distance, with no normalised table. Draws lo .. hi."""
    n = raw.shape[1]
    m = low.shape[0]
    K = np.empty(m * SC)
    P = np.empty((m, SC))
    Q = np.empty((m, SC))
    X = np.empty((m, SC))
    wt = np.empty(n * SC)
    top = np.empty(SC)
    bottom = np.empty(SC)
    factor = np.empty(SC)
    tol = np.empty(SC)
    bad = np.empty(SC)
    upper = np.empty(SC)
    flagged = 0
    for d0 in range(lo, hi, SC):
        size = min(SC, hi - d0)
        weights_into(raw, normalise, W, wt, d0, size, kind == TOPSIS, token)
        start(size, bad)
        for i in range(m):
            for s in range(size):
                P[i, s] = 0.0
                Q[i, s] = 0.0
        for c in range(n):
            for s in range(size):
                factor[s] = 0.0
            for i in range(m):
                base = low[i, c]
                step = width[i, c]
                cell = i * n + c
                for s in range(size):
                    value = base + step * U[d0 + s, cell] if step != 0.0 else base
                    X[i, s] = value
                    factor[s] += value * value
            for s in range(size):
                top[s] = X[0, s]
                bottom[s] = X[0, s]
            for i in range(1, m):
                for s in range(size):
                    value = X[i, s]
                    top[s] = (value if value > top[s] else top[s]) + 0.0
                    bottom[s] = (value if value < bottom[s] else bottom[s]) + 0.0
            for s in range(size):
                divisor = factor[s] if how == VECTOR else (top[s] - bottom[s]) * (top[s] - bottom[s])
                if kind == LINEAR:
                    divisor = math.sqrt(factor[s]) if how == VECTOR else top[s] - bottom[s]
                # a constant column counts for nothing under MINMAX; an all-zero one has no
                # VECTOR norm: NaN keys, so the method's own engine decides
                factor[s] = wt[c * SC + s] / divisor if divisor != 0.0 or how == VECTOR else 0.0
            if kind == LINEAR:
                linear_terms(X, P, factor, top, bottom, how == VECTOR, cost[c], wt[c * SC : c * SC + SC], size)
            else:
                reverse = cost[c]
                for i in range(m):
                    for s in range(size):
                        better = X[i, s] - bottom[s] if reverse else top[s] - X[i, s]
                        worse = top[s] - X[i, s] if reverse else X[i, s] - bottom[s]
                        P[i, s] += better * better * factor[s]
                        Q[i, s] += worse * worse * factor[s]
        if kind == LINEAR:
            for i in range(m):
                for s in range(size):
                    K[i * SC + s] = -P[i, s]
        else:
            ratios(P, Q, K, size)
        for i in range(m):
            pack(K, i, size, bits)
        topsis = kind == TOPSIS
        flagged += order_and_count(
            K, m, pa, pb, blocks, bits, safe, size, d0, counts, firsts, tied, tol, bad, topsis, upper
        )
    return flagged


@_threads
def fixed_threads(raw, normalise, kind, A, B, token, pa, pb, blocks, bits, safe, local, firsts, W, tied):
    """:func:`fixed` on ``len(local)`` spans of whole sub-blocks at once (numba's threads),
    each counting into its own ``local`` counters; the caller adds them up (integers: the
    same totals however the draws were split)."""
    D = raw.shape[0]
    chunks = local.shape[0]
    per = -(-D // chunks // SC) * SC
    flags = np.zeros(chunks, dtype=np.int64)
    for chunk in numba.prange(chunks):
        lo = min(D, chunk * per)
        hi = min(D, lo + per)
        flags[chunk] = fixed(raw, normalise, kind, A, B, token, pa, pb, blocks, bits, safe, local[chunk], firsts, W,
                             tied, lo, hi)  # fmt: skip
    return flags.sum()


@_threads
def ranged_threads(raw, normalise, kind, how, cost, low, width, token, U, pa, pb, blocks, bits, safe, local, firsts,
                   W, tied):  # fmt: skip
    """:func:`ranged` on ``len(local)`` spans at once (as :func:`fixed_threads`)."""
    D = raw.shape[0]
    chunks = local.shape[0]
    per = -(-D // chunks // SC) * SC
    flags = np.zeros(chunks, dtype=np.int64)
    for chunk in numba.prange(chunks):
        lo = min(D, chunk * per)
        hi = min(D, lo + per)
        flags[chunk] = ranged(raw, normalise, kind, how, cost, low, width, token, U, pa, pb, blocks, bits, safe,
                              local[chunk], firsts, W, tied, lo, hi)  # fmt: skip
    return flags.sum()


@_fused
def linear_terms(X, P, factor, top, bottom, vector, reverse, w, size):
    """Add one criterion's weighted normalised values to the sums ``P``: ``factor`` is the
    weight over the norm (VECTOR) or over max - min; ``w`` the weights."""
    for i in range(X.shape[0]):
        for s in range(size):
            if vector:
                scaled = X[i, s] * factor[s]
                P[i, s] += w[s] - scaled if reverse else scaled
            else:
                P[i, s] += (top[s] - X[i, s] if reverse else X[i, s] - bottom[s]) * factor[s]
