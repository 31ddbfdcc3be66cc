"""The batched engine: scores of many weight vectors (and score tables) at once, with numpy.

:func:`batch_scores` evaluates a whole block of weight samples in a few array
operations instead of one scikit-criteria pipeline per sample. It reproduces the
registry's definitions (:mod:`decide.methods`) to floating-point precision for
``wsm``, ``wpm``, ``topsis`` and ``vikor``; any other method falls back to one
registry evaluation per sample. Callers keep memory flat by passing blocks of a
few thousand samples (:data:`CHUNK_SIZE`).

>>> import numpy as np
>>> from decide.matrix import Criterion, Matrix, Strategy
>>> m = Matrix(
...     actor="Example",
...     criteria=(Criterion("gain", "max", 1.0), Criterion("cost", "min", 1.0)),
...     strategies=(Strategy("A", {"gain": 9, "cost": 8}), Strategy("B", {"gain": 4, "cost": 2})),
... )
>>> weights = np.array([[0.9, 0.1], [0.2, 0.8]])
>>> batch_scores(m, "wsm", weights)
array([[0.9, 0.1],
       [0.2, 0.8]])
>>> batch_ranks(batch_scores(m, "wsm", weights), "higher")
array([[1, 2],
       [2, 1]])

VIKOR's scores are its Q values (lower is better). Ranks here are always derived
from the scores alone (dense ranking, ties share a rank), so for ``vikor`` they
ignore the compromise set that ``decide rank`` puts at rank 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from decide.errors import MethodError

if TYPE_CHECKING:
    import numpy as np

    from decide.matrix import Matrix
    from decide.methods import Method

#: Methods evaluated with array code; the others fall back to one sample at a time.
BATCHED = ("topsis", "vikor", "wpm", "wsm")

#: Samples per block: keeps temporary arrays to a few megabytes whatever the total.
CHUNK_SIZE = 10_000

#: Scores closer than this are tied (floating-point noise must not split a tie).
TIE_TOLERANCE = 1e-12

# Which score is better, for methods known here even before they are registered.
_BETTER = {"wsm": "higher", "wpm": "higher", "topsis": "higher", "vikor": "lower"}


def score_table(matrix: Matrix) -> np.ndarray:
    """The matrix's scores as a float array, strategies x criteria."""
    import numpy as np

    return np.array(
        [[float(s.scores[c]) for c in matrix.criterion_names] for s in matrix.strategies]
    )


def with_scores(matrix: Matrix, table: Any) -> Matrix:
    """A copy of ``matrix`` whose scores are ``table`` (strategies x criteria)."""
    names = matrix.criterion_names
    strategies = tuple(
        replace(s, scores={c: float(v) for c, v in zip(names, row, strict=True)})
        for s, row in zip(matrix.strategies, table, strict=True)
    )
    return replace(matrix, strategies=strategies)


def better(method: str) -> str:
    """``"higher"`` or ``"lower"``: which score ``method`` prefers."""
    if method in _BETTER:
        return _BETTER[method]
    from decide.methods import get_method

    return get_method(method).better


def rank_note(method: str) -> str:
    """What captions add for a method whose ranks here differ from ``decide rank``'s."""
    return "; ranks by Q alone, not the compromise set" if method == "vikor" else ""


def _method_name(method: Method | str) -> str:
    return method.strip().lower() if isinstance(method, str) else method.name


def _resolve(name: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    from decide.methods import METHODS

    if name in METHODS:
        return METHODS[name].resolve_params(params)
    if name == "vikor":  # pragma: no cover - vikor is always registered
        return {"v": 0.5, **(params or {})}
    if params:
        raise MethodError(f"method '{name}' takes no parameters here")
    return {}


def _safe_divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """``numerator / denominator``, 0 where the denominator is 0 (a constant column)."""
    import numpy as np

    zero = denominator == 0
    return np.where(zero, 0.0, numerator / np.where(zero, 1.0, denominator))


def _check_weights(weights: np.ndarray, n_criteria: int) -> np.ndarray:
    import numpy as np

    weights = np.asarray(weights, dtype=float)
    if weights.ndim != 2 or weights.shape[1] != n_criteria:
        raise ValueError(f"weights must have shape (samples, {n_criteria}), got {weights.shape}")
    if np.any(weights < 0):
        raise ValueError("weights must be >= 0")
    return weights


def _wsm(table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """MinMaxInverter then WeightedSumModel: sum of w * (min-max rescaled value)."""
    import numpy as np

    high = table.max(axis=-2, keepdims=True)
    low = table.min(axis=-2, keepdims=True)
    rescaled = _safe_divide(np.where(cost, high - table, table - low), high - low)
    if rescaled.ndim == 2:
        return weights @ rescaled.T
    return np.einsum("smn,sn->sm", rescaled, weights)


def _wpm(table: np.ndarray, cost: np.ndarray, weights: np.ndarray, label: str) -> np.ndarray:
    """InvertMinimize then WeightedProductModel: sum of w * log10(x), cost criteria as 1/x."""
    import numpy as np

    if np.any(table <= 0):
        raise MethodError(
            f"{label}: wpm needs every score > 0; use a scale above 0 or another method"
        )
    logs = np.where(cost, -np.log10(table), np.log10(table))
    if logs.ndim == 2:
        return weights @ logs.T
    return np.einsum("smn,sn->sm", logs, weights)


def _topsis(table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """NegateMinimize, VectorScaler(matrix), TOPSIS (euclidean): relative closeness."""
    import numpy as np

    signed = np.where(cost, -table, table)
    norm = np.sqrt((signed**2).sum(axis=-2, keepdims=True))
    scaled = signed / norm
    if scaled.ndim == 2:
        # Weights are >= 0, so the weighted ideal is w * max and the anti-ideal w * min:
        # each squared distance is a matrix product of w**2 with fixed squared gaps.
        to_ideal = (scaled.max(axis=0) - scaled) ** 2
        to_anti = (scaled - scaled.min(axis=0)) ** 2
        squared = weights**2
        d_better = np.sqrt(squared @ to_ideal.T)
        d_worse = np.sqrt(squared @ to_anti.T)
    else:
        weighted = scaled * weights[:, None, :]
        ideal = weighted.max(axis=1, keepdims=True)
        anti = weighted.min(axis=1, keepdims=True)
        d_better = np.sqrt(((weighted - ideal) ** 2).sum(axis=2))
        d_worse = np.sqrt(((weighted - anti) ** 2).sum(axis=2))
    return d_worse / (d_better + d_worse)


def _vikor(table: np.ndarray, cost: np.ndarray, weights: np.ndarray, v: float) -> np.ndarray:
    """VIKOR's Q: v * scaled group utility S + (1 - v) * scaled regret R (lower is better)."""
    import numpy as np

    high = table.max(axis=-2, keepdims=True)
    low = table.min(axis=-2, keepdims=True)
    # distance to the best value, 0 (best) .. 1 (worst); a constant column counts 0
    gap = _safe_divide(np.where(cost, table - low, high - table), high - low)
    if gap.ndim == 2:
        utility = weights @ gap.T
        regret = np.max(weights[:, None, :] * gap[None, :, :], axis=2)
    else:
        weighted = gap * weights[:, None, :]
        utility = weighted.sum(axis=2)
        regret = weighted.max(axis=2)

    def scale(values: np.ndarray) -> np.ndarray:
        low = values.min(axis=1, keepdims=True)
        return _safe_divide(values - low, values.max(axis=1, keepdims=True) - low)

    return v * scale(utility) + (1 - v) * scale(regret)


def _one_by_one(
    matrix: Matrix, method: str, weights: np.ndarray, params: Mapping[str, Any] | None,
    tables: np.ndarray | None,
) -> np.ndarray:
    """The fallback: one registry evaluation per sample."""
    import numpy as np

    from decide.methods import evaluate

    names = matrix.criterion_names
    out = np.empty((len(weights), len(matrix.strategies)))
    for index, row in enumerate(weights):
        sample = matrix if tables is None else with_scores(matrix, tables[index])
        sample = sample.with_criterion_weights(dict(zip(names, row, strict=True)))
        out[index] = evaluate(sample, method, params)[1]
    return out


def batch_scores(
    matrix: Matrix,
    method: Method | str,
    weights: Any,
    params: Mapping[str, Any] | None = None,
    scores: Any = None,
) -> np.ndarray:
    """Scores of every strategy under every weight vector: an array samples x strategies.

    ``weights`` is samples x criteria (rows >= 0 summing to 1). ``scores``, if given,
    is samples x strategies x criteria: one (perturbed) score table per sample;
    otherwise the matrix's own scores are used. Scores are those of
    :func:`decide.methods.evaluate` (higher is better except for ``vikor``).
    """
    import numpy as np

    name = _method_name(method)
    weights = _check_weights(weights, len(matrix.criteria))
    table = score_table(matrix) if scores is None else np.asarray(scores, dtype=float)
    if scores is not None and table.shape != (len(weights), *score_table(matrix).shape):
        raise ValueError(
            f"scores must have shape (samples, strategies, criteria), got {table.shape}"
        )
    if name not in BATCHED:
        return _one_by_one(matrix, name, weights, params, None if scores is None else table)
    resolved = _resolve(name, params)
    cost = np.array([o == "min" for o in matrix.objectives])
    if name == "wsm":
        result = _wsm(table, cost, weights)
    elif name == "wpm":
        result = _wpm(table, cost, weights, matrix.label)
    elif name == "topsis":
        result = _topsis(table, cost, weights)
    else:
        result = _vikor(table, cost, weights, float(resolved["v"]))
    if not np.all(np.isfinite(result)):
        raise MethodError(
            f"{matrix.label}: {name} gives no finite score for some weights; "
            "check the matrix for zero or constant columns, or use another method"
        )
    return result


def batch_ranks(scores: Any, better: str = "higher") -> np.ndarray:
    """Dense ranks (1 = best, ties share a rank) of each row of ``scores``.

    >>> batch_ranks([[0.2, 0.9, 0.2], [3.0, 1.0, 2.0]], "lower")
    array([[1, 2, 1],
           [3, 1, 2]])
    """
    import numpy as np

    scores = np.asarray(scores, dtype=float)
    key = -scores if better == "higher" else scores
    count = key.shape[1]
    if count > 64:
        return _ranks_by_sorting(key)
    # rank = 1 + how many are better by more than the tolerance: a few passes over the
    # block, faster than sorting every row. Without ties these ranks are a permutation
    # of 1..n; a tie lowers the sum, and only those rows are sorted.
    threshold = key - TIE_TOLERANCE
    ranks = np.ones(key.shape, dtype=np.int16)
    for column in range(count):
        np.add(ranks, key[:, column : column + 1] < threshold, out=ranks, casting="unsafe")
    ranks = ranks.astype(np.int64)
    tied = ranks.sum(axis=1) != count * (count + 1) // 2
    if tied.any():
        ranks[tied] = _ranks_by_sorting(key[tied])
    return ranks


def _ranks_by_sorting(key: np.ndarray) -> np.ndarray:
    """Dense ranks of each row of ``key`` (lower is better) by sorting."""
    import numpy as np

    order = np.argsort(key, axis=1, kind="stable")
    ordered = np.take_along_axis(key, order, axis=1)
    steps = np.diff(ordered, axis=1) > TIE_TOLERANCE
    dense = np.concatenate(
        [np.ones((len(key), 1), dtype=np.int64), 1 + np.cumsum(steps, axis=1)], axis=1
    )
    ranks = np.empty_like(dense)
    np.put_along_axis(ranks, order, dense, axis=1)
    return ranks


__all__ = ["BATCHED", "CHUNK_SIZE", "batch_ranks", "batch_scores", "score_table", "with_scores"]
