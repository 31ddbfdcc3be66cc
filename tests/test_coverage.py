"""data/coverage.yaml accounts for every action or option the two articles name.

Each item is carried by strategies that exist in the shipped matrices (as their own item, ``carried_by``, or
folded into a strategy first drawn from elsewhere, ``merged_into``), or marked context_only with a reason;
each item's quote is in the article its ``source`` names (checked when the articles are found:
``$DECIDE_SEEDS`` or ``../shared/seeds`` beside the checkout).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from decide import load_matrices

from .quotes import ARTICLES, read_articles, seeds_dir, squeeze

ROOT = Path(__file__).resolve().parents[1]
COVERAGE = ROOT / "data" / "coverage.yaml"
ITEMS = yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))["items"]
SOURCES = {f"{m.actor}: {s.name}": s.source for m in load_matrices() for s in m.strategies}
STRATEGIES = set(SOURCES)


def carriers(item: dict) -> list[str]:
    return [*(item.get("carried_by") or []), *(item.get("merged_into") or [])]


def coverage_problems(items: list[dict], strategies: set[str]) -> list[str]:
    """One line per item that has neither carriers nor a context_only reason, or names a missing strategy.

    >>> coverage_problems([{"row": "x", "carried_by": ["A: b"]}, {"row": "y"}], {"A: b"})
    ["item 'y': give carried_by or merged_into: [Actor: strategy], or context_only: <reason>"]
    """
    problems = []
    for item in items:
        reason = item.get("context_only", "")
        if bool(carriers(item)) == bool(reason and reason.strip()):
            problems.append(
                f"item '{item.get('row')}': give carried_by or merged_into: [Actor: strategy], "
                "or context_only: <reason>"
            )
        problems += [
            f"item '{item.get('row')}': no strategy '{name}'" for name in carriers(item) if name not in strategies
        ]
    return problems


def places(item: dict, source: str) -> list[int]:
    """The places of a strategy's ``source`` ('; also'-separated; 0 is the first, the strategy's own) that
    name ``item``: its article and its table or section (named in the place or, if it names none, an
    earlier one), and its row: the quoted label of a table row or list item, or words of a paragraph's label.

    >>> item = {"source": "000_791be41c42e32bb7.txt", "where": "table 'T'", "row": "Aid"}
    >>> places(item, "000_791be41c42e32bb7.txt; table 'T', row 'Aid'; also table 'U', row 'Aid'")
    [0]
    >>> elsewhere = "001_74c0654f5095ab61.txt; table 'T', row 'Aid'"
    >>> places(item, elsewhere + "; also 000_791be41c42e32bb7.txt; table 'T', row 'Aid'")
    [1]
    >>> places(item, "000_791be41c42e32bb7.txt; table 'T', row 'Aid to allies'")
    []
    """
    found, article, part = [], None, None
    within = item["where"].split(",")[0]
    row = str(item["row"]).lower() if "paragraph" in item["where"] else f"'{str(item['row']).lower()}'"
    for index, place in enumerate(source.split("; also ")):
        article = next((name for name in ARTICLES.values() if name in place), article)
        part = place if ("table '" in place or "section '" in place) else part
        if article == item["source"] and part and within in part and row in place.lower():
            found.append(index)
    return found


def test_every_item_is_carried_or_context_only_and_every_carrier_exists():
    assert coverage_problems(ITEMS, STRATEGIES) == []


def test_the_check_fails_on_a_missing_strategy_and_an_unaccounted_item():
    items = [{"row": "a", "merged_into": ["China: No Such Strategy"]}, {"row": "b"}, {"row": "c", "context_only": " "}]
    assert coverage_problems(items, STRATEGIES) == [
        "item 'a': no strategy 'China: No Such Strategy'",
        "item 'b': give carried_by or merged_into: [Actor: strategy], or context_only: <reason>",
        "item 'c': give carried_by or merged_into: [Actor: strategy], or context_only: <reason>",
    ]


def test_own_strategies_start_from_the_item_and_merged_ones_name_it_later():
    """``carried_by``: the strategy's first source place is this item; ``merged_into``: a later place is."""
    wrong = []
    for item in ITEMS:
        wrong += [
            (item["row"], name) for name in item.get("carried_by") or [] if places(item, SOURCES[name])[:1] != [0]
        ]
        wrong += [
            (item["row"], name)
            for name in item.get("merged_into") or []
            if not places(item, SOURCES[name]) or places(item, SOURCES[name])[0] == 0
        ]
    assert wrong == []


def test_every_strategy_naming_an_item_is_listed_as_its_carrier():
    """A strategy whose source names an item's place carries it: the strategies and the items agree."""
    unlisted = [
        (item["row"], name)
        for item in ITEMS
        for name, source in SOURCES.items()
        if places(item, source) and name not in carriers(item) and not item.get("context_only")
    ]
    assert unlisted == []


def test_items_name_an_article_and_a_place():
    for item in ITEMS:
        assert item["source"] in ARTICLES.values(), item
        assert item["where"].strip() and str(item["row"]).strip() and item["quote"].strip(), item


def test_the_items_the_reviews_found_missing_are_accounted_for():
    rows = {(item["source"][:3], str(item["row"])): item for item in ITEMS}
    for key in [
        ("000", "United States"),
        ("000", "Economic Sanctions on Russia"),
        ("000", "US Engagement in asia"),
        ("001", "pivotal regional players"),
        ("001", "refrain from publicly addressing"),
        ("000", "reinforcing its regional dominance"),
        ("000", "enhance its diplomatic leadership"),
        ("000", "strategic dialogue and cooperation"),
    ]:
        assert carriers(rows[key]), key
    for key in [
        ("001", "engage more actively with key allies"),
        ("001", "shape public discourse"),
        ("000", "keeping a close watch"),
    ]:
        assert rows[key].get("context_only") or carriers(rows[key]), key
    assert "China: Strategic Dialogue and Cooperation with Washington" in carriers(
        rows[("000", "strategic dialogue and cooperation")]
    )
    assert "Japan: Joint Military Exercises with the US and South Korea" in carriers(
        rows[("001", "Enhanced Military Coordination")]
    )
    assert "South Korea: Strengthen Bilateral Alliance with the US" in carriers(
        rows[("000", "Strengthening Bilateral Relations with South Korea and Japan")]
    )


@pytest.mark.skipif(seeds_dir() is None, reason="the seed articles are not found; set DECIDE_SEEDS to their folder")
def test_each_quote_is_in_the_article_it_names():
    articles = read_articles(seeds_dir())
    by_file = {name: articles[tag] for tag, name in ARTICLES.items()}
    missing = [(i["source"], i["quote"]) for i in ITEMS if squeeze(i["quote"]) not in by_file[i["source"]]]
    assert missing == []


def test_the_counts_page_is_current():
    """docs/data-counts.md is what ``python scripts/data_counts.py`` writes from the current data."""
    spec = importlib.util.spec_from_file_location("data_counts", ROOT / "scripts" / "data_counts.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (ROOT / "docs" / "data-counts.md").read_text(encoding="utf-8")
    assert page == module.counts_page(), "docs/data-counts.md is stale: run python scripts/data_counts.py"
    for tag, name in ARTICLES.items():
        mine = [item for item in ITEMS if item["source"] == name]
        own = sum(bool(item.get("carried_by")) for item in mine)
        merged = sum(bool(item.get("merged_into")) and not item.get("carried_by") for item in mine)
        assert f"| {tag} | {len(mine)} | {own} | {merged} | {len(mine) - own - merged} |" in page
    for matrix in load_matrices():
        levels = [level for s in matrix.strategies for level in s.certainty.values()]
        row = " | ".join(str(levels.count(level)) for level in ("stated", "implied", "judgement"))
        assert f"| {matrix.actor} | {len(levels)} | {row} |" in page
        stated = sum(s.basis == "stated" for s in matrix.strategies)
        assert f"| {matrix.actor} | {len(matrix.strategies)} | {stated} | {len(matrix.strategies) - stated} |" in page
