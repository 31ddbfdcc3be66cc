"""One-way sensitivity (closed form against bisection and brute force) and make-top (LP
against a brute-force grid)."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from decide.analysis.make_top import CANDIDATES, FEWEST, _lp_make_top, _search_make_top, _search_plan, make_top
from decide.analysis.sensitivity import sensitivity
from decide.core.errors import UnknownNameError
from decide.core.model import Criterion, Matrix, Strategy
from decide.core.progress import progress_to
from decide.core.ranks import batch_ranks
from decide.rendering.formats import FORMATS, export, render
from decide.weights.apply import path_weights
from tests.helpers import batch_scores, with_scores
from tests.helpers import four_criteria_matrix as random_matrix

from .test_smaa import DOMINATED, TRADE_OFF


def brute_force_ranks(matrix: Matrix, index: int, points: np.ndarray, method: str = "wsm"):
    weights = path_weights(list(matrix.weights.values()), index, points)
    prefers = "lower" if method == "vikor" else "higher"
    return batch_ranks(batch_scores(matrix, method, weights), prefers)


def test_path_keeps_the_other_weights_in_proportion():
    weights = path_weights([0.4, 0.3, 0.2, 0.1], 1, [0.0, 0.3, 0.65, 1.0])
    assert np.allclose(weights.sum(axis=1), 1)
    assert np.allclose(weights[:, 1], [0.0, 0.3, 0.65, 1.0])
    assert np.allclose(weights[:3, 0] / weights[:3, 2], 2.0)
    assert np.allclose(weights[1], [0.4, 0.3, 0.2, 0.1])
    # a criterion holding all the weight: the others share what it gives up equally
    assert np.allclose(path_weights([1.0, 0.0, 0.0], 0, [0.4])[0], [0.4, 0.3, 0.3])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_closed_form_breakpoints_match_bisection(seed):
    matrix = random_matrix(seed, strategies=6)
    exact = sensitivity(matrix, method="wsm")
    sampled = sensitivity(matrix, method="wsm", exact=False)
    assert exact.exact and not sampled.exact
    for a, b in zip(exact.criteria, sampled.criteria, strict=True):
        assert len(a.segments) == len(b.segments)
        for s, t in zip(a.segments, b.segments, strict=True):
            assert s.ranks == t.ranks
            assert abs(s.start - t.start) <= 1e-4 and abs(s.end - t.end) <= 1e-4


def test_closed_form_matches_a_brute_force_sweep():
    matrix = random_matrix(4, strategies=6)
    result = sensitivity(matrix, method="wsm")
    points = np.linspace(0, 1, 20_001)
    for index, criterion in enumerate(result.criteria):
        ranks = brute_force_ranks(matrix, index, points)
        for segment in criterion.segments:
            inside = (points > segment.start + 1e-4) & (points < segment.end - 1e-4)
            assert (ranks[inside] == segment.ranks).all()


def test_intervals_contain_the_current_weight_and_name_who_takes_over():
    result = sensitivity(TRADE_OFF, method="wsm")
    intervals = result.intervals.set_index("criterion")
    for c in result.criteria:
        row = intervals.loc[c.criterion]
        assert row["first from"] <= c.weight <= row["first to"]
        assert row["first from"] <= row["ranking from"] <= c.weight <= row["ranking to"] <= row["first to"]
    # beyond the interval, the named strategy really is first
    index = TRADE_OFF.criterion_names.index("deterrence")
    row = intervals.loc["deterrence"]
    above = brute_force_ranks(TRADE_OFF, index, np.array([row["first to"] + 1e-3]))[0]
    assert TRADE_OFF.strategy_names[int(np.argmin(above))] == row["first above"]
    top = result.top
    assert (top["now"] != "").groupby(top["criterion"]).sum().tolist() == [1, 1, 1, 1]


def test_sampled_methods_and_one_criterion():
    result = sensitivity(TRADE_OFF, method="vikor", criterion="risk")
    assert [c.criterion for c in result.criteria] == ["risk"] and not result.exact
    (criterion,) = result.criteria
    index = TRADE_OFF.criterion_names.index("risk")
    for segment in criterion.segments:
        middle = np.array([(segment.start + segment.end) / 2])
        assert tuple(brute_force_ranks(TRADE_OFF, index, middle, "vikor")[0]) == segment.ranks


def brute_force_make_top(matrix: Matrix, target: int, step: float = 0.005) -> float:
    """Smallest L1 distance over a grid of the 3-criteria simplex that ranks target first."""
    ticks = np.arange(0, 1 + step / 2, step)
    grid = np.array([(a, b, 1 - a - b) for a, b in itertools.product(ticks, ticks) if a + b <= 1 + 1e-12])
    grid = np.clip(grid, 0, None)
    ranks = batch_ranks(batch_scores(matrix, "wsm", grid), "higher")
    current = np.array(list(matrix.weights.values()))
    good = grid[ranks[:, target] == 1]
    return float(np.abs(good - current).sum(axis=1).min())


def three_criteria_matrix() -> Matrix:
    criteria = (Criterion("a", "max", 0.5), Criterion("b", "max", 0.3), Criterion("c", "min", 0.2))
    rows = {"P": (9, 2, 5), "Q": (4, 8, 4), "R": (6, 5, 2), "S": (3, 3, 8), "T": (7, 6, 6)}
    return Matrix("Three", criteria, tuple(Strategy(n, dict(zip("abc", v, strict=True))) for n, v in rows.items()))


@pytest.mark.parametrize("strategy", ["Q", "R", "T"])
def test_make_top_lp_matches_a_brute_force_grid(strategy):
    matrix = three_criteria_matrix()
    result = make_top(matrix, strategy=strategy, method="wsm")
    assert result.exact and result.feasible
    target = matrix.strategy_names.index(strategy)
    new = np.array(list(result.new_weights.values()))
    assert np.all(new >= 0) and np.isclose(new.sum(), 1)
    scores = batch_scores(matrix, "wsm", new[None, :])[0]
    assert scores[target] >= scores.max() - 1e-9
    grid = brute_force_make_top(matrix, target)
    assert result.distance <= grid + 1e-9
    assert grid - result.distance < 0.03  # the grid is 0.005 apart in each weight


def test_make_top_when_no_weights_can():
    dominated = make_top(DOMINATED, strategy="middle", method="wsm")  # any case
    assert not dominated.feasible and np.isnan(dominated.distance)
    assert "dominated by 'Best'" in dominated.verdict
    criteria = (Criterion("x", "max", 1.0), Criterion("y", "max", 1.0))
    hull = Matrix(
        "Hull",
        criteria,
        (
            Strategy("A", {"x": 10, "y": 0}),
            Strategy("B", {"x": 0, "y": 10}),
            Strategy("C", {"x": 4, "y": 4}),
        ),
    )
    never = make_top(hull, strategy="C", method="wsm")
    assert not never.feasible and "for every choice of weights" in never.verdict


@pytest.mark.parametrize("method", ["wsm", "topsis", "vikor", "promethee2"])
def test_make_top_on_a_dominated_strategy_says_dominance_proves_it(method):
    """Issue 22: a dominated strategy got "a search, not a proof" although dominance is a proof."""
    result = make_top(DOMINATED, strategy="Worst", method=method)
    dominators = DOMINATED.dominators()["Worst"]
    assert not result.feasible and result.dominated_by == tuple(dominators)
    assert "proof by dominance" in result.verdict and "a search, not a proof" not in result.verdict
    assert f"Pareto-dominated by '{dominators[0]}'" in result.verdict
    assert result.to_dict()["dominated_by"] == dominators


def test_make_top_keeps_the_search_wording_when_dominance_proves_nothing():
    """PROBID may rank a dominated strategy above its dominator: dominance is no proof there."""
    from decide.methods import get_method

    assert not get_method("probid").respects_dominance
    seen = []
    with progress_to(lambda *call: seen.append(call)):
        result = make_top(DOMINATED, strategy="Worst", method="probid")
    assert result.dominated_by == () and "proof by dominance" not in result.verdict
    assert "a search, not a proof" in result.verdict
    # the search without a numpy engine is scaled down from the full one, and says how far it is
    first, _ = _search_plan(DOMINATED, get_method("probid"))
    assert FEWEST <= first < CANDIDATES == _search_plan(DOMINATED, get_method("topsis"))[0]
    done = [call[1] for call in seen]
    assert done == sorted(done) and done[-1] >= first and {call[2] for call in seen} == {seen[0][2]}


@pytest.mark.parametrize("matrix", [three_criteria_matrix(), TRADE_OFF, random_matrix(5, strategies=8)])
def test_the_smallest_search_comes_near_the_exact_answer(matrix, monkeypatch):
    """The search as small as it gets for a slow method, run on wsm, against the linear programme."""
    from decide.methods import get_method

    monkeypatch.setattr("decide.analysis.make_top._search_plan", lambda *_: (FEWEST, FEWEST // 4))
    wsm, current = get_method("wsm"), matrix.weight_array()
    found = 0
    for target in range(len(matrix.strategies)):
        exact, _ = _lp_make_top(matrix, wsm, target)
        searched = _search_make_top(matrix, wsm, target)
        if exact is None:
            assert searched is None
            continue
        if searched is None:
            continue
        found += 1
        ranks = batch_ranks(batch_scores(matrix, "wsm", searched[None, :]), "higher")[0]
        assert ranks[target] == 1
        best = np.abs(exact - current).sum()
        assert best - 1e-9 <= np.abs(searched - current).sum() <= 1.25 * best + 1e-3
    assert found >= 2


def test_make_top_already_first_and_other_methods():
    first = TRADE_OFF.strategy_names[int(np.argmin(brute_force_ranks(TRADE_OFF, 0, np.array([0.3]))[0]))]
    assert make_top(TRADE_OFF, strategy=first).distance == 0
    result = make_top(TRADE_OFF, strategy="Exercises", method="topsis")
    assert not result.exact and result.feasible and result.distance > 0
    new = np.array(list(result.new_weights.values()))
    ranks = batch_ranks(batch_scores(TRADE_OFF, "topsis", new[None, :]), "higher")[0]
    assert ranks[TRADE_OFF.strategy_names.index("Exercises")] == 1
    assert "approximate, sampled search" in result.verdict


def test_unknown_names():
    with pytest.raises(UnknownNameError, match="unknown strategy 'Nope'; choose from: Talks, Exercises"):
        make_top(TRADE_OFF, strategy="Nope")
    with pytest.raises(UnknownNameError, match="unknown criterion 'price'; choose from: stability"):
        sensitivity(TRADE_OFF, criterion="price")


def test_every_export_format(tmp_path):
    for result in (
        sensitivity(TRADE_OFF, method="wsm"),
        make_top(TRADE_OFF, strategy="Aid"),
        make_top(DOMINATED, strategy="Worst"),
    ):
        for fmt in FORMATS:
            if fmt == "xlsx":
                assert export(result, tmp_path / "out.xlsx").stat().st_size > 0
            else:
                assert "Testland" in render(result, fmt) or fmt == "csv"
        json.loads(render(result, "json"))
    data = json.loads(render(sensitivity(TRADE_OFF, method="wsm"), "json"))["actors"][0]
    assert data["exact"] is True and set(data["segments"]) == set(TRADE_OFF.criterion_names)


def test_constant_scores_are_fine():
    table = TRADE_OFF.to_array()
    table[:, 0] = 5
    result = sensitivity(with_scores(TRADE_OFF, table), method="wsm", criterion="stability")
    assert len(result.criteria[0].segments) >= 1
