"""Weights from an importance ordering (``deterrence>stability=risk>cost``): rank order
centroid (ROC), rank sum (RS) and rank reciprocal (RR), ties sharing their places.

>>> roc("a>b=c").as_mapping()
{'a': 0.6111, 'b': 0.1944, 'c': 0.1944}
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from decide.core.defaults import WEIGHTING_RULES
from decide.core.errors import SpecError, UnknownNameError
from decide.core.suggest import did_you_mean

if TYPE_CHECKING:
    pass

from decide.weights.result import WeightsResult, _pandas

Tiers = list[list[str]]


OrderLike = str | Sequence[Sequence[str]]


def _resolve(name: str, criteria: Sequence[str], where: str) -> str:
    """``name`` in the criteria's own spelling (case-insensitive), or a SpecError with a suggestion."""
    by_folded = {criterion.casefold(): criterion for criterion in criteria}
    found = by_folded.get(name.strip().casefold())
    if found is not None:
        return found
    hint = did_you_mean(name, criteria)
    raise SpecError(f"{where}: unknown criterion '{name}'{hint}; choose from: {', '.join(criteria)}")


def parse_order(text: str, criteria: Sequence[str], where: str = "order") -> Tiers:
    """Split an importance ordering, most important first, into tiers (``=`` ties criteria).

    >>> parse_order("Deterrence>stability=RISK>cost", ["stability", "deterrence", "cost", "risk"])
    [['deterrence'], ['stability', 'risk'], ['cost']]
    """
    example = "write e.g. 'deterrence>stability=risk>cost' (most important first, '=' for ties)"
    if not text.strip():
        raise SpecError(f"{where}: empty; {example}")
    for bad in "<,;":
        if bad in text:
            raise SpecError(f"{where}: '{bad}' is not allowed in '{text}'; {example}")
    tiers: Tiers = []
    seen: set[str] = set()
    for tier_text in text.split(">"):
        tier = []
        for part in tier_text.split("="):
            if not part.strip():
                raise SpecError(f"{where}: empty name in '{text}'; {example}")
            name = _resolve(part, criteria, where)
            if name in seen:
                raise SpecError(f"{where}: criterion '{name}' appears twice in '{text}'; name each criterion once")
            seen.add(name)
            tier.append(name)
        tiers.append(tier)
    missing = [name for name in criteria if name not in seen]
    if missing:
        raise SpecError(f"{where}: '{text}' leaves out {', '.join(missing)}; every criterion must be placed")
    return tiers


def _format_order(tiers: Tiers) -> str:
    return ">".join("=".join(tier) for tier in tiers)


def _tiers(order: OrderLike, criteria: Sequence[str] | None) -> Tiers:
    if isinstance(order, str):
        if criteria is None:
            criteria = [name.strip() for name in order.replace("=", ">").split(">") if name.strip()]
        return parse_order(order, criteria)
    text = _format_order([[str(name) for name in tier] for tier in order])
    if criteria is None:
        criteria = [str(name) for tier in order for name in tier]
    return parse_order(text, criteria)


def _surrogate(method: str, order: OrderLike, criteria: Sequence[str] | None, position_weights) -> WeightsResult:
    """Weights of positions 1..n given to the criteria in order.

    Tied criteria share equally the weights of the positions they occupy together (the mean of
    those positions' weights), as tied observations share mid-ranks in rank statistics: the
    weights still sum to 1, tiers stay strictly ordered, and a tie-free ordering gets exactly
    the published formula. (Barron & Barrett 1996 and Stillwell et al. 1981 treat strict orders only.)
    """
    tiers = _tiers(order, criteria)
    n = sum(len(tier) for tier in tiers)
    by_position = position_weights(n)  # weights of positions 1..n, most important first
    weights: dict[str, float] = {}
    position = 0
    for tier in tiers:
        shared = math.fsum(by_position[position : position + len(tier)]) / len(tier)
        weights.update(dict.fromkeys(tier, shared))
        position += len(tier)
    ordered = list(criteria) if criteria is not None else [name for tier in tiers for name in tier]
    series = _pandas().Series({name: weights[name] for name in ordered}, dtype=float)
    return WeightsResult(method, series, {"order": _format_order(tiers)})


def _roc_positions(n: int) -> list[float]:
    return [math.fsum(1 / i for i in range(k, n + 1)) / n for k in range(1, n + 1)]


def _rs_positions(n: int) -> list[float]:
    return [2 * (n + 1 - k) / (n * (n + 1)) for k in range(1, n + 1)]


def _rr_positions(n: int) -> list[float]:
    total = math.fsum(1 / i for i in range(1, n + 1))
    return [(1 / k) / total for k in range(1, n + 1)]


def roc(order: OrderLike, criteria: Sequence[str] | None = None) -> WeightsResult:
    """Rank order centroid weights: ``w_k = (1/n) * sum_{i=k..n} 1/i`` (Barron & Barrett 1996).

    Ties (``=``) share the mean weight of the positions they occupy: see :func:`_surrogate`.

    >>> roc("a>b=c").as_mapping()
    {'a': 0.6111, 'b': 0.1944, 'c': 0.1944}
    """
    return _surrogate("roc", order, criteria, _roc_positions)


def rs(order: OrderLike, criteria: Sequence[str] | None = None) -> WeightsResult:
    """Rank sum weights: ``w_k = 2(n + 1 - k) / (n(n + 1))`` (Stillwell, Seaver & Edwards 1981).

    Ties (``=``) share the mean weight of the positions they occupy: see :func:`_surrogate`.

    >>> rs("a>b>c").as_mapping()
    {'a': 0.5, 'b': 0.3333, 'c': 0.1667}
    """
    return _surrogate("rs", order, criteria, _rs_positions)


def rr(order: OrderLike, criteria: Sequence[str] | None = None) -> WeightsResult:
    """Rank reciprocal weights: ``w_k = (1/k) / sum_{i=1..n} 1/i`` (Stillwell, Seaver & Edwards 1981).

    Ties (``=``) share the mean weight of the positions they occupy: see :func:`_surrogate`.

    >>> rr("a>b>c").as_mapping()
    {'a': 0.5455, 'b': 0.2727, 'c': 0.1818}
    """
    return _surrogate("rr", order, criteria, _rr_positions)


#: The surrogate rules ``--weighting`` chooses from, by name.
SURROGATE_RULES = {"roc": roc, "rs": rs, "rr": rr}
assert tuple(SURROGATE_RULES) == WEIGHTING_RULES, "one list of ordering rules"


def surrogate(rule: str, order: OrderLike, criteria: Sequence[str] | None = None) -> WeightsResult:
    """Weights from an ordering by the rule named ``rule`` (``roc``, ``rs`` or ``rr``, any case).

    >>> surrogate("RS", "a>b").as_mapping()
    {'a': 0.6667, 'b': 0.3333}
    """
    function = SURROGATE_RULES.get(rule.strip().casefold())
    if function is None:
        hint = did_you_mean(rule, SURROGATE_RULES)
        raise UnknownNameError(f"unknown weighting rule '{rule}'{hint}; choose from: {', '.join(SURROGATE_RULES)}")
    return function(order, criteria)


__all__ = ["SURROGATE_RULES", "OrderLike", "Tiers", "parse_order", "roc", "rr", "rs", "surrogate"]
