"""decide explain and Ranking.contributions(): exact for additive methods, exact distance
shares for TOPSIS, normalised values (and saying so) for the others."""

from __future__ import annotations

import numpy as np
import pytest

from decide import Criterion, Matrix, Strategy, UnknownNameError, explain, rank
from decide.analysis.explain import decompose, sentence
from decide.methods import evaluate, get_method
from decide.methods.normalise import normalise


def test_wsm_contributions_sum_exactly_to_the_score():
    """Additive: weight x min-max value per criterion adds up to the wsm score (Fishburn 1967)."""
    ranking = rank(actors=["China", "North Korea"], method="wsm")
    contributions = ranking.contributions()
    for result, ranked in zip(contributions.results, ranking.results, strict=True):
        assert result.kind == "exact"
        scores = ranked.table.set_index("strategy")["score"]
        assert np.allclose(result.contributions.sum(axis=1), scores.loc[result.contributions.index])


def test_topsis_pull_comes_from_exact_shares_of_both_distances():
    """TOPSIS (Hwang & Yoon 1981): the per-criterion squared gaps add up to D+^2 and D-^2,
    whose ratio D-/(D+ + D-) is the score; each pull is the first-order effect of one
    criterion's share, so the pulls of one strategy cancel out."""
    matrix = rank(actors="South Korea").results[0].matrix
    method = get_method("topsis")
    kind, pull = decompose(matrix, method)
    assert kind == "distance"
    scaled = normalise(matrix.to_array(), matrix.cost_mask(), "vector")
    w = matrix.weight_array()
    d_ideal = np.sqrt((w**2 * (scaled.max(axis=0) - scaled) ** 2).sum(axis=1))
    d_anti = np.sqrt((w**2 * (scaled - scaled.min(axis=0)) ** 2).sum(axis=1))
    ranking = rank(matrix, method="topsis").results[0].table.set_index("strategy")["score"]
    assert np.allclose(d_anti / (d_ideal + d_anti), ranking.loc[matrix.strategy_names])
    assert np.allclose(pull.sum(axis=1), 0)
    # a criterion where a strategy is at the ideal pulls it up; at the anti-ideal, down
    best_on_first = int(np.argmax(scaled[:, 0]))
    assert pull[best_on_first, 0] > 0


def test_other_methods_say_no_exact_decomposition_exists(cli):
    result = explain(actors="china", method="edas")
    assert result.results[0].kind == "normalised"
    assert "no exact decomposition exists" in " ".join(cli("explain", "-a", "china", "-m", "edas").output.split())


def test_promethee2_contributions_are_its_per_criterion_flows_and_sum_to_the_net_flow(cli):
    """PROMETHEE II's net flow is the weighted sum of each criterion's own net flow."""
    result = explain(actors="china", method="promethee2").results[0]
    assert result.kind == "exact"
    _, scores = evaluate(get_method("promethee2"), result.matrix)
    net = dict(zip(result.matrix.strategy_names, scores, strict=True))
    sums = result.contributions.sum(axis=1)
    assert sums.to_numpy() == pytest.approx([net[name] for name in sums.index], abs=1e-12)
    assert "net flow on that criterion alone" in " ".join(
        cli("explain", "-a", "china", "-m", "promethee2").output.split()
    )


def test_sentence_names_what_helps_and_what_holds_back():
    assert sentence(1, {"deterrence": 0.21, "stability": 0.12, "cost": -0.05, "risk": 0.0}) == (
        "first because of deterrence (+0.210) and stability (+0.120); held back by cost (-0.050)"
    )
    assert sentence(4, {"cost": -0.1}) == "ranked 4, helped by no criterion; held back by cost (-0.100)"


def test_every_pull_in_a_sentence_has_the_same_precision():
    """Three decimals for each (the pulls of one strategy are compared with each other):
    not +0.154 beside +0.0285 and -0.14, as three significant figures gave."""
    said = sentence(1, {"deterrence": 0.1541, "stability": 0.02849, "cost": -0.1401, "risk": -0.0471})
    assert (
        said
        == "first because of deterrence (+0.154) and stability (+0.028); held back by cost (-0.140) and risk (-0.047)"
    )


def test_the_last_places_are_worded_by_what_holds_them_back():
    """Issue 22: 'ranked 16 because of risk (+0.124)' read as if last place were earned."""
    advantage = {"deterrence": -0.06, "cost": -0.02, "stability": 0.06, "risk": 0.02}
    assert sentence(16, advantage, of=16).startswith("last of 16, held back by deterrence (-0.060) and cost (-0.020)")
    assert sentence(16, advantage, of=16).endswith("helped by stability (+0.060) and risk (+0.020)")
    assert sentence(12, advantage, of=16).startswith("ranked 12 of 16, held back by deterrence")
    assert sentence(8, advantage, of=16).startswith("ranked 8 because of stability")
    for result in explain(method="wsm").results:
        last = result.ranks.index[-1]
        if result.ranks[last] == len(result.ranks):
            assert result.sentences[last].startswith(f"last of {len(result.ranks)}, held back by")
        assert "because of" not in " ".join(
            result.sentences[s] for s in result.ranks.index if result.ranks[s] > len(result.ranks) / 2
        )


def test_no_negative_zero_is_printed():
    from decide import render
    from decide.rendering.formats import _cell

    assert _cell(-0.00004, str) == "0.0000" and _cell(-0.0, str) == "0.0000" and _cell(-0.5, str) == "-0.5000"
    for method in ("promethee2", "wsm", "topsis"):
        assert "-0.0000" not in render(explain(method=method), "table")


def test_explain_one_strategy_on_the_command_line(cli):
    ranked = rank(actors="dprk", method="wsm").results[0].table["strategy"].tolist()
    out = cli("explain", "-a", "dprk", "-m", "wsm", "--strategy", ranked[0].lower(), "-f", "markdown").stdout
    assert ranked[0] in out and "first because of" in out
    assert ranked[-1] not in out
    bad = cli("explain", "-a", "dprk", "--strategy", "Atlantis")
    assert bad.exit_code == 1 and bad.output.startswith("Error: ") and "unknown strategy 'Atlantis'" in bad.output
    assert len(bad.output.strip().splitlines()) == 1


def test_explain_json_holds_the_figures(cli):
    import json

    data = json.loads(cli("explain", "-a", "china", "-m", "wsm", "-f", "json").stdout)
    first = data["actors"][0]["strategies"][0]
    assert data["actors"][0]["decomposition"] == "exact"
    assert first["score"] == pytest.approx(sum(first["contributions"].values()))


def test_unknown_strategy_in_python_is_a_decide_error():
    matrix = Matrix("Two", (Criterion("gain", "max", 1.0),), (Strategy("A", {"gain": 1}), Strategy("B", {"gain": 2})))
    with pytest.raises(UnknownNameError, match="unknown strategy 'C'; choose from: B, A"):
        explain(matrix, strategy="C")


def test_a_strategy_given_where_a_path_goes_gets_a_hint(cli):
    result = cli("explain", "-a", "dprk", "Deepen Military Collaboration with Russia")
    assert result.exit_code == 1
    assert "--strategy 'Deepen Military Collaboration with Russia'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
