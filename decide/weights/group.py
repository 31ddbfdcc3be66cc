"""A group's weights from each member's: the aggregation of individual priorities (AIP: the
normalised geometric mean of each member's normalised weights) and of individual judgments (AIJ:
the element-wise geometric mean of the members' AHP pairwise matrices, then AHP on it), as
Forman and Peniwati (1998, "Aggregating individual judgments and priorities with the analytic
hierarchy process", EJOR 108(1), 165-169) describe them; and Kendall's coefficient of concordance W
of the members' orderings of the criteria.

>>> aip([{"a": 0.5, "b": 0.5}, {"a": 0.8, "b": 0.2}])
{'a': 0.666667, 'b': 0.333333}
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from decide.core.errors import SpecError
from decide.weights.elicit import ahp
from decide.weights.result import WeightsResult


def _importance(members: Sequence[float] | None, count: int) -> Any:
    """Each member's share of the group (``members``: one number >= 0 each, normalised; equal when
    ``None``), as the exponents of the weighted geometric mean."""
    if members is None:
        return np.full(count, 1 / count)
    shares = np.asarray([float(m) for m in members])
    if len(shares) != count or not np.isfinite(shares).all() or (shares < 0).any() or shares.sum() <= 0:
        raise SpecError(f"give {count} member weights, numbers >= 0 and not all 0, one per member", field="members")
    return shares / shares.sum()


def aip(weights: Sequence[Mapping[str, float]], members: Sequence[float] | None = None) -> dict[str, float]:
    """The group's weights (AIP): each member's weights normalised to sum to 1, their geometric mean
    per criterion (weighted by ``members``, each member's share of the group; equal when ``None``),
    normalised again; rounded to 6 decimals. A criterion any member weighs 0 gets 0."""
    if not weights:
        raise SpecError("no members' weights to aggregate", field="weights")
    names = list(weights[0])
    table = np.array([[float(w[name]) for name in names] for w in weights])
    table = table / table.sum(axis=1, keepdims=True)
    shares = _importance(members, len(weights))
    with np.errstate(divide="ignore"):
        logs = np.log(table)
    logs = np.where(shares[:, None] > 0, logs, 0.0)  # a member with no share does not count
    means = np.exp((shares[:, None] * logs).sum(axis=0))
    if means.sum() <= 0:
        raise SpecError("the members' weights share no criterion that every member weighs above 0", field="weights")
    group = means / means.sum()
    return {name: round(float(value), 6) for name, value in zip(names, group, strict=True)}


def aij(matrices: Sequence[Any], criteria: Sequence[str], members: Sequence[float] | None = None) -> WeightsResult:
    """The group's AHP weights (AIJ): the element-wise geometric mean of the members' pairwise
    matrices (weighted by ``members``, each member's share of the group; equal when ``None``;
    reciprocal again, as every member's is), then :func:`~decide.weights.elicit.ahp` on it,
    with the group matrix's consistency ratio; ``extras["group_matrix"]`` holds the matrix.

    >>> result = aij([[[1, 2], [1 / 2, 1]], [[1, 8], [1 / 8, 1]]], ["a", "b"])
    >>> result.extras["group_matrix"][0][1], result.as_mapping()
    (4.0, {'a': 0.8, 'b': 0.2})
    """
    arrays = [np.asarray(m, dtype=float) for m in matrices]
    if not arrays:
        raise SpecError("no members' judgments to aggregate", field="ahp")
    shapes = {a.shape for a in arrays}
    if len(shapes) != 1 or arrays[0].shape != (len(criteria), len(criteria)):
        raise SpecError(
            f"every member's matrix must be {len(criteria)} x {len(criteria)}, one row per criterion", field="ahp"
        )
    if any((a <= 0).any() for a in arrays):
        raise SpecError("judgments must be positive (Saaty's scale 1/9..9)", field="ahp")
    shares = _importance(members, len(arrays))
    group = np.exp(np.tensordot(shares, np.log(np.array(arrays)), axes=1))
    result = ahp(group, list(criteria), "group")
    extras = {
        **result.extras,
        "members": len(arrays),
        "group_matrix": [[round(float(v), 12) for v in row] for row in group],
    }
    return WeightsResult(
        "ahp (AIJ: geometric mean of the members' judgments)", result.weights, extras, warnings=result.warnings
    )


def _ranks(values: Sequence[float]) -> list[float]:
    """Ranks, 1 = largest, ties sharing the mean of their ranks."""
    order = sorted(range(len(values)), key=lambda i: -values[i])
    ranks = [0.0] * len(values)
    position = 0
    while position < len(order):
        end = position
        while end + 1 < len(order) and values[order[end + 1]] == values[order[position]]:
            end += 1
        for index in order[position : end + 1]:
            ranks[index] = (position + end) / 2 + 1
        position = end + 1
    return ranks


def kendall_w(weights: Sequence[Mapping[str, float]]) -> float | None:
    """Kendall's W (0: no agreement, 1: the same ordering) of the members' orderings of the criteria by
    weight, with the correction for ties (Kendall and Babington Smith 1939); ``None`` when undefined
    (one member, one criterion, or every member weighs every criterion the same).

    >>> kendall_w([{"a": 3, "b": 2, "c": 1}, {"a": 3, "b": 2, "c": 1}])
    1.0
    >>> kendall_w([{"a": 3, "b": 2, "c": 1}, {"a": 1, "b": 2, "c": 3}])
    0.0
    """
    m = len(weights)
    if m < 2:
        return None
    names = list(weights[0])
    n = len(names)
    ranks = [_ranks([float(w[name]) for name in names]) for w in weights]
    totals = [sum(r[i] for r in ranks) for i in range(n)]
    mean = sum(totals) / n
    s = sum((t - mean) ** 2 for t in totals)
    ties = 0.0
    for r in ranks:
        for value in set(r):
            t = r.count(value)
            ties += t**3 - t
    denominator = m**2 * (n**3 - n) - m * ties
    if denominator <= 0:
        return None
    w = 12 * s / denominator
    return round(w, 12) if math.isfinite(w) else None


__all__ = ["aij", "aip", "kendall_w"]
