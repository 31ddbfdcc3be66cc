"""SMAA's compiled kernels give the same counts as ranking every draw one by one.

The references are the per-draw computations of tests/test_smaa_engine.py (the method's
numpy scores of every block, ranked by batch_ranks) and, for a few draws, the method's
scikit-criteria pipeline. The kernels are switched on for every size here.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from decide.analysis import smaa_jit, smaa_network
from decide.core.model import Criterion, Matrix, Strategy
from decide.core.ranks import batch_ranks, sample_weights, seed_sequence
from decide.io.load import resolve_matrices
from decide.methods import get_method
from decide.methods.run import _one_by_one
from tests.test_smaa_engine import assert_same, engine, random_matrix, reference

pytestmark = pytest.mark.skipif(not smaa_jit.available(), reason="numba is not installed")


@pytest.fixture(autouse=True)
def kernels_always(monkeypatch):
    """The kernels for every number of draws (and a record of the draws each run flagged)."""
    monkeypatch.setattr(smaa_jit, "JIT_MIN_WORK", 0)
    monkeypatch.setattr(smaa_jit, "WARM_MIN_WORK", 0)
    runs = []
    original = smaa_jit.Kernel.run

    def run(self, *args, **kwargs):
        flagged = original(self, *args, **kwargs)
        runs.append(flagged)
        return flagged

    monkeypatch.setattr(smaa_jit.Kernel, "run", run)
    return runs


def method(spec: str):
    name, _, param = spec.partition(":")
    return get_method(name, dict([param.split("=")]) if param else None)


KERNEL_METHODS = ["wsm", "topsis", "topsis:normalization=minmax", "wsm:normalization=vector"]


@pytest.mark.parametrize("spec", KERNEL_METHODS)
def test_kernels_equal_the_reference_on_the_shipped_matrices(spec, kernels_always):
    chosen = method(spec)
    for matrix in resolve_matrices(None, None, None):
        for ranges in (False, True):
            assert_same(
                engine(chosen, matrix, 3000, 5, ranges=ranges, block=700),
                reference(chosen, matrix, 3000, 5, ranges=ranges),
            )
    assert kernels_always, "the kernels never ran"


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("spec", ["wsm", "topsis"])
def test_kernels_equal_the_reference_with_ties_and_alike_strategies(seed, spec):
    chosen = method(spec)
    matrix = random_matrix(seed, strategies=3 + 7 * seed, criteria=2 + seed % 3, levels=3, duplicate=seed % 2 == 1)
    for options in ({}, {"spread": 0.2}, {"order": "c0>c1"}):
        assert_same(engine(chosen, matrix, 2000, seed, **options), reference(chosen, matrix, 2000, seed, **options))


def test_kernels_equal_the_reference_with_many_strategies_and_criteria():
    matrix = random_matrix(1, strategies=100, criteria=10)
    for spec in ("topsis", "wsm"):
        assert_same(engine(method(spec), matrix, 3000, 2), reference(method(spec), matrix, 3000, 2))


def test_every_draw_ranked_exactly_when_every_draw_is_flagged(monkeypatch, kernels_always):
    """A tie margin so wide that most draws are flagged: their ranks come from the
    method's own scores (fixed and drawn tables), and the counts do not change."""
    monkeypatch.setattr(smaa_jit, "SAFE_GAP", 0.2)
    us = next(iter(resolve_matrices(None, ["United States"], None)))
    for spec in ("topsis", "wsm"):
        for ranges in (False, True):
            assert_same(
                engine(method(spec), us, 5000, 7, ranges=ranges), reference(method(spec), us, 5000, 7, ranges=ranges)
            )


@pytest.mark.parametrize("size", [2, 5, 15, 16, 17, 31, 32, 33, 47, 48, 64, 65, 100, 127, 128, 129, 200, 256])
def test_groups_of_16_in_registers_then_bitonic_merges_sort(size):
    """The kernels sort every whole group of 16 rows in registers, then merge runs with
    comparators and 16-row half-cleaners in registers: every column comes out sorted
    (random keys, and few distinct keys), with fewer comparators than the whole network."""
    from decide.analysis import smaa_kernels
    from decide.analysis.smaa_sort16 import SC

    rng = np.random.default_rng(size)
    keys = np.concatenate([rng.random((size, 300)), rng.integers(0, 3, (size, 300)).astype(float)], axis=1)
    ops, groups = smaa_network.comparators(size)
    assert groups == size // 16
    ours = keys.copy()
    for first in range(0, keys.shape[1], SC):  # the kernels' layout: rows of SC draws, one flat array
        width = min(SC, keys.shape[1] - first)
        flat = np.zeros((size, SC))
        flat[:, :width] = keys[:, first : first + width]
        flat = flat.ravel()
        for group in range(groups):
            smaa_kernels.sort16(flat, 16 * group, width)
        for a, b in ops:
            if b < 0:
                smaa_kernels.clean16(flat, a, width)
            else:
                rows = flat.reshape(size, SC)
                rows[a], rows[b] = np.minimum(rows[a], rows[b]), np.maximum(rows[a], rows[b])
        ours[:, first : first + width] = flat.reshape(size, SC)[:, :width]
    np.testing.assert_array_equal(ours, np.sort(keys, axis=0))
    assert sum(b >= 0 for _, b in ops) <= len(smaa_network.network(size))


@pytest.mark.parametrize("spec", ["topsis", "wsm"])
def test_counts_and_first_weights_do_not_depend_on_the_number_of_threads(spec, monkeypatch):
    """Blocks split between 1, 2 or 3 threads (numba's prange), the next block's numbers
    drawn on a second thread or not: the same counts and the same first-rank weights bit
    for bit (each thread counts on its own; the weights are added in the order of the
    draws; the streams are drawn one block at a time, in order), fixed and drawn scores,
    and the same as the reference."""
    numba = pytest.importorskip("numba")
    monkeypatch.setattr(smaa_jit, "THREAD_DRAWS", 96)
    monkeypatch.delenv("DECIDE_SMAA_THREADS", raising=False)
    chosen = method(spec)
    for matrix in (
        random_matrix(3, strategies=40, criteria=5),
        next(iter(resolve_matrices(None, ["United States"], None))),
    ):
        for ranges in (False, True):
            runs = []
            for threads, pipeline in ((1, False), (1, True), (2, True), (3, False)):
                monkeypatch.setattr(smaa_jit, "THREADS", threads)
                monkeypatch.setattr(smaa_jit, "PIPELINE", pipeline)
                runs.append(engine(chosen, matrix, 2500, 4, ranges=ranges, block=1000))
            assert smaa_jit.threads(1000) == min(3, numba.config.NUMBA_NUM_THREADS)
            assert smaa_jit._THREADING[0], "numba's threads failed: one thread counted every block"
            for other in runs[1:]:
                np.testing.assert_array_equal(other[0], runs[0][0])
                np.testing.assert_array_equal(other[1], runs[0][1])
            assert_same(runs[0], reference(chosen, matrix, 2500, 4, ranges=ranges))


def test_draws_are_prepared_on_a_second_thread_unless_told_one(monkeypatch):
    """By default the next block's random numbers are drawn on a second thread where the
    process may use two cores; ``DECIDE_SMAA_THREADS=1`` keeps everything on one."""
    import os

    monkeypatch.setattr(smaa_jit, "PIPELINE", None)
    monkeypatch.delenv("DECIDE_SMAA_THREADS", raising=False)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert smaa_jit.pipelined() == (cores >= 2)
    monkeypatch.setenv("DECIDE_SMAA_THREADS", "1")
    assert not smaa_jit.pipelined()


def test_threads_setting(monkeypatch):
    numba = pytest.importorskip("numba")
    monkeypatch.setattr(smaa_jit, "THREADS", 1)
    assert smaa_jit.threads(1_000_000) == 1
    monkeypatch.setenv("DECIDE_SMAA_THREADS", "2")
    assert smaa_jit.threads(10) == 1  # too few draws to split
    assert smaa_jit.threads(1_000_000) == min(2, numba.config.NUMBA_NUM_THREADS)
    monkeypatch.setenv("DECIDE_SMAA_THREADS", "auto")
    assert smaa_jit.threads(1_000_000) == numba.get_num_threads()


def anti_ideal_matrix() -> Matrix:
    """Two strategies at the anti-ideal on every criterion (TOPSIS closeness 0 for every
    weight: an infinite distance ratio), a constant criterion and exact ties."""
    criteria = (Criterion("a", "max", 1.0), Criterion("b", "min", 1.0), Criterion("flat", "max", 1.0))
    rows = {"Best": (9, 1, 5), "Worst": (1, 9, 5), "Worst too": (1, 9, 5), "Mid": (5, 5, 5), "Mirror": (5, 5, 5)}
    return Matrix(
        "Edges",
        criteria,
        tuple(Strategy(n, dict(zip(["a", "b", "flat"], map(float, v), strict=True))) for n, v in rows.items()),
        scale=(1.0, 10.0),
    )


@pytest.mark.parametrize("spec", ["topsis", "wsm", "topsis:normalization=minmax"])
def test_kernels_with_closeness_zero_constant_criteria_and_exact_ties(spec):
    matrix = anti_ideal_matrix()
    assert_same(engine(method(spec), matrix, 3000, 1), reference(method(spec), matrix, 3000, 1))


def test_kernel_weights_are_numpys_bit_for_bit():
    """The kernels divide the draws by their sums as sample_weights does (from the left
    below 8 criteria, numpy's pairwise sum above); SMAA checks this on every run."""
    for criteria in (2, 3, 4, 7, 8, 9, 10, 16, 17, 33, 100):
        raw = np.random.default_rng(criteria).standard_exponential((5000, criteria))
        assert smaa_jit._same_weights(raw), criteria
        want = sample_weights(np.random.default_rng(criteria), 5000, np.full(criteria, 1 / criteria))
        np.testing.assert_array_equal(smaa_jit._weights(raw), want)


def test_numpys_division_is_used_when_the_kernels_would_differ(monkeypatch):
    monkeypatch.setattr(smaa_jit, "_same_weights", lambda raw: False)
    us = next(iter(resolve_matrices(None, ["United States"], None)))
    assert_same(engine(method("topsis"), us, 4000, 3, block=1500), reference(method("topsis"), us, 4000, 3))


@pytest.mark.parametrize("spec", ["topsis", "wsm"])
def test_kernels_agree_with_scikit_criteria_on_a_few_draws(spec):
    """Counts of 40 draws from the kernels equal those of scikit-criteria's pipeline run
    draw by draw (its scores ranked with decide's tie rule)."""
    chosen = method(spec)
    for matrix in (next(iter(resolve_matrices(None, ["United States"], None))), anti_ideal_matrix()):
        got = engine(chosen, matrix, 40, 11, ranges=False)  # the scores as written
        weight_rng = np.random.default_rng(seed_sequence(11, matrix.actor).spawn(3)[0])
        weights = sample_weights(weight_rng, 40, matrix.weight_array())
        ranks = batch_ranks(_one_by_one(chosen, matrix, weights, None), chosen.better)
        m = len(matrix.strategies)
        want = np.zeros((m, m), dtype=np.int64)
        np.add.at(want, (np.broadcast_to(np.arange(m), ranks.shape), ranks - 1), 1)
        np.testing.assert_array_equal(got[0], want)


def test_methods_without_a_kernel_and_score_noise_use_the_numpy_engine(kernels_always):
    us = next(iter(resolve_matrices(None, ["United States"], None)))
    assert_same(engine(method("vikor"), us, 2000, 4), reference(method("vikor"), us, 2000, 4))
    assert_same(engine(method("topsis"), us, 2000, 4, noise=1.0), reference(method("topsis"), us, 2000, 4, noise=1.0))
    assert not kernels_always


def test_small_analyses_stay_on_numpy(monkeypatch):
    monkeypatch.undo()
    monkeypatch.delitem(sys.modules, "numba", raising=False)  # as in a fresh process
    assert not smaa_jit.wanted(10_000, 16)
    assert not smaa_jit.wanted(1_000_000, 16)  # numpy is done before numba is loaded
    assert smaa_jit.wanted(1_000_000, 100)
    assert smaa_jit.wanted(1_000_000, 32, drawn=True)
    assert not smaa_jit.wanted(10_000_000, 1000)  # too many strategies to pack into the keys


@pytest.mark.slow
def test_decide_smaa_with_default_draws_does_not_load_numba():
    """``decide smaa`` with its default 10,000 draws never pays for importing numba."""
    code = (
        "import sys; from decide import smaa; smaa(actors=['United States'], samples=10000); "
        "print('numba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("topsis", [True, False])
def test_a_nan_or_infinite_key_anywhere_flags_its_draw(topsis):
    """Keys are ordered, then checked: a NaN (or, for weighted sums, an infinite key) in
    any row of a draw sends that draw, and only that one, to the exact ranking."""
    from decide.analysis import smaa_kernels
    from decide.analysis.smaa_sort16 import SC

    m = 40
    pairs, blocks = smaa_network.comparators(m)
    pa = np.array([a for a, _ in pairs], dtype=np.int64)
    pb = np.array([b for _, b in pairs], dtype=np.int64)
    rng = np.random.default_rng(5)
    keys = rng.random((m, SC)) + 1.0  # far apart: no draw is near a tie by chance
    keys = np.sort(keys, axis=0) + np.arange(m)[:, None]
    keys = keys[rng.permutation(m)]
    spoilt = {3: (0, np.nan), 17: (m - 1, np.nan), 30: (m // 2, np.nan)}
    if not topsis:
        spoilt.update({41: (7, np.inf), 52: (0, -np.inf)})
    for column, (row, value) in spoilt.items():
        keys[row, column] = value
    flat = keys.ravel().copy()
    for i in range(m):
        smaa_kernels.pack(flat, i, SC, 6)
    counts = np.zeros((m, m), dtype=np.int64)
    firsts, tied = np.zeros(SC, dtype=np.int64), np.zeros(SC, dtype=np.bool_)
    scratch = [np.zeros(SC) for _ in range(3)]
    flagged = smaa_kernels.order_and_count(
        flat, m, pa, pb, blocks, 6, 1e-9, SC, 0, counts, firsts, tied, scratch[0], scratch[1], topsis, scratch[2]
    )
    assert flagged == len(spoilt)
    assert set(np.flatnonzero(tied)) == set(spoilt)
    assert (counts.sum(axis=1) == SC - len(spoilt)).all()  # every position counts each kept draw once


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork")
def test_a_forked_child_draws_on_its_own_thread(monkeypatch):
    """A process forked after an analysis (multiprocessing's default on Linux) does not
    wait for the parent's drawing thread, which does not exist in the child."""
    import os

    monkeypatch.setattr(smaa_jit, "PIPELINE", True)
    us = next(iter(resolve_matrices(None, ["United States"], None)))
    first = engine(method("topsis"), us, 3000, 2, block=1000)
    pid = os.fork()
    if pid == 0:  # the child: the same analysis must finish, with the same counts
        import signal

        signal.alarm(30)  # a child waiting for a thread that is not there ends here
        try:
            again = engine(method("topsis"), us, 3000, 2, block=1000)
            os._exit(0 if np.array_equal(again[0], first[0]) else 3)
        except BaseException:
            os._exit(4)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
