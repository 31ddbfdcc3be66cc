"""The MOORA family (ratio, reference point, full multiplicative form, MULTIMOORA)."""

from __future__ import annotations

import numpy as np
import pytest

from decide import MethodError
from tests.helpers import (
    cross_checked,
    evaluate,
    make_matrix,
    random_integer_matrix,
)


def test_multimoora_needs_positive_weights():
    matrix = make_matrix([[5, 2], [3, 1]], ["max", "min"], [1, 0])
    with pytest.raises(MethodError, match="criterion 'c2' has weight 0"):
        evaluate(matrix, "multimoora")


# -- fmf: the weighted full multiplicative form (weights as exponents) -----------------


def _us_matrix():
    from decide.io.load import load_matrix, shipped_matrices_dir

    return load_matrix(shipped_matrices_dir() / "united-states.yaml")


def _reweighted(matrix, weights):
    from dataclasses import replace

    criteria = tuple(replace(c, weight=weights.get(c.name, c.weight)) for c in matrix.criteria)
    return replace(matrix, criteria=criteria)


def test_fmf_order_follows_the_weights_on_a_small_example():
    # A is better on c1, B on c2: (3/1)^w1 against (1/3)^w2 after normalisation (both
    # columns have norm sqrt(10)), so the heavier criterion decides.
    matrix = make_matrix([[3, 1], [1, 3]], ["max", "max"], [0.7, 0.3])
    ranks, scores = evaluate(matrix, "fmf")
    assert ranks.tolist() == [1, 2]
    norm = np.sqrt(10.0)
    np.testing.assert_allclose(
        scores, [0.7 * np.log(3 / norm) + 0.3 * np.log(1 / norm), 0.7 * np.log(1 / norm) + 0.3 * np.log(3 / norm)]
    )
    flipped = make_matrix([[3, 1], [1, 3]], ["max", "max"], [0.3, 0.7])
    assert evaluate(flipped, "fmf")[0].tolist() == [2, 1]


def test_fmf_weights_change_the_order_on_the_us_matrix():
    """Issue 22 §1: -w stability=0.7 or deterrence=0.9 kept fmf's order unchanged."""
    us = _us_matrix()
    base = evaluate(us, "fmf")[1]
    others = {"stability": 0.1, "deterrence": 0.1, "cost": 0.1, "risk": 0.1}
    for criterion in ("stability", "deterrence"):
        heavy = _reweighted(us, {**others, criterion: 0.9})
        scores = evaluate(heavy, "fmf")[1]
        assert np.argsort(-scores, kind="stable").tolist() != np.argsort(-base, kind="stable").tolist()


def test_fmf_with_equal_weights_orders_as_the_unweighted_product():
    from skcriteria.agg import moora
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing.scalers import VectorScaler

    matrix = random_integer_matrix(3)
    equal = _reweighted(matrix, dict.fromkeys(matrix.criterion_names, 1.0))
    _, scores = evaluate(equal, "fmf")
    unweighted = (
        mkpipe(VectorScaler(target="matrix"), moora.FullMultiplicativeForm()).evaluate(equal.to_skcriteria()).e_.score
    )
    # scikit-criteria's score is sum(ln(w x)) with w = 1/4: 4 x ours minus a constant
    difference = unweighted - 4 * scores
    np.testing.assert_allclose(difference, difference[0])


@cross_checked("fmf")
@pytest.mark.parametrize("seed", range(4))
def test_fmf_equals_a_weighted_product_of_vector_normalised_scores(seed):
    # the weighted FMF is WPM (scikit-criteria: sum w log10 x, costs inverted) on the
    # vector-normalised matrix, up to the base of the logarithm
    from skcriteria.agg.simple import WeightedProductModel
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing.invert_objectives import InvertMinimize
    from skcriteria.preprocessing.scalers import VectorScaler

    matrix = random_integer_matrix(seed)
    _, scores = evaluate(matrix, "fmf")
    pipe = mkpipe(VectorScaler(target="matrix"), InvertMinimize(), WeightedProductModel())
    expected = pipe.evaluate(matrix.to_skcriteria()).e_.score * np.log(10)
    np.testing.assert_allclose(scores, expected, rtol=1e-12)
