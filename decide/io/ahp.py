"""AHP judgments kept in a YAML file, read as hardened as matrix files are."""

from __future__ import annotations

from pathlib import Path

from decide.core.errors import SpecError
from decide.io.files import read_text_limited
from decide.io.yamlsafe import parse_yaml
from decide.weights.elicit import _ahp_from_judgments, ahp
from decide.weights.result import WeightsResult


def load_ahp_file(path: str | Path) -> WeightsResult:
    """AHP weights from a YAML file: ``criteria: [names]`` and either ``matrix:`` or ``judgments:``.

    Every error names the file.
    """
    path = Path(path)
    where = str(path)
    # the same hardened reading as matrix files: size limit, encodings, safe YAML, alias budget
    data = parse_yaml(read_text_limited(path), where)
    if not isinstance(data, dict):
        raise SpecError(f"{where}: expected a mapping with 'criteria:' and 'matrix:' or 'judgments:'")
    criteria = data.get("criteria")
    if not isinstance(criteria, list) or not criteria or not all(isinstance(c, str) for c in criteria):
        raise SpecError(f"{where}: 'criteria:' must be a list of criterion names")
    duplicates = sorted({c for c in criteria if [x.casefold() for x in criteria].count(c.casefold()) > 1})
    if duplicates:
        raise SpecError(f"{where}: criteria {', '.join(duplicates)} listed twice")
    has_matrix, has_judgments = "matrix" in data, "judgments" in data
    if has_matrix == has_judgments:
        raise SpecError(f"{where}: give exactly one of 'matrix:' (the full pairwise matrix) or 'judgments:'")
    if has_judgments:
        judgments = data["judgments"]
        if not isinstance(judgments, list) or not judgments:
            raise SpecError(f"{where}: 'judgments:' must be a list of [a, b, value]")
        return _ahp_from_judgments(judgments, criteria, where)
    return ahp(data["matrix"], criteria, where)


__all__ = ["load_ahp_file", "load_ahp_matrix"]


def load_ahp_matrix(path: str | Path) -> tuple[list[list[float]], list[str]]:
    """One member's pairwise matrix and its criteria from an AHP file (as :func:`load_ahp_file` reads
    it), for the group's judgments (:func:`decide.weights.group.aij`)."""
    from decide.weights.elicit import _check_matrix, _matrix_from_judgments

    path = Path(path)
    load_ahp_file(path)  # every check, with its one-line error
    data = parse_yaml(read_text_limited(path), str(path))
    criteria = list(data["criteria"])
    if "judgments" in data:
        matrix, names = _matrix_from_judgments(data["judgments"], criteria, str(path))
    else:
        matrix, names = _check_matrix(data["matrix"], criteria, str(path))
    return [[float(v) for v in row] for row in matrix], list(names)
