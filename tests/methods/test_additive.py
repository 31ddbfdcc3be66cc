"""Additive and multiplicative methods (WSM, WPM, WASPAS, CoCoSo): published examples and preconditions."""

from __future__ import annotations

import numpy as np
import pytest

from decide import MethodError
from tests.helpers import (
    chakraborty_2015_example_2,
    check,
    evaluate,
    make_matrix,
    published,
    zero_cost_matrix,
)


def test_wpm_refuses_a_zero_cost_instead_of_inverting_it_to_infinity():
    with pytest.raises(MethodError) as error:
        evaluate(zero_cost_matrix(), "wpm")
    assert str(error.value).startswith(
        "Example: wpm cannot rank this matrix: criterion 'cost' has a zero for strategy 'X'; "
    )


def test_cocoso_names_the_strategy_that_is_worst_everywhere():
    matrix = make_matrix([[5, 2], [3, 4], [4, 1]], ["max", "min"], [1, 1])
    with pytest.raises(MethodError, match="strategy 'A2' is the worst on every weighted criterion"):
        evaluate(matrix, "cocoso")


@published("cocoso", "Yazdani et al. (2019)")
def test_cocoso_yazdani_2019():
    """Yazdani, M., Zarate, P., Zavadskas, E. K. & Turskis, Z. (2019). A combined
    compromise solution (CoCoSo) method for multi-criteria decision-making problems.
    Management Decision 57(9), 2501-2519; the robot-selection example, from its
    normalised decision matrix (already min-max normalised, so decide's normalisation
    leaves it unchanged); final scores k printed to 3 decimals."""
    matrix = make_matrix(
        [
            [1, 0, 1, 0.0566, 0.4127],
            [0.067, 0.7813, 0.2303, 1, 0.4563],
            [0.0748, 0.9375, 0.5895, 0.434, 1],
            [0.1304, 0.625, 0.2222, 0.6226, 0.3913],
            [0, 0.9375, 0, 0.0566, 0.3485],
            [0.0348, 1, 0.2303, 0, 0],
            [0.0087, 0.9375, 0.6152, 0.2453, 0.3527],
        ],
        ["max"] * 5,
        [0.036, 0.192, 0.326, 0.326, 0.12],
    )
    ranks, scores = evaluate(matrix, "cocoso")
    assert ranks.tolist() == [5, 2, 1, 4, 7, 6, 3]
    np.testing.assert_allclose(scores, [2.041, 2.788, 2.882, 2.416, 1.3, 1.443, 2.52], atol=1e-2)


@published("waspas", "Chakraborty et al. (2015), example 2")
@pytest.mark.parametrize(
    ("lam", "expected"),
    [
        (
            0.0,
            [
                0.8578,
                0.8144,
                0.8408,
                0.9413,
                0.8632,
                0.8241,
                0.8454,
                0.8915,
                0.8987,
                0.8697,
            ],
        ),
        (
            0.5,
            [
                0.8584,
                0.8169,
                0.8419,
                0.9417,
                0.8638,
                0.8278,
                0.8503,
                0.8949,
                0.9027,
                0.8740,
            ],
        ),
        (
            1.0,
            [
                0.8590,
                0.8194,
                0.8430,
                0.9420,
                0.8645,
                0.8315,
                0.8552,
                0.8983,
                0.9067,
                0.8784,
            ],
        ),
    ],
)
def test_waspas_chakraborty_2015_example_2(lam, expected):
    """Chakraborty, S., Zavadskas, E. K. & Antucheviciene, J. (2015). Applications of
    WASPAS method as a multi-criteria decision-making tool. Economic Computation and
    Economic Cybernetics Studies and Research 49(1), 5-22; example 2 (ten alternatives,
    three cost and one benefit criterion), joint criterion Q_i for lambda 0, 0.5, 1 to 4
    decimals."""
    matrix = chakraborty_2015_example_2()
    check(
        matrix,
        "waspas",
        [6, 10, 8, 1, 5, 9, 7, 3, 2, 4],
        expected,
        4,
        params={"lambda": lam},
    )


def test_wpm_gives_cost_criteria_a_negative_exponent():
    matrix = make_matrix([[4, 2], [9, 3]], ["max", "min"], [0.5, 0.5])
    _, scores = evaluate(matrix, "wpm")
    np.testing.assert_allclose(10**scores, [4**0.5 * 2**-0.5, 9**0.5 * 3**-0.5])


def test_wsm_reverses_cost_criteria_on_a_min_max_scale():
    """Each criterion rescaled so its best value is 1 and its worst 0, then summed with
    weights: here A1 = 0.5*1 + 0.5*1 = 1 (best stability, lowest cost)."""
    matrix = make_matrix([[9, 2], [5, 6], [1, 10]], ["max", "min"], [0.5, 0.5])
    ranks, scores = evaluate(matrix, "wsm")
    assert np.allclose(scores, [1.0, 0.5, 0.0])
    assert ranks.tolist() == [1, 2, 3]


# -- WPM's score as the product or its log10 (issue 22 §3) ----------------------------


def test_wpm_product_score_is_the_weighted_product_and_keeps_the_order():
    matrix = make_matrix([[4, 2, 3], [2, 5, 1], [3, 3, 2]], ["max", "max", "min"], [0.5, 0.3, 0.2])
    ranks, product = evaluate(matrix, "wpm", {"score": "product"})
    values = matrix.to_array()
    weights = matrix.weight_array()
    expected = values[:, 0] ** weights[0] * values[:, 1] ** weights[1] / values[:, 2] ** weights[2]
    np.testing.assert_allclose(product, expected, rtol=1e-12)
    log_ranks, logarithm = evaluate(matrix, "wpm")
    np.testing.assert_allclose(logarithm, np.log10(expected), rtol=1e-12)
    assert ranks.tolist() == log_ranks.tolist()


def test_wpm_score_presentation_is_named_in_the_title():
    from decide.methods import get_method

    assert get_method("wpm").title == "wpm (normalization=none, score=log10)"
    assert get_method("wpm", {"score": "product"}).title == "wpm (normalization=none, score=product)"
