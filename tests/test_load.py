"""Loading and validating matrix files: every bad input gets one clear message."""

from __future__ import annotations

import math

import pytest

from decide import MatrixError, load_matrices, load_matrix, validate
from decide.io.load import matrix_files, shipped_matrices_dir

from .conftest import BASE_MATRIX, make_document


def first_problem(path) -> str:
    with pytest.raises(MatrixError) as caught:
        load_matrix(path)
    return caught.value.problems[0]


def test_loads_a_valid_file(matrix_file):
    matrix = load_matrix(matrix_file())
    assert matrix.actor == "Testland"
    assert matrix.criterion_names == ["stability", "deterrence", "cost", "risk"]
    assert matrix.objectives == ["max", "max", "min", "min"]
    assert matrix.strategy_names == ["Talks", "Exercises", "Sanctions", "Aid"]
    assert matrix.scale == (1.0, 10.0)
    assert math.isclose(sum(matrix.weights.values()), 1.0)


def test_weights_are_normalised(matrix_file):
    criteria = [
        {"name": "a", "objective": "max", "weight": 3},
        {"name": "b", "objective": "min", "weight": 1},
    ]
    strategies = [{"name": "x", "scores": {"a": 1, "b": 2}}, {"name": "y", "scores": {"a": 2, "b": 1}}]
    matrix = load_matrix(matrix_file(criteria=criteria, strategies=strategies, scale=None))
    assert matrix.weights == {"a": 0.75, "b": 0.25}


def test_loader_is_general_any_criteria_and_real_scores(matrix_file):
    criteria = [{"name": f"c{i}", "objective": "max" if i % 2 else "min", "weight": i + 1} for i in range(6)]
    strategies = [
        {"name": f"s{j}", "scores": {f"c{i}": (i - 2.5) * 1e3 / (j + 1) for i in range(6)}} for j in range(12)
    ]
    matrix = load_matrix(matrix_file(criteria=criteria, strategies=strategies, scale=None))
    assert len(matrix.strategies) == 12 and len(matrix.criteria) == 6
    assert matrix.to_frame().shape == (12, 6)


def test_single_string_rationale_is_accepted(matrix_file):
    document = dict(BASE_MATRIX)
    strategies = [dict(s, rationale="Because the article says so.") for s in document["strategies"]]
    matrix = load_matrix(matrix_file(strategies=strategies))
    assert matrix.strategies[0].rationale == "Because the article says so."


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.yaml"
    assert first_problem(missing) == f"{missing}: no such file"


def test_empty_file(matrix_file):
    path = matrix_file(text="  \n")
    assert first_problem(path) == f"{path}: file is empty; expected keys actor, criteria and strategies"


def test_invalid_yaml_names_line(matrix_file):
    path = matrix_file(text="actor: X\ncriteria: [\n  - oops: {\n")
    problem = first_problem(path)
    assert problem.startswith(f"{path}: line ") and "invalid YAML" in problem


def test_duplicate_key_is_refused(matrix_file):
    text = (
        "actor: X\ncriteria:\n  - {name: a, objective: max, weight: 1}\n"
        "strategies:\n  - name: s\n    scores: {a: 1}\n    scores: {a: 2}\n"
    )
    path = matrix_file(text=text)
    assert first_problem(path) == (f"{path}: line 7, column 5: invalid YAML: duplicate key 'scores' (first on line 6)")


def test_not_a_mapping(matrix_file):
    path = matrix_file(text="- just\n- a list\n")
    assert "expected a mapping with keys actor, criteria and strategies" in first_problem(path)


def strategies_with(name: str, **scores):
    strategies = [dict(s) for s in BASE_MATRIX["strategies"]]
    for strategy in strategies:
        if strategy["name"] == name:
            strategy["scores"] = {**strategy["scores"], **scores}
    return strategies


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        (
            {"strategies": strategies_with("Aid", risk=None)},
            "strategy 'Aid': score for 'risk' is None, expected a number",
        ),
        (
            {"strategies": strategies_with("Aid", risk="high")},
            "strategy 'Aid': score for 'risk' is 'high', expected a number",
        ),
        (
            {"strategies": strategies_with("Aid", risk=float("nan"))},
            "strategy 'Aid': score for 'risk' is nan, expected a finite number",
        ),
        (
            {"strategies": strategies_with("Aid", cost=float("inf"))},
            "strategy 'Aid': score for 'cost' is inf, expected a finite number",
        ),
        (
            {"strategies": strategies_with("Aid", cost=11)},
            "strategy 'Aid': score for 'cost' is 11, outside the scale [1, 10]",
        ),
        (
            {"strategies": strategies_with("Aid", morale=5)},
            "strategy 'Aid': score for unknown criterion 'morale'; criteria are: stability, deterrence, cost, risk",
        ),
        (
            {"strategies": [*BASE_MATRIX["strategies"], BASE_MATRIX["strategies"][0]]},
            "strategy 'Talks': duplicate strategy name; strategy names must be unique",
        ),
        (
            {"criteria": [*BASE_MATRIX["criteria"], {"name": "cost", "objective": "min", "weight": 1}]},
            "criterion 'cost': duplicate criterion name; criterion names must be unique",
        ),
        (
            {"criteria": [{**BASE_MATRIX["criteria"][0], "weight": -0.1}, *BASE_MATRIX["criteria"][1:]]},
            "criterion 'stability': 'weight' is -0.1; give a finite number >= 0",
        ),
        (
            {"criteria": [{**c, "weight": 0} for c in BASE_MATRIX["criteria"]]},
            "criteria: all weights are zero; give at least one criterion a positive weight",
        ),
        (
            {"criteria": [{**BASE_MATRIX["criteria"][0], "objective": "more"}, *BASE_MATRIX["criteria"][1:]]},
            "criterion 'stability': 'objective' is 'more'; use max (more is better) or min (less is better)",
        ),
        ({"actor": ""}, "'actor' is missing or not a text; name the actor, e.g. actor: China"),
        ({"strategies": []}, "'strategies' must be a non-empty list of {name, scores}"),
        ({"scale": [10, 1]}, "'scale' is [10, 1]; write [low, high] with low < high, e.g. [1, 10]"),
        (
            {"stratgies": []},
            "unknown key 'stratgies' (did you mean 'strategies'?); allowed keys: actor, aliases, criteria, scale,"
            " weights_rationale, strategies, profiles, draft, group",
        ),
    ],
)
def test_each_bad_input_names_file_and_field(matrix_file, overrides, expected):
    path = matrix_file(**overrides)
    with pytest.raises(MatrixError) as caught:
        load_matrix(path)
    assert f"{path}: {expected}" in caught.value.problems


def test_missing_score_names_strategy_and_criterion(matrix_file):
    strategies = [dict(s) for s in BASE_MATRIX["strategies"]]
    strategies[1] = {"name": "Exercises", "scores": {"stability": 5, "deterrence": 9, "cost": 7}}
    path = matrix_file(strategies=strategies)
    assert first_problem(path) == f"{path}: strategy 'Exercises': no score for criterion 'risk'"


def test_validation_collects_every_problem(matrix_file):
    strategies = strategies_with("Aid", risk="high", cost=12)
    path = matrix_file(strategies=strategies, scale=[1, 10])
    report = validate([path])
    assert len(report[str(path)]) == 2
    with pytest.raises(MatrixError) as caught:
        load_matrix(path)
    assert "(and 1 more problem: run 'decide validate')" in str(caught.value)


def test_folder_loads_every_yaml(matrix_file):
    first = matrix_file("a.yaml")
    matrix_file("b.yml", actor="Otherland")
    matrices = load_matrices([first.parent])
    assert [m.actor for m in matrices] == ["Testland", "Otherland"]


def test_same_actor_in_two_files_is_an_error(matrix_file):
    first = matrix_file("a.yaml")
    matrix_file("b.yaml")
    with pytest.raises(MatrixError, match="actor 'Testland' is also in"):
        load_matrices([first.parent])


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(MatrixError, match=r"folder has no \.yaml matrix files"):
        matrix_files([tmp_path])


def test_shipped_matrices_are_found():
    folder = shipped_matrices_dir()
    assert {p.name for p in folder.glob("*.yaml")} >= {
        "united-states.yaml",
        "china.yaml",
        "russia.yaml",
        "north-korea.yaml",
        "south-korea.yaml",
    }


def test_actor_matches_name_alias_and_stem(matrix_file):
    matrix = load_matrix(matrix_file("test-land.yaml"))
    assert matrix.matches("testland") and matrix.matches("tl") and matrix.matches("TEST-LAND")
    assert not matrix.matches("elsewhere")


def strategy_with(name: str, **fields):
    """The base strategies with one strategy's fields replaced or added."""
    return [{**s, **fields} if s["name"] == name else dict(s) for s in BASE_MATRIX["strategies"]]


def test_basis_reasoning_ranges_and_certainty_are_loaded(matrix_file):
    strategies = strategy_with(
        "Aid",
        basis="inferred",
        reasoning="the articles give aid to another actor; this one funds it",
        scores={"stability": 7, "deterrence": 2, "cost": {"value": 3, "low": 2, "high": 6}, "risk": 2},
        certainty={"stability": "stated", "deterrence": "implied", "cost": "judgement", "risk": "implied"},
    )
    matrix = load_matrix(matrix_file(strategies=strategies, weights_rationale="why these weights"))
    aid = matrix.strategies[-1]
    assert aid.scores == {"stability": 7.0, "deterrence": 2.0, "cost": 3.0, "risk": 2.0}
    assert aid.ranges == {"cost": (2.0, 6.0)}
    assert aid.score_range("cost") == (2.0, 6.0) and aid.score_range("risk") == (2.0, 2.0)
    assert aid.basis == "inferred" and aid.reasoning.startswith("the articles")
    assert aid.certainty["cost"] == "judgement"
    assert matrix.strategies[0].basis == "stated" and matrix.strategies[0].ranges == {}
    assert matrix.weights_rationale == "why these weights"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"basis": "guessed"}, "'basis' is 'guessed'; use stated (the articles advise it) or inferred"),
        ({"basis": "inferred"}, "'basis' is inferred but no 'reasoning' says why; add reasoning: <one line>"),
        ({"reasoning": 3}, "'reasoning' must be a text"),
        (
            {"scores": {"stability": 7, "deterrence": 2, "cost": {"value": 8, "low": 2, "high": 6}, "risk": 2}},
            "score for 'cost': value 8 is outside its range [2, 6]; put low <= value <= high",
        ),
        (
            {"scores": {"stability": 7, "deterrence": 2, "cost": {"value": 8, "low": 2, "high": 12}, "risk": 2}},
            "score for 'cost': range [2, 12] goes outside the scale [1, 10]; narrow it",
        ),
        (
            {"scores": {"stability": 7, "deterrence": 2, "cost": {"value": 3, "lo": 2}, "risk": 2}},
            "score for 'cost': write a number or {value: 5, low: 3, high: 7} with three numbers",
        ),
        (
            {
                "scores": {"stability": 7, "deterrence": 2, "cost": {"value": 8, "low": 2, "high": 6}, "risk": 2},
                "certainty": {"cost": "judgement"},
            },
            "score for 'cost': value 8 is outside its range [2, 6]; put low <= value <= high",
        ),
        ({"certainty": {"cost": "likely"}}, "certainty for 'cost' is 'likely'; use stated, implied or judgement"),
        (
            {"certainty": {"morale": "stated"}},
            "certainty for unknown criterion 'morale'; criteria are: stability, deterrence, cost, risk",
        ),
        (
            {"certainty": {"cost": "judgement"}},
            "score for 'cost' is a judgement but has no range; write {value: v, low: l, high: h}",
        ),
        ({"certainty": ["cost"]}, "'certainty' must be a mapping criterion: stated|implied|judgement"),
    ],
)
def test_each_bad_basis_range_or_certainty_is_one_line(matrix_file, fields, expected):
    path = matrix_file(strategies=strategy_with("Aid", **fields))
    with pytest.raises(MatrixError) as caught:
        load_matrix(path)
    assert caught.value.problems == [f"{path}: strategy 'Aid': {expected}"]


def test_weights_rationale_must_be_text(matrix_file):
    path = matrix_file(weights_rationale=["no"])
    with pytest.raises(MatrixError) as caught:
        load_matrix(path)
    assert caught.value.problems == [f"{path}: 'weights_rationale' must be a text (one line on why these weights)"]


def test_an_actor_named_by_its_file_reads_that_file_alone(monkeypatch):
    """Picking one actor from a folder reads and validates only its file when the name is the
    file's stem (``north korea`` -> north-korea.yaml), or its ``actor`` line or one-line
    ``aliases`` list (``US``, ``prc``)."""
    import decide.io.load as load

    read: list[str] = []
    original = load.load_matrix
    monkeypatch.setattr(load, "load_matrix", lambda path: (read.append(path.name), original(path))[1])
    assert [m.actor for m in load.resolve_matrices(None, "north korea")] == ["North Korea"]
    assert read == ["north-korea.yaml"]
    read.clear()
    assert [m.actor for m in load.resolve_matrices(None, ["US", "prc"])] == ["United States", "China"]
    assert read == ["united-states.yaml", "china.yaml"]


def test_names_the_quick_look_cannot_settle_read_every_file(matrix_file, monkeypatch):
    """A block-style alias list, or one alias in two files, is left to the full reading of
    every file: the actor is found as before (both files' actors for a shared alias)."""
    import decide.io.load as load

    block = matrix_file("a.yaml", actor="Vendor A", aliases=["VA"])  # yaml.safe_dump writes a block list
    flow = matrix_file("b.yaml", actor="Vendor B", aliases=[])
    flow.write_text(flow.read_text().replace("aliases: []", "aliases: [VB, Shared]"))
    read: list[str] = []
    original = load.load_file
    monkeypatch.setattr(load, "load_file", lambda path: (read.append(path.name), original(path))[1])
    assert load._names_declared(block) is None
    assert load._names_declared(flow) == ("vendor b", {"b", "vendor b", "vb", "shared"})
    assert [m.actor for m in load.resolve_matrices([block, flow], "va")] == ["Vendor A"]
    assert sorted(read) == ["a.yaml", "b.yaml"]
    third = matrix_file("c.yaml", actor="Vendor C", aliases=[])
    third.write_text(third.read_text().replace("aliases: []", "aliases: [Shared]"))
    read.clear()
    assert [m.actor for m in load.resolve_matrices([flow, third], "shared")] == ["Vendor B", "Vendor C"]
    assert sorted(read) == ["b.yaml", "c.yaml"]


def test_the_quick_look_never_changes_which_actors_are_found(tmp_path):
    """Review findings: a JSON document in a .yaml file (valid YAML, no 'actor:' line of its
    own) sharing an alias, and one actor in two files, are read in full as before: both
    actors for the shared alias; the duplicate refused, naming both files."""
    import json
    import shutil

    import decide.io.load as load

    folder = tmp_path / "alias"
    folder.mkdir()
    shutil.copy(shipped_matrices_dir() / "united-states.yaml", folder)
    document = make_document(actor="Congress", aliases=["US"])
    (folder / "congress.yaml").write_text(json.dumps(document), encoding="utf-8")
    assert load._names_declared(folder / "congress.yaml") is None
    assert sorted(m.actor for m in load.resolve_matrices(folder, "US")) == ["Congress", "United States"]
    twice = tmp_path / "twice"
    twice.mkdir()
    shutil.copy(shipped_matrices_dir() / "united-states.yaml", twice)
    copy = (twice / "united-states.yaml").read_text(encoding="utf-8").replace("aliases: [", "aliases: [Other, ", 1)
    (twice / "us-copy.yaml").write_text(copy, encoding="utf-8")
    with pytest.raises(MatrixError, match="also in"):
        load.resolve_matrices(twice, "US")
