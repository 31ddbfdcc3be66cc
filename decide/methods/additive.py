"""Additive and multiplicative aggregation: weighted sum, weighted product, WASPAS, CoCoSo."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from decide.methods.base import Method, Parameter, register
from decide.methods.checks import require_normalisable, require_positive
from decide.methods.normalise import NORMALISATIONS, normalise, weighted_sum

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix

LAMBDA = Parameter(
    "lambda", float, 0.5, "balance of the weighted sum (1) against the weighted product (0)", minimum=0.0, maximum=1.0
)

_NORMALISATION_HELP = (
    "linear: x/max, min/x for costs; minmax: (x-min)/(max-min); max: x/max, 1-x/max for costs; "
    "sum: x/sum, (1/x)/sum(1/x) for costs; vector: x/norm, 1-x/norm for costs"
)


@register
class WeightedSum(Method):
    name = "wsm"
    full_name = "Weighted sum model"
    summary = "Sum of weighted scores after each criterion is rescaled to [0, 1]."
    preprocessing = (
        "min-max normalisation per criterion, cost criteria reversed ((max - x) / (max - min)), "
        "so the worst value is 0 and the best 1 (--param normalization=linear|max|sum|vector for the others)"
    )
    reference = (
        "Fishburn, P. C. (1967). Additive utilities with incomplete product sets. Operations Research 15(3), 537-542"
    )
    year = 1967
    engine = "numpy (checked against skcriteria MinMaxInverter + WeightedSumModel)"
    when = "the default mental model: fully compensatory, easy to explain"
    parameters = (
        Parameter(
            "normalization", str, "minmax", f"column normalisation ({_NORMALISATION_HELP})", choices=NORMALISATIONS
        ),
    )
    vectorised = True
    additive = True

    def check(self, matrix: Matrix) -> None:
        require_normalisable(self, matrix, self.params["normalization"])

    def terms(self, table: np.ndarray, cost: np.ndarray) -> np.ndarray:
        return normalise(table, cost, self.params["normalization"])

    def batch(self, table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> np.ndarray:
        return weighted_sum(self.terms(table, cost), weights)

    def pipeline(self) -> Any:
        from skcriteria.agg.simple import WeightedSumModel
        from skcriteria.preprocessing import invert_objectives

        from decide.methods.base import mkpipe, sum_scaler

        how = self.params["normalization"]
        steps: dict[str, list[Any]] = {
            "minmax": [invert_objectives.MinMaxInverter()],
            "linear": [invert_objectives.BenefitCostInverter()],
            "sum": [invert_objectives.InvertMinimize(), sum_scaler("matrix")],
        }
        if how not in steps:
            raise NotImplementedError(f"no scikit-criteria pipeline for normalization={how}")
        return mkpipe(*steps[how], WeightedSumModel())


@register
class WeightedProduct(Method):
    name = "wpm"
    full_name = "Weighted product model"
    summary = (
        "Product of the scores raised to their weights; "
        "cost criteria with a negative exponent (score: log10 of the product, or the product with score=product)."
    )
    preprocessing = (
        "none; cost criteria enter as 1/x (a negative exponent), "
        "so every value must be above 0 (--param normalization=linear|sum|vector|max|minmax normalises first)"
    )
    reference = (
        "Bridgman, P. W. (1922). Dimensional Analysis. Yale University Press; Miller, D. W. & Starr, M. K. (1969). "
        "Executive Decisions and Operations Research. Prentice-Hall"
    )
    year = 1922
    engine = "numpy (checked against skcriteria InvertMinimize + WeightedProductModel)"
    when = "ratio-scale scores; a very poor value on one criterion should weigh heavily (less compensatory than wsm)"
    parameters = (
        Parameter(
            "normalization",
            str,
            "none",
            f"column normalisation (none: x, 1/x for costs; {_NORMALISATION_HELP})",
            choices=("none", *NORMALISATIONS),
        ),
        Parameter(
            "score",
            str,
            "log10",
            "the score shown: log10 of the weighted product, or the product itself (the same order)",
            choices=("log10", "product"),
        ),
    )
    vectorised = True

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, "the weighted product takes powers of every value (negative for costs)")
        how = self.params["normalization"]
        if how in ("minmax", "max"):
            import numpy as np

            values = normalise(matrix.to_array(), matrix.cost_mask(), how)
            if np.any(values <= 0):
                raise self.fail(
                    matrix,
                    f"{how} normalisation maps some score to 0",
                    "the weighted product takes logarithms; use normalization=linear, sum or vector",
                )

    def batch(self, table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> np.ndarray:
        import numpy as np

        logarithm = weighted_sum(np.log10(normalise(table, cost, self.params["normalization"])), weights)
        return logarithm if self.params["score"] == "log10" else 10.0**logarithm

    def pipeline(self) -> Any:
        from skcriteria.agg.simple import WeightedProductModel
        from skcriteria.preprocessing import invert_objectives

        from decide.methods.base import mkpipe

        steps: dict[str, Any] = {
            "none": invert_objectives.InvertMinimize(),
            "linear": invert_objectives.BenefitCostInverter(),
        }
        how = self.params["normalization"]
        if how not in steps or self.params["score"] != "log10":
            raise NotImplementedError(f"no scikit-criteria pipeline for {self.describe()}")
        return mkpipe(steps[how], WeightedProductModel())


@register
class WASPAS(Method):
    name = "waspas"
    full_name = "Weighted Aggregated Sum Product ASsessment"
    summary = "lambda x weighted sum + (1 - lambda) x weighted product of linearly normalised scores."
    preprocessing = "linear normalisation x / max for benefit, min / x for cost criteria; every value must be above 0"
    reference = (
        "Zavadskas, E. K., Turskis, Z., Antucheviciene, J. & Zakarevicius, A. (2012). "
        "Optimization of weighted aggregated sum product assessment. Elektronika ir Elektrotechnika 122(6), 3-6"
    )
    year = 2012
    engine = "skcriteria BenefitCostInverter + WASPAS"
    when = "between wsm and wpm; more accurate than either alone in the authors' tests"
    parameters = (LAMBDA,)

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, "the normalisation divides by cost values and the product part takes powers")

    def pipeline(self) -> Any:
        from skcriteria.agg.waspas import WASPAS as Engine
        from skcriteria.preprocessing.invert_objectives import BenefitCostInverter

        from decide.methods.base import mkpipe

        return mkpipe(BenefitCostInverter(), Engine(lambda_value=self.params["lambda"]))


@register
class CoCoSo(Method):
    name = "cocoso"
    full_name = "COmbined COmpromise SOlution"
    summary = "Three aggregations of weighted sum and weighted product combined by geometric and arithmetic means."
    preprocessing = "min-max normalisation per criterion, cost criteria reversed"
    reference = (
        "Yazdani, M., Zarate, P., Zavadskas, E. K. & Turskis, Z. (2019). "
        "A combined compromise solution (CoCoSo) method for multi-criteria decision-making problems. "
        "Management Decision 57(9), 2501-2519"
    )
    year = 2019
    engine = "skcriteria MinMaxInverter + CoCoSo"
    when = "a compromise of additive and multiplicative aggregation"
    parameters = (LAMBDA,)

    def check(self, matrix: Matrix) -> None:
        informative = [
            c
            for c in matrix.criteria
            if len({float(s.scores[c.name]) for s in matrix.strategies}) > 1 and matrix.weights[c.name] > 0
        ]
        for strategy in matrix.strategies:
            worst = all(
                float(strategy.scores[c.name])
                == (min if c.objective == "max" else max)(float(s.scores[c.name]) for s in matrix.strategies)
                for c in informative
            )
            if worst:
                raise self.fail(
                    matrix,
                    f"strategy '{strategy.name}' is the worst on every weighted criterion, so its normalised sum is 0",
                    "CoCoSo divides by the smallest sum; "
                    "drop that strategy (it is dominated, see --non-dominated) or use another method",
                )

    def pipeline(self) -> Any:
        from skcriteria.agg.cocoso import CoCoSo as Engine
        from skcriteria.preprocessing.invert_objectives import MinMaxInverter

        from decide.methods.base import mkpipe

        return mkpipe(MinMaxInverter(), Engine(lambda_value=self.params["lambda"]))
