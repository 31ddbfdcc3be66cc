"""SMAA's compiled kernels (numba): draws scored, ordered and counted in one pass.

The numpy engine (:mod:`decide.analysis.acceptability`) pays for every step as a
separate pass over a block of 10,000 draws in memory. Here each block is cut into
sub-blocks of a few hundred draws that stay in the processor's first-level cache, and
for each sub-block, in compiled loops that the compiler vectorises across draws:

1. the weights (the exponential or uniform draws of
   :func:`decide.core.ranks.sample_weights`, divided by their sum as it divides them,
   bit for bit);
2. the keys (strategies x draws, lower is better): the weighted sum ``sum_j v_ij w_j``,
   or for TOPSIS the ratio ``d+^2 / d-^2`` of the squared distances
   ``sum_j g+_ij w_j^2`` and ``sum_j g-_ij w_j^2`` (the ideal and anti-ideal scale with
   each weight; the closeness ``1 / (1 + sqrt(ratio))`` falls as the ratio grows), the
   gaps ``g`` fixed, or with scores drawn within their ranges those of each draw;
3. the order: the strategy index packed into the lowest bits of its key, a Batcher
   odd-even merge sorting network (:func:`~decide.analysis.smaa_network.network`);
4. the counts: a draw whose neighbouring scores (the keys, or TOPSIS's closeness) are
   all further apart than :data:`SAFE_GAP` relative to its largest adds one to each
   strategy's count at its position, and its weights to the first one's sum; any other
   draw (a near-tie, a non-finite key) is flagged and ranked with the method's own
   scores and :func:`decide.core.ranks.batch_ranks`, as every draw was ranked before.

Counts are therefore the same as the per-draw computation's. Importing numba and
loading the compiled kernels costs 0.7-0.8 s on the benchmark machine (about 10 s the
first time on a machine, when they are compiled and cached), so they are used from
:data:`JIT_MIN_WORK` draws times strategies on in a fresh process (640,000 draws of 100
strategies), and from far fewer once numba is loaded (a notebook, a report, a benchmark):
``decide smaa``'s default 10,000 draws never load them.

>>> available() in (True, False)
True
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from decide.analysis.smaa_network import comparators
from decide.core.ranks import TIE_TOLERANCE

if TYPE_CHECKING:
    import numpy as np

#: Draws times strategies from which the kernels are worth loading in a fresh process:
#: numpy's engine orders about 50-70 million strategy-draws a second with fixed scores
#: (3.5-4.5 million draws of 16 strategies; a third of that with drawn scores), the kernels
#: three to four times as many, and importing numba and loading the compiled kernels takes
#: 0.7-0.8 s (benchmarks/smaa.py's last line). Drawn scores count three times.
JIT_MIN_WORK = 64_000_000

#: Draws times strategies from which they are used once numba is loaded anyway.
WARM_MIN_WORK = 320_000

#: Most strategies ordered by the kernels: the index packed into a key's lowest bits
#: must move it by far less than :data:`~decide.analysis.acceptability.SAFE_GAP`'s margin.
MAX_STRATEGIES = 256

#: Neighbouring scores closer than this (relative to the draw's largest magnitude) send
#: the draw to the exact ranking: the tie tolerance plus room for rounding differences
#: between this engine's double-precision arithmetic and the method's own.
SAFE_GAP = TIE_TOLERANCE * (1 + 1e-6) + 1e-12


#: Whether the kernels may be used at all (tests turn them on or off).
ENABLED = True

#: The kernels' kinds of key.
LINEAR, TOPSIS = 0, 1


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS limited to one thread: the products here are small (a few strategies times a
    few criteria per draw), and a second thread only waits for the first, or stalls the
    whole run when the machine is busy."""
    controller = _controller()
    if controller is None:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


@lru_cache(maxsize=1)
def _controller() -> Any:
    """threadpoolctl's view of the loaded BLAS libraries (found once: it takes milliseconds)."""
    try:
        from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    return ThreadpoolController()


def available() -> bool:
    """Whether the kernels can run compiled: numba imports (a declared dependency), its JIT
    is not switched off (``NUMBA_DISABLE_JIT``), and the kernels load (numba may refuse
    to cache them where no cache directory is writable). Otherwise the numpy engine runs."""
    return _kernels() is not None


@lru_cache(maxsize=1)
def _kernels() -> Any:
    try:
        import numba

        if getattr(numba.config, "DISABLE_JIT", False):
            return None
        from decide.analysis import smaa_kernels
    except Exception:  # pragma: no cover - numba missing or unable to cache: numpy will do
        return None
    return smaa_kernels


def wanted(samples: int, strategies: int, drawn: bool = False) -> bool:
    """Whether SMAA of ``samples`` draws over ``strategies`` (with scores ``drawn`` within
    their ranges, or fixed) should use the kernels."""
    if not ENABLED or not 2 <= strategies <= MAX_STRATEGIES:
        return False
    threshold = WARM_MIN_WORK if "numba" in sys.modules else JIT_MIN_WORK
    return samples * strategies * (3 if drawn else 1) >= threshold and available()


class Kernel:
    """One matrix's arguments for a kernel of :mod:`decide.analysis.smaa_kernels`:
    ``fixed`` (``terms``: the kind and its criteria x strategies arrays) or ``ranged``
    (``ranges``: the kind, the normalisation, cost mask, lowest scores and widths)."""

    def __init__(self, strategies: int, terms: tuple | None = None, ranges: tuple | None = None) -> None:
        import numpy as np

        pairs, self.blocks = comparators(strategies)
        self.pa = np.array([a for a, _ in pairs], dtype=np.int64)
        self.pb = np.array([b for _, b in pairs], dtype=np.int64)
        self.bits = max(1, (strategies - 1).bit_length())
        self.safe = SAFE_GAP + 2.0 ** (self.bits - 51)  # the packed index moves two keys
        self.terms, self.ranges = terms, ranges

    def run(self, raw: np.ndarray, normalise: bool, weights: np.ndarray, counts: np.ndarray, firsts: np.ndarray,
            tied: np.ndarray, draws: np.ndarray | None = None) -> int:  # fmt: skip
        """Count one block of draws (``raw`` draws x criteria; ``draws`` the uniform numbers
        of the drawn scores, draws x cells) into ``counts`` and ``firsts``; fill ``weights``
        (when ``normalise``) and ``tied``. Returns how many draws were flagged. The block is
        split between :func:`threads` threads; the first-rank weights are then added up
        in the order of the draws, so nothing depends on how many there were."""
        import numpy as np

        k: Any = _kernels()
        size = raw.shape[0]
        winners = np.empty(size, dtype=np.int64)
        positions = np.zeros_like(counts)  # the kernels count positions x strategies
        net = (self.pa, self.pb, self.blocks, self.bits, self.safe)
        tail = (winners, weights, tied)
        chunks = threads(size)
        flagged = None
        if chunks > 1:
            local = np.zeros((chunks, *positions.shape), dtype=positions.dtype)
            try:
                if self.terms is not None:
                    flagged = k.fixed_threads(raw, normalise, *self.terms, *net, local, *tail)
                else:
                    assert self.ranges is not None
                    flagged = k.ranged_threads(raw, normalise, *self.ranges, draws, *net, local, *tail)
            except Exception:  # pragma: no cover - no threading layer: one thread will do
                _THREADING[0] = False
            else:
                positions += local.sum(axis=0, dtype=positions.dtype)
        if flagged is None:
            if self.terms is not None:
                flagged = k.fixed(raw, normalise, *self.terms, *net, positions, *tail, 0, size)
            else:
                assert self.ranges is not None and draws is not None
                flagged = k.ranged(raw, normalise, *self.ranges, draws, *net, positions, *tail, 0, size)
        counts += positions.T
        k.add_firsts(winners, tied, weights, firsts)
        return int(flagged)


#: Most threads a block of draws is split between: 1 (the default) keeps to one thread;
#: ``None`` takes numba's number (``NUMBA_NUM_THREADS``, or ``numba.set_num_threads``).
#: The environment variable ``DECIDE_SMAA_THREADS`` sets it (a number, or ``auto``).
#: On this shared 2-core machine two threads were slower than one (see
#: docs/performance.md); the counts are the same for any number.
THREADS: int | None = 1

#: Fewest draws given to a thread: fewer are not worth waking it for.
THREAD_DRAWS = 2048

#: Whether numba's threads work here (set to False when they first fail).
_THREADING = [True]


def threads(draws: int) -> int:
    """How many threads count a block of ``draws``: the counts are the same for any number.

    >>> threads(100)
    1
    """
    import os

    chosen = THREADS
    setting = os.environ.get("DECIDE_SMAA_THREADS", "").strip().lower()
    if setting:
        chosen = None if setting == "auto" else int(setting) if setting.isdigit() else 1
    if not _THREADING[0] or chosen == 1 or draws < 2 * THREAD_DRAWS:
        return 1
    import numba

    most = numba.get_num_threads() if chosen is None else min(chosen, numba.config.NUMBA_NUM_THREADS)  # type: ignore[attr-defined]
    return max(1, min(most, draws // THREAD_DRAWS))


#: Whether the next block's random numbers are drawn on a second thread while the kernels
#: count the current one: ``None`` (the default) when this process may use two cores or
#: more and ``DECIDE_SMAA_THREADS`` is not 1. numpy draws them without holding Python's
#: lock, as the kernels run, so the two overlap; the numbers are the same either way (one
#: block at a time, in order).
PIPELINE: bool | None = None


def pipelined() -> bool:
    """Whether the random numbers of the next block are drawn while a block is counted.

    >>> pipelined() in (True, False)
    True
    """
    import os

    if PIPELINE is not None:
        return PIPELINE
    if os.environ.get("DECIDE_SMAA_THREADS", "").strip() == "1":
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return cores >= 2


#: The process's drawing thread: (process id, executor). A child forked from a process
#: that had one makes its own (the parent's thread does not exist in the child).
_POOL: list[Any] = [None, None]


def _draw_pool() -> Any:
    """The one thread that draws the next block's random numbers (kept for the process)."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    if _POOL[0] != os.getpid():
        _POOL[:] = [os.getpid(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="decide-smaa-draws")]
    return _POOL[1]


def fixed_kernel(method: Any, table: np.ndarray, cost: np.ndarray, rows: np.ndarray | None = None) -> Kernel | None:
    """The kernel for ``method`` on fixed scores (of the strategies ``rows`` only, when
    given: the normalisation still sees every strategy), or ``None`` when it has no such
    form (or a weighted sum could cancel: terms of both signs)."""
    import numpy as np

    def kernel(kind: int, a: np.ndarray, b: np.ndarray) -> Kernel:
        a, b = (x if rows is None else x[:, rows] for x in (a, b))
        token = (0,) * a.shape[0]  # one item per criterion: the kernel is compiled for that many
        return Kernel(a.shape[1], terms=(kind, np.ascontiguousarray(a), np.ascontiguousarray(b), token))

    if getattr(method, "additive", False):
        terms = method.terms(table, cost)
        values = -terms if method.better == "higher" else terms
        if not np.all(np.isfinite(values)) or not (np.all(values >= 0) or np.all(values <= 0)):
            return None
        return kernel(LINEAR, values.T, values.T)
    if method.name != "topsis":
        return None
    from decide.methods.normalise import normalise

    with np.errstate(divide="ignore", invalid="ignore"):
        scaled = normalise(table, cost, method.params["normalization"])
    if not np.all(np.isfinite(scaled)):
        return None
    return kernel(TOPSIS, ((scaled.max(axis=0) - scaled) ** 2).T, ((scaled - scaled.min(axis=0)) ** 2).T)


def ranged_kernel(method: Any, matrix: Any) -> Kernel | None:
    """The kernel for ``method`` on scores drawn within their ranges (TOPSIS, or the
    weighted sum, with vector or min-max normalisation), or ``None``."""
    import numpy as np

    how = method.params.get("normalization")
    if method.name not in ("topsis", "wsm") or how not in ("vector", "minmax"):
        return None
    low, high = matrix.range_arrays()
    if method.name == "wsm" and how == "vector" and np.any(low < 0):
        return None  # terms of both signs: a sum could cancel
    kind = TOPSIS if method.name == "topsis" else LINEAR
    normalisation = 0 if how == "vector" else 1
    cost = np.ascontiguousarray(matrix.cost_mask(), dtype=np.bool_)
    low, width = np.ascontiguousarray(low, dtype=float), np.ascontiguousarray(high - low)
    ranges = (kind, normalisation, cost, low, width, (0,) * low.shape[1])
    return Kernel(len(low), ranges=ranges)


def jit_tally(
    tally: Any,
    method: Any,
    matrix: Any,
    samples: int,
    weight_rng: np.random.Generator,
    score_rng: np.random.Generator,
    *,
    fixed: bool,
    groups: np.ndarray | None,
    spread: float | None = None,
    chains: list[list[int]] | None = None,
    block: int = 10_000,
    progress: Any = None,
) -> bool:
    """Add ``samples`` draws to ``tally`` (a :class:`~decide.analysis.acceptability.Tally`)
    with the kernels, drawing from the random streams exactly as the numpy engine does;
    ``False`` (nothing drawn) when they are not wanted or the method has no kernel.
    ``fixed``: the scores stay fixed (else they are drawn within their ranges);
    ``groups``: the alike representative of each strategy (fixed scores only)."""
    import numpy as np

    m, n = len(matrix.strategies), len(matrix.criteria)
    if not wanted(samples, m, drawn=not fixed):
        return False
    reps = None if groups is None else np.unique(groups)
    if fixed:
        kernel = fixed_kernel(method, matrix.to_array(), matrix.cost_mask(), reps)
    else:
        kernel = ranged_kernel(method, matrix)
    if kernel is None:
        return False
    from decide.core.ranks import sample_weights, weight_draws

    count = m if reps is None else len(reps)
    counts, firsts = np.zeros((count, count), dtype=np.int64), np.zeros((count, n))
    normalise = chains is None and n <= 128
    current = matrix.weight_array()
    block = min(block, samples)
    pool = _draw_pool() if pipelined() else None
    sets = [{name: np.empty((block, n)) for name in ("raw", "weights")} for _ in range(2 if pool else 1)]
    for buffers in sets:
        buffers["draws"] = np.empty((block, 0 if fixed else m * n))

    def fill(buffers: dict[str, np.ndarray], size: int, normalise: bool) -> None:
        """One block's random numbers, in the streams' order (the same whichever thread draws)."""
        if normalise:
            weight_draws(weight_rng, size, current, spread, out=buffers["raw"][:size])
        else:
            buffers["weights"][:size] = sample_weights(weight_rng, size, current, spread, chains)
        if not fixed:
            score_rng.random(out=buffers["draws"][:size])

    fill(sets[0], block, normalise)
    if normalise and not _same_weights(sets[0]["raw"]):  # numpy sums otherwise: it divides
        normalise = False
        sets[0]["weights"][:] = _weights(sets[0]["raw"])
    tied = np.empty(block, dtype=np.bool_)
    small: Any = np.zeros_like(counts, dtype=np.uint16 if block < 2**16 else np.int64)  # stays in the L1 cache
    exact = Exact(tally, method, matrix, kernel)
    done, turn, pending = 0, 0, None
    while done < samples:
        size = min(block, samples - done)
        buffers = sets[turn % len(sets)]
        if pending is not None:
            pending.result()  # this block's numbers, drawn while the previous one was counted
        elif turn:
            fill(buffers, size, normalise)
        following = min(block, samples - done - size)
        if pool is not None and following:
            pending = pool.submit(fill, sets[(turn + 1) % 2], following, normalise)
        raw, weights, draws = (buffers[name][:size] for name in ("raw", "weights", "draws"))
        small[:] = 0
        if kernel.run(weights if not normalise else raw, normalise, weights, small, firsts, tied[:size],
                      None if fixed else draws):  # fmt: skip
            exact.add(weights, None if fixed else draws, tied[:size])
        counts += small
        done += size
        turn += 1
        if progress is not None:
            progress(f"SMAA {matrix.actor}", done, samples)
    exact.flush()
    if reps is None:
        tally.counts += counts.ravel()
        tally.first_weights += firsts
    else:  # every member of an alike group takes its group's (dense) rank
        _, inverse = np.unique(np.asarray(groups), return_inverse=True)
        spread_counts = np.zeros((m, m), dtype=np.int64)
        spread_counts[:, :count] = counts[inverse]
        tally.counts += spread_counts.ravel()
        tally.first_weights += firsts[inverse]
    return True


class Exact:
    """The draws the kernels flag, ranked by the method's own scores and
    :func:`decide.core.ranks.batch_ranks` a few thousand at a time (each call costs
    more than ranking one draw)."""

    #: Draws kept before they are ranked.
    BATCH = 4096

    def __init__(self, tally: Any, method: Any, matrix: Any, kernel: Kernel) -> None:
        self.tally, self.method, self.matrix, self.kernel = tally, method, matrix, kernel
        self.weights: list[np.ndarray] = []
        self.draws: list[np.ndarray] = []
        self.kept = 0

    def add(self, weights: np.ndarray, draws: np.ndarray | None, tied: np.ndarray) -> None:
        self.weights.append(weights[tied])
        if draws is not None:
            self.draws.append(draws[tied])
        self.kept += len(self.weights[-1])
        if self.kept >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        import numpy as np

        from decide.core.ranks import batch_ranks
        from decide.methods.run import batch_scores, quietly

        if not self.kept:
            return
        weights = np.concatenate(self.weights)
        tables = None
        if self.draws:
            m, n = len(self.matrix.strategies), len(self.matrix.criteria)
            low, width = self.kernel.ranges[3], self.kernel.ranges[4]  # type: ignore[index]
            tables = low + width * np.concatenate(self.draws).reshape(len(weights), m, n)
        with quietly():
            scores = batch_scores(self.method, self.matrix, weights, tables)
        self.tally.add_ranks(batch_ranks(scores, self.method.better), weights)
        self.weights, self.draws, self.kept = [], [], 0


def _weights(raw: np.ndarray) -> np.ndarray:
    """``raw`` divided by its row sums, as :func:`decide.core.ranks.sample_weights` divides."""
    from decide.core.ranks import row_sums

    return raw / row_sums(raw)[:, None]


def _same_weights(raw: np.ndarray) -> bool:
    """Whether the kernels divide ``raw`` by its row sums bit for bit as numpy does (checked
    on the first block of every analysis: numpy's summation order is its own choice)."""
    import numpy as np

    ours = np.empty_like(raw)
    _kernels().normalised(raw, ours, (0,) * raw.shape[1])
    return bool(np.array_equal(ours, _weights(raw)))
