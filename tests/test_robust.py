"""Robust choice over scenario x profile x method: regret, shares, the minimax-regret verdict.

Regret is Savage's (1951) "loss" table: in each cell (state of the world), a strategy's
shortfall from the best strategy of that cell; the minimax-regret choice has the
smallest maximum loss. Here each cell's shortfall is divided by the cell's spread so
that cells of different methods compare.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

import decide
from decide.analysis.robust import leaders, regret, robust
from decide.core.errors import SpecError, UnknownNameError
from decide.core.model import Criterion, Matrix, Strategy
from decide.io.scenarios import Adjustment, Scenario
from tests.helpers import four_criteria_matrix

# One criterion, so under wsm (min-max) a strategy's regret is (best - x) / (best - worst), by hand.
GAIN = Matrix(
    actor="Gamble",
    criteria=(Criterion("gain", "max", 1.0),),
    strategies=(Strategy("Gambler", {"gain": 10}), Strategy("Steady", {"gain": 8}), Strategy("Weak", {"gain": 0})),
    scale=(0, 10),
)
WEAK_GAINS = Scenario("weak-gains", "Weak gains a little.", "test", (Adjustment("Weak", "gain", "why", score=2),))
CRASH = Scenario(
    "crash",
    "The gamble fails.",
    "test",
    (Adjustment("Gambler", "gain", "why", change=-10), Adjustment("Weak", "gain", "why", change=6)),
)


def test_regret_is_the_shortfall_from_the_cell_best_over_the_cell_spread():
    assert regret([[10, 8, 0], [0, 8, 6]]).tolist() == [[0.0, 0.2, 1.0], [1.0, 0.0, 0.25]]
    assert regret([[0.1, 0.4, 0.4]], "lower").tolist() == [[0.0, 1.0, 1.0]]
    assert regret([[3, 3]]).tolist() == [[0.0, 0.0]]  # a cell where all tie: nobody regrets


def test_leaders_name_every_tied_strategy():
    assert leaders([2, 1, 2], ["A", "B", "C"], largest=True) == ["A", "C"]
    assert leaders([0.3, 0.1, 0.1], ["A", "B", "C"], largest=False) == ["B", "C"]


def test_a_small_grid_computed_by_hand():
    """baseline: 10, 8, 0; weak-gains: 10, 8, 2; crash: 0, 8, 6 (Gambler, Steady, Weak)."""
    item = robust(GAIN, scenarios=["baseline", WEAK_GAINS, CRASH], methods="wsm")["Gamble"]
    assert [c.label for c in item.cells] == ["baseline / file / wsm", "weak-gains / file / wsm", "crash / file / wsm"]
    assert item.ranks.tolist() == [[1, 2, 3], [1, 2, 3], [3, 1, 2]]
    np.testing.assert_allclose(item.regret, [[0, 0.2, 1], [0, 0.25, 1], [1, 0, 0.25]])
    summary = item.summary().set_index("strategy")
    assert summary.index.tolist() == ["Steady", "Gambler", "Weak"]  # smallest maximum regret first
    np.testing.assert_allclose(summary["first"], [1 / 3, 2 / 3, 0])
    assert summary["best rank"].tolist() == [1, 1, 2] and summary["worst rank"].tolist() == [2, 3, 3]
    np.testing.assert_allclose(summary["max regret"], [0.25, 1, 1])
    np.testing.assert_allclose(summary["mean regret"], [0.15, 1 / 3, 0.75])
    assert item.most_often_first == ["Gambler"] and item.minimax_regret == ["Steady"]
    assert item.robust_choice == "Steady"
    assert item.verdict() == (
        "first most often: Gambler, in 2 of 3 cells; smallest maximum regret (minimax regret): Steady, "
        "at most 0.25 behind the best; they differ: Gambler wins most often but can fall 1.00 behind, "
        "Steady never falls further than 0.25"
    )
    assert item.choice_by_scenario() == {"baseline": "Gambler", "weak-gains": "Gambler", "crash": "Steady"}


def test_ties_are_named_together_in_the_verdict():
    twins = Matrix(
        actor="Twins",
        criteria=(Criterion("gain", "max", 1.0),),
        strategies=(Strategy("A", {"gain": 5}), Strategy("B", {"gain": 5}), Strategy("C", {"gain": 1})),
    )
    item = robust(twins, methods="wsm")["Twins"]
    assert item.ranks.tolist() == [[1, 1, 3]]  # ties share the best place, the next is skipped (as decide rank)
    assert item.most_often_first == ["A", "B"] and item.minimax_regret == ["A", "B"]
    assert item.verdict() == (
        "first most often: A and B (tied), in 1 of 1 cells; smallest maximum regret (minimax regret): A and B "
        "(tied), at most 0.00 behind the best; the same: the safe bet is also the usual winner"
    )


def test_when_every_strategy_is_worst_somewhere_the_verdict_says_none_is_safer():
    flip = Scenario("flip", "d", "s", (Adjustment("A", "gain", "r", score=1), Adjustment("B", "gain", "r", score=5)))
    pair = Matrix("Pair", (Criterion("gain", "max", 1.0),), (Strategy("A", {"gain": 5}), Strategy("B", {"gain": 1})))
    item = robust(pair, scenarios=["baseline", flip], methods="wsm")["Pair"]
    assert item.minimax_regret == ["A", "B"]
    assert item.verdict() == (
        "first most often: A and B (tied), in 1 of 2 cells; no strategy has a smaller maximum regret than the "
        "others: each falls 1.00 behind the best in some cell"
    )


@pytest.mark.parametrize("method", ["wsm", "wpm", "topsis", "vikor", "electre2", "promethee2", "edas"])
def test_a_grid_of_one_cell_reproduces_decide_rank(method):
    ranking = decide.rank(actors="China", method=method)["China"]
    item = robust(actors="China", scenarios="baseline", methods=method)["China"]
    by_strategy = dict(zip(item.strategies, item.ranks[0].tolist(), strict=True))
    assert {row.strategy: int(row.rank) for row in ranking.table.itertuples()} == by_strategy
    scores = dict(zip(item.strategies, item.scores[0].tolist(), strict=True))
    np.testing.assert_allclose([scores[s] for s in ranking.table["strategy"]], ranking.table["score"])


def test_a_strategy_dominating_in_every_scenario_has_zero_regret_everywhere():
    base = four_criteria_matrix(3)
    best = Strategy("Best", {"stability": 10, "deterrence": 10, "cost": 1, "risk": 1})
    matrix = Matrix("Example", base.criteria, (*base.strategies, best), scale=(1, 10))
    shocks = [
        Scenario(
            "shock", "d", "s", (Adjustment("A1", "risk", "r", score=1), Adjustment("A2", "deterrence", "r", score=10))
        ),
        Scenario(
            "squeeze", "d", "s", (Adjustment("Best", "cost", "r", change=1), Adjustment("A3", "cost", "r", score=3))
        ),
    ]
    result = robust(
        matrix,
        scenarios=["baseline", *shocks],
        methods="wsm,wpm,topsis,vikor,edas,mabac,promethee2",
        profiles=[{"stability": 1}, {"deterrence": 1, "cost": 0}, {"risk": 0.9}],
    )
    item = result["Example"]
    column = item.strategies.index("Best")
    assert len(item.cells) == 3 * 3 * 7
    assert np.all(item.regret[:, column] == 0) and np.all(item.ranks[:, column] == 1)
    assert item.robust_choice == "Best" and item.minimax_regret == ["Best"]


def test_vectorised_methods_score_every_profile_in_one_batch(monkeypatch):
    import decide.methods.run as run

    calls = []
    original = run.batch_scores

    def counting(method, matrix, weights, tables=None):
        calls.append((method.name, len(weights)))
        return original(method, matrix, weights, tables)

    monkeypatch.setattr(run, "batch_scores", counting)
    robust(GAIN, scenarios=["baseline", CRASH], methods="topsis,vikor", profiles=[{"gain": 1}, {"gain": 2}])
    assert calls == [("topsis", 2), ("vikor", 2), ("topsis", 2), ("vikor", 2)]


def test_profiles_methods_and_scenarios_are_checked():
    with pytest.raises(UnknownNameError, match="unknown profile 'hawk'; choose from: file"):
        robust(GAIN, profiles="hawk")
    with pytest.raises(UnknownNameError, match="unknown method 'magic'"):
        robust(GAIN, methods="topsis,magic")
    with pytest.raises(SpecError, match="methods is empty"):
        robust(GAIN, methods=" , ")
    with pytest.raises(UnknownNameError, match="Gamble: unknown scenario 'war'; Gamble has no scenarios"):
        robust(GAIN, scenarios="baseline,war")


def test_named_weight_profiles_make_their_own_cells():
    item = robust(GAIN, methods="wsm", profiles={"all-in": {"gain": 1}, "also": "gain=2"})["Gamble"]
    assert [c.profile for c in item.cells] == ["all-in", "also"]
    assert item.profiles == {"all-in": {"gain": 1.0}, "also": {"gain": 1.0}}


def test_the_tidy_grid_and_the_json_hold_every_cell():
    result = robust(GAIN, scenarios=["baseline", WEAK_GAINS, CRASH], methods="wsm,topsis")
    grid = result.grid()
    assert len(grid) == 3 * 3 * 2
    assert list(grid.columns) == ["actor", "scenario", "profile", "method", "strategy", "rank", "score", "regret"]
    crash = grid[(grid.scenario == "crash") & (grid.method == "wsm")].set_index("strategy")
    assert crash["regret"].to_dict() == {"Gambler": 1.0, "Steady": 0.0, "Weak": 0.25}
    data = json.loads(decide.render(result, "json"))
    actor = data["actors"][0]
    assert len(actor["cells"]) == 6 and actor["minimax_regret"] == ["Steady"]
    assert [s["name"] for s in actor["scenarios"]] == ["baseline", "weak-gains", "crash"]
    steady = actor["summary"][0]
    assert steady == {
        "strategy": "Steady",
        "first": pytest.approx(2 / 6),
        "top_3": 1.0,
        "best_rank": 1,
        "worst_rank": 2,
        "max_regret": pytest.approx(0.25),
        "mean_regret": steady["mean_regret"],
    }


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "latex", "html"])
def test_every_text_format_renders(fmt):
    text = decide.render(robust(GAIN, scenarios=["baseline", CRASH], methods="wsm"), fmt)
    assert "Steady" in text


def test_the_all_actors_overview_has_one_row_per_actor_and_says_what_compares():
    result = robust(methods="wsm,topsis", all_actors=True)
    frame = result.to_frame()
    assert frame["actor"].tolist() == result.actors and len(frame) == len(decide.load_matrices())
    caption = result.sections()[0].caption
    assert "ranks, shares of cells and regret (a share of each cell's spread) compare across actors" in caption
    assert "raw scores do not" in caption
    scenarios = result.by_scenario()
    assert list(scenarios.columns) == ["actor", "scenario", "safe bet", "max regret"]
    assert len(scenarios) == sum(len(item.scenarios) for item in result.results)
    for row in frame.itertuples():
        assert row._2.startswith(result[row.actor].robust_choice)  # "robust choice"
        assert ("tied with" in row._2) == (len(result[row.actor].minimax_regret) > 1)


def test_the_heatmap_has_a_cell_per_strategy_and_grid_cell():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = robust(GAIN, scenarios=["baseline", CRASH], methods="wsm,topsis").plot()
    try:
        image = ax.get_images()[0].get_array()
        assert image.shape == (3, 4)
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Steady", "Gambler", "Weak"]
    finally:
        plt.close(ax.figure)


def test_stated_only_leaves_inferred_strategies_out_of_every_cell():
    full = robust(actors="Russia", methods="wsm")["Russia"]
    stated = robust(actors="Russia", methods="wsm", stated_only=True)["Russia"]
    inferred = {s.name for s in full.matrix.strategies if s.basis == "inferred"}
    assert inferred and set(stated.strategies) == set(full.strategies) - inferred
    assert stated.ranks.shape == (len(full.cells), len(full.strategies) - len(inferred))


def test_the_regret_of_every_cell_is_printed_on_request(tmp_path):
    result = robust(GAIN, scenarios=["baseline", WEAK_GAINS, CRASH], methods="wsm", cells=True)
    table = result["Gamble"].regret_by_cell()
    assert list(table.columns) == ["scenario", "profile", "method", "Steady", "Gambler", "Weak"]
    assert table.loc[2, ["Steady", "Gambler", "Weak"]].tolist() == [0.0, 1.0, 0.25]
    assert [s.title for s in result.sections()] == [
        "Gamble robust",
        "Gamble regret by scenario",
        "Gamble regret by cell",
        "verdict",
    ]
    assert "Gamble regret by cell" not in [s.title for s in robust(GAIN, methods="wsm").sections()]


def test_xlsx_has_a_sheet_per_table_and_html_renders_in_a_notebook(tmp_path):
    import openpyxl

    result = robust(actors="China", methods="wsm,topsis")
    path = decide.export(result, tmp_path / "robust.xlsx")
    sheets = openpyxl.load_workbook(path).sheetnames
    assert {"China robust", "China regret by scenario", "verdict"} <= set(sheets)
    html = result._repr_html_()
    assert html.count("<table") == 3 and "minimax regret" in html


def test_a_named_scenario_runs_for_the_actors_that_have_it():
    result = robust(methods="wsm", scenarios="baseline,sanctions-tighten")
    for item in result.results:
        expected = ["baseline", "sanctions-tighten"] if item.actor in ("Russia", "North Korea") else ["baseline"]
        assert item.scenario_names == expected, item.actor
    with pytest.raises(UnknownNameError, match="unknown scenario 'war'; the selected actors' scenarios: baseline, "):
        robust(methods="wsm", scenarios="war")


def test_the_file_weights_and_every_named_profile_make_the_profiles_of_the_grid():
    china = decide.load_matrices()[0]
    assert china.actor == "China" and china.profiles
    item = robust(actors="China", scenarios="baseline", methods="wsm")["China"]
    assert list(item.profiles) == ["file", *(p.name for p in china.profiles)]
    for profile in china.profiles:
        ranked = decide.rank(actors="China", method="wsm", profile=profile.name)["China"]
        column = [c.profile for c in item.cells].index(profile.name)
        expected = {row.strategy: int(row.rank) for row in ranked.table.itertuples()}
        assert dict(zip(item.strategies, item.ranks[column].tolist(), strict=True)) == expected


def test_profiles_are_named_in_any_case():
    item = robust(actors="China", scenarios="baseline", methods="wsm", profiles="FILE,Mediator")["China"]
    assert list(item.profiles) == ["file", "mediator"]
