"""Robust-choice speed: every shipped actor x all its scenarios x all profiles x the vectorised methods.

Loads the shipped matrices and their scenario files once, then times
:func:`decide.robust.robust` over the whole grid (ranking, regret, summary and verdict
of every actor included; the median of ``--repeat`` runs), and prints the grid's size.

    python benchmarks/robust.py [--repeat 5]

Target: under 1 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time

import numpy as np

from decide.analysis.robust import default_methods, robust
from decide.io.load import load_matrices


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (the median is reported)")
    args = parser.parse_args()

    matrices = load_matrices()
    methods = default_methods()
    robust(matrices, methods=methods, all_actors=True)  # warm up: imports, first allocations
    times, result = [], None
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = robust(matrices, methods=methods, all_actors=True)
        for item in result.results:  # everything the output shows
            item.summary()
            item.verdict()
            item.choice_by_scenario()
        times.append(time.perf_counter() - start)
    assert result is not None
    cells = sum(len(item.cells) for item in result.results)
    rows = sum(len(item.cells) * len(item.strategies) for item in result.results)
    grid = ", ".join(
        f"{item.actor} {len(item.scenarios)}x{len(item.profiles)}x{len(methods)}" for item in result.results
    )
    median = statistics.median(times)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}"
    )
    print(f"grid (scenarios x profiles x methods): {grid}")
    print(f"methods: {', '.join(methods)}")
    print(f"{len(result.results)} actors, {cells} cells, {rows} strategy rankings")
    print(f"robust over everything: {median:.3f} s (median of {args.repeat}; min {min(times):.3f} s)")
    print(f"target under 1 s: {'met' if median < 1 else 'NOT met'}")
    sys.exit(0 if median < 1 else 1)


if __name__ == "__main__":
    main()
