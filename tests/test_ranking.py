"""Ranking: the three foundation methods against published examples and scikit-criteria."""

from __future__ import annotations

import numpy as np
import pytest

import decide
from decide import Criterion, Matrix, Strategy, rank
from decide.methods import get_method
from tests.helpers import evaluate


def make_matrix(values, objectives, weights, names=None, strategies=None) -> Matrix:
    values = np.asarray(values, dtype=float)
    names = names or [f"c{j}" for j in range(values.shape[1])]
    strategies = strategies or [f"A{i + 1}" for i in range(values.shape[0])]
    return Matrix(
        actor="Example",
        criteria=tuple(Criterion(n, o, float(w)) for n, o, w in zip(names, objectives, weights, strict=True)),
        strategies=tuple(
            Strategy(s, dict(zip(names, row, strict=True))) for s, row in zip(strategies, values, strict=True)
        ),
    )


def test_topsis_tzeng_huang_2011():
    """Tzeng, G.-H. & Huang, J.-J. (2011). Multiple Attribute Decision Making: Methods and
    Applications. CRC Press; TOPSIS example (4 alternatives, 3 benefit criteria,
    w = 0.3, 0.4, 0.3): closeness 0.5037, 0.6581, 0.7482, 0.3340 (4 decimals)."""
    matrix = make_matrix([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], ["max"] * 3, [0.3, 0.4, 0.3])
    ranks, scores = evaluate(matrix, "topsis")
    assert np.round(scores, 4).tolist() == [0.5037, 0.6581, 0.7482, 0.3340]
    assert ranks.tolist() == [3, 2, 1, 4]


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


def test_topsis_equals_textbook_steps_with_cost_criteria():
    generator = np.random.default_rng(7)
    for _ in range(25):
        values = generator.uniform(1, 10, size=(6, 4))
        weights = generator.dirichlet(np.ones(4))
        objectives = ["max", "max", "min", "min"]
        _, scores = evaluate(make_matrix(values, objectives, weights), "topsis")
        assert np.allclose(scores, textbook_topsis(values, objectives, weights), atol=1e-12)


def test_vikor_opricovic_tzeng_2004():
    """Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM methods: a
    comparative analysis of VIKOR and TOPSIS. EJOR 156(2), 445-455; numerical example
    (risk min, altitude max, equal weights): Q = 1, 0, 1 and A2 the compromise."""
    matrix = make_matrix([[1, 3000], [2, 3750], [5, 4500]], ["min", "max"], [0.5, 0.5])
    ranks, scores = evaluate(matrix, "vikor")
    assert np.allclose(scores, [1.0, 0.0, 1.0])
    assert ranks.tolist() == [2, 1, 2]


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


def test_wsm_reverses_cost_criteria_on_a_min_max_scale():
    """Each criterion rescaled so its best value is 1 and its worst 0, then summed with
    weights: here A1 = 0.5*1 + 0.5*1 = 1 (best stability, lowest cost)."""
    matrix = make_matrix([[9, 2], [5, 6], [1, 10]], ["max", "min"], [0.5, 0.5])
    ranks, scores = evaluate(matrix, "wsm")
    assert np.allclose(scores, [1.0, 0.5, 0.0])
    assert ranks.tolist() == [1, 2, 3]


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
    assert [r.actor for r in result.results] == ["China", "North Korea", "Russia", "South Korea", "United States"]
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
        {"stability": 0.4 * file_weights["stability"] / rest, "deterrence": 0.5, "cost": 0.1,
         "risk": 0.4 * file_weights["risk"] / rest}
    )


def test_to_frame_columns_and_dict_shape():
    result = rank(actors=["US", "prc"])
    frame = result.to_frame()
    assert list(frame.columns)[:4] == ["actor", "rank", "strategy", "score"]
    assert set(frame["actor"]) == {"United States", "China"}
    data = result.to_dict()
    assert set(data) >= {"method", "params", "rankings"}
    first = data["rankings"][0]
    assert set(first) >= {"actor", "file", "weights", "better", "ranking"}
    assert first["file"] == "united-states.yaml"
    assert set(first["ranking"][0]) >= {"rank", "strategy", "score"}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: rank(method="electre9"), "unknown method 'electre9'; choose from: "),
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
