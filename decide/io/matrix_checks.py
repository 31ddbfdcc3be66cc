"""Checking one parsed matrix document: every problem with its keys, criteria, scale, strategies,
scores, ranges, basis and certainty, one line each, and the Matrix when there is none."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from decide.core.limits import document_problems, one_line
from decide.core.model import Criterion, Matrix, Objective, Strategy
from decide.core.paths import shipped_label
from decide.core.suggest import did_you_mean
from decide.io.yamlsafe import as_finite_number, shorten
from decide.weights.spec import check_weights

if TYPE_CHECKING:
    pass


TOP_LEVEL_KEYS = (
    "actor",
    "aliases",
    "criteria",
    "scale",
    "weights_rationale",
    "strategies",
    "profiles",
    "draft",
    "group",
)


CRITERION_KEYS = ("name", "objective", "weight", "description")


STRATEGY_KEYS = ("name", "basis", "reasoning", "scores", "certainty", "source", "rationale")


BASES = ("stated", "inferred")


CERTAINTIES = ("stated", "implied", "judgement")


RANGE_KEYS = ("value", "low", "high")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _unknown_keys(mapping: dict, allowed: Sequence[str], where: str) -> list[str]:
    return [
        f"{where}: unknown key '{key}'{did_you_mean(str(key), allowed)}; allowed keys: {', '.join(allowed)}"
        for key in mapping
        if key not in allowed
    ]


def _check_criteria(data: Any, where: str) -> tuple[list[str], list[Criterion]]:
    problems: list[str] = []
    criteria: list[Criterion] = []
    if not isinstance(data, list) or not data:
        return [f"{where}: 'criteria' must be a non-empty list of {{name, objective, weight}}"], []
    names: set[str] = set()
    # no weight anywhere: equal weights (said in every caption); some but not all: a problem
    unweighted = all(isinstance(item, dict) and item.get("weight") is None for item in data)
    for index, item in enumerate(data):
        label = f"{where}: criteria[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{label}: expected a mapping with name, objective and weight")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{label}: 'name' is missing or not a text")
            continue
        label = f"{where}: criterion '{name}'"
        problems += _unknown_keys(item, CRITERION_KEYS, label)
        if name in names:
            problems.append(f"{label}: duplicate criterion name; criterion names must be unique")
        names.add(name)
        objective = item.get("objective")
        if objective not in ("max", "min"):
            problems.append(
                f"{label}: 'objective' is {shorten(objective)}; use max (more is better) or min (less is better)"
            )
        weight = 1.0 if unweighted else item.get("weight")
        if weight is None:
            problems.append(
                f"{label}: 'weight' is missing; give a number >= 0 (or leave out every weight for equal weights)"
            )
        elif not _is_number(weight) or as_finite_number(weight) is None or weight < 0:
            problems.append(f"{label}: 'weight' is {shorten(weight)}; give a finite number >= 0")
        description = item.get("description", "")
        if not isinstance(description, str):
            problems.append(f"{label}: 'description' must be a text")
        if not problems:
            criteria.append(Criterion(name, cast(Objective, objective), float(cast(float, weight)), description or ""))
    if not problems:
        problems += [f"{where}: criteria: {p}" for p in check_weights({c.name: c.weight for c in criteria})]
    return problems, criteria


def _check_scale(data: Any, where: str) -> tuple[list[str], tuple[float, float] | None]:
    if data is None:
        return [], None
    if (
        not isinstance(data, list)
        or len(data) != 2
        or not all(as_finite_number(v) is not None for v in data)
        or data[0] >= data[1]
    ):
        return [f"{where}: 'scale' is {shorten(data)}; write [low, high] with low < high, e.g. [1, 10]"], None
    return [], (float(data[0]), float(data[1]))


def _criterion_names(data: Any) -> list[str]:
    """The criterion names a document gives, even where a criterion has other problems:
    strategies are checked against them in the same round."""
    items = data if isinstance(data, list) else []
    names = [item.get("name") for item in items if isinstance(item, dict)]
    return list(dict.fromkeys(name for name in names if isinstance(name, str) and name.strip()))


def _check_strategies(
    data: Any, where: str, criteria: list[Criterion], scale: tuple[float, float] | None
) -> tuple[list[str], list[Strategy]]:
    if not isinstance(data, list) or not data:
        return [f"{where}: 'strategies' must be a non-empty list of {{name, scores}}"], []
    problems: list[str] = []
    strategies: list[Strategy] = []
    criterion_names = [c.name for c in criteria]
    known = set(criterion_names)
    low, high = scale if scale is not None else (-math.inf, math.inf)
    seen: set[str] = set()
    for index, item in enumerate(data):
        label = f"{where}: strategies[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{label}: expected a mapping with name and scores")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{label}: 'name' is missing or not a text")
            continue
        label = f"{where}: strategy '{name}'"
        before = len(problems)
        problems += _unknown_keys(item, STRATEGY_KEYS, label)
        if name in seen:
            problems.append(f"{label}: duplicate strategy name; strategy names must be unique")
        seen.add(name)
        scores = item.get("scores")
        if not isinstance(scores, dict):
            problems.append(
                f"{label}: 'scores' must be a mapping with a number for each of: " + ", ".join(criterion_names)
            )
            continue
        if not known.issubset(scores):
            for criterion in criterion_names:
                if criterion not in scores:
                    problems.append(f"{label}: no score for criterion '{criterion}'")
        ranges: dict[str, tuple[float, float]] = {}
        kinds = set(map(type, scores.values()))
        if dict in kinds:
            range_problems, scores, ranges = _split_ranges(scores, label, scale)
            problems += range_problems
            kinds = set(map(type, scores.values()))
        if not _plain_scores(scores, kinds, known, low, high):
            problems += _score_problems(scores, label, criterion_names, scale)
        source = item.get("source", "")
        if not isinstance(source, str):
            problems.append(f"{label}: 'source' must be a text")
        rationale = item.get("rationale", "")
        if isinstance(rationale, dict):
            for key, text in rationale.items():
                if criteria and key not in criterion_names:
                    problems.append(f"{label}: rationale for unknown criterion '{key}'")
                elif not isinstance(text, str):
                    problems.append(f"{label}: rationale for '{key}' must be a text")
        elif not isinstance(rationale, str):
            problems.append(f"{label}: 'rationale' must be a text or a mapping criterion: text")
        basis_problems, basis, reasoning, certainty = _check_basis_and_certainty(item, label, criterion_names, ranges)
        problems += basis_problems
        if len(problems) == before:
            strategies.append(
                Strategy(
                    name,
                    _as_floats(scores, criterion_names),
                    source or "",
                    rationale or "",
                    basis=basis,
                    reasoning=reasoning,
                    ranges=ranges,
                    certainty=certainty,
                )
            )
    return problems, strategies


_NUMBER_TYPES = frozenset((int, float))


def _plain_scores(scores: dict, kinds: set[type], known: set[str], low: float, high: float) -> bool:
    """Whether every score is a finite number inside ``[low, high]`` for a known criterion
    (``kinds``: the types of the scores): the common case, checked with set operations,
    ``min``, ``max`` and ``sum`` (a NaN or an infinity makes the sum non-finite) instead of
    a loop in Python.

    >>> _plain_scores({"a": 1, "b": 2.5}, {int, float}, {"a", "b"}, 1, 10)
    True
    >>> _plain_scores({"a": float("nan")}, {float}, {"a"}, 1, 10)
    False
    """
    values = scores.values()
    if not values:
        return True
    if not kinds.issubset(_NUMBER_TYPES) or not known.issuperset(scores):
        return False
    smallest, largest = min(values), max(values)
    if not (low <= smallest and largest <= high and smallest > -1e300 and largest < 1e300):
        return False
    # each is below 1e300, so the sum of any number of them is finite unless one is NaN
    return float not in kinds or math.isfinite(sum(values))


def _as_floats(scores: dict, criterion_names: list[str]) -> dict[str, float]:
    """The scores as floats, in criteria order (one map in C when the file has that order)."""
    if len(scores) == len(criterion_names) and list(scores) == criterion_names:
        return dict(zip(criterion_names, map(float, scores.values()), strict=True))
    return {name: float(scores[name]) for name in criterion_names}


def _score_problems(
    scores: dict, label: str, criterion_names: list[str], scale: tuple[float, float] | None
) -> list[str]:
    """One line for each score that is not a finite number inside the scale for a known criterion."""
    problems: list[str] = []
    for key, value in scores.items():
        if criterion_names and key not in criterion_names:
            problems.append(
                f"{label}: score for unknown criterion '{key}'; criteria are: " + ", ".join(criterion_names)
            )
        elif not _is_number(value):
            problems.append(f"{label}: score for '{key}' is {shorten(value)}, expected a number")
        elif as_finite_number(value) is None:
            problems.append(f"{label}: score for '{key}' is {shorten(value)}, expected a finite number")
        elif scale is not None and not scale[0] <= value <= scale[1]:
            problems.append(f"{label}: score for '{key}' is {value:g}, outside the scale [{scale[0]:g}, {scale[1]:g}]")
    return problems


def _split_ranges(
    scores: dict, label: str, scale: tuple[float, float] | None
) -> tuple[list[str], dict[str, Any], dict[str, tuple[float, float]]]:
    """Split ``{criterion: number | {value, low, high}}`` into plain values and ranges.

    Checks each range form: its keys, numbers, low <= value <= high, and the range inside ``scale``.

    >>> _split_ranges({"cost": {"value": 5, "low": 3, "high": 7}, "risk": 2}, "s", (1, 10))
    ([], {'cost': 5, 'risk': 2}, {'cost': (3.0, 7.0)})
    """
    problems: list[str] = []
    values: dict[str, Any] = {}
    ranges: dict[str, tuple[float, float]] = {}
    for key, given in scores.items():
        if not isinstance(given, dict):
            values[key] = given
            continue
        where = f"{label}: score for '{key}'"
        unknown = [k for k in given if k not in RANGE_KEYS]
        missing = [k for k in RANGE_KEYS if k not in given]
        numbers = all(_is_number(given[k]) and as_finite_number(given[k]) is not None for k in given)
        if unknown or missing or not numbers:
            problems.append(f"{where}: write a number or {{value: 5, low: 3, high: 7}} with three numbers")
            continue
        value, low, high = (given[k] for k in RANGE_KEYS)
        values[key] = value
        ranges[key] = (float(low), float(high))  # kept even when wrong, so no second line says "no range"
        if not low <= value <= high:
            problems.append(
                f"{where}: value {value:g} is outside its range [{low:g}, {high:g}]; put low <= value <= high"
            )
        elif scale is not None and not scale[0] <= low <= high <= scale[1]:
            problems.append(
                f"{where}: range [{low:g}, {high:g}] goes outside the scale [{scale[0]:g}, {scale[1]:g}]; narrow it"
            )
    return problems, values, ranges


def _check_basis_and_certainty(
    item: dict, label: str, criterion_names: list[str], ranges: dict[str, tuple[float, float]]
) -> tuple[list[str], str, str, dict[str, str]]:
    """Check a strategy's ``basis``/``reasoning`` and its ``certainty`` mapping (criterion -> level).

    >>> _check_basis_and_certainty({"basis": "inferred"}, "s", ["cost"], {})
    (["s: 'basis' is inferred but no 'reasoning' says why; add reasoning: <one line>"], 'inferred', '', {})
    """
    problems: list[str] = []
    basis = item.get("basis", "stated")
    if basis not in BASES:
        problems.append(f"{label}: 'basis' is {basis!r}; use stated (the articles advise it) or inferred")
    reasoning = item.get("reasoning", "")
    if not isinstance(reasoning, str):
        problems.append(f"{label}: 'reasoning' must be a text")
        reasoning = ""
    elif basis == "inferred" and not reasoning.strip():
        problems.append(f"{label}: 'basis' is inferred but no 'reasoning' says why; add reasoning: <one line>")
    certainty = item.get("certainty", {})
    if not isinstance(certainty, dict):
        problems.append(f"{label}: 'certainty' must be a mapping criterion: stated|implied|judgement")
        certainty = {}
    for key, level in certainty.items():
        if criterion_names and key not in criterion_names:
            known = ", ".join(criterion_names)
            problems.append(f"{label}: certainty for unknown criterion '{key}'; criteria are: {known}")
        elif level not in CERTAINTIES:
            problems.append(f"{label}: certainty for '{key}' is {level!r}; use stated, implied or judgement")
        elif level == "judgement" and key not in ranges:
            problems.append(
                f"{label}: score for '{key}' is a judgement but has no range; write {{value: v, low: l, high: h}}"
            )
    return problems, str(basis), reasoning, dict(certainty)


def _check_document(data: Any, path: Path) -> tuple[list[str], Matrix | None]:
    where = shipped_label(path)
    if not isinstance(data, dict):
        return [f"{where}: expected a mapping with keys actor, criteria and strategies"], None
    problems = _unknown_keys(data, TOP_LEVEL_KEYS, where)
    actor = data.get("actor", default_actor(path))
    if not isinstance(actor, str) or not actor.strip():
        problems.append(f"{where}: 'actor' is missing or not a text; name the actor, e.g. actor: China")
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        problems.append(f"{where}: 'aliases' must be a list of texts, e.g. [US, USA]")
        aliases = []
    criteria_problems, criteria = _check_criteria(data.get("criteria"), where)
    if criteria_problems:  # check the strategies against every named criterion all the same
        criteria = [Criterion(name, "max", 1.0) for name in _criterion_names(data.get("criteria"))]
    scale_problems, scale = _check_scale(data.get("scale"), where)
    strategy_problems, strategies = _check_strategies(data.get("strategies"), where, criteria, scale)
    from decide.weights.profiles import check_profiles

    profile_problems, profiles = check_profiles(data.get("profiles"), where, criteria)
    problems += criteria_problems + scale_problems + strategy_problems + profile_problems
    from decide.io.panel import check_panel  # a group matrix's analysts (decide group -o)

    panel = None
    if not (criteria_problems or strategy_problems):
        panel_problems, panel = check_panel(data.get("group"), where, criteria, strategies, scale=scale)
        problems += panel_problems
    problems += document_problems(data, where)  # sizes, magnitudes, characters, reserved names
    problems = [one_line(problem) for problem in problems]  # a name with a newline cannot split a line
    weights_rationale = data.get("weights_rationale", "")
    if not isinstance(weights_rationale, str):
        problems.append(f"{where}: 'weights_rationale' must be a text (one line on why these weights)")
    draft = data.get("draft", False)
    if not isinstance(draft, bool):
        problems.append(f"{where}: 'draft' is {shorten(draft)}; write draft: true (scores unreviewed) or remove it")
    if problems:
        return problems, None
    matrix = Matrix(
        actor=str(actor).strip(),
        criteria=tuple(criteria),
        strategies=tuple(strategies),
        aliases=tuple(aliases),
        scale=scale,
        path=path,
        profiles=tuple(profiles),
        weights_rationale=weights_rationale,
        draft=draft,
        weights_source="file" if _has_weights(data.get("criteria")) else EQUAL_WEIGHTS,
        basis_given=any(isinstance(s, dict) and "basis" in s for s in data.get("strategies") or []),
        group=panel,
    )
    return [], matrix


#: How captions name the weights of a file that gives none.
from decide.core.frame import EQUAL_WEIGHTS  # noqa: E402


def _has_weights(criteria: Any) -> bool:
    return any(isinstance(item, dict) and item.get("weight") is not None for item in criteria or [])


def default_actor(path: Path) -> str:
    """The actor of a file that names none: its stem in words, title-cased.

    >>> default_actor(Path("my-vendors.yaml"))
    'My Vendors'
    """
    return " ".join(path.stem.replace("_", " ").replace("-", " ").split()).title() or path.stem


#: Every problem of a parsed matrix document (``path`` names it), and its Matrix when there is none.
check_document = _check_document
