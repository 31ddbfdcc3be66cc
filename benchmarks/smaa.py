"""SMAA draws per second: the engine against the per-draw computation it replaced.

Runs, in one process and alternating so that machine noise hits both alike:

- the engine (:func:`decide.analysis.acceptability.smaa_tally`) with numba loaded (as in
  a notebook or a report; a fresh process loads it only for large analyses, see the last
  line printed): kernels (:mod:`decide.analysis.smaa_jit`) that score, order and count
  sub-blocks of draws in the L1 cache, near-ties ranked exactly, the next block's random
  numbers drawn on a second thread meanwhile (``engine/s``), and all on one thread
  (``1 thr/s``: with ``--clock cpu`` both count every thread's time);
- the numpy engine it uses for fewer draws (the kernels switched off): scores of all
  draws by matrix products, orders by a sorting network over rows of draws;
- the baseline: the computation SMAA used before it (each block of draws scored by the
  method's numpy engine and ranked by :func:`decide.core.ranks.batch_ranks`), which gives
  the same counts;
- a textbook numpy SMAA (each draw's weighted table normalised, ideal and anti-ideal
  found per draw, argsort per draw, one histogram), no tie handling: "the limit of a
  numpy implementation" that normalises per draw;
- the floor: drawing the weights and one matrix product per draw, nothing else;

on the United States matrix (16 strategies x 4 criteria) with TOPSIS and WSM on fixed
scores, TOPSIS with the scores drawn within their ranges, and a random 100 x 10 matrix,
each with BLAS limited to one thread and to two. Prints draws per second, the ratios,
the machine and its load average, and checks that engine and baseline counts agree.

    python benchmarks/smaa.py [--samples 1000000] [--repeat 3]

Goals (issue 23): >= 10 M draws/s on 16 x 4 with fixed scores, >= 2 M/s with drawn
scores, >= 2 M/s on 100 x 10; engine / textbook numpy >= 100%. ``numpy/s`` is the
engine before the kernels (this branch's starting point), measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import numpy as np
from threadpoolctl import threadpool_limits

from decide.analysis import smaa_jit, smaa_kernels  # noqa: F401  (numba loaded: the engine's warm rate)
from decide.analysis.acceptability import smaa_tally
from decide.core.model import Criterion, Matrix, Strategy
from decide.core.ranks import batch_ranks, draw_tables, sample_weights, seed_sequence
from decide.io.load import resolve_matrices
from decide.methods import get_method
from decide.methods.base import Method
from decide.methods.run import batch_scores


def benchmark_matrix(strategies: int = 100, criteria: int = 10, seed: int = 0) -> Matrix:
    """Random integer scores 1-10, alternating benefit and cost criteria, unequal weights."""
    rng = np.random.default_rng(seed)
    names = [f"c{j}" for j in range(criteria)]
    table = rng.integers(1, 11, (strategies, criteria))
    rows = tuple(
        Strategy(f"Strategy {i + 1}", dict(zip(names, map(float, row), strict=True))) for i, row in enumerate(table)
    )
    crits = tuple(Criterion(n, "max" if j % 2 == 0 else "min", 1.0 + j % 3) for j, n in enumerate(names))
    return Matrix("Benchmark", crits, rows, scale=(1.0, 10.0))


def streams(matrix: Matrix, seed: int = 1) -> tuple[np.random.Generator, np.random.Generator]:
    weight_rng, score_rng, _ = (np.random.default_rng(s) for s in seed_sequence(seed, matrix.actor).spawn(3))
    return weight_rng, score_rng


def engine(method: Method, matrix: Matrix, samples: int, ranges: bool) -> np.ndarray:
    weight_rng, score_rng = streams(matrix)
    return smaa_tally(method, matrix, samples, weight_rng, score_rng, score_ranges=ranges).counts


def numpy_engine(method: Method, matrix: Matrix, samples: int, ranges: bool) -> np.ndarray:
    """The engine with the compiled kernels switched off (what SMAA runs for fewer draws)."""
    smaa_jit.ENABLED = False
    try:
        return engine(method, matrix, samples, ranges)
    finally:
        smaa_jit.ENABLED = True


def one_thread_engine(method: Method, matrix: Matrix, samples: int, ranges: bool) -> np.ndarray:
    """The engine on one thread: no second thread drawing the next block's random numbers."""
    smaa_jit.PIPELINE = False
    try:
        return engine(method, matrix, samples, ranges)
    finally:
        smaa_jit.PIPELINE = None


def kernel_load_seconds() -> tuple[float, float]:
    """A fresh process: seconds to import numba, then to load the compiled kernels and
    run them once (compiled and cached on disk the first time on a machine)."""
    code = (
        "import time; t = time.perf_counter(); import numba; t1 = time.perf_counter()\n"
        "from decide.analysis import smaa_jit\n"
        "from decide.analysis.acceptability import smaa_tally\n"
        "from decide.io.load import resolve_matrices\n"
        "from decide.methods import get_method\n"
        "import numpy as np\n"
        "us = next(iter(resolve_matrices(None, ['United States'], None)))\n"
        "smaa_jit.WARM_MIN_WORK = 0; t2 = time.perf_counter()\n"
        "for name in ('topsis', 'wsm'):\n"
        "    smaa_tally(get_method(name), us, 100, np.random.default_rng(0), np.random.default_rng(1))\n"
        "print(t1 - t, time.perf_counter() - t2)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = out.stdout.split()
    return float(first), float(second)


def baseline(method: Method, matrix: Matrix, samples: int, ranges: bool) -> np.ndarray:
    """The per-block computation the engine replaced (same draws, same counts)."""
    weight_rng, score_rng = streams(matrix)
    m = len(matrix.strategies)
    counts = np.zeros(m * m, dtype=np.int64)
    offsets = np.arange(m) * m
    done = 0
    while done < samples:
        size = min(10_000, samples - done)
        weights = sample_weights(weight_rng, size, matrix.weight_array())
        tables = draw_tables(score_rng, matrix, size, 0.0, ranges)
        ranks = batch_ranks(batch_scores(method, matrix, weights, tables), method.better)
        counts += np.bincount((offsets + ranks - 1).ravel(), minlength=m * m)
        done += size
    return counts


def textbook(method: Method, matrix: Matrix, samples: int, ranges: bool) -> np.ndarray:
    """TOPSIS (or WSM) as one would vectorise it over draws: every draw's table
    normalised and weighted, ideal and anti-ideal per draw, argsort, one histogram."""
    weight_rng, score_rng = streams(matrix)
    m = len(matrix.strategies)
    cost = matrix.cost_mask()
    counts = np.zeros(m * m, dtype=np.int64)
    done = 0
    while done < samples:
        size = min(10_000, samples - done)
        weights = sample_weights(weight_rng, size, matrix.weight_array())
        tables = draw_tables(score_rng, matrix, size, 0.0, ranges)
        if tables is None:
            tables = np.broadcast_to(matrix.to_array(), (size, *matrix.to_array().shape))
        if method.name == "topsis":
            scaled = tables / np.sqrt((tables**2).sum(axis=1, keepdims=True))
            scaled = np.where(cost, -scaled, scaled)
            weighted = scaled * weights[:, None, :]
            better = np.sqrt(((weighted.max(axis=1, keepdims=True) - weighted) ** 2).sum(axis=2))
            worse = np.sqrt(((weighted - weighted.min(axis=1, keepdims=True)) ** 2).sum(axis=2))
            scores = worse / (better + worse)
        else:
            high, low = tables.max(axis=1, keepdims=True), tables.min(axis=1, keepdims=True)
            scaled = np.where(cost, high - tables, tables - low) / (high - low)
            scores = np.einsum("smn,sn->sm", scaled, weights)
        order = np.argsort(-scores, axis=1)
        counts += np.bincount((order * m + np.arange(m)).ravel(), minlength=m * m)
        done += size
    return counts


def floor(method: Method, matrix: Matrix, samples: int, ranges: bool) -> np.ndarray:
    """Only what every SMAA must do: draw the weights, one matrix product per draw."""
    weight_rng, _ = streams(matrix)
    values = np.ascontiguousarray(matrix.to_array().T)
    done = 0
    while done < samples:
        size = min(10_000, samples - done)
        weights = sample_weights(weight_rng, size, matrix.weight_array())
        weights @ values
        done += size
    return np.zeros(1)


#: Which clock the rates use: "wall" (elapsed) or "cpu" (this process's CPU time, which
#: on a busy machine leaves out the time spent waiting for a core; BLAS threads add theirs).
CLOCK = "wall"


def rate(run: Callable[..., np.ndarray], args: tuple, samples: int, repeat: int, threads: int) -> float:
    clock = time.process_time if CLOCK == "cpu" else time.perf_counter
    times = []
    for _ in range(repeat):
        with threadpool_limits(threads, user_api="blas"):
            started = clock()
            run(*args)
            times.append(clock() - started)
    return samples / max(statistics.median(times), 1e-9)


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            return next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the median is shown (default 3)")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="elapsed time, or this process's CPU time (for a busy machine) (default wall)",
    )
    parser.add_argument(
        "--busy",
        type=int,
        default=0,
        metavar="N",
        help="keep N other processes spinning throughout: the machine under load (default 0)",
    )
    args = parser.parse_args()
    global CLOCK
    CLOCK = args.clock
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"], stdout=subprocess.DEVNULL)
        for _ in range(args.busy)
    ]
    try:
        run_cases(args)
    finally:
        for spinner in spinners:
            spinner.kill()


def run_cases(args: argparse.Namespace) -> None:
    us = next(iter(resolve_matrices(None, ["United States"], None)))
    wide = benchmark_matrix()
    cases = [
        ("US 16x4 TOPSIS fixed", get_method("topsis"), us, False, args.samples),
        ("US 16x4 WSM fixed", get_method("wsm"), us, False, args.samples),
        ("US 16x4 TOPSIS ranges", get_method("topsis"), us, True, args.samples // 2),
        ("100x10 TOPSIS fixed", get_method("topsis"), wide, False, args.samples // 5),
    ]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"# {cpu_name()}, {os.cpu_count()} cores, load average {load:.2f}, Python {platform.python_version()}, "
        f"numpy {np.__version__}; median of {args.repeat}; {args.clock} clock"
        + (f"; {args.busy} other process(es) spinning" if args.busy else "")
    )
    header = (
        f"{'case':<22} {'BLAS':>4} {'draws':>9} {'engine/s':>9} {'1 thr/s':>8} {'numpy/s':>8} {'x numpy':>7} "
        f"{'base/s':>7} {'x base':>7} {'textbk/s':>8} {'vs textbk':>9} {'of floor':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, method, matrix, ranges, samples in cases:
        engine(method, matrix, samples, ranges)  # warm up imports, caches and the kernels
        check = engine(method, matrix, 50_000, ranges)
        same = np.array_equal(check, baseline(method, matrix, 50_000, ranges))
        full = engine(method, matrix, samples, ranges)
        same = same and np.array_equal(full, numpy_engine(method, matrix, samples, ranges))
        same = same and np.array_equal(full, one_thread_engine(method, matrix, samples, ranges))
        for threads in (1, 2):
            call = (method, matrix, samples, ranges)
            fast = rate(engine, call, samples, args.repeat, threads)
            alone = rate(one_thread_engine, call, samples, args.repeat, threads)
            before = rate(numpy_engine, call, samples, args.repeat, threads)
            slow = rate(baseline, call, samples, max(1, args.repeat // 2), threads)
            plain = rate(textbook, call, samples, max(1, args.repeat // 2), threads)
            bare = rate(floor, call, samples, args.repeat, threads)
            print(
                f"{name:<22} {threads:>4} {samples:>9,} {fast / 1e6:>8.2f}M {alone / 1e6:>7.2f}M {before / 1e6:>7.2f}M "
                f"{fast / before:>6.1f}x {slow / 1e6:>6.2f}M {fast / slow:>6.1f}x {plain / 1e6:>7.2f}M "
                f"{fast / plain:>8.0%} {fast / bare:>8.0%}" + ("" if same else "  COUNTS DIFFER")
            )
    numba_import, kernels = kernel_load_seconds()
    print(f"# fresh process: import numba {numba_import:.2f} s, load and run the cached kernels {kernels:.2f} s")
    print(f"# load average at the end {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "")


if __name__ == "__main__":
    main()
