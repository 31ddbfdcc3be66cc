"""Distances to ideal, anti-ideal, average or border solutions: TOPSIS, VIKOR, EDAS, CODAS,
MABAC, MAIRCA, MARCOS, PROBID and its simplified form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from decide.methods.base import Method, Parameter, register
from decide.methods.checks import (
    OTHER_METHOD,
    VECTOR_NORM,
    require_nonzero_columns,
    require_normalisable,
    require_positive,
    require_positive_means,
)
from decide.methods.normalise import NORMALISATIONS, normalise, safe_divide, weighted_sum

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix


@register
class TOPSIS(Method):
    name = "topsis"
    full_name = "Technique for Order of Preference by Similarity to Ideal Solution"
    summary = "Relative closeness to the ideal point and distance from the anti-ideal."
    preprocessing = (
        "vector normalisation x / sqrt(sum x^2); "
        "cost criteria negated before normalising, "
        "so their ideal is the smallest value (--param normalization=minmax|max|sum|linear for the others)"
    )
    reference = (
        "Hwang, C. L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and Applications. "
        "Springer, Lecture Notes in Economics and Mathematical Systems 186"
    )
    year = 1981
    engine = "numpy (checked against skcriteria NegateMinimize + VectorScaler(matrix) + TOPSIS)"
    when = "general purpose: best compromise between nearness to the best and distance from the worst"
    parameters = (
        Parameter(
            "normalization",
            str,
            "vector",
            "column normalisation before the distances (vector: x/norm; minmax; max: x/max; sum: x/sum; "
            "linear: x/max, min/x for costs); the ideal is the best normalised value",
            choices=NORMALISATIONS,
        ),
    )
    vectorised = True

    def check(self, matrix: Matrix) -> None:
        how = self.params["normalization"]
        if how == "vector":
            require_nonzero_columns(self, matrix, VECTOR_NORM)
        else:
            require_normalisable(self, matrix, how)

    def batch(self, table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> np.ndarray:
        import numpy as np

        scaled = normalise(table, cost, self.params["normalization"])
        if scaled.ndim == 2:
            # Weights are >= 0, so the weighted ideal is w * max and the anti-ideal w * min:
            # each squared distance is a product of w**2 with fixed squared gaps.
            squared = weights**2
            d_better = np.sqrt(weighted_sum((scaled.max(axis=0) - scaled) ** 2, squared))
            d_worse = np.sqrt(weighted_sum((scaled - scaled.min(axis=0)) ** 2, squared))
        else:
            weighted = scaled * weights[:, None, :]
            d_better = np.sqrt(((weighted - weighted.max(axis=1, keepdims=True)) ** 2).sum(axis=2))
            d_worse = np.sqrt(((weighted - weighted.min(axis=1, keepdims=True)) ** 2).sum(axis=2))
        return d_worse / (d_better + d_worse)

    def pipeline(self) -> Any:
        from skcriteria.agg.topsis import TOPSIS as Engine
        from skcriteria.preprocessing import invert_objectives

        from decide.methods.base import mkpipe, vector_scaler

        how = self.params["normalization"]
        steps: dict[str, list[Any]] = {
            "vector": [invert_objectives.NegateMinimize(), vector_scaler("matrix")],
            "minmax": [invert_objectives.MinMaxInverter()],
            "linear": [invert_objectives.BenefitCostInverter()],
        }
        if how not in steps:
            raise NotImplementedError(f"no scikit-criteria pipeline for normalization={how}")
        return mkpipe(*steps[how], Engine())

    def score_of(self, result: Any) -> np.ndarray:
        return result.e_.similarity


@register
class VIKOR(Method):
    name = "vikor"
    full_name = "VIseKriterijumska Optimizacija I Kompromisno Resenje"
    better = "lower"
    summary = (
        "Compromise between group utility S and individual regret R; "
        "lower Q is better and the compromise set shares rank 1."
    )
    preprocessing = (
        "linear distance to the best value of each criterion, (f* - f) / (f* - f-), as in the original method"
    )
    reference = (
        "Opricovic, S. & Tzeng, G.-H. (2004). "
        "Compromise solution by MCDM methods: a comparative analysis of VIKOR and TOPSIS. "
        "European Journal of Operational Research 156(2), 445-455"
    )
    year = 2004
    engine = "numpy (checked against skcriteria VIKOR)"
    when = "a compromise acceptable to the majority with limited regret; shows ties as a compromise set"
    parameters = (
        Parameter(
            "v",
            float,
            0.5,
            "weight of the strategy of the majority (group utility) against regret",
            minimum=0.0,
            maximum=1.0,
        ),
        Parameter("use_compromise_set", bool, True, "strategies in the compromise set all take rank 1"),
    )
    vectorised = True

    @staticmethod
    def _scale(values: np.ndarray) -> np.ndarray:
        low = values.min(axis=-1, keepdims=True)
        return safe_divide(values - low, values.max(axis=-1, keepdims=True) - low)

    def _distances(self, table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Group utility S and regret R, each scaled to [0, 1] (samples x strategies)."""
        import numpy as np

        # distance to the best value, 0 (best) .. 1 (worst); a constant column counts 0
        gap = 1.0 - normalise(table, cost, "minmax")
        gap = np.where(table.max(axis=-2, keepdims=True) == table.min(axis=-2, keepdims=True), 0.0, gap)
        weighted = (gap[None, :, :] if gap.ndim == 2 else gap) * weights[:, None, :]
        return self._scale(weighted.sum(axis=2)), self._scale(weighted.max(axis=2))

    def batch(self, table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> np.ndarray:
        utility, regret = self._distances(table, cost, weights)
        if len(weights) == 1:  # one evaluation: rank_scores asks for the same S and R next
            self.__dict__["_last"] = (table, cost.tobytes(), weights.tobytes(), utility, regret)
        v = self.params["v"]
        return v * utility + (1 - v) * regret

    def _distances_of_one(self, table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> tuple:
        """S and R of one evaluation, reused from :meth:`batch` when it just computed them."""
        last = self.__dict__.pop("_last", None)
        if last is not None and last[0] is table and last[1] == cost.tobytes() and last[2] == weights.tobytes():
            return last[3], last[4]
        return self._distances(table, cost, weights[None, :])

    def rank_scores(self, scores: np.ndarray, table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Ranks by Q, with the compromise set of Opricovic & Tzeng (2004) sharing rank 1
        (scikit-criteria's rule: acceptable advantage Q2 - Q1 >= 1/(n - 1) and acceptable
        stability, the leader also best by S or R), except that a gap equal to 1/(n - 1)
        within :data:`~decide.core.ranks.TIE_TOLERANCE` counts as equal."""
        import numpy as np

        from decide.core.ranks import TIE_TOLERANCE, batch_ranks

        ranks = batch_ranks(scores[None, :], "lower")[0]
        if not self.params["use_compromise_set"] or len(scores) < 2:
            return ranks
        utility, regret = self._distances_of_one(table, cost, np.asarray(weights, dtype=float))
        chosen = np.flatnonzero(ranks == 1)
        best = scores[chosen[0]]
        # C1, Q(A2) - Q(A1) >= DQ = 1/(m - 1), with decide's tie tolerance: a gap equal
        # to DQ up to floating-point noise is an acceptable advantage
        threshold = 1 / (len(scores) - 1)
        noise = TIE_TOLERANCE * max(float(np.abs(scores).max()), threshold)
        acceptable = np.flatnonzero(scores - best < threshold - noise)
        advantage = len(acceptable) == len(chosen)
        bests = set(np.flatnonzero((utility[0] == 0) | (regret[0] == 0)))
        stability = set(chosen) <= bests
        if stability and advantage:
            compromise = chosen
        elif advantage:
            compromise = np.flatnonzero(ranks <= 2)
        else:
            compromise = acceptable
        top = ranks[compromise].max()
        return np.where(ranks <= top, 1, ranks - top + 1)

    def pipeline(self) -> Any:
        from skcriteria.agg.vikor import VIKOR as Engine

        # VIKOR scales each criterion itself: no preprocessing step.
        return Engine(v=self.params["v"], use_compromise_set=self.params["use_compromise_set"])

    def score_of(self, result: Any) -> np.ndarray:
        return result.e_.q_k


@register
class EDAS(Method):
    name = "edas"
    full_name = "Evaluation based on Distance from Average Solution"
    summary = "Weighted positive and negative distances from the average strategy, normalised and averaged."
    preprocessing = (
        "none; distances are relative to each criterion's average (which must be above 0); "
        "cost criteria reverse the sign"
    )
    reference = (
        "Keshavarz Ghorabaee, M., Zavadskas, E. K., Olfat, L. & Turskis, Z. (2015). "
        "Multi-criteria inventory classification using a new method of evaluation based on distance from average solution (EDAS). Informatica 26(3), 435-451"  # noqa: E501 (one searchable sentence)
    )
    year = 2015
    engine = "skcriteria EDAS"
    when = "judge strategies against the average one rather than extremes; robust to outliers"

    def check(self, matrix: Matrix) -> None:
        require_positive_means(
            self,
            matrix,
            (
                "EDAS divides each distance by the criterion's average, which must be above 0; "
                f"rescale the scores, {OTHER_METHOD}"
            ),
        )

    def pipeline(self) -> Any:
        from skcriteria.agg.edas import EDAS as Engine

        return Engine()


@register
class CODAS(Method):
    name = "codas"
    full_name = "COmbinative Distance-based ASsessment"
    summary = "Euclidean distance from the negative-ideal, with taxicab distance breaking near ties (threshold tau)."
    preprocessing = "linear normalisation x / max for benefit, min / x for cost criteria, then weighted"
    reference = (
        "Keshavarz Ghorabaee, M., Zavadskas, E. K., Turskis, Z. & Antucheviciene, J. (2016). "
        "A new combinative distance-based assessment (CODAS) method for multi-criteria decision-making. "
        "Economic Computation and Economic Cybernetics Studies and Research 50(3), 25-44"
    )
    year = 2016
    engine = "skcriteria BenefitCostInverter + CODAS"
    when = "strategies far from the worst; a second distance separates near ties"
    parameters = (
        Parameter(
            "tau",
            float,
            0.02,
            "threshold below which two Euclidean distances count as equal",
            minimum=0.01,
            maximum=0.05,
        ),
    )

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, "min / x divides by cost values", objective="min")
        require_positive(self, matrix, "x / max needs values of at least 0", strict=False)
        require_nonzero_columns(self, matrix, "x / max divides by each criterion's largest value")

    def pipeline(self) -> Any:
        from skcriteria.agg.codas import CODAS as Engine
        from skcriteria.preprocessing.invert_objectives import BenefitCostInverter

        from decide.methods.base import mkpipe

        return mkpipe(BenefitCostInverter(), Engine(tau=self.params["tau"]))


@register
class MABAC(Method):
    name = "mabac"
    full_name = "Multi-Attributive Border Approximation area Comparison"
    summary = "Sum of distances from the border approximation area (geometric mean of the weighted matrix)."
    preprocessing = "min-max normalisation per criterion, cost criteria reversed; weighted as w x (n + 1)"
    reference = (
        "Pamucar, D. & Cirovic, G. (2015). "
        "The selection of transport and handling resources in logistics centers using Multi-Attributive Border Approximation area Comparison (MABAC). Expert Systems with Applications 42(6), 3016-3028"  # noqa: E501 (one searchable sentence)
    )
    year = 2015
    engine = "skcriteria MinMaxInverter + MABAC"
    when = "separates strategies above and below a typical (border) level"

    def pipeline(self) -> Any:
        from skcriteria.agg.mabac import MABAC as Engine
        from skcriteria.preprocessing.invert_objectives import MinMaxInverter

        from decide.methods.base import mkpipe

        return mkpipe(MinMaxInverter(), Engine())


@register
class MAIRCA(Method):
    name = "mairca"
    full_name = "MultiAttributive Ideal-Real Comparative Analysis"
    better = "lower"
    summary = "Total gap between theoretical (equal a-priori) and real ratings."
    preprocessing = (
        "none; min-max within the method, cost criteria reversed; equal a-priori preference 1/m for every strategy"
    )
    reference = (
        "Pamucar, D., Vasin, L. & Lukovac, L. (2014). "
        "Selection of railway level crossings for investing in security equipment using hybrid DEMATEL-MARICA model. "
        "XVI International Scientific-expert Conference on Railway (RAILCON), 89-92"
    )
    year = 2014
    engine = "skcriteria MAIRCA"
    when = "the smallest shortfall from an ideal rating"

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, "scikit-criteria's MAIRCA accepts only values above 0")

    def pipeline(self) -> Any:
        from skcriteria.agg.mairca import MAIRCA as Engine

        return Engine()

    def score_of(self, result: Any) -> np.ndarray:
        return result.e_["values"]


@register
class MARCOS(Method):
    name = "marcos"
    full_name = "Measurement of Alternatives and Ranking according to COmpromise Solution"
    summary = "Utility relative to both ideal and anti-ideal strategies combined in a utility function."
    preprocessing = (
        "none; x / ideal for benefit, ideal / x for cost criteria within the method; every value must be above 0"
    )
    reference = (
        "Stevic, Z., Pamucar, D., Puska, A. & Chatterjee, P. (2020). "
        "Sustainable supplier selection in healthcare industries using a new MCDM method: "
        "Measurement of alternatives and ranking according to COmpromise solution (MARCOS). "
        "Computers & Industrial Engineering 140, 106231"
    )
    year = 2020
    engine = "skcriteria MARCOS"
    when = "a compromise between the ideal and anti-ideal references"

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, "MARCOS divides the ideal by cost values and values by the ideal")

    def pipeline(self) -> Any:
        from skcriteria.agg.marcos import MARCOS as Engine

        return Engine()

    def score_of(self, result: Any) -> np.ndarray:
        return result.e_.utility_scores


_PROBID_REFERENCE = (
    "Wang, Z., Rangaiah, G. P. & Wang, X. (2021). "
    "Preference ranking on the basis of ideal-average distance method for multi-criteria decision-making. "
    "Industrial & Engineering Chemistry Research 60(30), 11216-11230"
)


@register
class PROBID(Method):
    name = "probid"
    respects_dominance = False
    full_name = "Preference Ranking On the Basis of Ideal-average Distance"
    summary = "Distances to a whole spectrum of ideal solutions (best, second best, ...) and to the average."
    preprocessing = (
        "vector normalisation x / sqrt(sum x^2), weighted; "
        "cost ideals are the smallest values (cost criteria negated first, which gives the same distances)"
    )
    reference = _PROBID_REFERENCE
    year = 2021
    engine = "skcriteria NegateMinimize + VectorScaler(matrix) + PROBID"
    when = "many strategies; uses every rank position as a reference, not only the best"

    def check(self, matrix: Matrix) -> None:
        require_nonzero_columns(self, matrix, VECTOR_NORM)

    def pipeline(self) -> Any:
        from skcriteria.agg.probid import PROBID as Engine
        from skcriteria.preprocessing.invert_objectives import NegateMinimize

        from decide.methods.base import mkpipe, vector_scaler

        return mkpipe(NegateMinimize(), vector_scaler("matrix"), Engine())


@register
class SimplifiedPROBID(Method):
    name = "sprobid"
    respects_dominance = False
    full_name = "Simplified PROBID"
    summary = "PROBID with only the top and bottom quartiles of ideal solutions."
    preprocessing = "as probid: vector normalisation, weighted, cost criteria negated"
    reference = _PROBID_REFERENCE
    year = 2021
    engine = "skcriteria NegateMinimize + VectorScaler(matrix) + SimplifiedPROBID"
    when = "as probid, for 4 or more strategies"

    def check(self, matrix: Matrix) -> None:
        count = len(matrix.strategies)
        if count < 4:
            raise self.fail(
                matrix,
                f"it has {count} strategies",
                "simplified PROBID uses quartiles of the strategies and needs at least 4; use probid",
            )
        if count < 8:
            for strategy in matrix.strategies:
                if all(
                    float(strategy.scores[c.name])
                    == (max if c.objective == "max" else min)(float(s.scores[c.name]) for s in matrix.strategies)
                    for c in matrix.criteria
                ):
                    raise self.fail(
                        matrix,
                        f"strategy '{strategy.name}' is the best on every criterion",
                        "with under 8 strategies simplified PROBID divides by its distance to the best values, "
                        "which is 0; use probid",
                    )
        require_nonzero_columns(self, matrix, VECTOR_NORM)

    def pipeline(self) -> Any:
        from skcriteria.agg.probid import SimplifiedPROBID as Engine
        from skcriteria.preprocessing.invert_objectives import NegateMinimize

        from decide.methods.base import mkpipe, vector_scaler

        return mkpipe(NegateMinimize(), vector_scaler("matrix"), Engine())
