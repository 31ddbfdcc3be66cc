"""One validation path for every matrix: a :class:`~decide.core.model.Matrix` built in Python
(or from a DataFrame) is written out as the document a file would hold
(:func:`matrix_document`), which :func:`decide.io.load.check_matrix` checks with the very code
that checks files, so negative or NaN weights, duplicate or hidden-character names and scores
outside the scale are refused the same way wherever the matrix came from.
"""

from __future__ import annotations

import weakref
from typing import Any

from decide.core.model import Criterion, Matrix, Profile, Strategy

#: Matrices already checked (by id, with a weak reference so a reused id is not trusted).
_CHECKED: dict[int, weakref.ref[Matrix]] = {}


def mark_checked(matrix: Matrix) -> Matrix:
    """Record that ``matrix`` passed the file checks (the loader does, after building it)."""
    key = id(matrix)

    def forget(_: weakref.ref[Matrix]) -> None:
        _CHECKED.pop(key, None)

    _CHECKED[key] = weakref.ref(matrix, forget)
    return matrix


def was_checked(matrix: Matrix) -> bool:
    """Whether ``matrix`` (this very object) passed the checks already."""
    ref = _CHECKED.get(id(matrix))
    return ref is not None and ref() is matrix


def _number(value: Any) -> Any:
    """numpy numbers as Python ones (the file checks see what YAML would give); others as they are."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def _strategy(strategy: Any) -> Any:
    if not isinstance(strategy, Strategy):
        return strategy  # the document check names what is wrong with it
    ranges = strategy.ranges if isinstance(strategy.ranges, dict) else {}
    scores: Any = strategy.scores
    if hasattr(scores, "items"):
        scores = {
            key: (
                {"value": _number(value), "low": _number(ranges[key][0]), "high": _number(ranges[key][1])}
                if key in ranges and isinstance(ranges[key], (tuple, list)) and len(ranges[key]) == 2
                else _number(value)
            )
            for key, value in scores.items()
        }
    item: dict[str, Any] = {"name": strategy.name, "scores": scores, "basis": strategy.basis}
    for key in ("source", "rationale", "reasoning"):
        value = getattr(strategy, key)
        if value:
            item[key] = dict(value) if hasattr(value, "items") else value
    if strategy.certainty:
        item["certainty"] = dict(strategy.certainty) if hasattr(strategy.certainty, "items") else strategy.certainty
    return item


def _criterion(criterion: Any) -> Any:
    if not isinstance(criterion, Criterion):
        return criterion
    item = {"name": criterion.name, "objective": criterion.objective, "weight": _number(criterion.weight)}
    if criterion.description:
        item["description"] = criterion.description
    return item


def _profile(profile: Any) -> Any:
    if not isinstance(profile, Profile):
        return profile
    weights = profile.weights
    item: dict[str, Any] = {
        "name": profile.name,
        "weights": {k: _number(v) for k, v in weights.items()} if hasattr(weights, "items") else weights,
        "rationale": profile.rationale or "(built in Python)",
        "weighting": profile.weighting,
    }
    if profile.source:
        item["source"] = profile.source
    return item


def matrix_document(matrix: Matrix) -> dict[str, Any]:
    """The document a matrix file would hold for ``matrix`` (what the file checks read)."""
    document: dict[str, Any] = {
        "actor": matrix.actor,
        "criteria": [_criterion(c) for c in matrix.criteria]
        if isinstance(matrix.criteria, (tuple, list))
        else matrix.criteria,
        "strategies": [_strategy(s) for s in matrix.strategies]
        if isinstance(matrix.strategies, (tuple, list))
        else matrix.strategies,
    }
    if matrix.aliases:
        document["aliases"] = list(matrix.aliases) if isinstance(matrix.aliases, (tuple, list)) else matrix.aliases
    if matrix.scale is not None:
        document["scale"] = (
            [_number(v) for v in matrix.scale] if isinstance(matrix.scale, (tuple, list)) else matrix.scale
        )
    if matrix.profiles:
        document["profiles"] = [_profile(p) for p in matrix.profiles]
    if matrix.weights_rationale:
        document["weights_rationale"] = matrix.weights_rationale
    return document


__all__ = ["mark_checked", "matrix_document", "was_checked"]
