"""A commented starting matrix file (``decide new``): criteria, strategies and scale filled in, every
score a placeholder at the middle of the scale, so that the file validates and ranks at once.

>>> text = new_matrix_text("vendors.yaml", "price:min,quality:max", "A,B")
>>> [line for line in text.splitlines() if "name: price" in line]
['  - {name: price, objective: min}']
"""

from __future__ import annotations

from pathlib import Path

from decide.core.errors import SpecError
from decide.core.parse import parse_objective, parse_range

#: What ``decide new`` writes with no criteria or strategies given.
DEFAULT_CRITERIA = "benefit:max,cost:min"
DEFAULT_STRATEGIES = "A,B,C"
DEFAULT_SCALE = "1:10"


def _scalar(value: object) -> str:
    """``value`` as one YAML flow scalar, quoted only when it needs to be."""
    import yaml

    return str(yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=10_000)).strip()[1:-1]


def parse_criteria(text: str) -> list[tuple[str, str, float | None]]:
    """``"price:min,quality:max"`` -> ``[("price", "min", None), ("quality", "max", None)]``: each
    criterion's name, direction (max/min, benefit/cost, +/-) and optional weight.

    >>> parse_criteria("price:cost:1, quality:+:2")
    [('price', 'min', 1.0), ('quality', 'max', 2.0)]
    """
    found: list[tuple[str, str, float | None]] = []
    for entry in (part.strip() for part in text.split(",")):
        if not entry:
            continue
        name, _, rest = entry.partition(":")
        direction, _, weight_text = rest.partition(":")
        name = name.strip()
        objective = parse_objective(direction)
        if not name or objective is None:
            raise SpecError(
                f"'{entry}' is not NAME:max or NAME:min (benefit/cost and +/- work too), e.g. price:min",
                field="criteria",
            )
        weight: float | None = None
        if weight_text.strip():
            try:
                weight = float(weight_text)
            except ValueError:
                raise SpecError(f"'{entry}': weight '{weight_text}' is not a number", field="criteria") from None
            if not weight >= 0 or weight == float("inf"):
                raise SpecError(f"'{entry}': weight '{weight_text}' is not a number >= 0", field="criteria")
        if any(name.casefold() == other.casefold() for other, _, _ in found):
            raise SpecError(f"criterion '{name}' is given twice", field="criteria")
        found.append((name, objective, weight))
    if not found:
        raise SpecError("name at least one criterion, e.g. price:min,quality:max", field="criteria")
    if any(w is not None for *_, w in found) and any(w is None for *_, w in found):
        missing = ", ".join(name for name, _, w in found if w is None)
        raise SpecError(
            f"give every criterion a weight or none (equal weights); no weight for {missing}", field="criteria"
        )
    return found


def parse_strategies(text: str) -> list[str]:
    """``"A, B,C"`` -> ``["A", "B", "C"]``; names must be unique."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise SpecError("name at least one strategy, e.g. A,B,C", field="strategies")
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise SpecError(f"strategy '{name}' is given twice", field="strategies")
        seen.add(name.casefold())
    return names


CriterionSpec = tuple[str, str, float | None]


def parse_weights_answer(text: str, criteria: list[CriterionSpec]) -> list[CriterionSpec]:
    """The criteria with the weights of a prompt's answer: ``equal`` or ``price=2,quality=1``."""
    if text.strip().casefold() in ("", "equal", "="):
        return [(name, objective, None) for name, objective, _ in criteria]
    given: dict[str, float] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, equals, value = part.partition("=")
        try:
            given[name.strip().casefold()] = float(value)
        except ValueError:
            raise SpecError(
                f"'{part}' is not NAME=NUMBER; write e.g. price=2,quality=1 or equal", field="weights"
            ) from None
        if not equals or given[name.strip().casefold()] < 0:
            raise SpecError(f"'{part}' is not NAME=NUMBER with a number >= 0", field="weights")
    names = [name for name, _, _ in criteria]
    unknown = [name for name in given if name not in {n.casefold() for n in names}]
    if unknown:
        raise SpecError(f"unknown criterion '{unknown[0]}'; criteria are: {', '.join(names)}", field="weights")
    return [(name, objective, given.get(name.casefold(), 0.0)) for name, objective, _ in criteria]


def new_matrix_text(
    path: str | Path,
    criteria: str | list[tuple[str, str, float | None]],
    strategies: str | list[str],
    scale: str | None = DEFAULT_SCALE,
    actor: str | None = None,
) -> str:
    """The text of a new matrix file: commented, valid, every score a placeholder at the middle of
    ``scale`` (``"1:10"``; ``None``/``"none"`` for no scale, placeholders 0)."""
    from decide.io.matrix_checks import default_actor

    path = Path(path)
    rows = parse_criteria(criteria) if isinstance(criteria, str) else criteria
    names = parse_strategies(strategies) if isinstance(strategies, str) else strategies
    bounds: tuple[float, float] | None = None
    if scale and scale.strip().casefold() != "none":
        try:
            bounds = parse_range(scale)
        except ValueError as error:
            raise SpecError(f"{error}; write e.g. 1:10", field="scale") from None
    middle = (bounds[0] + bounds[1]) / 2 if bounds else 0.0
    placeholder = int(middle) if float(middle).is_integer() else middle
    weighted = any(w is not None for *_, w in rows)
    lines = [
        f"# {path.name}: a decision matrix for decide, started by 'decide new'.",
        "# Replace every placeholder score, then check and rank it:",
        f"#   decide validate {path.name}",
        f"#   decide rank {path.name}",
        "",
        "# Who decides (optional: without it, the file name title-cased).",
        f"actor: {_scalar(actor or default_actor(path))}",
        "",
        "# What matters: objective max = more is better, min = less is better.",
        "# weight is optional: leave every weight out for equal weights, or give each a number",
        "# (they are normalised to sum to 1). description: one line on what the criterion measures.",
        "criteria:",
    ]
    for name, objective, weight in rows:
        weight_text = f", weight: {weight:g}" if weighted else ""
        lines.append(f"  - {{name: {_scalar(name)}, objective: {objective}{weight_text}}}")
    lines.append("")
    if bounds:
        lines += ["# Every score must lie inside [low, high].", f"scale: [{bounds[0]:g}, {bounds[1]:g}]", ""]
    lines += [
        "# The options, each scored on every criterion. A score you cannot pin down is a range",
        '# {value: 5, low: 3, high: 7}; say where a strategy comes from with source: "..." and why',
        '# a score is what it is with rationale: {criterion: "..."}.',
        "strategies:",
    ]
    for name in names:
        scores = ", ".join(f"{_scalar(criterion)}: {placeholder}" for criterion, _, _ in rows)
        lines += [f"  - name: {_scalar(name)}", f"    scores: {{{scores}}}  # placeholders: your scores here"]
    return "\n".join(lines) + "\n"


__all__ = [
    "DEFAULT_CRITERIA",
    "DEFAULT_SCALE",
    "DEFAULT_STRATEGIES",
    "new_matrix_text",
    "parse_criteria",
    "parse_strategies",
    "parse_weights_answer",
]
