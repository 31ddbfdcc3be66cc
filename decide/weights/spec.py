"""The text of weights: ``name=value`` overrides and their checks, and SMAA's ``a>b>c`` chains
(orderings that become weights are :mod:`decide.weights.ordering`).

Messages are worded for Python callers (``weight of 'cost' is 'x', not a number``);
the command line adds its option names in one place (:mod:`decide.cli.main`).

>>> parse_weight_spec("deterrence=0.5, cost=0.1")
{'deterrence': 0.5, 'cost': 0.1}
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

from decide.core.errors import SpecError

if TYPE_CHECKING:
    from decide.core.model import Matrix
    from decide.weights import WeightsResult

#: What ``weights=`` accepts everywhere: overrides as a mapping or ``"name=value,..."`` text, an
#: ordering ``"a>b=c>d"``, an elicited :class:`~decide.weights.WeightsResult`, or a list of
#: mappings and texts (the command line's repeated ``-w``: later values win). See :mod:`decide.weights.apply`.
WeightsLike = Union[Mapping[str, float], str, "WeightsResult", Sequence[Mapping[str, float] | str], "WeightSpec", None]


@dataclass(frozen=True)
class WeightSpec:
    """Weights as given, parsed once: an ordering (or none) and exact overrides by criterion."""

    ordering: str | None
    overrides: dict[str, float]


WEIGHTS_EXAMPLE = "deterrence=0.5,cost=0.1"
ORDER_EXAMPLE = "deterrence>stability>risk>cost"


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
            raise SpecError(f"'{part}' is not NAME=VALUE; write e.g. '{WEIGHTS_EXAMPLE}'", field="weights")
        try:
            number = float(value)
        except ValueError:
            raise SpecError(f"weight of '{name}' is '{value}', not a number", field="weights") from None
        if name in weights:
            raise SpecError(f"criterion '{name}' is given twice", field="weights")
        weights[name] = number
    if not weights:
        raise SpecError(f"is empty; write e.g. '{WEIGHTS_EXAMPLE}'", field="weights")
    return weights


def check_weights(weights: Mapping[str, float]) -> list[str]:
    """Every problem with a set of weights: negative, not finite, or all zero.

    >>> check_weights({"a": -1, "b": 1})
    ["weight of 'a' is -1, weights must be >= 0"]
    """
    from decide.core.limits import magnitude_problem

    problems = []
    for name, weight in weights.items():
        if not isinstance(weight, (int, float)) or isinstance(weight, bool):
            problems.append(f"weight of '{name}' is {weight!r}, expected a number >= 0")
        elif not math.isfinite(weight):
            problems.append(f"weight of '{name}' is {weight}, expected a finite number >= 0")
        elif weight < 0:
            problems.append(f"weight of '{name}' is {weight}, weights must be >= 0")
        elif problem := magnitude_problem(weight):
            problems.append(f"weight of '{name}' {problem}")
    if not problems and weights and math.fsum(weights.values()) <= 0:
        problems.append("all weights are zero; give at least one criterion a positive weight")
    return problems


def parse_order(spec: str, matrix: Matrix) -> list[list[int]]:
    """Criterion indices of each chain of ``"a>b>c"`` (several chains: ``"a>b, c>d"``).

    >>> from decide.core.model import Criterion, Matrix, Strategy
    >>> m = Matrix("X", (Criterion("a", "max", 1), Criterion("b", "max", 1),
    ...                  Criterion("c", "min", 1)), (Strategy("S", {"a": 1, "b": 1, "c": 1}),))
    >>> parse_order("c > a", m)
    [[2, 0]]
    """
    chains: list[list[int]] = []
    seen: set[str] = set()
    names = matrix.criterion_names
    for part in spec.split(","):
        if not part.strip():
            continue
        chain = [name.strip() for name in part.split(">")]
        if len(chain) < 2 or not all(chain):
            raise SpecError(f"'{part.strip()}' is not NAME>NAME[>NAME...]; write e.g. '{ORDER_EXAMPLE}'", field="order")
        for typed in chain:
            name = matrix.criterion(typed).name  # any case; UnknownNameError lists the criteria
            if name in seen:
                raise SpecError(f"criterion '{name}' appears twice; name each criterion once", field="order")
            seen.add(name)
        chains.append([names.index(name) for name in chain])
    if not chains:
        raise SpecError(f"is empty; write e.g. '{ORDER_EXAMPLE}'", field="order")
    return chains
