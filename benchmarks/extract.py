"""decide extract speed: both seed articles, read, cleaned, parsed, assigned and drafted.

Times :func:`decide.analysis.extract.extract` on the two seed articles together (the shipped
matrices read again on every run, as the command does), in one process after one warm-up call
(imports), and the
same with ``--against matrices/``; prints the best of ``--repeat`` runs and the item counts.

    DECIDE_SEEDS=/path/to/seeds python benchmarks/extract.py [--repeat 5]

Target: under 0.5 s for both seed articles.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

from decide.analysis import extract as extract_module
from decide.analysis.extract import extract

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ("000_791be41c42e32bb7.txt", "001_74c0654f5095ab61.txt")


def best_of(repeat: int, run) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        extract_module._SHIPPED.clear()  # each run reads the shipped matrices, as a command does
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(os.environ.get("DECIDE_SEEDS", ROOT.parent / "shared" / "seeds"))
    paths = [folder / name for name in ARTICLES]
    if not all(path.is_file() for path in paths):
        print(f"the seed articles are not in {folder}; set DECIDE_SEEDS", file=sys.stderr)
        return 1
    extract(paths)  # warm-up: imports
    seconds, result = best_of(args.repeat, lambda: extract(paths))
    against, compared = best_of(args.repeat, lambda: extract(paths, against=ROOT / "matrices"))
    print(f"python {platform.python_version()} on {platform.machine()}, best of {args.repeat}")
    print(
        f"extract, both seed articles:           {seconds:.3f} s "
        f"({len(result.items)} items, {len(result.drafts)} drafts)"
    )  # type: ignore[attr-defined]
    new = sum(bool(n) for n in compared.new)  # type: ignore[attr-defined]
    print(f"extract --against matrices/, both:     {against:.3f} s ({new} new)")
    print(f"target under 0.5 s: {'met' if max(seconds, against) < 0.5 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
