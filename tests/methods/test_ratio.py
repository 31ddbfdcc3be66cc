"""Ratio methods (ARAS, COPRAS, RAM, OCRA): published examples and preconditions."""

from __future__ import annotations

import numpy as np
import pytest

from decide import MethodError
from tests.helpers import (
    check,
    evaluate,
    make_matrix,
    published,
    random_integer_matrix,
    zero_cost_matrix,
)


def test_copras_refuses_a_strategy_without_costs():
    with pytest.raises(MethodError, match=r"strategy 'X' has a zero on every criterion to minimise"):
        evaluate(zero_cost_matrix(), "copras")


def test_copras_needs_a_cost_criterion():
    matrix = make_matrix([[5, 2], [3, 1]], ["max", "max"], [1, 1])
    with pytest.raises(MethodError, match="it has no criterion to minimise; COPRAS"):
        evaluate(matrix, "copras")


@published("aras", "Balezentiene & Kusta (2012)")
def test_aras_balezentiene_kusta_2012():
    """Balezentiene, L. & Kusta, A. (2012). Reducing greenhouse gas emissions in
    grassland ecosystems of the central Lithuania: multi-criteria evaluation on a basis
    of the ARAS method. The Scientific World Journal 2012, 908384; utility degrees K_i
    of the ten fertilisation treatments (the optimal row is the best value of each
    criterion)."""
    matrix = make_matrix(
        [
            [957.5, 190.1977, 70, 0.039592, 2.166783, 0.0141],
            [892.5, 203.8013, 53, 0.025849, 2.994347, 0.016642],
            [1002.5, 235.0942, 75, 0.015479, 4.742146, 0.019484],
            [1150.0, 271.4, 76, 0.022, 7.055962, 0.022147],
            [1520.0, 192.5579, 70, 0.025442, 8.424319, 0.024235],
            [1700.0, 386.1619, 90, 0.029429, 5.888983, 0.022218],
            [1355.0, 342.1966, 80, 0.0293, 8.635847, 0.024861],
            [2127.5, 495.4876, 90, 0.038453, 3.652983, 0.020537],
            [3020.0, 827.6948, 97, 0.031774, 11.03944, 0.024359],
            [2786.0, 795.0, 98, 0.021151, 8.952235, 0.023349],
        ],
        ["max", "max", "max", "min", "min", "min"],
        [1] * 6,
    )
    check(
        matrix,
        "aras",
        [4, 7, 5, 8, 10, 6, 9, 3, 2, 1],
        [
            0.5995,
            0.5320,
            0.5645,
            0.4917,
            0.4535,
            0.5515,
            0.4754,
            0.6360,
            0.6898,
            0.7222,
        ],
        4,
    )


@published("copras", "Uysal & Inan (2022)")
def test_copras_uysal_inan_2022():
    """Uysal, O. & Inan, T. (2022). Performance evaluation of research assistants by
    COPRAS method. International Journal of Social Science and Economic Research; five
    assistants, seven equally weighted criteria, utility degrees N_j in percent (4
    decimals)."""
    matrix = make_matrix(
        [
            [3.57, 4.00, 4.00, 83.75, 3, 9, 1],
            [3.07, 3.95, 4.00, 83.00, 3, 1, 3],
            [3.23, 3.54, 3.46, 66.00, 4, 0, 2],
            [3.42, 3.96, 4.00, 70.00, 5, 5, 7],
            [2.56, 3.37, 3.79, 82.00, 4, 4, 5],
        ],
        ["max", "max", "max", "max", "min", "max", "max"],
        [1] * 7,
    )
    check(
        matrix,
        "copras",
        [1, 4, 5, 2, 3],
        [100.0, 78.8501, 63.3837, 98.6506, 86.8878],
        3,
    )


@published("ocra", "Isik & Adali (2016)")
def test_ocra_isik_adali_2016():
    """Isik, A. T. & Adali, E. A. (2016). A new integrated decision making approach
    based on SWARA and OCRA methods for the hotel selection problem. International
    Journal of Advanced Operations Management 8(2), 140-151; six hotels, overall
    performance ratings printed to 3 decimals."""
    matrix = make_matrix(
        [
            [7.7, 256, 7.2, 7.3, 7.3],
            [8.1, 250, 7.9, 7.8, 7.7],
            [8.7, 352, 8.6, 7.9, 8.0],
            [8.1, 262, 7.0, 8.1, 7.2],
            [6.5, 271, 6.3, 6.4, 6.1],
            [6.8, 228, 7.1, 7.2, 6.5],
        ],
        ["max", "min", "max", "max", "max"],
        [0.239, 0.225, 0.197, 0.186, 0.153],
    )
    check(
        matrix,
        "ocra",
        [4, 1, 3, 2, 6, 5],
        [0.143, 0.210, 0.164, 0.167, 0.000, 0.112],
        3,
    )


@published("ram", "Sotoudeh-Anvari (2023)")
def test_ram_sotoudeh_anvari_2023():
    """Sotoudeh-Anvari, A. (2023). Root Assessment Method (RAM). Journal of Cleaner
    Production 423, 138695; page 7, Tables 2 to 5 (the normalised matrix of Table 3 and
    the RI scores of Table 5, printed to 6 decimals; compared to 4 since the normalised
    input sums to 1 only to 3 decimals)."""
    matrix = make_matrix(
        [
            [0.068, 0.066, 0.150, 0.098, 0.156, 0.114, 0.098],
            [0.078, 0.076, 0.108, 0.136, 0.082, 0.171, 0.105],
            [0.157, 0.114, 0.128, 0.083, 0.108, 0.113, 0.131],
            [0.106, 0.139, 0.058, 0.074, 0.132, 0.084, 0.120],
            [0.103, 0.187, 0.125, 0.176, 0.074, 0.064, 0.057],
            [0.105, 0.083, 0.150, 0.051, 0.134, 0.094, 0.113],
            [0.137, 0.127, 0.056, 0.133, 0.122, 0.119, 0.114],
            [0.100, 0.082, 0.086, 0.060, 0.062, 0.109, 0.093],
            [0.053, 0.052, 0.043, 0.100, 0.050, 0.078, 0.063],
            [0.094, 0.074, 0.097, 0.087, 0.080, 0.054, 0.106],
        ],
        ["max", "min", "min", "max", "max", "max", "max"],
        [0.132, 0.135, 0.138, 0.162, 0.09, 0.223, 0.12],
    )
    ranks, scores = evaluate(matrix, "ram")
    assert ranks.tolist() == [4, 2, 3, 5, 10, 7, 1, 6, 8, 9]
    np.testing.assert_allclose(
        scores,
        [
            1.433215,
            1.439243,
            1.435296,
            1.432197,
            1.42788,
            1.43012,
            1.439444,
            1.430766,
            1.429406,
            1.428773,
        ],
        atol=1e-4,
    )


# -- COPRAS's utility degree as a percentage or a fraction (issue 22 §3) ---------------


def test_copras_fraction_is_the_percentage_over_100():
    from decide.methods import get_method

    matrix = random_integer_matrix(2)
    ranks, percent = evaluate(matrix, "copras")
    fraction_ranks, fraction = evaluate(matrix, "copras", {"score": "fraction"})
    assert percent.max() == pytest.approx(100.0) and fraction.max() == pytest.approx(1.0)
    np.testing.assert_allclose(fraction * 100, percent, rtol=1e-12)
    assert ranks.tolist() == fraction_ranks.tolist()
    assert get_method("copras", {"score": "fraction"}).title == "copras (score=fraction)"
