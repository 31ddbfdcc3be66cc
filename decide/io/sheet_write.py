"""The ``matrix`` sheets of decide's workbooks: each matrix in the layout ``decide import`` reads
(:mod:`decide.io.sheet`), so that a workbook written by ``decide rank -o x.xlsx`` or ``decide show
-o x.xlsx`` imports back to the same matrices: scores, ranges, objectives, weights and provenance."""

from __future__ import annotations

from typing import Any

from decide.core.model import Matrix


def _number(value: float) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def range_text(value: float, low: float, high: float) -> str:
    """A ranged score as one cell: ``5 [3-7]`` (``5 [-3, 7]`` when an end is negative)."""
    separator = ", " if low < 0 or high < 0 else "-"
    return f"{_number(value)} [{_number(low)}{separator}{_number(high)}]"


def matrix_rows(matrix: Matrix) -> list[list[Any]]:
    """The rows of one matrix sheet: the matrix's own rows, the header, the criterion rows, the strategies."""
    from decide.io.matrix_checks import EQUAL_WEIGHTS

    rows: list[list[Any]] = [["actor", matrix.actor]]
    if matrix.aliases:
        rows.append(["aliases", ", ".join(matrix.aliases)])
    if matrix.scale is not None:
        rows.append(["scale", _number(matrix.scale[0]), _number(matrix.scale[1])])
    if matrix.weights_rationale:
        rows.append(["weights rationale", matrix.weights_rationale])
    if matrix.draft:
        rows.append(["draft", "true"])
    rows.append([])
    names = matrix.criterion_names
    strategies = matrix.strategies
    basis = matrix.shows_basis
    whys = [c for c in names if any(not isinstance(s.rationale, str) and s.rationale.get(c) for s in strategies)]
    certain = [c for c in names if any(s.certainty.get(c) for s in strategies)]
    extra = [
        "source",
        "rationale",
        *(["basis", "reasoning"] if basis else []),
        *(f"why {c}" for c in whys),
        *(f"certainty {c}" for c in certain),
    ]
    rows.append(["strategy", *names, *extra])
    rows.append(["objective", *matrix.objectives])
    if matrix.weights_source != EQUAL_WEIGHTS:
        rows.append(["weight", *(_number(c.weight) for c in matrix.criteria)])
    if any(c.description for c in matrix.criteria):
        rows.append(["description", *(c.description for c in matrix.criteria)])
    for strategy in strategies:
        scores = [
            range_text(strategy.scores[c], *strategy.ranges[c]) if c in strategy.ranges else _number(strategy.scores[c])
            for c in names
        ]
        rationale = strategy.rationale
        row = [strategy.name, *scores, strategy.source, rationale if isinstance(rationale, str) else ""]
        if basis:
            row += [strategy.basis, strategy.reasoning]
        row += [rationale.get(c, "") if not isinstance(rationale, str) else "" for c in whys]
        row += [strategy.certainty.get(c, "") for c in certain]
        rows.append(row)
    return rows


__all__ = ["matrix_rows", "range_text"]
