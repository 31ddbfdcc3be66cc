"""What every method is made of: typed :class:`Parameter`\\ s parsed once, and the
:class:`Method` base class that each registered method subclasses.

A method is a class with its metadata as class attributes (name, paper, year,
preprocessing, which score is better) and up to three capabilities:

- ``pipeline()``: the scikit-criteria (or pymcdm) evaluator, run by :mod:`decide.methods.run`;
- ``batch(table, cost, weights)``: a vectorised numpy engine scoring many weight
  vectors (and score tables) at once; a method with it is ``vectorised`` and is
  ranked without importing scikit-criteria at all;
- ``terms(table, cost)``: for additive methods, the per-criterion values whose
  weighted sum is the score (exact sensitivity and make-top use it): WSM's rescaled
  scores, PROMETHEE II's per-criterion net flows.

An instance carries its parameters, parsed once into typed values:

>>> from decide.methods import get_method
>>> vikor = get_method("vikor", {"v": "0.3"})
>>> vikor.params
{'v': 0.3, 'use_compromise_set': True}
>>> vikor.describe()
'v=0.3, use_compromise_set=true'
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from decide.core.errors import MethodError, SpecError, UnknownNameError

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix

Better = Literal["higher", "lower"]

_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


class PerCriterion(dict):
    """A parameter value given per criterion (``"cost:2, risk:3"``); ``*`` means every criterion.

    It prints as it was written, so captions show what the user typed.
    """

    def __init__(self, values: Mapping[str, Any], text: str):
        super().__init__(values)
        self.text = text

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Parameter:
    """A method parameter: its type, default and allowed values.

    ``syntax`` (with ``parser``) describes a text parameter that holds one value per
    criterion, such as SPOTIS bounds; ``parser`` turns one criterion's text into its
    typed value and raises ``ValueError`` saying what is wrong.
    """

    name: str
    kind: type
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None
    strict_minimum: bool = False
    choices: tuple[str, ...] | None = None
    syntax: str | None = None
    parser: Callable[[str], Any] | None = None

    @property
    def allowed(self) -> str:
        """The allowed values in words, e.g. ``0 <= v <= 1``."""
        if self.syntax:
            return self.syntax
        if self.choices:
            return " | ".join(self.choices)
        if self.kind is bool:
            return "true | false"
        sign = "<" if self.strict_minimum else "<="
        low = "" if self.minimum is None else f"{self.minimum:g} {sign} "
        high = "" if self.maximum is None else f" <= {self.maximum:g}"
        return f"{low}{self.name}{high}" if (low or high) else self.kind.__name__

    def parse(self, value: Any, method: str) -> Any:
        """Convert a command-line text (or a Python value) to this parameter's type."""
        where = f"method '{method}': parameter '{self.name}'"
        if value is None and self.default is None:
            return None
        if isinstance(value, PerCriterion):
            return value
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE | _FALSE:
                return text in _TRUE
            raise SpecError(f"{where} is '{value}'; use true or false")
        if self.kind is str:
            return _check_magnitudes(self._parse_text(str(value).strip(), where), where)
        return _check_magnitudes(self._parse_number(value, where), where)

    def _parse_text(self, text: str, where: str) -> Any:
        if self.choices and text not in self.choices:
            raise SpecError(f"{where} is '{text}'; choose from: {', '.join(self.choices)}")
        if self.parser is None:
            return text
        from decide.core.parse import split_per_criterion

        try:
            parts = split_per_criterion(text)
            return PerCriterion({name: self.parser(part) for name, part in parts.items()}, text)
        except ValueError as error:
            raise SpecError(f"{where} is '{text}': {error}; write {self.syntax}") from None

    def _parse_number(self, value: Any, where: str) -> Any:
        try:
            number = self.kind(value)
            if self.kind is int and float(value) != number:
                raise ValueError
        except (TypeError, ValueError, OverflowError):
            raise SpecError(f"{where} is '{value}', expected {self.kind.__name__}") from None
        if number in (float("inf"), float("-inf")):
            raise SpecError(f"{where} is '{value}', expected a finite number; allowed: {self.allowed}")
        if (
            number != number
            or (self.minimum is not None and number < self.minimum)
            or (self.strict_minimum and number == self.minimum)
            or (self.maximum is not None and number > self.maximum)
        ):
            raise SpecError(f"{where} is {value}; allowed: {self.allowed}")
        return number

    def format_default(self) -> str:
        """``name=default (allowed)`` for the catalogue."""
        default = "-" if self.default is None else self.default
        if isinstance(default, bool):
            default = str(default).lower()
        return f"{self.name}={default} ({self.allowed})"


def _check_magnitudes(value: Any, where: str) -> Any:
    """``value`` (a number, or per-criterion numbers and bounds), or a :class:`SpecError`
    when a number is outside decide's documented range (:mod:`decide.core.limits`)."""
    from decide.core.limits import magnitude_problem

    numbers: list[Any] = []
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, Mapping):
            pending.extend(item.values())
        elif isinstance(item, (tuple, list)):
            pending.extend(item)
        elif isinstance(item, (int, float)) and not isinstance(item, bool):
            numbers.append(item)
    for number in numbers:
        if abs(float(number)) != float("inf") and (problem := magnitude_problem(number)):
            raise SpecError(f"{where} {problem}")
    return value


def format_params(params: Mapping[str, Any]) -> str:
    """Parameters as ``v=0.5, use_compromise_set=true`` (``no parameters`` if none are set).

    >>> format_params({"v": 0.5, "use_compromise_set": True, "bounds": None})
    'v=0.5, use_compromise_set=true'
    """
    shown = {k: v for k, v in params.items() if v is not None}  # unset: the file's defaults
    if not shown:
        return "no parameters"
    return ", ".join(f"{k}={str(v).lower() if isinstance(v, bool) else v}" for k, v in shown.items())


class Pipeline:
    """Scikit-criteria steps chained as its ``SKCPipeline`` chains them (each transformer's
    ``transform`` in turn, then the decision maker's ``evaluate``), without importing
    ``skcriteria.pipelines``, which loads scikit-learn (0.4 s) for nothing else."""

    def __init__(self, *steps: Any) -> None:
        self.steps = steps

    def transform(self, dm: Any) -> Any:
        for step in self.steps[:-1]:
            dm = step.transform(dm)
        return dm

    def evaluate(self, dm: Any) -> Any:
        return self.steps[-1].evaluate(self.transform(dm))


@functools.lru_cache(maxsize=1)
def _scalers() -> tuple[type, type]:
    """scikit-criteria's VectorScaler and SumScaler, the same arithmetic on the same base
    class, defined here because ``skcriteria.preprocessing.scalers`` imports scikit-learn."""
    import numpy as np
    from skcriteria.preprocessing._preprocessing_base import SKCMatrixAndWeightTransformerABC

    class VectorScaler(SKCMatrixAndWeightTransformerABC):
        def _transform_weights(self, weights: Any) -> Any:
            values = np.asarray(weights, dtype=float)
            return values / np.linalg.norm(values, None, axis=None)

        def _transform_matrix(self, matrix: Any) -> Any:
            values = np.asarray(matrix, dtype=float)
            return values / np.linalg.norm(values, None, axis=0)

    class SumScaler(SKCMatrixAndWeightTransformerABC):
        def _transform_weights(self, weights: Any) -> Any:
            values = np.asarray(weights, dtype=float)
            return values / np.sum(values, axis=None, keepdims=True)

        def _transform_matrix(self, matrix: Any) -> Any:
            values = np.asarray(matrix, dtype=float)
            return values / np.sum(values, axis=0, keepdims=True)

    return VectorScaler, SumScaler


def vector_scaler(target: str = "matrix") -> Any:
    """skcriteria's ``VectorScaler(target)`` (see :func:`_scalers`)."""
    return _scalers()[0](target=target)


def sum_scaler(target: str = "matrix") -> Any:
    """skcriteria's ``SumScaler(target)`` (see :func:`_scalers`)."""
    return _scalers()[1](target=target)


def mkpipe(*steps: Any) -> Pipeline:
    """The steps as one :class:`Pipeline` (scikit-criteria's ``mkpipe``, same behaviour)."""
    return Pipeline(*steps)


class Method:
    """Base class of every ranking method; subclasses are registered with :func:`register`.

    Construct with the parameters (texts or values); they are checked and converted
    once. Two methods with the same name and parameters are equal.
    """

    #: the registry name, lower case
    name: ClassVar[str] = ""
    full_name: ClassVar[str] = ""
    #: which score is better
    better: ClassVar[Better] = "higher"
    summary: ClassVar[str] = ""
    preprocessing: ClassVar[str] = ""
    reference: ClassVar[str] = ""
    year: ClassVar[int] = 0
    engine: ClassVar[str] = ""
    when: ClassVar[str] = ""
    parameters: ClassVar[tuple[Parameter, ...]] = ()
    #: False for a method that ignores the criteria weights (captions then say so)
    uses_weights: ClassVar[bool] = True
    #: True when ``batch`` is implemented: ranked with numpy, no scikit-criteria (an
    #: instance may say False when its parameters need the matrix first: see :meth:`bind`)
    vectorised: bool = False
    #: True when ``terms`` is implemented: the score is ``terms @ weights``
    additive: bool = False
    #: False for a method that may rank a strategy above one that dominates it (it compares
    #: with positional ideals or solves linear programs); captions then say when it happens
    respects_dominance: ClassVar[bool] = True

    def __init__(self, params: Mapping[str, Any] | None = None, **more: Any) -> None:
        given = {**(params or {}), **more}
        known = {p.name: p for p in self.parameters}
        for key in given:
            if key not in known:
                valid = ", ".join(known) or "none"
                raise UnknownNameError(f"method '{self.name}' has no parameter '{key}'; its parameters: {valid}")
        resolved = {p.name: p.parse(p.default, self.name) if p.parser else p.default for p in self.parameters}
        for key, value in given.items():
            resolved[key] = known[key].parse(value, self.name)
        self.params: dict[str, Any] = resolved
        self.check_params()

    # -- identity ---------------------------------------------------------------------

    def __repr__(self) -> str:
        shown = "".join(f", {k}={v!r}" for k, v in self.params.items() if v is not None)
        return f"get_method({self.name!r}{shown})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Method) and (self.name, self._key()) == (other.name, other._key())

    def __hash__(self) -> int:
        return hash((self.name, self._key()))

    def _key(self) -> tuple[tuple[str, str], ...]:
        return tuple((k, str(v)) for k, v in self.params.items())

    def describe(self) -> str:
        """The parameters as captions show them (``v=0.5, use_compromise_set=true``)."""
        return format_params(self.params)

    @property
    def title(self) -> str:
        """``vikor (v=0.5, ...)``: the name with its parameters, for captions."""
        return f"{self.name} ({self.describe()})"

    # -- capabilities, overridden by subclasses ---------------------------------------

    def check_params(self) -> None:
        """Raise :class:`SpecError` when parameters contradict each other."""

    def check(self, matrix: Matrix) -> None:
        """Raise :class:`MethodError` when this method cannot rank ``matrix``."""

    def pipeline(self) -> Any:
        """The engine's evaluator: an object whose ``evaluate(dm, **kwargs)`` ranks a
        scikit-criteria DecisionMatrix."""
        raise NotImplementedError(f"{self.name} has no pipeline")

    def pipeline_kwargs(self, matrix: Matrix) -> dict[str, Any]:
        """Keyword arguments of ``evaluate`` that depend on the matrix (bounds, say)."""
        return {}

    def score_of(self, result: Any) -> np.ndarray:
        """The score in the engine's result."""
        return result.e_.score

    def batch(self, table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Scores for each weight vector: ``table`` is strategies x criteria (or one table
        per weight vector, samples x strategies x criteria), ``cost`` a boolean per
        criterion, ``weights`` samples x criteria; returns samples x strategies."""
        raise NotImplementedError(f"{self.name} is not vectorised")

    def terms(self, table: np.ndarray, cost: np.ndarray) -> np.ndarray:
        """Additive methods: the strategies x criteria values whose weighted sum is the score."""
        raise NotImplementedError(f"{self.name} is not additive")

    def rank_scores(self, scores: np.ndarray, table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Ranks of one evaluation from its scores (dense, ties share a rank); VIKOR
        overrides this to rank its compromise set first."""
        from decide.core.ranks import batch_ranks

        return batch_ranks(scores[None, :], self.better)[0]

    def bind(self, matrix: Matrix) -> Method:
        """This method set up for ``matrix``'s criteria: a method whose parameters name
        criteria (PROMETHEE II thresholds) is ``vectorised`` only once bound; the others
        are returned as they are."""
        return self

    def require_weights(self) -> Method:
        """This method, or a :class:`SpecError` if it ignores weights (varying them changes nothing)."""
        if not self.uses_weights:
            raise SpecError(
                f"method '{self.name}' does not use weights, so varying them cannot change its ranking; "
                "choose a method that uses weights, e.g. topsis (see 'decide methods')"
            )
        return self

    def fail(self, matrix: Matrix, problem: str, fix: str) -> MethodError:
        """The error for a matrix this method cannot rank: what is wrong and what to do."""
        return MethodError(f"{matrix.label}: {self.name} cannot rank this matrix: {problem}; {fix}")


_REGISTRY: dict[str, type[Method]] = {}

_REQUIRED = ("name", "full_name", "summary", "preprocessing", "reference", "year", "engine", "when")


def register(cls: type[Method]) -> type[Method]:
    """Class decorator: add a method to the registry (its metadata must be complete)."""
    missing = [field for field in _REQUIRED if not getattr(cls, field)]
    if missing:
        raise TypeError(f"method class {cls.__name__} lacks {', '.join(missing)}")
    if cls.name in _REGISTRY:
        raise TypeError(f"method '{cls.name}' is registered twice")
    _REGISTRY[cls.name] = cls
    return cls
