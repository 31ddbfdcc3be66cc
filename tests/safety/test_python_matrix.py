"""A Matrix built in Python is checked by the same code as a file: negative or NaN weights,
duplicate names, hidden characters and out-of-scale scores are refused, never ranked."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decide.analysis.ranking import rank
from decide.core.errors import DecideError, MatrixError
from decide.core.model import Criterion, Matrix, Strategy
from decide.io.load import check_matrix, matrix_problems

GOOD = Matrix(
    "Example",
    (Criterion("gain", "max", 0.6), Criterion("cost", "min", 0.4)),
    (Strategy("A", {"gain": 5, "cost": 2}), Strategy("B", {"gain": 3, "cost": 1})),
    scale=(1, 10),
)


def _with(**changes) -> Matrix:
    from dataclasses import replace

    return replace(GOOD, **changes)


BAD = {
    "negative weight": (
        _with(criteria=(Criterion("gain", "max", -0.6), Criterion("cost", "min", 0.4))),
        "'weight' is -0.6",
    ),
    "NaN weight": (
        _with(criteria=(Criterion("gain", "max", math.nan), Criterion("cost", "min", 0.4))),
        "'weight' is nan",
    ),
    "all weights zero": (_with(criteria=(Criterion("gain", "max", 0), Criterion("cost", "min", 0))), "zero"),
    "duplicate strategy": (
        _with(strategies=(Strategy("A", {"gain": 5, "cost": 2}), Strategy("A", {"gain": 3, "cost": 1}))),
        "duplicate strategy name",
    ),
    "duplicate criterion": (
        _with(criteria=(Criterion("gain", "max", 0.6), Criterion("gain", "min", 0.4))),
        "duplicate criterion name",
    ),
    "out of scale": (
        _with(strategies=(Strategy("A", {"gain": 50, "cost": 2}), Strategy("B", {"gain": 3, "cost": 1}))),
        "outside",
    ),
    "NaN score": (
        _with(strategies=(Strategy("A", {"gain": math.nan, "cost": 2}), Strategy("B", {"gain": 3, "cost": 1}))),
        "gain",
    ),
    "missing score": (
        _with(strategies=(Strategy("A", {"gain": 5}), Strategy("B", {"gain": 3, "cost": 1}))),
        "no score for criterion 'cost'",
    ),
    "bad objective": (_with(criteria=(Criterion("gain", "up", 0.6), Criterion("cost", "min", 0.4))), "objective"),
    "bidi name": (
        _with(strategies=(Strategy("A\u202eB", {"gain": 5, "cost": 2}), Strategy("B", {"gain": 3, "cost": 1}))),
        "text-direction",
    ),
    "newline actor": (_with(actor="Ex\nample"), "control"),
    "huge score": (
        _with(
            scale=None, strategies=(Strategy("A", {"gain": 1e300, "cost": 2}), Strategy("B", {"gain": 3, "cost": 1}))
        ),
        "outside the range",
    ),
    "string score": (
        _with(strategies=(Strategy("A", {"gain": "5", "cost": 2}), Strategy("B", {"gain": 3, "cost": 1}))),
        "gain",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_python_matrices_are_refused_like_files(case):
    matrix, expected = BAD[case]
    with pytest.raises(MatrixError) as raised:
        rank(matrix, method="wsm")
    assert expected in str(raised.value) or any(expected in p for p in raised.value.problems), raised.value.problems
    assert "\n" not in str(raised.value)


def test_a_good_python_matrix_ranks_and_numpy_numbers_are_fine():
    assert rank(GOOD, method="wsm")
    numpy_matrix = _with(
        criteria=(Criterion("gain", "max", np.float64(0.6)), Criterion("cost", "min", np.int64(1))),
        strategies=(Strategy("A", {"gain": np.int64(5), "cost": np.float32(2)}), Strategy("B", {"gain": 3, "cost": 1})),
    )
    assert matrix_problems(numpy_matrix) == []


def test_checked_once():
    assert check_matrix(GOOD) is GOOD
    assert check_matrix(GOOD) is GOOD  # the second time from the record


@settings(max_examples=150)
@given(
    weights=st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=2, max_size=2),
    scores=st.lists(
        st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**20), 10**20)),
        min_size=4,
        max_size=4,
    ),
)
def test_random_python_matrices_rank_or_are_refused_cleanly(weights, scores):
    matrix = Matrix(
        "R",
        (Criterion("a", "max", weights[0]), Criterion("b", "min", weights[1])),
        (Strategy("X", {"a": scores[0], "b": scores[1]}), Strategy("Y", {"a": scores[2], "b": scores[3]})),
    )
    try:
        result = rank(matrix, method="wsm")
    except DecideError as error:
        assert "\n" not in str(error)
    else:
        assert all(math.isfinite(w) and w >= 0 for w in weights)
        assert np.isfinite(result.results[0].table["score"].to_numpy(dtype=float)).all()
