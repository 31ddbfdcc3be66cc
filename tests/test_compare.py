"""Comparing methods: side-by-side ranks, Borda and Copeland consensus, correlations."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from decide import Criterion, Matrix, MethodError, SpecError, Strategy, compare, render
from decide.analysis.consensus import borda, copeland, correlations
from decide.analysis.ranking import rank


def small_matrix() -> Matrix:
    scores = {"A": (8, 2), "B": (6, 1), "C": (5, 3), "D": (9, 9)}
    return Matrix(
        actor="Example",
        criteria=(Criterion("gain", "max", 0.6), Criterion("cost", "min", 0.4)),
        strategies=tuple(Strategy(n, {"gain": g, "cost": c}) for n, (g, c) in scores.items()),
        scale=(1.0, 10.0),
    )


def test_compare_puts_each_methods_rank_side_by_side():
    result = compare(small_matrix(), actor="Example", methods="topsis,vikor,wsm")
    frame = result.to_frame()
    assert list(frame.columns) == [
        "strategy",
        "topsis",
        "vikor",
        "wsm",
        "borda_points",
        "borda",
        "copeland_score",
        "copeland",
        "dominated",
    ]
    assert frame.set_index("strategy").loc["C", "dominated"]  # A and B are better on both
    assert result.dominators == {"C": ["A", "B"]}


def test_borda_and_copeland_on_a_known_profile():
    ranks = pd.DataFrame({"m1": [1, 2, 3], "m2": [2, 1, 3], "m3": [1, 3, 2]}, index=["A", "B", "C"])
    assert borda(ranks)["borda_points"].tolist() == [5, 3, 1]
    assert borda(ranks)["borda"].tolist() == [1, 2, 3]
    assert copeland(ranks)["copeland_score"].tolist() == [2, 0, -2]


def test_correlations_of_identical_and_reversed_rankings():
    ranks = pd.DataFrame({"a": [1, 2, 3, 4], "b": [1, 2, 3, 4], "c": [4, 3, 2, 1]})
    kendall = correlations(ranks, "kendall")
    assert kendall.loc["a", "b"] == pytest.approx(1.0)
    assert kendall.loc["a", "c"] == pytest.approx(-1.0)
    assert correlations(ranks, "spearman").loc["b", "c"] == pytest.approx(-1.0)


def test_a_method_that_ties_everything_has_no_correlation():
    ranks = pd.DataFrame({"a": [1, 2, 3], "flat": [1, 1, 1]})
    assert correlations(ranks, "kendall")["flat"].isna().all()


def test_all_methods_skip_those_that_cannot_rank():
    matrix = small_matrix()
    zero = Matrix(
        actor="Zero",
        criteria=matrix.criteria,
        strategies=(*matrix.strategies, Strategy("Z", {"gain": 7, "cost": 0})),
        scale=(0.0, 10.0),
    )
    result = compare(zero, actor="Zero")
    assert "wpm" in result.skipped and "wpm" not in result.methods
    assert result.skipped["wpm"].startswith("criterion 'cost' has a zero for strategy 'Z'")
    with pytest.raises(MethodError, match="wpm cannot rank this matrix"):
        compare(zero, actor="Zero", methods=["wpm", "topsis"])


def test_params_per_method():
    result = compare(
        small_matrix(),
        actor="Example",
        methods="vikor,waspas",
        params={"vikor.v": "0.2", "waspas": {"lambda": 1}},
    )
    assert {m.name: m.params for m in result.methods} == {
        "vikor": {"v": 0.2, "use_compromise_set": True},
        "waspas": {"lambda": 1.0},
    }
    with pytest.raises(SpecError, match="method 'topsis' is not among the compared methods"):
        compare(small_matrix(), actor="Example", methods="vikor", params={"topsis.x": 1})


def test_json_shape():
    result = compare(small_matrix(), actor="Example", methods=["topsis", "edas"])
    document = json.loads(render(result, "json"))
    assert document["command"] == "compare" and len(document["actors"]) == 1
    data = document["actors"][0]
    assert set(data) == {
        "actor",
        "file",
        "weights",
        "weights_source",
        "methods",
        "skipped",
        "filters",
        "strategies",
        "correlation",
    }
    first = data["strategies"][0]
    assert set(first) == {
        "strategy",
        "ranks",
        "scores",
        "borda",
        "copeland",
        "dominated",
        "dominated_by",
    }
    assert data["correlation"]["kendall"]["topsis"]["topsis"] == 1.0
    assert data["methods"][0] == {
        "name": "topsis",
        "params": {"normalization": "vector"},
        "better": "higher",
        "weights_used": True,
    }


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "latex", "html"])
def test_every_text_format_renders(fmt):
    text = render(compare(small_matrix(), actor="Example", methods="topsis,wsm"), fmt)
    assert "topsis" in text and "borda" in text


def test_ranking_marks_dominated_strategies_and_can_drop_them():
    matrix = small_matrix()
    assert matrix.dominators() == {"C": ["A", "B"]}
    table = rank(matrix).results[0].table
    assert list(table.columns) == ["rank", "strategy", "score", "dominated", "basis"]
    frame = rank(matrix).to_frame().set_index("strategy")
    assert frame.loc["C", "dominated_by"] == "A, B"
    kept = rank(matrix, non_dominated=True)
    assert sorted(kept.results[0].table["strategy"]) == ["A", "B", "D"]
    dropped = "1 Pareto-dominated strategy dropped: normalised over the 3 non-dominated strategies"
    assert f"; {dropped};" in " ".join(str(kept).split())  # the caption records the filter
    assert kept.to_dict()["actors"][0]["filters"] == [dropped]
    entry = rank(matrix).to_dict()["actors"][0]["ranking"]
    assert {"rank", "strategy", "score", "dominated", "dominated_by", "basis"} == set(entry[0])


def test_correlations_of_rankings_that_tie_everything_read_undefined_not_nan():
    """Issue 22: compare printed 'nan' for tau and rho when every method tied every strategy."""
    alike = Matrix(
        actor="Example",
        criteria=(Criterion("gain", "max", 0.6), Criterion("cost", "min", 0.4)),
        strategies=tuple(Strategy(n, {"gain": 5, "cost": 2}) for n in "ABC"),
        scale=(1.0, 10.0),
    )
    result = compare(alike, actor="Example", methods="topsis,wsm")
    text = render(result, "table")
    assert "nan" not in text.lower()
    assert text.count("undefined (all tied)") == 2  # one note under tau, one under rho
    data = json.loads(render(result, "json"))["actors"][0]["correlation"]
    assert {value for rows in data.values() for row in rows.values() for value in row.values()} == {None}


def test_one_ranking_tied_throughout_is_named_and_the_other_cells_stay_numbers():
    from decide.analysis.consensus import correlation_table

    ranks = pd.DataFrame({"m1": [1, 2, 3], "m2": [1, 1, 1], "m3": [3, 2, 1]}, index=list("ABC"))
    frame, note = correlation_table(correlations(ranks, "spearman"), ranks, "method")
    row = frame.set_index("method").loc["m1"]
    assert row["m3"] == pytest.approx(-1.0) and row["m2"] == "undefined"
    assert note.startswith("undefined (all tied): m2 ranks every strategy alike")
    text = render(compare(small_matrix(), actor="Example", methods="topsis,wsm"), "table")
    assert "undefined" not in text
