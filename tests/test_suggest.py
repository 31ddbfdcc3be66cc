"""One "did you mean" helper for every name a user types: methods, file keys, profiles,
scenarios, criteria, actors and strategies (with a unique prefix enough for a strategy)."""

from __future__ import annotations

import pytest

from decide.core.errors import MatrixError, UnknownNameError
from decide.core.suggest import closest, did_you_mean, find_name, unknown_name
from tests.cli.test_errors import one_error_line

STRATEGIES = ["Back-Channel Communication Channels", "Backstop Sanctions", "Summit Diplomacy"]


def test_closest_ignores_case_and_spaces():
    assert closest("  TOPSYS ", ["wsm", "topsis"]) == "topsis"
    assert closest("zzzz", ["wsm", "topsis"]) is None
    assert did_you_mean("zzzz", ["wsm"]) == ""


def test_a_unique_prefix_finds_the_strategy():
    assert find_name("Back-Channel", STRATEGIES, "strategy") == STRATEGIES[0]
    assert find_name("summit", STRATEGIES, "strategy") == "Summit Diplomacy"
    assert find_name("summit diplomacy", STRATEGIES, "strategy") == "Summit Diplomacy"


def test_a_prefix_of_several_lists_the_candidates():
    with pytest.raises(UnknownNameError) as error:
        find_name("Back", STRATEGIES, "strategy", "my.yaml")
    text = str(error.value)
    assert text.startswith("my.yaml: 'Back' starts 2 strategy names")
    assert "'Back-Channel Communication Channels'" in text and "'Backstop Sanctions'" in text
    assert "Summit" not in text


def test_a_misspelt_name_gets_the_closest_and_the_list():
    with pytest.raises(UnknownNameError) as error:
        find_name("Sumit Diplomacy", STRATEGIES, "strategy")
    assert "(did you mean 'Summit Diplomacy'?)" in str(error.value)
    assert str(error.value).endswith("choose from: " + ", ".join(STRATEGIES))
    assert unknown_name("scenario", "x", ["a"]).startswith("unknown scenario 'x'; choose from: a")


def test_make_top_takes_a_unique_prefix_on_the_command_line(cli):
    whole = cli("sensitivity", "-a", "United States", "-m", "wsm", "--make-top", "Back-Channel Communication Channels")
    prefix = cli("sensitivity", "-a", "United States", "-m", "wsm", "--make-top", "Back-Channel")
    assert whole.exit_code == prefix.exit_code == 0
    assert prefix.stdout == whole.stdout


def test_explain_takes_a_unique_prefix(cli):
    result = cli("explain", "-a", "United States", "--strategy", "Back-Channel")
    assert result.exit_code == 0, result.stderr
    assert "Back-Channel Communication Channels" in result.stdout


def test_method_and_actor_names_get_a_suggestion(cli):
    assert "(did you mean 'topsis'?)" in one_error_line(cli("rank", "-m", "topsys"))
    assert "(did you mean 'China'?)" in one_error_line(cli("rank", "-a", "Chna", "-a", "Japan"))


def test_a_misspelt_file_key_gets_a_suggestion(tmp_path):
    from decide.io.load import load_matrix

    path = tmp_path / "m.yaml"
    path.write_text(
        "actor: M\ncriteria: [{name: a, objective: max, weight: 1}]\n"
        "strategies: [{name: A, scores: {a: 1}}]\nstratgies: []\n",
        encoding="utf-8",
    )
    with pytest.raises(MatrixError) as error:
        load_matrix(path)
    assert "unknown key 'stratgies' (did you mean 'strategies'?)" in error.value.problems[0]


def test_profile_and_scenario_names_get_a_suggestion():
    from decide.io.load import resolve_matrices
    from decide.io.scenarios import find_scenario, load_scenarios

    japan = resolve_matrices(None, "japan")[0]
    name = load_scenarios(japan)[0].name
    with pytest.raises(UnknownNameError) as error:
        find_scenario(japan, name[:-1] + "x")
    assert f"(did you mean '{name}'?)" in str(error.value)
    profile = japan.profiles[0].name
    with pytest.raises(UnknownNameError) as error:
        japan.profile(profile[:-1])
    assert f"(did you mean '{profile}'?)" in str(error.value)
