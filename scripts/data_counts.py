"""Write docs/data-counts.md from the data: coverage items, strategies by basis, scores by certainty.

Run from anywhere: ``python scripts/data_counts.py`` (reads matrices/ and data/coverage.yaml, writes
docs/data-counts.md and prints it). tests/test_coverage.py fails when the page is stale.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from decide import load_matrices

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "data-counts.md"
ARTICLES = {"000": "000_791be41c42e32bb7.txt", "001": "001_74c0654f5095ab61.txt"}


def counts_page() -> str:
    """The counts as a Markdown page."""
    items = yaml.safe_load((ROOT / "data" / "coverage.yaml").read_text(encoding="utf-8"))["items"]
    lines = [
        "# Data counts",
        "",
        "Written by `python scripts/data_counts.py` from `data/coverage.yaml` and `matrices/*.yaml`; do not edit",
        "by hand (`tests/test_coverage.py` fails when this page is stale).",
        "",
        "**Coverage.** Every table row, list item and paragraph phrase of the two articles that names an action",
        "or option: carried as a strategy's own item (`carried_by`), folded into a strategy first drawn from",
        "another place (`merged_into`, and not the own item of any strategy), or context only with a reason.",
        "",
        "| | items | own strategy | merged into | context only |",
        "|---|---|---|---|---|",
    ]
    for tag, name in ARTICLES.items():
        mine = [item for item in items if item["source"] == name]
        own = sum(bool(item.get("carried_by")) for item in mine)
        merged = sum(bool(item.get("merged_into")) and not item.get("carried_by") for item in mine)
        lines.append(f"| {tag} | {len(mine)} | {own} | {merged} | {len(mine) - own - merged} |")
    matrices = load_matrices(ROOT / "matrices")
    lines += [
        "",
        "**Strategies** by basis (`stated`: the articles give the actor this option; `inferred`: the reader's).",
        "",
        "| actor | strategies | stated | inferred |",
        "|---|---|---|---|",
    ]
    for matrix in matrices:
        basis = Counter(s.basis for s in matrix.strategies)
        lines.append(f"| {matrix.actor} | {len(matrix.strategies)} | {basis['stated']} | {basis['inferred']} |")
    lines += [
        "",
        "**Scores** by certainty (`judgement` scores carry a range).",
        "",
        "| actor | scores | stated | implied | judgement (with a range) |",
        "|---|---|---|---|---|",
    ]
    for matrix in matrices:
        levels = Counter(level for s in matrix.strategies for level in s.certainty.values())
        total = sum(len(s.scores) for s in matrix.strategies)
        lines.append(f"| {matrix.actor} | {total} | {levels['stated']} | {levels['implied']} | {levels['judgement']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    page = counts_page()
    PAGE.write_text(page, encoding="utf-8")
    print(page, end="")


if __name__ == "__main__":
    main()
