"""Bounded reference points: SPOTIS and RIM (distances within fixed bounds) and ERVD
(gains and losses against a reference point)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from decide.core.parse import parse_finite, parse_range, per_criterion
from decide.methods.base import Method, Parameter, register
from decide.methods.checks import SUM_NONNEGATIVE, SUM_NORM, require_nonzero_columns, require_positive

if TYPE_CHECKING:
    from collections.abc import Sequence

    from decide.core.model import Matrix

BOUNDS_SYNTAX = "LOW:HIGH or CRITERION:LOW:HIGH,..."


class BoundedMethod(Method):
    """A method that measures within each criterion's bounds: ``--param bounds``, else the file's scale."""

    def bounds(self, matrix: Matrix) -> list[tuple[float, float]]:
        """Bounds per criterion, checked to hold every score."""
        given = per_criterion(matrix, self.params.get("bounds"), f"method '{self.name}': parameter 'bounds'")
        bounds = []
        for criterion in matrix.criteria:
            if criterion.name in given:
                bounds.append(given[criterion.name])
            elif matrix.scale is not None:
                bounds.append(matrix.scale)
            else:
                raise self.fail(
                    matrix,
                    f"criterion '{criterion.name}' has no bounds",
                    f"{self.name.upper()} measures distances within fixed bounds: add 'scale: "
                    "[low, high]' to the file or give --param bounds=LOW:HIGH (or bounds=criterion:LOW:HIGH,...)",
                )
        for criterion, (low, high) in zip(matrix.criteria, bounds, strict=True):
            for strategy in matrix.strategies:
                value = float(strategy.scores[criterion.name])
                if not low <= value <= high:
                    raise self.fail(
                        matrix,
                        f"criterion '{criterion.name}' is {value:g} for strategy '{strategy.name}', "
                        f"outside its bounds [{low:g}, {high:g}]",
                        "widen the bounds with --param bounds=...",
                    )
        return bounds

    def check(self, matrix: Matrix) -> None:
        self.bounds(matrix)


@register
class SPOTIS(BoundedMethod):
    name = "spotis"
    full_name = "Stable Preference Ordering Towards Ideal Solution"
    better = "lower"
    summary = "Weighted distance to the ideal point of fixed bounds; free of rank reversal."
    preprocessing = (
        "none; distances are divided by each criterion's bounds (the file's scale, or --param bounds), "
        "the ideal is the best bound (or --param ideal)"
    )
    reference = (
        "Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). "
        "The SPOTIS rank reversal free method for multi-criteria decision-making support. "
        "2020 IEEE 23rd International Conference on Information Fusion (FUSION), 1-8"
    )
    year = 2020
    engine = "skcriteria SPOTIS"
    when = "adding or removing a strategy must not reorder the others"
    parameters = (
        Parameter(
            "bounds",
            str,
            None,
            "bounds of every criterion; default: the file's scale",
            syntax=BOUNDS_SYNTAX,
            parser=parse_range,
        ),
        Parameter(
            "ideal",
            str,
            None,
            "ideal solution point of every criterion, in score units within its bounds; "
            "default: the best bound (the high one to maximise, the low one to minimise)",
            syntax="VALUE or CRITERION:VALUE,...",
            parser=parse_finite,
        ),
    )

    def ideal_point(self, matrix: Matrix) -> list[float]:
        """The ideal solution point (ISP) of every criterion: ``ideal``, else the best bound."""
        bounds = self.bounds(matrix)
        given = per_criterion(matrix, self.params.get("ideal"), f"method '{self.name}': parameter 'ideal'")
        point = []
        for criterion, (low, high) in zip(matrix.criteria, bounds, strict=True):
            value = float(given.get(criterion.name, high if criterion.objective == "max" else low))
            if not low <= value <= high:
                raise self.fail(
                    matrix,
                    f"the ideal point of criterion '{criterion.name}' is {value:g}, "
                    f"outside its bounds [{low:g}, {high:g}]",
                    "choose an ideal within the bounds, or widen them with --param bounds=...",
                )
            point.append(value)
        return point

    def check(self, matrix: Matrix) -> None:
        self.ideal_point(matrix)

    def pipeline(self) -> Any:
        from skcriteria.agg.spotis import SPOTIS as Engine

        return Engine()

    def pipeline_kwargs(self, matrix: Matrix) -> dict[str, Any]:
        import numpy as np

        return {"bounds": np.array(self.bounds(matrix), dtype=float), "isp": np.array(self.ideal_point(matrix))}


@register
class RIM(BoundedMethod):
    name = "rim"
    full_name = "Reference Ideal Method"
    summary = "Relative closeness to a reference ideal within each criterion's range."
    preprocessing = "none; each value normalised by its distance to the reference ideal within the criterion's range (the file's scale, or --param bounds); the ideal is the best end of the range"  # noqa: E501 (one searchable sentence)
    reference = (
        "Cables, E., Lamata, M. T. & Verdegay, J. L. (2016). "
        "RIM-reference ideal method in multicriteria decision making. Information Sciences 337-338, 1-10"
    )
    year = 2016
    engine = "skcriteria RIM"
    when = "scores on fixed scales, judged against the best possible value"
    parameters = (
        Parameter(
            "bounds",
            str,
            None,
            "range of every criterion; default: the file's scale",
            syntax=BOUNDS_SYNTAX,
            parser=parse_range,
        ),
    )

    def pipeline(self) -> Any:
        from skcriteria.agg.rim import RIM as Engine

        return Engine()

    def pipeline_kwargs(self, matrix: Matrix) -> dict[str, Any]:
        ranges = self.bounds(matrix)
        ideals = [
            (high, high) if c.objective == "max" else (low, low)
            for c, (low, high) in zip(matrix.criteria, ranges, strict=True)
        ]
        return {"ranges": [tuple(r) for r in ranges], "ref_ideals": ideals}


class _ERVDEngine:
    """ERVD as Shyur et al. (2015) define it.

    The scores are sum-normalised (x / sum x per criterion) and the reference point
    with them (divided by the same totals), then scikit-criteria's ERVD applies the
    value function and the weighted city-block distances.
    """

    def __init__(self, lambda_value: float, alpha_value: float):
        self.lambda_value, self.alpha_value = lambda_value, alpha_value

    def evaluate(self, dm: Any, *, reference: Sequence[float]) -> Any:
        import numpy as np
        from skcriteria.agg.ervd import ERVD as Engine

        from decide.methods.base import sum_scaler

        totals = dm.matrix.to_numpy(dtype=float).sum(axis=0)
        scaled = sum_scaler("matrix").transform(dm)
        ranker = Engine(lambda_value=self.lambda_value, alpha_value=self.alpha_value)
        return ranker.evaluate(scaled, reference_points=np.asarray(reference, dtype=float) / totals)


@register
class ERVD(Method):
    name = "ervd"
    full_name = "Election based on Relative Value Distances"
    summary = (
        "TOPSIS-like closeness computed on prospect-theory values: "
        "each score is a gain or a loss against a reference point, and losses weigh more."
    )
    preprocessing = (
        "sum normalisation x / sum x of the scores and of the reference point, as in the paper; "
        "cost criteria gain below the reference; "
        "the reference is --param reference, else the middle of the file's scale, else each criterion's mean score"
    )
    reference = (
        "Shyur, H.-J., Yin, L., Shih, H.-S. & Cheng, C.-B. (2015). "
        "A multiple criteria decision making method based on relative value distances. "
        "Foundations of Computing and Decision Sciences 40(4), 299-315"
    )
    year = 2015
    engine = "skcriteria SumScaler(matrix) + ERVD"
    when = (
        "scores judged as gains or losses against a reference level (a target or the status quo); "
        "a shortfall counts more than an equal surplus"
    )
    parameters = (
        Parameter(
            "reference",
            str,
            None,
            "reference point of every criterion, in score units; "
            "default: the middle of the file's scale, else the criterion's mean score",
            syntax="VALUE or CRITERION:VALUE,...",
            parser=parse_finite,
        ),
        Parameter(
            "lambda",
            float,
            2.25,
            "loss aversion: a loss counts lambda times an equal gain",
            minimum=0.0,
            strict_minimum=True,
        ),
        Parameter(
            "alpha",
            float,
            0.88,
            "diminishing sensitivity: gains and losses are raised to alpha",
            minimum=0.0,
            maximum=1.0,
            strict_minimum=True,
        ),
    )

    def reference_point(self, matrix: Matrix) -> list[float]:
        """The reference point of every criterion, in score units.

        From ``reference``; a criterion not named takes the middle of the file's
        ``scale`` or, without one, its mean score.
        """
        given = per_criterion(matrix, self.params.get("reference"), f"method '{self.name}': parameter 'reference'")
        reference = []
        for criterion in matrix.criteria:
            if criterion.name in given:
                reference.append(float(given[criterion.name]))
            elif matrix.scale is not None:
                reference.append((matrix.scale[0] + matrix.scale[1]) / 2)
            else:
                values = [float(s.scores[criterion.name]) for s in matrix.strategies]
                reference.append(math.fsum(values) / len(values))
        return reference

    def check(self, matrix: Matrix) -> None:
        require_positive(self, matrix, SUM_NONNEGATIVE, strict=False)
        require_nonzero_columns(self, matrix, SUM_NORM)
        self.reference_point(matrix)
        if not any(
            matrix.weights[c.name] > 0 and len({float(s.scores[c.name]) for s in matrix.strategies}) > 1
            for c in matrix.criteria
        ):
            raise self.fail(
                matrix,
                "every weighted criterion has the same score for every strategy",
                "ERVD divides by the distances between the strategies' values, which are all 0; "
                "there is nothing to rank",
            )

    def pipeline(self) -> Any:
        return _ERVDEngine(self.params["lambda"], self.params["alpha"])

    def pipeline_kwargs(self, matrix: Matrix) -> dict[str, Any]:
        return {"reference": self.reference_point(matrix)}

    def score_of(self, result: Any) -> Any:
        return result.e_.similarity
