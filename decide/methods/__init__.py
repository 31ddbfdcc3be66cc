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
['wsm', 'wpm', 'topsis', 'vikor']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from decide.core.errors import UnknownNameError
from decide.methods import additive, distance, moora, outranking, ratio, reference, simus  # noqa: F401  (register)
from decide.methods.base import _REGISTRY, Method, Parameter, PerCriterion, format_params, register
from decide.methods.run import batch_scores, evaluate

#: The method ``decide rank`` (and every other command) uses when none is named.
DEFAULT_METHOD = "topsis"

_ORDER = (
    "wsm", "wpm", "topsis", "vikor", "moora", "moora_refpoint", "fmf", "multimoora", "waspas", "edas", "codas",
    "aras", "copras", "mabac", "mairca", "marcos", "cocoso", "ocra", "ram", "probid", "sprobid", "spotis", "rim",
    "electre2", "promethee2", "ervd", "simus",
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
        raise UnknownNameError(f"unknown method '{method}'; choose from: {', '.join(METHODS)}")
    return cls(params)


def _short_reference(method: type[Method]) -> str:
    """``Hwang & Yoon (1981)``: the first authors' surnames and the year."""
    authors = method.reference.split(" (")[0]
    names = [part.split(",")[0].strip() for part in re.split(r",? & |\., ", authors)]
    names = [n for n in names if n and not re.fullmatch(r"([A-Z]\.[ -]?)+", n)]
    if len(names) == 1:
        short = names[0]
    elif len(names) == 2:
        short = f"{names[0]} & {names[1]}"
    else:
        short = f"{names[0]} et al."
    return f"{short} ({method.year})"


@dataclass(frozen=True)
class Catalogue:
    """The registry as a table (``decide methods``): every renderer accepts it."""

    methods: tuple[type[Method], ...]

    def to_frame(self, provenance: bool = False) -> Any:
        import pandas as pd

        return pd.DataFrame(
            {
                "method": [m.name for m in self.methods],
                "full name": [m.full_name for m in self.methods],
                "parameters": [", ".join(p.format_default() for p in m.parameters) or "-" for m in self.methods],
                "better": [m.better for m in self.methods],
                "reference": [_short_reference(m) for m in self.methods],
                "weights": ["used" if m.uses_weights else "not used" for m in self.methods],
                "engine": ["numpy" if m.vectorised else m.engine.split(" ")[0] for m in self.methods],
                "preprocessing": [m.preprocessing for m in self.methods],
                "engine detail": [m.engine for m in self.methods],
                "when to use": [m.when for m in self.methods],
                "full reference": [m.reference for m in self.methods],
            }
        )

    def sections(self) -> list[Any]:
        from decide.core.tables import Section

        full = self.to_frame()
        frame = full[["method", "full name", "parameters", "better", "reference", "weights"]]
        compact = full[["method", "better", "weights", "reference", "full name"]]
        caption = f"{len(self.methods)} ranking methods"
        return [Section("methods", caption, frame, compact=compact,
                        note="Parameters and defaults: decide methods --wide, or --format json.")]

    def to_dict(self) -> dict[str, Any]:
        return {
            "methods": [
                {
                    "name": m.name,
                    "full_name": m.full_name,
                    "better": m.better,
                    "uses_weights": m.uses_weights,
                    "vectorised": m.vectorised,
                    "summary": m.summary,
                    "preprocessing": m.preprocessing,
                    "engine": m.engine,
                    "when": m.when,
                    "year": m.year,
                    "reference": m.reference,
                    "parameters": [
                        {
                            "name": p.name,
                            "type": p.kind.__name__,
                            "default": p.default,
                            "allowed": p.allowed,
                            "description": p.description,
                        }
                        for p in m.parameters
                    ],
                }
                for m in self.methods
            ]
        }

    def __str__(self) -> str:
        from decide.rendering.formats import render

        return render(self, "table")

    def _repr_html_(self) -> str:
        from decide.rendering.formats import notebook_html

        return notebook_html(self)


def catalogue(names: Sequence[str] | None = None) -> Catalogue:
    """Every registered method (or the named ones), for listing.

    >>> catalogue(["topsis"]).to_frame()["reference"].tolist()
    ['Hwang & Yoon (1981)']
    """
    if names is None:
        return Catalogue(tuple(METHODS.values()))
    return Catalogue(tuple(type(get_method(name)) for name in names))


__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "Catalogue",
    "Method",
    "Parameter",
    "PerCriterion",
    "batch_scores",
    "catalogue",
    "evaluate",
    "format_params",
    "get_method",
    "register",
]
