"""PROMETHEE II at scale: decide's sorted-prefix-sum flows against pymcdm's pairwise tables.

Runs, in one process, PROMETHEE II through decide's method engine
(:func:`decide.methods.run.evaluate`: checks, conversion and ranking included) on a
10,000-strategy, 50-criterion matrix with the usual, V-shape and linear (vshape_2)
preference functions, printing time and peak memory; then both decide and pymcdm's
PROMETHEE_II (one n x n table per criterion) on a matrix pymcdm can handle
(2,000 x 50 by default), printing both times, the ratio and the largest difference
between their flows.

    python benchmarks/promethee.py [--strategies 10000] [--criteria 50] [--peer-strategies 2000]

Goal (issue 23): 10,000 x 50 in at most 1 s and 300 MB per preference function.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
import tracemalloc

import numpy as np

from decide.core.model import Criterion, Matrix, Strategy
from decide.methods import get_method
from decide.methods.run import evaluate

FUNCTIONS = {
    "usual": {},
    "vshape": {"p": "2"},
    "vshape_2": {"p": "2", "q": "0.5"},
}


def benchmark_matrix(strategies: int, criteria: int, seed: int = 0) -> Matrix:
    """Scores on [1, 10] with two decimals, alternating benefit and cost criteria, random weights."""
    rng = np.random.default_rng(seed)
    names = [f"c{j + 1}" for j in range(criteria)]
    table = np.round(rng.uniform(1, 10, (strategies, criteria)), 2)
    weights = rng.uniform(0.1, 1.0, criteria)
    return Matrix(
        "Benchmark",
        tuple(
            Criterion(n, "max" if j % 2 == 0 else "min", float(w))
            for j, (n, w) in enumerate(zip(names, weights, strict=True))
        ),
        tuple(Strategy(f"S{i + 1}", dict(zip(names, map(float, row), strict=True))) for i, row in enumerate(table)),
        scale=(1.0, 10.0),
    )


def timed(call, repeats: int = 3) -> tuple[float, float, object]:
    """Median seconds over ``repeats`` runs, peak traced MB of one run, and the result."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    call()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return float(np.median(times)), peak / 2**20, result


def decide_flows(matrix: Matrix, function: str) -> np.ndarray:
    return evaluate(get_method("promethee2", {"preference": function, **FUNCTIONS[function]}), matrix)[1]


def pymcdm_flows(matrix: Matrix, function: str) -> np.ndarray:
    from pymcdm.methods import PROMETHEE_II

    m = len(matrix.criteria)
    params = {k: [float(v)] * m for k, v in FUNCTIONS[function].items()}
    types = np.where(matrix.cost_mask(), -1, 1)
    return PROMETHEE_II(function, **params)(matrix.to_array(), matrix.weight_array(), types, validation=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategies", type=int, default=10_000)
    parser.add_argument("--criteria", type=int, default=50)
    parser.add_argument("--peer-strategies", type=int, default=2_000)
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.python_version()}; load {load:.2f}")

    big = benchmark_matrix(args.strategies, args.criteria)
    decide_flows(big, "usual")  # imports and caches outside the timing
    print(f"\ndecide, {args.strategies:,} x {args.criteria} (goal <= 1 s, <= 300 MB):")
    for function in FUNCTIONS:
        seconds, peak, _ = timed(lambda f=function: decide_flows(big, f))
        print(f"  {function:9} {seconds:6.3f} s  peak {peak:6.1f} MB")

    small = benchmark_matrix(args.peer_strategies, args.criteria, seed=1)
    pymcdm_flows(benchmark_matrix(10, 2), "usual")
    print(f"\ndecide against pymcdm, {args.peer_strategies:,} x {args.criteria}:")
    for function in FUNCTIONS:
        ours, our_peak, flows = timed(lambda f=function: decide_flows(small, f))
        theirs, their_peak, expected = timed(lambda f=function: pymcdm_flows(small, f), repeats=1)
        gap = float(np.abs(np.asarray(flows) - np.asarray(expected)).max())
        print(
            f"  {function:9} decide {ours:6.3f} s {our_peak:6.1f} MB | pymcdm {theirs:6.3f} s {their_peak:7.1f} MB"
            f" | {theirs / ours:5.1f}x faster, {their_peak / our_peak:5.1f}x less memory | max diff {gap:.1e}"
        )


if __name__ == "__main__":
    main()
