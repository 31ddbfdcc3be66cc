"""AHP judgments kept in a YAML file, read as hardened as matrix files are.

The file gets the matrix files' limits before any arithmetic: at most
:data:`~decide.core.limits.MAX_CRITERIA` criteria, names without control, bidi or
invisible characters, unknown keys reported, values that are numbers (``3``, ``0.5``,
``"1/3"``) within Saaty's scale, and every error one line of at most
:data:`~decide.core.limits.MAX_ERROR_CHARS` characters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from decide.core.errors import SpecError
from decide.core.limits import MAX_CRITERIA, cap_line, name_problem, one_line
from decide.io.files import read_text_limited
from decide.io.yamlsafe import parse_yaml, shorten
from decide.weights.elicit import _ahp_from_judgments, ahp
from decide.weights.result import WeightsResult

AHP_KEYS = ("criteria", "matrix", "judgments")


def load_ahp_file(path: str | Path) -> WeightsResult:
    """AHP weights from a YAML file: ``criteria: [names]`` and either ``matrix:`` or ``judgments:``.

    Every error names the file and is one line, however large or hostile the file.
    """
    path = Path(path)
    where = str(path)
    # the same hardened reading as matrix files: size limit, encodings, safe YAML, alias budget
    data = parse_yaml(read_text_limited(path), where)
    try:
        return _weights(data, where)
    except SpecError as error:
        raise SpecError(cap_line(one_line(str(error)))) from None


def _weights(data: Any, where: str) -> WeightsResult:
    if not isinstance(data, dict):
        raise SpecError(f"{where}: expected a mapping with 'criteria:' and 'matrix:' or 'judgments:'")
    unknown = [shorten(str(key), 40) for key in list(data)[:5] if key not in AHP_KEYS]
    if unknown:
        raise SpecError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed keys: {', '.join(AHP_KEYS)}")
    criteria = data.get("criteria")
    if not isinstance(criteria, list) or not criteria:
        raise SpecError(f"{where}: 'criteria:' must be a list of criterion names")
    if len(criteria) > MAX_CRITERIA:
        raise SpecError(f"{where}: {len(criteria):,} criteria, more than decide's limit of {MAX_CRITERIA}")
    for index, name in enumerate(criteria):
        if not isinstance(name, str) or not name.strip():
            raise SpecError(f"{where}: criteria[{index}] is {shorten(name, 40)}; each criterion is a name (text)")
        if problem := name_problem(name):
            raise SpecError(f"{where}: criteria[{index}] {problem}")
    counts = Counter(name.casefold() for name in criteria)
    twice = sorted({name for name in criteria if counts[name.casefold()] > 1})
    if twice:
        raise SpecError(f"{where}: criteria {', '.join(twice)} listed twice")
    has_matrix, has_judgments = "matrix" in data, "judgments" in data
    if has_matrix == has_judgments:
        raise SpecError(f"{where}: give exactly one of 'matrix:' (the full pairwise matrix) or 'judgments:'")
    if has_judgments:
        judgments = data["judgments"]
        if not isinstance(judgments, list) or not judgments:
            raise SpecError(f"{where}: 'judgments:' must be a list of [a, b, value]")
        pairs = len(criteria) * (len(criteria) - 1) // 2
        if len(judgments) > 2 * pairs + 1:  # a few too many get the exact message: which pair is judged twice
            raise SpecError(
                f"{where}: {len(judgments):,} judgments for {len(criteria)} criteria, which have "
                f"{pairs:,} pairs; judge each pair once"
            )
        return _ahp_from_judgments(judgments, criteria, where)
    matrix = data["matrix"]
    if isinstance(matrix, list) and len(matrix) > len(criteria):
        raise SpecError(f"{where}: the matrix has {len(matrix):,} rows but there are {len(criteria)} criteria")
    return ahp(matrix, criteria, where)


__all__ = ["AHP_KEYS", "group_judgments", "load_ahp_file", "load_ahp_matrix"]


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


def group_judgments(paths: Sequence[str | Path] | str | Path, members: Sequence[float] | None = None) -> WeightsResult:
    """The group's AHP weights (AIJ, :func:`decide.weights.group.aij`) from one AHP file per member
    (``paths``: files, or a folder of them); every file must name the same criteria in the same order.
    What ``decide group --ahp`` prints."""
    from decide.io.group import copy_files
    from decide.weights.group import aij

    files = copy_files([paths] if isinstance(paths, (str, Path)) else paths)
    loaded = [load_ahp_matrix(path) for path in files]
    criteria = loaded[0][1]
    for (_, names), path in zip(loaded, files, strict=True):
        if names != criteria:
            raise SpecError(f"{path}: criteria {', '.join(names)}; the first file has {', '.join(criteria)}")
    return aij([m for m, _ in loaded], criteria, members)
