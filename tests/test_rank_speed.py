"""The faster ranking steps give what the direct computations gave."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from decide.analysis.actor_ranking import rank_matrix
from decide.core.ranks import batch_ranks, competition_ranks, row_sums
from decide.io.load import resolve_matrices
from decide.methods import get_method
from decide.methods.run import evaluate


@pytest.mark.parametrize("seed", range(20))
def test_competition_ranks_equal_counting_every_smaller_rank(seed):
    ranks = np.random.default_rng(seed).integers(1, 1 + seed % 7 + 1, 5 + seed * 3)
    expected = 1 + (ranks[None, :] < ranks[:, None]).sum(axis=1)
    np.testing.assert_array_equal(competition_ranks(ranks), expected)


@pytest.mark.parametrize("columns", range(1, 12))
def test_row_sums_are_numpys_sums_bit_for_bit(columns):
    table = np.random.default_rng(columns).standard_normal((500, columns)) * 10.0 ** np.arange(columns)
    assert np.array_equal(row_sums(table), table.sum(axis=1))


@pytest.mark.parametrize("method", ["topsis", "wsm", "vikor", "promethee2", "probid", "simus"])
def test_rank_table_is_the_one_built_before(method):
    chosen = get_method(method)
    for matrix in resolve_matrices(None, None, None):
        dense, scores = evaluate(chosen, matrix)
        ranks = competition_ranks(dense)
        dominators = matrix.dominators()
        table = pd.DataFrame({"rank": ranks, "strategy": matrix.strategy_names, "score": scores})
        table["dominated"] = [s in dominators for s in matrix.strategy_names]
        table["basis"] = [s.basis for s in matrix.strategies]
        table["order"] = batch_ranks(scores[None, :], chosen.better)[0]
        table = table.sort_values(["rank", "order"], kind="stable").drop(columns="order").reset_index(drop=True)
        ranking = rank_matrix(matrix, chosen)
        pd.testing.assert_frame_equal(ranking.table, table)
        assert dict(ranking.dominators) == dict(dominators)
        assert ranking.top == table["strategy"].iloc[0]


@pytest.mark.parametrize("how", ["kendall", "spearman"])
def test_correlations_are_scipys_bit_for_bit(how):
    from scipy import stats

    from decide.analysis.consensus import correlations

    rng = np.random.default_rng(7)
    for _ in range(60):
        n = int(rng.integers(2, 20))
        width = int(rng.integers(1, 7))
        frame = pd.DataFrame({f"m{j}": rng.integers(1, int(rng.integers(1, 6)) + 2, n) for j in range(width)})
        columns = list(frame.columns)
        want = pd.DataFrame(np.nan, index=columns, columns=columns, dtype=float)
        for i, a in enumerate(columns):
            for b in columns[i:]:
                x, y = frame[a].to_numpy(), frame[b].to_numpy()
                if len(set(x)) > 1 and len(set(y)) > 1:
                    test = stats.kendalltau if how == "kendall" else stats.spearmanr
                    want.loc[a, b] = want.loc[b, a] = float(test(x, y).statistic)
        assert correlations(frame, how).equals(want)


@pytest.mark.parametrize("seed", range(10))
def test_batch_ranks_of_a_few_rows_equal_those_of_a_block(seed):
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 4, (300, 2 + seed)) / 3.0
    scores[::7, 0] = scores[::7, 1] * (1 + 1e-12)  # ties within the tolerance
    block = batch_ranks(scores, "higher" if seed % 2 else "lower")
    rows = np.concatenate([batch_ranks(scores[i : i + 1], "higher" if seed % 2 else "lower") for i in range(300)])
    np.testing.assert_array_equal(rows, block)


def test_a_matrix_file_is_read_again_when_it_changes(tmp_path, matrix_file):
    import os

    from decide.io.load import load_matrix

    path = matrix_file()
    first = load_matrix(path)
    assert load_matrix(path) is first
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Testland", "Otherland", 1), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert load_matrix(path).actor != first.actor


def test_scalers_equal_scikit_criteria_bit_for_bit():
    import skcriteria
    from skcriteria.preprocessing.scalers import SumScaler, VectorScaler

    from decide.methods.base import sum_scaler, vector_scaler

    rng = np.random.default_rng(3)
    for _ in range(20):
        table = rng.random((7, 4)) * 10 + 0.1
        dm = skcriteria.mkdm(matrix=table, objectives=[max, min, max, min], weights=rng.random(4))
        for target in ("matrix", "weights", "both"):
            for theirs, ours in ((VectorScaler, vector_scaler), (SumScaler, sum_scaler)):
                a, b = theirs(target=target).transform(dm), ours(target).transform(dm)
                assert np.array_equal(a.matrix.to_numpy(), b.matrix.to_numpy())
                assert np.array_equal(a.weights.to_numpy(), b.weights.to_numpy())
