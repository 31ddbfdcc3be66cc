"""Ratios and shares: ARAS, COPRAS, RAM and OCRA."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from decide.methods.base import Method, Parameter, register
from decide.methods.checks import (
    OTHER_METHOD,
    SUM_NONNEGATIVE,
    SUM_NORM,
    require_nonzero_columns,
    require_positive,
)

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix


class _ARASEngine:
    """ARAS as Zavadskas & Turskis (2010) define it.

    Cost criteria become 1/x; the optimal strategy (best value of each criterion) is
    added *before* sum normalisation; utility is each score over the optimal one.
    """

    def evaluate(self, dm: Any) -> Any:
        from skcriteria.agg.aras import ARAS
        from skcriteria.preprocessing.invert_objectives import InvertMinimize

        dm = InvertMinimize().transform(dm)
        values = dm.matrix.to_numpy(dtype=float)
        ideal = values.max(axis=0)
        totals = values.sum(axis=0) + ideal
        return ARAS().evaluate(dm.replace(matrix=values / totals), ideal=ideal / totals)


@register
class ARAS(Method):
    name = "aras"
    full_name = "Additive Ratio ASsessment"
    summary = "Weighted sum of each strategy relative to the optimal strategy (utility in [0, 1])."
    preprocessing = (
        "cost criteria as 1/x, then sum normalisation including the optimal strategy (best value of each criterion)"
    )
    reference = (
        "Zavadskas, E. K. & Turskis, Z. (2010). "
        "A new additive ratio assessment (ARAS) method in multicriteria decision-making. "
        "Technological and Economic Development of Economy 16(2), 159-172"
    )
    year = 2010
    engine = "skcriteria InvertMinimize + sum normalisation with the optimum + ARAS"
    when = "how close each strategy comes to an optimal one, as a percentage"

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, "cost criteria enter as 1/x", objective="min")
        require_positive(self, matrix, SUM_NONNEGATIVE, strict=False)
        require_nonzero_columns(self, matrix, SUM_NORM)

    def pipeline(self) -> Any:
        return _ARASEngine()

    def score_of(self, result: Any) -> np.ndarray:
        return result.e_.utility


@register
class COPRAS(Method):
    name = "copras"
    full_name = "COmplex PRoportional ASsessment"
    summary = (
        "Sum of weighted benefit shares plus a term that rewards small weighted cost shares; "
        "utility degree in percent of the best (or as a fraction with score=fraction)."
    )
    preprocessing = "sum normalisation x / sum x; benefit and cost criteria summed separately"
    reference = (
        "Zavadskas, E. K., Kaklauskas, A. & Sarka, V. (1994). "
        "The new method of multicriteria complex proportional assessment of projects. "
        "Technological and Economic Development of Economy 1(3), 131-139"
    )
    year = 1994
    engine = "skcriteria SumScaler(matrix) + COPRAS"
    when = "proportional trade-off of advantages against disadvantages"
    parameters = (
        Parameter(
            "score",
            str,
            "percent",
            "the utility degree shown: in percent of the best (100), or as a fraction of it (1)",
            choices=("percent", "fraction"),
        ),
    )

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, "COPRAS sums raw shares of each criterion", strict=False)
        require_nonzero_columns(self, matrix, "COPRAS divides each score by its criterion's total")
        weights = matrix.weights
        costs = [c.name for c in matrix.criteria if c.objective == "min" and weights[c.name] > 0]
        if not costs:
            unweighted = [c.name for c in matrix.criteria if c.objective == "min"]
            raise self.fail(
                matrix,
                f"its criteria to minimise ({', '.join(unweighted)}) all have weight 0"
                if unweighted
                else "it has no criterion to minimise",
                "COPRAS weighs advantages against disadvantages and needs at least one criterion with objective min; use moora or topsis",  # noqa: E501 (one searchable sentence)
            )
        for strategy in matrix.strategies:
            if all(float(strategy.scores[c]) == 0 for c in costs):
                raise self.fail(
                    matrix,
                    f"strategy '{strategy.name}' has a zero on every criterion to minimise ({', '.join(costs)})",
                    f"COPRAS divides by the sum of those; rescale the scores so that they are above 0, {OTHER_METHOD}",
                )

    def pipeline(self) -> Any:
        from skcriteria.agg.copras import COPRAS as Engine

        from decide.methods.base import mkpipe, sum_scaler

        return mkpipe(sum_scaler("matrix"), Engine())

    def score_of(self, result: Any) -> np.ndarray:
        score = result.e_.score
        return score if self.params["score"] == "percent" else score / 100.0


@register
class RAM(Method):
    name = "ram"
    full_name = "Root Assessment Method"
    summary = "(2 + weighted benefit sum) to the power 1 / (2 + weighted cost sum)."
    preprocessing = "sum normalisation x / sum x; every value must be at least 0"
    reference = (
        "Sotoudeh-Anvari, A. (2023). "
        "Root Assessment Method (RAM): "
        "a novel multi-criteria decision making method and its applications in sustainability challenges. "
        "Journal of Cleaner Production 423, 138695"
    )
    year = 2023
    engine = "skcriteria SumScaler(matrix) + RAM"
    when = "partly compensatory: costs shrink benefits through the exponent"

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, SUM_NONNEGATIVE, strict=False)
        require_nonzero_columns(self, matrix, SUM_NORM)

    def pipeline(self) -> Any:
        from skcriteria.agg.ram import RAM as Engine

        from decide.methods.base import mkpipe, sum_scaler

        return mkpipe(sum_scaler("matrix"), Engine())


@register
class OCRA(Method):
    name = "ocra"
    full_name = "Operational Competitiveness RAting"
    summary = "Aggregate input (cost) and output (benefit) performance relative to each criterion's smallest value."
    preprocessing = "none; (max - x) / min for cost, (x - min) / min for benefit criteria; every value must be above 0"
    reference = (
        "Parkan, C. (1994). Operational competitiveness ratings of production units. "
        "Managerial and Decision Economics 15(3), 201-221"
    )
    year = 1994
    engine = "skcriteria OCRA"
    when = "efficiency-style questions: outputs gained for inputs spent"

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, "OCRA divides by each criterion's smallest value")

    def pipeline(self) -> Any:
        from skcriteria.agg.ocra import OCRA as Engine

        return Engine()

    def score_of(self, result: Any) -> np.ndarray:
        return result.e_.performance
