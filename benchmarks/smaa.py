"""SMAA speed and memory: the batched engine against one scikit-criteria pipeline per draw.

Runs, in one process, SMAA with 1,000,000 TOPSIS weight draws on a 10-strategy,
4-criterion matrix through :func:`decide.smaa.smaa_matrix` (the batched numpy engine,
sampling and counting included), then 300 draws through the per-sample reference
(TOPSIS's scikit-criteria pipeline, one evaluation per draw), and
prints the batched time, samples per second, peak memory and the speed ratio.

    python benchmarks/smaa.py [--samples 1000000] [--reference-samples 300]

Targets on a 2-core machine: 1,000,000 draws under 2 s, at least 1,000 times the
per-sample pipeline, peak memory under 300 MB.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
import tracemalloc

import numpy as np

from decide.analysis.smaa import smaa_matrix
from decide.core.model import Criterion, Matrix, Strategy


def benchmark_matrix(strategies: int = 10, seed: int = 0) -> Matrix:
    """A 10 x 4 matrix on the shipped matrices' scale [1, 10]: two benefit, two cost criteria."""
    rng = np.random.default_rng(seed)
    names = ["stability", "deterrence", "cost", "risk"]
    criteria = tuple(
        Criterion(n, o, w)
        for n, o, w in zip(names, ["max", "max", "min", "min"], [0.3, 0.25, 0.2, 0.25], strict=True)
    )
    table = rng.integers(1, 11, (strategies, len(names)))
    rows = tuple(
        Strategy(f"Strategy {i + 1}", dict(zip(names, map(float, row), strict=True)))
        for i, row in enumerate(table)
    )
    return Matrix("Benchmark", criteria, rows, scale=(1.0, 10.0))


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def per_sample(matrix: Matrix, samples: int, seed: int) -> float:
    """Seconds for ``samples`` draws through TOPSIS's scikit-criteria pipeline, one per draw."""
    from decide.methods import get_method

    method = get_method("topsis")
    pipeline, dm = method.pipeline(), matrix.to_skcriteria()
    rng = np.random.default_rng(seed)
    weights = rng.standard_exponential((samples, len(matrix.criteria)))
    weights /= weights.sum(axis=1, keepdims=True)
    counts = np.zeros((len(matrix.strategies), len(matrix.strategies)), dtype=np.int64)
    pipeline.evaluate(dm)  # import scikit-criteria before the clock starts
    started = time.perf_counter()
    for row in weights:
        ranks = pipeline.evaluate(dm.replace(weights=row)).rank_
        counts[np.arange(len(ranks)), ranks - 1] += 1
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--reference-samples", type=int, default=300)
    args = parser.parse_args()

    matrix = benchmark_matrix()
    smaa_matrix(matrix, "topsis", samples=1000, seed=1)  # warm up imports and caches

    started = time.perf_counter()
    result = smaa_matrix(matrix, "topsis", samples=args.samples, seed=1)
    batched = time.perf_counter() - started
    rss_after_batched = peak_rss_mb()

    tracemalloc.start()
    smaa_matrix(matrix, "topsis", samples=args.samples, seed=1)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    reference = per_sample(matrix, args.reference_samples, seed=2)
    batched_rate = args.samples / batched
    reference_rate = args.reference_samples / reference

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"numpy {np.__version__}")
    print(f"matrix: {len(matrix.strategies)} strategies x {len(matrix.criteria)} criteria, TOPSIS")
    print(f"batched SMAA: {args.samples:,} samples in {batched:.2f} s "
          f"({batched_rate:,.0f} samples/s)")
    print(f"peak memory: {traced_peak / 2**20:.1f} MB allocated during the batched run; "
          f"process peak RSS {rss_after_batched:.0f} MB after it")
    print(f"per-sample scikit-criteria pipeline: {args.reference_samples} samples in "
          f"{reference:.2f} s ({reference_rate:,.0f} samples/s)")
    print(f"speed ratio: {batched_rate / reference_rate:,.0f}x")
    print(f"process peak RSS at the end (scikit-criteria loaded): {peak_rss_mb():.0f} MB")
    top = result.first_rank_acceptability.idxmax()
    print(f"check: '{top}' ranks first in {result.first_rank_acceptability.max():.1%} of draws")


if __name__ == "__main__":
    main()
