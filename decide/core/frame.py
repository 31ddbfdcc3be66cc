"""A :class:`~decide.core.model.Matrix` from a pandas DataFrame: strategies in rows (the index),
criteria in columns (:meth:`Matrix.from_frame`); :meth:`Matrix.to_frame` goes back, carrying the
actor, objectives and weights in ``DataFrame.attrs`` so that the round trip is exact.

>>> import pandas as pd
>>> frame = pd.DataFrame({"price": [5, 3], "quality": [7, 4]}, index=["A", "B"])
>>> parts = matrix_from_frame(frame, objectives={"price": "min"}, actor="Vendors")
>>> parts["criteria"], parts["weights_source"]
([('price', 'min', 1.0), ('quality', 'max', 1.0)], 'equal: none given')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from decide.core.errors import DecideWarning, MatrixError
from decide.core.objectives import parse_objective
from decide.core.suggest import did_you_mean

#: How captions name the weights when none are given (the same words as a file without weights).
EQUAL_WEIGHTS = "equal: none given"


def matrix_from_frame(
    frame: Any,
    objectives: Mapping[str, str] | str | None = None,
    weights: Mapping[str, float] | None = None,
    actor: str | None = None,
    scale: tuple[float, float] | None = None,
) -> dict[str, Any]:
    """The parts of the matrix of ``frame`` (the keyword arguments of :class:`~decide.core.model.Matrix`,
    with criteria as (name, objective, weight) and strategies as (name, scores)): ``frame`` holds
    strategy names in its index, criteria in its columns and numbers in its cells.

    ``objectives`` maps criteria to ``max``/``min`` (benefit/cost and +/- work too; criteria not
    named are ``max``), or is one word for every criterion (none at all: every criterion ``max``,
    with a :class:`~decide.core.errors.DecideWarning` saying so); ``weights`` maps criteria to numbers
    >= 0 (criteria not named get 0; none: equal weights). Missing values come from
    ``frame.attrs`` (what :meth:`Matrix.to_frame` writes). Problems raise one
    :class:`~decide.core.errors.MatrixError` listing each, naming the strategy and criterion.
    """
    attrs = dict(getattr(frame, "attrs", {}) or {})
    objectives = objectives if objectives is not None else attrs.get("objectives")
    weights = weights if weights is not None else attrs.get("weights")
    actor = actor or attrs.get("actor") or "DataFrame"
    scale = scale or attrs.get("scale")
    where = f"DataFrame '{actor}'"
    names = [str(c) for c in frame.columns]
    strategies = [str(s) for s in frame.index]
    problems: list[str] = []
    if not names or not strategies:
        raise MatrixError([f"{where}: needs at least one criterion (column) and one strategy (row)"])
    for label, items in (("criterion", names), ("strategy", strategies)):
        repeated = sorted({n for n in items if items.count(n) > 1})
        if repeated:
            problems.append(f"{where}: {label} '{repeated[0]}' appears twice; names must be unique")
    if objectives is None and len(names) > 1:
        import warnings

        warnings.warn(
            f"{where}: no objectives given, so every criterion counts as more is better (max); "
            f"name the costs, e.g. objectives={{{names[0]!r}: 'min'}}, or objectives='max' to say so",
            DecideWarning,
            stacklevel=3,
        )
    chosen: dict[str, str] = {}
    given = {name: objectives for name in names} if isinstance(objectives, str) else dict(objectives or {})
    for key, word in given.items():
        if str(key) not in names:
            problems.append(f"{where}: objectives: unknown criterion '{key}'{did_you_mean(str(key), names)}")
            continue
        objective = parse_objective(word)
        if objective is None:
            problems.append(f"{where}: objective for '{key}' is {word!r}; use max or min (benefit/cost, +/-)")
        chosen[str(key)] = objective or "max"
    raw: dict[str, float] = {name: 1.0 for name in names}
    if weights:
        for key in weights:
            if str(key) not in names:
                problems.append(f"{where}: weights: unknown criterion '{key}'{did_you_mean(str(key), names)}")
        raw = {}
        for name in names:
            value = weights.get(name, 0.0)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                problems.append(f"{where}: weight for '{name}' is {value!r}; give a finite number >= 0")
                value = 0.0
            raw[name] = float(value)
        if not problems and sum(raw.values()) <= 0:
            problems.append(f"{where}: every weight is zero; give at least one criterion a weight")
    rows: list[dict[str, float]] = []
    for strategy, values in zip(strategies, frame.itertuples(index=False, name=None), strict=True):
        scores: dict[str, float] = {}
        for name, value in zip(names, values, strict=True):
            number = value.item() if hasattr(value, "item") else value
            if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number):
                problems.append(
                    f"{where}: strategy '{strategy}': score for '{name}' is {number!r}; give a finite number"
                )
                number = 0.0
            elif scale is not None and not scale[0] <= number <= scale[1]:
                problems.append(
                    f"{where}: strategy '{strategy}': score for '{name}' is {number:g}, outside "
                    f"the scale [{scale[0]:g}, {scale[1]:g}]"
                )
            scores[name] = float(number)
        rows.append(scores)
    if problems:
        raise MatrixError(problems)
    return {
        "actor": str(actor),
        "criteria": [(n, chosen.get(n, "max"), raw[n]) for n in names],
        "strategies": list(zip(strategies, rows, strict=True)),
        "scale": (float(scale[0]), float(scale[1])) if scale is not None else None,
        "weights_source": "file" if weights else EQUAL_WEIGHTS,
    }


__all__ = ["EQUAL_WEIGHTS", "matrix_from_frame"]
