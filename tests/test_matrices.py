"""The shipped matrices: valid, with provenance for every strategy and a rationale for every score."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from decide import load_matrices, rank, shipped_matrices_dir, validate

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
ARTICLES = ("000_791be41c42e32bb7.txt", "001_74c0654f5095ab61.txt")
ACTORS = {"United States", "China", "Russia", "North Korea", "South Korea"}
MATRICES = {m.actor: m for m in load_matrices()}


def test_one_file_per_actor_all_valid():
    assert set(MATRICES) == ACTORS
    report = validate(shipped_matrices_dir())
    assert all(problems == [] for problems in report.values()), report


@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_matrix_shape(actor):
    matrix = MATRICES[actor]
    assert len(matrix.strategies) >= 5
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
def test_every_actor_ranks(actor):
    result = rank(MATRICES[actor], method="topsis")
    assert len(result.results[0].table) == len(MATRICES[actor].strategies)


def _clean(text: str) -> str:
    """The articles carry mojibake for invisible characters; some stand for a space."""
    text = re.sub(r"[⢠⣠⤠]\s?", " ", text)
    text = re.sub(r"â[˘¤Ł]", "", text)
    return re.sub(r"\s+", " ", text).lower()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
def test_quoted_phrases_come_from_the_articles():
    corpus = " ".join(_clean((SEEDS / name).read_text(encoding="utf-8")) for name in ARTICLES)
    corpus_squeezed = corpus.replace(" ", "")
    missing = []
    for matrix in MATRICES.values():
        for strategy in matrix.strategies:
            for text in strategy.rationale.values():
                for quote in re.findall(r"(?<![A-Za-z])'([^']{12,}?)'(?![A-Za-z])", text):
                    if _clean(quote).replace(" ", "") not in corpus_squeezed:
                        missing.append((matrix.actor, strategy.name, quote))
    assert missing == []
