"""Preconditions shared by several methods; each names the criterion and strategy and says what to do."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decide.core.model import Matrix
    from decide.methods.base import Method

OTHER_METHOD = "or rank with a method that takes any value, such as topsis or vikor"


def _value_word(value: float) -> str:
    return "a zero" if value == 0 else f"a negative value ({value:g})"


def require_positive(
    method: Method, matrix: Matrix, why: str, *, strict: bool = True, objective: str | None = None
) -> None:
    """Every value (of the criteria with ``objective``, if given) is > 0 (>= 0 if not ``strict``)."""
    for criterion in matrix.criteria:
        if objective is not None and criterion.objective != objective:
            continue
        for strategy in matrix.strategies:
            value = float(strategy.scores[criterion.name])
            if value < 0 or (strict and value == 0):
                raise method.fail(
                    matrix,
                    f"criterion '{criterion.name}' has {_value_word(value)} for strategy '{strategy.name}'",
                    f"{why}; rescale the scores so that every value is {'above' if strict else 'at least'} 0, "
                    f"{OTHER_METHOD}",
                )


def require_nonzero_columns(method: Method, matrix: Matrix, why: str) -> None:
    """No criterion is zero for every strategy."""
    for criterion in matrix.criteria:
        if all(float(s.scores[criterion.name]) == 0 for s in matrix.strategies):
            raise method.fail(
                matrix,
                f"criterion '{criterion.name}' is zero for every strategy",
                f"{why}; drop the criterion or give it nonzero scores",
            )


def require_positive_weights(method: Method, matrix: Matrix, why: str) -> None:
    """Every criterion has a weight above 0."""
    for name, weight in matrix.weights.items():
        if weight <= 0:
            raise method.fail(
                matrix,
                f"criterion '{name}' has weight 0",
                f"{why}; give it a positive weight or remove the criterion from the file",
            )


def require_positive_means(method: Method, matrix: Matrix, why: str) -> None:
    """Every criterion's average is above 0."""
    for criterion in matrix.criteria:
        values = [float(s.scores[criterion.name]) for s in matrix.strategies]
        mean = math.fsum(values) / len(values)
        if mean <= 0:
            raise method.fail(matrix, f"criterion '{criterion.name}' has an average of {mean:g}", why)


VECTOR_NORM = "vector normalisation divides by each criterion's norm"
SUM_NORM = "sum normalisation divides by each criterion's total"
SUM_NONNEGATIVE = "sum normalisation needs values of at least 0"


def require_normalisable(method: Method, matrix: Matrix, how: str) -> None:
    """What ``how`` (a :mod:`decide.methods.normalise` name) needs of the scores.

    ``linear`` and ``sum`` divide by each cost value (above 0) and by a benefit
    criterion's largest value or total (values at least 0, not all 0); ``max`` and
    ``vector`` divide by the largest value or the norm (values at least 0, not all 0).
    """
    if how in ("linear", "sum"):
        require_positive(method, matrix, f"{how} normalisation divides by cost values", objective="min")
    if how in ("linear", "sum", "max", "vector"):
        require_positive(method, matrix, f"{how} normalisation needs values of at least 0", strict=False)
        require_nonzero_columns(method, matrix, f"{how} normalisation divides by each criterion's largest value")
