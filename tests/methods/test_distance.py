"""Distance-based methods (TOPSIS, VIKOR, EDAS, CODAS, MABAC, MAIRCA, MARCOS, PROBID): published examples."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from decide import MethodError
from decide.methods import get_method
from tests.helpers import (
    check,
    cross_checked,
    evaluate,
    make_matrix,
    published,
)


def test_sprobid_needs_four_strategies():
    matrix = make_matrix([[5, 2], [3, 4], [4, 3]], ["max", "min"], [1, 1])
    with pytest.raises(MethodError, match="it has 3 strategies; simplified PROBID"):
        evaluate(matrix, "sprobid")


def test_marcos_prints_nothing(capfd):
    evaluate(make_matrix([[5, 2], [3, 4], [4, 3]], ["max", "min"], [1, 1]), "marcos")
    assert capfd.readouterr().out == ""


@published("topsis", "Tzeng & Huang (2011), TOPSIS numerical example")
def test_topsis_tzeng_huang_2011():
    """Tzeng, G.-H. & Huang, J.-J. (2011). Multiple Attribute Decision Making: Methods
    and Applications. CRC Press; TOPSIS numerical example (4 alternatives, 3 benefit
    criteria), closeness coefficients printed to 4 decimals."""
    matrix = make_matrix([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], ["max"] * 3, [0.3, 0.4, 0.3])
    check(matrix, "topsis", [3, 2, 1, 4], [0.5037, 0.6581, 0.7482, 0.3340], 4)


@published("codas", "Keshavarz Ghorabaee et al. (2016), robot selection")
def test_codas_keshavarz_ghorabaee_2016_robot_selection():
    """Keshavarz Ghorabaee, M., Zavadskas, E. K., Turskis, Z. & Antucheviciene, J.
    (2016). A new combinative distance-based assessment (CODAS) method for multi-
    criteria decision-making. Economic Computation and Economic Cybernetics Studies and
    Research 50(3), 25-44; illustrative example 1 (robot selection, data of Chakraborty
    & Zavadskas 2014), assessment scores H printed to 4 decimals, tau = 0.02."""
    matrix = make_matrix(
        [
            [60, 0.4, 2540, 500, 990],
            [6.35, 0.15, 1016, 3000, 1041],
            [6.8, 0.10, 1727.2, 1500, 1676],
            [10, 0.2, 1000, 2000, 965],
            [2.5, 0.1, 560, 500, 915],
            [4.5, 0.08, 1016, 350, 508],
            [3, 0.1, 1778, 1000, 920],
        ],
        ["max", "min", "max", "max", "max"],
        [0.036, 0.192, 0.326, 0.326, 0.120],
    )
    check(
        matrix,
        "codas",
        [3, 1, 2, 5, 7, 6, 4],
        [0.5122, 1.4633, 1.0715, -0.2125, -1.8515, -1.1717, 0.1887],
        4,
    )


@published("mabac", "Pamucar & Cirovic (2015)")
def test_mabac_pamucar_cirovic_2015():
    """Pamucar, D. & Cirovic, G. (2015). The selection of transport and handling
    resources in logistics centers using MABAC. Expert Systems with Applications 42(6),
    3016-3028; the forklift example (7 forklifts, 10 criteria), criterion functions S_i
    printed to 4 decimals."""
    matrix = make_matrix(
        [
            [22600, 3800, 2, 5, 1.06, 3.00, 3.5, 2.8, 24.5, 6.5],
            [19500, 4200, 3, 2, 0.95, 3.00, 3.4, 2.2, 24.0, 7.0],
            [21700, 4000, 1, 3, 1.25, 3.20, 3.3, 2.5, 24.5, 7.3],
            [20600, 3800, 2, 5, 1.05, 3.25, 3.2, 2.0, 22.5, 11.0],
            [22500, 3800, 4, 3, 1.35, 3.20, 3.7, 2.1, 23.0, 6.3],
            [23250, 4210, 3, 5, 1.45, 3.60, 3.5, 2.8, 23.5, 7.0],
            [20300, 3850, 2, 5, 0.90, 3.25, 3.0, 2.6, 21.5, 6.0],
        ],
        ["min", "max", "max", "max", "min", "min", "max", "max", "max", "max"],
        [0.146, 0.144, 0.119, 0.121, 0.115, 0.101, 0.088, 0.068, 0.050, 0.048],
    )
    check(
        matrix,
        "mabac",
        [2, 1, 6, 5, 7, 3, 4],
        [0.0826, 0.2183, -0.0488, 0.0246, -0.0704, 0.0465, 0.0464],
        3,
    )


@published("marcos", "Stevic et al. (2020)")
def test_marcos_stevic_2020():
    """Stevic, Z., Pamucar, D., Puska, A. & Chatterjee, P. (2020). Sustainable supplier
    selection in healthcare industries using a new MCDM method: MARCOS. Computers &
    Industrial Engineering 140, 106231; eight suppliers, 21 criteria, utility functions
    f(K_i) printed to 3 decimals."""
    data = [
        [
            6.257,
            4.217,
            4.217,
            6.257,
            3.000,
            4.217,
            5.000,
            3.557,
            3.557,
            3.557,
            3.000,
            5.000,
            4.718,
            3.557,
            3.557,
            2.080,
            3.557,
            3.000,
            4.718,
            3.557,
            2.080,
        ],
        [
            4.217,
            6.804,
            7.000,
            5.000,
            7.000,
            6.804,
            5.593,
            5.593,
            6.804,
            7.000,
            5.000,
            7.612,
            5.593,
            6.257,
            5.000,
            7.000,
            5.593,
            5.593,
            6.804,
            5.593,
            5.593,
        ],
        [
            4.718,
            5.593,
            6.257,
            5.000,
            4.718,
            5.000,
            5.593,
            4.718,
            5.593,
            5.000,
            3.557,
            6.257,
            5.000,
            4.718,
            4.718,
            5.000,
            3.557,
            5.593,
            5.593,
            3.557,
            4.217,
        ],
        [
            5.000,
            6.804,
            5.000,
            3.000,
            5.000,
            6.257,
            7.612,
            3.557,
            5.000,
            6.257,
            6.257,
            5.593,
            6.257,
            5.000,
            5.593,
            7.000,
            5.000,
            6.257,
            5.000,
            3.557,
            4.217,
        ],
        [
            3.557,
            5.593,
            6.804,
            3.000,
            5.000,
            7.000,
            5.593,
            5.000,
            6.257,
            7.000,
            5.593,
            7.612,
            6.257,
            6.257,
            5.000,
            6.257,
            5.593,
            7.000,
            5.000,
            4.718,
            5.000,
        ],
        [
            6.257,
            3.000,
            4.217,
            5.000,
            3.557,
            3.000,
            4.217,
            3.000,
            4.217,
            3.000,
            2.466,
            3.000,
            4.217,
            3.557,
            5.000,
            3.000,
            4.217,
            3.557,
            2.080,
            5.000,
            3.000,
        ],
        [
            4.217,
            5.000,
            6.257,
            5.593,
            3.557,
            5.593,
            4.217,
            5.593,
            5.000,
            6.257,
            3.557,
            5.000,
            6.257,
            5.593,
            5.593,
            7.000,
            6.257,
            5.000,
            6.257,
            5.593,
            5.000,
        ],
        [
            7.612,
            1.442,
            3.000,
            9.000,
            2.080,
            3.000,
            1.442,
            2.080,
            1.442,
            3.000,
            1.000,
            1.442,
            2.080,
            3.000,
            3.000,
            1.000,
            1.442,
            1.442,
            3.000,
            2.080,
            1.000,
        ],
    ]
    weights = [
        0.127,
        0.159,
        0.060,
        0.075,
        0.043,
        0.051,
        0.075,
        0.061,
        0.053,
        0.020,
        0.039,
        0.022,
        0.017,
        0.027,
        0.022,
        0.039,
        0.017,
        0.035,
        0.015,
        0.024,
        0.016,
    ]
    matrix = make_matrix(data, ["min", "max", "max", "min"] + ["max"] * 17, weights)
    ranks, scores = evaluate(matrix, "marcos")
    assert ranks.tolist() == [6, 1, 5, 3, 2, 7, 4, 8]
    np.testing.assert_allclose(scores, [0.524, 0.846, 0.704, 0.796, 0.843, 0.499, 0.722, 0.290], atol=1e-2)


WANG_2021 = [
    [0.1299, 0.1754, 0.3256, 0.3255, 0.0892],
    [0.1712, 0.1500, 0.2825, 0.2827, 0.2029],
    [0.1903, 0.1662, 0.3349, 0.3358, 0.0169],
    [0.2207, 0.1772, 0.3450, 0.3449, 0.0488],
    [0.2403, 0.1751, 0.3284, 0.3294, 0.0889],
    [0.2764, 0.1690, 0.2865, 0.2866, 0.1951],
    [0.3041, 0.2274, 0.2719, 0.2723, 0.3481],
    [0.3390, 0.1486, 0.2731, 0.2736, 0.3037],
    [0.3858, 0.1944, 0.3274, 0.3281, 0.2587],
    [0.4251, 0.6560, 0.2618, 0.2593, 0.5786],
    [0.4448, 0.5353, 0.2622, 0.2606, 0.5358],
]


WANG_2021_OBJECTIVES = ["max", "min", "min", "min", "min"]


WANG_2021_WEIGHTS = [0.1819, 0.2131, 0.1838, 0.1832, 0.2379]


@published("probid", "Wang et al. (2021)")
def test_probid_wang_2021():
    """Wang, Z., Rangaiah, G. P. & Wang, X. (2021). Preference ranking on the basis of
    ideal-average distance method for multi-criteria decision-making. Industrial &
    Engineering Chemistry Research 60(30), 11216-11230; the first case study from its
    vector-normalised matrix (11 Pareto-optimal solutions, 5 objectives), performance
    scores P_i printed to 4 decimals (agreement here to 2, as the normalised input is
    itself rounded)."""
    matrix = make_matrix(WANG_2021, WANG_2021_OBJECTIVES, WANG_2021_WEIGHTS)
    ranks, scores = evaluate(matrix, "probid")
    assert ranks.tolist() == [5, 6, 3, 2, 1, 4, 9, 8, 7, 11, 10]
    np.testing.assert_allclose(
        scores,
        [
            0.8568,
            0.7826,
            0.9362,
            0.9369,
            0.9379,
            0.8716,
            0.5489,
            0.7231,
            0.7792,
            0.3331,
            0.3387,
        ],
        atol=1e-2,
    )


@published("sprobid", "Wang et al. (2021), simplified PROBID")
def test_simplified_probid_wang_2021():
    """Wang, Rangaiah & Wang (2021), as above: the simplified PROBID scores of the same
    case study."""
    matrix = make_matrix(WANG_2021, WANG_2021_OBJECTIVES, WANG_2021_WEIGHTS)
    ranks, scores = evaluate(matrix, "sprobid")
    assert ranks.tolist() == [5, 7, 3, 2, 1, 4, 9, 8, 6, 11, 10]
    np.testing.assert_allclose(
        scores,
        [
            2.4246,
            2.0596,
            3.2805,
            3.3702,
            3.4375,
            2.6435,
            1.2628,
            1.8158,
            2.0885,
            0.3399,
            0.4279,
        ],
        atol=1e-2,
    )


def test_sprobid_names_a_strategy_best_everywhere():
    matrix = make_matrix([[9, 1], [5, 4], [4, 3], [6, 2]], ["max", "min"], [1, 1])
    with pytest.raises(MethodError, match="strategy 'A1' is the best on every"):
        evaluate(matrix, "sprobid")


@published("topsis", "Tzeng & Huang (2011), TOPSIS numerical example")
def test_topsis_tzeng_huang_2011_scores_and_ranks():
    """Tzeng, G.-H. & Huang, J.-J. (2011). Multiple Attribute Decision Making: Methods and
    Applications. CRC Press; TOPSIS example (4 alternatives, 3 benefit criteria,
    w = 0.3, 0.4, 0.3): closeness 0.5037, 0.6581, 0.7482, 0.3340 (4 decimals)."""
    matrix = make_matrix([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], ["max"] * 3, [0.3, 0.4, 0.3])
    ranks, scores = evaluate(matrix, "topsis")
    assert np.round(scores, 4).tolist() == [0.5037, 0.6581, 0.7482, 0.3340]
    assert ranks.tolist() == [3, 2, 1, 4]


@published("topsis", "R package MCDA, TOPSIS documentation example")
def test_topsis_cost_criterion_ideal_points_match_published_example():
    """R package MCDA (Bigaret, Meyer et al.), TOPSIS documentation example: three cars,
    purchase price (min), economy, aesthetics, boot capacity (max), w = .35, .25, .25, .15.
    The published positive ideal solution is (0.179573776, 0.171636015, 0.159499658,
    0.087302767) and the negative one (0.212610118, 0.124958799, 0.131352659, 0.085797547):
    the cheapest price is the ideal, which negating the cost criterion before vector
    normalisation reproduces (inverting 1/x would not)."""
    matrix = make_matrix(
        [[5490, 51.4, 8.5, 285], [6500, 70.6, 7, 288], [6489, 54.3, 7.5, 290]],
        ["min", "max", "max", "max"],
        [0.35, 0.25, 0.25, 0.15],
    )
    result = get_method("topsis").pipeline().evaluate(matrix.to_skcriteria())
    assert np.allclose(np.abs(result.e_.ideal), [0.179573776, 0.171636015, 0.159499658, 0.087302767])
    assert np.allclose(np.abs(result.e_.anti_ideal), [0.212610118, 0.124958799, 0.131352659, 0.085797547])


def textbook_topsis(values, objectives, weights):
    """Hwang & Yoon (1981), steps 1-6, written out independently of scikit-criteria."""
    values = np.asarray(values, dtype=float)
    weighted = values / np.sqrt((values**2).sum(axis=0)) * np.asarray(weights)
    is_max = np.array([o == "max" for o in objectives])
    ideal = np.where(is_max, weighted.max(axis=0), weighted.min(axis=0))
    anti = np.where(is_max, weighted.min(axis=0), weighted.max(axis=0))
    to_ideal = np.sqrt(((weighted - ideal) ** 2).sum(axis=1))
    to_anti = np.sqrt(((weighted - anti) ** 2).sum(axis=1))
    return to_anti / (to_ideal + to_anti)


@cross_checked("topsis")
def test_topsis_equals_textbook_steps_with_cost_criteria():
    generator = np.random.default_rng(7)
    for _ in range(25):
        values = generator.uniform(1, 10, size=(6, 4))
        weights = generator.dirichlet(np.ones(4))
        objectives = ["max", "max", "min", "min"]
        _, scores = evaluate(make_matrix(values, objectives, weights), "topsis")
        assert np.allclose(scores, textbook_topsis(values, objectives, weights), atol=1e-12)


@published("vikor", "Opricovic & Tzeng (2004), EJOR 156(2), numerical example")
def test_vikor_opricovic_tzeng_2004():
    """Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM methods: a
    comparative analysis of VIKOR and TOPSIS. EJOR 156(2), 445-455; numerical example
    (risk min, altitude max, equal weights): Q = 1, 0, 1 and A2 the compromise."""
    matrix = make_matrix([[1, 3000], [2, 3750], [5, 4500]], ["min", "max"], [0.5, 0.5])
    ranks, scores = evaluate(matrix, "vikor")
    assert np.allclose(scores, [1.0, 0.0, 1.0])
    assert ranks.tolist() == [2, 1, 2]


@published("vikor", "Opricovic & Tzeng (2007), EJOR 178(2), hydro-power example")
def test_vikor_opricovic_tzeng_2007_table():
    """Opricovic, S. & Tzeng, G.-H. (2007). Extended VIKOR method in comparison with
    outranking methods. EJOR 178(2), 514-529; hydro-power example with equal weights
    (W1): Q = 0.991, 1.0, 0.473, 0.670, 0.0, 0.578 (3 decimals), A5 first."""
    values = [
        [4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41],
        [5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41],
        [5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42],
        [5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36],
        [5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04],
        [4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36],
    ]
    objectives = ["max", "min", "max", "max", "min", "min", "min", "max"]
    matrix = make_matrix(values, objectives, [1] * 8)
    ranks, scores = evaluate(matrix, "vikor", {"use_compromise_set": False})
    assert np.allclose(scores, [0.991, 1.0, 0.473, 0.670, 0.0, 0.578], atol=1.5e-3)
    assert ranks.tolist() == [5, 6, 2, 4, 1, 3]


def _exact_vikor_q(values, objectives, weights, v=Fraction(1, 2)):
    """Q of Opricovic & Tzeng (2004) in exact rational arithmetic."""
    columns = list(zip(*values, strict=True))
    total = sum(weights)
    gaps = []
    for row in values:
        gap = []
        for j, x in enumerate(row):
            high, low = max(columns[j]), min(columns[j])
            best, worst = (high, low) if objectives[j] == "max" else (low, high)
            gap.append(Fraction(weights[j], total) * Fraction(best - x, best - worst))
        gaps.append(gap)
    s = [sum(g) for g in gaps]
    r = [max(g) for g in gaps]
    return [
        v * (si - min(s)) / (max(s) - min(s)) + (1 - v) * (ri - min(r)) / (max(r) - min(r))
        for si, ri in zip(s, r, strict=True)
    ]


def test_vikor_acceptable_advantage_counts_a_gap_equal_to_dq_up_to_float_noise():
    """Issue 22 §1: C1 is Q(A2) - Q(A1) >= DQ = 1/(m - 1). Here the gap is exactly
    1/4 = DQ in exact arithmetic (A3 leads, A1 follows) but 0.24999999999999997 in
    floating point; without the tie tolerance A1 joined the compromise set."""
    values = [[3, 9, 4], [4, 4, 7], [8, 5, 2], [6, 9, 7], [4, 8, 5]]
    objectives = ["max", "max", "min"]
    weights = [1, 1, 2]
    exact = _exact_vikor_q(values, objectives, weights)
    assert exact[0] - exact[2] == Fraction(1, 4) and min(exact) == exact[2]
    ranks, scores = evaluate(make_matrix(values, objectives, weights), "vikor")
    assert scores[0] - scores[2] < 0.25  # the noise the rule must not act on
    # C1 holds; C2 holds too (A3 is also best by S), so A3 alone is the compromise
    assert ranks.tolist() == [2, 5, 1, 4, 3]


def test_vikor_a_gap_clearly_below_dq_still_joins_the_compromise_set():
    # the same matrix with cost weighted 2.2: the gap is 0.240 < DQ = 0.25, so C1 fails
    # and A1 shares rank 1 with A3 (the tolerance only absorbs floating-point noise)
    values = [[3, 9, 4], [4, 4, 7], [8, 5, 2], [6, 9, 7], [4, 8, 5]]
    exact = _exact_vikor_q(values, ["max", "max", "min"], [Fraction(1), Fraction(1), Fraction(11, 5)])
    assert exact[0] - exact[2] < Fraction(1, 4)
    ranks, _ = evaluate(make_matrix(values, ["max", "max", "min"], [1, 1, 2.2]), "vikor")
    assert ranks.tolist() == [1, 4, 1, 3, 2]
