"""data/coverage.yaml accounts for every action or option the two articles name.

Each item is carried by strategies that exist in the shipped matrices, or marked context_only with a
reason; each item's quote is in the article its ``source`` names (checked when the articles are found:
``$DECIDE_SEEDS`` or ``../shared/seeds`` beside the checkout).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from decide import load_matrices

from .quotes import ARTICLES, read_articles, seeds_dir, squeeze

COVERAGE = Path(__file__).resolve().parents[1] / "data" / "coverage.yaml"
ITEMS = yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))["items"]
STRATEGIES = {f"{m.actor}: {s.name}" for m in load_matrices() for s in m.strategies}


def coverage_problems(items: list[dict], strategies: set[str]) -> list[str]:
    """One line per item that has neither carriers nor a context_only reason, or names a missing strategy.

    >>> coverage_problems([{"row": "x", "carried_by": ["A: b"]}, {"row": "y"}], {"A: b"})
    ["item 'y': give carried_by: [Actor: strategy] or context_only: <reason>"]
    """
    problems = []
    for item in items:
        carriers, reason = item.get("carried_by") or [], item.get("context_only", "")
        if bool(carriers) == bool(reason and reason.strip()):
            problems.append(f"item '{item.get('row')}': give carried_by: [Actor: strategy] or context_only: <reason>")
        problems += [f"item '{item.get('row')}': no strategy '{name}'" for name in carriers if name not in strategies]
    return problems


def test_every_item_is_carried_or_context_only_and_every_carrier_exists():
    assert coverage_problems(ITEMS, STRATEGIES) == []


def test_the_check_fails_on_a_missing_strategy_and_an_unaccounted_item():
    items = [{"row": "a", "carried_by": ["China: No Such Strategy"]}, {"row": "b"}, {"row": "c", "context_only": " "}]
    assert coverage_problems(items, STRATEGIES) == [
        "item 'a': no strategy 'China: No Such Strategy'",
        "item 'b': give carried_by: [Actor: strategy] or context_only: <reason>",
        "item 'c': give carried_by: [Actor: strategy] or context_only: <reason>",
    ]


def test_items_name_an_article_and_a_place():
    for item in ITEMS:
        assert item["source"] in ARTICLES.values(), item
        assert item["where"].strip() and str(item["row"]).strip() and item["quote"].strip(), item


def test_the_items_the_review_found_missing_are_carried():
    rows = {(item["source"][:3], str(item["row"])): item for item in ITEMS}
    for key in [("000", "United States"), ("000", "Economic Sanctions on Russia"), ("000", "US Engagement in asia"),
                ("001", "pivotal regional players"), ("001", "China’s silence")]:
        assert rows[key].get("carried_by"), key


@pytest.mark.skipif(seeds_dir() is None, reason="the seed articles are not found; set DECIDE_SEEDS to their folder")
def test_each_quote_is_in_the_article_it_names():
    articles = read_articles(seeds_dir())
    by_file = {name: articles[tag] for tag, name in ARTICLES.items()}
    missing = [(i["source"], i["quote"]) for i in ITEMS if squeeze(i["quote"]) not in by_file[i["source"]]]
    assert missing == []


def test_the_manual_gives_the_current_coverage_counts():
    page = Path(__file__).resolve().parents[1] / "docs" / "explanation" / "shipped-matrices.md"
    text = page.read_text(encoding="utf-8")
    for tag, name in ARTICLES.items():
        mine = [item for item in ITEMS if item["source"] == name]
        carried = sum(bool(item.get("carried_by")) for item in mine)
        assert f"| {tag} | {len(mine)} | {carried} | {len(mine) - carried} |" in text
    for matrix in load_matrices():
        levels = [level for s in matrix.strategies for level in s.certainty.values()]
        row = " | ".join(str(levels.count(level)) for level in ("stated", "implied", "judgement"))
        assert f"| {matrix.actor} | {len(levels)} | {row} |" in text
        stated = sum(s.basis == "stated" for s in matrix.strategies)
        assert f"| {matrix.actor} | {len(matrix.strategies)} | {stated} | {len(matrix.strategies) - stated} |" in text
