"""Scenarios: score adjustments read from ``scenarios/<matrix file>`` beside a matrix, validated,
applied by every command that ranks (``--scenario NAME``) and listed by ``decide scenarios``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import decide
from decide.core.errors import MatrixError, UnknownNameError
from decide.io.load import load_matrices, load_matrix, validate
from decide.io.scenarios import Adjustment, Scenario, apply_scenario, load_scenarios, scenario_file

from .quotes import misquotes, read_articles, seeds_dir, source_tags

SCENARIOS: dict[str, Any] = {
    "actor": "Testland",
    "scenarios": [
        {
            "name": "escalation",
            "description": "Tensions rise.",
            "source": "000_791be41c42e32bb7.txt; list item 'Increased Military Presence'",
            "adjustments": [
                {"strategy": "Talks", "criterion": "risk", "change": 3, "rationale": "Talks stall under pressure."},
                {"strategy": "Exercises", "criterion": "deterrence", "score": 10, "rationale": "Drills count more."},
            ],
        },
        {
            "name": "thaw",
            "description": "Tensions ease.",
            "source": "001_74c0654f5095ab61.txt; section 'Strategic Recommendations'",
            "adjustments": [
                {"strategy": "Aid", "criterion": "stability", "change": -2.5, "rationale": "Aid matters less."},
            ],
        },
    ],
}


@pytest.fixture
def with_scenarios(matrix_file):
    """``with_scenarios(document=None, text=None)``: a matrix file plus its scenario file; returns the matrix path."""

    def write(document: Any = None, text: str | None = None) -> Path:
        path = matrix_file()
        folder = path.parent / "scenarios"
        folder.mkdir(exist_ok=True)
        if text is None:
            text = yaml.safe_dump(SCENARIOS if document is None else document, sort_keys=False)
        (folder / path.name).write_text(text, encoding="utf-8")
        return path

    return write


def broken(**changes: Any) -> dict[str, Any]:
    """The scenario document with the first scenario's first adjustment changed (None deletes a key)."""
    document = yaml.safe_load(yaml.safe_dump(SCENARIOS))
    adjustment = document["scenarios"][0]["adjustments"][0]
    for key, value in changes.items():
        if value is None:
            adjustment.pop(key)
        else:
            adjustment[key] = value
    return document


def test_a_change_adds_and_a_score_replaces(with_scenarios):
    matrix = load_matrix(with_scenarios())
    adjusted = apply_scenario(matrix, "escalation")
    frame = adjusted.to_frame()
    assert frame.loc["Talks", "risk"] == 3 + 3
    assert frame.loc["Exercises", "deterrence"] == 10
    assert frame.drop(index=["Talks", "Exercises"]).equals(matrix.to_frame().drop(index=["Talks", "Exercises"]))
    assert adjusted.scenario == "escalation" and adjusted.filters == ("scenario escalation",)
    assert adjusted.data_label == "testland.yaml, scenario escalation"
    assert apply_scenario(matrix, "thaw").to_frame().loc["Aid", "stability"] == 4.5


def test_a_score_range_moves_with_its_score_and_stays_inside_the_scale():
    from decide.core.model import Criterion, Matrix, Strategy

    matrix = Matrix(
        "Ranged",
        (Criterion("risk", "min", 1.0),),
        (Strategy("A", {"risk": 5.0}, ranges={"risk": (3.0, 7.0)}), Strategy("B", {"risk": 2.0})),
        scale=(1.0, 10.0),
    )
    riskier = Scenario(
        "riskier", "d", "s", (Adjustment("A", "risk", "r", change=4), Adjustment("B", "risk", "r", score=3))
    )
    a, b = apply_scenario(matrix, riskier).strategies
    assert a.scores["risk"] == 9 and a.score_range("risk") == (7.0, 10.0)
    assert b.scores["risk"] == 3 and b.score_range("risk") == (3.0, 3.0)


def test_a_scenario_applies_before_stated_only_drops_inferred_strategies(with_scenarios):
    """An adjustment may name an inferred strategy: it must not fail when --stated-only drops it."""
    path = with_scenarios()
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["strategies"][0].update(basis="inferred", reasoning="Testland never said it would talk.")
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    ranked = decide.rank(path, scenario="escalation", stated_only=True)["TL"]
    assert "Talks" not in set(ranked.table["strategy"])
    assert ranked.matrix.filters[0] == "scenario escalation" and len(ranked.matrix.filters) == 2


def test_baseline_and_none_leave_the_matrix_as_scored(with_scenarios):
    matrix = load_matrix(with_scenarios())
    assert apply_scenario(matrix, "baseline") is matrix
    assert apply_scenario(matrix, None) is matrix


def test_the_matrix_loader_skips_the_scenarios_folder(with_scenarios):
    path = with_scenarios()
    assert [m.actor for m in load_matrices(path.parent)] == ["Testland"]
    assert scenario_file(load_matrix(path)) == path.parent / "scenarios" / "testland.yaml"


def test_shipped_matrices_keep_loading_with_their_scenarios():
    for matrix in load_matrices():
        for scenario in load_scenarios(matrix):
            assert scenario.source and scenario.description
            assert all(a.rationale for a in scenario.adjustments)
            apply_scenario(matrix, scenario)  # inside the scale


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            broken(strategy="Bombing"),
            "scenario 'escalation': unknown strategy 'Bombing'; choose from: Talks, Exercises, Sanctions, Aid",
        ),
        (
            broken(criterion="prestige"),
            "scenario 'escalation': strategy 'Talks': unknown criterion 'prestige'; choose from: stability, "
            "deterrence, cost, risk",
        ),
        (
            broken(change=9),
            "scenario 'escalation': strategy 'Talks', criterion 'risk': 3 becomes 12, outside the scale [1, 10]; "
            "change the adjustment",
        ),
        (
            broken(change=None, score=0),
            "scenario 'escalation': strategy 'Talks', criterion 'risk': 3 becomes 0, outside the scale [1, 10]",
        ),
        (broken(score=4), "give either 'change' (e.g. change: +2) or 'score' (the new score), not both"),
        (broken(change=None), "give either 'change' (e.g. change: +2) or 'score' (the new score), not both"),
        (broken(change="lots"), "'change' is 'lots'; give a number such as +2 or -1.5"),
        (broken(rationale=None), "'rationale' is missing; say in one line why the score changes"),
        (broken(weight=2), "unknown key 'weight'; allowed keys: strategy, criterion, change, score, rationale"),
    ],
)
def test_a_bad_adjustment_is_named_with_its_scenario_strategy_and_criterion(with_scenarios, document, expected):
    path = with_scenarios(document)
    with pytest.raises(MatrixError) as caught:
        load_scenarios(load_matrix(path))
    assert any(expected in problem for problem in caught.value.problems), caught.value.problems
    assert str(path.parent / "scenarios" / "testland.yaml") in caught.value.problems[0]


def test_a_repeated_scenario_name_and_the_reserved_baseline_are_refused(with_scenarios):
    document = yaml.safe_load(yaml.safe_dump(SCENARIOS))
    document["scenarios"][1]["name"] = "Escalation"
    document["scenarios"].append({**document["scenarios"][0], "name": "baseline"})
    with pytest.raises(MatrixError) as caught:
        load_scenarios(load_matrix(with_scenarios(document)))
    problems = caught.value.problems
    assert any("scenario 'Escalation': scenario name repeated; scenario names must be unique" in p for p in problems)
    assert any("scenario 'baseline': 'baseline' is reserved for the matrix as scored" in p for p in problems)


def test_an_adjustment_given_twice_and_a_wrong_actor_are_refused(with_scenarios):
    document = yaml.safe_load(yaml.safe_dump(SCENARIOS))
    document["actor"] = "Elsewhere"
    first = document["scenarios"][0]["adjustments"][0]
    document["scenarios"][0]["adjustments"].append(dict(first))
    with pytest.raises(MatrixError) as caught:
        load_scenarios(load_matrix(with_scenarios(document)))
    problems = caught.value.problems
    assert any("'actor' is 'Elsewhere' but the matrix is Testland's" in p for p in problems)
    assert any("strategy 'Talks', criterion 'risk' is adjusted twice; keep one adjustment" in p for p in problems)


def test_validate_reports_the_scenario_file_beside_the_matrix(cli, with_scenarios):
    path = with_scenarios(broken(strategy="Bombing"))
    report = validate(path)
    assert report[str(path)] == []
    scenario_problems = report[str(path.parent / "scenarios" / "testland.yaml")]
    assert len(scenario_problems) == 1 and "unknown strategy 'Bombing'" in scenario_problems[0]
    result = cli("validate", str(path))
    assert result.exit_code == 1 and "unknown strategy 'Bombing'" in result.output


def test_invalid_yaml_in_a_scenario_file_is_one_line(with_scenarios):
    path = with_scenarios(text="scenarios: [name: x\n")
    with pytest.raises(MatrixError, match=r"scenarios/testland.yaml: line \d+, column \d+: invalid YAML"):
        load_scenarios(load_matrix(path))


def test_an_empty_scenario_file_says_what_it_should_hold(with_scenarios):
    path = with_scenarios(text="\n")
    with pytest.raises(MatrixError, match=r"testland.yaml: file is empty; expected keys actor and scenarios$"):
        load_scenarios(load_matrix(path))


def test_an_unknown_scenario_lists_the_known_ones(cli, with_scenarios):
    path = with_scenarios()
    with pytest.raises(
        UnknownNameError,
        match=r"^Testland: unknown scenario 'war'; choose from: baseline, "
        r"escalation, thaw$",
    ):
        decide.rank(path, scenario="war")
    result = cli("rank", str(path), "--scenario", "war")
    assert result.exit_code == 1
    assert result.output == "Error: Testland: unknown scenario 'war'; choose from: baseline, escalation, thaw\n"


def test_an_actor_without_scenarios_says_where_to_write_them(matrix_file):
    with pytest.raises(UnknownNameError, match=r"Testland has no scenarios \(write them in scenarios/testland.yaml"):
        decide.rank(matrix_file(), scenario="war")


def test_a_scenario_changes_the_ranking_as_its_scores_say(with_scenarios):
    path = with_scenarios()
    baseline = decide.rank(path, method="wsm")["TL"]
    escalated = decide.rank(path, method="wsm", scenario="escalation")["TL"]
    expected = decide.rank(apply_scenario(load_matrix(path), "escalation"), method="wsm")["TL"]
    assert escalated.table.equals(expected.table)
    assert not escalated.table.equals(baseline.table)
    assert decide.rank(path, scenario="escalation").to_dict()["actors"][0]["filters"] == ["scenario escalation"]
    frame = decide.rank(path, scenario="escalation").to_frame(provenance=True)
    assert set(frame["filters"]) == {"scenario escalation"}


def test_a_scenario_object_applies_to_a_matrix_in_memory(with_scenarios):
    matrix = load_matrix(with_scenarios())
    cheaper = Scenario("cheap", "Costs fall.", "test", (Adjustment("Exercises", "cost", "Budgets grow.", change=-5),))
    assert decide.rank(matrix, method="wsm", scenario=cheaper)["TL"].matrix.to_frame().loc["Exercises", "cost"] == 2


def test_every_shipped_actor_has_at_least_three_cited_scenarios():
    for matrix in load_matrices():
        found = load_scenarios(matrix)
        assert len(found) >= 3, matrix.actor
        for scenario in found:
            assert source_tags(scenario.source), (matrix.actor, scenario.name)


@pytest.mark.skipif(seeds_dir() is None, reason="the seed articles are not found; set DECIDE_SEEDS to their folder")
def test_quoted_phrases_in_scenarios_come_from_the_article_they_name():
    """Every quote in an adjustment's rationale is in the article it names, (000) or (001) after it
    when the scenario's source names both."""
    articles = read_articles(seeds_dir())
    missing = []
    for matrix in load_matrices():
        for scenario in load_scenarios(matrix):
            tags = source_tags(scenario.source)
            for adjustment in scenario.adjustments:
                missing += [(matrix.actor, scenario.name, p) for p in misquotes(adjustment.rationale, tags, articles)]
    assert missing == []


def test_a_shipped_adjustment_for_lost_leverage_or_initiative_moves_deterrence_not_stability():
    """Leverage, initiative and room to act are the deterrence criterion's (influence, for China); a
    scenario that takes them away must not book the loss as a loss of stability."""
    misbooked = [
        (matrix.actor, scenario.name, adjustment.strategy)
        for matrix in load_matrices()
        for scenario in load_scenarios(matrix)
        for adjustment in scenario.adjustments
        if adjustment.criterion == "stability"
        and any(word in adjustment.rationale for word in ("leverage", "initiative", "room"))
    ]
    assert misbooked == []


def test_counts_are_singular_or_plural_never_scenario_s():
    """Issue 22: captions printed "scenario(s)"."""
    from decide.core.counts import counted

    assert [counted(n, "scenario") for n in (0, 1, 2)] == ["0 scenarios", "1 scenario", "2 scenarios"]
    text = decide.render(decide.scenarios(), "table")
    assert "(s)" not in text and " scenarios, from scenarios/" in text
