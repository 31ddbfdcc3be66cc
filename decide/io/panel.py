"""The ``group:`` block of a group matrix file: who the analysts were, their weights and scores, and
how the group's scores were made from theirs (:class:`~decide.core.panel.Panel`). ``decide group -o``
writes it; reading it back lets ``decide report`` say where the analysts disagree.

>>> from decide.core.model import Criterion, Strategy
>>> criteria, strategies = [Criterion("gain", "max", 1.0)], [Strategy("A", {"gain": 5.0})]
>>> block = {"aggregate": "median", "analysts": {"kim": {"weights": {"gain": 1}, "scores": {"A": {"gain": 4}}},
...          "lee": {"weights": {"gain": 1}, "scores": {"A": {"gain": 6}}}}}
>>> problems, panel = check_panel(block, "team.yaml", criteria, strategies)
>>> problems, panel.names, panel_document(panel)["analysts"]["lee"]["scores"]["A"]
([], ('kim', 'lee'), {'gain': 6})
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from decide.core.model import Criterion, Strategy
from decide.core.panel import Analyst, Panel
from decide.io.yamlsafe import as_finite_number, shorten

#: The keys of a ``group:`` block, and of each analyst in it.
PANEL_KEYS = ("aggregate", "spread", "tolerance", "analysts")
ANALYST_KEYS = ("weights", "scores")
AGGREGATES = ("median", "mean", "geomean")
SPREADS = ("minmax", "iqr")

_FIX = "it is what 'decide group -o FILE.yaml' writes; write the group file again, or remove 'group'"

#: Where a problem lies, from its place in the block: ``("analysts", "kim", "weights", "gain")``
#: gives ``team.yaml: group`` for a file, ``team.xlsx: sheet 'analysts', cell C7`` for a workbook.
Locate = Callable[[tuple[str, ...]], str]


def _numbers(given: Any, names: Sequence[str], at: Locate, path: tuple[str, ...], label: str, fix: str) -> Any:
    """A mapping of each of ``names`` to a finite number: (problems, values)."""
    if not isinstance(given, dict):
        return [f"{at(path)}: {label}: expected a mapping of {', '.join(names)} to numbers; {fix}"], {}
    given = {str(k): v for k, v in given.items()}  # a name YAML reads as a number: 2030
    values: dict[str, float] = {}
    for name in names:
        value = as_finite_number(given.get(name))
        if value is None:
            shown = "missing" if given.get(name) is None else shorten(given.get(name))
            return [f"{at((*path, name))}: {label}: '{name}' is {shown}; expected a number; {fix}"], {}
        values[name] = value
    extra = [str(k) for k in given if k not in names]
    if extra:
        return [f"{at((*path, extra[0]))}: {label}: '{extra[0]}' is not in the matrix; {fix}"], {}
    return [], values


def _analyst(
    name: Any,
    item: Any,
    at: Locate,
    criteria: list[str],
    strategies: list[str],
    fix: str,
    scale: tuple[float, float] | None = None,
) -> tuple[list[str], Any]:
    path, label = ("analysts", str(name)), f"analyst '{name}'"
    if not isinstance(item, dict) or set(item) != set(ANALYST_KEYS):
        return [f"{at(path)}: {label}: expected the keys {', '.join(ANALYST_KEYS)}; {fix}"], None
    problems, weights = _numbers(item["weights"], criteria, at, (*path, "weights"), f"{label}: weights", fix)
    if not problems and (min(weights.values()) < 0 or sum(weights.values()) <= 0):
        problems = [f"{at((*path, 'weights'))}: {label}: weights must be >= 0 and not all 0; {fix}"]
    given = {str(k): v for k, v in item["scores"].items()} if isinstance(item["scores"], dict) else None
    if given is None or sorted(given) != sorted(strategies):
        return [
            *problems,
            f"{at((*path, 'scores'))}: {label}: scores need one entry per strategy of the matrix; {fix}",
        ], None
    scores = {}
    for strategy in strategies:
        where = (*path, "scores", strategy)
        found, values = _numbers(given[strategy], criteria, at, where, f"{label}: scores of '{strategy}'", fix)
        if not found and scale is not None:  # the matrix's scale binds each analyst's scores as the group's
            low, high = scale
            found = [
                f"{at((*where, c))}: {label}: scores of '{strategy}': '{c}' is {v:g}, outside the scale "
                f"[{low:g}, {high:g}]; give a score within it"
                for c, v in values.items()
                if not low <= v <= high
            ][:1]
        problems += found
        scores[strategy] = values
    return problems, Analyst(str(name), weights, scores)


def check_panel(
    data: Any,
    where: str,
    criteria: Sequence[Criterion],
    strategies: Sequence[Strategy],
    locate: Locate | None = None,
    fix: str = _FIX,
    scale: tuple[float, float] | None = None,
) -> tuple[list[str], Panel | None]:
    """Every problem of a ``group:`` block (``None``: no block), and its :class:`Panel` when none.

    ``locate`` names where each problem lies (a workbook's sheet and cell, see
    :mod:`decide.io.sheet_panel`) and ``fix`` says how to mend it; by default, the block of
    ``where``. With the matrix's ``scale``, every analyst's score must lie within it."""
    if data is None:
        return [], None
    if not isinstance(data, dict):
        return [f"{where}: 'group' must be a mapping ({', '.join(PANEL_KEYS)}); {fix}"], None
    at: Locate = locate or (lambda path: f"{where}: group")
    unknown = [str(k) for k in data if k not in PANEL_KEYS]
    if unknown:
        return [f"{at(())}: unknown key '{unknown[0]}'; allowed keys: {', '.join(PANEL_KEYS)}"], None
    aggregate, spread = data.get("aggregate", "median"), data.get("spread", "minmax")
    tolerance = as_finite_number(data.get("tolerance", 2))
    if aggregate not in AGGREGATES:
        return [f"{at(('aggregate',))}: aggregate is {shorten(aggregate)}; choose from: {', '.join(AGGREGATES)}"], None
    if spread not in SPREADS:
        return [f"{at(('spread',))}: spread is {shorten(spread)}; choose from: {', '.join(SPREADS)}"], None
    if tolerance is None or tolerance < 0:
        shown = shorten(data.get("tolerance"))
        return [f"{at(('tolerance',))}: tolerance is {shown}; give a number >= 0"], None
    analysts = data.get("analysts")
    if not isinstance(analysts, dict) or len(analysts) < 2:
        return [f"{at(('analysts',))}: 'analysts' must map two or more analysts' names to their copies; {fix}"], None
    names = [c.name for c in criteria]
    problems: list[str] = []
    found = []
    for name, item in analysts.items():
        more, analyst = _analyst(name, item, at, names, [s.name for s in strategies], fix, scale)
        problems += more
        found.append(analyst)
    if problems:
        return problems, None
    return [], Panel(tuple(found), str(aggregate), str(spread), float(tolerance))


def panel_document(panel: Panel) -> dict[str, Any]:
    """The ``group:`` block of ``panel`` (numbers as written: ``6``, not ``6.0``)."""

    def number(value: float) -> int | float:
        return int(value) if float(value).is_integer() and abs(value) < 2**53 else float(value)

    return {
        "aggregate": panel.aggregate,
        "spread": panel.spread,
        "tolerance": number(panel.tolerance),
        "analysts": {
            a.name: {
                "weights": {k: number(v) for k, v in a.weights.items()},
                "scores": {s: {k: number(v) for k, v in row.items()} for s, row in a.scores.items()},
            }
            for a in panel.analysts
        },
    }


__all__ = ["ANALYST_KEYS", "PANEL_KEYS", "check_panel", "panel_document"]
