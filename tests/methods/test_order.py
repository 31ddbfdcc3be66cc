"""Order independence: ELECTRE II and SIMUS rank the same strategies the same way
whatever order the file lists strategies and criteria in (issue 24 §3, issue 22 §1)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from decide import MethodError
from decide.methods.canonical import canonical_order
from tests.helpers import evaluate, make_matrix


@st.composite
def permuted_matrices(draw, low: int = 0):
    rows = draw(st.integers(2, 5))
    columns = draw(st.integers(2, 4))
    values = draw(
        st.lists(st.lists(st.integers(low, 5), min_size=columns, max_size=columns), min_size=rows, max_size=rows)
    )
    objectives = draw(st.lists(st.sampled_from(["max", "min"]), min_size=columns, max_size=columns))
    weights = draw(st.lists(st.integers(0, 3), min_size=columns, max_size=columns).filter(any))
    row_order = draw(st.permutations(range(rows)))
    column_order = draw(st.permutations(range(columns)))
    return np.array(values, dtype=float), objectives, weights, list(row_order), list(column_order)


def _both(values, objectives, weights, row_order, column_order, method):
    names = [f"S{i}" for i in range(len(values))]
    criteria = [f"c{j}" for j in range(len(objectives))]
    matrix = make_matrix(values, objectives, weights, names=names, criteria=criteria)
    permuted = make_matrix(
        values[row_order][:, column_order],
        [objectives[j] for j in column_order],
        [weights[j] for j in column_order],
        names=[names[i] for i in row_order],
        criteria=[criteria[j] for j in column_order],
    )
    outcomes = []
    for m in (matrix, permuted):
        try:
            outcomes.append(evaluate(m, method))
        except MethodError as error:
            outcomes.append(str(error).split(":")[1])
    return outcomes


def _assert_same(outcomes, row_order):
    first, second = outcomes
    assert type(first) is type(second)
    if isinstance(first, str):
        return
    (ranks, scores), (permuted_ranks, permuted_scores) = first, second
    assert permuted_ranks.tolist() == ranks[row_order].tolist()
    np.testing.assert_allclose(permuted_scores, scores[row_order], rtol=1e-12, atol=1e-12)


@given(permuted_matrices())
def test_electre2_ranking_does_not_depend_on_the_order_of_rows_and_columns(case):
    values, objectives, weights, row_order, column_order = case
    _assert_same(_both(values, objectives, weights, row_order, column_order, "electre2"), row_order)


@pytest.mark.slow
@given(permuted_matrices(low=0))
def test_simus_ranking_does_not_depend_on_the_order_of_rows_and_columns(case):
    values, objectives, weights, row_order, column_order = case
    _assert_same(_both(values, objectives, weights, row_order, column_order, "simus"), row_order)


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]])
def test_electre2_issue_24_example(order):
    """Issue 24 §3: x weighted 0, y weighted 1, P(2,4) Q(5,4) R(7,3) S(8,2). y alone
    orders them P = Q > R > S; in file order decide gave P's score to Q (alike on the
    weighted criteria) after x had vetoed P, and ranked R tied first."""
    rows = np.array([[2, 4], [5, 4], [7, 3], [8, 2]], dtype=float)[order]
    names = [["P", "Q", "R", "S"][i] for i in order]
    ranks, _ = evaluate(make_matrix(rows, ["max", "max"], [0, 1], names=names, criteria=["x", "y"]), "electre2")
    assert dict(zip(names, ranks.tolist(), strict=True)) == {"P": 1, "Q": 1, "R": 2, "S": 3}


def test_electre2_leaves_out_criteria_of_weight_0():
    values = np.array([[2, 4, 1], [5, 4, 9], [7, 3, 3], [8, 2, 6], [1, 5, 2]], dtype=float)
    with_zero = evaluate(make_matrix(values, ["max", "max", "min"], [1, 2, 0]), "electre2")
    without = evaluate(make_matrix(values[:, :2], ["max", "max"], [1, 2]), "electre2")
    assert with_zero[0].tolist() == without[0].tolist()


def test_canonical_order_is_the_same_for_every_permutation_and_scaling():
    rng = np.random.default_rng(4)
    table = rng.integers(1, 4, (6, 4)).astype(float)
    table[:, 3] = table[:, 2][::-1]  # two criteria with equal keys: resolved by trying both orders
    keys = [("max",), ("min",), ("max",), ("max",)]
    rows, columns = canonical_order(table, keys)
    reference = table[rows][:, columns]
    for seed in range(20):
        shuffle = np.random.default_rng(seed)
        r, c = shuffle.permutation(6), shuffle.permutation(4)
        scaled = table[r][:, c] * np.array([1.0, 10.0, 0.5, 3.0])[c]  # positive rescaling keeps the order
        rows2, columns2 = canonical_order(scaled, [keys[j] for j in c])
        assert (table[r][:, c][rows2][:, columns2] == reference).all()


def test_simus_treats_strategies_that_swap_with_symmetric_criteria_alike():
    """Found by hypothesis: S1 = (1, 0, 4, 3) and S4 = (4, 0, 1, 3) swap into each other
    when c0 and c2 (both max, same values) swap, so no order of the file can tell them
    apart; the linear programs' choice between them is averaged out."""
    values = np.array([[0, 1, 0, 1], [1, 0, 4, 3], [2, 0, 2, 1], [3, 0, 3, 1], [4, 0, 1, 3]], dtype=float)
    objectives = ["max", "min", "max", "min"]
    for columns in ([0, 1, 2, 3], [1, 2, 0, 3], [2, 3, 0, 1]):
        ranks, scores = evaluate(make_matrix(values[:, columns], [objectives[j] for j in columns], [1] * 4), "simus")
        assert scores[1] == scores[4] and ranks[1] == ranks[4]


def test_simus_averages_over_criteria_that_only_their_scores_tell_apart():
    """Found by hypothesis: c1, c2 and c3 have the same ranks (1 < 2, 2, 3) but not the
    same scores; the order they were listed in changed S0's score (0.75 against 0.25)."""
    values = np.array([[1, 1, 1, 1], [1, 2, 2, 3]], dtype=float)
    results = {
        tuple(columns): evaluate(make_matrix(values[:, columns], ["max"] * 4, [1] * 4), "simus")[1].tolist()
        for columns in ([0, 1, 2, 3], [3, 1, 2, 0], [2, 3, 0, 1])
    }
    assert len({tuple(np.round(r, 12)) for r in results.values()}) == 1
