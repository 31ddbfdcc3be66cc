"""Degenerate matrices, float noise, limits and options: the library's side of issues 8 and 14.

Each test names the failure it guards against (what decide did before the fix).
"""

from __future__ import annotations

import numpy as np
import pytest

from decide import Criterion, Matrix, Strategy
from decide.analysis.make_top import make_top
from decide.analysis.ranking import rank
from decide.analysis.smaa import smaa
from decide.core.errors import DecideWarning, MatrixError, SpecError, UnknownNameError
from decide.core.ranks import TIE_TOLERANCE, batch_ranks
from decide.methods import METHODS, get_method
from decide.methods.run import evaluate
from decide.rendering.notes import matrix_notes
from tests.conftest import make_document
from tests.helpers import make_matrix

FOUR = ["max", "max", "min", "min"]


# -- degenerate matrices: one documented behaviour for every method ---------------------


@pytest.mark.parametrize("method", list(METHODS))
def test_a_single_strategy_ranks_first_under_every_method(method):
    """Before: topsis/probid 'doesn't look like a ranking', cocoso 'is dominated', NaN scores."""
    ranks, scores = evaluate(get_method(method), make_matrix([[5, 6, 3, 4]], FOUR, [1, 1, 1, 1]))
    assert ranks.tolist() == [1]
    assert scores.tolist() == [1.0 if METHODS[method].better == "higher" else 0.0]


@pytest.mark.parametrize("method", list(METHODS))
def test_identical_strategies_tie_under_every_method(method):
    """Before: vikor 'division by zero', ervd refused, simus ranked two identical strategies 1 and 2."""
    rows = [[5, 6, 3, 4], [5, 6, 3, 4], [7, 2, 8, 1], [2, 9, 4, 6], [6, 6, 6, 6]]
    try:
        ranks, scores = evaluate(get_method(method), make_matrix(rows, FOUR, [1, 1, 1, 1]))
    except MatrixError:  # pragma: no cover - not expected
        raise
    except Exception as error:  # a method's own precondition, which must be a clean DecideError
        from decide.core.errors import DecideError

        assert isinstance(error, DecideError)
        return
    assert ranks[0] == ranks[1]
    assert scores[0] == scores[1]


@pytest.mark.parametrize("method", list(METHODS))
def test_all_strategies_alike_all_rank_first(method):
    ranks, _ = evaluate(get_method(method), make_matrix([[5, 6, 3, 4]] * 3, FOUR, [1, 1, 1, 1]))
    assert ranks.tolist() == [1, 1, 1]


def test_strategies_differing_only_on_a_zero_weight_criterion_tie():
    """Issue 14: wsm ranked a strategy 2nd and the one dominating it 3rd (equal but for noise)."""
    matrix = make_matrix([[0.3, 0.7, 9], [0.3, 0.7, 2], [0.1, 0.2, 5]], ["max", "max", "max"], [0.3, 0.7, 0])
    ranks, _ = evaluate(get_method("wsm"), matrix)
    assert ranks[0] == ranks[1]


def test_notes_for_constant_criteria_alike_strategies_and_lone_strategies():
    matrix = make_matrix([[5, 2, 1], [5, 3, 1], [5, 3, 1]], ["max", "min", "max"], [1, 1, 1])
    assert matrix_notes(matrix) == [
        "strategies 'A2', 'A3' have the same scores on the weighted criteria: they tie",
        "criterion 'c1' has the same score for every strategy: it carries no information",
        "criterion 'c3' has the same score for every strategy: it carries no information",
    ]
    assert matrix_notes(make_matrix([[5, 2]], ["max", "min"], [1, 1])) == [
        "only one strategy ('A1'): it ranks 1st, nothing is compared"
    ]


def test_notes_reach_the_caption_and_the_json():
    matrix = make_matrix([[5, 2], [5, 3]], ["max", "min"], [1, 1])
    result = rank(matrix, method="wsm")
    assert "; note: criterion 'c1' has the same score for every strategy" in result.sections()[0].caption
    assert result.to_dict()["actors"][0]["notes"] == [
        "criterion 'c1' has the same score for every strategy: it carries no information"
    ]


def test_a_method_ranking_a_dominated_strategy_first_says_so():
    """PROBID compares with positional ideals: it may rank a dominated strategy higher; the caption says so."""
    matrix = make_matrix(
        [[10, 10, 10], [10, 9, 10], [1, 1, 1], [2, 2, 2], [3, 3, 3], [9, 8, 7]], ["max"] * 3, [1, 1, 1]
    )
    result = rank(matrix, method="probid").results[0]
    ranks = dict(zip(result.table["strategy"], result.table["rank"], strict=True))
    assert ranks["A3"] < ranks["A4"] and "A3" in matrix.dominators()  # the surprise is real
    assert [n for n in result.notes if "dominate" in n] == ["probid ranks 'A3' above 'A4', 'A5', which dominate it"]
    assert "; note: probid ranks 'A3' above 'A4', 'A5', which dominate it" in result_caption(matrix)


def result_caption(matrix):
    return rank(matrix, method="probid").sections()[0].caption


# -- float noise does not decide ranks ------------------------------------------------


def test_scores_equal_within_the_relative_tolerance_tie():
    base = 0.2991
    scores = np.array([[base, base * (1 + TIE_TOLERANCE / 10), base * (1 - 1e-6)]])
    assert batch_ranks(scores).tolist() == [[1, 1, 2]]
    assert batch_ranks(scores * 1e-9).tolist() == [[1, 1, 2]]  # relative, not absolute


def test_ties_are_listed_by_score_then_file_order():
    matrix = make_matrix([[1, 1], [3, 3], [3, 3], [2, 2]], ["max", "max"], [1, 1], names=["D", "C", "B", "A"])
    table = rank(matrix, method="wsm").results[0].table
    assert table["strategy"].tolist() == ["C", "B", "A", "D"]
    assert table["rank"].tolist() == [1, 1, 3, 4]  # ties share the best place, the next is skipped


@pytest.mark.slow
@pytest.mark.parametrize("method", ["moora", "waspas", "wsm", "electre2", "multimoora"])
def test_scaling_every_weight_keeps_the_ranking(method):
    """Issue 14: multiplying all weights by 0.001 changed 64 of 1,500 rankings (moora 29, waspas 19, wsm 15)."""
    rng = np.random.default_rng(4)
    for _ in range(60):
        n, m = rng.integers(3, 12), rng.integers(2, 6)
        values = rng.integers(1, 11, (n, m)).astype(float)
        objectives = list(rng.choice(["max", "min"], m))
        weights = rng.choice([0.0, 0.1, 0.25, 1 / 3, 0.5], m)
        weights[0] = 0.5
        matrix = make_matrix(values, objectives, weights)
        scaled = matrix.with_criterion_weights({c.name: c.weight * 1e-3 for c in matrix.criteria})
        try:
            before = evaluate(get_method(method), matrix)[0]
        except Exception:
            continue
        assert evaluate(get_method(method), scaled)[0].tolist() == before.tolist()


# -- numbers outside the documented range ---------------------------------------------


def test_magnitudes_outside_the_range_are_refused_at_load(matrix_file):
    strategies = make_document()["strategies"]
    strategies[0]["scores"]["cost"] = 1e300
    criteria = make_document()["criteria"]
    criteria[0]["weight"] = 1e308
    path = matrix_file(strategies=strategies, criteria=criteria, scale=None)
    with pytest.raises(MatrixError) as error:
        rank(str(path))
    assert error.value.problems == [
        f"{path}: criteria: weight of 'stability' is 1e+308, outside the range decide accepts "
        "(0, or 1e-12 to 1e+12 in magnitude); rescale the values",
        f"{path}: strategy 'Talks': score for 'cost' is 1e+300, outside the range decide accepts "
        "(0, or 1e-12 to 1e+12 in magnitude); rescale the values",
    ]


def test_huge_weights_on_the_command_line_are_refused():
    with pytest.raises(SpecError, match=r"weight of 'stability' is 1e\+308, outside the range"):
        rank(actors="china", weights="stability=1e308,deterrence=1e308")


def test_an_infinite_parameter_is_refused_as_a_parameter():
    """Before: --param lambda=inf for ervd was accepted, then blamed on the matrix."""
    with pytest.raises(SpecError, match="parameter 'lambda' is 'inf', expected a finite number"):
        get_method("ervd", {"lambda": "inf"})


# -- names: characters and reserved columns --------------------------------------------


@pytest.mark.parametrize("name", ["Talks\nnow", "Talks\u2028now", "Talks\x85now", "Talks\x1b[31m", "Tab\tbed"])
def test_control_and_line_separator_characters_in_names_are_refused(matrix_file, name):
    strategies = make_document()["strategies"]
    strategies[1]["name"] = name
    path = matrix_file(strategies=strategies)
    with pytest.raises(MatrixError) as error:
        rank(str(path))
    assert error.value.problems[0].startswith(
        f"{path}: strategies[1]: 'name' contains a control or line-separator character (U+"
    )


@pytest.mark.parametrize("reserved", ["file", "source", "actor", "Strategy", "rank"])
def test_a_criterion_may_not_take_a_provenance_column_name(matrix_file, reserved):
    """Before: show -f csv overwrote a criterion named 'file' with the file name."""
    document = make_document()
    document["criteria"][2]["name"] = reserved
    for strategy in document["strategies"]:
        strategy["scores"][reserved] = strategy["scores"].pop("cost")
    path = matrix_file(**document)
    with pytest.raises(MatrixError, match=f"criterion '{reserved}': '{reserved}' is a column name decide"):
        rank(str(path))


# -- validation reports everything in one round ----------------------------------------


def test_validate_reports_criterion_and_strategy_problems_in_one_round(matrix_file):
    from decide.io.load import validate

    criteria = make_document()["criteria"]
    criteria[0]["objective"] = "maximum"
    strategies = make_document()["strategies"]
    strategies[0]["scores"]["cots"] = strategies[0]["scores"].pop("cost")
    del strategies[1]["scores"]["risk"]
    path = matrix_file(criteria=criteria, strategies=strategies)
    assert validate(str(path))[str(path)] == [
        f"{path}: criterion 'stability': 'objective' is 'maximum'; use max (more is better) or min (less is better)",
        f"{path}: strategy 'Talks': no score for criterion 'cost'",
        f"{path}: strategy 'Talks': score for unknown criterion 'cots'; criteria are: stability, deterrence, "
        "cost, risk",
        f"{path}: strategy 'Exercises': no score for criterion 'risk'",
    ]


# -- folders, shipped matrices, actor names as paths ------------------------------------


def test_a_bad_file_in_a_folder_blocks_only_its_own_actor(matrix_file):
    good = matrix_file("good.yaml")
    bad = matrix_file("other.yaml", actor="Otherland", scale=[1, 5])  # scores outside the scale
    with pytest.warns(DecideWarning, match=f"skipped {bad}: strategy"):
        result = rank(str(good.parent), actors="Testland")
    assert [r.actor for r in result.results] == ["Testland"]
    with pytest.raises(MatrixError, match="outside the scale"):
        rank(str(good.parent), actors="Otherland")
    with pytest.raises(MatrixError, match="outside the scale"):
        rank(str(good.parent))


def test_shipped_matrices_combine_with_a_file(matrix_file):
    path = matrix_file()
    result = rank([str(path), "+shipped"], actors=["Testland", "China"])
    assert [r.actor for r in result.results] == ["Testland", "China"]


def test_a_missing_path_that_names_an_actor_says_so():
    with pytest.raises(
        MatrixError,
        match=r"^Korea: no such file; did you mean --actor 'North Korea' or "
        r"'South Korea'\? \(quote names with spaces\)$",
    ):
        rank("Korea")
    with pytest.raises(MatrixError, match=r"^china: no such file; did you mean --actor China\?$"):
        rank("china")


# -- make-top and SMAA options ----------------------------------------------------------


def test_make_top_on_the_leader_says_it_is_already_first():
    """Before: 'move by 0.0000 (approximate, sampled search)'."""
    leader = rank(actors="china", method="topsis").results[0].top
    result = make_top(actor="china", strategy=leader.upper(), method="topsis")
    assert result.already_first
    assert result.verdict.startswith(f"'{leader}' already ranks first")
    assert result.to_dict()["already_first"] is True


def test_make_top_suggests_a_close_strategy_name():
    with pytest.raises(UnknownNameError, match=r"unknown strategy 'talsk' \(did you mean 'Talks'\?\); choose from"):
        make_top(make_matrix([[1, 2], [3, 1]], ["max", "min"], [1, 1], names=["Talks", "War"]), strategy="talsk")


def test_make_top_refuses_an_empty_strategy_name():
    with pytest.raises(SpecError, match="strategy is empty; name the strategy to rank first"):
        make_top(actor="china", strategy=" ")


def test_score_noise_wider_than_the_scale_is_refused():
    with pytest.raises(SpecError, match=r"score_noise is 20, wider than its scale \[1, 10\] \(9\)"):
        smaa(actors="china", score_noise=20, samples=10, seed=1)


def test_samples_above_the_ceiling_are_refused_with_an_estimate():
    with pytest.raises(
        SpecError,
        match=r"samples is 5,000,000, above the ceiling of 1,000,000 for topsis "
        r"\(it would take about [0-9]+ (s|minutes)\); give at most 1,000,000",
    ):
        smaa(actors="china", samples=5_000_000, seed=1)


def test_a_matrix_built_in_memory_keeps_working():
    matrix = Matrix("X", (Criterion("a", "max", 1.0),), (Strategy("P", {"a": 1.0}), Strategy("Q", {"a": 2.0})))
    assert rank(matrix, method="wsm").results[0].top == "Q"


# -- more hostile inputs ------------------------------------------------------------------


def test_non_dominated_with_one_strategy_dominating_the_rest_ranks_it_first(matrix_file):
    """Issue 14: 'rank --non-dominated' failed with "doesn't look like a ranking" when one strategy dominated."""
    strategies = make_document()["strategies"]
    strategies[0]["scores"] = {"stability": 10, "deterrence": 10, "cost": 1, "risk": 1}
    path = matrix_file(strategies=strategies)
    for method in ("topsis", "probid", "vikor", "cocoso"):
        table = rank(str(path), method=method, non_dominated=True).results[0].table
        assert table["strategy"].tolist() == ["Talks"] and table["rank"].tolist() == [1]


@pytest.mark.parametrize(("method", "param", "value"), [("ervd", "reference", "1e308"), ("promethee2", "p", "1e-320")])
def test_parameters_outside_the_range_are_refused(method, param, value):
    """Issue 14: ervd --param reference=1e308 gave a three-line error; promethee2 p=1e-320 leaked warnings."""
    with pytest.raises(SpecError) as error:
        get_method(method, {param: value})
    assert "\n" not in str(error.value)
    assert f"parameter '{param}' is" in str(error.value) and "outside the range decide accepts" in str(error.value)


def test_an_engine_ranking_nan_scores_gives_one_clean_line():
    from decide.methods.run import _engine_error

    error = ValueError("The data [-9223372036854775808\n -9223372036854775808] doesn't look like a ranking")
    message = str(_engine_error(get_method("copras"), make_matrix([[1, 2]], ["max", "min"], [1, 1]), error))
    assert message == (
        "Example: copras gives no finite score for some strategies; check the matrix and the method's "
        "parameters for extreme values, or use another method"
    )


def test_too_many_strategies_or_criteria_are_refused_in_one_line():
    from decide.core.limits import MAX_CRITERIA, MAX_STRATEGIES, document_problems

    criteria = [{"name": f"c{j}", "objective": "max", "weight": 1} for j in range(MAX_CRITERIA + 1)]
    strategies = [{"name": f"s{i}", "scores": {}} for i in range(MAX_STRATEGIES + 1)]
    assert document_problems({"criteria": criteria, "strategies": strategies}, "big.yaml") == [
        "big.yaml: 101 criteria, more than decide's limit of 100",
        "big.yaml: 10,001 strategies, more than decide's limit of 10,000",
    ]


def test_a_400_digit_integer_is_a_clean_problem(matrix_file):
    strategies = make_document()["strategies"]
    strategies[0]["scores"]["cost"] = 10**400
    path = matrix_file(strategies=strategies, scale=None)
    with pytest.raises(MatrixError, match="score for 'cost' is a 401-digit number, expected a finite number"):
        rank(str(path))


def test_dominance_on_a_large_matrix_is_fast_and_exact():
    """Issue 14: scikit-criteria's pairwise dominance took 71 of 74 s on 1,000 x 4."""
    import time

    rng = np.random.default_rng(3)
    values = rng.integers(1, 11, (3000, 6)).astype(float)
    matrix = make_matrix(values, ["max", "min"] * 3, [1] * 6)
    started = time.perf_counter()
    found = matrix.dominators()
    assert time.perf_counter() - started < 5
    oriented = np.where(matrix.cost_mask(), -values, values)
    for index in rng.choice(3000, 40, replace=False):  # spot-check against the definition
        row = oriented[index]
        expected = np.flatnonzero((oriented >= row).all(axis=1) & (oriented > row).any(axis=1))
        assert found.get(f"A{index + 1}", []) == [f"A{j + 1}" for j in expected]


def test_a_newline_in_a_key_never_splits_a_problem_line():
    """Found by the hypothesis fuzzer: a score key '\\n' made a two-line problem."""
    from pathlib import Path

    from decide.io.load import _check_document

    problems, _ = _check_document({"strategies": [{"name": "a\u2028b", "scores": {"\n": 10**12 + 1}}]}, Path("x.yaml"))
    assert problems and all("\n" not in p and "\u2028" not in p for p in problems)
    assert any("'\\n'" in p for p in problems)


def test_many_alike_groups_make_one_counting_note():
    rows = [[g, g] for g in range(1, 7) for _ in range(2)]  # six pairs of alike strategies
    notes = matrix_notes(make_matrix(rows, ["max", "max"], [1, 1]))
    assert notes[:3] == [
        f"strategies 'A{2 * g + 1}', 'A{2 * g + 2}' have the same scores on the weighted criteria: they tie"
        for g in range(3)
    ]
    assert notes[3] == "3 more groups (6 strategies) have the same scores on the weighted criteria: each group ties"
    assert len(notes) == 4


def test_a_long_dominance_footnote_names_ten_and_counts_the_rest(tmp_path):
    from decide.analysis.ranking import rank
    from decide.rendering.formats import export

    matrix = make_matrix([[30 - i, 30 - i] for i in range(30)], ["max", "max"], [1, 1])  # 435 pairs
    ranking = rank(matrix, method="wsm")
    text = str(ranking)
    assert "A2 by A1; A3 by A1, A2; A4 by A1, A2, A3; A5 by A1, A2, A3 and 1 more;" in " ".join(text.split())
    assert "and 19 more dominated strategies" in " ".join(text.split())
    export(ranking, tmp_path / "r.csv")
    import csv

    with (tmp_path / "r.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    last = next(row for row in rows if row["strategy"] == "A30")
    assert last["dominated_by"] == ", ".join(f"A{i}" for i in range(1, 30))  # the export lists every one
