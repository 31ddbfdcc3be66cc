"""``decide.rank`` on a large matrix against scikit-criteria and pymcdm, in one run.

Builds a random 10,000 x 50 matrix in memory (integer scores 1-10, alternating benefit
and cost criteria) and ranks it with TOPSIS, WSM and VIKOR: ``decide.rank(matrix)``
(the library call: scores, ranks, notes; Pareto dominance is found when a table or
export shows it), scikit-criteria's pipeline from the same scores and pymcdm's method
and ranking. Prints the median time, the peak memory allocated during the call
(tracemalloc) and decide's ratio to the fastest peer, alternating the three so machine
noise hits all alike. Then times what showing the ranking adds: the table with its
dominance column, and the text table.

    python benchmarks/rank.py [--size 10000x50] [--repeat 5]

Goal (issue 23): decide.rank <= 1.5x the fastest peer in time, <= 2x in memory.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np

from decide.analysis.ranking import rank
from decide.core.model import Criterion, Matrix, Strategy
from decide.methods import get_method


def build(strategies: int, criteria: int, seed: int = 0) -> Matrix:
    rng = np.random.default_rng(seed)
    names = [f"c{j}" for j in range(criteria)]
    table = rng.integers(1, 11, (strategies, criteria)).astype(float)
    crits = tuple(Criterion(n, "max" if j % 2 == 0 else "min", 1.0 + j % 3) for j, n in enumerate(names))
    rows = tuple(Strategy(f"s{i}", dict(zip(names, row.tolist(), strict=True))) for i, row in enumerate(table))
    return Matrix("Scale", crits, rows, scale=(1.0, 10.0))


def peers(name: str, matrix: Matrix) -> dict[str, Callable[[], Any]]:
    import skcriteria
    from pymcdm import methods as pm
    from pymcdm.normalizations import minmax_normalization, vector_normalization

    table = matrix.to_array()
    weights = matrix.weight_array()
    types = np.where(matrix.cost_mask(), -1, 1)
    objectives = [max if o == "max" else min for o in matrix.objectives]
    from skcriteria.pipelines import mkpipe

    pipeline = get_method(name).pipeline()
    if hasattr(pipeline, "steps"):  # scikit-criteria's own pipeline with decide's steps
        pipeline = mkpipe(*[s[1] if isinstance(s, tuple) else s for s in pipeline.steps])
    engine = {
        "topsis": lambda: pm.TOPSIS(vector_normalization),
        "wsm": lambda: pm.WSM(minmax_normalization),
        "vikor": lambda: pm.VIKOR(),
    }[name]

    def scikit() -> Any:
        return pipeline.evaluate(skcriteria.mkdm(matrix=table, objectives=objectives, weights=weights)).rank_

    def pymcdm() -> Any:
        method = engine()
        return method.rank(method(table, weights, types))

    return {"scikit-criteria": scikit, "pymcdm": pymcdm}


def measure(call: Callable[[], Any]) -> tuple[float, float]:
    """Seconds and peak traced megabytes of one call."""
    tracemalloc.start()
    started = time.perf_counter()
    call()
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    started = time.perf_counter()
    call()  # again without tracing, for the time
    return min(seconds, time.perf_counter() - started), peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10000x50", help="STRATEGIESxCRITERIA (default 10000x50)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each; the median is shown (default 5)")
    args = parser.parse_args()
    strategies, criteria = (int(part) for part in args.size.split("x"))
    matrix = build(strategies, criteria)
    matrix.to_array()  # the scores as an array, once (every engine starts from it)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"# {platform.machine()}, {os.cpu_count()} cores, load average {load:.2f}, Python "
        f"{platform.python_version()}; {strategies:,} x {criteria} matrix; median of {args.repeat}"
    )
    print(f"{'method':<8} {'engine':<16} {'ms':>8} {'peak MB':>8} {'x fastest peer':>15}")
    for name in ("topsis", "wsm", "vikor"):
        calls: dict[str, Callable[[], Any]] = {"decide.rank": lambda name=name: rank(matrix, method=name)}
        calls.update(peers(name, matrix))
        for call in calls.values():
            call()  # imports and caches
        results: dict[str, list[tuple[float, float]]] = {label: [] for label in calls}
        for _ in range(args.repeat):
            for label, call in calls.items():
                results[label].append(measure(call))
        medians = {
            label: (statistics.median(r[0] for r in runs), max(r[1] for r in runs)) for label, runs in results.items()
        }
        fastest = min(v[0] for label, v in medians.items() if label != "decide.rank")
        leanest = min(v[1] for label, v in medians.items() if label != "decide.rank")
        for label, (seconds, peak) in medians.items():
            ratio = ""
            if label == "decide.rank":
                ok = seconds <= 1.5 * fastest and peak <= 2 * max(leanest, 1.0)
                ratio = f"{seconds / fastest:.1f}x, {peak / max(leanest, 1e-9):.1f}x MB {'met' if ok else 'MISSED'}"
            print(f"{name:<8} {label:<16} {1000 * seconds:>8.1f} {peak:>8.1f} {ratio:>15}")
    result = rank(matrix, method="topsis")
    started = time.perf_counter()
    ranked = result.results[0]
    _ = ranked.table
    table = time.perf_counter() - started
    started = time.perf_counter()
    text = result.to_text() if hasattr(result, "to_text") else str(result)
    shown = time.perf_counter() - started
    print(
        f"showing it: the table with Pareto dominance {1000 * table:.0f} ms "
        f"({len(ranked.dominators):,} dominated), the text table {1000 * shown:.0f} ms ({len(text):,} characters)"
    )


if __name__ == "__main__":
    main()
