"""Every text parser in one place: weights, ``KEY=VALUE`` parameters, ``CRITERION:VALUE``
lists, ``LOW:HIGH`` ranges and ``a>b>c`` orderings, each turned into typed values.

Messages are worded for Python callers (``weight of 'cost' is 'x', not a number``);
the command line adds its option names in one place (:mod:`decide.cli.main`).

>>> parse_weight_spec("deterrence=0.5, cost=0.1")
{'deterrence': 0.5, 'cost': 0.1}
>>> split_per_criterion("stability:usual, cost:vshape")
{'stability': 'usual', 'cost': 'vshape'}
>>> parse_range("1:10")
(1.0, 10.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Union

from decide.core.errors import SpecError, UnknownNameError

if TYPE_CHECKING:
    from decide.core.model import Matrix, Profile
    from decide.weights import WeightsResult

#: What ``weights=`` accepts everywhere: overrides as a mapping or ``"name=value,..."`` text, an
#: ordering ``"a>b=c>d"``, an elicited :class:`~decide.weights.WeightsResult`, or a list of
#: mappings and texts (the command line's repeated ``-w``: later values win). See :mod:`decide.weights.apply`.
WeightsLike = Union[Mapping[str, float], str, "WeightsResult", Sequence[Mapping[str, float] | str], None]

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


def apply_weights(
    matrix: Matrix, overrides: WeightsLike, profile: str | Profile | None = None, weighting: str = "roc"
) -> Matrix:
    """A copy of ``matrix`` weighted by ``profile`` then ``overrides``: see :func:`decide.weights.apply.set_weights`.

    A named criterion gets exactly the value given; the criteria not named share the rest
    in their file proportions; naming every criterion normalises them. ``None`` or an empty
    mapping returns the matrix unchanged.
    """
    if overrides is None and profile is None:
        return matrix
    from decide.weights.apply import set_weights

    return set_weights(matrix, overrides, profile=profile, weighting=weighting)


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    """``["v=0.3"]`` -> ``{"v": "0.3"}``; each method converts its own values.

    >>> parse_params(["v=0.3", "use_compromise_set=false"])
    {'v': '0.3', 'use_compromise_set': 'false'}
    """
    params: dict[str, str] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key.strip() or not value.strip():
            raise SpecError(f"'{pair}' is not KEY=VALUE; write e.g. v=0.3", field="params")
        params[key.strip()] = value.strip()
    return params


_PER_CRITERION = re.compile(r"^\s*([^:,]+?)\s*:\s*(.+?)\s*$")


def split_per_criterion(text: str) -> dict[str, str]:
    """Split ``"cost:2, risk:3"`` by criterion; a single value applies to all (``*``).

    >>> split_per_criterion("1:10")
    {'*': '1:10'}
    """
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise ValueError("it is empty")
    if len(parts) == 1 and (not re.match(r"^\s*[A-Za-z_]", parts[0]) or ":" not in parts[0]):
        return {"*": parts[0]}
    result: dict[str, str] = {}
    for part in parts:
        match = _PER_CRITERION.match(part)
        if not match:
            raise ValueError(f"'{part}' is not CRITERION:VALUE")
        if match.group(1) in result:
            raise ValueError(f"criterion '{match.group(1)}' is given twice")
        result[match.group(1)] = match.group(2)
    return result


def parse_range(text: str) -> tuple[float, float]:
    """``"LOW:HIGH"`` with LOW < HIGH, both finite."""
    low, colon, high = text.partition(":")
    try:
        bounds = (float(low), float(high))
    except ValueError:
        raise ValueError(f"'{text}' is not LOW:HIGH") from None
    if not colon or not all(math.isfinite(b) for b in bounds) or bounds[0] >= bounds[1]:
        raise ValueError(f"'{text}' is not LOW:HIGH with LOW < HIGH")
    return bounds


def parse_finite(text: str) -> float:
    """Any finite number.

    >>> parse_finite("2.5")
    2.5
    """
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"'{text}' is not a finite number")
    return number


def parse_nonnegative(text: str) -> float:
    """A finite number >= 0."""
    number = parse_finite(text)
    if number < 0:
        raise ValueError(f"'{text}' is not a number >= 0")
    return number


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
            raise SpecError(
                f"'{part.strip()}' is not NAME>NAME[>NAME...]; write e.g. '{ORDER_EXAMPLE}'", field="order"
            )
        for typed in chain:
            name = matrix.criterion(typed).name  # any case; UnknownNameError lists the criteria
            if name in seen:
                raise SpecError(f"criterion '{name}' appears twice; name each criterion once", field="order")
            seen.add(name)
        chains.append([names.index(name) for name in chain])
    if not chains:
        raise SpecError(f"is empty; write e.g. '{ORDER_EXAMPLE}'", field="order")
    return chains


def per_criterion(matrix: Matrix, values: Mapping[str, Any] | None, what: str) -> dict[str, Any]:
    """A per-criterion parameter spread over ``matrix``'s criteria (``*`` = every one).

    Criteria not named get no value; a name that is not a criterion raises
    :class:`UnknownNameError` listing the criteria.
    """
    if not values:
        return {}
    if "*" in values:
        return {name: values["*"] for name in matrix.criterion_names}
    for name in values:
        if name not in matrix.criterion_names:
            raise UnknownNameError(
                f"{matrix.label}: {what} names unknown criterion '{name}'; "
                f"criteria are: {', '.join(matrix.criterion_names)}"
            )
    return dict(values)
