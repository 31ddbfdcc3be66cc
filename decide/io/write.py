"""Writing a :class:`~decide.core.model.Matrix` back to a matrix file: what ``decide import -o`` and
``decide group -o`` write, and what :func:`decide.io.load.load_matrix` reads back to an equal matrix.

>>> from decide.core.model import Criterion, Matrix, Strategy
>>> m = Matrix("Vendors", (Criterion("price", "min", 1.0),),
...            (Strategy("A", {"price": 5.0}, ranges={"price": (4.0, 6.0)}, certainty={"price": "judgement"}),))
>>> print(matrix_yaml(m, weights=False), end="")
actor: Vendors
criteria:
- {name: price, objective: min}
strategies:
- name: A
  scores:
    price: {value: 5, low: 4, high: 6}
  certainty: {price: judgement}
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from decide.core.model import Matrix, Strategy
from decide.io.files import write_output


def _number(value: float) -> int | float:
    """Whole numbers as ints (``5``, not ``5.0``), others as they are."""
    number = float(value)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


class _Flow(dict):
    """A mapping written on one line: ``{name: price, objective: min}``."""


class _FlowList(list):
    """A list written on one line: ``[1, 10]``."""


def _strategy(strategy: Strategy, criteria: list[str], basis: bool) -> dict[str, Any]:
    item: dict[str, Any] = {"name": strategy.name}
    if basis:
        item["basis"] = strategy.basis
        if strategy.reasoning:
            item["reasoning"] = strategy.reasoning
    scores: dict[str, Any] = {}
    for name in criteria:
        value = _number(strategy.scores[name])
        if name in strategy.ranges:
            low, high = strategy.ranges[name]
            scores[name] = _Flow(value=value, low=_number(low), high=_number(high))
        else:
            scores[name] = value
    item["scores"] = scores if strategy.ranges else _Flow(scores)
    if strategy.certainty:
        item["certainty"] = _Flow(strategy.certainty)
    if strategy.source:
        item["source"] = strategy.source
    if strategy.rationale:
        item["rationale"] = strategy.rationale if isinstance(strategy.rationale, str) else dict(strategy.rationale)
    return item


def matrix_document(matrix: Matrix, *, weights: bool | None = None) -> dict[str, Any]:
    """The matrix as the mapping a matrix file holds; ``weights=False`` leaves the weights out (equal
    weights when read back), ``None`` leaves them out only when the matrix was read without any."""
    from decide.io.matrix_checks import EQUAL_WEIGHTS

    if weights is None:
        weights = matrix.weights_source != EQUAL_WEIGHTS
    document: dict[str, Any] = {"actor": matrix.actor}
    if matrix.aliases:
        document["aliases"] = _FlowList(matrix.aliases)
    criteria = []
    for criterion in matrix.criteria:
        item = _Flow(name=criterion.name, objective=criterion.objective)
        if weights:
            item["weight"] = _number(criterion.weight)
        if criterion.description:
            item["description"] = criterion.description
        criteria.append(item)
    document["criteria"] = criteria
    if matrix.scale is not None:
        document["scale"] = _FlowList([_number(matrix.scale[0]), _number(matrix.scale[1])])
    if matrix.weights_rationale:
        document["weights_rationale"] = matrix.weights_rationale
    names = matrix.criterion_names
    document["strategies"] = [_strategy(s, names, matrix.shows_basis) for s in matrix.strategies]
    if matrix.profiles:
        document["profiles"] = [
            {
                "name": p.name,
                "weights": p.weights if isinstance(p.weights, str) else _Flow(p.weights),
                **({"weighting": p.weighting} if p.weighting != "roc" else {}),
                **({"rationale": p.rationale} if p.rationale else {}),
                **({"source": p.source} if p.source else {}),
            }
            for p in matrix.profiles
        ]
    if matrix.draft:
        document["draft"] = True
    if matrix.group is not None:
        from decide.io.panel import panel_document

        block = panel_document(matrix.group)
        for analyst in block["analysts"].values():  # one line per strategy
            analyst["weights"] = _Flow(analyst["weights"])
            analyst["scores"] = {name: _Flow(row) for name, row in analyst["scores"].items()}
        document["group"] = block
    return document


def _dumper() -> type:
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def flow(dumper: yaml.SafeDumper, data: Mapping) -> Any:
        return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)

    def block(dumper: yaml.SafeDumper, data: Mapping) -> Any:
        return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=False)

    def flow_list(dumper: yaml.SafeDumper, data: list) -> Any:
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)

    Dumper.add_representer(_Flow, flow)
    Dumper.add_representer(_FlowList, flow_list)
    Dumper.add_representer(dict, block)
    return Dumper


def matrix_yaml(matrix: Matrix, *, weights: bool | None = None, header: str = "") -> str:
    """The matrix file's text (``header``: comment lines put first, each starting ``# ``)."""
    import yaml

    text = yaml.dump(
        matrix_document(matrix, weights=weights),
        Dumper=_dumper(),
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
        default_flow_style=False,
    )
    lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return lines + text


def write_matrix(
    matrix: Matrix, path: str | os.PathLike[str], *, header: str = "", inputs: tuple[str | os.PathLike[str], ...] = ()
) -> str:
    """Write ``matrix`` as a matrix file at ``path`` (``-``: standard output); returns how to name it."""
    return write_output(path, matrix_yaml(matrix, header=header), inputs=inputs)


__all__ = ["matrix_document", "matrix_yaml", "write_matrix"]
