"""Running a method on a matrix: check, evaluate quietly, guard against non-finite scores.

Vectorised methods are evaluated with their numpy engine (no scikit-criteria import);
the others with their scikit-criteria or pymcdm pipeline, the matrix converted once.
:func:`batch_scores` scores many weight vectors (and score tables) at once, with the
method's own ``batch`` when it has one and one engine evaluation per sample otherwise.

>>> from decide.core.model import Criterion, Matrix, Strategy
>>> from decide.methods import get_method
>>> m = Matrix(
...     actor="Example",
...     criteria=(Criterion("gain", "max", 1.0), Criterion("cost", "min", 1.0)),
...     strategies=(Strategy("A", {"gain": 9, "cost": 8}), Strategy("B", {"gain": 4, "cost": 2})),
... )
>>> ranks, scores = evaluate(get_method("wsm"), m)
>>> ranks.tolist(), scores.tolist()
([1, 1], [0.5, 0.5])
>>> batch_scores(get_method("wsm"), m, [[0.9, 0.1], [0.2, 0.8]]).tolist()
[[0.9, 0.1], [0.2, 0.8]]
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from decide.core.errors import MethodError, SpecError

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix
    from decide.methods.base import Method

# Warnings that scikit-criteria raises for a situation the methods already handle
# correctly: a criterion whose value is the same for every strategy carries no
# information, and both min-max scaling and VIKOR then give it no influence.
_HANDLED_WARNINGS = re.compile(
    r"Some criteria are constant|Some criteria \(or distance\) was equal in all alternatives"
)


@contextlib.contextmanager
def quietly() -> Iterator[list[warnings.WarningMessage]]:
    """Run an engine with nothing printed, numpy's 0/0 silenced, warnings collected.

    Warnings other than the handled ones are re-raised when the block ends.
    """
    import numpy as np

    with (
        warnings.catch_warnings(record=True) as caught,
        contextlib.redirect_stdout(io.StringIO()),
        np.errstate(divide="ignore", invalid="ignore", over="ignore"),
    ):
        warnings.simplefilter("always")
        yield caught
    for warning in caught:
        if not _HANDLED_WARNINGS.search(str(warning.message)):
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)


def _guard(method: Method, matrix: Matrix, scores: np.ndarray) -> np.ndarray:
    import numpy as np

    scores = np.asarray(scores, dtype=float)
    if not np.all(np.isfinite(scores)):
        flat = scores.reshape(-1, len(matrix.strategies))
        bad = int(np.flatnonzero(~np.isfinite(flat).all(axis=0))[0])
        raise MethodError(
            f"{matrix.label}: {method.name} gives no finite score for strategy '{matrix.strategy_names[bad]}'; "
            "check the matrix for zero or constant columns, or use another method"
        )
    return scores


def evaluate(method: Method, matrix: Matrix) -> tuple[np.ndarray, np.ndarray]:
    """Ranks and scores of ``matrix``'s strategies under ``method``, in file order.

    The method's preconditions are checked first (a :class:`MethodError` names the
    criterion and strategy); nothing the engine prints reaches stdout; NaN or
    infinite scores raise :class:`MethodError` naming the matrix and strategy.

    Every method follows the same rules here, in this one place:

    - strategies with the same scores on every weighted criterion get the same score
      (the first one's) and tie;
    - when all strategies are alike (or there is only one), nothing is compared: they
      all rank 1st with the method's ideal score (see :func:`ideal_score`);
    - ranks come from the scores, with scores equal within a relative tolerance of
      :data:`~decide.core.ranks.TIE_TOLERANCE` tied (dense ranks: 1, 1, 2).
    """
    import numpy as np

    groups = alike_groups(matrix, method.uses_weights)
    if len(set(groups.tolist())) == 1:
        count = len(matrix.strategies)
        return np.ones(count, dtype=np.int64), np.full(count, ideal_score(method))
    method.check(matrix)
    method = method.bind(matrix)
    if method.vectorised:
        table, cost, weights = matrix.to_array(), matrix.cost_mask(), matrix.weight_array()
        with quietly():
            scores = method.batch(table, cost, weights[None, :])[0]
        scores = _guard(method, matrix, scores)[groups]
        return method.rank_scores(scores, table, cost, weights), scores
    evaluator = method.pipeline()
    kwargs = method.pipeline_kwargs(matrix)
    with quietly():
        try:
            if hasattr(evaluator, "evaluate_arrays"):  # no scikit-criteria matrix needed
                result = evaluator.evaluate_arrays(
                    matrix.to_array(), _objective_codes(matrix), _weights(matrix), **kwargs
                )
            else:
                result = evaluator.evaluate(matrix.to_skcriteria(), **kwargs)
        except (ValueError, ZeroDivisionError, FloatingPointError) as error:
            raise _engine_error(method, matrix, error) from None
    scores = _guard(method, matrix, method.score_of(result))[groups]
    from decide.core.ranks import batch_ranks

    return batch_ranks(scores[None, :], method.better)[0], scores


def _objective_codes(matrix: Matrix) -> np.ndarray:
    """1 for a criterion to maximise, -1 to minimise (scikit-criteria's ``iobjectives``)."""
    import numpy as np

    return np.array([1 if o == "max" else -1 for o in matrix.objectives], dtype=np.int8)


def _weights(matrix: Matrix) -> np.ndarray:
    """The weights as :meth:`Matrix.to_skcriteria` passes them, in criterion order."""
    import numpy as np

    return np.asarray(list(matrix.weights.values()), dtype=float)


def ideal_score(method: Method) -> float:
    """The score given when there is nothing to compare: 1 when higher scores are better, else 0."""
    return 1.0 if method.better == "higher" else 0.0


def alike_groups(matrix: Matrix, weighted_only: bool = True) -> np.ndarray:
    """For each strategy, the index of the first strategy with the same scores on every
    weighted criterion (every criterion when ``weighted_only`` is false): alike strategies tie.

    >>> from decide.core.model import Criterion, Matrix, Strategy
    >>> m = Matrix("X", (Criterion("a", "max", 1.0), Criterion("b", "min", 0.0)),
    ...            tuple(Strategy(n, {"a": a, "b": b}) for n, a, b in [("P", 1, 2), ("Q", 3, 4), ("R", 1, 5)]))
    >>> alike_groups(m).tolist(), alike_groups(m, weighted_only=False).tolist()
    ([0, 1, 0], [0, 1, 2])
    """

    cache = matrix.__dict__.setdefault("_alike_groups", {})  # a frozen matrix never changes
    if weighted_only not in cache:
        groups = _alike_groups(matrix, weighted_only)
        groups.flags.writeable = False
        cache[weighted_only] = groups
    return cache[weighted_only]


def _alike_groups(matrix: Matrix, weighted_only: bool) -> np.ndarray:
    import numpy as np

    table = matrix.to_array()
    if weighted_only:
        table = table[:, matrix.weight_array() > 0]
    # Each row as one opaque value (-0.0 made 0.0 first): a 1-D unique, several times
    # faster than np.unique(axis=0) on a large matrix.
    if table.shape[1] == 0:
        return np.zeros(len(table), dtype=np.int64)
    rows = np.ascontiguousarray(table + 0.0)
    keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).reshape(-1)
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    return np.asarray(first[inverse.reshape(-1)], dtype=np.int64)


def check_weight_block(weights: Any, criteria: int) -> np.ndarray:
    """``weights`` as a float array of shape (samples, criteria), every value >= 0."""
    import numpy as np

    block = np.asarray(weights, dtype=float)
    if block.ndim != 2 or block.shape[1] != criteria:
        raise SpecError(f"must have shape (samples, {criteria}), got {block.shape}", field="weights")
    if np.any(block < 0) or not np.all(np.isfinite(block)):
        raise SpecError("must be finite and >= 0", field="weights")
    return block


def batch_scores(method: Method, matrix: Matrix, weights: Any, tables: Any = None) -> np.ndarray:
    """Scores of every strategy under every weight vector: an array samples x strategies.

    ``weights`` is samples x criteria (rows >= 0 summing to 1). ``tables``, if given,
    is samples x strategies x criteria: one (perturbed) score table per sample;
    otherwise the matrix's own scores are used. A method without a numpy engine is
    evaluated once per sample, on one scikit-criteria matrix updated in place.
    """
    import numpy as np

    weights = check_weight_block(weights, len(matrix.criteria))
    method = method.bind(matrix)
    base = matrix.to_array()
    if tables is not None:
        tables = np.asarray(tables, dtype=float)
        if tables.shape != (len(weights), *base.shape):
            raise SpecError(f"must have shape (samples, strategies, criteria), got {tables.shape}", field="tables")
    if tables is None:  # strategies alike on every criterion tie whatever the weights
        groups = alike_groups(matrix, weighted_only=False)
        if len(set(groups.tolist())) == 1:
            return np.full((len(weights), len(matrix.strategies)), ideal_score(method))
    else:
        groups = np.arange(len(matrix.strategies))
    if method.vectorised:
        with quietly():
            scores = method.batch(base if tables is None else tables, matrix.cost_mask(), weights)
        return _guard(method, matrix, scores)[:, groups]
    return _one_by_one(method, matrix, weights, tables)[:, groups]


def batch_scorer(method: Method, matrix: Matrix) -> Callable[[np.ndarray], np.ndarray]:
    """A function doing what :func:`batch_scores` does for ``matrix``'s own scores and
    many calls with valid weights (rows >= 0): the checks and the alike groups done once.
    Call it inside :func:`quietly`. Gives the same scores bit for bit."""
    import numpy as np

    groups = alike_groups(matrix, weighted_only=False)
    method = method.bind(matrix)
    if not method.vectorised or len(set(groups.tolist())) == 1:
        return lambda weights: batch_scores(method, matrix, weights)
    base, cost = matrix.to_array(), matrix.cost_mask()
    every = np.array_equal(groups, np.arange(len(groups)))

    def scores(weights: np.ndarray) -> np.ndarray:
        out = _guard(method, matrix, method.batch(base, cost, np.asarray(weights, dtype=float)))
        return out if every else out[:, groups]

    return scores


def _one_by_one(method: Method, matrix: Matrix, weights: np.ndarray, tables: np.ndarray | None) -> np.ndarray:
    """The fallback for methods without a numpy engine: one pipeline run per sample."""
    import numpy as np

    method.check(matrix)
    evaluator = method.pipeline()
    kwargs = method.pipeline_kwargs(matrix)
    out = np.empty((len(weights), len(matrix.strategies)))
    if hasattr(evaluator, "evaluate_arrays"):  # no scikit-criteria matrix needed
        table, codes = matrix.to_array(), _objective_codes(matrix)

        def run(index: int, row: np.ndarray) -> Any:
            return evaluator.evaluate_arrays(table if tables is None else tables[index], codes, row, **kwargs)
    else:
        dm = matrix.to_skcriteria()

        def run(index: int, row: np.ndarray) -> Any:
            sample = dm.replace(weights=row) if tables is None else dm.replace(weights=row, matrix=tables[index])
            return evaluator.evaluate(sample, **kwargs)

    with quietly():
        for index, row in enumerate(weights):
            try:
                out[index] = method.score_of(run(index, row))
            except (ValueError, ZeroDivisionError, FloatingPointError) as error:
                raise _engine_error(method, matrix, error) from None
    return _guard(method, matrix, out)


def _engine_error(method: Method, matrix: Matrix, error: Exception) -> MethodError:
    """One line for an error inside the engine: NaN scores that the engine tried to rank
    (its "doesn't look like a ranking") are reported as such, long texts are cut."""
    text = " ".join(str(error).split())
    if "look like a ranking" in text:
        return MethodError(
            f"{matrix.label}: {method.name} gives no finite score for some strategies; "
            "check the matrix and the method's parameters for extreme values, or use another method"
        )
    if len(text) > 160:
        text = text[:160] + "…"
    return MethodError(f"{matrix.label}: {method.name} cannot rank this matrix: {text}")
