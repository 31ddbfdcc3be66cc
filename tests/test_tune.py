"""The what-if session behind ``decide tune``: weight moves, undo, methods, profiles, the
leader's interval (checked against ``decide sensitivity``) and the closing ``-w`` string."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import numpy as np
import pytest

import decide
from decide.analysis.selection import Selection
from decide.core.errors import DecideError, MatrixError, MethodError, SpecError, UnknownNameError
from decide.interactive.session import FILE_WEIGHTS, TuneSession, file_profiles, leader_interval, method_cycle, session
from decide.io.load import load_matrix, shipped_matrices_dir

ACTORS = [m.actor for m in decide.load_matrices()]
VECTORISED = ["wsm", "wpm", "topsis", "vikor"]


def test_moving_a_weight_rescales_the_others_in_proportion():
    tuned = session(actor="United States", method="wsm")
    before = tuned.weights.copy()
    tuned.select(1)
    tuned.nudge(0.05)
    assert tuned.weights[1] == pytest.approx(before[1] + 0.05)
    rest = np.delete(tuned.weights, 1)
    assert rest == pytest.approx(np.delete(before, 1) * (1 - before[1] - 0.05) / (1 - before[1]))
    assert tuned.weights.sum() == pytest.approx(1.0)


def test_zero_equal_restore_and_undo():
    tuned = session(actor="China", method="topsis")
    start = tuned.weight_spec()
    tuned.select(2)
    tuned.zero()
    assert tuned.weights[2] == 0 and tuned.weights.sum() == pytest.approx(1)
    tuned.equalise()
    assert tuned.weights == pytest.approx([0.25] * 4)
    tuned.set_method("wsm")
    tuned.restore()
    assert tuned.weight_spec() == start and tuned.method.name == "topsis"
    assert tuned.undo()  # back to equal weights under wsm
    assert tuned.weights == pytest.approx([0.25] * 4) and tuned.method.name == "wsm"
    assert tuned.undo() and tuned.method.name == "topsis"
    assert tuned.undo() and tuned.weights[2] == 0
    assert tuned.undo() and tuned.weight_spec() == start
    assert not tuned.undo()


def test_weights_stay_within_zero_and_one():
    tuned = session(actor="Russia", method="wsm")
    for _ in range(200):
        tuned.nudge(0.05)
    assert tuned.weights[0] == 1.0 and tuned.weights.sum() == 1.0
    with pytest.raises(SpecError, match="holds all the weight"):
        tuned.zero()
    tuned.nudge(-0.05)  # the others were all 0: they share the rest equally
    assert tuned.weights[1:] == pytest.approx([0.05 / 3] * 3)


def test_method_cycle_puts_vectorised_methods_first_and_skips_methods_ignoring_weights():
    names = method_cycle()
    assert names[:4] == VECTORISED
    assert "simus" not in names and "promethee2" in names
    tuned = session(actor="China", method="vikor")
    assert tuned.cycle_method() == names[4]


def test_profile_cycle_without_profiles_is_the_file_weights_only(matrix_file):
    tuned = session(matrix_file())
    assert list(tuned.profiles) == [FILE_WEIGHTS] and not tuned.profile_changed
    tuned.nudge(0.1)
    assert tuned.profile_changed
    assert tuned.cycle_profile() == FILE_WEIGHTS
    assert tuned.weights == pytest.approx(list(tuned.matrix.weights.values()))
    assert not tuned.profile_changed


@pytest.mark.parametrize("actor", ACTORS)
def test_shipped_profiles_give_the_weights_every_command_uses(actor):
    tuned = session(actor=actor, method="wsm")
    matrix = tuned.matrix
    assert list(tuned.profiles) == [FILE_WEIGHTS, *(p.name for p in matrix.profiles)]
    for name in [p.name for p in matrix.profiles]:
        assert tuned.cycle_profile() == name and not tuned.profile_changed
        ranked = decide.rank(actors=actor, method="wsm", profile=name)[actor]
        assert tuned.weight_map == pytest.approx(ranked.weights)
        assert tuned.view(with_interval=False).ranking == ranked.table["strategy"].tolist()
    assert tuned.cycle_profile() == FILE_WEIGHTS


def test_start_from_a_profile_and_weights_on_top_as_rank_does():
    tuned = session(actor="China", profile="Influence", weights="cost=0.3")
    assert tuned.profile == "influence" and tuned.profile_changed
    ranked = decide.rank(actors="China", profile="influence", weights="cost=0.3")["China"]
    assert tuned.weight_map == pytest.approx(ranked.weights)
    ordering = session(actor="China", weights="risk>stability>deterrence>cost", weighting="rs")
    assert ordering.weight_map == pytest.approx(
        decide.rank(actors="China", weights="risk>stability>deterrence>cost", weighting="rs")["China"].weights
    )
    assert tuned.undo() is False  # the starting weights are the start, not a change


def test_bad_input_raises_decide_errors(matrix_file):
    with pytest.raises(UnknownNameError, match="unknown actor 'Atlantis'"):
        session(actor="Atlantis")
    with pytest.raises(UnknownNameError, match="unknown method 'nope'"):
        session(actor="China", method="nope")
    with pytest.raises(SpecError, match="does not use weights"):
        session(actor="China", method="simus")
    with pytest.raises(UnknownNameError, match="unknown profile 'hawk'; choose from: mediator, influence, quiet"):
        session(actor="China", profile="hawk")
    bad = matrix_file(criteria=[{"name": "cost", "objective": "less", "weight": 1}])
    with pytest.raises(MatrixError, match="objective"):
        session(bad)


def test_a_method_that_cannot_rank_the_matrix_is_refused_and_skipped(matrix_file):
    # a score of 0: the weighted product takes logarithms
    path = matrix_file(
        scale=None,
        strategies=[
            {"name": "A", "scores": {"stability": 0, "deterrence": 3, "cost": 2, "risk": 3}},
            {"name": "B", "scores": {"stability": 5, "deterrence": 9, "cost": 7, "risk": 6}},
        ],
    )
    tuned = session(path, method="wsm")
    with pytest.raises(MethodError, match="wpm cannot rank"):
        tuned.set_method("wpm")
    assert tuned.cycle_method() == "topsis"


@pytest.mark.parametrize("actor", ACTORS)
def test_wsm_interval_is_exactly_the_sensitivity_interval(actor):
    tuned = session(actor=actor, method="wsm")
    table = decide.sensitivity(actor=actor, method="wsm").intervals
    for index, row in table.iterrows():
        interval = tuned.interval(int(index))
        assert interval.exact
        assert interval.leader in row["first"].split(" = ")
        assert interval.low == pytest.approx(row["first from"], abs=1e-12)
        assert interval.high == pytest.approx(row["first to"], abs=1e-12)


@pytest.mark.slow
@pytest.mark.parametrize("method", ["wpm", "topsis", "vikor"])
def test_sampled_interval_agrees_with_sensitivity(method):
    tuned = session(actor="United States", method=method)
    table = decide.sensitivity(actor="United States", method=method).intervals
    for index, row in table.iterrows():
        interval = tuned.interval(int(index))
        assert not interval.exact
        assert interval.low == pytest.approx(row["first from"], abs=2e-4)
        assert interval.high == pytest.approx(row["first to"], abs=2e-4)


def test_promethee2_interval_is_exact_and_agrees_with_sampling(matrix_file):
    """PROMETHEE II is linear in the weights: its interval has the closed form of wsm."""
    path = matrix_file()
    tuned = session(path, method="promethee2")
    assert tuned.method.vectorised and tuned.method.additive
    for index in range(len(tuned.criteria)):
        exact = tuned.interval(index)
        sampled = leader_interval(tuned.matrix, tuned.method, tuned.weights, index, exact=False)
        assert exact.exact and not sampled.exact and exact.leader == sampled.leader
        assert exact.low == pytest.approx(sampled.low, abs=2e-4)
        assert exact.high == pytest.approx(sampled.high, abs=2e-4)


@pytest.mark.slow
def test_interval_of_a_method_without_a_numpy_engine_agrees_with_sensitivity(matrix_file):
    path = matrix_file()
    tuned = session(path, method="edas")
    table = decide.sensitivity(path, method="edas", criterion="risk").intervals
    interval = tuned.interval(3)
    assert not interval.exact
    assert interval.low == pytest.approx(table["first from"].iloc[0], abs=2e-4)
    assert interval.high == pytest.approx(table["first to"].iloc[0], abs=2e-4)


@pytest.mark.parametrize("method", VECTORISED)
def test_interval_ends_are_where_the_leader_changes(method):
    tuned = session(actor="China", method=method)
    leader = tuned.view().leader
    for index in range(len(tuned.criteria)):
        interval = tuned.interval(index)
        for end, outside in ((interval.low, -1), (interval.high, 1)):
            if 0.0 < end < 1.0:
                probe = TuneSession(tuned.matrix, method)
                probe.select(index)
                probe.set_weight(end - outside * 1e-3)
                assert probe.view(with_interval=False).leader == leader
                probe.set_weight(end + outside * 1e-3)
                assert probe.view(with_interval=False).leader != leader


@pytest.mark.parametrize("how", ["minmax", "vector", "sum"])
def test_sampled_interval_agrees_with_the_closed_form(how):
    from decide.methods import get_method

    method = get_method("wsm", {"normalization": how})
    for actor in ACTORS:
        matrix = decide.show(actor=actor).matrix
        for index in range(len(matrix.criteria)):
            exact = leader_interval(matrix, method, matrix.weight_array(), index)
            sampled = leader_interval(matrix, method, matrix.weight_array(), index, exact=False)
            assert exact.exact and not sampled.exact
            assert (sampled.low, sampled.high) == pytest.approx((exact.low, exact.high), abs=1e-4)


def test_ranking_marks_moves_dominance_and_margin():
    tuned = session(actor="United States", method="wsm")
    view = tuned.view()
    assert all(row.moved == 0 for row in view.rows)
    assert view.margin == pytest.approx(view.rows[0].score - view.rows[1].score)
    assert {row.strategy for row in view.rows if row.dominated} == set(tuned.matrix.dominators())
    tuned.select(1)
    tuned.set_weight(0.9)
    moved = {row.strategy: row.moved for row in tuned.view().rows}
    assert any(m > 0 for m in moved.values()) and any(m < 0 for m in moved.values())
    assert sum(moved.values()) == 0


def test_contributions_add_up_to_the_wsm_score():
    tuned = session(actor="South Korea", method="wsm")
    view = tuned.view()
    contribution = tuned.contributions()
    assert contribution is not None and contribution.leader == view.leader and contribution.kind == "exact"
    assert sum(contribution.leader_parts) == pytest.approx(view.rows[0].score)
    assert sum(contribution.runner_up_parts) == pytest.approx(view.rows[1].score)


@pytest.mark.parametrize(("method", "kind"), [("wsm", "exact"), ("topsis", "distance"), ("vikor", "normalised")])
def test_contributions_are_those_decide_explain_shows(method, kind):
    tuned = session(actor="Japan", method=method)
    tuned.select(2)
    tuned.nudge(0.05)
    contribution = tuned.contributions()
    assert contribution is not None and contribution.kind == kind
    explained = decide.explain(actors="Japan", method=method, weights=tuned.weight_spec())["Japan"]
    parts = explained.contributions  # from the -w string, which has 6 decimals
    assert parts.loc[contribution.leader].tolist() == pytest.approx(contribution.leader_parts, abs=1e-6)
    assert parts.loc[contribution.runner_up].tolist() == pytest.approx(contribution.runner_up_parts, abs=1e-6)


@pytest.mark.parametrize("method", [*VECTORISED, "promethee2"])
def test_weight_spec_and_command_reproduce_the_ranking(method):
    tuned = session(actor="North Korea", method=method)
    rng = np.random.default_rng(7)
    for _ in range(15):
        tuned.select(int(rng.integers(4)))
        tuned.nudge(float(rng.choice([-0.05, -0.01, 0.01, 0.05])))
    shown = tuned.view(with_interval=False)
    ranked = decide.rank(actors="North Korea", method=method, weights=tuned.weight_spec())
    table = ranked["North Korea"].table
    assert table["strategy"].tolist() == shown.ranking
    assert table["rank"].tolist() == [row.rank for row in shown.rows]
    assert tuned.command() == f"decide rank -a 'North Korea' -m {method} -w {tuned.weight_spec()}"


def test_stated_only_is_kept_in_the_reproducing_command():
    tuned = session(actor="Russia", method="wsm", stated_only=True)
    full = session(actor="Russia", method="wsm")
    assert len(tuned.matrix.strategies) < len(full.matrix.strategies)
    tuned.nudge(0.05)
    assert tuned.command() == f"decide rank -a Russia -m wsm --stated-only -w {tuned.weight_spec()}"
    ranked = decide.rank(actors="Russia", method="wsm", weights=tuned.weight_spec(), stated_only=True)
    assert ranked["Russia"].table["strategy"].tolist() == tuned.view().ranking


def test_command_names_a_file_that_is_not_shipped(matrix_file):
    path = matrix_file()
    assert session(path).command().startswith(f"decide rank {path} -a Testland -m topsis -w ")


def test_saving_a_profile_keeps_comments_and_mode_and_the_file_still_loads(matrix_file):
    path = matrix_file()
    path.write_text("# a comment that must survive\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    path.chmod(0o640)
    tuned = session(path, method="wsm")
    tuned.select(1)
    tuned.set_weight(0.6)
    tuned.save_profile("hawkish")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# a comment that must survive\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert "- name: hawkish" in text
    assert load_matrix(path).actor == "Testland"
    profiles = file_profiles(load_matrix(path))
    assert profiles["hawkish"] == pytest.approx(tuned.weight_map, abs=1e-6)
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    again = session(path, profile="hawkish")
    assert again.weight_spec() == tuned.weight_spec()
    assert list(again.profiles) == [FILE_WEIGHTS, "hawkish"]
    with pytest.raises(SpecError, match=r"profile 'hawkish' (already exists|exists already)"):
        tuned.save_profile("hawkish")
    with pytest.raises(SpecError, match="give the profile a name"):
        tuned.save_profile("  ")


@pytest.mark.parametrize("name", sorted(p.name for p in shipped_matrices_dir().glob("*.yaml")))
def test_saving_into_a_shipped_file_only_appends(tmp_path, name):
    path = tmp_path / name
    shutil.copy(shipped_matrices_dir() / name, path)
    before = path.read_text(encoding="utf-8")
    tuned = session(path, method="wsm")
    tuned.equalise()
    tuned.save_profile("equal")
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    entry = (
        "  - name: equal\n"
        "    weights: {stability: 0.25, deterrence: 0.25, cost: 0.25, risk: 0.25}\n"
        "    rationale: saved from decide tune (wsm)\n"
    )
    assert after[len(before) :] == (entry if "\nprofiles:" in before else "profiles:\n" + entry)


def test_saving_into_a_broken_file_changes_nothing(matrix_file):
    path = matrix_file()
    tuned = session(path)
    path.write_text("actor: [unclosed\n", encoding="utf-8")
    with pytest.raises(DecideError, match="invalid YAML"):
        tuned.save_profile("x")
    assert path.read_text(encoding="utf-8") == "actor: [unclosed\n"


def test_shipped_matrices_are_not_changed():
    tuned = session(actor="China")
    with pytest.raises(DecideError, match="the shipped matrices are not changed; copy the file and tune the copy"):
        tuned.save_profile("mine")


def test_saving_needs_a_file():
    matrix = decide.show(actor="China").matrix
    from dataclasses import replace

    tuned = TuneSession(replace(matrix, path=None))
    with pytest.raises(DecideError, match="not read from a file"):
        tuned.save_profile("x")


def test_start_weights_on_top_of_a_profile(matrix_file):
    path = matrix_file()
    tuned = session(path, weights="cost=0.1")
    assert tuned.weights == pytest.approx(Selection.of(path, weights="cost=0.1").matrix().weight_array())
    assert all(row.moved == 0 for row in tuned.view().rows)
    with pytest.raises(UnknownNameError, match="unknown criterion 'price'"):
        session(path, weights="price=1")


def test_a_file_without_weights_starts_from_equal_weights_so_named(matrix_file):
    """A file that gives no weights is ranked with equal ones: tune calls them that, not
    the file's weights (the first entry of the profile cycle, and the TUI's message)."""
    from decide.interactive.session import EQUAL_WEIGHTS
    from decide.io.load import load_matrix
    from tests.conftest import BASE_MATRIX

    criteria = [{k: v for k, v in c.items() if k != "weight"} for c in BASE_MATRIX["criteria"]]
    tuned = TuneSession(load_matrix(matrix_file(criteria=criteria)), "wsm")
    assert tuned.base_profile == EQUAL_WEIGHTS and list(tuned.profiles) == [EQUAL_WEIGHTS]
    assert tuned.cycle_profile() == EQUAL_WEIGHTS
    weighted = TuneSession(load_matrix(matrix_file("weighted.yaml")), "wsm")
    assert list(weighted.profiles) == [FILE_WEIGHTS]
    team = decide.group(
        sorted((Path(__file__).resolve().parents[1] / "docs" / "examples" / "analysts").glob("*.yaml"))
    ).matrix
    assert team.weights_source != "file"  # the analysts' aggregated weights, not equal ones
    assert TuneSession(team, "wsm").base_profile == FILE_WEIGHTS
