"""Weights elicited from a planner (an ordering, AHP judgments, SWING points) or from the data (entropy, CRITIC, MEREC),
and a group's from its members' (:func:`aij`, :func:`aip`; :func:`kendall_w` says how far they agree).

Every function returns a :class:`WeightsResult`: the weights as a Series that sums to 1,
the method's extras (``order``, ``lambda_max``, ``consistency_ratio``, ...), a note and warnings.

>>> from decide import weights
>>> weights.roc("deterrence>stability>risk>cost").as_mapping()
{'deterrence': 0.5208, 'stability': 0.2708, 'risk': 0.1458, 'cost': 0.0625}

Weights are rounded to 4 decimals only in :meth:`WeightsResult.as_mapping` and ``to_dict``;
the Series keeps full precision.
"""

from __future__ import annotations

from decide.weights.elicit import (
    CR_THRESHOLD,
    OBJECTIVE_METHODS,
    OBJECTIVE_NOTE,
    RANDOM_INDEX,
    ahp,
    critic,
    entropy,
    merec,
    swing,
)
from decide.weights.group import aij, aip, kendall_w
from decide.weights.ordering import SURROGATE_RULES, parse_order, roc, rr, rs, surrogate
from decide.weights.result import WeightsResult

__all__ = [
    "CR_THRESHOLD",
    "OBJECTIVE_METHODS",
    "OBJECTIVE_NOTE",
    "RANDOM_INDEX",
    "SURROGATE_RULES",
    "WeightsResult",
    "ahp",
    "aij",
    "aip",
    "critic",
    "entropy",
    "kendall_w",
    "merec",
    "parse_order",
    "roc",
    "rr",
    "rs",
    "surrogate",
    "swing",
]
