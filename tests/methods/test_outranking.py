"""Outranking methods (ELECTRE II, PROMETHEE II): parameters and cross-checks with pymcdm."""

from __future__ import annotations

import numpy as np
import pytest

from decide import MethodError, SpecError
from decide.methods import get_method
from tests.helpers import (
    cross_checked,
    evaluate,
    make_matrix,
    random_integer_matrix,
)


def test_electre2_thresholds_must_be_ordered():
    with pytest.raises(SpecError, match=r"p0 >= p1 >= p2; got p0=0.4, p1=0.5, p2=0.35"):
        get_method("electre2", {"p0": "0.4"})


def test_promethee_threshold_is_required_by_its_function():
    matrix = make_matrix([[5, 2], [3, 4]], ["max", "min"], [1, 1])
    with pytest.raises(
        MethodError,
        match="criterion 'c2' uses the vshape preference function, which needs "
        "threshold p",
    ):
        evaluate(matrix, "promethee2", {"preference": "c2:vshape"})


@cross_checked("promethee2")
def test_promethee_vshape_equals_pymcdm():
    from pymcdm.methods import PROMETHEE_II

    matrix = random_integer_matrix(11)
    _, scores = evaluate(matrix, "promethee2", {"preference": "vshape", "p": "3"})
    types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
    weights = np.array(list(matrix.weights.values()))
    flows = PROMETHEE_II("vshape", p=[3.0] * 4)(
        matrix.to_frame().to_numpy(), weights, types, validation=False
    )
    np.testing.assert_allclose(scores, flows)


@cross_checked("promethee2")
def test_promethee_mixed_functions_add_per_criterion_flows():
    from pymcdm.methods import PROMETHEE_II

    matrix = random_integer_matrix(12)
    _, scores = evaluate(
        matrix,
        "promethee2",
        {"preference": "c1:level, c2:vshape", "p": "4", "q": "c1:1"},
    )
    values = matrix.to_frame().to_numpy()
    types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
    weights = np.array(list(matrix.weights.values()))
    expected = (
        PROMETHEE_II("level", p=[4.0], q=[1.0])(
            values[:, [0]], weights[[0]], types[[0]], validation=False
        )
        + PROMETHEE_II("vshape", p=[4.0])(
            values[:, [1]], weights[[1]], types[[1]], validation=False
        )
        + PROMETHEE_II("usual")(values[:, 2:], weights[2:], types[2:], validation=False)
    )
    np.testing.assert_allclose(scores, expected)
