"""Weights elicited from a planner (SWING points, AHP pairwise judgments) or measured from the
data (entropy, CRITIC, MEREC, through scikit-criteria)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from decide.core.errors import MethodError, SpecError
from decide.core.limits import brief

if TYPE_CHECKING:
    import pandas as pd

    from decide.core.model import Matrix

from decide.core.counts import counted
from decide.weights.ordering import _resolve
from decide.weights.result import WeightsResult, _fraction, _pandas

_SCALE_MIN, _SCALE_MAX = 1 / 9, 9.0

#: Saaty's random consistency index RI(n), the mean CI of random reciprocal matrices of order n:
#: Saaty (1980), *The Analytic Hierarchy Process*, McGraw-Hill, for n <= 10 (0.58 ... 1.49, as
#: reproduced in Saaty 1990, EJOR 48:9-26); n = 11..15 from Saaty's later extended table, taken
#: as commonly reproduced and not checked against the primary source here.
#: Not Alonso & Lamata's (2006) regression values.
RANDOM_INDEX: dict[int, float] = {
    1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41,
    9: 1.45, 10: 1.49, 11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59,
}  # fmt: skip


#: Saaty's rule of thumb: a consistency ratio above this calls for revising the judgments.
CR_THRESHOLD = 0.10


OBJECTIVE_NOTE = "These weights describe how the scores spread across strategies (the data), not anyone's priorities."


_TOLERANCE = 0.02  # relative slack for judgments typed as decimals (0.33 for 1/3)


def _parse_points(text: str, where: str) -> dict[str, float]:
    """``"a=100, b=70"`` as a dict; the same name twice is reported by :func:`swing`."""
    parsed: dict[str, float] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, equals, value = (piece.strip() for piece in part.partition("="))
        if not equals or not name or not value:
            raise SpecError(f"{where}: '{part.strip()}' is not NAME=POINTS; write e.g. 'deterrence=100,stability=70'")
        try:
            number = float(value)
        except ValueError:
            raise SpecError(f"{where}: points of '{name}' are '{value}', not a number") from None
        if name.casefold() in (key.casefold() for key in parsed):
            raise SpecError(f"{where}: criterion '{name}' is given twice")
        parsed[name] = number
    return parsed


def swing(points: Mapping[str, float] | str, criteria: Sequence[str] | None = None) -> WeightsResult:
    """SWING / SMARTS weights: each criterion's points over the sum (von Winterfeldt & Edwards 1986).

    The most important swing is anchored at exactly 100 and every other is scored relative to
    it, in (0, 100]; several criteria may share 100 (equally important top swings).
    A criterion that does not matter should be left out of the matrix, not given 0 points.

    >>> swing("deterrence=100,stability=70,risk=40,cost=20").as_mapping()
    {'deterrence': 0.4348, 'stability': 0.3043, 'risk': 0.1739, 'cost': 0.087}
    """
    where = "swing"
    if isinstance(points, str):
        points = _parse_points(points, where)
    if not points:
        raise SpecError(f"{where}: no points; write e.g. 'deterrence=100,stability=70'")
    names = list(criteria) if criteria is not None else [str(name) for name in points]
    resolved: dict[str, float] = {}
    for name, value in points.items():
        canonical = _resolve(str(name), names, where)
        if canonical in resolved:
            raise SpecError(f"{where}: criterion '{canonical}' is given twice")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise SpecError(f"{where}: points of '{canonical}' are {value!r}, expected a number in (0, 100]")
        if value <= 0:
            raise SpecError(
                f"{where}: points of '{canonical}' are {value:g}; points must be > 0 (drop a criterion that does not"
                " matter from the matrix instead)"
            )
        if value > 100:
            raise SpecError(f"{where}: points of '{canonical}' are {value:g}; the most important swing is 100")
        resolved[canonical] = float(value)
    missing = [name for name in names if name not in resolved]
    if missing:
        raise SpecError(f"{where}: no points for {', '.join(missing)}; give every criterion points in (0, 100]")
    if max(resolved.values()) != 100:
        raise SpecError(
            f"{where}: the most important swing has {max(resolved.values()):g} points; give it 100 and the others"
            " points relative to it"
        )
    total = math.fsum(resolved.values())
    series = _pandas().Series({name: resolved[name] / total for name in names}, dtype=float)
    return WeightsResult("swing", series, {"points": {name: resolved[name] for name in names}})


def _text_number(text: str) -> float:
    """``3``, ``0.5`` or ``1/3`` as a float, without building huge integers (``1e100000000`` is inf)."""
    if len(text) > 64:
        raise ValueError(text)
    parts = text.strip().split("/")
    if len(parts) > 2:
        raise ValueError(text)
    numbers = [float(part) for part in parts]
    if len(numbers) == 2:
        return numbers[0] / numbers[1]
    return numbers[0]


def _as_number(value: Any, where: str, what: str) -> float:
    if isinstance(value, str):
        try:
            number = _text_number(value)
        except (ValueError, ZeroDivisionError):
            raise SpecError(f"{where}: {what} is {brief(value, 40)}, not a number (write e.g. 3 or 1/3)") from None
        if not math.isfinite(number):
            raise SpecError(f"{where}: {what} is {brief(value, 40)}, expected a finite number")
        return number
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise SpecError(f"{where}: {what} is {brief(value, 40)}, not a number")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise SpecError(f"{where}: {what} is {number}, expected a finite number")
    return number


def _in_scale(value: float) -> bool:
    return _SCALE_MIN * (1 - _TOLERANCE) <= value <= _SCALE_MAX * (1 + _TOLERANCE)


def _is_judgments(data: Any) -> bool:
    if isinstance(data, (_pandas().DataFrame, np.ndarray, str)) or not isinstance(data, Sequence):
        return False
    return bool(data) and all(
        isinstance(row, Sequence) and not isinstance(row, str) and len(row) == 3
        and isinstance(row[0], str) and isinstance(row[1], str)
        for row in data
    )  # fmt: skip


def _matrix_from_judgments(judgments: Sequence[Sequence[Any]], criteria: Sequence[str] | None, where: str):
    if criteria is None:
        criteria = list(dict.fromkeys(str(name) for row in judgments for name in row[:2]))
    criteria = list(criteria)
    n = len(criteria)
    matrix = np.ones((n, n))
    given: dict[frozenset[str], list[Any]] = {}
    for row in judgments:
        if isinstance(row, str) or not isinstance(row, Sequence) or len(row) != 3:
            raise SpecError(
                f"{where}: judgment {brief(row, 60)} is not [a, b, value]; write e.g. [deterrence, cost, 5]"
            )
        if not all(isinstance(name, str) for name in row[:2]):
            raise SpecError(f"{where}: judgment {brief(row, 60)} must name two criteria, e.g. [deterrence, cost, 5]")
        first, second = (_resolve(str(name), criteria, where) for name in row[:2])
        if first == second:
            raise SpecError(
                f"{where}: judgment {list(row)!r} compares '{first}' with itself; drop it (the diagonal is always 1)"
            )
        value = _as_number(row[2], where, f"judgment {list(row)!r}: the value")
        if not _in_scale(value):
            raise SpecError(
                f"{where}: judgment {list(row)!r}: value {value:g} is outside Saaty's scale 1/9..9"
                " (9 = extremely more important, 1/9 = extremely less)"
            )
        pair = frozenset((first, second))
        if pair in given:
            raise SpecError(f"{where}: '{first}' vs '{second}' is judged twice ({given[pair]!r} and {list(row)!r})")
        given[pair] = list(row)
        i, j = criteria.index(first), criteria.index(second)
        matrix[i, j], matrix[j, i] = value, 1 / value
    missing = [
        f"{criteria[i]}-{criteria[j]}" for i in range(n) for j in range(i + 1, n)
        if frozenset((criteria[i], criteria[j])) not in given
    ]  # fmt: skip
    if missing:
        listed = ", ".join(missing[:5]) + (f" and {len(missing) - 5:,} more" if len(missing) > 5 else "")
        raise SpecError(
            f"{where}: {counted(len(missing), 'missing judgment')}: {listed}; add [a, b, value] for each pair"
        )
    return matrix, criteria


def _check_matrix(data: Any, criteria: Sequence[str] | None, where: str):
    if isinstance(data, _pandas().DataFrame):
        if list(map(str, data.index)) != list(map(str, data.columns)):
            raise SpecError(f"{where}: the matrix's rows and columns must name the same criteria in the same order")
        if criteria is None:
            criteria = [str(name) for name in data.index]
        data = data.to_numpy().tolist()
    rows = data.tolist() if isinstance(data, np.ndarray) else data
    if isinstance(rows, str) or not isinstance(rows, Sequence) or not rows:
        raise SpecError(f"{where}: expected a square matrix (a list of rows) or judgments [[a, b, value], ...]")
    n = len(rows)
    for i, row in enumerate(rows):
        if isinstance(row, str) or not isinstance(row, Sequence) or len(row) != n:
            length = len(row) if isinstance(row, Sequence) and not isinstance(row, str) else "no"
            raise SpecError(f"{where}: the matrix is not square: row {i + 1} has {length} entries, expected {n}")
    if criteria is None:
        criteria = [f"c{i + 1}" for i in range(n)]
    criteria = list(criteria)
    if len(criteria) != n:
        raise SpecError(f"{where}: the matrix has {n} rows but there are {len(criteria)} criteria")
    matrix = np.array([[_as_number(value, where, f"entry ({criteria[i]}, {criteria[j]})")
                        for j, value in enumerate(row)] for i, row in enumerate(rows)])  # fmt: skip
    for i in range(n):
        for j in range(n):
            a, b = criteria[i], criteria[j]
            value = matrix[i, j]
            if value <= 0:
                raise SpecError(f"{where}: entry ({a}, {b}) is {value:g}; pairwise judgments must be > 0")
            if i == j and not math.isclose(value, 1, rel_tol=1e-9):
                raise SpecError(f"{where}: diagonal entry ({a}, {a}) is {value:g}; a criterion against itself is 1")
            if not _in_scale(value):
                raise SpecError(f"{where}: entry ({a}, {b}) is {value:g}, outside Saaty's scale 1/9..9")
    for i in range(n):
        for j in range(i + 1, n):
            if abs(matrix[i, j] * matrix[j, i] - 1) > _TOLERANCE:
                a, b = criteria[i], criteria[j]
                raise SpecError(
                    f"{where}: not reciprocal: ({a}, {b}) is {matrix[i, j]:g} but ({b}, {a}) is {matrix[j, i]:g},"
                    f" expected 1/{matrix[i, j]:g} = {1 / matrix[i, j]:.4g}"
                )
            matrix[j, i] = 1 / matrix[i, j]  # the upper triangle is authoritative: 0.33 becomes exactly 1/3
    return matrix, criteria


def ahp(matrix_or_judgments: Any, criteria: Sequence[str] | None = None, where: str = "ahp") -> WeightsResult:
    """AHP weights: the normalised principal right eigenvector of a reciprocal pairwise matrix (Saaty 1980).

    ``matrix_or_judgments`` is the full matrix (row i against column j: how much more important
    criterion i is than j, on Saaty's 1-9 scale) as a list of rows, a numpy array or a DataFrame,
    or judgments ``[[a, b, value], ...]`` (reciprocals and the diagonal implied; every pair once).

    Extras: ``lambda_max``, ``consistency_index`` CI = (lambda_max - n) / (n - 1),
    ``random_index`` (Saaty's :data:`RANDOM_INDEX`), ``consistency_ratio`` CR = CI / RI, and
    ``consistent`` (CR <= 0.10, None when CR is undefined) and
    ``most_inconsistent``: the judgment a_ij with the largest e_ij = a_ij * w_j / w_i, the
    entry Saaty (2003, "Decision-making with the AHP: why is the principal eigenvector
    necessary", EJOR 145, p. 85-91) says to revise first; ``suggested`` is w_i / w_j.
    A CR above 0.10 adds a warning; the weights are still returned.

    >>> result = ahp([["deterrence", "cost", 3]])
    >>> result.as_mapping(), result.extras["consistency_ratio"]
    ({'deterrence': 0.75, 'cost': 0.25}, 0.0)
    """
    if criteria is not None:
        from collections import Counter

        counts = Counter(str(name).casefold() for name in criteria)
        twice = sorted({str(name) for name in criteria if counts[str(name).casefold()] > 1})
        if twice:
            raise SpecError(f"{where}: criteria {', '.join(twice)} listed twice")
    if _is_judgments(matrix_or_judgments):
        matrix, names = _matrix_from_judgments(matrix_or_judgments, criteria, where)
    else:
        matrix, names = _check_matrix(matrix_or_judgments, criteria, where)
    n = len(names)
    eigenvalues, eigenvectors = np.linalg.eig(matrix)
    principal = int(np.argmax(eigenvalues.real))
    lambda_max = float(eigenvalues[principal].real)
    vector = np.abs(eigenvectors[:, principal].real)
    weights = vector / vector.sum()
    lambda_max = max(lambda_max, float(n))  # rounding: a consistent matrix has exactly n
    consistency_index = (lambda_max - n) / (n - 1) if n > 1 else 0.0
    random_index = RANDOM_INDEX.get(n)
    warnings = []
    if random_index is None:
        consistency_ratio = None
        warnings.append(f"no random index for {n} criteria (Saaty's table stops at 15): CR is undefined")
    else:
        consistency_ratio = consistency_index / random_index if random_index > 0 else 0.0
    extras: dict[str, Any] = {
        "lambda_max": lambda_max,
        "consistency_index": consistency_index,
        "random_index": random_index,
        "consistency_ratio": consistency_ratio,
        "consistent": None if consistency_ratio is None else bool(consistency_ratio <= CR_THRESHOLD),
    }
    if n > 2:
        ratios = matrix * np.outer(1 / weights, weights)  # e_ij = a_ij * w_j / w_i
        i, j = np.unravel_index(int(np.argmax(ratios)), ratios.shape)
        extras["most_inconsistent"] = {
            "pair": [names[i], names[j]],
            "judgment": float(matrix[i, j]),
            "suggested": float(weights[i] / weights[j]),
        }
        if consistency_ratio is not None and consistency_ratio > CR_THRESHOLD:
            warnings.append(
                f"consistency ratio {consistency_ratio:.3f} > {CR_THRESHOLD:.2f}: the judgments are inconsistent;"
                f" revisit '{names[i]}' vs '{names[j]}' (given {_fraction(matrix[i, j])}, consistent with the"
                f" others: about {_fraction(weights[i] / weights[j])})"
            )
    series = _pandas().Series(weights, index=names, dtype=float)
    return WeightsResult("ahp", series, extras, warnings=warnings)


def _ahp_from_judgments(judgments: Sequence[Sequence[Any]], criteria: Sequence[str], where: str) -> WeightsResult:
    """:func:`ahp` on a list of judgments, reporting a malformed one instead of reading it as a matrix."""
    for row in judgments:
        if isinstance(row, str) or not isinstance(row, Sequence) or len(row) != 3:
            raise SpecError(f"{where}: judgment {row!r} is not [a, b, value]; write e.g. [deterrence, cost, 5]")
    matrix, names = _matrix_from_judgments(judgments, criteria, where)
    return ahp(matrix, names, where)


def _scores(matrix: Matrix | pd.DataFrame, objectives: Sequence[str] | Mapping[str, str] | None, method: str):
    """The score frame, its objectives ('max'/'min' per column) and how messages name it."""
    if hasattr(matrix, "to_frame") and hasattr(matrix, "objectives") and not isinstance(matrix, _pandas().DataFrame):
        return matrix.to_frame(), list(matrix.objectives), f"{matrix.label}: {method}"
    if not isinstance(matrix, _pandas().DataFrame):
        raise SpecError(f"{method}: expected a decide Matrix or a DataFrame of scores, got {type(matrix).__name__}")
    where = method
    columns = [str(c) for c in matrix.columns]
    if objectives is None:
        objectives = ["max"] * len(columns)
    elif isinstance(objectives, Mapping):
        objectives = [objectives.get(c, "") for c in columns]
    objectives = [str(o).lower() for o in objectives]
    if len(objectives) != len(columns) or any(o not in ("max", "min") for o in objectives):
        raise SpecError(f"{where}: objectives must give 'max' or 'min' for each of {', '.join(columns)}")
    frame = matrix.copy()
    frame.columns = columns
    try:
        frame = frame.astype(float)
    except (TypeError, ValueError):
        raise SpecError(f"{where}: every score must be a number") from None
    return frame, objectives, where


def _check_scores(frame: pd.DataFrame, where: str, positive: bool) -> None:
    if len(frame) < 2:
        raise MethodError(f"{where}: needs at least 2 strategies to measure a spread, got {len(frame)}")
    for column in frame.columns:
        values = frame[column]
        if not np.isfinite(values).all():
            raise MethodError(f"{where}: criterion '{column}' has a missing or infinite score")
        if positive and (values <= 0).any():
            strategy = values.index[int(np.argmax((values <= 0).to_numpy()))]
            raise MethodError(
                f"{where}: criterion '{column}' has score {values[strategy]:g} for '{strategy}'; this method needs"
                " scores > 0"
            )


def _weighted(frame: pd.DataFrame, objectives: Sequence[str], weighter: Any, where: str, method: str):
    """Run a scikit-criteria weighter; return its weights and the warnings it raised (as text)."""
    import warnings

    import skcriteria

    dm = skcriteria.mkdm(frame.to_numpy(), [max if o == "max" else min for o in objectives],
                         alternatives=[str(a) for a in frame.index], criteria=list(frame.columns))  # fmt: skip
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        weights = np.asarray(weighter.transform(dm).weights, dtype=float)
    if not np.isfinite(weights).all():
        raise MethodError(f"{where}: every criterion has the same score for all strategies; {method} is undefined")
    return weights, [str(w.message) for w in caught]


def entropy(matrix: Matrix | pd.DataFrame, objectives: Sequence[str] | None = None) -> WeightsResult:
    """Shannon-entropy weights on the raw scores (Zeleny 1982; Hwang & Yoon 1981, ch. on entropy).

    p_ij = x_ij / sum_i x_ij, E_j = -sum_i p_ij ln p_ij / ln m, w_j = (1 - E_j) / sum (1 - E_k),
    as scikit-criteria's ``EntropyWeighter`` computes it. Scores must be > 0; the direction of a
    criterion does not matter.
    """
    from skcriteria.preprocessing.weighters import EntropyWeighter

    frame, objectives, where = _scores(matrix, objectives, "entropy")
    _check_scores(frame, where, positive=True)
    weights, _ = _weighted(frame, objectives, EntropyWeighter(), where, "entropy")
    if not weights.sum() > 0:
        raise MethodError(f"{where}: every criterion's scores are equal across strategies; entropy weights undefined")
    return WeightsResult("entropy", _pandas().Series(weights, index=frame.columns, dtype=float), note=OBJECTIVE_NOTE)


def critic(
    matrix: Matrix | pd.DataFrame, objectives: Sequence[str] | None = None, *, directional: bool = True
) -> WeightsResult:
    """CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995): sigma_j * sum_k (1 - r_jk), normalised.

    Columns are min-max normalised towards the ideal, r is Pearson's correlation, sigma the
    standard deviation of the normalised column. scikit-criteria's ``CRITIC`` is direction-aware:
    a ``min`` column is reversed ((max - x) / (max - min)) before the correlations, which flips
    the sign of its correlations with the ``max`` columns. The paper's example has only
    criteria to maximise; ``directional=False`` applies its formula literally, every column
    normalised as (x - min) / (max - min) whatever its objective (the objectives are kept
    for everything else and need not be re-declared).
    """
    from skcriteria.preprocessing.weighters import CRITIC

    frame, objectives, where = _scores(matrix, objectives, "critic")
    if not isinstance(directional, bool):
        raise SpecError(f"{where}: 'directional' must be true or false, got {directional!r}")
    if not directional:
        objectives = ["max"] * len(objectives)
    _check_scores(frame, where, positive=False)
    constant = [c for c in frame.columns if frame[c].nunique() == 1]
    if constant:
        raise MethodError(
            f"{where}: criterion '{constant[0]}' has the same score for every strategy; CRITIC cannot normalise it"
        )
    weights, _ = _weighted(frame, objectives, CRITIC(correlation="pearson", scale=True), where, "critic")
    extras = {"direction_aware": "min" in objectives}
    series = _pandas().Series(weights, index=frame.columns, dtype=float)
    return WeightsResult("critic", series, extras, note=OBJECTIVE_NOTE)


def merec(matrix: Matrix | pd.DataFrame, objectives: Sequence[str] | None = None) -> WeightsResult:
    """MEREC weights (Keshavarz-Ghorabaee et al. 2021): the removal effect of each criterion.

    Scores must be > 0 (the method takes logarithms); computed with scikit-criteria's ``MEREC``.
    """
    from skcriteria.preprocessing.weighters import MEREC

    frame, objectives, where = _scores(matrix, objectives, "merec")
    _check_scores(frame, where, positive=True)
    weights, _ = _weighted(frame, objectives, MEREC(), where, "merec")
    if not weights.sum() > 0:
        raise MethodError(f"{where}: every criterion's scores are equal across strategies; MEREC weights undefined")
    return WeightsResult("merec", _pandas().Series(weights, index=frame.columns, dtype=float), note=OBJECTIVE_NOTE)


#: The objective (data-driven) weighting methods, by name.
OBJECTIVE_METHODS = {"entropy": entropy, "critic": critic, "merec": merec}


__all__ = [
    "CR_THRESHOLD",
    "OBJECTIVE_METHODS",
    "OBJECTIVE_NOTE",
    "RANDOM_INDEX",
    "ahp",
    "critic",
    "entropy",
    "merec",
    "swing",
]
