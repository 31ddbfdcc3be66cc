"""The registry of ranking methods: one entry per method, each a scikit-criteria pipeline.

Every entry names the preprocessing its original definition uses, so that a user
cannot get it wrong. Adding a method is adding one :class:`Method` to ``METHODS``.

>>> sorted(METHODS)
['topsis', 'vikor', 'wsm']
>>> METHODS["vikor"].better
'lower'
>>> METHODS["vikor"].resolve_params({"v": "0.3"})
{'v': 0.3, 'use_compromise_set': True}
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from decide.errors import MethodError, SpecError, UnknownNameError

if TYPE_CHECKING:
    import numpy as np

    from decide.matrix import Matrix

Better = Literal["higher", "lower"]

_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


@dataclass(frozen=True)
class Parameter:
    """A method parameter: its type, default and allowed values."""

    name: str
    kind: type
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None

    @property
    def allowed(self) -> str:
        """The allowed values in words, e.g. ``0 <= v <= 1``."""
        if self.choices:
            return " | ".join(self.choices)
        if self.kind is bool:
            return "true | false"
        low = "" if self.minimum is None else f"{self.minimum:g} <= "
        high = "" if self.maximum is None else f" <= {self.maximum:g}"
        return f"{low}{self.name}{high}" if (low or high) else self.kind.__name__

    def parse(self, value: Any, method: str) -> Any:
        """Convert a command-line text (or a Python value) to this parameter's type."""
        where = f"method '{method}': parameter '{self.name}'"
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE | _FALSE:
                return text in _TRUE
            raise SpecError(f"{where} is '{value}'; use true or false")
        if self.kind is str:
            text = str(value)
            if self.choices and text not in self.choices:
                raise SpecError(f"{where} is '{text}'; choose from: {', '.join(self.choices)}")
            return text
        try:
            number = self.kind(value)
            if self.kind is int and float(value) != number:
                raise ValueError
        except (TypeError, ValueError):
            raise SpecError(f"{where} is '{value}', expected {self.kind.__name__}") from None
        if number != number or (self.minimum is not None and number < self.minimum) or (
            self.maximum is not None and number > self.maximum
        ):
            raise SpecError(f"{where} is {value}; allowed: {self.allowed}")
        return number


@dataclass(frozen=True)
class Method:
    """One ranking method.

    ``build(params)`` returns a scikit-criteria pipeline whose ``evaluate`` takes the
    matrix's DecisionMatrix; ``score(result)`` reads the method's score from its result.
    """

    name: str
    full_name: str
    better: Better
    preprocessing: str
    reference: str
    build: Callable[[dict[str, Any]], Any]
    score: Callable[[Any], np.ndarray]
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)
    summary: str = ""

    def resolve_params(self, params: Mapping[str, Any] | None) -> dict[str, Any]:
        """Defaults overridden by ``params``; unknown or out-of-range values raise."""
        known = {p.name: p for p in self.parameters}
        for name in params or {}:
            if name not in known:
                valid = ", ".join(known) or "none"
                raise UnknownNameError(
                    f"method '{self.name}' has no parameter '{name}'; its parameters: {valid}"
                )
        resolved = {p.name: p.default for p in self.parameters}
        for name, value in (params or {}).items():
            resolved[name] = known[name].parse(value, self.name)
        return resolved


def _pipeline(*steps: Any) -> Any:
    """A scikit-criteria pipeline of the steps (a lone method is its own pipeline)."""
    if len(steps) == 1:
        return steps[0]
    from skcriteria.pipelines import mkpipe

    return mkpipe(*steps)


def _build_wsm(params: dict[str, Any]) -> Any:
    from skcriteria.agg.simple import WeightedSumModel
    from skcriteria.preprocessing.invert_objectives import MinMaxInverter

    return _pipeline(MinMaxInverter(), WeightedSumModel())


def _build_topsis(params: dict[str, Any]) -> Any:
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.preprocessing.invert_objectives import NegateMinimize
    from skcriteria.preprocessing.scalers import VectorScaler

    return _pipeline(NegateMinimize(), VectorScaler(target="matrix"), TOPSIS())


def _build_vikor(params: dict[str, Any]) -> Any:
    from skcriteria.agg.vikor import VIKOR

    return _pipeline(VIKOR(v=params["v"], use_compromise_set=params["use_compromise_set"]))


METHODS: dict[str, Method] = {
    method.name: method
    for method in [
        Method(
            name="wsm",
            full_name="Weighted sum model",
            better="higher",
            summary="Sum of weighted scores after each criterion is rescaled to [0, 1].",
            preprocessing="min-max normalisation per criterion, cost criteria reversed "
            "((max - x) / (max - min)), so the worst value is 0 and the best 1",
            reference="Fishburn, P. C. (1967). Additive utilities with incomplete product "
            "sets. Operations Research 15(3), 537-542",
            build=_build_wsm,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="topsis",
            full_name="Technique for Order of Preference by Similarity to Ideal Solution",
            better="higher",
            summary="Relative closeness to the ideal point and distance from the anti-ideal.",
            preprocessing="vector normalisation x / sqrt(sum x^2); cost criteria negated "
            "before normalising, so their ideal is the smallest value",
            reference="Hwang, C. L. & Yoon, K. (1981). Multiple Attribute Decision Making: "
            "Methods and Applications. Springer, Lecture Notes in Economics and Mathematical "
            "Systems 186",
            build=_build_topsis,
            score=lambda result: result.e_.similarity,
        ),
        Method(
            name="vikor",
            full_name="VIseKriterijumska Optimizacija I Kompromisno Resenje",
            better="lower",
            summary="Compromise between group utility S and individual regret R; lower Q is "
            "better and the compromise set shares rank 1.",
            preprocessing="linear distance to the best value of each criterion, "
            "(f* - f) / (f* - f-), as in the original method",
            reference="Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM "
            "methods: a comparative analysis of VIKOR and TOPSIS. European Journal of "
            "Operational Research 156(2), 445-455",
            build=_build_vikor,
            score=lambda result: result.e_.q_k,
            parameters=(
                Parameter(
                    "v",
                    float,
                    0.5,
                    "weight of the strategy of the majority (group utility) against regret",
                    minimum=0.0,
                    maximum=1.0,
                ),
                Parameter(
                    "use_compromise_set",
                    bool,
                    True,
                    "strategies in the compromise set all take rank 1",
                ),
            ),
        ),
    ]
}

DEFAULT_METHOD = "topsis"

# Warnings that scikit-criteria raises for a situation the methods above already handle
# correctly: a criterion whose value is the same for every strategy carries no
# information, and both min-max scaling and VIKOR then give it no influence.
_HANDLED_WARNINGS = re.compile(
    r"Some criteria are constant|Some criteria \(or distance\) was equal in all alternatives"
)


def get_method(name: str) -> Method:
    """The registered method called ``name`` (any case)."""
    method = METHODS.get(name.strip().lower())
    if method is None:
        raise UnknownNameError(f"unknown method '{name}'; choose from: {', '.join(METHODS)}")
    return method


def evaluate(
    matrix: Matrix, method: Method | str, params: Mapping[str, Any] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Ranks and scores of ``matrix``'s strategies under ``method``, in file order.

    Nothing the engine prints reaches stdout; a result with NaN scores raises
    :class:`MethodError` naming the matrix.
    """
    import numpy as np

    if isinstance(method, str):
        method = get_method(method)
    resolved = method.resolve_params(params)
    pipeline = method.build(resolved)
    # 0/0 inside the engine only happens for a constant criterion, which the methods
    # map to "no influence"; any NaN that survives is caught by the check below.
    with (
        warnings.catch_warnings(record=True) as caught,
        contextlib.redirect_stdout(io.StringIO()),
        np.errstate(divide="ignore", invalid="ignore"),
    ):
        warnings.simplefilter("always")
        try:
            result = pipeline.evaluate(matrix.to_skcriteria())
        except (ValueError, ZeroDivisionError, FloatingPointError) as error:
            raise MethodError(f"{matrix.label}: {method.name} cannot rank this matrix: {error}") from None
    for warning in caught:
        if not _HANDLED_WARNINGS.search(str(warning.message)):
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    scores = np.asarray(method.score(result), dtype=float)
    if not np.all(np.isfinite(scores)):
        bad = [s for s, v in zip(matrix.strategy_names, scores, strict=True) if not np.isfinite(v)]
        raise MethodError(
            f"{matrix.label}: {method.name} gives no finite score for strategy '{bad[0]}'; "
            "check the matrix for zero or constant columns, or use another method"
        )
    return np.asarray(result.rank_, dtype=int), scores


@dataclass(frozen=True)
class Catalogue:
    """The registry as a table (``decide methods``): every renderer accepts it."""

    methods: tuple[Method, ...]

    def to_frame(self, provenance: bool = False) -> Any:
        import pandas as pd

        return pd.DataFrame(
            {
                "method": [m.name for m in self.methods],
                "full name": [m.full_name for m in self.methods],
                "parameters": [
                    ", ".join(f"{p.name}={p.default} ({p.allowed})" for p in m.parameters) or "-"
                    for m in self.methods
                ],
                "better": [m.better for m in self.methods],
                "preprocessing": [m.preprocessing for m in self.methods],
                "reference": [m.reference for m in self.methods],
            }
        )

    def sections(self) -> list[Any]:
        from decide.ranking import Section

        frame = self.to_frame()[["method", "full name", "parameters", "better"]]
        return [Section("methods", f"{len(self.methods)} ranking methods", frame)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "methods": [
                {
                    "name": m.name,
                    "full_name": m.full_name,
                    "better": m.better,
                    "summary": m.summary,
                    "preprocessing": m.preprocessing,
                    "reference": m.reference,
                    "parameters": [
                        {"name": p.name, "type": p.kind.__name__, "default": p.default,
                         "allowed": p.allowed, "description": p.description}
                        for p in m.parameters
                    ],
                }
                for m in self.methods
            ]
        }


def catalogue() -> Catalogue:
    """Every registered method, for listing."""
    return Catalogue(tuple(METHODS.values()))
