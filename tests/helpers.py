"""Small helpers shared by the tests."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from decide.methods import get_method
from decide.methods.run import evaluate as run_method
from decide.model import Criterion, Matrix, Strategy


def evaluate(matrix: Matrix, method: str, params: Mapping[str, Any] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Ranks and scores of ``matrix`` under the method called ``method`` with ``params``."""
    return run_method(get_method(method, params), matrix)


def make_matrix(values, objectives, weights, *, names=None, criteria=None, scale=None) -> Matrix:
    """A Matrix from rows of numbers (strategies) and per-criterion objectives/weights."""
    values = np.asarray(values, dtype=float)
    criteria = criteria or [f"c{j + 1}" for j in range(values.shape[1])]
    names = names or [f"A{i + 1}" for i in range(values.shape[0])]
    return Matrix(
        actor="Example",
        criteria=tuple(Criterion(c, o, float(w)) for c, o, w in zip(criteria, objectives, weights, strict=True)),
        strategies=tuple(
            Strategy(n, dict(zip(criteria, map(float, row), strict=True))) for n, row in zip(names, values, strict=True)
        ),
        scale=scale,
    )


def random_matrix(seed: int, strategies: int = 6, criteria: int = 4, low: float = 1, high: float = 10) -> Matrix:
    """A random matrix with scores in [low, high], mixed objectives and random weights."""
    rng = np.random.default_rng(seed)
    objectives = ["max" if j % 2 == 0 else "min" for j in range(criteria)]
    return make_matrix(
        rng.uniform(low, high, (strategies, criteria)), objectives, rng.uniform(0.1, 1, criteria), scale=(low, high)
    )


def batch_scores(matrix: Matrix, method: str, weights, params=None, tables=None) -> np.ndarray:
    """Scores of ``matrix`` under each weight vector, for the method called ``method``."""
    from decide.methods.run import batch_scores as run_batch

    return run_batch(get_method(method, params), matrix, weights, tables)


def with_scores(matrix: Matrix, table) -> Matrix:
    """A copy of ``matrix`` whose scores are ``table`` (strategies x criteria)."""
    from dataclasses import replace

    names = matrix.criterion_names
    strategies = tuple(
        replace(s, scores={c: float(v) for c, v in zip(names, row, strict=True)})
        for s, row in zip(matrix.strategies, table, strict=True)
    )
    return replace(matrix, strategies=strategies)


def four_criteria_matrix(seed: int, strategies: int = 7) -> Matrix:
    """Scores on a [1, 10] scale, two benefit and two cost criteria, no ties."""
    rng = np.random.default_rng(seed)
    return make_matrix(
        rng.uniform(1, 10, (strategies, 4)), ["max", "max", "min", "min"], [1, 1, 1, 1],
        criteria=["stability", "deterrence", "cost", "risk"], scale=(1.0, 10.0),
    )
