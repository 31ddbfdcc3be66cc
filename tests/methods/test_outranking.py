"""Outranking methods (ELECTRE II, PROMETHEE II): parameters and cross-checks with pymcdm."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from decide import MethodError, SpecError
from decide.methods import get_method
from tests.helpers import (
    cross_checked,
    evaluate,
    make_matrix,
    random_integer_matrix,
    random_matrix,
)


def test_electre2_thresholds_must_be_ordered():
    with pytest.raises(SpecError, match=r"p0 >= p1 >= p2; got p0=0.4, p1=0.5, p2=0.35"):
        get_method("electre2", {"p0": "0.4"})


def test_promethee_threshold_is_required_by_its_function():
    matrix = make_matrix([[5, 2], [3, 4]], ["max", "min"], [1, 1])
    with pytest.raises(
        MethodError,
        match="criterion 'c2' uses the vshape preference function, which needs threshold p",
    ):
        evaluate(matrix, "promethee2", {"preference": "c2:vshape"})


@cross_checked("promethee2")
def test_promethee_vshape_equals_pymcdm():
    from pymcdm.methods import PROMETHEE_II

    matrix = random_integer_matrix(11)
    _, scores = evaluate(matrix, "promethee2", {"preference": "vshape", "p": "3"})
    types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
    weights = np.array(list(matrix.weights.values()))
    flows = PROMETHEE_II("vshape", p=[3.0] * 4)(matrix.to_frame().to_numpy(), weights, types, validation=False)
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
        PROMETHEE_II("level", p=[4.0], q=[1.0])(values[:, [0]], weights[[0]], types[[0]], validation=False)
        + PROMETHEE_II("vshape", p=[4.0])(values[:, [1]], weights[[1]], types[[1]], validation=False)
        + PROMETHEE_II("usual")(values[:, 2:], weights[2:], types[2:], validation=False)
    )
    np.testing.assert_allclose(scores, expected)


# -- PROMETHEE II without pairwise tables (issue 23) and the Gaussian function (issue 22 §3)

_THRESHOLDS = {
    "usual": {},
    "ushape": {"q": 1.0},
    "vshape": {"p": 2.0},
    "level": {"p": 2.0, "q": 1.0},
    "vshape_2": {"p": 2.5, "q": 0.5},
}


def _pymcdm_flows(values, weights, types, function, p=None, q=None):
    from pymcdm.methods import PROMETHEE_II

    m = values.shape[1]
    body = PROMETHEE_II(function, p=None if p is None else [p] * m, q=None if q is None else [q] * m)
    return body(values, weights, types, validation=False)


@st.composite
def _promethee_cases(draw):
    rows = draw(st.integers(2, 12))
    columns = draw(st.integers(1, 4))
    if draw(st.booleans()):
        cell = st.integers(-5, 5).map(float)  # ties and differences equal to a threshold
    else:
        cell = st.floats(-1e3, 1e3, allow_nan=False).map(lambda x: round(x, 3))
    values = np.array(draw(st.lists(st.lists(cell, min_size=columns, max_size=columns), min_size=rows, max_size=rows)))
    weights = np.array(draw(st.lists(st.floats(0.0, 1.0), min_size=columns, max_size=columns)))
    types = np.array(draw(st.lists(st.sampled_from([1, -1]), min_size=columns, max_size=columns)))
    function = draw(st.sampled_from(sorted(_THRESHOLDS)))
    scale = draw(st.sampled_from([0.1, 1.0, 3.0]))
    thresholds = {k: v * scale for k, v in _THRESHOLDS[function].items()}
    return values, weights, types, function, thresholds


@cross_checked("promethee2")
@given(_promethee_cases())
def test_promethee_fast_flows_equal_pymcdm(case):
    from decide.methods.promethee import net_flows

    values, weights, types, function, thresholds = case
    m = values.shape[1]
    expected = _pymcdm_flows(values, weights, types, function, thresholds.get("p"), thresholds.get("q"))
    flows = net_flows(
        values, weights, types == 1, [function] * m, [thresholds.get("p")] * m, [thresholds.get("q")] * m, [None] * m
    )
    np.testing.assert_allclose(flows, expected, rtol=0, atol=1e-12)


@cross_checked("promethee2")
@pytest.mark.parametrize("function", sorted(_THRESHOLDS))
@pytest.mark.parametrize("seed", range(3))
def test_promethee_ranks_equal_pymcdm_through_decide(function, seed):
    matrix = random_integer_matrix(40 + seed, strategies=9)
    thresholds = _THRESHOLDS[function]
    params = {"preference": function, **{k: str(v) for k, v in thresholds.items()}}
    _, scores = evaluate(matrix, "promethee2", params)
    types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
    expected = _pymcdm_flows(
        matrix.to_array(), matrix.weight_array(), types, function, thresholds.get("p"), thresholds.get("q")
    )
    np.testing.assert_allclose(scores, expected, rtol=0, atol=1e-12)


def test_promethee_pymcdm_docstring_example():
    # pymcdm's PROMETHEE_II example: three alternatives, usual function, flows 0.1, -0.3, 0.2
    matrix = make_matrix([[4, 3, 2], [3, 2, 4], [5, 1, 3]], ["max"] * 3, [0.5, 0.3, 0.2])
    ranks, scores = evaluate(matrix, "promethee2")
    np.testing.assert_allclose(scores, [0.1, -0.3, 0.2], atol=1e-12)
    assert ranks.tolist() == [2, 3, 1]


def test_promethee_needs_no_pairwise_table():
    """pymcdm would keep 8 n^2 bytes per criterion (72 MB per criterion at n = 3,000)."""
    import tracemalloc

    from decide.methods.promethee import net_flows

    rng = np.random.default_rng(0)
    values = rng.normal(size=(3000, 3))
    tracemalloc.start()
    net_flows(values, np.ones(3) / 3, np.ones(3, bool), ["vshape_2"] * 3, [1.0] * 3, [0.2] * 3, [None] * 3)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 3000 * 3000  # an eighth of one criterion's table


def _gaussian_by_pairs(values, weights, types, s):
    """Brans & Vincke (1985), type VI: P(d) = 1 - exp(-d^2 / (2 s^2)) for d > 0."""
    n = len(values)
    oriented = values * types
    total = np.zeros(n)
    for i in range(n):
        for j in range(n):
            d = oriented[i] - oriented[j]
            preference = np.where(d > 0, 1 - np.exp(-(d**2) / (2 * s**2)), 0.0)
            total[i] += weights @ preference
            total[j] -= weights @ preference
    return total / (n - 1)


@pytest.mark.parametrize("seed", range(3))
def test_promethee_gaussian_is_the_type_vi_function(seed):
    matrix = random_matrix(seed, strategies=7)
    types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
    _, scores = evaluate(matrix, "promethee2", {"preference": "gaussian", "s": "1.5"})
    expected = _gaussian_by_pairs(matrix.to_array(), matrix.weight_array(), types, 1.5)
    np.testing.assert_allclose(scores, expected, rtol=0, atol=1e-12)


def test_promethee_gaussian_s_changes_the_flows_and_mixes_with_other_functions():
    matrix = random_matrix(5, strategies=8)
    narrow = evaluate(matrix, "promethee2", {"preference": "gaussian", "s": "0.5"})[1]
    wide = evaluate(matrix, "promethee2", {"preference": "gaussian", "s": "5"})[1]
    assert not np.allclose(narrow, wide)
    mixed = evaluate(matrix, "promethee2", {"preference": "c1:gaussian, c2:vshape", "s": "2", "p": "3"})[1]
    assert np.all(np.isfinite(mixed))


def test_promethee_gaussian_needs_s():
    matrix = make_matrix([[5, 2], [3, 4]], ["max", "min"], [1, 1])
    needs = "criterion 'c1' uses the gaussian preference function, which needs threshold s"
    with pytest.raises(MethodError, match=needs):
        evaluate(matrix, "promethee2", {"preference": "gaussian"})
    with pytest.raises(MethodError, match="criterion 'c1' has s=0 for the gaussian function; choose s > 0"):
        evaluate(matrix, "promethee2", {"preference": "gaussian", "s": "0"})


def test_promethee_gaussian_refuses_up_front_what_it_cannot_do(monkeypatch):
    import decide.methods.promethee as promethee

    monkeypatch.setattr(promethee, "MAX_PAIRWISE", 200)
    matrix = random_matrix(1, strategies=11)
    with pytest.raises(MethodError) as error:
        evaluate(matrix, "promethee2", {"preference": "gaussian", "s": "1"})
    message = str(error.value)
    assert "\n" not in message
    assert "11 strategies x 4 gaussian criteria is 4.8e+02 comparisons" in message
    assert "or at most 7 strategies" in message
    assert evaluate(matrix, "promethee2", {"preference": "c1:gaussian", "s": "1"})[0].size == 11


# -- PROMETHEE II scored like the weighted sum: per-criterion flows once, then the weights (issue 23)


@st.composite
def _promethee_batches(draw):
    seed = draw(st.integers(0, 10_000))
    matrix = random_integer_matrix(seed, strategies=draw(st.integers(2, 9)))
    function = draw(st.sampled_from([*sorted(_THRESHOLDS), "gaussian"]))
    thresholds = {"s": 1.5} if function == "gaussian" else _THRESHOLDS[function]
    if draw(st.booleans()):  # the same settings everywhere: vectorised as it is
        params = {"preference": function, **{k: str(v) for k, v in thresholds.items()}}
    else:  # settings by criterion name: vectorised once bound to the matrix
        params = {"preference": f"c2:{function}", **{k: f"c2:{v}" for k, v in thresholds.items()}}
    samples = draw(st.integers(1, 5))
    weights = np.random.default_rng(seed).dirichlet(np.ones(4), samples)
    return matrix, params, weights


def _per_draw(method, matrix, weights, tables=None):
    """The path of a method without a numpy engine: one pipeline run per weight vector."""
    from decide.methods.run import _one_by_one

    return _one_by_one(method, matrix, weights, tables)


@given(_promethee_batches())
def test_promethee_batch_scores_equal_the_per_draw_path(case):
    from decide.methods.run import batch_scores

    matrix, params, weights = case
    method = get_method("promethee2", params)
    bound = method.bind(matrix)
    assert bound.vectorised and bound.additive
    assert method.vectorised == (":" not in params["preference"])
    scores = batch_scores(method, matrix, weights)
    np.testing.assert_array_equal(scores, _per_draw(method, matrix, weights))
    # one weight vector at a time, or all at once: the same to the last bit
    for row, weight in zip(scores, weights, strict=True):
        np.testing.assert_array_equal(row, batch_scores(method, matrix, weight[None, :])[0])
    # the net flow is the weighted sum of the per-criterion flows
    flows = bound.terms(matrix.to_array(), matrix.cost_mask())
    np.testing.assert_allclose(scores, weights @ flows.T, rtol=0, atol=1e-12)
    # drawn score tables: each table's own flows
    rng = np.random.default_rng(len(weights))
    tables = matrix.to_array()[None] + rng.integers(-2, 3, (len(weights), *matrix.to_array().shape))
    np.testing.assert_array_equal(
        batch_scores(method, matrix, weights, tables), _per_draw(method, matrix, weights, tables)
    )


def test_promethee_flows_follow_the_table_they_are_asked_for():
    """The per-criterion flows are kept for the last table; another table gets its own."""
    method = get_method("promethee2")
    first, second = random_integer_matrix(1), random_integer_matrix(2)
    for matrix in (first, second, first):
        expected = evaluate(matrix, "promethee2")[1]
        scores = method.batch(matrix.to_array(), matrix.cost_mask(), matrix.weight_array()[None, :])[0]
        np.testing.assert_array_equal(scores, expected)
    weights = np.full((2, 4), 0.25)
    for table in (first.to_array(), second.to_array(), first.to_array()):  # drawn tables too
        drawn = method.batch(np.stack([table, table[::-1]]), first.cost_mask(), weights)
        single = method.batch(table, first.cost_mask(), weights[:1])[0]
        np.testing.assert_array_equal(drawn[0], single)
        np.testing.assert_array_equal(drawn[1], single[::-1])


def test_promethee_with_thresholds_by_name_is_bound_to_its_matrix():
    method = get_method("promethee2", {"preference": "c1:vshape", "p": "c1:2"})
    assert not method.vectorised and not method.additive
    with pytest.raises(NotImplementedError, match="bind it to the matrix first"):
        method.terms(np.ones((3, 4)), np.zeros(4, bool))
    matrix = random_integer_matrix(3)
    bound = method.bind(matrix)
    assert bound == method and bound.vectorised and bound.additive
    with pytest.raises(ValueError, match="set up for 4 criteria, not 2"):
        bound.terms(np.ones((3, 2)), np.zeros(2, bool))
    # a setting that needs the matrix to be named in the error is not vectorised up front
    assert not get_method("promethee2", {"preference": "vshape"}).vectorised


def test_promethee_is_exact_in_sensitivity_and_make_top():
    from decide.analysis.make_top import make_top
    from decide.analysis.sensitivity import sensitivity

    matrix = random_integer_matrix(5, strategies=7)
    exact = sensitivity(matrix, method="promethee2")
    sampled = sensitivity(matrix, method="promethee2", exact=False)
    assert exact.exact and not sampled.exact
    for a, b in zip(exact.criteria, sampled.criteria, strict=True):
        assert [s.ranks for s in a.segments] == [s.ranks for s in b.segments]
        for s, t in zip(a.segments, b.segments, strict=True):
            assert abs(s.start - t.start) <= 1e-4 and abs(s.end - t.end) <= 1e-4
    for strategy in matrix.strategy_names:
        result = make_top(matrix, strategy=strategy, method="promethee2")
        assert result.exact
        if result.feasible:
            new = np.array(list(result.new_weights.values()))
            _, scores = evaluate(matrix.with_criterion_weights(result.new_weights), "promethee2")
            assert scores[matrix.strategy_names.index(strategy)] >= scores.max() - 1e-9 and new.sum() == pytest.approx(
                1
            )


@pytest.mark.parametrize("noise", [0.0, 0.6])
def test_promethee_smaa_on_its_numpy_engine_equals_the_per_draw_path(noise):
    """The same draws give the same acceptabilities and confidence factors either way."""
    from decide.analysis.smaa import smaa_matrix

    matrix = random_integer_matrix(8, strategies=6)
    fast = get_method("promethee2", {"preference": "level", "p": "2", "q": "1"})
    slow = get_method("promethee2", {"preference": "level", "p": "2", "q": "1"})
    slow.vectorised = slow.additive = False
    assert fast.vectorised
    one, other = (smaa_matrix(matrix, method, samples=60, seed=3, score_noise=noise) for method in (fast, slow))
    assert one.rank_acceptability.equals(other.rank_acceptability)
    assert one.confidence.equals(other.confidence)
    np.testing.assert_allclose(one.central_weights, other.central_weights, rtol=1e-12)


@cross_checked("electre2")
@pytest.mark.parametrize("seed", range(40))
def test_electre2_scores_equal_scikit_criteria_bit_for_bit(seed):
    """decide's numpy ELECTRE II (no scikit-criteria import) gives scikit-criteria's scores exactly,
    with ties (integer scores), a criterion of weight 0 and non-default thresholds."""
    from skcriteria.agg.electre import ELECTRE2

    from decide.methods.canonical import canonical_dms, restore

    rng = np.random.default_rng(seed)
    matrix = random_integer_matrix(seed, strategies=int(rng.integers(3, 17)), criteria=int(rng.integers(2, 7)))
    if seed % 3 == 0:
        matrix = make_matrix(
            matrix.to_array(), list(matrix.objectives), [0.0, *list(matrix.weights.values())[1:]], scale=(1.0, 10.0)
        )
    params = {"p0": 0.65, "p1": 0.5, "p2": 0.35, "q0": 0.65, "q1": 0.35}
    if seed % 2:
        params = {"p0": 0.7, "p1": 0.55, "p2": 0.3, "q0": 0.5, "q1": 0.25}
    dm = matrix.to_skcriteria()
    keep = dm.weights.to_numpy(dtype=float) > 0
    keys = [(int(o), float(w)) for o, w in zip(dm.iobjectives.to_numpy(), dm.weights.to_numpy(), strict=True)]
    expected = [
        restore(ELECTRE2(**params).evaluate(canonical).e_.score, rows)
        for canonical, rows in canonical_dms(dm, keys, keep)
    ]
    _, scores = evaluate(matrix, "electre2", {k: str(v) for k, v in params.items()})
    from decide.methods.run import alike_groups

    np.testing.assert_array_equal(scores, (sum(expected) / len(expected))[alike_groups(matrix)])


def test_ranking_with_the_outranking_methods_does_not_import_scikit_criteria():
    import subprocess
    import sys

    code = (
        "import sys, decide; decide.rank(actors='China', method='electre2'); "
        "decide.rank(actors='China', method='promethee2'); print('skcriteria' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
