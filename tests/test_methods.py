"""The methods registry: catalogue, parameters, preconditions, published examples.

Every worked example below reproduces numbers printed in the method's paper (or a
paper applying it), compared at the precision the paper prints. The same data sets
are used by scikit-criteria's own test suite, which names the papers too.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from decide import Criterion, Matrix, MethodError, SpecError, Strategy, UnknownNameError
from decide.methods import METHODS, catalogue, get_method
from tests.helpers import evaluate

REQUIRED = (
    "wsm",
    "wpm",
    "topsis",
    "vikor",
    "moora",
    "multimoora",
    "waspas",
    "edas",
    "codas",
    "aras",
    "copras",
    "mabac",
    "mairca",
    "marcos",
    "cocoso",
    "ocra",
    "ram",
    "probid",
    "spotis",
    "ervd",
    "electre2",
    "promethee2",
    "simus",
)


def make_matrix(values, objectives, weights, *, names=None, criteria=None, scale=None):
    """A Matrix from rows of numbers (strategies) and per-criterion
    objectives/weights."""
    values = np.asarray(values, dtype=float)
    criteria = criteria or [f"c{j + 1}" for j in range(values.shape[1])]
    names = names or [f"A{i + 1}" for i in range(values.shape[0])]
    return Matrix(
        actor="Example",
        criteria=tuple(
            Criterion(c, o, float(w))
            for c, o, w in zip(criteria, objectives, weights, strict=True)
        ),
        strategies=tuple(
            Strategy(n, dict(zip(criteria, map(float, row), strict=True)))
            for n, row in zip(names, values, strict=True)
        ),
        scale=scale,
    )


# -- the catalogue ---------------------------------------------------------------------


def test_catalogue_has_every_required_method():
    assert set(REQUIRED) <= set(METHODS)


@pytest.mark.parametrize("name", list(METHODS))
def test_every_entry_is_complete(name):
    method = METHODS[name]
    assert method.name == name
    assert method.full_name and method.summary and method.preprocessing and method.when
    assert method.better in ("higher", "lower")
    assert method.year is not None and str(method.year) in method.reference
    assert method.engine.split()[0] in ("skcriteria", "pymcdm", "numpy")
    for parameter in method.parameters:
        assert parameter.description and parameter.allowed


def test_catalogue_frame_lists_name_parameters_better_and_reference():
    frame = catalogue().to_frame()
    assert list(frame.columns[:5]) == [
        "method",
        "full name",
        "parameters",
        "better",
        "reference",
    ]
    row = frame.set_index("method").loc["vikor"]
    assert (
        row["parameters"]
        == "v=0.5 (0 <= v <= 1), use_compromise_set=true (true | false)"
    )
    assert row["reference"] == "Opricovic & Tzeng (2004)"
    assert (
        frame.set_index("method").loc["copras", "reference"]
        == "Zavadskas et al. (1994)"
    )


def test_unknown_method_lists_the_choices():
    with pytest.raises(
        UnknownNameError, match=r"unknown method 'ahp'; choose from: wsm, wpm, topsis"
    ):
        get_method("ahp")


# -- parameters ------------------------------------------------------------------------


def test_unknown_parameter_is_named():
    with pytest.raises(UnknownNameError) as error:
        get_method("waspas", {"v": 1})
    assert (
        str(error.value)
        == "method 'waspas' has no parameter 'v'; its parameters: lambda"
    )


def test_out_of_range_parameter():
    with pytest.raises(SpecError) as error:
        get_method("codas", {"tau": "0.2"})
    assert str(error.value) == (
        "method 'codas': parameter 'tau' is 0.2; allowed: 0.01 <= tau <= 0.05"
    )


def test_electre2_thresholds_must_be_ordered():
    with pytest.raises(SpecError, match=r"p0 >= p1 >= p2; got p0=0.4, p1=0.5, p2=0.35"):
        get_method("electre2", {"p0": "0.4"})


def test_parameters_without_parameters_resolve_to_empty():
    assert get_method("moora", None).params == {}
    assert get_method("moora", {}).params == {}
    assert get_method("topsis").params == {"normalization": "vector"}


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        (
            "spotis",
            {"bounds": "1-10"},
            "'1-10' is not LOW:HIGH; write LOW:HIGH or CRITERION:LOW:HIGH,...",
        ),
        ("spotis", {"bounds": "cost:5:1"}, "'5:1' is not LOW:HIGH with LOW < HIGH"),
        ("promethee2", {"preference": "gauss"}, "'gauss' is not a preference function"),
        ("promethee2", {"p": "cost:-1"}, "'-1' is not a number >= 0"),
    ],
)
def test_text_parameters_are_checked(name, params, message):
    with pytest.raises(SpecError) as error:
        get_method(name, params)
    assert message in str(error.value)


# -- preconditions ---------------------------------------------------------------------


def zero_cost_matrix():
    return make_matrix(
        [[5, 2], [3, 0], [4, 1]],
        ["max", "min"],
        [0.5, 0.5],
        criteria=["gain", "cost"],
        names=["A", "X", "B"],
    )


def test_wpm_refuses_a_zero_cost_instead_of_inverting_it_to_infinity():
    with pytest.raises(MethodError) as error:
        evaluate(zero_cost_matrix(), "wpm")
    assert str(error.value).startswith(
        "Example: wpm cannot rank this matrix: criterion 'cost' has a zero for "
        "strategy 'X'; "
    )


@pytest.mark.parametrize(
    "name",
    ["wpm", "waspas", "codas", "aras", "marcos", "ocra", "mairca", "multimoora", "fmf"],
)
def test_methods_that_divide_by_cost_values_refuse_zero(name):
    with pytest.raises(
        MethodError, match=r"criterion 'cost' has a zero for strategy 'X'"
    ):
        evaluate(zero_cost_matrix(), name)


@pytest.mark.parametrize(
    "name",
    [
        "wsm",
        "topsis",
        "vikor",
        "moora",
        "edas",
        "mabac",
        "ram",
        "probid",
        "electre2",
        "promethee2",
        "cocoso",
    ],
)
def test_methods_that_take_a_zero_rank_it(name):
    ranks, scores = evaluate(zero_cost_matrix(), name)
    assert np.all(np.isfinite(scores)) and len(ranks) == 3


def test_negative_values_are_named():
    matrix = make_matrix(
        [[5, 2], [-3, 1]], ["max", "min"], [1, 1], criteria=["gain", "cost"]
    )
    with pytest.raises(
        MethodError,
        match=r"criterion 'gain' has a negative value \(-3\) for strategy 'A2'",
    ):
        evaluate(matrix, "ram")


def test_copras_refuses_a_strategy_without_costs():
    with pytest.raises(
        MethodError, match=r"strategy 'X' has a zero on every criterion to minimise"
    ):
        evaluate(zero_cost_matrix(), "copras")


def test_copras_needs_a_cost_criterion():
    matrix = make_matrix([[5, 2], [3, 1]], ["max", "max"], [1, 1])
    with pytest.raises(MethodError, match="it has no criterion to minimise; COPRAS"):
        evaluate(matrix, "copras")


def test_multimoora_needs_positive_weights():
    matrix = make_matrix([[5, 2], [3, 1]], ["max", "min"], [1, 0])
    with pytest.raises(MethodError, match="criterion 'c2' has weight 0"):
        evaluate(matrix, "multimoora")


def test_cocoso_names_the_strategy_that_is_worst_everywhere():
    matrix = make_matrix([[5, 2], [3, 4], [4, 1]], ["max", "min"], [1, 1])
    with pytest.raises(
        MethodError, match="strategy 'A2' is the worst on every weighted criterion"
    ):
        evaluate(matrix, "cocoso")


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


def test_per_criterion_parameter_names_unknown_criterion():
    matrix = make_matrix([[5, 2], [3, 4]], ["max", "min"], [1, 1])
    with pytest.raises(
        UnknownNameError, match="names unknown criterion 'price'; criteria are: c1, c2"
    ):
        evaluate(matrix, "promethee2", {"p": "price:2"})


def test_promethee_threshold_is_required_by_its_function():
    matrix = make_matrix([[5, 2], [3, 4]], ["max", "min"], [1, 1])
    with pytest.raises(
        MethodError,
        match="criterion 'c2' uses the vshape preference function, which needs "
        "threshold p",
    ):
        evaluate(matrix, "promethee2", {"preference": "c2:vshape"})


def test_sprobid_needs_four_strategies():
    matrix = make_matrix([[5, 2], [3, 4], [4, 3]], ["max", "min"], [1, 1])
    with pytest.raises(MethodError, match="it has 3 strategies; simplified PROBID"):
        evaluate(matrix, "sprobid")


def test_marcos_prints_nothing(capfd):
    evaluate(make_matrix([[5, 2], [3, 4], [4, 3]], ["max", "min"], [1, 1]), "marcos")
    assert capfd.readouterr().out == ""


# -- published worked examples ---------------------------------------------------------


def check(matrix, name, expected_ranks, expected_scores, decimals, params=None):
    ranks, scores = evaluate(matrix, name, params)
    assert ranks.tolist() == expected_ranks
    np.testing.assert_allclose(scores, expected_scores, atol=1.5 * 10.0**-decimals)


def test_topsis_tzeng_huang_2011():
    """Tzeng, G.-H. & Huang, J.-J. (2011). Multiple Attribute Decision Making: Methods
    and Applications. CRC Press; TOPSIS numerical example (4 alternatives, 3 benefit
    criteria), closeness coefficients printed to 4 decimals."""
    matrix = make_matrix(
        [[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], ["max"] * 3, [0.3, 0.4, 0.3]
    )
    check(matrix, "topsis", [3, 2, 1, 4], [0.5037, 0.6581, 0.7482, 0.3340], 4)


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
    np.testing.assert_allclose(
        scores, [2.041, 2.788, 2.882, 2.416, 1.3, 1.443, 2.52], atol=1e-2
    )


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
    np.testing.assert_allclose(
        scores, [0.524, 0.846, 0.704, 0.796, 0.843, 0.499, 0.722, 0.290], atol=1e-2
    )


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
    matrix = make_matrix(
        [
            [581818, 54.49, 3, 5500],
            [595454, 49.73, 3, 4500],
            [586060, 51.24, 3, 5000],
            [522727, 45.71, 3, 5800],
            [561818, 52.66, 3, 5200],
            [543030, 74.46, 4, 5600],
            [522727, 75.42, 4, 5800],
            [486970, 62.62, 4, 5600],
            [509394, 65.87, 4, 6400],
            [513333, 70.67, 4, 6000],
        ],
        ["min", "min", "min", "max"],
        [0.467, 0.160, 0.095, 0.278],
    )
    check(
        matrix,
        "waspas",
        [6, 10, 8, 1, 5, 9, 7, 3, 2, 4],
        expected,
        4,
        params={"lambda": lam},
    )


# -- decide equals a direct scikit-criteria / pymcdm pipeline --------------------------


def random_matrix(seed: int, strategies: int = 6, criteria: int = 4) -> Matrix:
    rng = np.random.default_rng(seed)
    values = rng.integers(1, 11, size=(strategies, criteria)).astype(float)
    objectives = ["max", "min"] + [
        str(o) for o in rng.choice(["max", "min"], criteria - 2)
    ]
    weights = rng.uniform(0.1, 1.0, criteria)
    return make_matrix(values, objectives, weights, scale=(1.0, 10.0))


def direct(name: str, matrix: Matrix):
    """The pipeline each method's paper defines, spelled out with scikit-criteria or
    pymcdm."""
    import skcriteria.agg as agg
    from skcriteria.agg import moora, probid, simple
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing import invert_objectives as inv
    from skcriteria.preprocessing import scalers

    dm = matrix.to_skcriteria()
    vector = scalers.VectorScaler(target="matrix")
    pipelines = {
        "wsm": lambda: mkpipe(inv.MinMaxInverter(), simple.WeightedSumModel()),
        "wpm": lambda: mkpipe(inv.InvertMinimize(), simple.WeightedProductModel()),
        "topsis": lambda: mkpipe(inv.NegateMinimize(), vector, agg.topsis.TOPSIS()),
        "vikor": lambda: agg.vikor.VIKOR(),
        "moora": lambda: mkpipe(vector, moora.RatioMOORA()),
        "moora_refpoint": lambda: mkpipe(vector, moora.ReferencePointMOORA()),
        "fmf": lambda: mkpipe(vector, moora.FullMultiplicativeForm()),
        "multimoora": lambda: mkpipe(vector, moora.MultiMOORA()),
        "waspas": lambda: mkpipe(inv.BenefitCostInverter(), agg.waspas.WASPAS()),
        "edas": lambda: agg.edas.EDAS(),
        "codas": lambda: mkpipe(inv.BenefitCostInverter(), agg.codas.CODAS()),
        "copras": lambda: mkpipe(
            scalers.SumScaler(target="matrix"), agg.copras.COPRAS()
        ),
        "mabac": lambda: mkpipe(inv.MinMaxInverter(), agg.mabac.MABAC()),
        "mairca": lambda: agg.mairca.MAIRCA(),
        "marcos": lambda: agg.marcos.MARCOS(),
        "cocoso": lambda: mkpipe(inv.MinMaxInverter(), agg.cocoso.CoCoSo()),
        "ocra": lambda: agg.ocra.OCRA(),
        "ram": lambda: mkpipe(scalers.SumScaler(target="matrix"), agg.ram.RAM()),
        "probid": lambda: mkpipe(inv.NegateMinimize(), vector, probid.PROBID()),
        "sprobid": lambda: mkpipe(
            inv.NegateMinimize(), vector, probid.SimplifiedPROBID()
        ),
        "electre2": lambda: agg.electre.ELECTRE2(),
    }
    if name in pipelines:
        return pipelines[name]().evaluate(dm).rank_
    if name == "aras":
        inverted = inv.InvertMinimize().transform(dm).matrix.to_numpy()
        ideal = inverted.max(axis=0)
        totals = inverted.sum(axis=0) + ideal
        normalised = dm.replace(
            matrix=inverted / totals, objectives=[max] * inverted.shape[1]
        )
        return agg.aras.ARAS().evaluate(normalised, ideal=ideal / totals).rank_
    if name == "spotis":
        bounds = np.array([[1.0, 10.0]] * len(matrix.criteria))
        return agg.spotis.SPOTIS().evaluate(dm, bounds=bounds).rank_
    if name == "rim":
        ranges = [(1.0, 10.0)] * len(matrix.criteria)
        ideals = [(10.0, 10.0) if o == "max" else (1.0, 1.0) for o in matrix.objectives]
        return agg.rim.RIM().evaluate(dm, ref_ideals=ideals, ranges=ranges).rank_
    if name == "ervd":
        reference = np.full(len(matrix.criteria), 5.5)  # the middle of the scale [1, 10]
        totals = matrix.to_frame().to_numpy().sum(axis=0)
        scaled = scalers.SumScaler(target="matrix").transform(dm)
        return agg.ervd.ERVD().evaluate(scaled, reference_points=reference / totals).rank_
    if name == "simus":
        equal = dm.replace(weights=np.ones(len(matrix.criteria)))  # SIMUS ignores weights
        with warnings.catch_warnings():  # PuLP's deprecations, see decide.methods
            warnings.simplefilter("ignore", DeprecationWarning)
            return agg.simus.SIMUS().evaluate(equal).rank_
    if name == "promethee2":
        from pymcdm.helpers import rrankdata
        from pymcdm.methods import PROMETHEE_II

        types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
        weights = np.array(list(matrix.weights.values()))
        flows = PROMETHEE_II("usual")(
            matrix.to_frame().to_numpy(), weights, types, validation=False
        )
        return rrankdata(flows)
    raise AssertionError(f"no direct pipeline for {name}")


def _dense(ranks) -> list[int]:
    """Ranks with ties sharing a rank and no gaps (pymcdm averages tied ranks)."""
    order = sorted(set(ranks))
    return [order.index(r) + 1 for r in ranks]


@pytest.mark.parametrize("name", list(METHODS))
@pytest.mark.parametrize("seed", range(5))
def test_decide_equals_the_direct_pipeline(name, seed):
    matrix = random_matrix(seed)
    try:
        ranks, _ = evaluate(matrix, name)
    except (
        MethodError
    ) as error:  # a precondition (e.g. CoCoSo's worst-everywhere strategy)
        assert "cannot rank this matrix" in str(error)
        return
    assert ranks.tolist() == _dense(list(direct(name, matrix)))


def test_promethee_vshape_equals_pymcdm():
    from pymcdm.methods import PROMETHEE_II

    matrix = random_matrix(11)
    _, scores = evaluate(matrix, "promethee2", {"preference": "vshape", "p": "3"})
    types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
    weights = np.array(list(matrix.weights.values()))
    flows = PROMETHEE_II("vshape", p=[3.0] * 4)(
        matrix.to_frame().to_numpy(), weights, types, validation=False
    )
    np.testing.assert_allclose(scores, flows)


def test_promethee_mixed_functions_add_per_criterion_flows():
    from pymcdm.methods import PROMETHEE_II

    matrix = random_matrix(12)
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


def test_wpm_gives_cost_criteria_a_negative_exponent():
    matrix = make_matrix([[4, 2], [9, 3]], ["max", "min"], [0.5, 0.5])
    _, scores = evaluate(matrix, "wpm")
    np.testing.assert_allclose(10**scores, [4**0.5 * 2**-0.5, 9**0.5 * 3**-0.5])


def test_sprobid_names_a_strategy_best_everywhere():
    matrix = make_matrix([[9, 1], [5, 4], [4, 3], [6, 2]], ["max", "min"], [1, 1])
    with pytest.raises(MethodError, match="strategy 'A1' is the best on every"):
        evaluate(matrix, "sprobid")


# -- ERVD ------------------------------------------------------------------------------

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
        [0.660, 0.503, 0.885, 0.521, 0.610, 0.796, 0.498, 0.549, 0.908,
         0.565, 0.070, 0.199, 0.632, 0.716, 0.438, 0.972, 0.767],
        3,
        params={"reference": "80"},
    )


def test_ervd_equals_pymcdm_with_cost_criteria():
    """pymcdm's ERVD, an independent implementation that normalises by itself, agrees
    on a matrix with cost criteria and a reference point per criterion."""
    from pymcdm.methods import ERVD

    matrix = random_matrix(21)
    reference = [4.0, 6.5, 5.0, 3.0]
    _, scores = evaluate(
        matrix, "ervd", {"reference": ", ".join(f"c{j + 1}:{r}" for j, r in enumerate(reference))}
    )
    types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
    expected = ERVD(ref_point=np.array(reference))(
        matrix.to_frame().to_numpy(), np.array(list(matrix.weights.values())), types
    )
    np.testing.assert_allclose(scores, expected)


def ervd_scores(matrix, params=None):
    return evaluate(matrix, "ervd", params)[1]


def test_ervd_reference_defaults_to_the_middle_of_the_scale():
    matrix = random_matrix(22)  # scale (1, 10)
    np.testing.assert_allclose(ervd_scores(matrix), ervd_scores(matrix, {"reference": "5.5"}))


def test_ervd_reference_defaults_to_the_mean_score_without_a_scale():
    values = [[5, 2, 7], [9, 3, 5], [7, 1, 8]]
    matrix = make_matrix(values, ["max", "min", "max"], [1, 1, 1])
    means = np.mean(values, axis=0)
    given = ", ".join(f"c{j + 1}:{m}" for j, m in enumerate(means))
    np.testing.assert_allclose(ervd_scores(matrix), ervd_scores(matrix, {"reference": given}))


def test_ervd_reference_for_some_criteria_keeps_the_default_for_the_others():
    matrix = random_matrix(23)
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


def test_ervd_refuses_a_matrix_without_differences():
    matrix = make_matrix([[5, 2], [5, 2]], ["max", "min"], [1, 1])
    with pytest.raises(MethodError) as error:
        evaluate(matrix, "ervd")
    assert str(error.value) == (
        "Example: ervd cannot rank this matrix: every weighted criterion has the same score for "
        "every strategy; ERVD divides by the distances between the strategies' values, which are "
        "all 0; there is nothing to rank"
    )


def test_ervd_takes_a_zero_cost():
    ranks, scores = evaluate(zero_cost_matrix(), "ervd")
    assert np.all(np.isfinite(scores)) and len(ranks) == 3


# -- SIMUS -----------------------------------------------------------------------------

MUNIER_PROJECTS = [[250, 120, 20, 800], [130, 200, 40, 1000], [350, 340, 15, 600]]
MUNIER_OBJECTIVES = ["max", "max", "min", "max"]


@pytest.mark.parametrize(
    ("rank_by", "expected"),
    [(1, [0.0909, 0.6660, 0.7431]), (2, [-2.4545, 0.9962, 1.4583])],
)
def test_simus_munier_carignano_alberto(rank_by, expected):
    """Munier, N., Carignano, C. & Alberto, C. Un metodo de programacion multiobjetivo.
    Revista de la Escuela de Perfeccionamiento en Investigacion Operativa 24(39); three
    projects, four criteria, the limit of criterion 2 set to 500 (the others their best
    value). Scores of the first (rank_by=1) and second (rank_by=2) ranking, compared at
    4 decimals to the values scikit-criteria's test suite takes from that example;
    weights play no part (unequal ones below)."""
    matrix = make_matrix(MUNIER_PROJECTS, MUNIER_OBJECTIVES, [1, 2, 3, 4])
    check(matrix, "simus", [3, 2, 1], expected, 4, params={"limits": "c2:500", "rank_by": rank_by})


def test_simus_ignores_weights_without_a_warning():
    # pytest turns warnings into errors: scikit-criteria's "SIMUS not take into account
    # the weights" and PuLP's deprecations would fail this test
    first = evaluate(make_matrix(MUNIER_PROJECTS, MUNIER_OBJECTIVES, [1, 2, 3, 4]), "simus")
    second = evaluate(make_matrix(MUNIER_PROJECTS, MUNIER_OBJECTIVES, [4, 1, 1, 0]), "simus")
    assert first[0].tolist() == second[0].tolist()
    np.testing.assert_array_equal(first[1], second[1])


def test_simus_is_unchanged_by_rescaling_a_criterion():
    matrix = random_matrix(31)
    values = matrix.to_frame().to_numpy() * np.array([10.0, 1.0, 0.5, 1.0])
    rescaled = make_matrix(values, matrix.objectives, list(matrix.weights.values()))
    np.testing.assert_allclose(evaluate(matrix, "simus")[1], evaluate(rescaled, "simus")[1])


def test_simus_prints_nothing(capfd):
    """CBC writes its log to the process's stdout (file descriptor 1), below Python."""
    import pulp

    before = pulp.LpSolverDefault.msg
    evaluate(random_matrix(25), "simus")
    assert capfd.readouterr().out == ""
    assert pulp.LpSolverDefault.msg == before


def test_simus_needs_a_second_criterion_to_maximise():
    with pytest.raises(MethodError) as error:
        evaluate(zero_cost_matrix(), "simus")
    assert str(error.value) == (
        "Example: simus cannot rank this matrix: criterion 'gain' is the only one to maximise, so "
        "the linear program that maximises 'gain' has no bound; SIMUS limits each criterion's "
        "program by the other criteria to maximise; add a criterion to maximise with scores above "
        "0, or rank with another method"
    )


def test_simus_names_a_strategy_that_nothing_limits():
    matrix = make_matrix([[5, 2, 1], [3, 0, 4], [4, 1, 2]], ["max", "max", "min"], [1, 1, 1])
    with pytest.raises(MethodError, match="strategy 'A2' scores 0 on every criterion to maximise but 'c1'"):
        evaluate(matrix, "simus")


def test_simus_refuses_negative_values():
    matrix = make_matrix([[5, -2], [3, 1]], ["max", "max"], [1, 1])
    with pytest.raises(MethodError, match=r"criterion 'c2' has a negative value \(-2\) for strategy 'A1'"):
        evaluate(matrix, "simus")


def test_simus_names_an_infeasible_program():
    matrix = make_matrix(MUNIER_PROJECTS, MUNIER_OBJECTIVES, [1, 1, 1, 1])
    with pytest.raises(MethodError) as error:
        evaluate(matrix, "simus", {"limits": "c4:-1"})
    assert str(error.value) == (
        "Example: simus cannot rank this matrix: the linear program that maximises criterion "
        "'c1' is infeasible; check --param limits, or rank with another method"
    )


def test_simus_parameters_are_checked():
    with pytest.raises(SpecError, match=r"parameter 'rank_by' is 3; allowed: 1 <= rank_by <= 2"):
        get_method("simus", {"rank_by": "3"})
    with pytest.raises(UnknownNameError, match="names unknown criterion 'price'"):
        evaluate(random_matrix(26), "simus", {"limits": "price:3"})


# -- PuLP's deprecations are ignored only inside SIMUS, and only those -----------------


def test_pulp_deprecation_still_surfaces_outside_simus():
    import pulp

    filters = list(warnings.filters)
    evaluate(random_matrix(27), "simus")
    assert warnings.filters == filters
    with pytest.raises(DeprecationWarning, match=r"Constructing LpVariable\(name, \.\.\.\)"):
        pulp.LpVariable("x")


def test_other_methods_still_surface_pulp_deprecations(monkeypatch):
    import pulp
    from skcriteria.agg.moora import RatioMOORA

    original = RatioMOORA._evaluate_data

    def with_pulp(self, **kwargs):
        pulp.LpVariable("x")
        return original(self, **kwargs)

    monkeypatch.setattr(RatioMOORA, "_evaluate_data", with_pulp)
    with pytest.raises(DeprecationWarning, match=r"Constructing LpVariable"):
        evaluate(random_matrix(28), "moora")


PULP_VARIABLE = "Constructing LpVariable(name, ...) directly is deprecated; in PuLP 4.0"


@pytest.mark.parametrize(
    ("category", "message", "module"),
    [
        (DeprecationWarning, "LpProblem.to_dict is deprecated, use LpProblem.toDict instead", "pulp.pulp"),
        (DeprecationWarning, PULP_VARIABLE, "skcriteria.agg"),
        (UserWarning, PULP_VARIABLE, "pulp.pulp"),
    ],
)
def test_simus_surfaces_every_other_warning(monkeypatch, category, message, module):
    """Another message from PuLP, PuLP's message from another module, or its text as
    another category: each still reaches the caller (as an error under pytest)."""
    import skcriteria.agg.simus as simus_module

    original = simus_module.simus

    def warning_first(*args, **kwargs):
        warnings.warn_explicit(message, category, f"{module.replace('.', '/')}.py", 1, module=module)
        return original(*args, **kwargs)

    monkeypatch.setattr(simus_module, "simus", warning_first)
    with pytest.raises(category, match=message.split("(")[0]):
        evaluate(random_matrix(33), "simus")
