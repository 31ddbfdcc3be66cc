"""What a verb works on: one :class:`Selection` of matrices, actors, method, weights and the rest,
built once (from keyword arguments or command-line options) and resolved once.

Every verb that ranks takes the same fields, by keyword or as ``selection=``; adding a field
means adding it here (to :class:`Selection` and :class:`SelectionFields`) and nowhere else.

>>> chosen = Selection.of(actors="dprk", method="wsm", weights="deterrence=0.5")
>>> [m.actor for m in chosen.matrices()]
['North Korea']
>>> chosen.matrices()[0].weights["deterrence"]
0.5
>>> chosen.method_object().name
'wsm'
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypedDict

from decide.core.errors import DecideWarning, SpecError, UnknownNameError
from decide.io.load import MatrixSource, resolve_matrices
from decide.methods import DEFAULT_METHOD, get_method
from decide.methods.base import Method
from decide.weights.apply import DEFAULT_WEIGHTING, apply_weights, parse_weights, require_profile_everywhere
from decide.weights.spec import WeightsLike

if TYPE_CHECKING:
    from decide.core.model import Matrix
    from decide.io.scenarios import Scenario


class SelectionFields(TypedDict, total=False):
    """The keyword arguments every ranking verb accepts (the fields of :class:`Selection`)."""

    actors: Iterable[str] | str | None
    actor: str | None
    method: str | Method
    weights: WeightsLike
    profile: str | None
    weighting: str
    params: Mapping[str, Any] | None
    stated_only: bool
    scenario: str | Scenario | None


@dataclass(frozen=True, eq=False)
class Selection:
    """The matrices a verb works on and how to rank them.

    ``source`` is a :class:`~decide.core.model.Matrix`, a list of them, a file or folder path (or a
    list of paths), or ``None`` for the shipped matrices. ``actors`` keeps only those actors (name,
    alias or file stem); ``scenario`` applies one of their scenarios; ``stated_only`` leaves out the
    strategies whose basis is ``inferred``. ``profile`` names a weight profile of the matrix files;
    ``weights`` then sets weights on top: exact overrides (a mapping or ``"deterrence=0.5,cost=0.1"``),
    an ordering ``"deterrence>stability>risk>cost"`` turned into weights by ``weighting`` (roc, rs or
    rr), a list of those (later values win), or a :class:`~decide.weights.WeightsResult`. ``method``
    is a name or a :class:`~decide.methods.Method`; ``params`` sets its parameters.
    """

    source: MatrixSource = None
    actors: tuple[str, ...] = ()
    method: str | Method = DEFAULT_METHOD
    weights: WeightsLike = None
    profile: str | None = None
    weighting: str = DEFAULT_WEIGHTING
    params: Mapping[str, Any] = field(default_factory=dict)
    stated_only: bool = False
    scenario: str | Scenario | None = None

    @classmethod
    def of(cls, source: MatrixSource = None, selection: Selection | None = None, **given: Any) -> Selection:
        """A selection from keyword arguments (the :class:`SelectionFields`), on top of ``selection``.

        ``actor="China"`` is read as ``actors=["China"]``; an unknown keyword is a :class:`SpecError`
        naming it.
        """
        known = {f.name for f in fields(cls)} | {"actor"}
        unknown = sorted(set(given) - known)
        if unknown:
            raise SpecError(f"unknown argument {unknown[0]!r}; a selection takes {', '.join(sorted(known))}")
        if "actor" in given:
            actor = given.pop("actor")
            if actor is not None:
                if given.get("actors"):
                    raise SpecError("give actor= or actors=, not both", field="actors")
                given["actors"] = [actor]
        base = selection if selection is not None else cls()
        if source is not None:
            given["source"] = source
        values = {name: value for name, value in given.items() if value is not None or name in ("weights",)}
        if "actors" in values:
            values["actors"] = _actor_names(values["actors"])
        if "params" in values:
            values["params"] = dict(values["params"] or {})
        if "weights" in values and values["weights"] is None:
            del values["weights"]
        return replace(base, **values)

    @cached_property
    def parsed_weights(self) -> Any:
        """``weights`` parsed once: its warnings (a value given twice) are issued here, once."""
        parsed, problems = parse_weights(self.weights)
        for problem in problems:
            warnings.warn(problem, DecideWarning, stacklevel=2)
        return parsed

    def method_object(self) -> Method:
        """The method, set up with ``params`` (an :class:`UnknownNameError` lists the methods)."""
        return get_method(self.method, self.params or None)

    def unweighted(self) -> list[Matrix]:
        """The selected matrices with the scenario and filters applied, before any weights."""
        return resolve_matrices(self.source, list(self.actors) or None, self.scenario, stated_only=self.stated_only)

    def matrices(self) -> list[Matrix]:
        """The selected matrices, weighted by ``profile`` then ``weights``."""
        selected = self.unweighted()
        require_profile_everywhere(selected, self.profile)
        weights = self.parsed_weights
        return [apply_weights(m, weights, self.profile, self.weighting) for m in selected]

    def matrix(self) -> Matrix:
        """The one selected matrix: the actor named, or the only one given."""
        matrices = self.matrices()
        if len(matrices) != 1:
            valid = ", ".join(m.actor for m in matrices)
            raise UnknownNameError(f"name one actor; choose from: {valid}")
        return matrices[0]

    def describe(self) -> dict[str, Any]:
        """The selection as JSON values, for the ``selection`` key of every JSON export."""
        method = self.method if isinstance(self.method, str) else self.method.name
        return {
            "actors": list(self.actors) or None,
            "method": method,
            "weights": _json_weights(self.weights),
            "profile": self.profile,
            "weighting": self.weighting,
            "params": {
                k: v if isinstance(v, (bool, int, float, type(None))) else str(v)
                for k, v in (self.params or {}).items()
            }
            or None,
            "stated_only": self.stated_only,
            "scenario": self.scenario if isinstance(self.scenario, (str, type(None))) else self.scenario.name,
        }


def _actor_names(actors: Iterable[str] | str | None) -> tuple[str, ...]:
    if actors is None:
        return ()
    if isinstance(actors, str):
        return (actors,)
    if not isinstance(actors, Iterable):
        raise SpecError(f"expected an actor name or a list of them, got {type(actors).__name__}", field="actors")
    names = tuple(actors)
    for name in names:
        if not isinstance(name, str):
            raise SpecError(f"expected actor names as text, got {type(name).__name__}", field="actors")
    return names


def _json_weights(weights: WeightsLike) -> Any:
    if weights is None or isinstance(weights, (str, Mapping)):
        return dict(weights) if isinstance(weights, Mapping) else weights
    if isinstance(weights, Sequence):
        return [dict(w) if isinstance(w, Mapping) else w for w in weights]
    return getattr(weights, "method", str(weights))


__all__ = ["Selection", "SelectionFields"]
