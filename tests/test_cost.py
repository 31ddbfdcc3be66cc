"""The up-front cost estimates (decide.analysis.cost) against what the methods really take:
memory against the peak that tracemalloc measures, time (slow) against a measured run, the
timing probe without the first call's imports; an affordable SMAA is not refused."""

from __future__ import annotations

import time
import tracemalloc

import numpy as np
import pytest

from decide.analysis import cost
from decide.analysis.cost import PAIRWISE, probe_seconds, run_cost
from decide.analysis.selection import Selection
from decide.analysis.smaa import check_smaa_cost
from decide.methods import get_method
from decide.methods.run import batch_scores
from tests.helpers import make_matrix


def scale_matrix(strategies: int, criteria: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    values = rng.integers(1, 11, (strategies, criteria)).astype(float)
    return make_matrix(values, ["max", "min"] * (criteria // 2), rng.uniform(0.1, 1.0, criteria))


# pairwise methods at a size where their n x n tables dominate; the others beside them
SIZES = {"codas": 600, "electre2": 400, "probid": 800, "promethee2": 3000, "wsm": 3000, "topsis": 3000}


@pytest.mark.parametrize("name", sorted(SIZES))
def test_memory_estimate_is_within_a_small_factor_of_the_measured_peak(name):
    n = SIZES[name]
    m = 10 if name in PAIRWISE else 20
    matrix, method = scale_matrix(n, m), get_method(name)
    batch_scores(method, scale_matrix(10, m), np.full((1, m), 1 / m))  # imports, outside the count
    tracemalloc.start()
    try:
        batch_scores(method, matrix, matrix.weight_array()[None, :])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    estimate = run_cost(method, n, m)[1]
    assert 0.5 <= estimate / peak <= 4, f"{name}: estimated {estimate / 2**20:.1f} MB, measured {peak / 2**20:.1f} MB"


def test_promethee2_is_no_longer_counted_as_pairwise():
    """Its net flows come from sorted prefix sums: 10,000 x 50 is a fraction of a second in
    tens of MB, where pymcdm's tables took 40 GB."""
    seconds, nbytes = run_cost(get_method("promethee2"), 10_000, 50)
    assert "promethee2" not in PAIRWISE
    assert seconds < 1 and nbytes < 300 * 2**20


@pytest.mark.slow
@pytest.mark.parametrize("name", ["codas", "electre2", "probid", "promethee2", "edas", "topsis"])
def test_time_estimate_is_within_a_sane_factor_of_a_measured_run(name):
    n = SIZES.get(name, 400)
    m = 10
    matrix = scale_matrix(n, m)
    batch_scores(get_method(name), scale_matrix(10, m), np.full((1, m), 0.1))  # imports
    runs = []
    for _ in range(3):
        method = get_method(name)  # a fresh one: PROMETHEE II keeps the last table's flows
        started = time.perf_counter()
        batch_scores(method, matrix, matrix.weight_array()[None, :])
        runs.append(time.perf_counter() - started)
    estimate = run_cost(get_method(name), n, m)[0]
    # rough by design (a factor of two either way on a quiet machine), and this one may be busy
    assert min(runs) / 5 <= estimate <= 10 * min(runs) + 0.01, f"{name}: estimated {estimate:.4f} s, ran {runs}"


def test_probe_leaves_out_the_first_calls_imports(monkeypatch):
    """The first call pays for imports (seconds for scikit-criteria): timed, it made SMAA of a
    slow method look hundreds of times dearer than it is."""
    calls = []

    def scores(method, matrix, weights, tables=None):
        calls.append(len(weights))
        if len(calls) == 1:
            time.sleep(0.3)  # what an import costs
        return np.zeros((len(weights), len(matrix.strategies)))

    monkeypatch.setattr("decide.methods.run.batch_scores", scores)
    matrix = scale_matrix(8, 4)
    assert probe_seconds(get_method("edas"), matrix) < 0.1
    assert calls == [1, 1, 1]  # one untimed call, then the best of two
    calls.clear()
    assert probe_seconds(get_method("wsm"), matrix) < 0.1 and calls == [1, 64, 64]


def test_a_probe_too_dear_to_repeat_is_run_once(monkeypatch):
    calls = []
    monkeypatch.setattr(cost, "run_cost", lambda *_: (10.0, 0.0))
    monkeypatch.setattr(
        "decide.methods.run.batch_scores",
        lambda method, matrix, weights, tables=None: calls.append(1) or np.zeros((len(weights), 8)),
    )
    probe_seconds(get_method("edas"), scale_matrix(8, 4))
    assert calls == [1]


@pytest.mark.parametrize("method", ["promethee2", "edas"])
def test_an_affordable_smaa_is_not_refused(method, monkeypatch):
    """PROMETHEE II SMAA of the US matrix was estimated at about 11 hours for 10,000 draws (its
    first call's imports, timed as one draw); it runs in seconds."""
    monkeypatch.setenv("DECIDE_MAX_SECONDS", "60")
    matrix = Selection.of(actor="US").matrix()
    check_smaa_cost(get_method(method), matrix, 10_000 if method == "promethee2" else 1_000)
