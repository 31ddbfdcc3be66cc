"""Weight profiles in matrix files (decide.profiles): validation, the shipped profiles, saving, comparing."""

from __future__ import annotations

import os
import stat

import pytest

import decide
from decide import weights
from decide.analysis.profiles import compare_profiles, profiles
from decide.core.errors import MatrixError, SpecError
from decide.io.load import load_matrices, load_matrix, validate
from decide.io.profiles import save_profile

from .quotes import misquotes, read_articles, seeds_dir, source_tags

GOOD = {"name": "hawkish", "weights": "deterrence>stability>risk>cost", "rationale": "Deterrence first."}


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            [{**GOOD, "weights": {"deterence": 0.5}}],
            "profile 'hawkish': weights: unknown criterion 'deterence' (did you mean 'deterrence'?); choose from:"
            " stability, deterrence, cost, risk",
        ),
        (
            [{**GOOD, "weights": "deterrence>stability>risk"}],
            "profile 'hawkish': weights: 'deterrence>stability>risk' leaves out cost; every criterion must be placed",
        ),
        (
            [{**GOOD, "weights": "deterrence>stability>deterrence>cost"}],
            "profile 'hawkish': weights: criterion 'deterrence' appears twice in "
            "'deterrence>stability>deterrence>cost'; name each criterion once",
        ),
        (
            [{**GOOD, "weights": {"deterrence": 0.8, "cost": 0.4}}],
            "profile 'hawkish': weights: deterrence=0.8, cost=0.4 sum to 1.2, above 1, leaving nothing for stability,"
            " risk; lower them, or give every criterion a value to have them normalised",
        ),
        (
            [{**GOOD, "weights": {"deterrence": -1}}],
            "profile 'hawkish': weights: weight of 'deterrence' is -1, weights must be >= 0",
        ),
        (
            [GOOD, {**GOOD, "name": "Hawkish"}],
            "profile 'Hawkish': duplicate profile name (also 'hawkish'); names must be unique",
        ),
        ([{**GOOD, "rationale": ""}], "profile 'hawkish': 'rationale' is missing; say in one line why these weights"),
        ([{**GOOD, "weighting": "equal"}], "profile 'hawkish': 'weighting' is 'equal'; use one of roc, rs, rr"),
        (
            [{**GOOD, "colour": "red"}],
            "profile 'hawkish': unknown key 'colour'; allowed keys: name, weights, rationale, source, weighting",
        ),
        (
            [{**GOOD, "weights": 3}],
            "profile 'hawkish': 'weights' must be numbers by criterion, e.g. {deterrence: 0.5}, or an ordering such as"
            " 'deterrence>stability=risk>cost'",
        ),
        ([{"weights": "a>b"}], "profiles[0]: 'name' is missing or not a text"),
        ({"name": "x"}, "'profiles' must be a list of {name, weights, rationale, source}"),
    ],
)
def test_bad_profiles_are_one_line_problems_naming_the_file(matrix_file, items, expected):
    path = matrix_file(profiles=items)
    assert validate([path]) == {str(path): [f"{path}: {expected}"]}
    with pytest.raises(MatrixError):
        load_matrix(path)


def test_good_profiles_load(matrix_file):
    path = matrix_file(profiles=[GOOD, {"name": "frugal", "weights": {"cost": 0.5}, "rationale": "r", "source": "s"}])
    matrix = load_matrix(path)
    assert [p.name for p in matrix.profiles] == ["hawkish", "frugal"]
    assert matrix.profiles[1].weights == {"cost": 0.5} and matrix.profiles[1].source == "s"


SHIPPED = {m.actor: m for m in load_matrices()}


@pytest.mark.parametrize("actor", sorted(SHIPPED))
def test_every_shipped_actor_has_cited_profiles(actor):
    """At least two postures per actor (three where the articles support them: see the README), each with a
    rationale and a source naming the article and its table or section."""
    matrix = SHIPPED[actor]
    assert len(matrix.profiles) >= (2 if actor in ("Russia", "North Korea") else 3)
    for profile in matrix.profiles:
        assert profile.rationale and source_tags(profile.source), profile.name
        assert any(place in profile.source for place in ("table '", "section '")), profile.name
    listed = profiles(actors=actor)
    assert len(listed.table) == len(matrix.profiles)


@pytest.mark.skipif(seeds_dir() is None, reason="the seed articles are not found; set DECIDE_SEEDS to their folder")
def test_profile_rationales_quote_the_articles_they_name():
    articles = read_articles(seeds_dir())
    missing = [
        (m.actor, p.name, q) for m in SHIPPED.values() for p in m.profiles for q in misquotes(p.rationale, [], articles)
    ]
    assert missing == []


def test_compare_profiles_has_consensus_and_correlations():
    result = decide.compare(actor="United States", profiles=True, methods="wsm")
    assert result.profile_names == ["deterrence-first", "allied-readiness", "dialogue"]
    assert list(result.table.columns) == [
        "strategy",
        "deterrence-first",
        "allied-readiness",
        "dialogue",
        "borda_points",
        "borda",
        "copeland_score",
        "copeland",
        "dominated",
    ]
    assert result.kendall.loc["dialogue", "dialogue"] == pytest.approx(1.0)
    data = result.to_dict()
    assert set(data["profiles"]) == set(result.profile_names) and data["method"] == "wsm"


def test_compare_profiles_by_name_and_bad_requests():
    result = compare_profiles(actor="china", profiles="quiet,Mediator")
    assert result.profile_names == ["quiet", "mediator"]
    with pytest.raises(SpecError, match="name at least two different profiles"):
        compare_profiles(actor="china", profiles="quiet,quiet")
    with pytest.raises(SpecError, match="name one method when comparing profiles"):
        decide.compare(actor="china", profiles=True, methods="wsm,topsis")


COMMENTED = """\
# Testland, by hand: keep this comment
actor: Testland
criteria:
  - {name: stability, objective: max, weight: 0.3}   # why 0.3
  - {name: deterrence, objective: max, weight: 0.25}
  - {name: cost, objective: min, weight: 0.2}
  - {name: risk, objective: min, weight: 0.25}
strategies:
  - name: Talks
    scores: {stability: 8, deterrence: 3, cost: 2, risk: 3}
  - name: Drills
    scores: {stability: 5, deterrence: 9, cost: 7, risk: 6}
"""


def test_saving_keeps_comments_order_and_mode(tmp_path):
    path = tmp_path / "testland.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    os.chmod(path, 0o640)
    result = weights.ahp(
        [
            ["deterrence", "stability", 2],
            ["deterrence", "cost", 4],
            ["deterrence", "risk", 2],
            ["stability", "cost", 2],
            ["stability", "risk", 1],
            ["risk", "cost", 2],
        ]
    )
    save_profile(path, "elicited", result, rationale="From a workshop.")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(COMMENTED)  # everything before is byte for byte the same
    assert "  - name: elicited\n" in text and "rationale: From a workshop." in text
    assert "source: elicited with decide weights ahp (CR=" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    saved = load_matrix(path).profile("elicited")
    assert saved.weights == pytest.approx(result.as_mapping())
    assert [p.name for p in tmp_path.iterdir()] == ["testland.yaml"]  # no temporary file left


def test_saving_an_ordering_keeps_the_ordering_and_its_rule(tmp_path):
    path = tmp_path / "testland.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    save_profile(path, "ranked", weights.rr("deterrence>stability=risk>cost"), rationale="r")
    profile = load_matrix(path).profile("ranked")
    assert profile.weights == "deterrence>stability=risk>cost" and profile.weighting == "rr"


def test_saving_refuses_bad_profiles_and_leaves_the_file_untouched(tmp_path):
    path = tmp_path / "testland.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    save_profile(path, "one", {"deterrence": 0.5}, rationale="r")
    before = path.read_text(encoding="utf-8")
    with pytest.raises(SpecError, match="profile 'one' exists already"):
        save_profile(path, "ONE", {"deterrence": 0.4}, rationale="r")
    with pytest.raises(SpecError, match="the swing weights leave out stability, risk"):
        save_profile(path, "two", weights.swing("deterrence=100,cost=50"), rationale="r")
    with pytest.raises(MatrixError, match=r"sum to 1\.5, above 1"):
        save_profile(path, "three", {"deterrence": 0.9, "cost": 0.6}, rationale="r")
    with pytest.raises(SpecError, match="rationale is empty"):
        save_profile(path, "four", {"deterrence": 0.5}, rationale=" ")
    assert path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["testland.yaml"]
    save_profile(path, "One", {"deterrence": 0.4}, rationale="replaced", replace=True)
    assert load_matrix(path).profile("one").weights == {"deterrence": 0.4}


@pytest.mark.parametrize("actor", sorted(SHIPPED))
def test_saving_into_a_shipped_file_only_appends(actor, tmp_path):
    """ruamel.yaml round-trips the shipped files byte for byte (comments, quotes, flow mappings, long lines)."""
    original = SHIPPED[actor].path
    assert original is not None
    copy = tmp_path / original.name
    copy.write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    save_profile(copy, "elicited", weights.swing("deterrence=100,stability=70,risk=40,cost=20"), rationale="r")
    before, after = original.read_text(encoding="utf-8"), copy.read_text(encoding="utf-8")
    assert after.startswith(before) and after[len(before) :].startswith("  - name: elicited\n")
