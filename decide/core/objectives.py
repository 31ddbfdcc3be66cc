"""How people write a criterion's direction: max/min, benefit/cost, +/-, in files, prompts,
spreadsheet header rows and DataFrames."""

from __future__ import annotations

#: The ways people write a criterion's direction, in files, prompts and spreadsheet header rows.
OBJECTIVE_WORDS = {
    "max": "max",
    "maximise": "max",
    "maximize": "max",
    "benefit": "max",
    "more": "max",
    "higher": "max",
    "+": "max",
    "min": "min",
    "minimise": "min",
    "minimize": "min",
    "cost": "min",
    "less": "min",
    "lower": "min",
    "-": "min",
}


def parse_objective(text: object) -> str | None:
    """``max`` or ``min`` for any of :data:`OBJECTIVE_WORDS` (any case), else ``None``.

    >>> parse_objective("Benefit"), parse_objective("-"), parse_objective("up")
    ('max', 'min', None)
    """
    return OBJECTIVE_WORDS.get(str(text).strip().casefold()) if text is not None else None


__all__ = ["OBJECTIVE_WORDS", "parse_objective"]
