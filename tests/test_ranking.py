"""Ranking: the three foundation methods against published examples and scikit-criteria."""

from __future__ import annotations

import numpy as np
import pytest

import decide
from decide import rank
from tests.helpers import evaluate, make_matrix


@pytest.mark.parametrize("method", ["wsm", "topsis", "vikor"])
def test_equals_a_direct_scikit_criteria_pipeline(method):
    import skcriteria as skc
    from skcriteria.agg.simple import WeightedSumModel
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.agg.vikor import VIKOR
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing.invert_objectives import MinMaxInverter, NegateMinimize
    from skcriteria.preprocessing.scalers import VectorScaler

    direct = {
        "wsm": mkpipe(MinMaxInverter(), WeightedSumModel()),
        "topsis": mkpipe(NegateMinimize(), VectorScaler(target="matrix"), TOPSIS()),
        "vikor": VIKOR(),
    }[method]
    generator = np.random.default_rng(11)
    for _ in range(10):
        values = generator.uniform(1, 10, size=(7, 4))
        weights = generator.dirichlet(np.ones(4))
        matrix = make_matrix(values, ["max", "max", "min", "min"], weights)
        ranks, _ = evaluate(matrix, method)
        dm = skc.mkdm(values, [max, max, min, min], weights=weights)
        assert ranks.tolist() == direct.evaluate(dm).rank_.tolist()


def test_all_weight_on_deterrence_ranks_the_highest_deterrence_first_under_wsm():
    for matrix in decide.load_matrices():
        only_deterrence = {c: (1.0 if c == "deterrence" else 0.0) for c in matrix.criterion_names}
        result = rank(matrix, method="wsm", weights=only_deterrence)
        table = result.results[0].table
        best = max(s.scores["deterrence"] for s in matrix.strategies)
        leaders = {s.name for s in matrix.strategies if s.scores["deterrence"] == best}
        assert set(table.loc[table["rank"] == 1, "strategy"]) == leaders


def test_rank_defaults_to_topsis_on_every_shipped_actor():
    result = rank()
    assert result.method.name == "topsis" and result.params == {"normalization": "vector"} and result.better == "higher"
    actors = ["China", "Japan", "North Korea", "Russia", "South Korea", "United States"]
    assert [r.actor for r in result.results] == actors
    for ranking in result.results:
        assert ranking.table["score"].is_monotonic_decreasing
        assert ranking.table["rank"].iloc[0] == 1


def test_vikor_lists_lower_scores_first():
    result = rank(actors="russia", method="vikor", params={"v": 0.3})
    assert result.better == "lower" and result.params == {"v": 0.3, "use_compromise_set": True}
    assert result.results[0].table["rank"].is_monotonic_increasing


def test_weight_override_is_exact_and_others_share_the_rest_in_file_proportions():
    file_weights = rank(actors="China").results[0].weights
    weights = rank(actors="China", weights="deterrence=0.5,cost=0.1").results[0].weights
    rest = file_weights["stability"] + file_weights["risk"]
    assert weights == pytest.approx(
        {
            "stability": 0.4 * file_weights["stability"] / rest,
            "deterrence": 0.5,
            "cost": 0.1,
            "risk": 0.4 * file_weights["risk"] / rest,
        }
    )


def test_to_frame_columns_and_dict_shape():
    result = rank(actors=["US", "prc"])
    frame = result.to_frame()
    assert list(frame.columns)[:4] == ["actor", "rank", "strategy", "score"]
    assert set(frame["actor"]) == {"United States", "China"}
    data = result.to_dict()
    assert set(data) >= {"method", "params", "actors"}
    first = data["actors"][0]
    assert set(first) >= {"actor", "file", "weights", "better", "ranking"}
    assert first["file"] == "united-states.yaml"
    assert set(first["ranking"][0]) >= {"rank", "strategy", "score"}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: rank(method="electre9"), "unknown method 'electre9' (did you mean 'electre2'?); choose from: "),
        (lambda: rank(actors="Atlantis"), "unknown actor 'Atlantis'; choose from: China, "),
        (lambda: rank(weights="morale=1"), "unknown criterion 'morale'; choose from: stability, "),
        (lambda: rank(weights="deterrence"), "weights: 'deterrence' is not NAME=VALUE"),
        (lambda: rank(weights="deterrence=lots"), "weights: weight of 'deterrence' is 'lots', not a number"),
        (lambda: rank(weights="cost=-1"), "weight of 'cost' is -1.0, weights must be >= 0"),
        (
            lambda: rank(weights="stability=0,deterrence=0,cost=0,risk=0"),
            "all weights are zero; give at least one criterion a positive weight",
        ),
        (lambda: rank(method="vikor", params={"v": "2"}), "method 'vikor': parameter 'v' is 2; allowed: 0 <= v <= 1"),
        (lambda: rank(method="vikor", params={"w": "1"}), "method 'vikor' has no parameter 'w'; its parameters: v, "),
        (lambda: rank(params={"v": "1"}), "method 'topsis' has no parameter 'v'; its parameters: normalization"),
    ],
)
def test_bad_options_raise_decide_errors(call, message):
    with pytest.raises(decide.DecideError) as caught:
        call()
    assert message in str(caught.value)


def test_constant_criterion_is_harmless():
    matrix = make_matrix([[5, 1], [5, 2], [5, 3]], ["max", "min"], [0.5, 0.5])
    for method in ["wsm", "topsis", "vikor"]:
        ranks, scores = evaluate(matrix, method)
        assert np.all(np.isfinite(scores))
        assert ranks[0] == 1


def test_plot_draws_one_bar_per_strategy():
    import matplotlib

    matplotlib.use("Agg")
    result = rank(actors="Russia")
    ax = result.plot()
    bars = ax.patches
    assert len(bars) == len(result.results[0].table)
    assert bars[-1].get_width() == pytest.approx(result.results[0].table["score"].iloc[0])
    assert ax.get_title(loc="left") == "Russia: topsis"


def _firsts(ranking) -> set[str]:
    return set(ranking.table.loc[ranking.table["rank"] == 1, "strategy"])


@pytest.mark.parametrize("method", ["topsis", "promethee2"])
def test_non_dominated_says_over_how_many_it_normalises_and_when_the_leader_changes(method):
    """Issue 22: dropping dominated strategies re-normalises, which can change the leader silently."""
    from decide.analysis.actor_ranking import rank_matrix
    from decide.methods import get_method
    from tests.helpers import random_integer_matrix

    changed = 0
    for seed in range(60):
        matrix = random_integer_matrix(seed, strategies=7)
        dominated = set(matrix.dominators())
        if not dominated:
            continue
        kept = rank(matrix, method=method, non_dominated=True)
        ranking = kept.results[0]
        caption = kept.caption(ranking)
        assert f"{len(dominated)} Pareto-dominated" in caption
        assert f"normalised over the {7 - len(dominated)} non-dominated" in caption or len(dominated) == 6
        full = rank_matrix(matrix, get_method(method))
        differs = _firsts(full) != _firsts(ranking)
        changed += differs
        assert ("the leader differs from the full set" in caption) == differs
        if differs:
            assert all(f"'{name}'" in caption for name in _firsts(full))
            assert any("leader differs" in note for note in kept.to_dict()["actors"][0]["notes"])
    assert changed, "no matrix among the seeds shows a change of leader: the test checks nothing"
