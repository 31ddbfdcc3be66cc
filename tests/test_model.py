"""decide.core.model.Matrix: Pareto dominators (numpy, in blocks) and the array views the methods use."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from decide.core.model import DOMINANCE_BLOCK
from tests.helpers import make_matrix


def tied_matrix(seed: int, strategies: int = 8, criteria: int = 3):
    """Integer scores 1..5, so ties (and equal strategies) are common; mixed objectives."""
    rng = np.random.default_rng(seed)
    objectives = [str(o) for o in rng.choice(["max", "min"], criteria)]
    return make_matrix(rng.integers(1, 6, (strategies, criteria)), objectives, rng.uniform(0.1, 1, criteria))


def skcriteria_dominators(matrix) -> dict[str, list[str]]:
    """scikit-criteria's table has row = dominator, column = dominated; read it column by column."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = matrix.to_skcriteria().dominance.dominance(strict=False)
    return {
        str(dominated): [str(a) for a in table.index[table[dominated].to_numpy()]]
        for dominated in table.columns
        if table[dominated].any()
    }


def brute_force_dominators(matrix) -> dict[str, list[str]]:
    """The definition, one pair at a time: at least as good everywhere, strictly better somewhere."""
    table = np.where(matrix.cost_mask(), -matrix.to_array(), matrix.to_array())
    names = matrix.strategy_names
    found: dict[str, list[str]] = {}
    for i, row in enumerate(table):
        by = [names[j] for j, other in enumerate(table) if (other >= row).all() and (other > row).any()]
        if by:
            found[names[i]] = by
    return found


def test_skcriteria_table_reads_row_dominates_column():
    matrix = make_matrix([[5, 5], [4, 5], [3, 3]], ["max", "max"], [1, 1], names=["A", "B", "C"])
    assert skcriteria_dominators(matrix) == {"B": ["A"], "C": ["A", "B"]}
    assert matrix.dominators() == {"B": ["A"], "C": ["A", "B"]}


@pytest.mark.parametrize("seed", range(50))
def test_dominators_equal_skcriteria_on_tied_matrices(seed):
    matrix = tied_matrix(seed)
    assert matrix.dominators() == skcriteria_dominators(matrix)


@pytest.mark.slow
def test_dominators_across_blocks_equal_a_double_loop():
    strategies = DOMINANCE_BLOCK * 2 + 88
    assert strategies > DOMINANCE_BLOCK
    matrix = tied_matrix(2024, strategies=strategies, criteria=3)
    expected = brute_force_dominators(matrix)
    assert expected  # integer scores 1..5 on 600 strategies: plenty are dominated
    assert matrix.dominators() == expected


def test_equal_strategies_do_not_dominate_each_other():
    matrix = make_matrix([[3, 3], [3, 3]], ["max", "min"], [1, 1])
    assert matrix.dominators() == {}


def test_to_array_keeps_file_order_and_floats():
    matrix = make_matrix([[1, 2, 3], [4, 5, 6]], ["max", "min", "max"], [1, 1, 2])
    array = matrix.to_array()
    assert array.dtype == float
    assert array.tolist() == [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]


def test_cost_mask_marks_min_criteria():
    matrix = make_matrix([[1, 2, 3]], ["max", "min", "min"], [1, 1, 1])
    assert matrix.cost_mask().tolist() == [False, True, True]
    assert matrix.cost_mask().dtype == bool


def test_weight_array_is_normalised_in_criteria_order():
    matrix = make_matrix([[1, 2, 3]], ["max", "min", "max"], [1, 1, 2])
    np.testing.assert_allclose(matrix.weight_array(), [0.25, 0.25, 0.5])
    assert matrix.weight_array().sum() == pytest.approx(1.0)


def test_repr_html_is_a_table_naming_strategies_and_criteria():
    matrix = make_matrix([[1, 2], [3, 4]], ["max", "min"], [1, 1], names=["Talks", "Aid"], criteria=["gain", "cost"])
    html = matrix._repr_html_()
    assert "<table" in html
    for name in ("Talks", "Aid", "gain", "cost"):
        assert name in html


def test_dominators_read_like_a_dict_in_file_order():
    matrix = make_matrix([[1, 1], [5, 5], [3, 3], [4, 4]], ["max", "max"], [1, 1], names=["W", "X", "Y", "Z"])
    found = matrix.dominators()
    assert list(found) == ["W", "Y", "Z"]  # dominated strategies in file order
    assert found["W"] == ["X", "Y", "Z"] and found["Y"] == ["X", "Z"]  # dominators in file order too
    assert "X" not in found and found.get("X") is None and len(found) == 3 and found.pairs == 6
    assert repr(found) == repr(dict(found))
    with pytest.raises(KeyError):
        found["X"]


def test_dominance_with_sums_equal_in_floats_checks_every_column():
    """0.1 + 0.2 is a hair above 0.3, so A dominates B; next to 1e16 their sums round equal,
    and the shortcut (a larger sum means strictly better somewhere) must not decide it."""
    matrix = make_matrix([[0.1 + 0.2, 1e16], [0.3, 1e16]], ["max", "max"], [1, 1], names=["A", "B"])
    assert matrix.dominators() == {"B": ["A"]} == brute_force_dominators(matrix)


@pytest.mark.slow
def test_ten_thousand_strategies_keep_millions_of_pairs_compactly():
    """10,000 x 3 integer scores: millions of dominance pairs, kept as arrays, lists built on demand."""
    matrix = tied_matrix(7, strategies=10_000, criteria=3)
    found = matrix.dominators()
    assert found.pairs > 1_000_000
    name = next(iter(found))
    row = matrix.strategy_names.index(name)
    table = np.where(matrix.cost_mask(), -matrix.to_array(), matrix.to_array())
    expected = [
        matrix.strategy_names[j]
        for j in range(len(table))
        if (table[j] >= table[row]).all() and (table[j] > table[row]).any()
    ]
    assert found[name] == expected
