"""Parsing ``--weights`` strings and applying weight overrides to a matrix.

>>> parse_weight_spec("deterrence=0.5, cost=0.1")
{'deterrence': 0.5, 'cost': 0.1}
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from decide.errors import SpecError

if TYPE_CHECKING:
    from decide.matrix import Matrix

WeightsLike = Mapping[str, float] | str | None


def parse_weight_spec(spec: str) -> dict[str, float]:
    """Parse ``"name=value,name=value"`` into a dict; a :class:`SpecError` says what is wrong."""
    weights: dict[str, float] = {}
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        name, equals, value = part.partition("=")
        name, value = name.strip(), value.strip()
        if not equals or not name or not value:
            raise SpecError(
                f"--weights: '{part}' is not NAME=VALUE; write e.g. 'deterrence=0.5,cost=0.1'"
            )
        try:
            number = float(value)
        except ValueError:
            raise SpecError(
                f"--weights: weight of '{name}' is '{value}', not a number"
            ) from None
        if name in weights:
            raise SpecError(f"--weights: criterion '{name}' is given twice")
        weights[name] = number
    if not weights:
        raise SpecError("--weights: empty; write e.g. 'deterrence=0.5,cost=0.1'")
    return weights


def check_weights(weights: Mapping[str, float], where: str) -> list[str]:
    """Every problem with a set of weights: negative, not finite, or all zero."""
    problems = []
    for name, weight in weights.items():
        if not isinstance(weight, (int, float)) or isinstance(weight, bool):
            problems.append(f"{where}: weight of '{name}' is {weight!r}, expected a number >= 0")
        elif not math.isfinite(weight):
            problems.append(f"{where}: weight of '{name}' is {weight}, expected a finite number >= 0")
        elif weight < 0:
            problems.append(f"{where}: weight of '{name}' is {weight}, weights must be >= 0")
    if not problems and weights and math.fsum(weights.values()) <= 0:
        problems.append(f"{where}: all weights are zero; give at least one criterion a positive weight")
    return problems


def apply_weights(matrix: Matrix, overrides: WeightsLike) -> Matrix:
    """A copy of ``matrix`` whose named criteria take new weights.

    The other criteria keep their share of the file's (normalised) weights, and the
    result is normalised to sum to 1. ``overrides`` is a mapping or a ``--weights``
    string; ``None`` or an empty mapping returns the matrix unchanged.
    """
    if overrides is None:
        return matrix
    if isinstance(overrides, str):
        overrides = parse_weight_spec(overrides)
    if not overrides:
        return matrix
    for name in overrides:
        matrix.criterion(name)  # raises UnknownNameError listing the valid criteria
    merged = {**matrix.weights, **{name: overrides[name] for name in overrides}}
    problems = check_weights(merged, f"{matrix.label}: --weights")
    if problems:
        raise SpecError(problems[0])
    total = math.fsum(merged.values())
    return matrix.with_criterion_weights({name: w / total for name, w in merged.items()})
