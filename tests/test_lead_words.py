"""One rule for how firmly a leader leads ("clear", "narrow", "a near tie"), used alike by the
report, ``explain`` and ``tune`` (issue 21): the same words for the same data."""

from __future__ import annotations

import pytest

from decide.analysis.explain import explain
from decide.analysis.lead import LEAD_SAMPLES, SLOW_LEAD_SAMPLES, first_rank_shares, lead_from, lead_of
from decide.analysis.report import REPORT_SAMPLES, REPORT_SEED, report
from decide.analysis.selection import Selection
from decide.interactive.notebook import ranking_html
from decide.interactive.session import session
from decide.interactive.terminal import ranking_text
from decide.methods import get_method
from decide.rendering.words import strength

US = "United States"


@pytest.fixture(scope="module")
def briefing():
    return report(methods="wsm,topsis")


def test_the_words_use_the_reports_draws():
    assert (LEAD_SAMPLES, 0) == (REPORT_SAMPLES, REPORT_SEED)


@pytest.mark.slow
def test_first_rank_shares_are_the_reports_smaa_shares(briefing):
    for b in briefing.results:
        shares = first_rank_shares(b.matrix, briefing.method)
        assert shares == b.first_rank_acceptability.to_dict()


@pytest.mark.slow
def test_the_us_leader_is_a_near_tie_in_explain_as_in_the_report(briefing):
    summary = briefing.summary.set_index("actor")
    assert summary.loc[US, "lead"] == "a near tie"
    explained = explain(actors=US)
    lead = explained.results[0].lead
    assert lead.leader == summary.loc[US, "first"] and lead.word == "a near tie"
    why = next(s for s in explained.sections() if s.title.endswith("why"))
    assert "near tie" in why.note and lead.leader in why.note and f"{LEAD_SAMPLES} random weightings" in why.note
    assert explained.to_dict()["actors"][0]["lead"]["strength"] == "a near tie"


@pytest.mark.slow
def test_every_actor_gets_the_same_word_in_explain_tune_and_the_report(briefing):
    summary = briefing.summary.set_index("actor")
    for b in briefing.results:
        word = summary.loc[b.actor, "lead"]
        assert explain(b.matrix).results[0].lead.word == word, b.actor
        view = session(b.matrix).view()
        assert view.leader == summary.loc[b.actor, "first"]
        assert view.lead is not None and view.lead.word == word, b.actor


def test_explain_calls_the_us_leader_a_near_tie():
    lead = explain(actors=US).results[0].lead
    assert lead.word == "a near tie" and lead.samples == LEAD_SAMPLES


def test_tune_shows_the_us_leader_as_a_near_tie_in_the_terminal_and_the_notebook():
    tuned = session(actors=US)
    view = tuned.view()
    assert view.lead.word == "a near tie"
    assert "lead: a near tie" in ranking_text(view, 60, 30).plain
    assert "lead: a near tie" in ranking_html(view)


def test_tune_reads_the_margin_again_after_each_move_but_draws_once_per_method():
    tuned = session(actors=US, method="wsm")
    before = tuned.view().lead
    drawn = dict(tuned._shares)
    tuned.nudge(0.3)
    after = tuned.view().lead
    assert tuned._shares == drawn  # no new draws: the shares do not depend on the weights
    assert after.margin != before.margin
    ranked = [r.strategy for r in tuned.view().rows]
    scores = [r.score for r in tuned.view().rows]
    expected = lead_from(ranked, scores, drawn[tuned.method], LEAD_SAMPLES, 0)
    assert after == expected and after.word == strength(after.share, after.margin, after.contender_share)


def test_a_method_without_a_numpy_engine_draws_fewer_and_says_how_many():
    matrix = Selection.of(None, None, actors="China").matrices()[0]
    lead = lead_of(matrix, get_method("electre2"))
    assert lead.samples == SLOW_LEAD_SAMPLES and f"in {SLOW_LEAD_SAMPLES} draws" in lead.short()


def test_a_method_that_ignores_weights_has_no_words():
    matrix = Selection.of(None, None, actors="China").matrices()[0]
    assert lead_of(matrix, get_method("simus")) is None
