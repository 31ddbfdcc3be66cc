"""The registry of ranking methods: one entry per method, set up as its paper has it.

Every entry names the preprocessing its original definition uses (normalisation, and
how cost criteria enter), so that a user cannot get it wrong; its parameters with
defaults and allowed values; whether a higher or lower score is better; and the paper
it comes from. Adding a method is adding one :class:`Method` to ``METHODS``.

scikit-criteria and pymcdm are imported only inside the builders, so importing this
module (and listing the catalogue) stays fast.

>>> len(METHODS)
27
>>> METHODS["vikor"].better
'lower'
>>> METHODS["vikor"].resolve_params({"v": "0.3"})
{'v': 0.3, 'use_compromise_set': True}
>>> METHODS["wpm"].year
1922
"""

from __future__ import annotations

import contextlib
import io
import math
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
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
    """A method parameter: its type, default and allowed values.

    ``syntax`` (with ``parser``) describes a text parameter that holds more than one
    number, such as SPOTIS bounds per criterion; ``parser`` checks the text and raises
    ``ValueError`` saying what is wrong.
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
    parser: Callable[[str], str] | None = None

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
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE | _FALSE:
                return text in _TRUE
            raise SpecError(f"{where} is '{value}'; use true or false")
        if self.kind is str:
            text = str(value).strip()
            if self.choices and text not in self.choices:
                raise SpecError(
                    f"{where} is '{text}'; choose from: {', '.join(self.choices)}"
                )
            if self.parser is not None:
                try:
                    return self.parser(text)
                except ValueError as error:
                    raise SpecError(
                        f"{where} is '{text}': {error}; write {self.syntax}"
                    ) from None
            return text
        try:
            number = self.kind(value)
            if self.kind is int and float(value) != number:
                raise ValueError
        except (TypeError, ValueError):
            raise SpecError(
                f"{where} is '{value}', expected {self.kind.__name__}"
            ) from None
        if (
            number != number
            or (self.minimum is not None and number < self.minimum)
            or (self.strict_minimum and number == self.minimum)
            or (self.maximum is not None and number > self.maximum)
        ):
            raise SpecError(f"{where} is {value}; allowed: {self.allowed}")
        return number


@dataclass(frozen=True)
class Method:
    """One ranking method.

    ``build(params)`` returns an object whose ``evaluate(dm, **kwargs)`` takes the
    matrix's scikit-criteria DecisionMatrix (a scikit-criteria pipeline, or a small
    adapter); ``prepare(matrix, params)`` gives the keyword arguments that depend on
    the matrix (SPOTIS bounds, say); ``score(result)`` reads the method's score.
    ``check(matrix, params)`` raises :class:`MethodError` when the method cannot rank
    the matrix (a zero where it divides, say), before anything is computed.
    ``uses_weights`` is False for a method that ignores the criteria weights (SIMUS):
    captions then say so instead of listing weights as if they mattered.
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
    year: int | None = None
    engine: str = ""
    when: str = ""
    check: Callable[..., None] | None = None
    prepare: Callable[[Matrix, dict[str, Any]], dict[str, Any]] | None = None
    check_params: Callable[[dict[str, Any]], None] | None = None
    uses_weights: bool = True

    def resolve_params(self, params: Mapping[str, Any] | None) -> dict[str, Any]:
        """Defaults overridden by ``params``; unknown or out-of-range values raise."""
        known = {p.name: p for p in self.parameters}
        for name in params or {}:
            if name not in known:
                valid = ", ".join(known) or "none"
                raise UnknownNameError(
                    f"method '{self.name}' has no parameter '{name}'; its parameters: "
                    f"{valid}"
                )
        resolved = {p.name: p.default for p in self.parameters}
        for name, value in (params or {}).items():
            resolved[name] = known[name].parse(value, self.name)
        if self.check_params is not None:
            self.check_params(resolved)
        return resolved


# --------------------------------------------------------------------------------
# Preconditions: every check names the criterion and strategy and says what to do.
# --------------------------------------------------------------------------------

_OTHER = "or rank with a method that takes any value, such as topsis or vikor"


def _fail(matrix: Matrix, method: str, problem: str, fix: str) -> MethodError:
    return MethodError(
        f"{matrix.label}: {method} cannot rank this matrix: {problem}; {fix}"
    )


def _value_word(value: float) -> str:
    return "a zero" if value == 0 else f"a negative value ({value:g})"


def _positive(
    why: str, *, strict: bool = True, objective: str | None = None
) -> Callable[[Matrix, dict[str, Any]], None]:
    """A check that every value (of the criteria with ``objective``, if given) is > 0.

    With ``strict=False`` zeros are allowed and only negative values fail.
    """

    def check(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
        for criterion in matrix.criteria:
            if objective is not None and criterion.objective != objective:
                continue
            for strategy in matrix.strategies:
                value = float(strategy.scores[criterion.name])
                if value < 0 or (strict and value == 0):
                    raise _fail(
                        matrix,
                        method,
                        f"criterion '{criterion.name}' has {_value_word(value)} for "
                        f"strategy "
                        f"'{strategy.name}'",
                        f"{why}; rescale the scores so that every value is "
                        f"{'above' if strict else 'at least'} 0, {_OTHER}",
                    )

    return check


def _nonzero_columns(why: str) -> Callable[[Matrix, dict[str, Any]], None]:
    """A check that no criterion is zero for every strategy."""

    def check(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
        for criterion in matrix.criteria:
            if all(float(s.scores[criterion.name]) == 0 for s in matrix.strategies):
                raise _fail(
                    matrix,
                    method,
                    f"criterion '{criterion.name}' is zero for every strategy",
                    f"{why}; drop the criterion or give it nonzero scores",
                )

    return check


def _positive_weights(why: str) -> Callable[[Matrix, dict[str, Any]], None]:
    def check(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
        for name, weight in matrix.weights.items():
            if weight <= 0:
                raise _fail(
                    matrix,
                    method,
                    f"criterion '{name}' has weight 0",
                    f"{why}; give it a positive weight or remove the criterion from "
                    f"the file",
                )

    return check


def _all(*checks: Callable[..., None]) -> Callable[[Matrix, dict[str, Any], str], None]:
    def check(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
        for one in checks:
            one(matrix, params, method)

    return check


def _check_copras(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
    _positive("COPRAS sums raw shares of each criterion", strict=False)(
        matrix, params, method
    )
    _nonzero_columns("COPRAS divides each score by its criterion's total")(
        matrix, params, method
    )
    costs = [c.name for c in matrix.criteria if c.objective == "min"]
    if not costs:
        raise _fail(
            matrix,
            method,
            "it has no criterion to minimise",
            "COPRAS weighs advantages against disadvantages and needs at least one "
            "criterion with objective min; use moora or topsis",
        )
    for strategy in matrix.strategies:
        if all(float(strategy.scores[c]) == 0 for c in costs):
            raise _fail(
                matrix,
                method,
                f"strategy '{strategy.name}' has a zero on every criterion to minimise "
                f"({', '.join(costs)})",
                "COPRAS divides by the sum of those; rescale the scores so that they "
                f"are above 0, {_OTHER}",
            )


def _check_edas(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
    for criterion in matrix.criteria:
        values = [float(s.scores[criterion.name]) for s in matrix.strategies]
        if math.fsum(values) / len(values) <= 0:
            raise _fail(
                matrix,
                method,
                f"criterion '{criterion.name}' has an average of "
                f"{math.fsum(values) / len(values):g}",
                "EDAS divides each distance by the criterion's average, which must be "
                f"above 0; rescale the scores, {_OTHER}",
            )


def _check_cocoso(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
    informative = [
        c
        for c in matrix.criteria
        if len({float(s.scores[c.name]) for s in matrix.strategies}) > 1
        and matrix.weights[c.name] > 0
    ]
    for strategy in matrix.strategies:
        worst = all(
            float(strategy.scores[c.name])
            == (min if c.objective == "max" else max)(
                float(s.scores[c.name]) for s in matrix.strategies
            )
            for c in informative
        )
        if worst:
            raise _fail(
                matrix,
                method,
                f"strategy '{strategy.name}' is the worst on every weighted criterion, "
                f"so "
                "its normalised sum is 0",
                "CoCoSo divides by the smallest sum; drop that strategy (it is "
                "dominated, "
                "see --non-dominated) or use another method",
            )


def _check_electre2(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
    values = [
        float(s.scores[c]) for s in matrix.strategies for c in matrix.criterion_names
    ]
    if len(matrix.strategies) > 1 and max(values) == min(values):
        raise _fail(
            matrix,
            method,
            "every score is the same",
            "ELECTRE II divides discordances by the largest range of scores; there is "
            "nothing to rank",
        )


def _check_electre2_params(params: dict[str, Any]) -> None:
    p0, p1, p2, q0, q1 = (params[k] for k in ("p0", "p1", "p2", "q0", "q1"))
    if not p0 >= p1 >= p2:
        raise SpecError(
            f"method 'electre2': parameters must satisfy p0 >= p1 >= p2; got "
            f"p0={p0:g}, "
            f"p1={p1:g}, p2={p2:g}"
        )
    if not q0 >= q1:
        raise SpecError(
            f"method 'electre2': parameters must satisfy q0 >= q1; got q0={q0:g}, "
            f"q1={q1:g}"
        )


def _check_sprobid(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
    if len(matrix.strategies) < 4:
        raise _fail(
            matrix,
            method,
            f"it has {len(matrix.strategies)} strategies",
            "simplified PROBID uses quartiles of the strategies and needs at least 4; "
            "use probid",
        )
    if len(matrix.strategies) >= 8:
        return
    for strategy in matrix.strategies:
        if all(
            float(strategy.scores[c.name])
            == (max if c.objective == "max" else min)(
                float(s.scores[c.name]) for s in matrix.strategies
            )
            for c in matrix.criteria
        ):
            raise _fail(
                matrix,
                method,
                f"strategy '{strategy.name}' is the best on every criterion",
                "with under 8 strategies simplified PROBID divides by its distance "
                "to the best values, which is 0; use probid",
            )


# --------------------------------------------------------------------------------
# Parameters holding one value per criterion (SPOTIS bounds, PROMETHEE functions).
# --------------------------------------------------------------------------------

PREFERENCE_FUNCTIONS = ("usual", "ushape", "vshape", "level", "vshape_2")
_PER_CRITERION = re.compile(r"^\s*([^:,]+?)\s*:\s*(.+?)\s*$")


def split_per_criterion(text: str) -> dict[str, str]:
    """Split ``"cost:2, risk:3"`` by criterion; a single value applies to all (``*``).

    >>> split_per_criterion("stability:usual, cost:vshape")
    {'stability': 'usual', 'cost': 'vshape'}
    >>> split_per_criterion("1:10")
    {'*': '1:10'}
    """
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise ValueError("it is empty")
    if len(parts) == 1 and not re.match(r"^\s*[A-Za-z_]", parts[0]):
        return {"*": parts[0]}
    if len(parts) == 1 and ":" not in parts[0]:
        return {"*": parts[0]}
    result: dict[str, str] = {}
    for part in parts:
        match = _PER_CRITERION.match(part)
        if not match:
            raise ValueError(f"'{part}' is not CRITERION:VALUE")
        if match.group(1) in result:
            raise ValueError(f"criterion '{match.group(1)}' is given twice")
        result[match.group(1)] = match.group(2)
    return result


def _parse_range(text: str) -> tuple[float, float]:
    low, colon, high = text.partition(":")
    try:
        bounds = (float(low), float(high))
    except ValueError:
        raise ValueError(f"'{text}' is not LOW:HIGH") from None
    if not colon or not all(math.isfinite(b) for b in bounds) or bounds[0] >= bounds[1]:
        raise ValueError(f"'{text}' is not LOW:HIGH with LOW < HIGH")
    return bounds


def _parse_bounds(text: str) -> str:
    for value in split_per_criterion(text).values():
        _parse_range(value)
    return text


def _parse_number(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a number") from None
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"'{text}' is not a number >= 0")
    return number


def _parse_thresholds(text: str) -> str:
    for value in split_per_criterion(text).values():
        _parse_number(value)
    return text


def _parse_preference(text: str) -> str:
    for value in split_per_criterion(text).values():
        if value not in PREFERENCE_FUNCTIONS:
            raise ValueError(f"'{value}' is not a preference function")
    return text


def per_criterion(
    matrix: Matrix, text: str | None, method: str, parameter: str
) -> dict[str, str]:
    """A per-criterion parameter spread over ``matrix``'s criteria (``*`` = every one).

    Criteria not named keep no value; a name that is not a criterion raises
    :class:`UnknownNameError` listing the criteria.
    """
    if text is None:
        return {}
    spec = split_per_criterion(text)
    if "*" in spec:
        return {name: spec["*"] for name in matrix.criterion_names}
    for name in spec:
        if name not in matrix.criterion_names:
            raise UnknownNameError(
                f"{matrix.label}: method '{method}': parameter '{parameter}' names "
                f"unknown "
                f"criterion '{name}'; criteria are: {', '.join(matrix.criterion_names)}"
            )
    return dict(spec)


def spotis_bounds(
    matrix: Matrix, params: dict[str, Any], method: str = "spotis"
) -> list[tuple[float, float]]:
    """Bounds per criterion: from ``--param bounds=...``, else the file's ``scale``."""
    given = {
        k: _parse_range(v)
        for k, v in per_criterion(
            matrix, params.get("bounds"), method, "bounds"
        ).items()
    }
    bounds = []
    for criterion in matrix.criteria:
        if criterion.name in given:
            bounds.append(given[criterion.name])
        elif matrix.scale is not None:
            bounds.append(matrix.scale)
        else:
            raise _fail(
                matrix,
                method,
                f"criterion '{criterion.name}' has no bounds",
                "SPOTIS measures distances within fixed bounds: add 'scale: [low, "
                "high]' "
                "to the file or give --param bounds=LOW:HIGH (or "
                "bounds=criterion:LOW:HIGH,...)",
            )
    for criterion, (low, high) in zip(matrix.criteria, bounds, strict=True):
        for strategy in matrix.strategies:
            value = float(strategy.scores[criterion.name])
            if not low <= value <= high:
                raise _fail(
                    matrix,
                    method,
                    f"criterion '{criterion.name}' is {value:g} for strategy "
                    f"'{strategy.name}', outside its bounds [{low:g}, {high:g}]",
                    "widen the bounds with --param bounds=...",
                )
    return bounds


def _prepare_spotis(matrix: Matrix, params: dict[str, Any]) -> dict[str, Any]:
    import numpy as np

    return {"bounds": np.array(spotis_bounds(matrix, params), dtype=float)}


def _check_spotis(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
    spotis_bounds(matrix, params, method)


def _prepare_rim(matrix: Matrix, params: dict[str, Any]) -> dict[str, Any]:
    ranges = spotis_bounds(matrix, params, "rim")
    ideals = [
        (high, high) if c.objective == "max" else (low, low)
        for c, (low, high) in zip(matrix.criteria, ranges, strict=True)
    ]
    return {"ranges": [tuple(r) for r in ranges], "ref_ideals": ideals}


def _check_rim(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
    spotis_bounds(matrix, params, method)


def promethee_settings(
    matrix: Matrix, params: dict[str, Any], method: str = "promethee2"
) -> tuple[list[str], list[float | None], list[float | None]]:
    """Preference function and thresholds p, q of every criterion, checked."""
    functions = per_criterion(matrix, params.get("preference"), method, "preference")
    ps = {
        k: _parse_number(v)
        for k, v in per_criterion(matrix, params.get("p"), method, "p").items()
    }
    qs = {
        k: _parse_number(v)
        for k, v in per_criterion(matrix, params.get("q"), method, "q").items()
    }
    names = matrix.criterion_names
    chosen = [functions.get(name, "usual") for name in names]
    p_list = [ps.get(name) for name in names]
    q_list = [qs.get(name) for name in names]
    for name, function, p, q in zip(names, chosen, p_list, q_list, strict=True):
        needs_p = function in ("vshape", "level", "vshape_2")
        needs_q = function in ("ushape", "level", "vshape_2")
        missing = [
            t
            for t, need, v in (("p", needs_p, p), ("q", needs_q, q))
            if need and v is None
        ]
        if missing:
            raise _fail(
                matrix,
                method,
                f"criterion '{name}' uses the {function} preference function, which "
                f"needs "
                f"threshold {' and '.join(missing)}",
                f"give --param {missing[0]}={name}:VALUE (or {missing[0]}=VALUE for "
                f"every criterion)",
            )
        if (
            needs_p
            and function != "vshape"
            and p is not None
            and q is not None
            and not q < p
        ):
            raise _fail(
                matrix,
                method,
                f"criterion '{name}' has indifference threshold q={q:g} not below the "
                f"preference threshold p={p:g}",
                "choose q < p",
            )
        if function == "vshape" and p == 0:
            raise _fail(
                matrix,
                method,
                f"criterion '{name}' has p=0 for the vshape function",
                "choose p > 0",
            )
    return chosen, p_list, q_list


def _check_promethee(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
    promethee_settings(matrix, params, method)


# --------------------------------------------------------------------------------
# One number per criterion: the ERVD reference point and the SIMUS limits.
# --------------------------------------------------------------------------------


def _parse_value(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"'{text}' is not a finite number")
    return number


def _parse_values(text: str) -> str:
    for value in split_per_criterion(text).values():
        _parse_value(value)
    return text


def ervd_reference(
    matrix: Matrix, params: dict[str, Any], method: str = "ervd"
) -> list[float]:
    """The reference point of every criterion, in score units.

    From ``--param reference=...``; a criterion not named takes the middle of the
    file's ``scale`` or, without one, its mean score.
    """
    given = {
        k: _parse_value(v)
        for k, v in per_criterion(
            matrix, params.get("reference"), method, "reference"
        ).items()
    }
    reference = []
    for criterion in matrix.criteria:
        if criterion.name in given:
            reference.append(given[criterion.name])
        elif matrix.scale is not None:
            reference.append((matrix.scale[0] + matrix.scale[1]) / 2)
        else:
            values = [float(s.scores[criterion.name]) for s in matrix.strategies]
            reference.append(math.fsum(values) / len(values))
    return reference


def _check_ervd(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
    _positive("sum normalisation needs values of at least 0", strict=False)(
        matrix, params, method
    )
    _nonzero_columns("sum normalisation divides by each criterion's total")(
        matrix, params, method
    )
    ervd_reference(matrix, params, method)
    if not any(
        matrix.weights[c.name] > 0
        and len({float(s.scores[c.name]) for s in matrix.strategies}) > 1
        for c in matrix.criteria
    ):
        raise _fail(
            matrix,
            method,
            "every weighted criterion has the same score for every strategy",
            "ERVD divides by the distances between the strategies' values, which "
            "are all 0; there is nothing to rank",
        )


def _prepare_ervd(matrix: Matrix, params: dict[str, Any]) -> dict[str, Any]:
    return {"reference": ervd_reference(matrix, params)}


def simus_limits(
    matrix: Matrix, params: dict[str, Any], method: str = "simus"
) -> list[float | None]:
    """The constraint limit of every criterion (``None``: SIMUS takes its best score)."""
    given = {
        k: _parse_value(v)
        for k, v in per_criterion(matrix, params.get("limits"), method, "limits").items()
    }
    return [given.get(name) for name in matrix.criterion_names]


def _check_simus(matrix: Matrix, params: dict[str, Any], method: str = "") -> None:
    """Every linear program SIMUS solves must be bounded.

    With scores of at least 0, a program that minimises a criterion is bounded by 0;
    one that maximises a criterion is bounded only by the constraints of the other
    criteria to maximise (``sum score x <= limit``), so every strategy that scores
    above 0 on it must score above 0 on one of those.
    """
    _positive(
        "SIMUS's linear programs are bounded only for scores of at least 0",
        strict=False,
    )(matrix, params, method)
    simus_limits(matrix, params, method)
    maximised = [c.name for c in matrix.criteria if c.objective == "max"]
    for name in maximised:
        others = [k for k in maximised if k != name]
        for strategy in matrix.strategies:
            if float(strategy.scores[name]) > 0 and not any(
                float(strategy.scores[k]) > 0 for k in others
            ):
                problem = (
                    f"criterion '{name}' is the only one to maximise"
                    if not others
                    else f"strategy '{strategy.name}' scores 0 on every criterion to "
                    f"maximise but '{name}'"
                )
                raise _fail(
                    matrix,
                    method,
                    f"{problem}, so the linear program that maximises '{name}' has "
                    "no bound",
                    "SIMUS limits each criterion's program by the other criteria to "
                    "maximise; add a criterion to maximise with scores above 0, or "
                    "rank with another method",
                )


def _prepare_simus(matrix: Matrix, params: dict[str, Any]) -> dict[str, Any]:
    return {"limits": simus_limits(matrix, params)}


# --------------------------------------------------------------------------------
# Builders: scikit-criteria and pymcdm are imported here, never at module level.
# --------------------------------------------------------------------------------


def _pipeline(*steps: Any) -> Any:
    """A scikit-criteria pipeline of the steps (a lone method is its own pipeline)."""
    if len(steps) == 1:
        return steps[0]
    from skcriteria.pipelines import mkpipe

    return mkpipe(*steps)


class _Steps:
    """Preprocessing steps, then a ranker whose ``evaluate`` takes keyword arguments.

    (scikit-criteria's pipelines pass none.)
    """

    def __init__(self, *steps: Any, final: Any):
        self.steps = steps
        self.final = final

    def evaluate(self, dm: Any, **kwargs: Any) -> Any:
        for step in self.steps:
            dm = step.transform(dm)
        return self.final.evaluate(dm, **kwargs)


class _ARAS:
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


@dataclass(frozen=True)
class ExternalResult:
    """Ranks and scores of a method from another library, scikit-criteria style."""

    rank_: Any
    score: Any


class _PrometheeII:
    """PROMETHEE II from pymcdm, a preference function (and thresholds) per criterion.

    pymcdm takes one preference function for all criteria. The net flow is a weighted
    sum over criteria, so criteria that share a function are computed together and
    the flows added.
    """

    def __init__(
        self, functions: list[str], p: list[float | None], q: list[float | None]
    ):
        self.functions, self.p, self.q = functions, p, q

    def evaluate(self, dm: Any) -> ExternalResult:
        import numpy as np
        from pymcdm.methods import PROMETHEE_II
        from skcriteria.utils.rank import rank_values

        values = dm.matrix.to_numpy(dtype=float)
        weights = dm.weights.to_numpy(dtype=float)
        types = np.where(dm.iobjectives.to_numpy() == 1, 1, -1)
        net = np.zeros(len(values))
        for function in dict.fromkeys(self.functions):
            columns = [j for j, f in enumerate(self.functions) if f == function]
            p = [self.p[j] for j in columns]
            q = [self.q[j] for j in columns]
            body = PROMETHEE_II(
                function,
                p=None if all(v is None for v in p) else p,
                q=None if all(v is None for v in q) else q,
            )
            net += body(
                values[:, columns], weights[columns], types[columns], validation=False
            )
        return ExternalResult(rank_values(net, reverse=True), net)


def _build_wsm(params: dict[str, Any]) -> Any:
    from skcriteria.agg.simple import WeightedSumModel
    from skcriteria.preprocessing.invert_objectives import MinMaxInverter

    return _pipeline(MinMaxInverter(), WeightedSumModel())


def _build_wpm(params: dict[str, Any]) -> Any:
    from skcriteria.agg.simple import WeightedProductModel
    from skcriteria.preprocessing.invert_objectives import InvertMinimize

    return _pipeline(InvertMinimize(), WeightedProductModel())


def _build_topsis(params: dict[str, Any]) -> Any:
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.preprocessing.invert_objectives import NegateMinimize
    from skcriteria.preprocessing.scalers import VectorScaler

    return _pipeline(NegateMinimize(), VectorScaler(target="matrix"), TOPSIS())


def _build_vikor(params: dict[str, Any]) -> Any:
    from skcriteria.agg.vikor import VIKOR

    # VIKOR scales each criterion itself; a pipeline needs two steps, so no pipeline.
    return VIKOR(v=params["v"], use_compromise_set=params["use_compromise_set"])


def _build_moora(params: dict[str, Any]) -> Any:
    from skcriteria.agg.moora import RatioMOORA
    from skcriteria.preprocessing.scalers import VectorScaler

    return _pipeline(VectorScaler(target="matrix"), RatioMOORA())


def _build_moora_refpoint(params: dict[str, Any]) -> Any:
    from skcriteria.agg.moora import ReferencePointMOORA
    from skcriteria.preprocessing.scalers import VectorScaler

    return _pipeline(VectorScaler(target="matrix"), ReferencePointMOORA())


def _build_fmf(params: dict[str, Any]) -> Any:
    from skcriteria.agg.moora import FullMultiplicativeForm
    from skcriteria.preprocessing.scalers import VectorScaler

    return _pipeline(VectorScaler(target="matrix"), FullMultiplicativeForm())


def _build_multimoora(params: dict[str, Any]) -> Any:
    from skcriteria.agg.moora import MultiMOORA
    from skcriteria.preprocessing.scalers import VectorScaler

    return _pipeline(VectorScaler(target="matrix"), MultiMOORA())


def _build_waspas(params: dict[str, Any]) -> Any:
    from skcriteria.agg.waspas import WASPAS
    from skcriteria.preprocessing.invert_objectives import BenefitCostInverter

    return _pipeline(BenefitCostInverter(), WASPAS(lambda_value=params["lambda"]))


def _build_edas(params: dict[str, Any]) -> Any:
    from skcriteria.agg.edas import EDAS

    return EDAS()


def _build_codas(params: dict[str, Any]) -> Any:
    from skcriteria.agg.codas import CODAS
    from skcriteria.preprocessing.invert_objectives import BenefitCostInverter

    return _pipeline(BenefitCostInverter(), CODAS(tau=params["tau"]))


def _build_aras(params: dict[str, Any]) -> Any:
    return _ARAS()


def _build_copras(params: dict[str, Any]) -> Any:
    from skcriteria.agg.copras import COPRAS
    from skcriteria.preprocessing.scalers import SumScaler

    return _pipeline(SumScaler(target="matrix"), COPRAS())


def _build_mabac(params: dict[str, Any]) -> Any:
    from skcriteria.agg.mabac import MABAC
    from skcriteria.preprocessing.invert_objectives import MinMaxInverter

    return _pipeline(MinMaxInverter(), MABAC())


def _build_mairca(params: dict[str, Any]) -> Any:
    from skcriteria.agg.mairca import MAIRCA

    return MAIRCA()


def _build_marcos(params: dict[str, Any]) -> Any:
    from skcriteria.agg.marcos import MARCOS

    return MARCOS()


def _build_cocoso(params: dict[str, Any]) -> Any:
    from skcriteria.agg.cocoso import CoCoSo
    from skcriteria.preprocessing.invert_objectives import MinMaxInverter

    return _pipeline(MinMaxInverter(), CoCoSo(lambda_value=params["lambda"]))


def _build_ocra(params: dict[str, Any]) -> Any:
    from skcriteria.agg.ocra import OCRA

    return OCRA()


def _build_ram(params: dict[str, Any]) -> Any:
    from skcriteria.agg.ram import RAM
    from skcriteria.preprocessing.scalers import SumScaler

    return _pipeline(SumScaler(target="matrix"), RAM())


def _build_probid(params: dict[str, Any]) -> Any:
    from skcriteria.agg.probid import PROBID
    from skcriteria.preprocessing.invert_objectives import NegateMinimize
    from skcriteria.preprocessing.scalers import VectorScaler

    return _pipeline(NegateMinimize(), VectorScaler(target="matrix"), PROBID())


def _build_sprobid(params: dict[str, Any]) -> Any:
    from skcriteria.agg.probid import SimplifiedPROBID
    from skcriteria.preprocessing.invert_objectives import NegateMinimize
    from skcriteria.preprocessing.scalers import VectorScaler

    return _pipeline(
        NegateMinimize(), VectorScaler(target="matrix"), SimplifiedPROBID()
    )


def _build_spotis(params: dict[str, Any]) -> Any:
    from skcriteria.agg.spotis import SPOTIS

    return SPOTIS()


def _build_rim(params: dict[str, Any]) -> Any:
    from skcriteria.agg.rim import RIM

    return RIM()


def _build_electre2(params: dict[str, Any]) -> Any:
    from skcriteria.agg.electre import ELECTRE2

    return ELECTRE2(**{k: params[k] for k in ("p0", "p1", "p2", "q0", "q1")})


def _build_promethee2(params: dict[str, Any]) -> Any:
    return _PrometheeIIBuilder(params)


class _PrometheeIIBuilder:
    """Defers the per-criterion settings until the matrix is known (``prepare``)."""

    def __init__(self, params: dict[str, Any]):
        self.params = params

    def evaluate(
        self, dm: Any, *, settings: tuple[list[str], list, list]
    ) -> ExternalResult:
        return _PrometheeII(*settings).evaluate(dm)


def _prepare_promethee(matrix: Matrix, params: dict[str, Any]) -> dict[str, Any]:
    return {"settings": promethee_settings(matrix, params)}


class _ERVD:
    """ERVD as Shyur et al. (2015) define it.

    The scores are sum-normalised (x / sum x per criterion) and the reference point
    with them (divided by the same totals), then scikit-criteria's ERVD applies the
    value function and the weighted city-block distances.
    """

    def __init__(self, lambda_value: float, alpha_value: float):
        self.lambda_value, self.alpha_value = lambda_value, alpha_value

    def evaluate(self, dm: Any, *, reference: Sequence[float]) -> Any:
        import numpy as np
        from skcriteria.agg.ervd import ERVD
        from skcriteria.preprocessing.scalers import SumScaler

        totals = dm.matrix.to_numpy(dtype=float).sum(axis=0)
        scaled = SumScaler(target="matrix").transform(dm)
        ranker = ERVD(lambda_value=self.lambda_value, alpha_value=self.alpha_value)
        return ranker.evaluate(
            scaled, reference_points=np.asarray(reference, dtype=float) / totals
        )


def _build_ervd(params: dict[str, Any]) -> Any:
    return _ERVD(params["lambda"], params["alpha"])


# scikit-criteria 0.10 builds SIMUS's linear programs with PuLP calls that PuLP 3.3.1+
# deprecates ahead of PuLP 4.0 (which scikit-criteria excludes): it constructs
# LpVariable directly and solves with PuLP's bundled CBC (PULP_CBC_CMD). We cannot
# change those calls, so exactly these two messages from PuLP are ignored, only
# while SIMUS runs; every other warning still reaches the caller.
_PULP_DEPRECATIONS = (
    r"Constructing LpVariable\(name, \.\.\.\) directly is deprecated; in PuLP 4\.0",
    r"PULP_CBC_CMD is deprecated and will be removed in PuLP 4\.0",
)


@contextlib.contextmanager
def _ignore_pulp_deprecations() -> Any:
    with warnings.catch_warnings():
        for message in _PULP_DEPRECATIONS:
            warnings.filterwarnings(
                "ignore", message=message, category=DeprecationWarning, module=r"pulp\."
            )
        yield


class _SIMUS:
    """SIMUS from scikit-criteria, quiet and explicit about weights.

    SIMUS does not use weights (the entry says so), and scikit-criteria warns when
    they differ, so it is given equal ones. The LP solver's log, which CBC writes to
    the process's own stdout where ``redirect_stdout`` cannot catch it, is switched
    off. A stage whose linear program is not solved to optimality is an error.
    """

    def __init__(self, rank_by: int):
        self.rank_by = rank_by

    def evaluate(self, dm: Any, *, limits: Sequence[float | None]) -> Any:
        import numpy as np
        import pulp
        from skcriteria.agg.simus import SIMUS

        solver = pulp.LpSolverDefault  # what scikit-criteria's programs solve with
        if solver is None:
            raise ValueError(
                "PuLP finds no linear-programming solver; install one, e.g. "
                "pip install 'pulp[cbc]'"
            )
        equal = dm.replace(weights=np.ones(len(dm.criteria)))
        b = None if all(v is None for v in limits) else list(limits)
        logs = solver.msg
        solver.msg = False
        try:
            with _ignore_pulp_deprecations():
                result = SIMUS(rank_by=self.rank_by).evaluate(equal, b=b)
        finally:
            solver.msg = logs
        for criterion, objective, stage in zip(
            dm.criteria, dm.iobjectives.to_numpy(), result.e_.stages, strict=True
        ):
            if stage.lp_status != "Optimal":
                goal = "maximises" if objective == 1 else "minimises"
                raise ValueError(
                    f"the linear program that {goal} criterion '{criterion}' is "
                    f"{str(stage.lp_status).lower()}; check --param limits, or rank "
                    "with another method"
                )
        return result


def _build_simus(params: dict[str, Any]) -> Any:
    return _SIMUS(params["rank_by"])


def _simus_score(result: Any) -> Any:
    extra = result.e_
    return extra.method_1_score if extra.rank_by == 1 else extra.method_2_score


# --------------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------------

_LAMBDA = Parameter(
    "lambda",
    float,
    0.5,
    "balance of the weighted sum (1) against the weighted product (0)",
    minimum=0.0,
    maximum=1.0,
)
_NEGATIVE_WPM = "the weighted product takes powers of every value (negative for costs)"

METHODS: dict[str, Method] = {
    method.name: method
    for method in [
        Method(
            name="wsm",
            full_name="Weighted sum model",
            better="higher",
            summary="Sum of weighted scores after each criterion is rescaled to [0, "
            "1].",
            preprocessing="min-max normalisation per criterion, cost criteria reversed "
            "((max - x) / (max - min)), so the worst value is 0 and the best 1",
            reference="Fishburn, P. C. (1967). Additive utilities with incomplete "
            "product "
            "sets. Operations Research 15(3), 537-542",
            year=1967,
            engine="skcriteria MinMaxInverter + WeightedSumModel",
            when="the default mental model: fully compensatory, easy to explain",
            build=_build_wsm,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="wpm",
            full_name="Weighted product model",
            better="higher",
            summary="Product of the scores raised to their weights; cost criteria with "
            "a "
            "negative exponent (score: log10 of the product).",
            preprocessing="none; cost criteria enter as 1/x (a negative exponent), so "
            "every value must be above 0",
            reference="Bridgman, P. W. (1922). Dimensional Analysis. Yale University "
            "Press; "
            "Miller, D. W. & Starr, M. K. (1969). Executive Decisions and Operations "
            "Research. Prentice-Hall",
            year=1922,
            engine="skcriteria InvertMinimize + WeightedProductModel",
            when="ratio-scale scores; a very poor value on one criterion should weigh "
            "heavily (less compensatory than wsm)",
            check=_positive(_NEGATIVE_WPM),
            build=_build_wpm,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="topsis",
            full_name="Technique for Order of Preference by Similarity to Ideal "
            "Solution",
            better="higher",
            summary="Relative closeness to the ideal point and distance from the "
            "anti-ideal.",
            preprocessing="vector normalisation x / sqrt(sum x^2); cost criteria "
            "negated "
            "before normalising, so their ideal is the smallest value",
            reference="Hwang, C. L. & Yoon, K. (1981). Multiple Attribute Decision "
            "Making: "
            "Methods and Applications. Springer, Lecture Notes in Economics and "
            "Mathematical "
            "Systems 186",
            year=1981,
            engine="skcriteria NegateMinimize + VectorScaler(matrix) + TOPSIS",
            when="general purpose: best compromise between nearness to the best and "
            "distance from the worst",
            check=_nonzero_columns(
                "vector normalisation divides by each criterion's norm"
            ),
            build=_build_topsis,
            score=lambda result: result.e_.similarity,
        ),
        Method(
            name="vikor",
            full_name="VIseKriterijumska Optimizacija I Kompromisno Resenje",
            better="lower",
            summary="Compromise between group utility S and individual regret R; lower "
            "Q is "
            "better and the compromise set shares rank 1.",
            preprocessing="linear distance to the best value of each criterion, "
            "(f* - f) / (f* - f-), as in the original method",
            reference="Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by "
            "MCDM "
            "methods: a comparative analysis of VIKOR and TOPSIS. European Journal of "
            "Operational Research 156(2), 445-455",
            year=2004,
            engine="skcriteria VIKOR",
            when="a compromise acceptable to the majority with limited regret; shows "
            "ties as a compromise set",
            build=_build_vikor,
            score=lambda result: result.e_.q_k,
            parameters=(
                Parameter(
                    "v",
                    float,
                    0.5,
                    "weight of the strategy of the majority (group utility) against "
                    "regret",
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
        Method(
            name="moora",
            full_name="Multi-Objective Optimization on the basis of Ratio Analysis "
            "(ratio system)",
            better="higher",
            summary="Weighted sum of vector-normalised benefits minus weighted sum of "
            "vector-normalised costs.",
            preprocessing="vector normalisation x / sqrt(sum x^2); cost criteria "
            "subtracted",
            reference="Brauers, W. K. M. & Zavadskas, E. K. (2006). The MOORA method "
            "and its "
            "application to privatization in a transition economy. Control and "
            "Cybernetics "
            "35(2), 445-469",
            year=2006,
            engine="skcriteria VectorScaler(matrix) + RatioMOORA",
            when="a simple additive method that keeps ratios (no min-max stretching)",
            check=_nonzero_columns(
                "vector normalisation divides by each criterion's norm"
            ),
            build=_build_moora,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="moora_refpoint",
            full_name="MOORA reference point approach",
            better="lower",
            summary="Largest weighted (Tchebycheff) distance to the best value of each "
            "criterion, after vector normalisation.",
            preprocessing="vector normalisation x / sqrt(sum x^2); the reference point "
            "is "
            "the largest benefit and the smallest cost value",
            reference="Brauers, W. K. M. & Zavadskas, E. K. (2006). The MOORA method "
            "and its "
            "application to privatization in a transition economy. Control and "
            "Cybernetics "
            "35(2), 445-469",
            year=2006,
            engine="skcriteria VectorScaler(matrix) + ReferencePointMOORA",
            when="avoid strategies that are far behind on any single criterion",
            check=_nonzero_columns(
                "vector normalisation divides by each criterion's norm"
            ),
            build=_build_moora_refpoint,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="fmf",
            full_name="MOORA full multiplicative form",
            better="higher",
            summary="Product of benefits divided by product of costs (as a sum of "
            "logarithms).",
            preprocessing="vector normalisation x / sqrt(sum x^2); costs divide; every "
            "value "
            "must be above 0",
            reference="Brauers, W. K. M. & Zavadskas, E. K. (2010). Project management "
            "by "
            "MULTIMOORA as an instrument for transition economies. Technological and "
            "Economic Development of Economy 16(1), 5-24",
            year=2010,
            engine="skcriteria VectorScaler(matrix) + FullMultiplicativeForm",
            when="multiplicative aggregation without weights' exponents",
            check=_all(
                _positive("the full multiplicative form takes logarithms"),
                _positive_weights(
                    "the full multiplicative form takes log(weight x value)"
                ),
            ),
            build=_build_fmf,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="multimoora",
            full_name="MULTIMOORA (ratio system, reference point, full multiplicative "
            "form)",
            better="higher",
            summary="Dominance count over the three MOORA rankings (ratio system, "
            "reference point, full multiplicative form).",
            preprocessing="vector normalisation x / sqrt(sum x^2); every value must be "
            "above 0 (the multiplicative form takes logarithms)",
            reference="Brauers, W. K. M. & Zavadskas, E. K. (2010). Project management "
            "by "
            "MULTIMOORA as an instrument for transition economies. Technological and "
            "Economic Development of Economy 16(1), 5-24",
            year=2010,
            engine="skcriteria VectorScaler(matrix) + MultiMOORA",
            when="a robust ranking that three different aggregations must agree on",
            check=_all(
                _positive("the full multiplicative form takes logarithms"),
                _positive_weights(
                    "the full multiplicative form takes log(weight x value)"
                ),
            ),
            build=_build_multimoora,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="waspas",
            full_name="Weighted Aggregated Sum Product ASsessment",
            better="higher",
            summary="lambda x weighted sum + (1 - lambda) x weighted product of "
            "linearly "
            "normalised scores.",
            preprocessing="linear normalisation x / max for benefit, min / x for cost "
            "criteria; every value must be above 0",
            reference="Zavadskas, E. K., Turskis, Z., Antucheviciene, J. & "
            "Zakarevicius, A. "
            "(2012). Optimization of weighted aggregated sum product assessment. "
            "Elektronika ir Elektrotechnika 122(6), 3-6",
            year=2012,
            engine="skcriteria BenefitCostInverter + WASPAS",
            when="between wsm and wpm; more accurate than either alone in the authors' "
            "tests",
            check=_positive(
                "the normalisation divides by cost values and the product part "
                "takes powers"
            ),
            build=_build_waspas,
            score=lambda result: result.e_.score,
            parameters=(_LAMBDA,),
        ),
        Method(
            name="edas",
            full_name="Evaluation based on Distance from Average Solution",
            better="higher",
            summary="Weighted positive and negative distances from the average "
            "strategy, "
            "normalised and averaged.",
            preprocessing="none; distances are relative to each criterion's average "
            "(which must be above 0); cost criteria reverse the sign",
            reference="Keshavarz Ghorabaee, M., Zavadskas, E. K., Olfat, L. & Turskis, "
            "Z. "
            "(2015). Multi-criteria inventory classification using a new method of "
            "evaluation based on distance from average solution (EDAS). Informatica "
            "26(3), "
            "435-451",
            year=2015,
            engine="skcriteria EDAS",
            when="judge strategies against the average one rather than extremes; "
            "robust to outliers",
            check=_check_edas,
            build=_build_edas,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="codas",
            full_name="COmbinative Distance-based ASsessment",
            better="higher",
            summary="Euclidean distance from the negative-ideal, with taxicab distance "
            "breaking near ties (threshold tau).",
            preprocessing="linear normalisation x / max for benefit, min / x for cost "
            "criteria, then weighted",
            reference="Keshavarz Ghorabaee, M., Zavadskas, E. K., Turskis, Z. & "
            "Antucheviciene, J. (2016). A new combinative distance-based assessment "
            "(CODAS) "
            "method for multi-criteria decision-making. Economic Computation and "
            "Economic "
            "Cybernetics Studies and Research 50(3), 25-44",
            year=2016,
            engine="skcriteria BenefitCostInverter + CODAS",
            when="strategies far from the worst; a second distance separates near ties",
            check=_all(
                _positive("min / x divides by cost values", objective="min"),
                _positive("x / max needs values of at least 0", strict=False),
                _nonzero_columns("x / max divides by each criterion's largest value"),
            ),
            build=_build_codas,
            score=lambda result: result.e_.score,
            parameters=(
                Parameter(
                    "tau",
                    float,
                    0.02,
                    "threshold below which two Euclidean distances count as equal",
                    minimum=0.01,
                    maximum=0.05,
                ),
            ),
        ),
        Method(
            name="aras",
            full_name="Additive Ratio ASsessment",
            better="higher",
            summary="Weighted sum of each strategy relative to the optimal strategy "
            "(utility in [0, 1]).",
            preprocessing="cost criteria as 1/x, then sum normalisation including the "
            "optimal strategy (best value of each criterion)",
            reference="Zavadskas, E. K. & Turskis, Z. (2010). A new additive ratio "
            "assessment (ARAS) method in multicriteria decision-making. Technological "
            "and "
            "Economic Development of Economy 16(2), 159-172",
            year=2010,
            engine="skcriteria InvertMinimize + sum normalisation with the optimum + "
            "ARAS",
            when="how close each strategy comes to an optimal one, as a percentage",
            check=_all(
                _positive("cost criteria enter as 1/x", objective="min"),
                _positive("sum normalisation needs values of at least 0", strict=False),
                _nonzero_columns("sum normalisation divides by each criterion's total"),
            ),
            build=_build_aras,
            score=lambda result: result.e_.utility,
        ),
        Method(
            name="copras",
            full_name="COmplex PRoportional ASsessment",
            better="higher",
            summary="Sum of weighted benefit shares plus a term that rewards small "
            "weighted cost shares; utility degree in percent.",
            preprocessing="sum normalisation x / sum x; benefit and cost criteria "
            "summed "
            "separately",
            reference="Zavadskas, E. K., Kaklauskas, A. & Sarka, V. (1994). The new "
            "method "
            "of multicriteria complex proportional assessment of projects. "
            "Technological "
            "and Economic Development of Economy 1(3), 131-139",
            year=1994,
            engine="skcriteria SumScaler(matrix) + COPRAS",
            when="proportional trade-off of advantages against disadvantages",
            check=_check_copras,
            build=_build_copras,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="mabac",
            full_name="Multi-Attributive Border Approximation area Comparison",
            better="higher",
            summary="Sum of distances from the border approximation area (geometric "
            "mean of "
            "the weighted matrix).",
            preprocessing="min-max normalisation per criterion, cost criteria "
            "reversed; "
            "weighted as w x (n + 1)",
            reference="Pamucar, D. & Cirovic, G. (2015). The selection of transport "
            "and "
            "handling resources in logistics centers using Multi-Attributive Border "
            "Approximation area Comparison (MABAC). Expert Systems with Applications "
            "42(6), "
            "3016-3028",
            year=2015,
            engine="skcriteria MinMaxInverter + MABAC",
            when="separates strategies above and below a typical (border) level",
            build=_build_mabac,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="mairca",
            full_name="MultiAttributive Ideal-Real Comparative Analysis",
            better="lower",
            summary="Total gap between theoretical (equal a-priori) and real ratings.",
            preprocessing="none; min-max within the method, cost criteria reversed; "
            "equal a-priori preference 1/m for every strategy",
            reference="Pamucar, D., Vasin, L. & Lukovac, L. (2014). Selection of "
            "railway "
            "level crossings for investing in security equipment using hybrid "
            "DEMATEL-MARICA "
            "model. XVI International Scientific-expert Conference on Railway "
            "(RAILCON), "
            "89-92",
            year=2014,
            engine="skcriteria MAIRCA",
            when="the smallest shortfall from an ideal rating",
            check=_positive("scikit-criteria's MAIRCA accepts only values above 0"),
            build=_build_mairca,
            score=lambda result: result.e_["values"],
        ),
        Method(
            name="marcos",
            full_name="Measurement of Alternatives and Ranking according to COmpromise "
            "Solution",
            better="higher",
            summary="Utility relative to both ideal and anti-ideal strategies combined "
            "in a "
            "utility function.",
            preprocessing="none; x / ideal for benefit, ideal / x for cost criteria "
            "within "
            "the method; every value must be above 0",
            reference="Stevic, Z., Pamucar, D., Puska, A. & Chatterjee, P. (2020). "
            "Sustainable supplier selection in healthcare industries using a new MCDM "
            "method: Measurement of alternatives and ranking according to COmpromise "
            "solution (MARCOS). Computers & Industrial Engineering 140, 106231",
            year=2020,
            engine="skcriteria MARCOS",
            when="a compromise between the ideal and anti-ideal references",
            check=_positive(
                "MARCOS divides the ideal by cost values and values by the ideal"
            ),
            build=_build_marcos,
            score=lambda result: result.e_.utility_scores,
        ),
        Method(
            name="cocoso",
            full_name="COmbined COmpromise SOlution",
            better="higher",
            summary="Three aggregations of weighted sum and weighted product combined "
            "by "
            "geometric and arithmetic means.",
            preprocessing="min-max normalisation per criterion, cost criteria reversed",
            reference="Yazdani, M., Zarate, P., Zavadskas, E. K. & Turskis, Z. (2019). "
            "A "
            "combined compromise solution (CoCoSo) method for multi-criteria "
            "decision-making problems. Management Decision 57(9), 2501-2519",
            year=2019,
            engine="skcriteria MinMaxInverter + CoCoSo",
            when="a compromise of additive and multiplicative aggregation",
            check=_check_cocoso,
            build=_build_cocoso,
            score=lambda result: result.e_.score,
            parameters=(_LAMBDA,),
        ),
        Method(
            name="ocra",
            full_name="Operational Competitiveness RAting",
            better="higher",
            summary="Aggregate input (cost) and output (benefit) performance relative "
            "to "
            "each criterion's smallest value.",
            preprocessing="none; (max - x) / min for cost, (x - min) / min for benefit "
            "criteria; every value must be above 0",
            reference="Parkan, C. (1994). Operational competitiveness ratings of "
            "production "
            "units. Managerial and Decision Economics 15(3), 201-221",
            year=1994,
            engine="skcriteria OCRA",
            when="efficiency-style questions: outputs gained for inputs spent",
            check=_positive("OCRA divides by each criterion's smallest value"),
            build=_build_ocra,
            score=lambda result: result.e_.performance,
        ),
        Method(
            name="ram",
            full_name="Root Assessment Method",
            better="higher",
            summary="(2 + weighted benefit sum) to the power 1 / (2 + weighted cost "
            "sum).",
            preprocessing="sum normalisation x / sum x; every value must be at least 0",
            reference="Sotoudeh-Anvari, A. (2023). Root Assessment Method (RAM): a "
            "novel "
            "multi-criteria decision making method and its applications in "
            "sustainability "
            "challenges. Journal of Cleaner Production 423, 138695",
            year=2023,
            engine="skcriteria SumScaler(matrix) + RAM",
            when="partly compensatory: costs shrink benefits through the exponent",
            check=_all(
                _positive("sum normalisation needs values of at least 0", strict=False),
                _nonzero_columns("sum normalisation divides by each criterion's total"),
            ),
            build=_build_ram,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="probid",
            full_name="Preference Ranking On the Basis of Ideal-average Distance",
            better="higher",
            summary="Distances to a whole spectrum of ideal solutions (best, second "
            "best, "
            "...) and to the average.",
            preprocessing="vector normalisation x / sqrt(sum x^2), weighted; cost "
            "ideals are "
            "the smallest values (cost criteria negated first, which gives the same "
            "distances)",
            reference="Wang, Z., Rangaiah, G. P. & Wang, X. (2021). Preference ranking "
            "on "
            "the basis of ideal-average distance method for multi-criteria "
            "decision-making. "
            "Industrial & Engineering Chemistry Research 60(30), 11216-11230",
            year=2021,
            engine="skcriteria NegateMinimize + VectorScaler(matrix) + PROBID",
            when="many strategies; uses every rank position as a reference, not only "
            "the best",
            check=_nonzero_columns(
                "vector normalisation divides by each criterion's norm"
            ),
            build=_build_probid,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="sprobid",
            full_name="Simplified PROBID",
            better="higher",
            summary="PROBID with only the top and bottom quartiles of ideal solutions.",
            preprocessing="as probid: vector normalisation, weighted, cost criteria "
            "negated",
            reference="Wang, Z., Rangaiah, G. P. & Wang, X. (2021). Preference ranking "
            "on "
            "the basis of ideal-average distance method for multi-criteria "
            "decision-making. "
            "Industrial & Engineering Chemistry Research 60(30), 11216-11230",
            year=2021,
            engine="skcriteria NegateMinimize + VectorScaler(matrix) + "
            "SimplifiedPROBID",
            when="as probid, for 4 or more strategies",
            check=_all(
                _check_sprobid,
                _nonzero_columns(
                    "vector normalisation divides by each criterion's norm"
                ),
            ),
            build=_build_sprobid,
            score=lambda result: result.e_.score,
        ),
        Method(
            name="spotis",
            full_name="Stable Preference Ordering Towards Ideal Solution",
            better="lower",
            summary="Weighted distance to the ideal point of fixed bounds; free of "
            "rank "
            "reversal.",
            preprocessing="none; distances are divided by each criterion's bounds (the "
            "file's scale, or --param bounds), the ideal is the best bound",
            reference="Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). The "
            "SPOTIS "
            "rank reversal free method for multi-criteria decision-making support. "
            "2020 "
            "IEEE 23rd International Conference on Information Fusion (FUSION), 1-8",
            year=2020,
            engine="skcriteria SPOTIS",
            when="adding or removing a strategy must not reorder the others",
            check=_check_spotis,
            prepare=_prepare_spotis,
            build=_build_spotis,
            score=lambda result: result.e_.score,
            parameters=(
                Parameter(
                    "bounds",
                    str,
                    None,
                    "bounds of every criterion; default: the file's scale",
                    syntax="LOW:HIGH or CRITERION:LOW:HIGH,...",
                    parser=_parse_bounds,
                ),
            ),
        ),
        Method(
            name="rim",
            full_name="Reference Ideal Method",
            better="higher",
            summary="Relative closeness to a reference ideal within each criterion's "
            "range.",
            preprocessing="none; each value normalised by its distance to the "
            "reference "
            "ideal within the criterion's range (the file's scale, or --param bounds); "
            "the ideal is the best end of the range",
            reference="Cables, E., Lamata, M. T. & Verdegay, J. L. (2016). "
            "RIM-reference "
            "ideal method in multicriteria decision making. Information Sciences "
            "337-338, "
            "1-10",
            year=2016,
            engine="skcriteria RIM",
            when="scores on fixed scales, judged against the best possible value",
            check=_check_rim,
            prepare=_prepare_rim,
            build=_build_rim,
            score=lambda result: result.e_.score,
            parameters=(
                Parameter(
                    "bounds",
                    str,
                    None,
                    "range of every criterion; default: the file's scale",
                    syntax="LOW:HIGH or CRITERION:LOW:HIGH,...",
                    parser=_parse_bounds,
                ),
            ),
        ),
        Method(
            name="ervd",
            full_name="Election based on Relative Value Distances",
            better="higher",
            summary="TOPSIS-like closeness computed on prospect-theory values: each "
            "score is a gain or a loss against a reference point, and losses weigh "
            "more.",
            preprocessing="sum normalisation x / sum x of the scores and of the "
            "reference point, as in the paper; cost criteria gain below the "
            "reference; the reference is --param reference, else the middle of the "
            "file's scale, else each criterion's mean score",
            reference="Shyur, H.-J., Yin, L., Shih, H.-S. & Cheng, C.-B. (2015). A "
            "multiple criteria decision making method based on relative value "
            "distances. Foundations of Computing and Decision Sciences 40(4), 299-315",
            year=2015,
            engine="skcriteria SumScaler(matrix) + ERVD",
            when="scores judged as gains or losses against a reference level (a "
            "target or the status quo); a shortfall counts more than an equal surplus",
            check=_check_ervd,
            prepare=_prepare_ervd,
            build=_build_ervd,
            score=lambda result: result.e_.similarity,
            parameters=(
                Parameter(
                    "reference",
                    str,
                    None,
                    "reference point of every criterion, in score units; default: the "
                    "middle of the file's scale, else the criterion's mean score",
                    syntax="VALUE or CRITERION:VALUE,...",
                    parser=_parse_values,
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
            ),
        ),
        Method(
            name="electre2",
            full_name="ELECTRE II (ELimination Et Choix Traduisant la REalite)",
            better="lower",
            summary="Strong and weak outranking from concordance and discordance; the "
            "score "
            "is the mean of the direct and inverse rank.",
            preprocessing="none; concordance from weights, discordance divided by the "
            "largest range of scores",
            reference="Roy, B. & Bertier, P. (1973). La methode ELECTRE II: une "
            "application "
            "au media-planning. In M. Ross (ed.), OR'72, North-Holland, 291-302 "
            "(implementation after Gomes, Gonzalez Araya & Carignano (2004), Tomada de "
            "decisoes em cenarios complexos, Thomson)",
            year=1973,
            engine="skcriteria ELECTRE2",
            when="non-compensatory: a large weakness on one criterion cannot be bought "
            "back",
            check=_check_electre2,
            check_params=_check_electre2_params,
            build=_build_electre2,
            score=lambda result: result.e_.score,
            parameters=(
                Parameter(
                    "p0", float, 0.65, "concordance threshold 0 (strong)", 0.0, 1.0
                ),
                Parameter("p1", float, 0.5, "concordance threshold 1", 0.0, 1.0),
                Parameter(
                    "p2", float, 0.35, "concordance threshold 2 (weak)", 0.0, 1.0
                ),
                Parameter("q0", float, 0.65, "discordance threshold 0", 0.0, 1.0),
                Parameter("q1", float, 0.35, "discordance threshold 1", 0.0, 1.0),
            ),
        ),
        Method(
            name="promethee2",
            full_name="Preference Ranking Organization METHod for Enrichment of "
            "Evaluations II",
            better="higher",
            summary="Net outranking flow from pairwise preferences on every criterion.",
            preprocessing="none; per criterion a preference function of the difference "
            "(usual by default; vshape, level, ... with thresholds p and q in score "
            "units)",
            reference="Brans, J. P. & Vincke, Ph. (1985). A preference ranking "
            "organisation "
            "method (the PROMETHEE method for multiple criteria decision-making). "
            "Management Science 31(6), 647-656",
            year=1985,
            engine="pymcdm PROMETHEE_II",
            when="pairwise comparison; thresholds say how big a difference matters",
            check=_check_promethee,
            prepare=_prepare_promethee,
            build=_build_promethee2,
            score=lambda result: result.score,
            parameters=(
                Parameter(
                    "preference",
                    str,
                    "usual",
                    "preference function of every criterion ("
                    + ", ".join(PREFERENCE_FUNCTIONS)
                    + "); criteria not named use usual",
                    syntax="FUNCTION or CRITERION:FUNCTION,...",
                    parser=_parse_preference,
                ),
                Parameter(
                    "p",
                    str,
                    None,
                    "preference threshold (vshape, level, vshape_2)",
                    syntax="NUMBER or CRITERION:NUMBER,...",
                    parser=_parse_thresholds,
                ),
                Parameter(
                    "q",
                    str,
                    None,
                    "indifference threshold (ushape, level, vshape_2)",
                    syntax="NUMBER or CRITERION:NUMBER,...",
                    parser=_parse_thresholds,
                ),
            ),
        ),
        Method(
            name="simus",
            full_name="Sequential Interactive Model for Urban Systems",
            better="higher",
            summary="Each criterion in turn is the objective of a linear program "
            "limited by the others; a strategy scores by how much and how often it "
            "enters the optimal solutions. Weights are not used.",
            preprocessing="none; each criterion is optimised in turn subject to the "
            "others, each limited by its best score (or --param limits), so rescaling "
            "a criterion changes nothing; the solutions are sum-normalised",
            reference="Munier, N. (2011). A Strategy for Using Multicriteria Analysis "
            "in Decision-Making: A Guide for Simple and Complex Environmental "
            "Projects. Springer",
            year=2011,
            engine="skcriteria SIMUS (PuLP linear programs)",
            when="no weights you trust: the ranking comes from linear programs, not "
            "from weights",
            uses_weights=False,
            check=_check_simus,
            prepare=_prepare_simus,
            build=_build_simus,
            score=_simus_score,
            parameters=(
                Parameter(
                    "rank_by",
                    int,
                    1,
                    "1: sum of the normalised solutions times the participation "
                    "factor; 2: dominance minus subordination",
                    minimum=1,
                    maximum=2,
                ),
                Parameter(
                    "limits",
                    str,
                    None,
                    "right-hand side of each criterion's constraint; default: its "
                    "best score",
                    syntax="NUMBER or CRITERION:NUMBER,...",
                    parser=_parse_values,
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
    r"Some criteria are constant"
    r"|Some criteria \(or distance\) was equal in all alternatives"
)


def get_method(name: str) -> Method:
    """The registered method called ``name`` (any case).

    >>> get_method("TOPSIS").name
    'topsis'
    """
    method = METHODS.get(name.strip().lower())
    if method is None:
        raise UnknownNameError(
            f"unknown method '{name}'; choose from: {', '.join(METHODS)}"
        )
    return method


def check_matrix(
    matrix: Matrix, method: Method | str, params: Mapping[str, Any] | None = None
) -> None:
    """Raise :class:`MethodError` if ``method`` cannot rank ``matrix``."""
    if isinstance(method, str):
        method = get_method(method)
    if method.check is not None:
        method.check(matrix, method.resolve_params(params), method.name)


def evaluate(
    matrix: Matrix, method: Method | str, params: Mapping[str, Any] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Ranks and scores of ``matrix``'s strategies under ``method``, in file order.

    The method's preconditions are checked first (a :class:`MethodError` names the
    criterion and strategy); nothing the engine prints reaches stdout; a result with
    NaN or infinite scores raises :class:`MethodError` naming the matrix.
    """
    import numpy as np

    if isinstance(method, str):
        method = get_method(method)
    resolved = method.resolve_params(params)
    if method.check is not None:
        method.check(matrix, resolved, method.name)
    pipeline = method.build(resolved)
    kwargs = method.prepare(matrix, resolved) if method.prepare is not None else {}
    # 0/0 inside the engine only happens for a constant criterion, which the methods
    # map to "no influence"; any NaN that survives is caught by the check below.
    with (
        warnings.catch_warnings(record=True) as caught,
        contextlib.redirect_stdout(io.StringIO()),
        np.errstate(divide="ignore", invalid="ignore"),
    ):
        warnings.simplefilter("always")
        try:
            result = pipeline.evaluate(matrix.to_skcriteria(), **kwargs)
        except (ValueError, ZeroDivisionError, FloatingPointError) as error:
            raise MethodError(
                f"{matrix.label}: {method.name} cannot rank this matrix: {error}"
            ) from None
    scores = np.asarray(method.score(result), dtype=float)
    if not np.all(np.isfinite(scores)):
        bad = [
            s
            for s, v in zip(matrix.strategy_names, scores, strict=True)
            if not np.isfinite(v)
        ]
        raise MethodError(
            f"{matrix.label}: {method.name} gives no finite score for strategy "
            f"'{bad[0]}'; "
            "check the matrix for zero or constant columns, or use another method"
        )
    for warning in caught:
        if not _HANDLED_WARNINGS.search(str(warning.message)):
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return np.asarray(result.rank_, dtype=int), scores


def _format_parameter(parameter: Parameter) -> str:
    default = "-" if parameter.default is None else parameter.default
    if isinstance(default, bool):
        default = str(default).lower()
    return f"{parameter.name}={default} ({parameter.allowed})"


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
                    ", ".join(_format_parameter(p) for p in m.parameters) or "-"
                    for m in self.methods
                ],
                "better": [m.better for m in self.methods],
                "reference": [_short_reference(m) for m in self.methods],
                "weights": ["used" if m.uses_weights else "not used" for m in self.methods],
                "preprocessing": [m.preprocessing for m in self.methods],
                "engine": [m.engine for m in self.methods],
                "when to use": [m.when for m in self.methods],
                "full reference": [m.reference for m in self.methods],
            }
        )

    def sections(self) -> list[Any]:
        from decide.ranking import Section

        frame = self.to_frame()[
            ["method", "full name", "parameters", "better", "reference", "weights"]
        ]
        return [Section("methods", f"{len(self.methods)} ranking methods", frame)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "methods": [
                {
                    "name": m.name,
                    "full_name": m.full_name,
                    "better": m.better,
                    "uses_weights": m.uses_weights,
                    "summary": m.summary,
                    "preprocessing": m.preprocessing,
                    "engine": m.engine,
                    "when": m.when,
                    "year": m.year,
                    "reference": m.reference,
                    "parameters": [
                        {
                            "name": p.name,
                            "type": p.kind.__name__,
                            "default": p.default,
                            "allowed": p.allowed,
                            "description": p.description,
                        }
                        for p in m.parameters
                    ],
                }
                for m in self.methods
            ]
        }


def _short_reference(method: Method) -> str:
    """``Hwang & Yoon (1981)``: the first authors' surnames and the year."""
    authors = method.reference.split(" (")[0]
    names = [part.split(",")[0].strip() for part in re.split(r",? & |\., ", authors)]
    names = [n for n in names if n and not re.fullmatch(r"([A-Z]\.[ -]?)+", n)]
    short = (
        names[0]
        if len(names) == 1
        else (f"{names[0]} & {names[1]}" if len(names) == 2 else f"{names[0]} et al.")
    )
    return f"{short} ({method.year})"


def catalogue(names: Sequence[str] | None = None) -> Catalogue:
    """Every registered method (or the named ones), for listing.

    >>> catalogue(["topsis"]).to_frame()["reference"].tolist()
    ['Hwang & Yoon (1981)']
    """
    if names is None:
        return Catalogue(tuple(METHODS.values()))
    return Catalogue(tuple(get_method(name) for name in names))
