"""The registry of ranking methods: one class per method, set up as its paper has it.

Every method names the preprocessing its original definition uses (normalisation,
and how cost criteria enter), its parameters with defaults and allowed values,
whether a higher or lower score is better, and the paper it comes from. Adding a
method is adding one registered class to a family module (``additive``,
``distance``, ``ratio``, ``moora``, ``reference``, ``outranking``, ``simus``) plus
its tests.

scikit-criteria and pymcdm are imported only when a method without a numpy engine
runs, so importing this package (and listing the catalogue) stays fast.

>>> len(METHODS)
27
>>> METHODS["vikor"].better
'lower'
>>> get_method("vikor", {"v": "0.3"}).params
{'v': 0.3, 'use_compromise_set': True}
>>> [name for name, cls in METHODS.items() if cls.vectorised]
['wsm', 'wpm', 'topsis', 'vikor', 'promethee2']
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from decide.core.defaults import DEFAULT_METHOD
from decide.core.errors import UnknownNameError
from decide.methods import additive, distance, moora, outranking, ratio, reference, simus  # noqa: F401  (register)
from decide.methods.base import _REGISTRY, Method, Parameter, PerCriterion, format_params, register
from decide.methods.run import batch_scores, evaluate

_ORDER = (
    "wsm",
    "wpm",
    "topsis",
    "vikor",
    "moora",
    "moora_refpoint",
    "fmf",
    "multimoora",
    "waspas",
    "edas",
    "codas",
    "aras",
    "copras",
    "mabac",
    "mairca",
    "marcos",
    "cocoso",
    "ocra",
    "ram",
    "probid",
    "sprobid",
    "spotis",
    "rim",
    "electre2",
    "promethee2",
    "ervd",
    "simus",
)

#: Every registered method class by name (read-only), in catalogue order.
METHODS: Mapping[str, type[Method]] = MappingProxyType(
    {name: _REGISTRY[name] for name in (*_ORDER, *sorted(set(_REGISTRY) - set(_ORDER)))}
)


def get_method(method: str | Method, params: Mapping[str, Any] | None = None) -> Method:
    """The method called ``method`` (any case) with ``params`` parsed, or ``method`` itself.

    >>> get_method("TOPSIS")
    get_method('topsis', normalization='vector')
    """
    if isinstance(method, Method):
        if params:
            return type(method)({**method.params, **params})
        return method
    cls = METHODS.get(str(method).strip().lower())
    if cls is None:
        from decide.core.suggest import unknown_name

        raise UnknownNameError(unknown_name("method", str(method), list(METHODS)))
    return cls(params)


__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "Method",
    "Parameter",
    "PerCriterion",
    "batch_scores",
    "evaluate",
    "format_params",
    "get_method",
    "register",
]
