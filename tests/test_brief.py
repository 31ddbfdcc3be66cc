"""The brief: one page of summary, one page per actor, plain words from one rule, honest
agreement, what would change the answer, what it rests on; Markdown images in a folder."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd
import pytest

from decide import Criterion, Matrix, Strategy, rank
from decide.analysis.brief import agreement, brief_facts, certainty_counts, judgement_weight
from decide.analysis.make_top import make_top
from decide.analysis.report import report, write_report
from decide.rendering.words import CLEAR_MARGIN, CLEAR_SHARE, TIE_MARGIN, TIE_SHARE, method_note, percent, strength

SMALL = Matrix(
    actor="Testland",
    criteria=(
        Criterion("stability", "max", 0.3),
        Criterion("deterrence", "max", 0.25),
        Criterion("cost", "min", 0.2),
        Criterion("risk", "min", 0.25),
    ),
    strategies=(
        Strategy("Pay $5 now or $10 later", {"stability": 8, "deterrence": 3, "cost": 2, "risk": 3}),
        Strategy("Exercises", {"stability": 5, "deterrence": 9, "cost": 7, "risk": 6}),
        Strategy("Sanctions", {"stability": 4, "deterrence": 6, "cost": 4, "risk": 5}),
        Strategy("Aid", {"stability": 7, "deterrence": 2, "cost": 3, "risk": 2}),
    ),
    scale=(1.0, 10.0),
)


@pytest.fixture(scope="module")
def shipped():
    return report(samples=1000, seed=0)


@pytest.fixture(scope="module")
def facts(shipped):
    return {f.actor: f for f in brief_facts(shipped).actors}


@pytest.fixture(scope="module")
def brief_html(shipped):
    return shipped.to_html()


@pytest.fixture(scope="module")
def full_html(shipped):
    return shipped.to_html(full=True)


def visible_text(page: str) -> str:
    """The page's words: no style, no script, no tags."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<svg\b.*?</svg>", " ", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


# -- words for numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "margin", "contender", "word"),
    [
        (TIE_SHARE - 0.01, 0.5, 0.0, "a near tie"),
        (0.9, TIE_MARGIN - 0.001, 0.0, "a near tie"),
        (0.4, 0.5, 0.41, "a near tie"),
        (TIE_SHARE, TIE_MARGIN, 0.0, "narrow"),
        (CLEAR_SHARE - 0.01, 0.5, 0.0, "narrow"),
        (0.9, CLEAR_MARGIN - 0.001, 0.0, "narrow"),
        (CLEAR_SHARE, CLEAR_MARGIN, 0.0, "clear"),
    ],
)
def test_one_rule_turns_share_and_margin_into_words(share, margin, contender, word):
    assert strength(share, margin, contender) == word


def test_the_method_note_states_every_threshold():
    note = method_note()
    for value in (TIE_SHARE, TIE_MARGIN, CLEAR_SHARE, CLEAR_MARGIN):
        assert percent(value) in note


def test_the_us_leader_is_called_a_near_tie_everywhere(shipped, facts, brief_html):
    us = facts["United States"]
    assert us.strength == "a near tie"
    assert shipped.summary.set_index("actor").loc["United States", "lead"] == "a near tie"
    answer = re.search(r"<strong>United States:</strong>([^<]*)</li>", brief_html).group(1)
    assert "near tie" in answer and us.leader in answer


def test_words_follow_the_numbers_for_every_actor(shipped, facts):
    for b in shipped.results:
        f = facts[b.actor]
        table = b.ranking.table
        scores = table["score"].astype(float)
        margin = abs(scores.iloc[0] - scores.iloc[1]) / abs(scores.iloc[0] - scores.iloc[-1])
        shares = b.smaa.results[0].first_rank_acceptability
        assert f.share == pytest.approx(shares[f.leader]) and f.margin == pytest.approx(margin)
        assert f.strength == strength(shares[f.leader], margin, shares.drop(f.leader).max())
        assert (
            f.strength in f.answer
            or ("narrowly" in f.answer and f.strength == "narrow")
            or ("clearly" in f.answer and f.strength == "clear")
        )


# -- honest agreement ---------------------------------------------------------------------------


def test_a_method_agrees_only_when_it_ranks_the_leader_first_alone():
    ranks = pd.DataFrame(
        {"alone": [1, 2, 3, 4, 5], "shared": [1, 1, 3, 4, 5], "other": [2, 1, 3, 4, 5], "blind": [1, 1, 1, 4, 1]},
        index=list("ABCDE"),
    )

    class Fake:
        pass

    fake = Fake()
    fake.ranks = ranks
    found = agreement(fake, "A")
    assert found.agreeing == ("alone",) and found.count == "1 of 4"
    assert found.shared == (("shared", 2),) and found.other == (("other", "B"),)
    assert found.blind == (("blind", 4, 5),)
    assert "does not discriminate†" in found.sentence() and "4 of 5 strategies first" in found.footnote()


def test_a_method_counts_as_agreeing_only_when_it_ranks_the_leader_first_alone(facts, shipped):
    """ELECTRE II ranks several US strategies first together: it does not count as agreeing, and
    where it ranks most strategies first it is listed as not discriminating."""
    for b in shipped.results:
        f = facts[b.actor]
        ranks = b.comparison.ranks
        alone = [m for m in ranks.columns if list(ranks.index[ranks[m] == 1]) == [f.leader]]
        assert list(f.agreement.agreeing) == alone
        blind = [m for m, _, _ in f.agreement.blind]
        assert blind == [m for m in ranks.columns if (ranks[m] == 1).sum() > len(ranks) / 2]
    us = facts["United States"]
    assert (shipped["United States"].comparison.ranks["electre2"] == 1).sum() > 1
    assert "electre2" not in us.agreement.agreeing


# -- what would change the answer, what it rests on ----------------------------------------------


def test_the_weight_change_is_make_tops_for_the_runner_up(facts, shipped):
    for b in shipped.results:
        f = facts[b.actor]
        found = make_top(b.matrix, strategy=f.runner_up, method=shipped.method)
        if found.feasible and not found.already_first:
            assert f"{found.distance:.2f}"[:3] in f.weight_change and f.runner_up in f.weight_change
        elif not found.feasible:
            assert f.weight_change.startswith("No weighting")


def test_the_scenarios_that_flip_the_leader_are_those_where_rank_says_so(facts, shipped):
    from decide.io.scenarios import load_scenarios

    for b in shipped.results:
        f = facts[b.actor]
        expected = []
        for scenario in load_scenarios(b.matrix):
            ranked = rank(b.matrix, scenario=scenario).results[0].table
            firsts = list(ranked.loc[ranked["rank"] == 1, "strategy"])
            if firsts != [f.leader]:
                expected.append(scenario.name)
        assert [name for name, _ in f.flips] == expected
        assert f.scenarios == len(load_scenarios(b.matrix))


def test_the_change_sentences_read_as_english(facts):
    """'1 of its 4 scenarios change the leader' and '(3% of the weight shifts)' read wrongly."""
    from decide.rendering.brief_html import _scenario_sentence

    f = facts["United States"]
    assert _scenario_sentence(replace(f, flips=(("a", "X"),), scenarios=4)).startswith(
        "1 of its 4 scenarios changes the leader: under 'a' X is first"
    )
    assert _scenario_sentence(replace(f, flips=(("a", "X"), ("b", "Y")), scenarios=4)).startswith(
        "2 of its 4 scenarios change the leader"
    )
    moved = [g.weight_change for g in facts.values() if "in total" in g.weight_change]
    assert moved and all("% of the weight moves to other criteria" in text and ") (" not in text for text in moved)


def test_a_file_without_certainty_gets_no_zero_percent_sentence():
    """A vendor matrix read 'Of its 16 scores, 0% are stated in the text, 0% implied by it and
    0% judgement (100% say nothing). Judgement carries 0% ...': say instead that it has none."""
    from decide.rendering.brief_html import _certainty_sentence

    (f,) = brief_facts(report(SMALL, samples=100, seed=1)).actors
    assert _certainty_sentence(f) == (
        "None of its 16 scores says whether a text states it, implies it or leaves it to "
        "judgement (the file gives no certainty)."
    )


def test_judgement_shares_count_the_file(facts, shipped):
    for b in shipped.results:
        f = facts[b.actor]
        counts = certainty_counts(b.matrix)
        assert sum(counts.values()) == len(b.matrix.strategies) * len(b.matrix.criteria)
        leader = next(s for s in b.matrix.strategies if s.name == f.leader)
        assert f.leader_judgement == pytest.approx(
            sum(w for c, w in b.matrix.weights.items() if leader.certainty.get(c) == "judgement" or c in leader.ranges)
        )
        assert 0 <= judgement_weight(b.matrix, f.leader) <= 1


# -- the pages ----------------------------------------------------------------------------------


def test_the_brief_is_a_summary_then_one_page_per_actor(shipped, brief_html):
    sections = re.findall(r'<section id="([^"]+)" class="([^"]+)"', brief_html)
    assert [c for _, c in sections] == ["page summary"] + ["page actor"] * len(shipped)
    assert brief_html.count("<svg") == len(shipped)
    assert "Annex" not in brief_html
    assert "What would change the answer" in brief_html and "What it rests on" in brief_html


@pytest.mark.slow
def test_full_appends_the_annex(shipped, full_html):
    page = full_html
    assert page.index("page actor") < page.index("page annex")
    assert page.count('class="page annex"') == 2 * len(shipped)  # each actor's annex, then each full grid


@pytest.mark.slow
def test_header_names_files_and_no_report_carries_command_line_hints(shipped, brief_html, full_html):
    text = visible_text(brief_html)
    assert "china.yaml (shipped)" in text and "united-states.yaml (shipped)" in text
    assert "site-packages" not in brief_html and "/matrices/" not in brief_html
    for page in (text, visible_text(full_html)):
        assert not re.search(r"(^|\s)--[a-z]", page), re.search(r".{40}(^|\s)--[a-z].{40}", page)
        assert not re.search(r"\bdecide (rank|report|smaa|compare|robust|tune|explain) ", page)


def test_headings_are_kept_with_what_follows():
    from decide.rendering.brief_html import BRIEF_STYLE

    assert re.search(r"h1, h2, h3, h4 \{[^}]*break-after: avoid", BRIEF_STYLE)


def test_markdown_brief_writes_its_images_into_a_folder_beside_it(tmp_path):
    target = write_report(report(SMALL, samples=100, seed=1), tmp_path / "brief.md")
    text = target.read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert images and all(i.startswith("brief_files/") and (tmp_path / i).is_file() for i in images)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md", "brief_files"]


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # the test machine has no CJK font
def test_chart_files_are_unique_per_actor_even_when_names_share_no_ascii(tmp_path):
    japan, china = replace(SMALL, actor="日本"), replace(SMALL, actor="中国")
    both = report([japan, china], samples=100, seed=1)
    target = write_report(both, tmp_path / "brief.md", full=True)
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", target.read_text(encoding="utf-8"))
    from decide.analysis.charts import grid_parts

    grids = sum(len(grid_parts(b.robust)) for b in both.results)  # the full grid: a chart per method
    assert len(images) == len(set(images)) == 2 * 6 + grids
    assert len(list((tmp_path / "brief_files").iterdir())) == len(images)


def test_user_text_is_drawn_literally(tmp_path):
    page = report(SMALL, samples=100, seed=1).to_html()
    assert "Pay $5 now or $10 later" in page  # in the chart's SVG text as written, not as mathtext
    weird = replace(SMALL, strategies=(replace(SMALL.strategies[0], name=r"$\frac{1}$"), *SMALL.strategies[1:]))
    assert r"$\frac{1}$" in report(weird, samples=50, seed=1).to_html(full=True)


def test_interactive_needs_an_html_output(cli, tmp_path):
    result = cli("report", "-a", "china", "-n", "50", "-o", str(tmp_path / "brief.pdf"), "--interactive")
    assert result.exit_code == 1 and "interactive brief is an HTML page" in result.output
    assert len(result.output.strip().splitlines()) == 1 and list(tmp_path.iterdir()) == []


def test_the_question_says_equal_weights_when_no_file_gives_any():
    """Review finding: the question read 'weighted as its file says' for a file with no weights."""
    from decide.analysis.brief import question

    frame = pd.DataFrame({"price": [3, 5, 4], "quality": [7, 6, 9]}, index=["A", "B", "C"])
    unweighted = Matrix.from_frame(frame, objectives={"price": "min"}, actor="Vendors")
    weighted = Matrix.from_frame(frame, objectives={"price": "min"}, weights={"price": 2, "quality": 1}, actor="V2")
    assert "weighted equally (the file gives none)" in question(report(unweighted, samples=100))
    assert "weighted as its file says" in question(report(weighted, samples=100))
    both = question(report([unweighted, weighted], samples=100))
    assert "equally where a file gives none" in both
