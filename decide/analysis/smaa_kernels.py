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

_jit = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy")
#: The kernels that compute keys may fuse a multiplication and an addition: keys need only
#: be right to rounding (near-ties are ranked again, on tables and weights computed apart).
_fused = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy", fastmath={"contract"})

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
            wt[c, s] = value * value if squared else value


@_jit
def normalised(raw, W, token):
    """Every row of ``raw`` divided by its sum into ``W`` (as :func:`weights_into` does)."""
    wt = np.empty((raw.shape[1], 1))
    for d in range(raw.shape[0]):
        weights_into(raw, True, W, wt, d, 1, False, token)


@_jit
def ratios(P, Q, K, size):
    """TOPSIS's keys: the ratio r = d+^2 / d-^2 of the squared distances to the ideal and
    the anti-ideal (lower is better: the closeness is 1 / (1 + sqrt(r))), an infinite one
    (d- = 0, closeness 0) as the largest float so that packed bits keep it finite."""
    for i in range(K.shape[0]):
        for s in range(size):
            r = P[i, s] / Q[i, s]
            K[i, s] = r if r < _LARGEST else (_LARGEST if r > 0.0 else r)


@_jit
def start(size, tol, bad):
    """Clear the per-draw largest magnitude and flags of a sub-block."""
    for s in range(size):
        tol[s] = 0.0
        bad[s] = 0.0


@_jit
def pack(K, i, size, bits, tol, bad, largest):
    """Row ``i`` of the keys: note any NaN or infinite key (and with ``largest`` each
    draw's largest magnitude), then put the strategy index into the key's lowest ``bits``
    bits."""
    keep = ~np.int64((1 << bits) - 1)
    Ki = K.view(np.int64)
    for s in range(size):
        key = K[i, s]
        # every store unconditional ("+ 0.0", "+= 0.0"): a conditional one becomes a masked
        # store, several times slower on some processors
        if largest:
            magnitude = abs(key)
            tol[s] = (magnitude if magnitude > tol[s] else tol[s]) + 0.0
        bad[s] += 1.0 if key - key != 0.0 else 0.0  # NaN or infinite
        Ki[i, s] = (Ki[i, s] & keep) | i


@_jit
def order_and_count(K, pa, pb, blocks, bits, safe, size, d0, W, counts, firstw, tied, tol, bad, topsis, upper):
    """Order the packed keys ``K`` of draws d0 .. d0+size (the first ``blocks`` groups of 16
    rows by :func:`sort16`, then the rest of the network by the pairs pa, pb) and count
    them; flag in ``tied`` the draws whose neighbouring scores come within ``safe`` of
    their largest: the keys themselves, or for TOPSIS (ratios) the closeness they give."""
    m = K.shape[0]
    n = W.shape[1]
    mask = (1 << bits) - 1
    Ki = K.view(np.int64)
    for block in range(blocks):
        sort16(K, 16 * block, size)
    for t in range(len(pa)):
        a = pa[t]
        b = pb[t]
        for s in range(size):
            x = K[a, s]
            y = K[b, s]
            low = x if x < y else y
            high = y if x < y else x
            K[a, s] = low + 0.0  # unconditional stores (see pack)
            K[b, s] = high + 0.0
    if topsis:
        near_closeness(K, safe, size, tol, bad, upper)
    else:
        for s in range(size):
            bad[s] += 1.0 if tol[s] < 1e-290 else 0.0  # every key (about) zero: the packed bits would decide
            tol[s] *= safe
        for i in range(m - 1):
            for s in range(size):
                bad[s] += 1.0 if K[i + 1, s] - K[i, s] <= tol[s] else 0.0
    flagged = 0
    for s in range(size):
        d = d0 + s
        if bad[s] > 0.0:
            tied[d] = True
            flagged += 1
            continue
        tied[d] = False
        for position in range(m):
            counts[Ki[position, s] & mask, position] += 1
        first = Ki[0, s] & mask
        for c in range(n):
            firstw[first, c] += W[d, c]
    return flagged


@_jit
def near_closeness(K, safe, size, limit, bad, upper):
    """Flag in ``bad`` the draws whose sorted ratios ``K`` give two neighbouring closeness
    values c = 1 / (1 + sqrt(r)) within ``safe`` times the largest (the first).

    The gap c_k - c_k+1 = (r_k+1 - r_k) / ((x_k + x_k+1)(1 + x_k)(1 + x_k+1)) with
    x = sqrt(r) <= u = (1 + r) / 2: a draw whose every ratio gap exceeds that bound with u
    in place of x is far from a tie (no square root needed); the few others are checked
    with the closeness itself."""
    m = K.shape[0]
    for s in range(size):
        limit[s] = safe * (1.0 + 1e-6) / (1.0 + math.sqrt(K[0, s]))
        upper[s] = 0.5 + 0.5 * K[0, s]
    for i in range(m - 1):
        for s in range(size):
            u = upper[s]
            v = 0.5 + 0.5 * K[i + 1, s]
            near = K[i + 1, s] - K[i, s] <= limit[s] * ((u + v) * (1.0 + u) * (1.0 + v))
            limit[s] = (-abs(limit[s]) if near else limit[s]) + 0.0  # negative: a draw to check
            upper[s] = v
    for s in range(size):
        if limit[s] >= 0.0:
            continue
        scale = 1.0 / (1.0 + math.sqrt(K[0, s]))
        previous = scale
        for i in range(1, m):
            current = 1.0 / (1.0 + math.sqrt(K[i, s]))
            bad[s] += 1.0 if previous - current <= safe * scale else 0.0
            previous = current


@_fused
def fixed(raw, normalise, kind, A, B, token, pa, pb, blocks, bits, safe, counts, firstw, W, tied, S):
    """Fixed scores: keys ``sum_c A[c, i] w_c`` (LINEAR) or TOPSIS's ratios of
    ``sum_c A[c, i] w_c^2`` to ``sum_c B[c, i] w_c^2`` (A, B criteria x strategies).
    ``token`` is a tuple of one item per criterion: its length is known when the kernel is
    compiled, so the sums over criteria are unrolled and kept in registers."""
    D, n = raw.shape
    m = A.shape[1]
    K = np.empty((m, S))
    wt = np.empty((n, S))
    tol = np.empty(S)
    bad = np.empty(S)
    upper = np.empty(S)
    flagged = 0
    for d0 in range(0, D, S):
        size = min(S, D - d0)
        weights_into(raw, normalise, W, wt, d0, size, kind == TOPSIS, token)
        start(size, tol, bad)
        for i in range(m):
            if kind == LINEAR:
                for s in range(size):
                    total = 0.0
                    for c in range(len(token)):
                        total += A[c, i] * wt[c, s]
                    K[i, s] = total
            else:
                for s in range(size):
                    p = 0.0
                    q = 0.0
                    for c in range(len(token)):
                        p += A[c, i] * wt[c, s]
                        q += B[c, i] * wt[c, s]
                    r = p / q
                    K[i, s] = r if r < _LARGEST else (_LARGEST if r > 0.0 else r)
            pack(K, i, size, bits, tol, bad, kind == LINEAR)
        topsis = kind == TOPSIS
        flagged += order_and_count(
            K, pa, pb, blocks, bits, safe, size, d0, W, counts, firstw, tied, tol, bad, topsis, upper
        )
    return flagged


@_fused
def ranged(
    raw, normalise, kind, how, cost, low, width, token, U, pa, pb, blocks, bits, safe, counts, firstw, W, tied, S
):
    """Scores drawn within their ranges: cell (i, c) of draw d is
    ``low[i, c] + width[i, c] * U[d, i * n + c]`` (as :func:`decide.core.ranks.draw_tables`
    computes it), normalised per draw and criterion (VECTOR: x / sqrt(sum x^2), 1 - that
    for a cost; MINMAX: (x - min) / (max - min), reversed for a cost, 0 for a constant
    column), then weighted (LINEAR: the sum, negated; TOPSIS: the distance ratio).

    Both normalisations divide a criterion's values by one number per draw (the norm,
    or max - min) and may reverse them, so TOPSIS's gaps to the best and worst normalised
    value are the gaps of the drawn values divided by that number: each criterion adds
    ``gap^2 * w^2 / divisor^2`` to a squared distance, with no normalised table."""
    D, n = raw.shape
    m = low.shape[0]
    K = np.empty((m, S))
    P = np.empty((m, S))
    Q = np.empty((m, S))
    X = np.empty((m, S))
    wt = np.empty((n, S))
    top = np.empty(S)
    bottom = np.empty(S)
    factor = np.empty(S)
    tol = np.empty(S)
    bad = np.empty(S)
    upper = np.empty(S)
    flagged = 0
    for d0 in range(0, D, S):
        size = min(S, D - d0)
        weights_into(raw, normalise, W, wt, d0, size, kind == TOPSIS, token)
        start(size, tol, bad)
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
                factor[s] = wt[c, s] / divisor if divisor != 0.0 or how == VECTOR else 0.0
            if kind == LINEAR:
                linear_terms(X, P, factor, top, bottom, how == VECTOR, cost[c], wt[c], size)
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
                    K[i, s] = -P[i, s]
        else:
            ratios(P, Q, K, size)
        for i in range(m):
            pack(K, i, size, bits, tol, bad, kind == LINEAR)
        topsis = kind == TOPSIS
        flagged += order_and_count(
            K, pa, pb, blocks, bits, safe, size, d0, W, counts, firstw, tied, tol, bad, topsis, upper
        )
    return flagged


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


@_jit
def sort16(K, b, size):
    """Sort rows b .. b+15 of ``K`` (every draw's column) by the 63 comparators of
    ``network(16)`` with the sixteen values held in registers: one load and one store
    each, where the comparator loop (:func:`order_and_count`) loads and stores both
    values of every comparator."""
    for s in range(size):
        a0, a1, a2, a3, a4, a5, a6, a7 = (
            K[b + 0, s],
            K[b + 1, s],
            K[b + 2, s],
            K[b + 3, s],
            K[b + 4, s],
            K[b + 5, s],
            K[b + 6, s],
            K[b + 7, s],
        )
        a8, a9, a10, a11, a12, a13, a14, a15 = (
            K[b + 8, s],
            K[b + 9, s],
            K[b + 10, s],
            K[b + 11, s],
            K[b + 12, s],
            K[b + 13, s],
            K[b + 14, s],
            K[b + 15, s],
        )
        a0, a1 = (a0 if a0 < a1 else a1), (a1 if a0 < a1 else a0)
        a2, a3 = (a2 if a2 < a3 else a3), (a3 if a2 < a3 else a2)
        a4, a5 = (a4 if a4 < a5 else a5), (a5 if a4 < a5 else a4)
        a6, a7 = (a6 if a6 < a7 else a7), (a7 if a6 < a7 else a6)
        a8, a9 = (a8 if a8 < a9 else a9), (a9 if a8 < a9 else a8)
        a10, a11 = (a10 if a10 < a11 else a11), (a11 if a10 < a11 else a10)
        a12, a13 = (a12 if a12 < a13 else a13), (a13 if a12 < a13 else a12)
        a14, a15 = (a14 if a14 < a15 else a15), (a15 if a14 < a15 else a14)
        a0, a2 = (a0 if a0 < a2 else a2), (a2 if a0 < a2 else a0)
        a1, a3 = (a1 if a1 < a3 else a3), (a3 if a1 < a3 else a1)
        a4, a6 = (a4 if a4 < a6 else a6), (a6 if a4 < a6 else a4)
        a5, a7 = (a5 if a5 < a7 else a7), (a7 if a5 < a7 else a5)
        a8, a10 = (a8 if a8 < a10 else a10), (a10 if a8 < a10 else a8)
        a9, a11 = (a9 if a9 < a11 else a11), (a11 if a9 < a11 else a9)
        a12, a14 = (a12 if a12 < a14 else a14), (a14 if a12 < a14 else a12)
        a13, a15 = (a13 if a13 < a15 else a15), (a15 if a13 < a15 else a13)
        a1, a2 = (a1 if a1 < a2 else a2), (a2 if a1 < a2 else a1)
        a5, a6 = (a5 if a5 < a6 else a6), (a6 if a5 < a6 else a5)
        a9, a10 = (a9 if a9 < a10 else a10), (a10 if a9 < a10 else a9)
        a13, a14 = (a13 if a13 < a14 else a14), (a14 if a13 < a14 else a13)
        a0, a4 = (a0 if a0 < a4 else a4), (a4 if a0 < a4 else a0)
        a1, a5 = (a1 if a1 < a5 else a5), (a5 if a1 < a5 else a1)
        a2, a6 = (a2 if a2 < a6 else a6), (a6 if a2 < a6 else a2)
        a3, a7 = (a3 if a3 < a7 else a7), (a7 if a3 < a7 else a3)
        a8, a12 = (a8 if a8 < a12 else a12), (a12 if a8 < a12 else a8)
        a9, a13 = (a9 if a9 < a13 else a13), (a13 if a9 < a13 else a9)
        a10, a14 = (a10 if a10 < a14 else a14), (a14 if a10 < a14 else a10)
        a11, a15 = (a11 if a11 < a15 else a15), (a15 if a11 < a15 else a11)
        a2, a4 = (a2 if a2 < a4 else a4), (a4 if a2 < a4 else a2)
        a3, a5 = (a3 if a3 < a5 else a5), (a5 if a3 < a5 else a3)
        a10, a12 = (a10 if a10 < a12 else a12), (a12 if a10 < a12 else a10)
        a11, a13 = (a11 if a11 < a13 else a13), (a13 if a11 < a13 else a11)
        a1, a2 = (a1 if a1 < a2 else a2), (a2 if a1 < a2 else a1)
        a3, a4 = (a3 if a3 < a4 else a4), (a4 if a3 < a4 else a3)
        a5, a6 = (a5 if a5 < a6 else a6), (a6 if a5 < a6 else a5)
        a9, a10 = (a9 if a9 < a10 else a10), (a10 if a9 < a10 else a9)
        a11, a12 = (a11 if a11 < a12 else a12), (a12 if a11 < a12 else a11)
        a13, a14 = (a13 if a13 < a14 else a14), (a14 if a13 < a14 else a13)
        a0, a8 = (a0 if a0 < a8 else a8), (a8 if a0 < a8 else a0)
        a1, a9 = (a1 if a1 < a9 else a9), (a9 if a1 < a9 else a1)
        a2, a10 = (a2 if a2 < a10 else a10), (a10 if a2 < a10 else a2)
        a3, a11 = (a3 if a3 < a11 else a11), (a11 if a3 < a11 else a3)
        a4, a12 = (a4 if a4 < a12 else a12), (a12 if a4 < a12 else a4)
        a5, a13 = (a5 if a5 < a13 else a13), (a13 if a5 < a13 else a5)
        a6, a14 = (a6 if a6 < a14 else a14), (a14 if a6 < a14 else a6)
        a7, a15 = (a7 if a7 < a15 else a15), (a15 if a7 < a15 else a7)
        a4, a8 = (a4 if a4 < a8 else a8), (a8 if a4 < a8 else a4)
        a5, a9 = (a5 if a5 < a9 else a9), (a9 if a5 < a9 else a5)
        a6, a10 = (a6 if a6 < a10 else a10), (a10 if a6 < a10 else a6)
        a7, a11 = (a7 if a7 < a11 else a11), (a11 if a7 < a11 else a7)
        a2, a4 = (a2 if a2 < a4 else a4), (a4 if a2 < a4 else a2)
        a3, a5 = (a3 if a3 < a5 else a5), (a5 if a3 < a5 else a3)
        a6, a8 = (a6 if a6 < a8 else a8), (a8 if a6 < a8 else a6)
        a7, a9 = (a7 if a7 < a9 else a9), (a9 if a7 < a9 else a7)
        a10, a12 = (a10 if a10 < a12 else a12), (a12 if a10 < a12 else a10)
        a11, a13 = (a11 if a11 < a13 else a13), (a13 if a11 < a13 else a11)
        a1, a2 = (a1 if a1 < a2 else a2), (a2 if a1 < a2 else a1)
        a3, a4 = (a3 if a3 < a4 else a4), (a4 if a3 < a4 else a3)
        a5, a6 = (a5 if a5 < a6 else a6), (a6 if a5 < a6 else a5)
        a7, a8 = (a7 if a7 < a8 else a8), (a8 if a7 < a8 else a7)
        a9, a10 = (a9 if a9 < a10 else a10), (a10 if a9 < a10 else a9)
        a11, a12 = (a11 if a11 < a12 else a12), (a12 if a11 < a12 else a11)
        a13, a14 = (a13 if a13 < a14 else a14), (a14 if a13 < a14 else a13)
        K[b + 0, s] = a0
        K[b + 1, s] = a1
        K[b + 2, s] = a2
        K[b + 3, s] = a3
        K[b + 4, s] = a4
        K[b + 5, s] = a5
        K[b + 6, s] = a6
        K[b + 7, s] = a7
        K[b + 8, s] = a8
        K[b + 9, s] = a9
        K[b + 10, s] = a10
        K[b + 11, s] = a11
        K[b + 12, s] = a12
        K[b + 13, s] = a13
        K[b + 14, s] = a14
        K[b + 15, s] = a15
