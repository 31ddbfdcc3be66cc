"""What an analysis will cost before it starts, and a refusal in one line when that is more than
decide allows: no analysis is killed for memory or runs for hours without saying so.

The limits are :data:`MAX_MEMORY_MB` (2,048 MB) and :data:`MAX_SECONDS` (300 s); the
environment variables ``DECIDE_MAX_MEMORY_MB`` and ``DECIDE_MAX_SECONDS`` change them.
Estimates are rough (a factor of two either way): memory from the sizes of the arrays each
method builds, time from a model of each method (pairwise methods grow with the square of
the number of strategies) or from timing a small probe on the matrix itself.

>>> format_seconds(45), format_seconds(9000), format_bytes(3 * 1024**3)
('45 s', '2.5 hours', '3.0 GB')
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from decide.core.errors import DecideError

if TYPE_CHECKING:
    from decide.core.model import Matrix
    from decide.methods.base import Method

#: The most memory an analysis may plan to use, in MB (``DECIDE_MAX_MEMORY_MB``).
MAX_MEMORY_MB = 2048
#: The longest an analysis may plan to run, in seconds (``DECIDE_MAX_SECONDS``).
MAX_SECONDS = 300

#: Methods that compare every pair of strategies: bytes per pair and criterion (plus a constant
#: per pair), and seconds per pair and criterion, measured on 400-4,000 strategies x 10 criteria
#: on a busy 2-core machine (benchmarks/limits.py; tests/test_cost.py checks them).
PAIRWISE = {
    "electre2": (1.5, 8.0, 5e-8),
    "codas": (3.0, 8.0, 1.5e-8),
    "probid": (0.5, 8.0, 3e-9),
    "sprobid": (0.5, 8.0, 3e-9),
    "multimoora": (1.0, 8.0, 2.5e-6),
    "simus": (1.0, 8.0, 5e-6),
}

#: PROMETHEE II without pairwise tables (:mod:`decide.methods.promethee`): seconds per score
#: and doubling of the strategies (sorted searches), and bytes per score. Its Gaussian function
#: compares pairs in bounded blocks, and refuses by itself beyond its own limit.
PROMETHEE_SECONDS, PROMETHEE_BYTES = 2e-8, 8 * 16

#: Seconds of one call of a method's scikit-criteria or pymcdm pipeline on a small matrix
#: (building the decision matrix, checks, copies): 2-10 ms on a 2-core machine.
CALL_SECONDS = 0.005


def _limit(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def max_bytes() -> float:
    return _limit("DECIDE_MAX_MEMORY_MB", MAX_MEMORY_MB) * 1024 * 1024


def max_seconds() -> float:
    return _limit("DECIDE_MAX_SECONDS", MAX_SECONDS)


def format_seconds(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 600:
        return f"{seconds / 60:.1f} minutes"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.0f} minutes"
    if seconds > 1000 * 3600:
        return "more than 1,000 hours"
    return f"{seconds / 3600:.1f} hours"


def format_bytes(count: float) -> str:
    if count < 1024**3:
        return f"{count / 1024**2:,.0f} MB"
    return f"{count / 1024**3:,.1f} GB"


def check_cost(what: str, seconds: float, nbytes: float, reduce: str) -> None:
    """A one-line :class:`DecideError` when ``seconds`` or ``nbytes`` is over the limits:
    what it would take, and ``reduce`` (how to ask for less)."""
    over_memory, over_time = nbytes > max_bytes(), seconds > max_seconds()
    if not (over_memory or over_time):
        return
    needs = []
    if over_memory:
        needs.append(
            f"about {format_bytes(nbytes)} of memory (limit {format_bytes(max_bytes())}, DECIDE_MAX_MEMORY_MB)"
        )
    if over_time:
        needs.append(f"about {format_seconds(seconds)} (limit {format_seconds(max_seconds())}, DECIDE_MAX_SECONDS)")
    raise DecideError(f"{what} would take {' and '.join(needs)}; {reduce}")


def run_cost(method: Method, strategies: int, criteria: int) -> tuple[float, float]:
    """Seconds and bytes of one ranking by ``method`` of a ``strategies`` x ``criteria`` table."""
    cells = strategies * criteria
    if method.name in PAIRWISE:
        per_pair, constant, seconds = PAIRWISE[method.name]
        pairs = float(strategies) ** 2
        return CALL_SECONDS + pairs * criteria * seconds, pairs * (per_pair * criteria + constant)
    if method.name == "promethee2":
        return 1e-4 + cells * max(math.log2(max(strategies, 2)), 1.0) * PROMETHEE_SECONDS, cells * PROMETHEE_BYTES
    if method.vectorised:
        return cells * 2e-8, cells * 8 * 12
    return CALL_SECONDS + cells * 2e-7, cells * 8 * 20


def check_methods(matrix: Matrix, methods: Sequence[Method], what: str, runs: int = 1) -> None:
    """Refuse before the work when ranking ``matrix`` ``runs`` times by each of ``methods`` is
    over the limits; the message names the costliest method."""
    n, m = len(matrix.strategies), len(matrix.criteria)
    costs = {method.name: run_cost(method, n, m) for method in methods}
    seconds = sum(cost[0] for cost in costs.values()) * runs
    nbytes = max((cost[1] for cost in costs.values()), default=0.0)
    heavy = [
        name
        for name, (secs, size) in costs.items()
        if name in PAIRWISE and (size > max_bytes() or secs * runs > max_seconds() / len(costs))
    ]
    reduce = "select fewer strategies (a smaller file, --stated-only)"
    if heavy:
        reduce = (
            f"{', '.join(heavy)} {'compares' if len(heavy) == 1 else 'compare'} every pair of strategies: "
            f"leave {'it' if len(heavy) == 1 else 'them'} out (--methods), or {reduce}"
        )
    check_cost(f"{what} of {n:,} strategies x {m} criteria", seconds, nbytes, reduce)


#: Seconds a briefing spends per strategy pair on its charts (the SMAA and grid heatmaps are
#: strategies x strategies), and per actor besides (measured on 100 x 10: about 25 s).
REPORT_SECONDS_PER_PAIR = 2e-3
REPORT_SECONDS_PER_ACTOR = 3.0


def check_report(matrices: Sequence[Matrix], names: Any, samples: Any) -> None:
    """Refuse, before the work, a briefing over the limits: its charts grow with the square
    of the strategies, and it runs compare, sensitivity, SMAA and the robust grid per actor."""
    from decide.methods import get_method

    if isinstance(names, str):
        names = [name.strip() for name in names.split(",") if name.strip()]
    methods = []
    for name in names if isinstance(names, (list, tuple)) else []:
        try:
            methods.append(get_method(name) if isinstance(name, str) else name)
        except DecideError:
            continue  # compare names it, with the methods there are
    samples = min(samples, 10**9) if isinstance(samples, int) and not isinstance(samples, bool) else 0
    seconds, drawing, nbytes = 0.0, 0.0, 0.0
    for matrix in matrices:
        n, m = len(matrix.strategies), len(matrix.criteria)
        runs = [run_cost(method, n, m) for method in methods]
        seconds += REPORT_SECONDS_PER_ACTOR + REPORT_SECONDS_PER_PAIR * n * n + sum(cost[0] for cost in runs)
        drawing += samples * n * m * 2e-8
        nbytes = max(nbytes, max((cost[1] for cost in runs), default=0.0), 8.0 * n * n * 6)
    largest = max((len(matrix.strategies) for matrix in matrices), default=0)
    reduce = (
        "give fewer SMAA --samples"
        if drawing > seconds
        else "a briefing is read by people: keep the strategies that matter (a smaller file, --stated-only), "
        "or run rank, compare and smaa on their own"
    )
    check_cost(
        f"a briefing of {len(matrices)} actor(s), up to {largest:,} strategies each", seconds + drawing, nbytes, reduce
    )


def check_grid(matrix: Matrix, methods: Sequence[Method], rankings: int) -> None:
    """Refuse, before the work, a grid over decide's memory or time limits: ``rankings``
    (scenarios x profiles) rankings by every method, and every strategy's rank, score and
    regret in every cell."""
    n, m = len(matrix.strategies), len(matrix.criteria)
    cells = rankings * len(methods)
    seconds = sum(run_cost(method, n, m)[0] for method in methods) * rankings
    nbytes = max((run_cost(method, n, m)[1] for method in methods), default=0.0) + cells * n * 8.0 * 6
    reduce = "name fewer --scenarios, --profiles or --methods, or select fewer strategies"
    if nbytes <= max_bytes():
        reduce = "name fewer --scenarios, --profiles or --methods (the vectorised wsm, wpm, topsis, vikor are fastest)"
    check_cost(f"robust grid of {cells:,} cells ({n:,} strategies)", seconds, nbytes, reduce)


#: A method whose one ranking is estimated under this many seconds is run once untimed before
#: :func:`probe_seconds` times it (the first call pays imports and set-up, up to seconds).
WARM_UP_SECONDS = 0.5


def probe_seconds(method: Method, matrix: Matrix, weights_per_call: int = 64) -> float:
    """Seconds per weight vector of ``method`` on ``matrix``, timed on a small batch after
    one untimed call (imports, the first-call costs) when that call is cheap: the best of
    two timings. With score ranges the batch scores drawn tables (the matrix's own), as
    SMAA does."""
    import numpy as np

    from decide.methods.run import batch_scores

    block = weights_per_call if method.vectorised else 1
    weights = np.tile(matrix.weight_array(), (block, 1))
    tables = np.broadcast_to(matrix.to_array(), (block, *matrix.to_array().shape)) if matrix.has_ranges else None
    repeats = 1
    if run_cost(method, len(matrix.strategies), len(matrix.criteria))[0] < WARM_UP_SECONDS:
        batch_scores(method, matrix, weights[:1], None if tables is None else tables[:1])
        repeats = 2
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        batch_scores(method, matrix, weights, tables)
        best = min(best, time.perf_counter() - started)
    return best / block


__all__ = [
    "MAX_MEMORY_MB",
    "MAX_SECONDS",
    "PAIRWISE",
    "PROMETHEE_BYTES",
    "PROMETHEE_SECONDS",
    "WARM_UP_SECONDS",
    "check_cost",
    "check_grid",
    "check_methods",
    "check_report",
    "format_bytes",
    "format_seconds",
    "max_bytes",
    "max_seconds",
    "probe_seconds",
    "run_cost",
]
