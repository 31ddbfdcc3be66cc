"""ELECTRE II's scores in numpy, without importing scikit-criteria (which loads scipy.stats,
seaborn and matplotlib: about a second of a report's start-up).

The arithmetic is scikit-criteria's ``electre2_gomez2004tomada`` (skcriteria.agg.electre,
BSD-3-Clause, (c) 2016-2021 Juan Cabral and Nadia Luczywo, (c) 2022-2025 QuatroPe),
operation for operation, so the scores are the same bit for bit; tests compare them with
scikit-criteria's on random matrices. Only the score (the mean of the direct and the
inverse rank) is computed: decide ranks it itself.

>>> import numpy as np
>>> table = np.array([[9.0, 2.0, 5.0], [5.0, 5.0, 4.0], [3.0, 4.0, 1.0], [4.0, 8.0, 2.0]])
>>> electre2_scores(table, np.array([1, -1, 1]), np.array([0.4, 0.3, 0.3])).tolist()
[1.0, 2.0, 3.0, 3.0]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: scikit-criteria's codes for a criterion to maximise and to minimise.
MAX, MIN = 1, -1


def concordance(matrix: np.ndarray, objectives: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """For each pair (a, b), the weight of the criteria on which a is at least as good as b."""
    import numpy as np

    count = len(matrix)
    objective_rows = np.tile(objectives, (count, 1))
    weight_rows = np.tile(weights, (count, 1))
    out = np.empty((count, count), dtype=float)
    for index, row in enumerate(matrix):
        difference = row - matrix
        outrank = ((objective_rows == MAX) & (difference >= 0)) | ((objective_rows == MIN) & (difference <= 0))
        out[index] = np.sum(weight_rows * outrank.astype(int), axis=1)
    np.fill_diagonal(out, np.nan)
    return out


def discordance(matrix: np.ndarray, objectives: np.ndarray) -> np.ndarray:
    """For each pair (a, b), b's largest advantage over a, divided by the largest range of scores."""
    import numpy as np

    count = len(matrix)
    objective_rows = np.tile(objectives, (count, 1))
    largest_range = (np.max(matrix, axis=0) - np.min(matrix, axis=0)).max()
    out = np.empty((count, count), dtype=float)
    for index, row in enumerate(matrix):
        difference = matrix - row
        worse = ((objective_rows == MAX) & (difference > 0)) | ((objective_rows == MIN) & (difference < 0))
        out[index] = np.max(np.abs(difference * worse) / largest_range, axis=1)
    np.fill_diagonal(out, np.nan)
    return out


def _ranker(strong: np.ndarray, weak: np.ndarray, invert: bool) -> np.ndarray:
    """Rank by removing, round after round, the strategies that nothing outranks."""
    import numpy as np

    count = len(strong)
    ranking = np.zeros(count, dtype=int)
    strong, weak = np.copy(strong), np.copy(weak)
    left = np.arange(count)
    position = 1
    while len(weak) or len(strong):
        kernel = ~strong.any(axis=0) & ~weak.any(axis=0)
        if not np.any(kernel):
            ranking[ranking == 0] = position
            break
        assign = np.zeros(count, dtype=int)
        assign[left[kernel]] = position
        ranking = ranking + assign
        keep = np.argwhere(~kernel).flatten()
        strong = strong[keep][:, keep]
        weak = weak[keep][:, keep]
        left = left[keep]
        position += 1
    if invert:
        ranking = (np.max(ranking) + 1) - ranking
    return ranking


def electre2_scores(
    matrix: np.ndarray,
    objectives: np.ndarray,
    weights: np.ndarray,
    p0: float = 0.65,
    p1: float = 0.5,
    p2: float = 0.35,
    q0: float = 0.65,
    q1: float = 0.35,
) -> np.ndarray:
    """The mean of the direct and the inverse ELECTRE II rank of every strategy (lower is
    better); ``objectives`` holds 1 (maximise) or -1 (minimise) per criterion."""
    import numpy as np

    conc = concordance(matrix, objectives, weights)
    disc = discordance(matrix, objectives)
    with np.errstate(invalid="ignore"):
        ahead = conc > conc.T
        strong = ((conc >= p0) & (disc <= q0) & ahead) | ((conc >= p1) & (disc <= q1) & ahead)
        weak = ((conc >= p2) & (disc <= q0) & ahead) & (~strong)
    direct = _ranker(strong, weak, invert=False)
    inverse = _ranker(strong.T, weak.T, invert=True)
    return (direct + inverse) / 2.0


__all__ = ["concordance", "discordance", "electre2_scores"]
