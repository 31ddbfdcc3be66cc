"""The batched engine against scikit-criteria, one draw at a time (>= 200 draws per method)."""

from __future__ import annotations

import numpy as np
import pytest

from decide.batch import BATCHED, batch_ranks, batch_scores, score_table, with_scores
from decide.errors import MethodError
from decide.matrix import Criterion, Matrix, Strategy
from decide.methods import evaluate

DRAWS = 200
NOISY_DRAWS = 50


def random_matrix(seed: int, strategies: int = 7) -> Matrix:
    """Scores on a [1, 10] scale, two benefit and two cost criteria, no ties."""
    rng = np.random.default_rng(seed)
    names = ["stability", "deterrence", "cost", "risk"]
    criteria = tuple(Criterion(n, o, 1.0) for n, o in zip(names, ["max", "max", "min", "min"], strict=True))
    table = rng.uniform(1, 10, (strategies, 4))
    rows = tuple(
        Strategy(f"S{i}", dict(zip(names, map(float, row), strict=True)))
        for i, row in enumerate(table)
    )
    return Matrix("Random", criteria, rows, scale=(1.0, 10.0))


def reference(matrix: Matrix, method: str) -> tuple[np.ndarray, np.ndarray]:
    """Ranks and scores of one draw through scikit-criteria.

    The registry's pipeline (decide.methods.evaluate); for wpm that is InvertMinimize +
    WeightedProductModel after the all-positive check. For vikor the ranks compared
    are those of Q alone (use_compromise_set=False): SMAA ranks by score, not by
    compromise set.
    """
    if method == "vikor":
        from skcriteria.agg.vikor import VIKOR

        registry_scores = evaluate(matrix, "vikor")[1]
        result = VIKOR(use_compromise_set=False).evaluate(matrix.to_skcriteria())
        assert np.array_equal(result.e_.q_k, registry_scores)
        return np.asarray(result.rank_), registry_scores
    return evaluate(matrix, method)


def per_draw(matrix, method, weights, tables=None):
    ranks, scores = [], []
    for index, row in enumerate(weights):
        sample = matrix if tables is None else with_scores(matrix, tables[index])
        sample = sample.with_criterion_weights(dict(zip(matrix.criterion_names, row, strict=True)))
        # scikit-criteria divides 0 by 0 for a constant criterion, then maps it to 0
        with np.errstate(divide="ignore", invalid="ignore"):
            r, s = reference(sample, method)
        ranks.append(r)
        scores.append(s)
    return np.array(ranks), np.array(scores)


@pytest.mark.parametrize("method", BATCHED)
def test_batched_equals_per_draw_scikit_criteria(method):
    matrix = random_matrix(1)
    rng = np.random.default_rng(2)
    weights = rng.dirichlet(np.ones(4), DRAWS)
    expected_ranks, expected_scores = per_draw(matrix, method, weights)
    scores = batch_scores(matrix, method, weights)
    assert np.max(np.abs(scores - expected_scores)) < 1e-9
    prefers = "lower" if method == "vikor" else "higher"
    assert np.array_equal(batch_ranks(scores, prefers), expected_ranks)


@pytest.mark.parametrize("method", BATCHED)
def test_batched_with_perturbed_scores_equals_per_draw(method):
    matrix = random_matrix(3, strategies=5)
    rng = np.random.default_rng(4)
    weights = rng.dirichlet(np.ones(4), NOISY_DRAWS)
    tables = np.clip(score_table(matrix) + rng.uniform(-1, 1, (NOISY_DRAWS, 5, 4)), 1, 10)
    expected_ranks, expected_scores = per_draw(matrix, method, weights, tables)
    scores = batch_scores(matrix, method, weights, scores=tables)
    assert np.max(np.abs(scores - expected_scores)) < 1e-9
    prefers = "lower" if method == "vikor" else "higher"
    assert np.array_equal(batch_ranks(scores, prefers), expected_ranks)


def test_constant_criterion_has_no_influence_like_the_registry():
    matrix = random_matrix(5, strategies=4)
    table = score_table(matrix)
    table[:, 1] = 5.0
    matrix = with_scores(matrix, table)
    weights = np.random.default_rng(6).dirichlet(np.ones(4), 20)
    for method in ("wsm", "vikor", "topsis"):
        expected = per_draw(matrix, method, weights)[1]
        assert np.max(np.abs(batch_scores(matrix, method, weights) - expected)) < 1e-9


def test_ties_share_a_rank_despite_rounding():
    assert batch_ranks([[0.3, 0.1 + 0.2, 0.5]], "higher").tolist() == [[2, 2, 1]]


def test_wpm_needs_positive_scores():
    matrix = with_scores(random_matrix(7, strategies=3), [[1, 2, 3, 0], [2, 2, 2, 2], [3, 3, 3, 3]])
    with pytest.raises(MethodError, match="wpm needs every score > 0"):
        batch_scores(matrix, "wpm", [[0.25, 0.25, 0.25, 0.25]])


def test_other_methods_fall_back_to_the_registry(monkeypatch):
    import decide.batch

    monkeypatch.setattr(decide.batch, "BATCHED", ("wsm",))
    matrix = random_matrix(8, strategies=4)
    weights = np.random.default_rng(9).dirichlet(np.ones(4), 5)
    expected = per_draw(matrix, "topsis", weights)[1]
    assert np.max(np.abs(batch_scores(matrix, "topsis", weights) - expected)) < 1e-12


def test_fast_ranks_equal_ranks_by_sorting_with_and_without_ties():
    from decide.batch import _ranks_by_sorting

    rng = np.random.default_rng(10)
    for scores in (rng.random((500, 9)), np.round(rng.random((500, 9)), 1), rng.random((5, 70))):
        assert np.array_equal(batch_ranks(scores, "lower"), _ranks_by_sorting(scores))
        assert np.array_equal(batch_ranks(scores, "higher"), _ranks_by_sorting(-scores))
