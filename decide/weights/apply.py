"""Setting a matrix's weights the way planners state them, and recording where they came from.

Weights can come from, in this order of application:

1. the matrix file (``weights_source`` ``"file"``);
2. a named profile kept in the file (``profile="hawkish"``);
3. an importance ordering, ``"deterrence>stability=risk>cost"``, turned into weights by a
   surrogate rule (``weighting="roc"``, ``"rs"`` or ``"rr"``), or a
   :class:`~decide.weights.WeightsResult` (AHP, SWING, entropy, ...);
4. exact overrides, ``"deterrence=0.5"`` or ``{"deterrence": 0.5}``: a named criterion gets
   exactly the value typed, and the criteria not named share the rest in their current
   proportions. Naming every criterion normalises them (any positive total).

>>> from decide.io.load import resolve_matrices
>>> russia = resolve_matrices(None, "russia")[0]
>>> adjusted = set_weights(russia, "deterrence=0.5")
>>> round(adjusted.weights["deterrence"], 4), adjusted.weights_source
(0.5, 'file + override deterrence=0.5')
>>> set_weights(russia, "deterrence>stability>risk>cost").weights_source
'roc of deterrence>stability>risk>cost'
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from decide.core.defaults import DEFAULT_WEIGHTING
from decide.core.errors import SpecError, UnknownNameError
from decide.weights.spec import WEIGHTS_EXAMPLE, WeightsLike, WeightSpec, check_weights, parse_weight_spec

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from decide.core.model import Matrix, Profile
    from decide.weights import WeightsResult


#: Above this the overrides of some criteria leave nothing for the others (rounding slack).
_SUM_SLACK = 1e-9


def is_ordering(text: str) -> bool:
    """Whether a ``-w`` text is an importance ordering (``a>b``) rather than ``NAME=VALUE`` overrides.

    >>> is_ordering("deterrence>stability=risk>cost"), is_ordering("deterrence=0.5")
    (True, False)
    """
    return ">" in text


def combine_specs(specs: Sequence[Mapping[str, float] | str]) -> tuple[str | None, dict[str, float], list[str]]:
    """Merge repeated weight specs: the ordering (the last one given), the overrides
    (a later value for the same criterion, in any case, wins) and a warning per value replaced.

    >>> combine_specs(["deterrence=0.5", "cost=0.1, Deterrence=0.4"])
    (None, {'cost': 0.1, 'Deterrence': 0.4}, ["weights: 'Deterrence' given again: 0.4 replaces 0.5"])
    """
    ordering: str | None = None
    overrides: dict[str, float] = {}
    warnings: list[str] = []
    for spec in specs:
        if isinstance(spec, str) and is_ordering(spec):
            if ordering is not None:
                warnings.append(f"weights: ordering '{spec.strip()}' replaces '{ordering}'")
            ordering = spec.strip()
            continue
        values = parse_weight_spec(spec) if isinstance(spec, str) else dict(spec)
        for name, value in values.items():
            earlier = next((key for key in overrides if key.casefold() == str(name).casefold()), None)
            if earlier is not None:
                old = overrides.pop(earlier)
                warnings.append(f"weights: '{name}' given again: {value:g} replaces {old:g}")
            overrides[str(name)] = value
    return ordering, overrides, warnings


def _resolved(matrix: Matrix, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The overrides keyed by the criteria's own names (any case; UnknownNameError with a suggestion)."""
    return {matrix.criterion(str(name)).name: value for name, value in overrides.items()}


def exact_weights(matrix: Matrix, overrides: Mapping[str, float], where: str | None = None) -> dict[str, float]:
    """Normalised weights where each named criterion has exactly its value and the others share
    the rest in their current proportions; naming every criterion normalises the values given.

    >>> from decide.core.model import Criterion, Matrix, Strategy
    >>> m = Matrix("X", (Criterion("a", "max", 2), Criterion("b", "max", 1), Criterion("c", "min", 1)),
    ...            (Strategy("S", {"a": 1, "b": 1, "c": 1}),))
    >>> exact_weights(m, {"a": 0.6})
    {'a': 0.6, 'b': 0.2, 'c': 0.2}
    >>> exact_weights(m, {"c": 0})
    {'a': 0.6666666666666666, 'b': 0.3333333333333333, 'c': 0.0}
    """
    named = _resolved(matrix, overrides)
    current = matrix.weights
    others = [name for name in current if name not in named]
    # each named value must be a finite number >= 0; all of them 0 is fine while others remain
    problems = [p for p in check_weights(named) if others == [] or not p.startswith("all weights are zero")]
    if problems:
        raise SpecError(problems[0], field="weights", where=where)
    if not others:
        problems = check_weights(named)
        if problems:
            raise SpecError(problems[0], field="weights", where=where)
        total = math.fsum(named.values())
        return {name: named[name] / total for name in current}
    given = math.fsum(float(value) for value in named.values())
    if given > 1 + _SUM_SLACK:
        listed = ", ".join(f"{name}={value:g}" for name, value in named.items())
        raise SpecError(
            f"{listed} sum to {given:g}, above 1, leaving nothing for {', '.join(others)}; lower them, or give"
            " every criterion a value to have them normalised",
            field="weights",
            where=where,
        )
    rest = max(0.0, 1.0 - given)
    shares = {name: current[name] for name in others}
    share_total = math.fsum(shares.values())
    if share_total <= 0:  # the others all weigh 0 in the file: they share the rest equally
        shares = dict.fromkeys(others, 1.0)
        share_total = float(len(others))
    weights = {name: float(named[name]) if name in named else rest * shares[name] / share_total for name in current}
    problems = check_weights(weights)
    if problems:
        raise SpecError(problems[0], field="weights", where=where)
    return weights


def _describe(overrides: Mapping[str, float]) -> str:
    return "override " + ", ".join(f"{name}={value:g}" for name, value in overrides.items())


def ordering_weights(
    matrix: Matrix, ordering: str, weighting: str = DEFAULT_WEIGHTING, where: str = "{weights}"
) -> WeightsResult:
    """Weights of ``matrix``'s criteria from an importance ordering by a surrogate rule.

    >>> from decide.io.load import resolve_matrices
    >>> ordering_weights(resolve_matrices(None, "china")[0], "cost>risk>stability>deterrence").as_mapping()
    {'stability': 0.1458, 'deterrence': 0.0625, 'cost': 0.5208, 'risk': 0.2708}
    """
    from decide.weights import ordering as elicit

    tiers = elicit.parse_order(ordering, matrix.criterion_names, where=where)
    return elicit.surrogate(weighting, tiers, matrix.criterion_names)


def _result_source(result: WeightsResult) -> str:
    if "order" in result.extras:
        return f"{result.method} of {result.extras['order']}"
    return result.method


def _apply_result(matrix: Matrix, result: WeightsResult) -> Matrix:
    mapping = {str(name): float(value) for name, value in result.weights.items()}
    weights = exact_weights(matrix, mapping, where=matrix.label)
    source = _result_source(result)
    if len(_resolved(matrix, mapping)) < len(matrix.criteria):
        source = f"{matrix.weights_source} + {source}"
    return matrix.with_criterion_weights(weights, source)


def apply_profile(matrix: Matrix, profile: Profile | str) -> Matrix:
    """``matrix`` weighted by one of its profiles (a name, any case, or a :class:`~decide.core.model.Profile`)."""
    if isinstance(profile, str):
        profile = matrix.profile(profile)
    label = f"profile '{profile.name}'"
    if isinstance(profile.weights, str):
        result = ordering_weights(matrix, profile.weights, profile.weighting)
        return matrix.with_criterion_weights(dict(result.weights.items()), label)
    weights = exact_weights(matrix, profile.weights, where=f"{matrix.label}: {label}")
    partial = len(_resolved(matrix, profile.weights)) < len(matrix.criteria)
    return matrix.with_criterion_weights(weights, f"{matrix.weights_source} + {label}" if partial else label)


def parse_weights(weights: WeightsLike) -> tuple[WeightSpec | WeightsResult | None, list[str]]:
    """``weights`` checked and parsed once (see :func:`set_weights` for what it may be), and a
    warning per value given twice.

    >>> parsed, warnings = parse_weights(["deterrence=0.5", "cost=0.1", "deterrence=0.4"])
    >>> parsed
    WeightSpec(ordering=None, overrides={'cost': 0.1, 'deterrence': 0.4})
    >>> warnings
    ["weights: 'deterrence' given again: 0.4 replaces 0.5"]
    """
    if weights is None or isinstance(weights, WeightSpec):
        return weights, []
    if isinstance(weights, (str, Mapping)):
        specs: list[Any] = [weights]
    elif isinstance(weights, (list, tuple)):
        specs = list(weights)
    else:
        from decide.weights.result import WeightsResult

        if not isinstance(weights, WeightsResult):
            raise SpecError(
                f"expected a mapping, a text or a WeightsResult, got {type(weights).__name__}", field="weights"
            )
        return weights, []
    if not specs:
        return None, []
    for spec in specs:
        if not isinstance(spec, (str, Mapping)):
            raise SpecError(
                f"a list of weights may hold mappings and texts only, got {type(spec).__name__}", field="weights"
            )
        if isinstance(spec, str) and not spec.strip():
            raise SpecError(
                f"is empty; write e.g. '{WEIGHTS_EXAMPLE}' or 'deterrence>stability>risk>cost'", field="weights"
            )
    ordering, overrides, warnings = combine_specs(specs)
    return WeightSpec(ordering, overrides), warnings


def set_weights(
    matrix: Matrix,
    weights: WeightsLike = None,
    *,
    profile: str | Profile | None = None,
    weighting: str = DEFAULT_WEIGHTING,
) -> Matrix:
    """A copy of ``matrix`` weighted by ``profile``, then ``weights`` (see the module's docstring),
    with ``weights_source`` saying where the weights came from.

    >>> from decide import weights
    >>> from decide.io.load import resolve_matrices
    >>> china = resolve_matrices(None, "china")[0]
    >>> set_weights(china, weights.swing("deterrence=100,stability=50,cost=50,risk=50")).weights_source
    'swing'
    """
    if profile is not None:
        matrix = apply_profile(matrix, profile)
    parsed, _ = parse_weights(weights)
    if parsed is None:
        return matrix
    if not isinstance(parsed, WeightSpec):
        return _apply_result(matrix, parsed)
    ordering, overrides = parsed.ordering, parsed.overrides
    if ordering is not None:
        result = ordering_weights(matrix, ordering, weighting)
        matrix = matrix.with_criterion_weights(dict(result.weights.items()), _result_source(result))
    if overrides:
        exact = exact_weights(matrix, overrides, where=matrix.label)
        resolved = _resolved(matrix, overrides)
        if len(resolved) == len(matrix.criteria):
            source = _describe(resolved)
        else:
            source = f"{matrix.weights_source} + {_describe(resolved)}"
        matrix = matrix.with_criterion_weights(exact, source)
    return matrix


def apply_weights(
    matrix: Matrix, overrides: WeightsLike, profile: str | Profile | None = None, weighting: str = DEFAULT_WEIGHTING
) -> Matrix:
    """A copy of ``matrix`` weighted by ``profile`` then ``overrides``: see :func:`decide.weights.apply.set_weights`.

    A named criterion gets exactly the value given; the criteria not named share the rest
    in their file proportions; naming every criterion normalises them. ``None`` or an empty
    mapping returns the matrix unchanged.
    """
    if overrides is None and profile is None:
        return matrix
    return set_weights(matrix, overrides, profile=profile, weighting=weighting)


def path_weights(current: npt.ArrayLike, index: int, values: Any) -> np.ndarray:
    """Weight vectors where criterion ``index`` takes each of ``values`` and the others keep
    their proportions.

    >>> path_weights([0.5, 0.3, 0.2], 0, [0.0, 1.0]).round(2).tolist()
    [[0.0, 0.6, 0.4], [1.0, 0.0, 0.0]]
    """
    import numpy as np

    start = np.asarray(current, dtype=float)
    values = np.asarray(values, dtype=float)
    rest = 1.0 - start[index]
    # if the criterion holds all the weight, the others share equally
    shares = start / rest if rest > 0 else np.full(len(start), 1 / max(1, len(start) - 1))
    shares[index] = 0.0
    weights = (1.0 - values)[:, None] * shares[None, :]
    weights[:, index] = values
    return weights


__all__ = [
    "parse_weights",
    "path_weights",
    "apply_weights",
    "DEFAULT_WEIGHTING",
    "WeightsLike",
    "apply_profile",
    "combine_specs",
    "exact_weights",
    "is_ordering",
    "ordering_weights",
    "set_weights",
]


def require_profile_everywhere(matrices: Sequence[Matrix], profile: str | None) -> None:
    """With several actors, a profile name must be in every one's file (profiles are per actor);
    the :class:`UnknownNameError` names who has it and who does not.

    >>> from decide.io.load import resolve_matrices
    >>> require_profile_everywhere(resolve_matrices(None, ["China", "Japan"]), "mediator")
    Traceback (most recent call last):
    ...
    decide.UnknownNameError: profile 'mediator' is in the file of China only, not of Japan; ...
    """
    if profile is None or len(matrices) < 2:
        return
    wanted = profile.strip().casefold()
    having = [m.actor for m in matrices if any(p.name.casefold() == wanted for p in m.profiles)]
    lacking = [m.actor for m in matrices if m.actor not in having]
    if not lacking:
        return
    if not having:
        raise UnknownNameError(
            f"no selected actor has a profile '{profile}'; see 'decide profiles' for each actor's profiles"
        )
    owners = ", ".join(having)
    raise UnknownNameError(
        f"profile '{profile}' is in the file of {owners} only, not of {', '.join(lacking)}; "
        "choose those actors with --actor, or see 'decide profiles'"
    )
