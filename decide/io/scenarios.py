"""Scenarios: futures the articles describe, as adjustments to an actor's scores.

A scenario names a future (the Russia-North Korea military partnership deepens,
say), cites where the articles describe it, and changes some scores: per strategy
and criterion either a new ``score`` or a ``change`` (``+2``), each with a one-line
rationale. Scenarios live beside the matrices, one file per actor:
``<folder>/scenarios/<matrix file name>`` (the matrix loader reads only the
folder's own ``.yaml`` files, so it never mistakes them for matrices)::

    actor: China
    scenarios:
      - name: partnership-deepens
        description: Russia and North Korea deepen their military cooperation.
        source: "000_791be41c42e32bb7.txt; section '...', list item '...'"
        adjustments:
          - {strategy: Talks, criterion: risk, change: +2, rationale: "..."}
          - {strategy: Aid, criterion: stability, score: 4, rationale: "..."}

``baseline`` is reserved: the matrix as scored. Applying a scenario gives a
:class:`~decide.core.model.Matrix` whose ``scenario`` names it, and its ``filters`` too, so
every caption, CSV and JSON export does (``data china.yaml; scenario boom``).

>>> from decide.core.model import Criterion, Matrix, Strategy
>>> m = Matrix("Example", (Criterion("gain", "max", 1.0),), (Strategy("A", {"gain": 5}),), scale=(1, 10))
>>> boom = Scenario("boom", "Gains rise.", "article, table 1", (Adjustment("A", "gain", "rises", change=2),))
>>> apply_scenario(m, boom).to_frame()["gain"].tolist()
[7.0]
>>> apply_scenario(m, boom).filters
('scenario boom',)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decide.core.errors import MatrixError, UnknownNameError
from decide.core.limits import RESERVED_SCENARIO_NAMES, name_problem
from decide.core.paths import shipped_label
from decide.core.suggest import did_you_mean
from decide.io.files import read_yaml_file

if TYPE_CHECKING:
    from decide.core.model import Matrix, Strategy

#: The reserved name of "no scenario": the matrix as scored.
BASELINE = "baseline"
#: The folder, beside the matrix files, that holds one scenario file per actor.
SCENARIO_FOLDER = "scenarios"
SCENARIO_FILE_KEYS = ("actor", "scenarios")
SCENARIO_KEYS = ("name", "description", "source", "adjustments")
ADJUSTMENT_KEYS = ("strategy", "criterion", "change", "score", "rationale")


@dataclass(frozen=True)
class Adjustment:
    """One changed score: a new ``score``, or a ``change`` added to the current one."""

    strategy: str
    criterion: str
    rationale: str
    change: float | None = None
    score: float | None = None

    def new_value(self, current: float) -> float:
        """The score after the adjustment.

        >>> Adjustment("A", "risk", "why", change=-1.5).new_value(4)
        2.5
        """
        return float(self.score) if self.score is not None else float(current) + float(self.change or 0.0)

    def describe(self) -> str:
        """``risk +2`` or ``risk = 4``."""
        if self.score is not None:
            return f"{self.criterion} = {self.score:g}"
        return f"{self.criterion} {float(self.change or 0):+g}"


@dataclass(frozen=True)
class Scenario:
    """A named future: a description, its source in the articles, and score adjustments."""

    name: str
    description: str
    source: str
    adjustments: tuple[Adjustment, ...] = ()

    def apply(self, matrix: Matrix) -> Matrix:
        """``matrix`` with this scenario's adjustments (see :func:`apply_scenario`)."""
        return apply_scenario(matrix, self)


def _where(matrix: Matrix) -> str:
    return matrix.label


def adjustment_problems(matrix: Matrix, scenario: Scenario, where: str | None = None) -> list[str]:
    """Every reason ``scenario`` cannot apply to ``matrix``: unknown names, a score
    given twice, a result outside the scale. Each line names the scenario."""
    where = where or _where(matrix)
    label = f"{where}: scenario '{scenario.name}'"
    problems: list[str] = []
    strategies = {s.name: s for s in matrix.strategies}
    seen: set[tuple[str, str]] = set()
    for adjustment in scenario.adjustments:
        strategy = strategies.get(adjustment.strategy)
        if strategy is None:
            problems.append(f"{label}: unknown strategy '{adjustment.strategy}'; choose from: {', '.join(strategies)}")
            continue
        if adjustment.criterion not in matrix.criterion_names:
            problems.append(
                f"{label}: strategy '{adjustment.strategy}': unknown criterion '{adjustment.criterion}'; "
                f"choose from: {', '.join(matrix.criterion_names)}"
            )
            continue
        key = (adjustment.strategy, adjustment.criterion)
        if key in seen:
            problems.append(
                f"{label}: strategy '{adjustment.strategy}', criterion '{adjustment.criterion}' is adjusted twice; "
                "keep one adjustment"
            )
            continue
        seen.add(key)
        before = float(strategy.scores[adjustment.criterion])
        after = adjustment.new_value(before)
        if not math.isfinite(after):
            problems.append(
                f"{label}: strategy '{adjustment.strategy}', criterion '{adjustment.criterion}': "
                "the new score is not a finite number"
            )
        elif matrix.scale is not None and not matrix.scale[0] <= after <= matrix.scale[1]:
            low, high = matrix.scale
            problems.append(
                f"{label}: strategy '{adjustment.strategy}', criterion '{adjustment.criterion}': "
                f"{before:g} becomes {after:g}, outside the scale [{low:g}, {high:g}]; change the adjustment"
            )
    return problems


def _shifted_ranges(
    strategy: Strategy, criterion: str, before: float, after: float, scale: tuple[float, float] | None
) -> dict[str, tuple[float, float]]:
    """The strategy's score ranges with ``criterion``'s moved along with its value, kept
    inside the scale and around the new value.

    >>> from decide.core.model import Strategy
    >>> _shifted_ranges(Strategy("A", {"risk": 5.0}, ranges={"risk": (4.0, 7.0)}), "risk", 5.0, 9.0, (1.0, 10.0))
    {'risk': (8.0, 10.0)}
    """
    ranges = dict(strategy.ranges)
    if criterion in ranges:
        low, high = ranges[criterion]
        low, high = low + after - before, high + after - before
        if scale is not None:
            low, high = max(low, scale[0]), min(high, scale[1])
        ranges[criterion] = (min(low, after), max(high, after))
    return ranges


def apply_scenario(matrix: Matrix, scenario: Scenario | str | None) -> Matrix:
    """``matrix`` with ``scenario``'s scores; ``None`` or ``"baseline"`` leaves it as scored.

    ``scenario`` is a :class:`Scenario` or the name of one in the actor's scenario
    file (an :class:`UnknownNameError` lists the names). An adjustment naming an
    unknown strategy or criterion, or leaving the scale, raises :class:`MatrixError`.
    """
    if scenario is None:
        return matrix
    if isinstance(scenario, str):
        if scenario.strip().casefold() == BASELINE:
            return matrix
        scenario = find_scenario(matrix, scenario)
    problems = adjustment_problems(matrix, scenario)
    if problems:
        raise MatrixError(problems)
    by_strategy: dict[str, list[Adjustment]] = {}
    for adjustment in scenario.adjustments:
        by_strategy.setdefault(adjustment.strategy, []).append(adjustment)
    strategies = []
    for strategy in matrix.strategies:
        for adjustment in by_strategy.get(strategy.name, []):
            before = float(strategy.scores[adjustment.criterion])
            after = adjustment.new_value(before)
            strategy = replace(
                strategy,
                scores={**strategy.scores, adjustment.criterion: after},
                ranges=_shifted_ranges(strategy, adjustment.criterion, before, after, matrix.scale),
            )
        strategies.append(strategy)
    return replace(
        matrix,
        strategies=tuple(strategies),
        scenario=scenario.name,
        filters=(*matrix.filters, f"scenario {scenario.name}"),
    )


def _has_scenario(matrix: Matrix, name: str) -> bool:
    try:
        find_scenario(matrix, name)
    except (UnknownNameError, MatrixError):
        return False
    return True


def apply_to_each(matrices: Sequence[Matrix], scenario: Scenario | str) -> list[Matrix]:
    """Every matrix with ``scenario`` applied; when one actor lacks a named scenario, the
    error says which of the others have it (so they can be named with ``--actor``)."""
    try:
        return [apply_scenario(m, scenario) for m in matrices]
    except UnknownNameError as error:
        if not isinstance(scenario, str) or len(matrices) < 2:
            raise
        having = [m.actor for m in matrices if _has_scenario(m, scenario)]
        if not having:
            raise
        raise UnknownNameError(
            f"{error}; '{scenario}' is a scenario of {', '.join(having)} only, so select those actors"
        ) from None


# --- scenario files ----------------------------------------------------------------


def scenario_file(matrix: Matrix) -> Path | None:
    """Where ``matrix``'s scenarios are kept: ``scenarios/<file name>`` beside its file
    (``None`` for a matrix built in memory, or when there is no such file).

    >>> from decide.io.load import resolve_matrices
    >>> scenario_file(resolve_matrices(None, "china")[0]).name
    'china.yaml'
    """
    if matrix.path is None:
        return None
    candidate = matrix.path.parent / SCENARIO_FOLDER / matrix.path.name
    return candidate if candidate.is_file() else None


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _unknown(mapping: dict, allowed: Sequence[str], label: str) -> list[str]:
    known = ", ".join(allowed)
    return [
        f"{label}: unknown key '{key}'{did_you_mean(str(key), allowed)}; allowed keys: {known}"
        for key in mapping
        if key not in allowed
    ]


def _parse_adjustment(item: Any, label: str) -> tuple[list[str], Adjustment | None]:
    if not isinstance(item, dict):
        return [f"{label}: expected a mapping with strategy, criterion, change or score, and rationale"], None
    problems = _unknown(item, ADJUSTMENT_KEYS, label)
    strategy, criterion, rationale = item.get("strategy"), item.get("criterion"), item.get("rationale")
    for key, value in (("strategy", strategy), ("criterion", criterion)):
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{label}: '{key}' is missing or not a text")
    if isinstance(strategy, str) and isinstance(criterion, str):
        label = f"{label} ({strategy}, {criterion})"
    if not isinstance(rationale, str) or not rationale.strip():
        problems.append(f"{label}: 'rationale' is missing; say in one line why the score changes")
    change, score = item.get("change"), item.get("score")
    if (change is None) == (score is None):
        problems.append(f"{label}: give either 'change' (e.g. change: +2) or 'score' (the new score), not both")
    elif change is not None and not _number(change):
        problems.append(f"{label}: 'change' is {change!r}; give a number such as +2 or -1.5")
    elif score is not None and not _number(score):
        problems.append(f"{label}: 'score' is {score!r}; give a number")
    if problems:
        return problems, None
    return [], Adjustment(
        str(strategy),
        str(criterion),
        str(rationale).strip(),
        change=None if change is None else float(change),
        score=None if score is None else float(score),
    )


def parse_scenarios(data: Any, matrix: Matrix, where: str) -> tuple[list[str], tuple[Scenario, ...]]:
    """Check a scenario document against ``matrix``; return every problem and the scenarios."""
    if not isinstance(data, dict) or "scenarios" not in data:
        return [f"{where}: expected a mapping with keys actor and scenarios"], ()
    problems = _unknown(data, SCENARIO_FILE_KEYS, where)
    actor = data.get("actor")
    if actor is not None and (not isinstance(actor, str) or not matrix.matches(actor)):
        problems.append(f"{where}: 'actor' is {actor!r} but the matrix is {matrix.actor}'s; fix the actor")
    items = data.get("scenarios")
    if not isinstance(items, list) or not items:
        return [
            *problems,
            f"{where}: 'scenarios' must be a non-empty list of {{name, description, source, adjustments}}",
        ], ()
    scenarios: list[Scenario] = []
    names: set[str] = set()
    for index, item in enumerate(items):
        label = f"{where}: scenarios[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{label}: expected a mapping with name, description, source and adjustments")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{label}: 'name' is missing or not a text")
            continue
        name = name.strip()
        if problem := name_problem(name):
            problems.append(f"{label}: 'name' {problem}")
            continue
        label = f"{where}: scenario '{name}'"
        before = len(problems)
        problems += _unknown(item, SCENARIO_KEYS, label)
        if name.casefold() == BASELINE:
            problems.append(f"{label}: '{BASELINE}' is reserved for the matrix as scored; rename the scenario")
        elif name.casefold() in RESERVED_SCENARIO_NAMES:
            problems.append(f"{label}: '{name}' is a name decide uses itself; rename the scenario")
        elif name.casefold() in names:
            problems.append(f"{label}: scenario name repeated; scenario names must be unique")
        names.add(name.casefold())
        if " " in name or "," in name:
            problems.append(f"{label}: a scenario name has no spaces or commas (it is typed on the command line)")
        for key in ("description", "source"):
            value = item.get(key)
            if not isinstance(value, str) or not value.strip():
                problems.append(
                    f"{label}: '{key}' is missing; every scenario says what it is and where the articles describe it"
                )
        adjustments: list[Adjustment] = []
        given = item.get("adjustments")
        if not isinstance(given, list) or not given:
            problems.append(
                f"{label}: 'adjustments' must be a non-empty list of {{strategy, criterion, change "
                "or score, rationale}"
            )
        else:
            for position, entry in enumerate(given):
                found, adjustment = _parse_adjustment(entry, f"{label}: adjustments[{position}]")
                problems += found
                if adjustment is not None:
                    adjustments.append(adjustment)
        if len(problems) == before:
            scenario = Scenario(name, item["description"].strip(), item["source"].strip(), tuple(adjustments))
            found = adjustment_problems(matrix, scenario, where)
            problems += found
            if not found:
                scenarios.append(scenario)
    return problems, tuple(scenarios)


def _read_scenario_file(path: Path) -> Any:
    """The parsed YAML of a scenario file; a :class:`MatrixError` names the file and problem."""
    return read_yaml_file(path, "keys actor and scenarios")


def scenario_problems(matrix: Matrix) -> tuple[Path | None, list[str]]:
    """The scenario file of ``matrix`` (if any) and every problem in it."""
    path = scenario_file(matrix)
    if path is None:
        return None, []
    try:
        data = _read_scenario_file(path)
    except MatrixError as error:
        return path, error.problems
    return path, parse_scenarios(data, matrix, shipped_label(path))[0]


def load_scenarios(matrix: Matrix) -> tuple[Scenario, ...]:
    """The scenarios of ``matrix``'s actor (none when it has no scenario file).

    Raises :class:`MatrixError` listing every problem in the file.

    >>> from decide.io.load import resolve_matrices
    >>> [s.name for s in load_scenarios(resolve_matrices(None, "russia")[0])][:2]
    ['sanctions-tighten', 'sanctions-evasion-succeeds']
    """
    path = scenario_file(matrix)
    if path is None:
        return ()
    problems, scenarios = parse_scenarios(_read_scenario_file(path), matrix, shipped_label(path))
    if problems:
        raise MatrixError(problems)
    return scenarios


def find_scenario(matrix: Matrix, name: str) -> Scenario:
    """The scenario of ``matrix``'s actor called ``name`` (any case).

    >>> from decide.io.load import resolve_matrices
    >>> find_scenario(resolve_matrices(None, "japan")[0], "Tensions-Escalate").source[:24]
    '000_791be41c42e32bb7.txt'
    """
    wanted = name.strip().casefold()
    known = load_scenarios(matrix)
    for scenario in known:
        if scenario.name.casefold() == wanted:
            return scenario
    if not known:
        raise UnknownNameError(
            f"{matrix.actor}: unknown scenario '{name}'; {matrix.actor} has no scenarios (write them in "
            f"{SCENARIO_FOLDER}/{matrix.path.name if matrix.path else '<actor>.yaml'} beside the matrix)"
        )
    valid = ", ".join([BASELINE, *(s.name for s in known)])
    from decide.core.suggest import did_you_mean

    hint = did_you_mean(name, [BASELINE, *(s.name for s in known)])
    raise UnknownNameError(f"{matrix.actor}: unknown scenario '{name}'{hint}; choose from: {valid}")


def select_scenarios(matrix: Matrix, scenarios: str | Iterable[str | Scenario] | None = "all") -> list[Scenario | None]:
    """The scenarios a grid runs for ``matrix``: ``None`` stands for the baseline.

    ``"all"`` (or ``None``) is the baseline and every scenario of the actor; a
    ``"a,b"`` text or a list names some (``baseline`` included); :class:`Scenario`
    objects are used as given.

    >>> from decide.io.load import resolve_matrices
    >>> select_scenarios(resolve_matrices(None, "japan")[0], "baseline,tensions-escalate")[0] is None
    True
    """
    if scenarios is None or (isinstance(scenarios, str) and scenarios.strip().lower() == "all"):
        return [None, *load_scenarios(matrix)]
    if isinstance(scenarios, str):
        scenarios = [part for part in scenarios.split(",") if part.strip()]
    chosen: list[Scenario | None] = []
    for entry in scenarios:
        if isinstance(entry, Scenario):
            chosen.append(entry)
        elif entry.strip().casefold() == BASELINE:
            chosen.append(None)
        else:
            chosen.append(find_scenario(matrix, entry))
    if not chosen:
        raise UnknownNameError(f"{matrix.actor}: no scenarios named; write e.g. all or {BASELINE},<name>")
    return list(dict.fromkeys(chosen))


# --- decide scenarios ----------------------------------------------------------------


__all__ = [
    "BASELINE",
    "SCENARIO_FOLDER",
    "Adjustment",
    "Scenario",
    "adjustment_problems",
    "apply_scenario",
    "apply_to_each",
    "find_scenario",
    "load_scenarios",
    "parse_scenarios",
    "scenario_file",
    "scenario_problems",
    "select_scenarios",
]
