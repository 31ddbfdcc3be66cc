"""Column normalisations with the usual names, written once for every vectorised method.

Each maps a criterion's values so that more is better on every criterion:

========  =========================  ==============================
name      benefit (max) criterion    cost (min) criterion
========  =========================  ==============================
linear    x / max                    min / x
minmax    (x - min) / (max - min)    (max - x) / (max - min)
max       x / max                    1 - x / max
sum       x / sum x                  (1 / x) / sum (1 / x)
vector    x / sqrt(sum x^2)          1 - x / sqrt(sum x^2)
none      x                          1 / x
========  =========================  ==============================

A constant column becomes 0 under ``minmax`` (it carries no information). Arrays
are strategies x criteria, or samples x strategies x criteria (columns along axis -2).

>>> import numpy as np
>>> normalise(np.array([[2.0, 4.0], [4.0, 2.0]]), np.array([False, True]), "linear").tolist()
[[0.5, 0.5], [1.0, 1.0]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

NORMALISATIONS = ("linear", "minmax", "max", "sum", "vector")


def safe_divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """``numerator / denominator``, 0 where the denominator is 0 (a constant column)."""
    import numpy as np

    zero = denominator == 0
    return np.where(zero, 0.0, numerator / np.where(zero, 1.0, denominator))


def normalise(table: np.ndarray, cost: np.ndarray, how: str) -> np.ndarray:
    """``table`` normalised column by column as ``how`` says, every criterion oriented to benefit."""
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        return _normalise(table, cost, how)


def _normalise(table: np.ndarray, cost: np.ndarray, how: str) -> np.ndarray:
    import numpy as np

    high = table.max(axis=-2, keepdims=True)
    low = table.min(axis=-2, keepdims=True)
    if how == "minmax":
        gaps = table - low
        if np.ndim(cost) == 1 and table.shape[-1] == len(cost):  # the cost columns only: the same values
            if cost.any():
                gaps[..., cost] = high[..., cost] - table[..., cost]
        else:
            gaps = np.where(cost, high - table, gaps)
        return safe_divide(gaps, high - low)
    if how == "linear":
        return np.where(cost, low / table, table / high)
    if how == "max":
        scaled = table / high
        return np.where(cost, 1 - scaled, scaled)
    if how == "sum":
        inverse = 1 / table
        return np.where(cost, inverse / inverse.sum(axis=-2, keepdims=True), table / table.sum(axis=-2, keepdims=True))
    if how == "vector":
        norm = np.sqrt((table**2).sum(axis=-2, keepdims=True))
        scaled = table / norm
        return np.where(cost, 1 - scaled, scaled)
    if how == "none":
        return np.where(cost, 1 / table, table)
    raise ValueError(f"unknown normalisation '{how}'")


def weighted_sum(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Per sample, ``values @ weight``: one table (strategies x criteria) or one per sample."""
    import numpy as np

    if values.ndim == 2:
        return weights @ values.T
    return np.einsum("snm,sm->sn", values, weights)
