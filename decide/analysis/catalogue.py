"""``decide methods``: the registered ranking methods as a table (name, direction, weights,
reference), with every parameter in ``--wide`` and JSON."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from decide.core.tables import Section
from decide.methods import METHODS, get_method
from decide.methods.base import Method
from decide.rendering.result import Result


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
class Catalogue(Result):
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
        full = self.to_frame()
        frame = full[["method", "full name", "parameters", "better", "reference", "weights"]]
        compact = full[["method", "better", "weights", "reference", "full name"]]
        caption = f"{len(self.methods)} ranking methods"
        return [
            Section(
                "methods",
                caption,
                frame,
                compact=compact,
                note="Parameters and defaults: decide methods --wide, or --format json.",
            )
        ]

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


def catalogue(names: Sequence[str] | None = None) -> Catalogue:
    """Every registered method (or the named ones), for listing.

    >>> catalogue(["topsis"]).to_frame()["reference"].tolist()
    ['Hwang & Yoon (1981)']
    """
    if names is None:
        return Catalogue(tuple(METHODS.values()))
    return Catalogue(tuple(type(get_method(name)) for name in names))


__all__ = ["Catalogue", "catalogue"]
