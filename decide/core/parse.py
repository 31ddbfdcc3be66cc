"""Text parsers every floor shares: ``KEY=VALUE`` parameters, ``CRITERION:VALUE`` lists, ``LOW:HIGH``
ranges and numbers, each turned into typed values.

Messages are worded for Python callers (``'x' is not a number``); the command line adds its option
names in one place (:mod:`decide.cli.main`).

>>> split_per_criterion("stability:usual, cost:vshape")
{'stability': 'usual', 'cost': 'vshape'}
>>> parse_range("1:10")
(1.0, 10.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from decide.core.errors import SpecError, UnknownNameError
from decide.core.objectives import OBJECTIVE_WORDS, parse_objective

if TYPE_CHECKING:
    from decide.core.model import Matrix

_PER_CRITERION = re.compile(r"^\s*([^:,]+?)\s*:\s*(.+?)\s*$")


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


__all__ = [
    "OBJECTIVE_WORDS",
    "parse_finite",
    "parse_nonnegative",
    "parse_objective",
    "parse_params",
    "parse_range",
    "per_criterion",
    "split_per_criterion",
]
