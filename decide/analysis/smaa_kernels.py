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

#: Kinds of key (see :mod:`decide.analysis.smaa_jit`).
LINEAR, TOPSIS = 0, 1
#: Normalisations of drawn tables.
VECTOR, MINMAX = 0, 1


@_jit
def weights_into(raw, normalise, W, wt, d0, size, squared):
    """Weights of draws d0 .. d0+size into ``W`` and, transposed (squared for TOPSIS), into
    ``wt`` (criteria x sub-block); ``raw`` divided by its row sum, summed from the left as
    :func:`decide.core.ranks.row_sums` sums fewer than 8 columns."""
    n = raw.shape[1]
    for s in range(size):
        d = d0 + s
        if normalise:
            total = raw[d, 0] + 0.0
            for c in range(1, n):
                total += raw[d, c]
            for c in range(n):
                W[d, c] = raw[d, c] / total
        for c in range(n):
            value = W[d, c]
            wt[c, s] = value * value if squared else value


@_jit
def closeness(P, Q, K, size):
    """TOPSIS's closeness d- / (d+ + d-) = 1 / (1 + sqrt(d+^2 / d-^2)), negated (lower is better)."""
    for i in range(K.shape[0]):
        for s in range(size):
            K[i, s] = -1.0 / (1.0 + math.sqrt(P[i, s] / Q[i, s]))


@_jit
def order_and_count(K, pa, pb, bits, safe, size, d0, W, counts, firstw, tied, tol, bad):
    """Order the keys ``K`` of draws d0 .. d0+size by the network (pa, pb) and count them;
    flag in ``tied`` the draws with neighbours within ``safe`` of their largest key."""
    m = K.shape[0]
    n = W.shape[1]
    mask = (1 << bits) - 1
    keep = ~np.int64(mask)
    Ki = K.view(np.int64)
    for s in range(size):
        tol[s] = 0.0
        bad[s] = False
    for i in range(m):
        for s in range(size):
            key = K[i, s]
            magnitude = abs(key)
            tol[s] = magnitude if magnitude > tol[s] else tol[s]
            bad[s] |= key - key != 0.0  # NaN or infinite
            Ki[i, s] = (Ki[i, s] & keep) | i
    for t in range(len(pa)):
        a = pa[t]
        b = pb[t]
        for s in range(size):
            x = K[a, s]
            y = K[b, s]
            low = x if x < y else y
            high = y if x < y else x
            # "+ 0.0" keeps the compiler from storing only the changed values (a masked
            # store, several times slower on some processors)
            K[a, s] = low + 0.0
            K[b, s] = high + 0.0
    for s in range(size):
        bad[s] |= tol[s] < 1e-290  # every key (about) zero: the packed bits would decide
        tol[s] *= safe
    for i in range(m - 1):
        for s in range(size):
            bad[s] |= K[i + 1, s] - K[i, s] <= tol[s]
    flagged = 0
    for s in range(size):
        d = d0 + s
        if bad[s]:
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
def fixed(raw, normalise, kind, A, B, pa, pb, bits, safe, counts, firstw, W, tied, S):
    """Fixed scores: keys ``sum_c A[c, i] w_c`` (LINEAR) or TOPSIS's closeness from
    ``P = sum_c A[c, i] w_c^2`` and ``Q = sum_c B[c, i] w_c^2`` (A, B criteria x strategies)."""
    D, n = raw.shape
    m = A.shape[1]
    K = np.empty((m, S))
    P = np.empty((m, S))
    Q = np.empty((m, S))
    wt = np.empty((n, S))
    tol = np.empty(S)
    bad = np.empty(S, np.bool_)
    flagged = 0
    for d0 in range(0, D, S):
        size = min(S, D - d0)
        weights_into(raw, normalise, W, wt, d0, size, kind == TOPSIS)
        if kind == LINEAR:
            for i in range(m):
                for s in range(size):
                    K[i, s] = 0.0
                for c in range(n):
                    a = A[c, i]
                    for s in range(size):
                        K[i, s] += a * wt[c, s]
        else:
            for i in range(m):
                for s in range(size):
                    P[i, s] = 0.0
                    Q[i, s] = 0.0
                for c in range(n):
                    a = A[c, i]
                    b = B[c, i]
                    for s in range(size):
                        P[i, s] += a * wt[c, s]
                        Q[i, s] += b * wt[c, s]
            closeness(P, Q, K, size)
        flagged += order_and_count(K, pa, pb, bits, safe, size, d0, W, counts, firstw, tied, tol, bad)
    return flagged


@_jit
def ranged(raw, normalise, kind, how, cost, low, width, U, pa, pb, bits, safe, counts, firstw, W, tied, S):
    """Scores drawn within their ranges: cell (i, c) of draw d is
    ``low[i, c] + width[i, c] * U[d, i * n + c]`` (as :func:`decide.core.ranks.draw_tables`
    computes it), normalised per draw and criterion (VECTOR: x / sqrt(sum x^2), 1 - that
    for a cost; MINMAX: (x - min) / (max - min), reversed for a cost, 0 for a constant
    column), then weighted (LINEAR: the sum, negated; TOPSIS: the closeness)."""
    D, n = raw.shape
    m = low.shape[0]
    K = np.empty((m, S))
    P = np.empty((m, S))
    Q = np.empty((m, S))
    X = np.empty((m, S))
    wt = np.empty((n, S))
    top = np.empty(S)
    bottom = np.empty(S)
    tol = np.empty(S)
    bad = np.empty(S, np.bool_)
    flagged = 0
    for d0 in range(0, D, S):
        size = min(S, D - d0)
        weights_into(raw, normalise, W, wt, d0, size, kind == TOPSIS)
        for i in range(m):
            for s in range(size):
                P[i, s] = 0.0
                Q[i, s] = 0.0
        for c in range(n):
            for i in range(m):
                base = low[i, c]
                step = width[i, c]
                cell = i * n + c
                if step == 0.0:
                    for s in range(size):
                        X[i, s] = base
                else:
                    for s in range(size):
                        X[i, s] = base + step * U[d0 + s, cell]
            if how == VECTOR:
                for s in range(size):
                    top[s] = 0.0
                for i in range(m):
                    for s in range(size):
                        top[s] += X[i, s] * X[i, s]
                for s in range(size):
                    top[s] = math.sqrt(top[s])
                for i in range(m):
                    for s in range(size):
                        value = X[i, s] / top[s]
                        X[i, s] = 1.0 - value if cost[c] else value
            else:
                for s in range(size):
                    top[s] = X[0, s]
                    bottom[s] = X[0, s]
                for i in range(1, m):
                    for s in range(size):
                        value = X[i, s]
                        top[s] = value if value > top[s] else top[s]
                        bottom[s] = value if value < bottom[s] else bottom[s]
                for i in range(m):
                    for s in range(size):
                        spread = top[s] - bottom[s]
                        gap = top[s] - X[i, s] if cost[c] else X[i, s] - bottom[s]
                        X[i, s] = gap / spread if spread != 0.0 else 0.0
            if kind == LINEAR:
                for i in range(m):
                    for s in range(size):
                        P[i, s] += X[i, s] * wt[c, s]
            else:
                for s in range(size):
                    top[s] = X[0, s]
                    bottom[s] = X[0, s]
                for i in range(1, m):
                    for s in range(size):
                        value = X[i, s]
                        top[s] = value if value > top[s] else top[s]
                        bottom[s] = value if value < bottom[s] else bottom[s]
                for i in range(m):
                    for s in range(size):
                        better = top[s] - X[i, s]
                        worse = X[i, s] - bottom[s]
                        P[i, s] += better * better * wt[c, s]
                        Q[i, s] += worse * worse * wt[c, s]
        if kind == LINEAR:
            for i in range(m):
                for s in range(size):
                    K[i, s] = -P[i, s]
        else:
            closeness(P, Q, K, size)
        flagged += order_and_count(K, pa, pb, bits, safe, size, d0, W, counts, firstw, tied, tol, bad)
    return flagged
