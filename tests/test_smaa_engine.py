"""The SMAA engine gives the same counts as ranking every draw with batch_ranks.

The reference below is the per-draw computation SMAA used before the engine: the
method's own scores for each block, ranked by :func:`decide.core.ranks.batch_ranks`.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from decide.analysis.acceptability import network, smaa_tally, sorted_order
from decide.analysis.smaa import smaa_matrix
from decide.core.model import Criterion, Matrix, Strategy
from decide.core.ranks import batch_ranks, draw_tables, sample_weights, seed_sequence
from decide.io.load import resolve_matrices
from decide.methods import get_method
from decide.methods.run import batch_scores
from decide.weights.spec import parse_order


def reference(method, matrix, samples, seed, spread=None, order=None, noise=0.0, ranges=True, block=10_000):
    """Counts (strategy x rank) and first-rank weight sums, one block of draws at a time."""
    weight_rng, score_rng, _ = (np.random.default_rng(s) for s in seed_sequence(seed, matrix.actor).spawn(3))
    chains = parse_order(order, matrix) if order else None
    m, n = len(matrix.strategies), len(matrix.criteria)
    counts, first = np.zeros((m, m), dtype=np.int64), np.zeros((m, n))
    done = 0
    while done < samples:
        size = min(block, samples - done)
        weights = sample_weights(weight_rng, size, matrix.weight_array(), spread, chains)
        tables = draw_tables(score_rng, matrix, size, noise, ranges)
        ranks = batch_ranks(batch_scores(method, matrix, weights, tables), method.better)
        np.add.at(counts, (np.broadcast_to(np.arange(m), ranks.shape), ranks - 1), 1)
        first += (ranks == 1).T.astype(float) @ weights
        done += size
    return counts, first


def engine(method, matrix, samples, seed, spread=None, order=None, noise=0.0, ranges=True, block=None):
    weight_rng, score_rng, _ = (np.random.default_rng(s) for s in seed_sequence(seed, matrix.actor).spawn(3))
    chains = parse_order(order, matrix) if order else None
    tally = smaa_tally(
        method,
        matrix,
        samples,
        weight_rng,
        score_rng,
        spread=spread,
        chains=chains,
        score_noise=noise,
        score_ranges=ranges,
        chunk_size=block,
    )
    m = len(matrix.strategies)
    return tally.counts.reshape(m, m), tally.first_weights


def random_matrix(seed: int, strategies: int, criteria: int, levels: int = 10, duplicate: bool = False) -> Matrix:
    """Integer scores 1..levels (few levels: many ties in single criteria), mixed objectives."""
    rng = np.random.default_rng(seed)
    table = rng.integers(1, levels + 1, (strategies, criteria)).astype(float)
    if duplicate:
        table[-1] = table[0]
    criteria_ = tuple(Criterion(f"c{j}", "max" if j % 2 == 0 else "min", 1.0 + j) for j in range(criteria))
    rows = tuple(Strategy(f"s{i}", {f"c{j}": float(v) for j, v in enumerate(row)}) for i, row in enumerate(table))
    return Matrix("Random", criteria_, rows, scale=(1.0, float(levels)))


def assert_same(got, want):
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_allclose(got[1], want[1], rtol=1e-12, atol=1e-9)


@pytest.mark.parametrize("size", range(1, 40))
def test_network_sorts_every_zero_one_input_or_random_input(size):
    pairs = network(size)
    if size <= 16:  # the 0-1 principle: sorting every 0-1 input proves the network
        inputs = np.array(list(itertools.product([0, 1], repeat=size)), dtype=float).T.copy()
    else:
        inputs = np.random.default_rng(size).integers(0, 5, (size, 5000)).astype(float)
    rows = list(inputs)
    for a, b in pairs:
        rows[a], rows[b] = np.minimum(rows[a], rows[b]), np.maximum(rows[a], rows[b])
    np.testing.assert_array_equal(np.stack(rows), np.sort(inputs, axis=0))


@pytest.mark.parametrize("strategies", [1, 2, 5, 16, 33, 70])
def test_sorted_order_matches_argsort_and_flags_near_ties(strategies):
    rng = np.random.default_rng(strategies)
    keys = rng.random((strategies, 500)) - 0.5
    if strategies > 1:
        keys[1, :50] = keys[0, :50] * (1 + 1e-10)  # within the tie tolerance
    expected_tied = np.zeros(500, dtype=bool)
    expected_tied[:50] = strategies > 1
    order, tied = sorted_order(keys.copy())
    np.testing.assert_array_equal(tied, expected_tied)
    np.testing.assert_array_equal(order[:, ~tied], np.argsort(keys, axis=0)[:, ~tied])


@pytest.mark.parametrize("method", ["wsm", "topsis", "vikor", "wpm", "topsis:normalization=minmax"])
def test_engine_equals_reference_on_the_shipped_matrices(method):
    name, _, param = method.partition(":")
    chosen = get_method(name, dict([param.split("=")]) if param else None)
    for matrix in resolve_matrices(None, None, None):
        for ranges in (False, True):
            assert_same(
                engine(chosen, matrix, 3000, 5, ranges=ranges, block=700),
                reference(chosen, matrix, 3000, 5, ranges=ranges),
            )


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("method", ["wsm", "topsis", "vikor"])
def test_engine_equals_reference_with_ties_and_alike_strategies(seed, method):
    chosen = get_method(method)
    matrix = random_matrix(seed, strategies=3 + 7 * seed, criteria=2 + seed % 3, levels=3, duplicate=seed % 2 == 1)
    for options in ({}, {"spread": 0.2}, {"order": "c0>c1"}, {"noise": 1.0}):
        assert_same(engine(chosen, matrix, 2000, seed, **options), reference(chosen, matrix, 2000, seed, **options))


def test_engine_equals_reference_with_many_strategies():
    chosen = get_method("topsis")
    matrix = random_matrix(1, strategies=100, criteria=10)
    assert_same(engine(chosen, matrix, 3000, 2), reference(chosen, matrix, 3000, 2))


def test_block_size_does_not_change_the_draws():
    chosen = get_method("topsis")
    matrix = next(iter(resolve_matrices(None, ["United States"], None)))
    assert_same(engine(chosen, matrix, 5000, 3, block=999), engine(chosen, matrix, 5000, 3, block=5000))


def test_all_alike_strategies_all_rank_first():
    criteria = (Criterion("a", "max", 1.0), Criterion("b", "min", 1.0))
    matrix = Matrix("Same", criteria, tuple(Strategy(n, {"a": 2.0, "b": 3.0}) for n in "PQR"))
    result = smaa_matrix(matrix, "topsis", samples=500, seed=0, score_ranges=False)
    assert result.first_rank_acceptability.tolist() == [1.0, 1.0, 1.0]


def reference_confidence(method, matrix, central, seed, samples, noise=0.0):
    """Confidence factors one strategy at a time, as SMAA computed them before."""
    rng = np.random.default_rng(seed)
    known = np.flatnonzero(~np.isnan(central).any(axis=1))
    firsts = np.zeros(len(known))
    draw_tables(rng, matrix, 1, noise, True)  # SMAA's check whether scores are drawn at all
    done = 0
    while done < samples:
        size = min(600, samples - done)
        tables = draw_tables(rng, matrix, size, noise, True)
        for slot, strategy in enumerate(known):
            weights = np.broadcast_to(central[strategy], (size, central.shape[1]))
            ranks = batch_ranks(batch_scores(method, matrix, weights, tables), method.better)
            firsts[slot] += np.count_nonzero(ranks[:, strategy] == 1)
        done += size
    out = np.full(len(central), np.nan)
    out[known] = firsts / samples
    return out


@pytest.mark.parametrize("method", ["wsm", "topsis", "vikor", "topsis:normalization=sum"])
@pytest.mark.parametrize("noise", [0.0, 1.0])
def test_confidence_factors_equal_the_per_strategy_computation(method, noise):
    from decide.analysis.smaa import _confidence

    name, _, param = method.partition(":")
    chosen = get_method(name, dict([param.split("=")]) if param else None)
    for matrix in [*resolve_matrices(None, None, None), random_matrix(3, 12, 3, levels=3, duplicate=True)]:
        m, n = len(matrix.strategies), len(matrix.criteria)
        central = np.random.default_rng(m).dirichlet(np.ones(n), m)
        central[0] = np.nan  # never first: no central weights
        central[1] = matrix.weight_array()
        got = _confidence(matrix, chosen, central, np.random.default_rng(4), noise, True, 3000)
        want = reference_confidence(chosen, matrix, central, 4, 3000, noise)
        np.testing.assert_array_equal(got, want)
