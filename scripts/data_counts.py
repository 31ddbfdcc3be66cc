"""Print the issue-9 counts from the data: coverage items, strategies by basis, scores by certainty.

Run from the repository root: ``python scripts/data_counts.py`` (reads matrices/ and data/coverage.yaml).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from decide import load_matrices

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    items = yaml.safe_load((ROOT / "data" / "coverage.yaml").read_text(encoding="utf-8"))["items"]
    carried = sum(bool(item.get("carried_by")) for item in items)
    print(f"coverage: {len(items)} items in the articles, {carried} carried as strategies, "
          f"{len(items) - carried} context only")
    for article in sorted({item["source"] for item in items}):
        mine = [item for item in items if item["source"] == article]
        print(f"  {article}: {len(mine)} items, {sum(bool(i.get('carried_by')) for i in mine)} carried")
    print()
    print(f"{'actor':<14} {'strategies':>10} {'stated':>7} {'inferred':>9}   "
          f"{'scores':>6} {'stated':>7} {'implied':>8} {'judgement':>10}")
    for matrix in load_matrices(ROOT / "matrices"):
        basis = Counter(s.basis for s in matrix.strategies)
        certainty = Counter(level for s in matrix.strategies for level in s.certainty.values())
        scores = sum(len(s.scores) for s in matrix.strategies)
        print(f"{matrix.actor:<14} {len(matrix.strategies):>10} {basis['stated']:>7} {basis['inferred']:>9}   "
              f"{scores:>6} {certainty['stated']:>7} {certainty['implied']:>8} {certainty['judgement']:>10}")


if __name__ == "__main__":
    main()
