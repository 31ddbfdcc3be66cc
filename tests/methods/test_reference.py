"""Reference-point methods (SPOTIS, RIM, ERVD): published examples and parameters."""

from __future__ import annotations

import numpy as np
import pytest

from decide import MethodError, SpecError
from decide.methods import get_method
from tests.helpers import (
    check,
    cross_checked,
    evaluate,
    make_matrix,
    published,
    random_integer_matrix,
    zero_cost_matrix,
)


def test_spotis_needs_bounds():
    matrix = make_matrix([[5, 2], [3, 4]], ["max", "min"], [1, 1])
    with pytest.raises(MethodError, match="criterion 'c1' has no bounds; SPOTIS"):
        evaluate(matrix, "spotis")
    ranks, _ = evaluate(matrix, "spotis", {"bounds": "0:10"})
    assert ranks.tolist() == [1, 2]


def test_spotis_bounds_must_hold_the_scores():
    matrix = make_matrix([[5, 2], [3, 4]], ["max", "min"], [1, 1])
    with pytest.raises(
        MethodError,
        match=r"criterion 'c1' is 5 for strategy 'A1', outside its bounds \[0, 4\]",
    ):
        evaluate(matrix, "spotis", {"bounds": "c1:0:4,c2:0:10"})


@published("spotis", "Dezert et al. (2020), example A")
def test_spotis_dezert_2020_example_a():
    """Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). The SPOTIS rank
    reversal free method for multi-criteria decision-making support. FUSION 2020;
    example 1 (4 alternatives, 3 criteria with bounds [-5, 12], [-6, 10], [-8, 5]),
    scores to 4 decimals (compared at 3, as the paper's own rounding of the scores
    differs by up to 0.0005)."""
    matrix = make_matrix(
        [[10.5, -3.1, 1.7], [-4.7, 0, 3.4], [8.1, 0.3, 1.3], [3.2, 7.3, -5.3]],
        ["max", "min", "max"],
        [0.2, 0.3, 0.5],
        criteria=["C1", "C2", "C3"],
    )
    check(
        matrix,
        "spotis",
        [1, 3, 2, 4],
        [0.1989, 0.3707, 0.3063, 0.7491],
        3,
        params={"bounds": "C1:-5:12, C2:-6:10, C3:-8:5"},
    )


@published("spotis", "Dezert et al. (2020), example B")
def test_spotis_dezert_2020_example_b():
    """Dezert et al. (2020), as above; example 2 (cars: price, consumption, CO2, fuel
    tank, max speed) with the paper's bounds; scores printed to 4 decimals."""
    matrix = make_matrix(
        [
            [15000, 4.3, 99, 42, 737],
            [15290, 5.0, 116, 42, 892],
            [15350, 5.0, 114, 45, 952],
            [15490, 5.3, 123, 45, 1120],
        ],
        ["min", "min", "min", "max", "max"],
        [0.2941, 0.2353, 0.2353, 0.0588, 0.1765],
        criteria=["C1", "C2", "C3", "C4", "C5"],
    )
    check(
        matrix,
        "spotis",
        [1, 3, 2, 4],
        [0.4779, 0.5781, 0.5558, 0.5801],
        4,
        params={"bounds": "C1:14000:16000,C2:3:8,C3:80:140,C4:35:60,C5:650:1300"},
    )


SHYUR_2015 = [
    [80, 70, 87, 77, 76, 80, 75],
    [85, 65, 76, 80, 75, 65, 75],
    [78, 90, 72, 80, 85, 90, 85],
    [75, 84, 69, 85, 65, 65, 70],
    [84, 67, 60, 75, 85, 75, 80],
    [85, 78, 82, 81, 79, 80, 80],
    [77, 83, 74, 70, 71, 65, 70],
    [78, 82, 72, 80, 78, 70, 60],
    [85, 90, 80, 88, 90, 80, 85],
    [89, 75, 79, 67, 77, 70, 75],
    [65, 55, 68, 62, 70, 50, 60],
    [70, 64, 65, 65, 60, 60, 65],
    [95, 80, 70, 75, 70, 75, 75],
    [70, 80, 79, 80, 85, 80, 70],
    [60, 78, 87, 70, 66, 70, 65],
    [92, 85, 88, 90, 85, 90, 95],
    [86, 87, 80, 70, 72, 80, 85],
]


SHYUR_2015_WEIGHTS = [0.066, 0.196, 0.066, 0.130, 0.130, 0.216, 0.196]


@published("ervd", "Shyur et al. (2015)")
def test_ervd_shyur_2015():
    """Shyur, H.-J., Yin, L., Shih, H.-S. & Cheng, C.-B. (2015). A multiple criteria
    decision making method based on relative value distances. Foundations of Computing
    and Decision Sciences 40(4), 299-315; the numerical example (17 candidates, 7 benefit
    criteria, reference point 80 on every criterion, lambda 2.25, alpha 0.88), relative
    closeness printed to 3 decimals. scikit-criteria's and pymcdm's test suites use the
    same data and numbers."""
    matrix = make_matrix(SHYUR_2015, ["max"] * 7, SHYUR_2015_WEIGHTS)
    check(
        matrix,
        "ervd",
        [7, 13, 3, 12, 9, 4, 14, 11, 2, 10, 17, 16, 8, 6, 15, 1, 5],
        [
            0.660,
            0.503,
            0.885,
            0.521,
            0.610,
            0.796,
            0.498,
            0.549,
            0.908,
            0.565,
            0.070,
            0.199,
            0.632,
            0.716,
            0.438,
            0.972,
            0.767,
        ],
        3,
        params={"reference": "80"},
    )


@cross_checked("ervd")
def test_ervd_equals_pymcdm_with_cost_criteria():
    """pymcdm's ERVD, an independent implementation that normalises by itself, agrees
    on a matrix with cost criteria and a reference point per criterion."""
    from pymcdm.methods import ERVD

    matrix = random_integer_matrix(21)
    reference = [4.0, 6.5, 5.0, 3.0]
    _, scores = evaluate(matrix, "ervd", {"reference": ", ".join(f"c{j + 1}:{r}" for j, r in enumerate(reference))})
    types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
    expected = ERVD(ref_point=np.array(reference))(
        matrix.to_frame().to_numpy(), np.array(list(matrix.weights.values())), types
    )
    np.testing.assert_allclose(scores, expected)


def ervd_scores(matrix, params=None):
    return evaluate(matrix, "ervd", params)[1]


def test_ervd_reference_defaults_to_the_middle_of_the_scale():
    matrix = random_integer_matrix(22)  # scale (1, 10)
    np.testing.assert_allclose(ervd_scores(matrix), ervd_scores(matrix, {"reference": "5.5"}))


def test_ervd_reference_defaults_to_the_mean_score_without_a_scale():
    values = [[5, 2, 7], [9, 3, 5], [7, 1, 8]]
    matrix = make_matrix(values, ["max", "min", "max"], [1, 1, 1])
    means = np.mean(values, axis=0)
    given = ", ".join(f"c{j + 1}:{m}" for j, m in enumerate(means))
    np.testing.assert_allclose(ervd_scores(matrix), ervd_scores(matrix, {"reference": given}))


def test_ervd_reference_for_some_criteria_keeps_the_default_for_the_others():
    matrix = random_integer_matrix(23)
    np.testing.assert_allclose(
        ervd_scores(matrix, {"reference": "c2:3"}),
        ervd_scores(matrix, {"reference": "c1:5.5, c2:3, c3:5.5, c4:5.5"}),
    )


def test_ervd_parameters_are_checked():
    def ervd(params):
        return get_method("ervd", params).params

    assert ervd({"alpha": "1", "lambda": "1"}) == {"reference": None, "lambda": 1.0, "alpha": 1.0}
    with pytest.raises(SpecError) as error:
        ervd({"alpha": "0"})
    assert str(error.value) == "method 'ervd': parameter 'alpha' is 0; allowed: 0 < alpha <= 1"
    with pytest.raises(SpecError, match=r"parameter 'lambda' is -1; allowed: 0 < lambda$"):
        ervd({"lambda": "-1"})
    with pytest.raises(SpecError) as error:
        ervd({"reference": "cost:high"})
    assert str(error.value) == (
        "method 'ervd': parameter 'reference' is 'cost:high': 'high' is not a number; "
        "write VALUE or CRITERION:VALUE,..."
    )


def test_ervd_refuses_what_sum_normalisation_cannot_take():
    negative = make_matrix([[5, 2], [-3, 1]], ["max", "min"], [1, 1], criteria=["gain", "cost"])
    with pytest.raises(MethodError) as error:
        evaluate(negative, "ervd")
    assert str(error.value) == (
        "Example: ervd cannot rank this matrix: criterion 'gain' has a negative value (-3) for "
        "strategy 'A2'; sum normalisation needs values of at least 0; rescale the scores so that "
        "every value is at least 0, or rank with a method that takes any value, such as topsis or vikor"
    )
    zeros = make_matrix([[5, 0], [3, 0]], ["max", "min"], [1, 1], criteria=["gain", "cost"])
    with pytest.raises(MethodError, match="criterion 'cost' is zero for every strategy; sum normalisation"):
        evaluate(zeros, "ervd")


def test_ervd_ties_a_matrix_without_differences_like_every_method():
    """Two identical strategies: nothing to compare, so both rank 1st (no division by zero)."""
    matrix = make_matrix([[5, 2], [5, 2]], ["max", "min"], [1, 1])
    ranks, scores = evaluate(matrix, "ervd")
    assert ranks.tolist() == [1, 1]
    assert scores.tolist() == [1.0, 1.0]


def test_ervd_takes_a_zero_cost():
    ranks, scores = evaluate(zero_cost_matrix(), "ervd")
    assert np.all(np.isfinite(scores)) and len(ranks) == 3


# -- SPOTIS's ideal solution point as a parameter (issue 22 §3) ------------------------


@cross_checked("spotis")
@pytest.mark.parametrize("seed", range(3))
def test_spotis_ideal_point_equals_pymcdm_expected_solution_point(seed):
    from pymcdm.methods import SPOTIS

    matrix = random_integer_matrix(seed)
    bounds = np.array([[1.0, 10.0]] * 4)
    types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
    ideal = [8.0, 3.0, 9.0, 2.0]
    _, scores = evaluate(matrix, "spotis", {"ideal": "c1:8, c2:3, c3:9, c4:2"})
    expected = SPOTIS(bounds, esp=np.array(ideal))(matrix.to_array(), matrix.weight_array(), types)
    np.testing.assert_allclose(scores, expected, atol=1e-12)


def test_spotis_default_ideal_is_the_best_bound():
    matrix = random_integer_matrix(7)
    best = ", ".join(
        f"{c}:{10 if o == 'max' else 1}" for c, o in zip(matrix.criterion_names, matrix.objectives, strict=True)
    )
    np.testing.assert_array_equal(evaluate(matrix, "spotis")[1], evaluate(matrix, "spotis", {"ideal": best})[1])
    # a single criterion's ideal moved changes the scores, the others keep the best bound
    assert not np.allclose(evaluate(matrix, "spotis")[1], evaluate(matrix, "spotis", {"ideal": "c1:5"})[1])


def test_spotis_ideal_outside_the_bounds_is_refused():
    matrix = random_integer_matrix(7)
    with pytest.raises(MethodError, match=r"the ideal point of criterion 'c2' is 12, outside its bounds \[1, 10\]"):
        evaluate(matrix, "spotis", {"ideal": "c2:12"})
