"""Tables that fit: 80 columns in the terminal, marks and footnotes, competition ranks,
LaTeX that fits a page (and compiles), Markdown safe for pandoc, whole HTML pages."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from decide import Criterion, Matrix, Strategy, compare, rank, render, smaa
from decide.core.layout import fit_table
from decide.core.ranks import competition_ranks

COMMANDS = [
    ("rank",),
    ("rank", "-m", "vikor"),
    ("compare", "-a", "dprk"),
    ("compare", "-a", "United States"),
    ("methods",),
    ("smaa", "-n", "200", "--seed", "1"),
    ("sensitivity", "-a", "china"),
    ("show", "-a", "south korea"),
    ("explain", "-a", "us"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_default_output_fits_80_columns(cli, args):
    result = cli(*args)
    assert result.exit_code == 0, result.output
    widest = max(result.stdout.splitlines(), key=len)
    assert len(widest) <= 80, widest


def test_columns_sets_the_width(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    assert max(len(line) for line in cli("rank", "-a", "south korea").stdout.splitlines()) <= 60
    monkeypatch.setenv("COLUMNS", "not a number")
    assert max(len(line) for line in cli("rank", "-a", "south korea").stdout.splitlines()) <= 80


def test_wide_shows_every_column_unwrapped(cli):
    narrow, wide = cli("methods").stdout, cli("methods", "--wide").stdout
    assert "parameters" not in narrow.splitlines()[2] and "parameters" in wide
    assert "normalization=minmax (linear | minmax | max | sum | vector)" in wide
    assert "central stability" in cli("smaa", "-a", "china", "-n", "100", "--wide").stdout
    assert "central stability" not in cli("smaa", "-a", "china", "-n", "100").stdout


def test_long_names_wrap_within_their_column():
    text = fit_table(["rank", "strategy"], [["1", "Heighten Military Readiness and Joint Exercises"]], ["r", "l"], 30)
    lines = text.splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert [line[6:].strip() for line in lines[2:]] == ["Heighten Military", "Readiness and Joint", "Exercises"]


DOMINATED = Matrix(
    actor="Marks",
    criteria=(Criterion("gain", "max", 1.0), Criterion("cost", "min", 1.0)),
    strategies=(
        Strategy("Best", {"gain": 9, "cost": 1}),
        Strategy("Twin", {"gain": 9, "cost": 1}),
        Strategy("Worse", {"gain": 5, "cost": 5}),
    ),
)


def test_dominated_strategies_are_marked_with_a_footnote_not_a_column():
    text = render(rank(DOMINATED, method="wsm"), "table")
    assert "dominated" not in text.split("\n\n")[1].splitlines()[0]  # no column
    worse = next(line for line in text.splitlines() if "Worse" in line)
    assert worse.split()[:3] == ["3", "Worse", "*"]
    assert "* Pareto-dominated" in text and "Worse by Best, Twin" in text


def test_ties_use_competition_ranking_and_say_so():
    ranking = rank(DOMINATED, method="wsm")
    assert ranking.results[0].table["rank"].tolist() == [1, 1, 3]  # not 1, 1, 2
    assert "competition ranking: 1, 1, 3" in " ".join(render(ranking).split())
    assert competition_ranks([2, 1, 2, 3]).tolist() == [2, 1, 2, 4]


def test_vikor_compromise_set_is_named_separately():
    text = " ".join(render(rank(actors="North Korea", method="vikor")).split())
    assert "Rank 1 is VIKOR's compromise set (Opricovic & Tzeng 2004):" in text


@pytest.mark.slow
def test_compare_defaults_to_six_methods_and_all_runs_every_one(cli):
    assert len(compare(actor="China").methods) == 6
    assert len(compare(actor="China", methods="all").methods) >= 20
    short = cli("compare", "-a", "dprk").stdout
    assert "prom2" in short and "prom2 = promethee2" in " ".join(short.split())
    both = cli("compare", "-a", "dprk", "--all", "--methods", "wsm")
    assert "Error: give --methods or --all, not both" in both.output


def test_markdown_escapes_pandoc_specials():
    matrix = Matrix(
        "Money",
        (Criterion("gain", "max", 1.0),),
        (
            Strategy("Pay $5 ~ now^2 @ref #1 *bold*", {"gain": 2}),
            Strategy("Other", {"gain": 1}),
        ),
    )
    text = render(rank(matrix, method="wsm"), "markdown")
    assert r"Pay \$5 \~ now\^2 \@ref \#1 \*bold\*" in text


def test_latex_uses_tabularx_when_text_is_wide_longtable_when_long_and_labels():
    wide = render(rank(actors="South Korea"), "latex")
    assert r"\begin{tabularx}{\linewidth}" in wide and r"\label{tab:south-korea}" in wide
    many = Matrix(
        "Long",
        (Criterion("gain", "max", 1.0), Criterion("cost", "min", 1.0)),
        tuple(Strategy(f"Strategy number {i}", {"gain": i % 7 + 1, "cost": i % 5 + 1}) for i in range(40)),
    )
    long = render(rank(many, method="wsm"), "latex")
    assert r"\begin{longtable}" in long and r"\endhead" in long
    numbers = render(compare(actor="China", methods="all"), "latex")
    assert r"\resizebox{\linewidth}{!}" in numbers


def _latex_document(body: str) -> str:
    return (
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{booktabs,array,tabularx,longtable,graphicx}\n"
        f"\\begin{{document}}\n{body}\n\\end{{document}}\n"
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is not installed")
def test_every_latex_export_compiles_without_overfull_boxes(tmp_path):
    results = {
        "rank": rank(),
        "compare": compare(actor="dprk"),
        "all": compare(actor="China", methods="all"),
        "smaa": smaa(actors="us", samples=200, seed=1),
        "long": rank(
            Matrix(
                "Long",
                DOMINATED.criteria,
                tuple(Strategy(f"S{i} & co_{i} 50% $", {"gain": i % 7 + 1, "cost": i % 5 + 1}) for i in range(45)),
            ),
            method="wsm",
        ),
    }
    from decide import catalogue, explain, make_top, overview, sensitivity, show

    results["sensitivity"] = sensitivity(actor="china", method="wsm")
    results["explain"] = explain(actors=["china", "dprk"])
    results["show"] = show(actor="south korea")
    results["list"] = overview()
    results["methods"] = catalogue()
    first = rank(actors="china", method="wsm").results[0].table["strategy"].iloc[-1]
    results["make_top"] = make_top(actor="china", strategy=first, method="wsm")
    for name, result in results.items():
        source = tmp_path / f"{name}.tex"
        source.write_text(_latex_document(render(result, "latex")), encoding="utf-8")
        run = subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", source.name],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, f"{name}: {run.stdout[-2000:]}"
        log = (tmp_path / f"{name}.log").read_text(encoding="latin-1")
        overfull = [line for line in log.splitlines() if line.startswith("Overfull \\hbox")]
        big = [line for line in overfull if float(line.split("(")[1].split("pt")[0]) > 2.0]
        assert not big, f"{name}: {len(big)} overfull lines, e.g. {big[:3]}"


def test_html_output_file_is_a_whole_page_and_fragment_is_the_table(cli, tmp_path):
    page = tmp_path / "page.html"
    assert cli("rank", "-a", "china", "-o", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text and "<style>" in text
    bare = tmp_path / "bare.html"
    assert cli("rank", "-a", "china", "-o", str(bare), "--fragment").exit_code == 0
    assert bare.read_text(encoding="utf-8").startswith('<table class="decide">')
    assert render(rank(actors="china"), "html").startswith('<table class="decide">')


def _pieces(word: str) -> set[str]:
    """A word and every run of its pieces broken after - > = , ; / (where a long word may wrap)."""
    import re

    from decide.core.layout import BREAKS

    parts = re.findall(BREAKS, word)
    return {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}


def _split_words(narrow: str, unlimited: str) -> list[str]:
    """Words of ``narrow`` that are no word (or piece of one) of the same output without a width limit."""
    whole = set().union(*(_pieces(word) for word in unlimited.split()))
    return [word for word in narrow.split() if word not in whole and set(word) - set("-")]


@pytest.mark.parametrize("width", [80, 120])
def test_compare_all_fits_and_never_splits_a_word(width):
    """Issue 22: 'compare -a US --all' was 174 columns wide and printed 'Intell/igence'."""
    result = compare(actor="United States", methods="all")
    text = render(result, "table", width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert _split_words(text, render(result, "table", width=100_000)) == []
    names = result.table["strategy"].tolist()
    tables = text.split("\n\n")
    rank_parts = [t for t in tables if t.startswith("strategy")]
    assert len(rank_parts) > 1  # the methods come in groups, each table repeating the strategies
    for part in rank_parts:
        body = " ".join(part.split())
        assert all(" ".join(name.split()) in body or name.split()[0] in body for name in names)


@pytest.mark.parametrize("command", ["profiles", "scenarios"])
def test_profiles_and_scenarios_wrap_at_words_and_list_sources_on_request(cli, monkeypatch, command):
    """Issue 22: both split words mid-word and ran to 258 and 341 lines at 80 columns, mostly citations."""
    from decide.analysis.profiles import profiles
    from decide.analysis.scenarios import scenarios

    make = {"profiles": profiles, "scenarios": scenarios}[command]
    for sources in (False, True):
        result = make(sources=sources)
        text = render(result, "table", width=80)
        assert max(len(line) for line in text.splitlines()) <= 80
        assert _split_words(text, render(result, "table", width=100_000)) == []
        assert ("000_791be41c42e32bb7.txt" in text) == sources
        assert ("add --sources" in text) != sources
    brief = cli(command).stdout
    assert "add --sources" in brief and "000_791be41c42e32bb7.txt" not in brief
    assert "000_791be41c42e32bb7.txt" in cli(command, "--sources").stdout
    assert len(brief.splitlines()) < {"profiles": 200, "scenarios": 150}[command]


def test_a_long_word_breaks_after_its_separators_before_mid_word():
    text = fit_table(["profile", "weights"], [["mediator", "stability=risk>deterrence=cost (roc)"]], ["l", "l"], 28)
    cells = [line[10:].strip() for line in text.splitlines()[2:]]
    assert cells == ["stability=risk>", "deterrence=cost", "(roc)"]
