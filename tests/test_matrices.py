"""The shipped matrices: valid, with provenance for every strategy and a rationale for every score."""

from __future__ import annotations

import re

import pytest

from decide import load_matrices, rank, validate
from decide.core.paths import shipped_matrices_dir

from .quotes import (
    APOSTROPHE,
    misquotes,
    quotes_in,
    read_articles,
    seeds_dir,
    shipped_texts,
    source_tags,
    stray_quote_marks,
)
from .quotes import ARTICLES as ARTICLE_FILES

ARTICLES = tuple(ARTICLE_FILES.values())
ACTORS = {"United States", "China", "Russia", "North Korea", "South Korea", "Japan"}
MATRICES = {m.actor: m for m in load_matrices()}


def test_one_file_per_actor_all_valid():
    assert set(MATRICES) == ACTORS
    report = validate(shipped_matrices_dir())
    assert all(problems == [] for problems in report.values()), report


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_matrix_shape(actor):
    matrix = MATRICES[actor]
    assert len(matrix.strategies) >= 2
    assert sum(s.name.startswith("Status Quo: ") for s in matrix.strategies) == 1
    assert matrix.criterion_names == ["stability", "deterrence", "cost", "risk"]
    assert matrix.objectives == ["max", "max", "min", "min"]
    assert matrix.scale == (1.0, 10.0)


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_every_strategy_has_a_source_and_every_score_a_rationale(actor):
    for strategy in MATRICES[actor].strategies:
        assert any(article in strategy.source for article in ARTICLES), strategy.name
        assert re.search(r"(table|section|list|paragraph|row)", strategy.source), strategy.name
        assert isinstance(strategy.rationale, dict), strategy.name
        assert set(strategy.rationale) == set(strategy.scores), strategy.name
        for criterion, text in strategy.rationale.items():
            assert len(text.split()) >= 6, (strategy.name, criterion)


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_every_strategy_has_a_basis_and_every_score_a_certainty(actor):
    matrix = MATRICES[actor]
    assert len(matrix.weights_rationale.split()) >= 8
    assert len({c.description for c in matrix.criteria}) == 4
    for strategy in matrix.strategies:
        assert strategy.basis in ("stated", "inferred"), strategy.name
        assert strategy.basis == "stated" or len(strategy.reasoning.split()) >= 6, strategy.name
        assert set(strategy.certainty) == set(strategy.scores), strategy.name
        for criterion, level in strategy.certainty.items():
            assert level != "judgement" or criterion in strategy.ranges, (strategy.name, criterion)


def test_criteria_are_the_same_for_every_actor_but_weights_are_their_own():
    assert len({tuple(zip(m.criterion_names, m.objectives, strict=True)) for m in MATRICES.values()}) == 1
    assert len({tuple(m.weights.values()) for m in MATRICES.values()}) >= 4


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_every_actor_ranks(actor):
    result = rank(MATRICES[actor], method="topsis")
    assert len(result.results[0].table) == len(MATRICES[actor].strategies)


@pytest.mark.skipif(seeds_dir() is None, reason="the seed articles are not found; set DECIDE_SEEDS to their folder")
def test_quoted_phrases_come_from_the_article_they_name():
    """Every quote in a rationale, reasoning or weights rationale is in the article it names (any length)."""
    articles = read_articles(seeds_dir())
    missing = []
    for matrix in MATRICES.values():
        missing += [(matrix.actor, "weights", p) for p in misquotes(matrix.weights_rationale, [], articles)]
        for strategy in matrix.strategies:
            tags = source_tags(strategy.source)
            for text in [*strategy.rationale.values(), strategy.reasoning]:
                missing += [(matrix.actor, strategy.name, p) for p in misquotes(text, tags, articles)]
    assert missing == []


def test_a_quote_is_checked_against_its_own_article_only():
    """A phrase from 001 tagged (000) fails; so does an untagged quote when the source names both articles."""
    if seeds_dir() is None:
        pytest.skip("the seed articles are not found; set DECIDE_SEEDS to their folder")
    articles = read_articles(seeds_dir())
    assert misquotes("'Amped-Up Military Presence' (001)", [], articles) == []
    assert misquotes("'Amped-Up Military Presence' (000)", [], articles) != []
    assert misquotes("'Amped-Up Military Presence'", ["000", "001"], articles) != []
    assert misquotes("'Amped' (001)", [], articles) == [] and misquotes("'Ampd' (001)", [], articles) != []


def test_every_quote_mark_in_the_shipped_texts_belongs_to_a_checked_quote():
    """Counted two ways: the straight quote marks that are not apostrophes, and twice the quotes the checks
    read. A quote the pattern could not read (as one with an apostrophe once could not) makes them differ."""
    texts = shipped_texts()
    assert [(where, stray_quote_marks(text)) for where, text, _ in texts if stray_quote_marks(text)] == []
    marks = sum(text.count("'") - len(re.findall(APOSTROPHE, text)) for _, text, _ in texts)
    quotes = [quote for _, text, _ in texts for quote in quotes_in(text)]
    assert marks == 2 * len(quotes) > 0
    assert any("'" in quote for quote in quotes)  # quotes with an apostrophe are among those checked


def test_quotes_with_an_apostrophe_and_spacing_are_checked_exactly():
    if seeds_dir() is None:
        pytest.skip("the seed articles are not found; set DECIDE_SEEDS to their folder")
    articles = read_articles(seeds_dir())
    assert misquotes("'could bolster North Korea's defense capabilities' (000)", [], articles) == []
    assert misquotes("'could bolster North Korea's offense capabilities' (000)", [], articles) != []
    assert misquotes("'Build trust and clarify intentions' (000)", [], articles) == []
    assert misquotes("'Buildtrust and clarify intentions' (000)", [], articles) != []
    assert stray_quote_marks("000's table gives 'Seeking economic support' and China's 'silence") == ["'silence"]


ANCHORS = {"stability": (2, 5, 8), "deterrence": (2, 5, 8)}


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_a_stated_score_off_the_guides_anchors_says_why(actor):
    """The README's scoring guide anchors stability and deterrence at 2, 5 and 8: a score the text states
    elsewhere than on an anchor names the anchor it is held from ("the guide's 8")."""
    unexplained = [
        (s.name, criterion, s.scores[criterion])
        for s in MATRICES[actor].strategies
        for criterion, anchors in ANCHORS.items()
        if s.certainty[criterion] == "stated"
        and s.scores[criterion] not in anchors
        and "the guide's" not in s.rationale[criterion]
    ]
    assert unexplained == []


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_no_phrase_scores_both_stability_and_risk(actor):
    """Escalation in the region is stability's; the option's own chance of failing is risk's."""
    twice = [
        (s.name, set(quotes_in(s.rationale["stability"])) & set(quotes_in(s.rationale["risk"])))
        for s in MATRICES[actor].strategies
    ]
    assert [(name, quotes) for name, quotes in twice if quotes] == []


def test_current_and_stricter_sanctions_are_judged_alike():
    """000 asks whether current sanctions backfire; it does not say so of current or of new ones."""
    sanctions = [
        (m.actor, s)
        for m in MATRICES.values()
        for s in m.strategies
        if "bond" in s.rationale["risk"] and "sanction" in s.rationale["risk"]
    ]
    names = {(actor, s.name) for actor, s in sanctions}
    assert ("United States", "Status Quo: Maintain Pressure on Both") in names
    assert ("United States", "Targeted Sanctions on the Russia-North Korea Nexus") in names
    assert {(s.certainty["risk"], s.scores["risk"], s.ranges["risk"]) for _, s in sanctions} == {
        ("judgement", 6.0, (4.0, 8.0))
    }
    assert all(" asks " in s.rationale["risk"] and "warns" not in s.rationale["risk"] for _, s in sanctions)
    assert not [s.name for m in MATRICES.values() for s in m.strategies if s.name.startswith("Join Sanctions")]


def test_the_readings_the_review_found_unsupported_are_marked_as_the_readers():
    """Russia's table cell 'Leverage military support' names no direction; North Korea's weights do not
    lead with security, which 000 never gives as Pyongyang's aim."""
    leverage = next(s for s in MATRICES["Russia"].strategies if s.name.startswith("Leverage Military Support"))
    assert leverage.basis == "inferred" and "reader" in leverage.reasoning
    weights = MATRICES["North Korea"].weights
    assert max(weights, key=weights.get) != "deterrence"
    texts = [text for m in MATRICES.values() for s in m.strategies for text in s.rationale.values()]
    assert not [text for text in texts if "regardless" in text]
