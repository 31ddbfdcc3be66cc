"""Sixteen rows of SMAA's keys sorted in registers (a numba kernel of
:mod:`decide.analysis.smaa_kernels`, imported only when the kernels are used).

The comparators are those of :func:`decide.analysis.smaa_jit.network` for 16 inputs,
written out so that the sixteen values of a draw stay in registers.
"""

from __future__ import annotations

import numba

_jit = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy")


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


@_jit
def clean16(K, b, size):
    """The last four steps of a bitonic merge on rows b .. b+15 of ``K`` (comparators
    (i, i+8), (i, i+4), (i, i+2), (i, i+1) within aligned groups), in registers: sorts
    each column of sixteen rows whose halves are each bitonic, the lower all below the
    upper (what the merge's earlier steps leave)."""
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
        a0, a8 = (a0 if a0 < a8 else a8), (a8 if a0 < a8 else a0)
        a1, a9 = (a1 if a1 < a9 else a9), (a9 if a1 < a9 else a1)
        a2, a10 = (a2 if a2 < a10 else a10), (a10 if a2 < a10 else a2)
        a3, a11 = (a3 if a3 < a11 else a11), (a11 if a3 < a11 else a3)
        a4, a12 = (a4 if a4 < a12 else a12), (a12 if a4 < a12 else a4)
        a5, a13 = (a5 if a5 < a13 else a13), (a13 if a5 < a13 else a5)
        a6, a14 = (a6 if a6 < a14 else a14), (a14 if a6 < a14 else a6)
        a7, a15 = (a7 if a7 < a15 else a15), (a15 if a7 < a15 else a7)
        a0, a4 = (a0 if a0 < a4 else a4), (a4 if a0 < a4 else a0)
        a1, a5 = (a1 if a1 < a5 else a5), (a5 if a1 < a5 else a1)
        a2, a6 = (a2 if a2 < a6 else a6), (a6 if a2 < a6 else a2)
        a3, a7 = (a3 if a3 < a7 else a7), (a7 if a3 < a7 else a3)
        a8, a12 = (a8 if a8 < a12 else a12), (a12 if a8 < a12 else a8)
        a9, a13 = (a9 if a9 < a13 else a13), (a13 if a9 < a13 else a9)
        a10, a14 = (a10 if a10 < a14 else a14), (a14 if a10 < a14 else a10)
        a11, a15 = (a11 if a11 < a15 else a15), (a15 if a11 < a15 else a11)
        a0, a2 = (a0 if a0 < a2 else a2), (a2 if a0 < a2 else a0)
        a1, a3 = (a1 if a1 < a3 else a3), (a3 if a1 < a3 else a1)
        a4, a6 = (a4 if a4 < a6 else a6), (a6 if a4 < a6 else a4)
        a5, a7 = (a5 if a5 < a7 else a7), (a7 if a5 < a7 else a5)
        a8, a10 = (a8 if a8 < a10 else a10), (a10 if a8 < a10 else a8)
        a9, a11 = (a9 if a9 < a11 else a11), (a11 if a9 < a11 else a9)
        a12, a14 = (a12 if a12 < a14 else a14), (a14 if a12 < a14 else a12)
        a13, a15 = (a13 if a13 < a15 else a15), (a15 if a13 < a15 else a13)
        a0, a1 = (a0 if a0 < a1 else a1), (a1 if a0 < a1 else a0)
        a2, a3 = (a2 if a2 < a3 else a3), (a3 if a2 < a3 else a2)
        a4, a5 = (a4 if a4 < a5 else a5), (a5 if a4 < a5 else a4)
        a6, a7 = (a6 if a6 < a7 else a7), (a7 if a6 < a7 else a6)
        a8, a9 = (a8 if a8 < a9 else a9), (a9 if a8 < a9 else a8)
        a10, a11 = (a10 if a10 < a11 else a11), (a11 if a10 < a11 else a10)
        a12, a13 = (a12 if a12 < a13 else a13), (a13 if a12 < a13 else a12)
        a14, a15 = (a14 if a14 < a15 else a15), (a15 if a14 < a15 else a14)
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
