"""Reading matrix files (YAML) into :class:`~decide.core.model.Matrix` objects.

Validation collects every problem in a file before reporting; :func:`load_matrix`
raises one :class:`~decide.core.errors.MatrixError` listing them, :func:`validate`
returns them all.

>>> matrices = load_matrices()          # the shipped matrices, one per actor
>>> sorted(m.actor for m in matrices)
['China', 'Japan', 'North Korea', 'Russia', 'South Korea', 'United States']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from decide.core.errors import DecideWarning, MatrixError, UnknownNameError
from decide.core.limits import brief, document_problems, one_line
from decide.core.model import Criterion, Matrix, Objective, Strategy
from decide.core.paths import shipped_label, shipped_matrices_dir
from decide.io.check import mark_checked, matrix_document, was_checked
from decide.io.files import read_yaml_file
from decide.io.yamlsafe import as_finite_number, shorten
from decide.weights.apply import apply_weights
from decide.weights.spec import WeightsLike, check_weights

if TYPE_CHECKING:
    from decide.io.scenarios import Scenario

PathLike = str | Path
MatrixSource = Matrix | Sequence[Matrix] | PathLike | Sequence[PathLike] | None
MATRIX_SUFFIXES = (".yaml", ".yml")
#: A PATH that stands for the shipped matrices, to combine them with your own files:
#: ``decide rank japan.yaml +shipped``.
SHIPPED = "+shipped"
TOP_LEVEL_KEYS = ("actor", "aliases", "criteria", "scale", "weights_rationale", "strategies", "profiles")
CRITERION_KEYS = ("name", "objective", "weight", "description")
STRATEGY_KEYS = ("name", "basis", "reasoning", "scores", "certainty", "source", "rationale")
BASES = ("stated", "inferred")
CERTAINTIES = ("stated", "implied", "judgement")
RANGE_KEYS = ("value", "low", "high")

def _read_yaml(path: Path) -> Any:
    """Parse one matrix file; a :class:`MatrixError` names the file, line and problem."""
    return read_yaml_file(path, "keys actor, criteria and strategies")


def _label(path: Path) -> str:
    """How messages name ``path``: ``shipped matrices/russia.yaml`` for a shipped file, else as given."""
    return shipped_label(path)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _unknown_keys(mapping: dict, allowed: Sequence[str], where: str) -> list[str]:
    return [
        f"{where}: unknown key '{key}'; allowed keys: {', '.join(allowed)}"
        for key in mapping
        if key not in allowed
    ]


def _check_criteria(data: Any, where: str) -> tuple[list[str], list[Criterion]]:
    problems: list[str] = []
    criteria: list[Criterion] = []
    if not isinstance(data, list) or not data:
        return [f"{where}: 'criteria' must be a non-empty list of {{name, objective, weight}}"], []
    names: set[str] = set()
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
        weight = item.get("weight")
        if weight is None:
            problems.append(f"{label}: 'weight' is missing; give a number >= 0")
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
                f"{label}: 'scores' must be a mapping with a number for each of: "
                + ", ".join(criterion_names)
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
        basis_problems, basis, reasoning, certainty = _check_basis_and_certainty(
            item, label, criterion_names, ranges
        )
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
            problems.append(
                f"{label}: score for '{key}' is {value:g}, outside the scale [{scale[0]:g}, {scale[1]:g}]"
            )
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
    where = _label(path)
    if not isinstance(data, dict):
        return [f"{where}: expected a mapping with keys actor, criteria and strategies"], None
    problems = _unknown_keys(data, TOP_LEVEL_KEYS, where)
    actor = data.get("actor")
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
    strategy_problems, strategies = _check_strategies(
        data.get("strategies"), where, criteria, scale
    )
    from decide.weights.profiles import check_profiles

    profile_problems, profiles = check_profiles(data.get("profiles"), where, criteria)
    problems += criteria_problems + scale_problems + strategy_problems + profile_problems
    problems += document_problems(data, where)  # sizes, magnitudes, characters, reserved names
    problems = [one_line(problem) for problem in problems]  # a name with a newline cannot split a line
    weights_rationale = data.get("weights_rationale", "")
    if not isinstance(weights_rationale, str):
        problems.append(f"{where}: 'weights_rationale' must be a text (one line on why these weights)")
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
    )
    return [], matrix


def load_matrix(path: PathLike) -> Matrix:
    """Read and validate one matrix file.

    Raises :class:`MatrixError` whose ``problems`` lists everything wrong with the file.
    """
    path = Path(path)
    problems, matrix = _check_document(_read_yaml(path), path)
    if problems:
        raise MatrixError(problems)
    assert matrix is not None
    return mark_checked(matrix)


def matrix_problems(matrix: Any) -> list[str]:
    """Every problem a file holding ``matrix`` would have (empty for a valid one)."""
    if not isinstance(matrix, Matrix):
        return [f"expected a decide Matrix, got {type(matrix).__name__} {brief(matrix, 40)}"]
    where = Path(f"<{matrix.actor}>") if isinstance(matrix.actor, str) else Path("<matrix>")
    problems, _ = _check_document(matrix_document(matrix), matrix.path or where)
    return problems


def check_matrix(matrix: Matrix) -> Matrix:
    """``matrix`` if it is valid as a file would be, else a :class:`MatrixError` listing every problem.

    >>> bad = Matrix("Example", (Criterion("gain", "max", -1.0),), (Strategy("A", {"gain": 5}),))
    >>> check_matrix(bad)
    Traceback (most recent call last):
    decide.MatrixError: <Example>: criterion 'gain': 'weight' is -1.0; give a finite number >= 0
    """
    if was_checked(matrix):
        return matrix
    problems = matrix_problems(matrix)
    if problems:
        raise MatrixError(problems)
    return mark_checked(matrix)


def matrix_files(paths: Iterable[PathLike] | PathLike | None = None) -> list[Path]:
    """The matrix files named by ``paths``: files as given, folders expanded to their YAML files.

    With no paths, the shipped matrices.
    """
    if paths is None:
        paths = [shipped_matrices_dir()]
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for given in paths:
        entry = shipped_matrices_dir() if str(given) == SHIPPED else Path(given)
        try:
            is_folder, exists = entry.is_dir(), entry.exists()
        except OSError as error:  # a name too long, a folder that cannot be searched
            raise MatrixError([f"{entry}: cannot read ({error.strerror})"]) from None
        if not exists:
            raise MatrixError([f"{entry}: no such file{_actor_hint(str(given))}"])
        if is_folder:
            found = sorted(p for p in entry.iterdir() if p.suffix in MATRIX_SUFFIXES)
            if not found:
                raise MatrixError([f"{entry}: folder has no .yaml matrix files"])
            files += found
        else:
            files.append(entry)
    if not files:
        raise MatrixError(["no matrix files given"])
    return files


def _actor_hint(name: str) -> str:
    """``"; did you mean --actor 'North Korea'?"`` when a missing PATH names a shipped actor."""
    if Path(name).suffix in MATRIX_SUFFIXES or "/" in name:
        return ""
    wanted = name.casefold().strip()
    try:
        shipped = [load_matrix(path) for path in matrix_files(None)]
    except MatrixError:
        return ""
    found = [m.actor for m in shipped if m.matches(name)] or [
        m.actor for m in shipped if wanted in m.actor.casefold().split()
    ]
    if not found:
        return ""
    quoted = " or ".join(f"'{actor}'" if " " in actor else actor for actor in found)
    return f"; did you mean --actor {quoted}?" + (" (quote names with spaces)" if "'" in quoted else "")


def load_matrices(paths: Iterable[PathLike] | PathLike | None = None) -> list[Matrix]:
    """Load every matrix named by ``paths`` (files or folders; default: the shipped ones).

    Raises :class:`MatrixError` for the first invalid file, or when two files describe
    the same actor.
    """
    return _one_file_per_actor([load_matrix(path) for path in matrix_files(paths)])


def _one_file_per_actor(matrices: list[Matrix]) -> list[Matrix]:
    """``matrices``, or a :class:`MatrixError` when two files describe the same actor."""
    by_actor: dict[str, Matrix] = {}
    for matrix in matrices:
        key = matrix.actor.casefold()
        if key in by_actor:
            raise MatrixError(
                [f"{matrix.label}: actor '{matrix.actor}' is also in {by_actor[key].label}; "
                 "give each actor one file"]
            )
        by_actor[key] = matrix
    return matrices


def validate(paths: Iterable[PathLike] | PathLike | None = None) -> dict[str, list[str]]:
    """Check matrix files; return every problem, by file (an empty list for a valid file)."""
    return {label: problems for label, (problems, _) in check_files(paths).items()}


def check_files(
    paths: Iterable[PathLike] | PathLike | None = None,
) -> dict[str, tuple[list[str], Matrix | None]]:
    """Every problem of each file, with its matrix when it has none (files read once).

    Keys are the files as messages name them (``shipped matrices/china.yaml``).
    """
    report: dict[str, tuple[list[str], Matrix | None]] = {}
    try:
        files = matrix_files(paths)
    except MatrixError as error:
        return {"": (error.problems, None)}
    for path in files:
        try:
            report[_label(path)] = _check_document(_read_yaml(path), path)
        except MatrixError as error:
            report[_label(path)] = (error.problems, None)
        matrix = report[_label(path)][1]
        if matrix is not None:  # its scenarios, if it has a scenario file (decide.scenarios)
            from decide.io.scenarios import scenario_problems

            scenario_path, found = scenario_problems(matrix)
            if scenario_path is not None:
                report[_label(scenario_path)] = (found, None)
    return report


def select_actors(matrices: Sequence[Matrix], actors: Iterable[str] | str | None) -> list[Matrix]:
    """The matrices of the named actors (name, alias or file stem, any case), in the order named.

    ``None`` or an empty list keeps them all.
    """
    if actors is None:
        return list(matrices)
    if isinstance(actors, str):
        actors = [actors]
    selected: list[Matrix] = []
    for name in actors:
        found = [m for m in matrices if m.matches(name)]
        if not found:
            valid = ", ".join(m.actor for m in matrices)
            raise UnknownNameError(f"unknown actor '{name}'; choose from: {valid}")
        selected += [m for m in found if m not in selected]
    return selected or list(matrices)



def resolve_matrices(
    source: MatrixSource = None,
    actors: Iterable[str] | str | None = None,
    scenario: str | Scenario | None = None,
    *,
    stated_only: bool = False,
) -> list[Matrix]:
    """Matrices from a Matrix, a list of them, paths, or ``None`` (the shipped ones), then
    only the named actors (all when ``actors`` is ``None`` or empty), with ``scenario``'s
    scores if one is named (:mod:`decide.io.scenarios`); with ``stated_only``, without the
    strategies whose basis is ``inferred`` (after the scenario, which may adjust them).

    >>> [m.actor for m in resolve_matrices(None, ["dprk"])]
    ['North Korea']
    """
    if isinstance(source, Matrix):
        matrices = [check_matrix(source)]  # built in Python: checked as a file would be
    elif (
        isinstance(source, Sequence)
        and not isinstance(source, str)
        and source
        and all(isinstance(item, Matrix) for item in source)
    ):
        matrices = [check_matrix(item) for item in source]  # type: ignore[arg-type]
    else:
        paths = source
        if isinstance(paths, Sequence) and not isinstance(paths, str) and not paths:
            paths = None
        matrices = _load_selected(paths, actors) if actors else load_matrices(paths)  # type: ignore[arg-type]
    selected = select_actors(matrices, actors)
    if scenario is not None:
        from decide.io.scenarios import apply_to_each

        selected = apply_to_each(selected, scenario)
    return [m.stated_only() for m in selected] if stated_only else selected


def _load_selected(paths: Iterable[PathLike] | PathLike | None, actors: Iterable[str] | str) -> list[Matrix]:
    """The named actors' matrices: a bad file fails only when it may hold a named actor;
    the others are skipped with a :class:`~decide.core.errors.DecideWarning`."""
    import warnings

    good: list[Matrix] = []
    bad: list[MatrixError] = []
    for path in matrix_files(paths):
        try:
            good.append(load_matrix(path))
        except MatrixError as problem:
            bad.append(problem)
    names = [actors] if isinstance(actors, str) else list(actors)
    if bad and not all(any(m.matches(name) for m in good) for name in names):
        raise bad[0]
    selected = select_actors(_one_file_per_actor(good), names)
    for skipped in bad:
        warnings.warn(f"skipped {skipped.problems[0]}", DecideWarning, stacklevel=3)
    return selected


def one_matrix(
    source: MatrixSource, actor: str | None, weights: WeightsLike = None, profile: str | None = None,
    weighting: str = "roc", *, stated_only: bool = False, scenario: str | Scenario | None = None,
) -> Matrix:
    """The one matrix ``actor`` names (or the only one given), with ``scenario``'s scores, weighted by
    ``profile`` then ``weights``."""
    matrices = resolve_matrices(source, [actor] if actor else None, scenario, stated_only=stated_only)
    if len(matrices) != 1:
        valid = ", ".join(m.actor for m in matrices)
        raise UnknownNameError(f"name one actor; choose from: {valid}")
    return apply_weights(matrices[0], weights, profile, weighting)
