"""Sixteen rows of SMAA's keys sorted in registers (a numba kernel of
:mod:`decide.analysis.smaa_kernels`, imported only when the kernels are used).

The comparators are those of :func:`decide.analysis.smaa_network.network` for 16 inputs,
written out so that the sixteen values of a draw stay in registers.
"""

from __future__ import annotations

import numba
import numpy as np

_jit = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy")

#: Draws per sub-block, the row length of every work array: row ``i`` of a sub-block's keys
#: is ``K[i * SC : i * SC + SC]`` of a flat array. A constant known when the kernels are
#: compiled, so that the compiler sees rows a whole number of rows apart and vectorises the
#: loops over draws without checking at run time whether the rows overlap (checks that
#: cost more than sorting a short row); small enough that 100 rows stay in the L1 cache.
SC = 64

#: Offsets of the sixteen rows of a group, as unsigned numbers (no wraparound for negative
#: indices to compute: the offsets stay plain additions the compiler can see through).
R0, R1, R2, R3, R4, R5, R6, R7 = (np.uint64(j * SC) for j in range(8))
R8, R9, R10, R11, R12, R13, R14, R15 = (np.uint64(j * SC) for j in range(8, 16))


@_jit
def sort16(K, b, size):
    """Sort rows b .. b+15 of ``K`` (every draw's column) by the 63 comparators of
    ``network(16)`` with the sixteen values held in registers: one load and one store
    each, where the comparator loop (:func:`order_and_count`) loads and stores both
    values of every comparator."""
    base = np.uint64(b * SC)
    for s in range(np.uint64(size)):
        o = base + s
        a0, a1, a2, a3, a4, a5, a6, a7 = (
            K[o + R0],
            K[o + R1],
            K[o + R2],
            K[o + R3],
            K[o + R4],
            K[o + R5],
            K[o + R6],
            K[o + R7],
        )
        a8, a9, a10, a11, a12, a13, a14, a15 = (
            K[o + R8],
            K[o + R9],
            K[o + R10],
            K[o + R11],
            K[o + R12],
            K[o + R13],
            K[o + R14],
            K[o + R15],
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
        K[o + R0] = a0
        K[o + R1] = a1
        K[o + R2] = a2
        K[o + R3] = a3
        K[o + R4] = a4
        K[o + R5] = a5
        K[o + R6] = a6
        K[o + R7] = a7
        K[o + R8] = a8
        K[o + R9] = a9
        K[o + R10] = a10
        K[o + R11] = a11
        K[o + R12] = a12
        K[o + R13] = a13
        K[o + R14] = a14
        K[o + R15] = a15


@_jit
def clean16(K, b, size):
    """The last four steps of a bitonic merge on rows b .. b+15 of ``K`` (comparators
    (i, i+8), (i, i+4), (i, i+2), (i, i+1) within aligned groups), in registers: sorts
    each column of sixteen rows whose halves are each bitonic, the lower all below the
    upper (what the merge's earlier steps leave)."""
    base = np.uint64(b * SC)
    for s in range(np.uint64(size)):
        o = base + s
        a0, a1, a2, a3, a4, a5, a6, a7 = (
            K[o + R0],
            K[o + R1],
            K[o + R2],
            K[o + R3],
            K[o + R4],
            K[o + R5],
            K[o + R6],
            K[o + R7],
        )
        a8, a9, a10, a11, a12, a13, a14, a15 = (
            K[o + R8],
            K[o + R9],
            K[o + R10],
            K[o + R11],
            K[o + R12],
            K[o + R13],
            K[o + R14],
            K[o + R15],
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
        K[o + R0] = a0
        K[o + R1] = a1
        K[o + R2] = a2
        K[o + R3] = a3
        K[o + R4] = a4
        K[o + R5] = a5
        K[o + R6] = a6
        K[o + R7] = a7
        K[o + R8] = a8
        K[o + R9] = a9
        K[o + R10] = a10
        K[o + R11] = a11
        K[o + R12] = a12
        K[o + R13] = a13
        K[o + R14] = a14
        K[o + R15] = a15
