"""The MOORA family (Brauers & Zavadskas): ratio system, reference point, full
multiplicative form, and MULTIMOORA, which combines the three."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from decide.methods.base import Method, register
from decide.methods.checks import VECTOR_NORM, require_nonzero_columns, require_positive, require_positive_weights

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix

_MOORA_2006 = (
    "Brauers, W. K. M. & Zavadskas, E. K. (2006). "
    "The MOORA method and its application to privatization in a transition economy. "
    "Control and Cybernetics 35(2), 445-469"
)
_WEIGHTED_FMF = (
    "Hafezalkotob, A., Hafezalkotob, A., Liao, H. & Herrera, F. (2019). "
    "An overview of MULTIMOORA for multi-criteria decision-making: theory, developments, applications, "
    "and challenges. Information Fusion 51, 145-177"
)
_MULTIMOORA_2010 = (
    "Brauers, W. K. M. & Zavadskas, E. K. (2010). "
    "Project management by MULTIMOORA as an instrument for transition economies. "
    "Technological and Economic Development of Economy 16(1), 5-24"
)


def _vector_pipeline(engine: Any) -> Any:
    from decide.methods.base import mkpipe, vector_scaler

    return mkpipe(vector_scaler("matrix"), engine)


def _check_multiplicative(method: Method, matrix: Matrix) -> None:
    require_positive(method, matrix, "the full multiplicative form takes logarithms")
    require_positive_weights(method, matrix, "the full multiplicative form takes log(weight x value)")


@register
class MOORA(Method):
    name = "moora"
    full_name = "Multi-Objective Optimization on the basis of Ratio Analysis (ratio system)"
    summary = "Weighted sum of vector-normalised benefits minus weighted sum of vector-normalised costs."
    preprocessing = "vector normalisation x / sqrt(sum x^2); cost criteria subtracted"
    reference = _MOORA_2006
    year = 2006
    engine = "skcriteria VectorScaler(matrix) + RatioMOORA"
    when = "a simple additive method that keeps ratios (no min-max stretching)"

    def check(self, matrix: Matrix) -> None:
        require_nonzero_columns(self, matrix, VECTOR_NORM)

    def pipeline(self) -> Any:
        from skcriteria.agg.moora import RatioMOORA

        return _vector_pipeline(RatioMOORA())


@register
class ReferencePointMOORA(Method):
    name = "moora_refpoint"
    full_name = "MOORA reference point approach"
    better = "lower"
    summary = "Largest weighted (Tchebycheff) distance to the best value of each criterion, after vector normalisation."
    preprocessing = (
        "vector normalisation x / sqrt(sum x^2); the reference point is the largest benefit and the smallest cost value"
    )
    reference = _MOORA_2006
    year = 2006
    engine = "skcriteria VectorScaler(matrix) + ReferencePointMOORA"
    when = "avoid strategies that are far behind on any single criterion"

    def check(self, matrix: Matrix) -> None:
        require_nonzero_columns(self, matrix, VECTOR_NORM)

    def pipeline(self) -> Any:
        from skcriteria.agg.moora import ReferencePointMOORA as Engine

        return _vector_pipeline(Engine())


class _WeightedFMFEngine:
    """The weighted full multiplicative form: vector-normalised scores raised to their
    weights, benefits multiplied, costs dividing; computed as a sum of logarithms,
    ``sum_j sign_j * w_j * ln(x_ij / ||x_j||)``.

    Weights as exponents, not as factors: ``prod_j (w_j x_ij)`` (scikit-criteria's
    FullMultiplicativeForm) multiplies every strategy by the same constant, so its
    order cannot depend on the weights.
    """

    def evaluate(self, dm: Any) -> Any:
        import numpy as np

        values = dm.matrix.to_numpy(dtype=float)
        weights = dm.weights.to_numpy(dtype=float)
        sign = np.where(dm.iobjectives.to_numpy() == 1, 1.0, -1.0)
        scaled = values / np.sqrt((values**2).sum(axis=0))
        return _Scores(np.log(scaled) @ (sign * weights))


class _Scores:
    def __init__(self, score: Any) -> None:
        self.score = score


@register
class FullMultiplicativeForm(Method):
    name = "fmf"
    full_name = "MOORA full multiplicative form, weighted (weights as exponents)"
    summary = (
        "Product of benefits divided by product of costs, each raised to its weight "
        "(score: the natural logarithm of that ratio)."
    )
    preprocessing = (
        "vector normalisation x / sqrt(sum x^2); each value raised to its criterion's weight; "
        "costs divide; every value must be above 0"
    )
    reference = f"{_MULTIMOORA_2010} (the full multiplicative form); weighted with exponents as in {_WEIGHTED_FMF}"
    year = 2010
    engine = "numpy (equal to skcriteria VectorScaler(matrix) + InvertMinimize + WeightedProductModel)"
    when = "multiplicative aggregation: a very poor value on one criterion weighs heavily"

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, "the full multiplicative form takes logarithms")

    def pipeline(self) -> Any:
        return _WeightedFMFEngine()

    def score_of(self, result: Any) -> np.ndarray:
        return result.score


@register
class MULTIMOORA(Method):
    name = "multimoora"
    respects_dominance = False
    full_name = "MULTIMOORA (ratio system, reference point, full multiplicative form)"
    summary = "Dominance count over the three MOORA rankings (ratio system, reference point, full multiplicative form)."
    preprocessing = (
        "vector normalisation x / sqrt(sum x^2); "
        "every value must be above 0 (the multiplicative form takes logarithms); "
        "its multiplicative part is scikit-criteria's, which multiplies by the weights "
        "and so leaves that part's order unchanged (fmf raises to the weights instead)"
    )
    reference = _MULTIMOORA_2010
    year = 2010
    engine = "skcriteria VectorScaler(matrix) + MultiMOORA"
    when = "a robust ranking that three different aggregations must agree on"

    def check(self, matrix: Matrix) -> None:
        _check_multiplicative(self, matrix)

    def pipeline(self) -> Any:
        from skcriteria.agg.moora import MultiMOORA as Engine

        return _vector_pipeline(Engine())

    def score_of(self, result: Any) -> np.ndarray:
        """The dominance count of Brauers & Zavadskas (2010), from the three sub-rankings
        ranked with decide's tie tolerance (scikit-criteria compares the sub-scores
        exactly, so floating-point noise could split a tie and change the count)."""
        import numpy as np

        from decide.core.ranks import batch_ranks

        extra = result.e_
        sub_ranks = np.vstack(
            [
                batch_ranks(extra.ratio_score[None, :], "higher")[0],
                batch_ranks(extra.refpoint_score[None, :], "lower")[0],
                batch_ranks(extra.fmf_score[None, :], "higher")[0],
            ]
        ).T
        # a beats b when it is better in more of the three rankings, unless they tie in one
        better = (sub_ranks[:, None, :] < sub_ranks[None, :, :]).sum(axis=2)
        equal = (sub_ranks[:, None, :] == sub_ranks[None, :, :]).any(axis=2)
        wins = (better > better.T) & ~equal
        return wins.sum(axis=1).astype(float)
