"""The normalisations of wsm, wpm and topsis: definitions, and published worked examples."""

from __future__ import annotations

import numpy as np
import pytest

from decide.core.errors import SpecError
from decide.methods import get_method
from decide.methods.normalise import NORMALISATIONS, normalise
from tests.helpers import chakraborty_2015_example_2, evaluate, make_matrix, published

# Chakraborty, Zavadskas & Antucheviciene (2015), example 2; the table of joint criteria Q_i by lambda.
CHAKRABORTY_EXAMPLE_2 = chakraborty_2015_example_2()
LAMBDA_1 = [0.8590, 0.8194, 0.8430, 0.9420, 0.8645, 0.8315, 0.8552, 0.8983, 0.9067, 0.8784]
LAMBDA_0 = [0.8578, 0.8144, 0.8408, 0.9413, 0.8632, 0.8241, 0.8454, 0.8915, 0.8987, 0.8697]


@published("wsm", "Chakraborty, Zavadskas & Antucheviciene (2015), example 2, lambda = 1")
def test_wsm_linear_is_the_waspas_lambda_1_column_of_chakraborty_2015():
    """Chakraborty, S., Zavadskas, E. K. & Antucheviciene, J. (2015). Applications of WASPAS
    method as a multi-criteria decision-making tool. Economic Computation and Economic
    Cybernetics Studies and Research 49(1), 5-22; example 2, Q_i for lambda = 1 (the
    weighted sum of x/max and min/x), to the paper's 4 decimals."""
    ranks, scores = evaluate(CHAKRABORTY_EXAMPLE_2, "wsm", {"normalization": "linear"})
    np.testing.assert_allclose(scores, LAMBDA_1, atol=1e-4)  # 4 decimals (0.81945 is printed 0.8194)
    assert ranks.tolist() == [6, 10, 8, 1, 5, 9, 7, 3, 2, 4]


@published("wpm", "Chakraborty, Zavadskas & Antucheviciene (2015), example 2, lambda = 0")
def test_wpm_linear_is_the_waspas_lambda_0_column_of_chakraborty_2015():
    """Same paper and table, lambda = 0: the weighted product of the linearly normalised
    scores; wpm's score is its log10."""
    _, scores = evaluate(CHAKRABORTY_EXAMPLE_2, "wpm", {"normalization": "linear"})
    np.testing.assert_allclose(10**scores, LAMBDA_0, atol=1e-4)


def test_wpm_normalisation_changes_scores_by_a_constant_not_ranks():
    plain = evaluate(CHAKRABORTY_EXAMPLE_2, "wpm")
    linear = evaluate(CHAKRABORTY_EXAMPLE_2, "wpm", {"normalization": "linear"})
    assert plain[0].tolist() == linear[0].tolist()
    assert np.ptp(plain[1] - linear[1]) < 1e-12


def test_each_normalisation_as_the_table_in_the_readme_defines_it():
    table = np.array([[2.0, 4.0], [4.0, 2.0], [8.0, 8.0]])
    cost = np.array([False, True])
    x, c = table[:, 0], table[:, 1]
    expected = {
        "linear": (x / 8, 2 / c),
        "minmax": ((x - 2) / 6, (8 - c) / 6),
        "max": (x / 8, 1 - c / 8),
        "sum": (x / 14, (1 / c) / (1 / c).sum()),
        "vector": (x / np.sqrt((x**2).sum()), 1 - c / np.sqrt((c**2).sum())),
    }
    for name in NORMALISATIONS:
        got = normalise(table, cost, name)
        np.testing.assert_allclose(got[:, 0], expected[name][0], err_msg=name)
        np.testing.assert_allclose(got[:, 1], expected[name][1], err_msg=name)
    # one table per sample: the same, sample by sample
    stacked = normalise(np.stack([table, table * 2]), cost, "sum")
    np.testing.assert_allclose(stacked[1], normalise(table * 2, cost, "sum"))


@pytest.mark.parametrize("name", ["wsm", "topsis"])
@pytest.mark.parametrize("how", NORMALISATIONS)
def test_every_normalisation_ranks_and_the_caption_names_it(name, how):
    from decide import rank

    result = rank(CHAKRABORTY_EXAMPLE_2, method=name, params={"normalization": how})
    assert result.results[0].table["rank"].min() == 1
    assert f"{name} (normalization={how})" in str(result)


def test_topsis_minmax_and_vector_differ_but_both_rank_a_dominating_strategy_first():
    matrix = make_matrix([[9, 1], [5, 5], [2, 9]], ["max", "min"], [0.5, 0.5])
    for how in NORMALISATIONS:
        ranks, _ = evaluate(matrix, "topsis", {"normalization": how})
        assert ranks[0] == 1, how


def test_an_unknown_normalisation_lists_the_choices():
    with pytest.raises(SpecError, match="parameter 'normalization' is 'zscore'; choose from: linear, minmax"):
        get_method("wsm", {"normalization": "zscore"})


@published("wsm", "Rizan, Wahyuningsih, Pradana & Ramadella (2020), SAW preference values")
def test_wsm_linear_is_the_saw_of_rizan_2020():
    """Rizan, O., Wahyuningsih, D., Pradana, H. A. & Ramadella, S. (2020). SAW method in
    supporting the process of admission of new junior high school students. 8th
    International Conference on Cyber and IT Service Management (CITSM), IEEE, 1-5
    (doi:10.1109/CITSM50537.2020.9268874): four applicants, seven benefit criteria, SAW
    preference values 0.35, 0.375, 0.825, 0.642 (3 decimals). The numbers are those that
    pyrepo-mcda's test suite (tests/test_mcda_methods_2.py, Test_SAW) takes from the paper;
    we could not open the paper itself."""
    matrix = make_matrix(
        [
            [0.75, 0.50, 0.75, 0, 0, 0, 1],
            [0.75, 1, 0.75, 0, 0, 0, 0.75],
            [0.75, 0.75, 0.75, 0, 0.50, 0.25, 1],
            [0.50, 0.50, 0.75, 1, 0.50, 0, 0.75],
        ],
        ["max"] * 7,
        [0.1, 0.1, 0.1, 0.15, 0.2, 0.25, 0.1],
    )
    ranks, scores = evaluate(matrix, "wsm", {"normalization": "linear"})
    assert np.round(scores, 3).tolist() == [0.35, 0.375, 0.825, 0.642]
    assert ranks.tolist() == [4, 3, 1, 2]
