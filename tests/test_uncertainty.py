"""What the data does not pin down: --stated-only, SMAA over score ranges, and which
score ranges can change who is first."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

import decide
from decide.analysis.sensitivity import range_flips
from decide.core.errors import MatrixError
from decide.core.model import Criterion, Matrix, Strategy
from decide.core.ranks import draw_tables, score_model

CRITERIA = (Criterion("gain", "max", 0.5), Criterion("cost", "min", 0.5))


def close_call() -> Matrix:
    """B leads A narrowly under wsm; B's cost is a judgement in [2, 6] that can flip it."""
    return Matrix(
        "Example",
        CRITERIA,
        (
            Strategy("A", {"gain": 8, "cost": 5}),
            Strategy("B", {"gain": 7, "cost": 4}, ranges={"cost": (2.0, 6.0)}, certainty={"cost": "judgement"}),
            Strategy("C", {"gain": 2, "cost": 9}, basis="inferred", reasoning="transposed from another actor"),
        ),
        scale=(1.0, 10.0),
    )


def test_stated_only_leaves_out_inferred_strategies_and_says_so():
    result = decide.rank(close_call(), method="wsm", stated_only=True)
    assert sorted(result.results[0].table["strategy"]) == ["A", "B"]
    assert "; inferred strategies left out;" in str(result)
    assert result.to_dict()["actors"][0]["filters"] == ["inferred strategies left out"]
    assert result.to_frame(provenance=True)["filters"].eq("inferred strategies left out").all()
    for other in (
        decide.compare(close_call(), methods="wsm,topsis", stated_only=True),
        decide.sensitivity(close_call(), method="wsm", stated_only=True),
        decide.smaa(close_call(), method="wsm", samples=200, seed=1, stated_only=True),
    ):
        assert "inferred strategies left out" in str(other)
        assert "C" not in [s for s in other.to_frame().get("strategy", [])]


def test_stated_only_with_nothing_stated_is_an_error():
    only_inferred = replace(close_call(), strategies=(close_call().strategies[2],))
    with pytest.raises(MatrixError, match="every strategy is inferred, so stated_only leaves nothing to rank"):
        only_inferred.stated_only()


def test_the_basis_is_a_column_of_every_ranking_export():
    result = decide.rank(close_call(), method="wsm")
    assert dict(zip(result.results[0].table["strategy"], result.results[0].table["basis"], strict=True))["C"] == (
        "inferred"
    )
    assert "basis" in decide.render(result, "csv").splitlines()[0]
    assert {row["strategy"]: row["basis"] for row in json.loads(decide.render(result, "json"))["actors"][0]["ranking"]}[
        "C"
    ] == "inferred"


def test_score_draws_stay_within_each_range_and_exact_scores_stay_put():
    matrix = close_call()
    tables = draw_tables(np.random.default_rng(0), matrix, 5000)
    assert tables is not None and tables.shape == (5000, 3, 2)
    b_cost = tables[:, 1, 1]
    assert b_cost.min() >= 2.0 and b_cost.max() <= 6.0 and abs(b_cost.mean() - 4.0) < 0.1
    exact = np.delete(tables.reshape(5000, -1), 3, axis=1)
    assert np.all(exact == exact[0])
    assert draw_tables(np.random.default_rng(0), matrix, 10, ranges=False) is None
    assert score_model(matrix) == "1 judgement scores drawn within their ranges"
    assert score_model(matrix, noise=1.0) == "scores +-1"
    assert score_model(matrix, ranges=False) == "scores fixed"


def test_smaa_draws_ranges_by_default_and_fixed_scores_on_request():
    drawn = decide.smaa(close_call(), method="wsm", samples=4000, seed=3, spread=0.01)
    fixed = decide.smaa(close_call(), method="wsm", samples=4000, seed=3, spread=0.01, score_ranges=False)
    first_drawn = drawn["Example"].first_rank_acceptability
    first_fixed = fixed["Example"].first_rank_acceptability
    # with weights nearly fixed, B always leads on the file's values; its cost range lets A lead often
    assert first_fixed["B"] == 1.0 and 0.2 < first_drawn["A"] < 0.8
    assert "judgement scores drawn within their ranges" in str(drawn) and "scores fixed" in str(fixed)
    assert json.loads(decide.render(drawn, "json"))["score_ranges"] is True


def test_range_flips_names_the_ranges_that_can_change_the_leader():
    frame = range_flips(close_call(), "wsm")
    (row,) = frame.to_dict(orient="records")
    assert (row["strategy"], row["criterion"], row["low"], row["high"]) == ("B", "cost", 2.0, 6.0)
    assert row["first at low"] == "B" and row["first at high"] == "A" and row["flips"]
    shown = str(decide.sensitivity(close_call(), method="wsm"))
    assert "1 of 1 score ranges can change who is first" in shown


def test_cli_flags(cli, tmp_path):
    import yaml

    path = tmp_path / "example.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "actor": "Example",
                "scale": [1, 10],
                "criteria": [
                    {"name": "gain", "objective": "max", "weight": 1},
                    {"name": "cost", "objective": "min", "weight": 1},
                ],
                "strategies": [
                    {"name": "A", "scores": {"gain": 8, "cost": 5}},
                    {
                        "name": "B",
                        "scores": {"gain": 7, "cost": {"value": 4, "low": 2, "high": 6}},
                        "certainty": {"cost": "judgement"},
                    },
                    {"name": "C", "basis": "inferred", "reasoning": "transposed", "scores": {"gain": 2, "cost": 9}},
                ],
            }
        )
    )
    ranked = cli("rank", str(path), "--stated-only", "-m", "wsm")
    assert ranked.exit_code == 0 and "inferred strategies left out" in ranked.stdout and "  C  " not in ranked.stdout
    drawn = cli("smaa", str(path), "-m", "wsm", "-n", "500", "-s", "1")
    fixed = cli("smaa", str(path), "-m", "wsm", "-n", "500", "-s", "1", "--fixed-scores")
    assert "judgement scores drawn within their ranges" in drawn.stdout and "scores fixed" in fixed.stdout
    for command in (
        ["compare", str(path), "-a", "Example", "--methods", "wsm,topsis"],
        ["sensitivity", str(path), "-a", "Example", "-m", "wsm"],
    ):
        assert "inferred strategies left out" in cli(*command, "--stated-only").stdout
