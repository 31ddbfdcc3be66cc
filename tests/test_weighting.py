"""Setting weights the way planners state them (decide.weighting): exact overrides, orderings,
elicited results, profiles, and the provenance every output carries."""

from __future__ import annotations

import json

import pytest

import decide
from decide import weights
from decide.core.errors import SpecError, UnknownNameError
from decide.core.model import Criterion, Matrix, Strategy
from decide.io.load import load_matrix
from decide.rendering.formats import render
from decide.weights.apply import combine_specs, exact_weights, set_weights


def small() -> Matrix:
    return Matrix(
        "Example",
        (
            Criterion("stability", "max", 0.4),
            Criterion("deterrence", "max", 0.2),
            Criterion("cost", "min", 0.2),
            Criterion("risk", "min", 0.2),
        ),
        (
            Strategy("A", {"stability": 8, "deterrence": 2, "cost": 3, "risk": 2}),
            Strategy("B", {"stability": 3, "deterrence": 9, "cost": 7, "risk": 6}),
            Strategy("C", {"stability": 5, "deterrence": 5, "cost": 4, "risk": 4}),
        ),
    )


def test_an_override_is_exact_and_the_others_keep_their_file_proportions():
    weighted = set_weights(small(), "deterrence=0.5")
    assert weighted.weights == pytest.approx({"stability": 0.25, "deterrence": 0.5, "cost": 0.125, "risk": 0.125})
    assert weighted.weights_source == "file + override deterrence=0.5"


def test_naming_every_criterion_normalises_them():
    weighted = set_weights(small(), {"stability": 2, "deterrence": 1, "cost": 1, "risk": 0})
    assert weighted.weights == pytest.approx({"stability": 0.5, "deterrence": 0.25, "cost": 0.25, "risk": 0.0})
    assert weighted.weights_source == "override stability=2, deterrence=1, cost=1, risk=0"


def test_overrides_summing_above_one_are_an_error_that_says_so():
    with pytest.raises(SpecError) as error:
        set_weights(small(), "deterrence=0.7,cost=0.5")
    assert str(error.value) == (
        "Example: weights: deterrence=0.7, cost=0.5 sum to 1.2, above 1, leaving nothing for stability, risk;"
        " lower them, or give every criterion a value to have them normalised"
    )


def test_overrides_summing_to_one_leave_zero_to_the_others():
    assert exact_weights(small(), {"deterrence": 0.6, "cost": 0.4}) == pytest.approx(
        {"stability": 0.0, "deterrence": 0.6, "cost": 0.4, "risk": 0.0}
    )


def test_repeated_specs_merge_and_the_later_value_wins_with_a_warning():
    ordering, overrides, warnings = combine_specs(["deterrence=0.5", "cost=0.1", "DETERRENCE=0.3"])
    assert ordering is None and overrides == {"cost": 0.1, "DETERRENCE": 0.3}
    assert warnings == ["weights: 'DETERRENCE' given again: 0.3 replaces 0.5"]
    weighted = set_weights(small(), ["deterrence=0.5", "cost=0.1", "DETERRENCE=0.3"])
    assert weighted.weights["deterrence"] == pytest.approx(0.3) and weighted.weights["cost"] == pytest.approx(0.1)


def test_criterion_names_match_in_any_case_and_typos_get_a_suggestion():
    assert set_weights(small(), "Deterrence=0.5").weights["deterrence"] == pytest.approx(0.5)
    with pytest.raises(UnknownNameError) as error:
        set_weights(small(), "deterence=0.5")
    assert str(error.value) == (
        "Example: unknown criterion 'deterence' (did you mean 'deterrence'?); choose from: stability, deterrence,"
        " cost, risk"
    )


def test_an_ordering_becomes_roc_weights_and_the_caption_records_it():
    """ROC for n = 4 (Barron & Barrett 1996, Table 1): 0.5208, 0.2708, 0.1458, 0.0625."""
    result = decide.rank(small(), weights="deterrence>stability>risk>cost", method="wsm")
    assert result.results[0].weights == pytest.approx(
        {"stability": 0.2708, "deterrence": 0.5208, "cost": 0.0625, "risk": 0.1458}, abs=1e-4
    )
    caption = result.caption(result.results[0])
    assert "deterrence=0.5208, cost=0.0625, risk=0.1458 (roc of deterrence>stability>risk>cost);" in caption


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("rs", {"deterrence": 0.4, "stability": 0.3, "risk": 0.2, "cost": 0.1}),  # Stillwell et al. (1981)
        ("rr", {"deterrence": 0.48, "stability": 0.24, "risk": 0.16, "cost": 0.12}),  # 1/k / (25/12)
    ],
)
def test_the_weighting_rule_is_chosen_by_name(rule, expected):
    weighted = set_weights(small(), "deterrence>stability>risk>cost", weighting=rule)
    assert weighted.weights == pytest.approx(expected)
    assert weighted.weights_source == f"{rule} of deterrence>stability>risk>cost"


def test_an_ordering_then_an_override():
    weighted = set_weights(small(), ["deterrence>stability=risk>cost", "cost=0.2"])
    assert weighted.weights["cost"] == pytest.approx(0.2)
    assert weighted.weights_source == "roc of deterrence>stability=risk>cost + override cost=0.2"


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        (
            "deterrence>stabilty>risk>cost",
            "weights: unknown criterion 'stabilty' (did you mean 'stability'?); choose from: stability, deterrence,"
            " cost, risk",
        ),
        (
            "deterrence>stability>deterrence>cost",
            "weights: criterion 'deterrence' appears twice in 'deterrence>stability>deterrence>cost'; name each"
            " criterion once",
        ),
        (
            "deterrence>stability>risk",
            "weights: 'deterrence>stability>risk' leaves out cost; every criterion must be placed",
        ),
    ],
)
def test_bad_orderings_are_one_line_errors(ordering, expected):
    with pytest.raises(SpecError) as error:
        set_weights(small(), ordering)
    assert str(error.value) == expected


def test_an_elicited_result_is_accepted_as_weights():
    swing = weights.swing("deterrence=100,stability=50,cost=25,risk=25")
    weighted = set_weights(small(), swing)
    assert weighted.weights == pytest.approx({"stability": 0.25, "deterrence": 0.5, "cost": 0.125, "risk": 0.125})
    assert weighted.weights_source == "swing"
    ahp = weights.ahp([["deterrence", "cost", 3]])  # two criteria only: the others share the rest
    assert set_weights(small(), ahp).weights_source == "file + ahp"


def test_every_result_says_where_its_weights_came_from(matrix_file):
    path = matrix_file()
    source = "file + override deterrence=0.5"
    ranking = decide.rank(path, weights="deterrence=0.5")
    assert f"({source})" in render(ranking, "table", wide=True).splitlines()[0]
    assert json.loads(render(ranking, "json"))["actors"][0]["weights_source"] == source
    comparison = decide.compare(path, actor="Testland", methods="topsis,wsm", weights="deterrence=0.5")
    assert f"({source})" in comparison.sections()[0].caption
    assert comparison.to_dict()["weights_source"] == source
    shown = decide.show(path, actor="Testland", weights="deterrence=0.5")
    assert f"({source})" in shown.sections()[1].caption and shown.to_dict()["weights_source"] == source
    sens = decide.sensitivity(path, actor="Testland", method="wsm", weights="deterrence=0.5")
    assert f"({source})" in sens.sections()[0].caption and sens.to_dict()["weights_source"] == source
    top = decide.make_top(path, actor="Testland", strategy="Aid", method="wsm", weights="deterrence=0.5")
    assert source in top.sections()[0].caption and top.to_dict()["weights_source"] == source
    drawn = decide.smaa(path, samples=50, seed=1, weights="deterrence=0.5")
    assert f"({source})" in drawn.sections()[0].caption
    assert drawn.to_dict()["actors"][0]["weights_source"] == source


def test_file_weights_say_so():
    ranking = decide.rank(actors="china")
    assert ranking.results[0].matrix.weights_source == "file"
    assert "risk=0.3 (file); data china.yaml" in ranking.caption(ranking.results[0])


def test_a_profile_then_an_override(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(PROFILED, encoding="utf-8")
    matrix = load_matrix(path)
    hawkish = set_weights(matrix, profile="Hawkish")
    assert hawkish.weights == pytest.approx(
        {"stability": 0.2708, "deterrence": 0.5208, "cost": 0.0625, "risk": 0.1458}, abs=1e-4
    )
    assert hawkish.weights_source == "profile 'hawkish'"
    frugal = set_weights(matrix, "deterrence=0.1", profile="frugal")
    # the profile gives 0.25, 0.125, 0.5, 0.125; deterrence=0.1 leaves 0.9 to the others in those proportions
    assert frugal.weights["deterrence"] == pytest.approx(0.1)
    assert frugal.weights["cost"] == pytest.approx(0.9 * 0.5 / 0.875)
    assert frugal.weights_source == "file + profile 'frugal' + override deterrence=0.1"
    ranking = decide.rank(path, profile="hawkish", method="wsm")
    assert "(profile 'hawkish')" in ranking.caption(ranking.results[0])


def test_an_unknown_profile_lists_the_profiles(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(PROFILED, encoding="utf-8")
    with pytest.raises(UnknownNameError) as error:
        decide.rank(path, profile="hawk")
    assert str(error.value) == f"{path}: unknown profile 'hawk' (did you mean 'hawkish'?); choose from: hawkish, frugal"


PROFILED = """\
actor: X
criteria:
  - {name: stability, objective: max, weight: 0.4}
  - {name: deterrence, objective: max, weight: 0.2}
  - {name: cost, objective: min, weight: 0.2}
  - {name: risk, objective: min, weight: 0.2}
strategies:
  - {name: A, scores: {stability: 8, deterrence: 2, cost: 3, risk: 2}}
  - {name: B, scores: {stability: 3, deterrence: 9, cost: 7, risk: 6}}
profiles:
  - name: hawkish
    weights: deterrence>stability>risk>cost
    rationale: Deterrence first.
  - name: frugal
    weights: {cost: 0.5}
    rationale: Half the weight on cost.
"""


def test_setting_one_criterion_to_zero_keeps_the_others_in_proportion(cli):
    """``-w cost=0`` drops cost and shares its weight among the others (it used to be refused
    as 'all weights are zero', checking the named criteria alone)."""
    result = cli("rank", "-a", "China", "-w", "cost=0", "-f", "json")
    assert result.exit_code == 0, result.output
    weights = json.loads(result.stdout)["actors"][0]["weights"]
    assert weights["cost"] == 0 and abs(sum(weights.values()) - 1) < 1e-12
    assert abs(weights["stability"] / weights["risk"] - 0.35 / 0.30) < 1e-9
    everything = cli("rank", "-a", "China", "-w", "cost=0,risk=0,stability=0,deterrence=0")
    assert everything.exit_code == 1 and "all weights are zero" in everything.stderr


def test_one_list_of_ordering_rules_everywhere():
    """The rules that turn an ordering into weights are listed once (core.defaults): the functions,
    the file schema and the command line's --weighting all read that list."""
    import json
    from importlib import resources

    from decide.cli.options import weights_options
    from decide.core.defaults import WEIGHTING_RULES
    from decide.weights.ordering import SURROGATE_RULES

    assert tuple(SURROGATE_RULES) == WEIGHTING_RULES
    schema = json.loads((resources.files("decide.io") / "matrix.schema.json").read_text(encoding="utf-8"))
    assert f'"enum": {json.dumps(list(WEIGHTING_RULES))}' in json.dumps(schema)
    option = next(p for p in weights_options(lambda **_: None).__click_params__ if p.name == "weighting")
    assert tuple(option.type.choices) == WEIGHTING_RULES


def test_the_weights_text_is_parsed_once_per_command(monkeypatch):
    """``decide rank -w ...`` over all six actors parses each -w text once (the Selection holds the
    parsed weights) and reads the files once."""
    from click.testing import CliRunner

    import decide.io.load as load
    import decide.weights.apply as apply
    from decide.cli import cli

    parsed: list[str] = []
    original = apply.parse_weight_spec
    monkeypatch.setattr(apply, "parse_weight_spec", lambda text: (parsed.append(text), original(text))[1])
    listed: list[object] = []
    original_files = load.matrix_files
    monkeypatch.setattr(load, "matrix_files", lambda paths=None: (listed.append(paths), original_files(paths))[1])
    result = CliRunner().invoke(cli, ["rank", "-w", "deterrence=0.5", "-w", "cost=0.1", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert parsed == ["deterrence=0.5", "cost=0.1"]
    assert len(listed) == 1


def test_the_weights_of_rank_visit_each_module_once():
    """Issue 18: walking ``-w`` from the command line to the method goes down the floors and never
    back into a module it has left (the old specs -> weighting -> specs round trip)."""
    import sys

    from click.testing import CliRunner

    from decide.cli import cli

    stacks: set[tuple[str, ...]] = set()

    def modules_on_the_stack(frame) -> tuple[str, ...]:
        names: list[str] = []
        while frame is not None:
            name = frame.f_globals.get("__name__", "")
            if name.startswith("decide") and (not names or names[-1] != name):
                names.append(name)
            frame = frame.f_back
        return tuple(reversed(names))

    def takes_weights(frame) -> bool:
        code = frame.f_code
        return "weights" in code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]

    def watch(frame, event, arg) -> None:
        module = frame.f_globals.get("__name__", "")
        if event == "call" and (
            module.startswith("decide.weights") or (module.startswith("decide.methods") and takes_weights(frame))
        ):
            stacks.add(modules_on_the_stack(frame))

    sys.setprofile(watch)
    try:
        result = CliRunner().invoke(cli, ["rank", "-a", "China", "-m", "topsis", "-w", "deterrence=0.5"])
    finally:
        sys.setprofile(None)
    assert result.exit_code == 0, result.output
    assert any("decide.weights.apply" in s for s in stacks)  # -w is applied ...
    assert any(s[-1].startswith("decide.methods") for s in stacks)  # ... and reaches the method
    revisited = [" -> ".join(s) for s in stacks if len(set(s)) != len(s)]
    assert revisited == []
