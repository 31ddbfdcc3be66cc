"""How live ``decide tune`` feels: the time of one re-rank after a weight move.

For each vectorised method, on the largest shipped matrix (most strategies), 1,000 random
moves (a random criterion selected, its weight moved by -0.05, -0.01, +0.01 or +0.05, the
others rescaled), each followed by everything the screen shows: scores, ranks, places
moved, the leader's margin and the leader's interval for the selected criterion. Prints
the median, 99th percentile and worst time per method, against the 16 ms target (one
frame at 60 Hz). PROMETHEE II is timed twice in the same run: on its numpy engine (the
per-criterion net flows once, then a weighted sum, the closed-form interval) and, as the
baseline, over a few moves on the per-draw path it took before (one full evaluation per
re-rank, the interval sampled), with the ratio of the medians.

    python benchmarks/tune.py [--moves 1000] [--slow-moves 5] [--seed 0]
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import time

import numpy as np

import decide
from decide.interactive.session import BIG_STEP, STEP, session
from decide.methods import METHODS, Method, get_method

TARGET_MS = 16.0


def largest_actor() -> str:
    """The shipped actor with the most strategies."""
    matrices = decide.load_matrices()
    return max(matrices, key=lambda m: (len(m.strategies), len(m.criteria))).actor


def per_draw(name: str) -> Method:
    """The method as one without a numpy engine runs: evaluated whole at every re-rank,
    its interval sampled (the path PROMETHEE II took before it had one)."""
    method = get_method(name)
    method.vectorised = method.additive = False
    return method


def time_moves(actor: str, method: str | Method, moves: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Wall-clock and CPU milliseconds of each of ``moves`` random moves (move + full re-rank +
    interval); the CPU time leaves out the time spent waiting for a core on a busy machine."""
    tuned = session(actor=actor, method=method)
    tuned.view()  # warm up: imports and first-call costs are paid once per session
    rng = np.random.default_rng(seed)
    steps = [-BIG_STEP, -STEP, STEP, BIG_STEP]
    wall, cpu = np.empty(moves), np.empty(moves)
    gc.collect()
    for move in range(moves):
        tuned.select(int(rng.integers(len(tuned.criteria))))
        delta = float(rng.choice(steps))
        started, started_cpu = time.perf_counter(), time.thread_time()
        tuned.nudge(delta)
        view = tuned.view()
        wall[move] = (time.perf_counter() - started) * 1000
        cpu[move] = (time.thread_time() - started_cpu) * 1000
        assert view.interval is not None and view.interval.low <= view.interval.weight <= view.interval.high
    return wall, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=1000)
    parser.add_argument("--slow-moves", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    actor = largest_actor()
    matrix = decide.show(actor=actor).matrix
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"# CPython {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} cores, "
        f"load average {load:.1f}"
    )
    print(
        f"# {actor}: {len(matrix.strategies)} strategies x {len(matrix.criteria)} criteria; "
        f"{args.moves} random moves per method, seed {args.seed}"
    )
    print(
        f"{'method':<12}{'median ms':>10}{'p99 ms':>9}{'worst ms':>10}{'worst CPU ms':>14}  "
        f"target: worst <= {TARGET_MS:g} ms"
    )
    met = True
    medians = {}
    for name in [n for n, cls in METHODS.items() if cls.vectorised]:
        wall, cpu = time_moves(actor, name, args.moves, args.seed)
        medians[name] = float(np.median(wall))
        worst, worst_cpu = float(wall.max()), float(cpu.max())
        if worst <= TARGET_MS:
            verdict = "met"
        elif worst_cpu <= TARGET_MS:
            verdict = "met in CPU time; the wall-clock worst waited for a busy core"
        else:
            verdict = "NOT met"
        met &= worst_cpu <= TARGET_MS
        print(
            f"{name:<12}{np.median(wall):>10.2f}{np.percentile(wall, 99):>9.2f}{worst:>10.2f}{worst_cpu:>14.2f}  "
            f"{verdict}"
        )
    if args.slow_moves:
        wall, cpu = time_moves(actor, per_draw("promethee2"), args.slow_moves, args.seed)
        print(
            f"{'promethee2':<12}{np.median(wall):>10.1f}{'':>9}{wall.max():>10.1f}{cpu.max():>14.1f}  "
            f"baseline: per-draw path ({args.slow_moves} moves), "
            f"{np.median(wall) / medians['promethee2']:.0f}x the numpy engine's median"
        )
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
