"""Every vectorised method (its own numpy ``batch``) against its scikit-criteria pipeline.

On random matrices and random weights: ranks equal, scores within 1e-9, one draw at a
time (>= 200 draws per method), with perturbed score tables too, and with every
normalisation that scikit-criteria can express.
"""

from __future__ import annotations

import numpy as np
import pytest

from decide.core.errors import MethodError
from decide.core.model import Matrix
from decide.core.ranks import _ranks_by_sorting, batch_ranks
from decide.methods import METHODS, get_method
from decide.methods.run import batch_scores, evaluate, quietly
from tests.helpers import make_matrix

DRAWS = 200
NOISY_DRAWS = 50
VECTORISED = [name for name, cls in METHODS.items() if cls.vectorised]

# normalisations that scikit-criteria can express, per vectorised method
PIPELINE_VARIANTS = [
    ("wsm", {}),
    ("wsm", {"normalization": "linear"}),
    ("wsm", {"normalization": "sum"}),
    ("wpm", {}),
    ("wpm", {"normalization": "linear"}),
    ("topsis", {}),
    ("topsis", {"normalization": "minmax"}),
    ("topsis", {"normalization": "linear"}),
    ("vikor", {}),
    ("vikor", {"v": 0.2}),
    ("vikor", {"use_compromise_set": False}),
]


def random_matrix(seed: int, strategies: int = 7) -> Matrix:
    """Scores on a [1, 10] scale, two benefit and two cost criteria, no ties."""
    rng = np.random.default_rng(seed)
    return make_matrix(
        rng.uniform(1, 10, (strategies, 4)),
        ["max", "max", "min", "min"],
        [1, 1, 1, 1],
        criteria=["stability", "deterrence", "cost", "risk"],
        scale=(1.0, 10.0),
    )


def pipeline_scores(method, matrix: Matrix, weights: np.ndarray, tables=None) -> tuple[np.ndarray, np.ndarray]:
    """Ranks and scores of each draw through the method's scikit-criteria pipeline."""
    evaluator, dm, kwargs = method.pipeline(), matrix.to_skcriteria(), method.pipeline_kwargs(matrix)
    ranks, scores = [], []
    with quietly():
        for index, row in enumerate(weights):
            sample = dm.replace(weights=row) if tables is None else dm.replace(weights=row, matrix=tables[index])
            result = evaluator.evaluate(sample, **kwargs)
            ranks.append(result.rank_)
            scores.append(method.score_of(result))
    return np.array(ranks), np.array(scores)


def test_the_core_methods_are_vectorised():
    assert set(VECTORISED) >= {"wsm", "wpm", "topsis", "vikor"}


@pytest.mark.slow
@pytest.mark.parametrize(("name", "params"), PIPELINE_VARIANTS)
def test_batch_equals_the_pipeline_draw_by_draw(name, params):
    method = get_method(name, {**params, **({"use_compromise_set": False} if name == "vikor" else {})})
    matrix = random_matrix(1)
    weights = np.random.default_rng(2).dirichlet(np.ones(4), DRAWS)
    expected_ranks, expected_scores = pipeline_scores(method, matrix, weights)
    scores = batch_scores(method, matrix, weights)
    assert np.max(np.abs(scores - expected_scores)) < 1e-9
    assert np.array_equal(batch_ranks(scores, method.better), expected_ranks)


@pytest.mark.parametrize("name", VECTORISED)
def test_batch_with_perturbed_scores_equals_the_pipeline(name):
    method = get_method(name, {"use_compromise_set": False} if name == "vikor" else None)
    matrix = random_matrix(3, strategies=5)
    rng = np.random.default_rng(4)
    weights = rng.dirichlet(np.ones(4), NOISY_DRAWS)
    tables = np.clip(matrix.to_array() + rng.uniform(-1, 1, (NOISY_DRAWS, 5, 4)), 1, 10)
    expected_ranks, expected_scores = pipeline_scores(method, matrix, weights, tables)
    scores = batch_scores(method, matrix, weights, tables)
    assert np.max(np.abs(scores - expected_scores)) < 1e-9
    assert np.array_equal(batch_ranks(scores, method.better), expected_ranks)


@pytest.mark.parametrize(("name", "params"), PIPELINE_VARIANTS)
@pytest.mark.parametrize("seed", range(20))
def test_evaluate_equals_the_pipeline_on_random_matrices(name, params, seed):
    """Ranks (VIKOR's compromise set included) equal, scores within 1e-9."""
    rng = np.random.default_rng(100 + seed)
    strategies = int(rng.integers(2, 12))
    matrix = make_matrix(
        np.round(rng.uniform(1, 10, (strategies, 4)), int(rng.integers(0, 3))),
        list(rng.choice(["max", "min"], 4)),
        rng.uniform(0.05, 1, 4),
    )
    method = get_method(name, params)
    ranks, scores = evaluate(method, matrix)
    with quietly():
        result = method.pipeline().evaluate(matrix.to_skcriteria())
    assert np.max(np.abs(scores - method.score_of(result))) < 1e-9
    assert ranks.tolist() == np.asarray(result.rank_).tolist()


def test_constant_criterion_has_no_influence_like_the_pipeline():
    matrix = random_matrix(5, strategies=4)
    table = matrix.to_array()
    table[:, 1] = 5.0
    matrix = make_matrix(table, matrix.objectives, [1, 1, 1, 1])
    weights = np.random.default_rng(6).dirichlet(np.ones(4), 20)
    for name in ("wsm", "topsis"):
        method = get_method(name)
        expected = pipeline_scores(method, matrix, weights)[1]
        assert np.max(np.abs(batch_scores(method, matrix, weights) - expected)) < 1e-9


def test_ties_share_a_rank_despite_rounding():
    assert batch_ranks([[0.3, 0.1 + 0.2, 0.5]], "higher").tolist() == [[2, 2, 1]]


def test_wpm_needs_positive_scores():
    matrix = make_matrix([[1, 2, 3, 0], [2, 2, 2, 2], [3, 3, 3, 3]], ["max", "max", "min", "min"], [1, 1, 1, 1])
    with pytest.raises(MethodError, match="wpm cannot rank this matrix: criterion 'c4' has a zero"):
        evaluate(get_method("wpm"), matrix)


def test_methods_without_an_engine_fall_back_to_their_pipeline():
    method = get_method("moora")
    assert not method.vectorised
    matrix = random_matrix(8, strategies=4)
    weights = np.random.default_rng(9).dirichlet(np.ones(4), 5)
    expected = pipeline_scores(method, matrix, weights)[1]
    assert np.max(np.abs(batch_scores(method, matrix, weights) - expected)) < 1e-12


def test_fast_ranks_equal_ranks_by_sorting_with_and_without_ties():
    rng = np.random.default_rng(10)
    for scores in (rng.random((500, 9)), np.round(rng.random((500, 9)), 1), rng.random((5, 70))):
        assert np.array_equal(batch_ranks(scores, "lower"), _ranks_by_sorting(scores))
        assert np.array_equal(batch_ranks(scores, "higher"), _ranks_by_sorting(-scores))
