"""Reading matrix files (YAML) into :class:`~decide.core.model.Matrix` objects.

Validation collects every problem in a file before reporting; :func:`load_matrix`
raises one :class:`~decide.core.errors.MatrixError` listing them, :func:`validate`
returns them all.

>>> matrices = load_matrices()          # the shipped matrices, one per actor
>>> sorted(m.actor for m in matrices)
['China', 'Japan', 'North Korea', 'Russia', 'South Korea', 'United States']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decide.core.errors import DecideWarning, MatrixError, UnknownNameError
from decide.core.limits import brief
from decide.core.model import Matrix
from decide.core.paths import shipped_label, shipped_matrices_dir
from decide.core.suggest import did_you_mean
from decide.io.check import mark_checked, matrix_document, was_checked
from decide.io.files import file_identity, read_yaml_file
from decide.io.matrix_checks import _check_document

if TYPE_CHECKING:
    from decide.io.scenarios import Scenario

PathLike = str | Path
#: What a verb reads: a Matrix, a pandas DataFrame (strategies in rows, criteria in columns), a list
#: of them, a matrix file, a spreadsheet or a folder (or a list of paths), or None (the shipped ones).
MatrixSource = Matrix | Sequence[Matrix] | PathLike | Sequence[PathLike] | Any | None
MATRIX_SUFFIXES = (".yaml", ".yml")
#: A PATH that stands for the shipped matrices, to combine them with your own files:
#: ``decide rank japan.yaml +shipped``.
SHIPPED = "+shipped"


def _read_yaml(path: Path) -> Any:
    """Parse one matrix file; a :class:`MatrixError` names the file, line and problem."""
    return read_yaml_file(path, "keys actor, criteria and strategies")


def _label(path: Path) -> str:
    """How messages name ``path``: ``shipped matrices/russia.yaml`` for a shipped file, else as given."""
    return shipped_label(path)


def load_matrix(path: PathLike, *, max_file_size: int | str | None = None) -> Matrix:
    """Read and validate one matrix file.

    Raises :class:`MatrixError` whose ``problems`` lists everything wrong with the file.
    ``max_file_size`` (bytes, or a text such as ``"200MB"``) reads a file larger than
    :func:`~decide.core.limits.file_size_limit` allows.
    """
    path = Path(path)
    if max_file_size is not None:
        from decide.core.limits import max_file_size as larger_files

        with larger_files(max_file_size):
            return load_matrix(path)
    if _is_sheet(path):
        matrices = load_file(path)
        if len(matrices) != 1:
            raise MatrixError(
                [
                    f"{_label(path)}: holds {len(matrices)} matrices "
                    f"({', '.join(m.actor for m in matrices)}); use load_matrices"
                ]
            )
        return matrices[0]
    key = file_identity(path)
    if key is not None and key in _LOADED:
        from decide.core.limits import file_size_limit

        if key[3] <= file_size_limit():  # a lower limit than when it was read refuses it again
            return _LOADED[key]
    problems, matrix = _check_document(_read_yaml(path), path)
    if problems:
        raise MatrixError(problems)
    assert matrix is not None
    if key is not None:
        if len(_LOADED) >= 64:
            _LOADED.pop(next(iter(_LOADED)))
        _LOADED[key] = matrix
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

    >>> from decide.core.model import Criterion, Strategy
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


#: Matrices already read, by file identity (a report reads each file for every analysis).
_LOADED: dict[tuple, Matrix] = {}


def _is_sheet(path: Path) -> bool:
    from decide.io.sheet import SHEET_SUFFIXES

    return path.suffix.casefold() in SHEET_SUFFIXES


def load_file(path: PathLike) -> list[Matrix]:
    """The matrices of one file: a matrix file holds one, a spreadsheet (:mod:`decide.io.sheet`)
    one per matrix sheet."""
    path = Path(path)
    if _is_sheet(path):
        from decide.io.sheet import load_sheet

        return load_sheet(path)
    return [load_matrix(path)]


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
        strategies = [s.name for m in shipped for s in m.strategies if s.name.casefold().startswith(wanted)]
        if strategies:  # a strategy given where a PATH goes (decide explain "Name")
            return f"; to name a strategy, give --strategy '{strategies[0]}'"
        return ""
    quoted = " or ".join(f"'{actor}'" if " " in actor else actor for actor in found)
    return f"; did you mean --actor {quoted}?" + (" (quote names with spaces)" if "'" in quoted else "")


def load_matrices(paths: Iterable[PathLike] | PathLike | None = None) -> list[Matrix]:
    """Load every matrix named by ``paths`` (files or folders; default: the shipped ones).

    Raises :class:`MatrixError` for the first invalid file, or when two files describe
    the same actor.
    """
    return _one_file_per_actor([m for path in matrix_files(paths) for m in load_file(path)])


def _one_file_per_actor(matrices: list[Matrix]) -> list[Matrix]:
    """``matrices``, or a :class:`MatrixError` when two files describe the same actor."""
    by_actor: dict[str, Matrix] = {}
    for matrix in matrices:
        key = matrix.actor.casefold()
        if key in by_actor:
            raise MatrixError(
                [
                    f"{matrix.label}: actor '{matrix.actor}' is also in {by_actor[key].label}; give each actor one "
                    "file (analysts' copies of one matrix: decide group FILE... -o team.yaml, then use team.yaml)"
                ]
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
        if _is_sheet(path):
            from decide.io.sheet import check_sheet

            try:
                report.update({label: (found, matrix) for label, found, matrix in check_sheet(path)})
            except MatrixError as error:
                report[_label(path)] = (error.problems, None)
            continue
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
            hint = did_you_mean(name, [m.actor for m in matrices])
            raise UnknownNameError(f"unknown actor '{name}'{hint}; choose from: {valid}")
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
    source = _frames_as_matrices(source)
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


def _is_frame(value: Any) -> bool:
    return all(hasattr(value, name) for name in ("columns", "index", "itertuples"))


def _frames_as_matrices(source: Any) -> Any:
    """A pandas DataFrame (or a list of them, or of matrices and DataFrames) as matrices
    (:meth:`Matrix.from_frame`: strategies in rows, criteria in columns, equal weights unless its
    ``attrs`` say otherwise)."""
    if _is_frame(source):
        return Matrix.from_frame(source)
    if isinstance(source, Sequence) and not isinstance(source, str) and any(_is_frame(s) for s in source):
        return [Matrix.from_frame(s) if _is_frame(s) else s for s in source]
    return source


def _names_declared(path: Path) -> tuple[str, set[str]] | None:
    """The actor a YAML matrix file names and every name it answers to (its stem, its
    ``actor`` and its one-line ``aliases`` list, any case), read from its top-level lines
    without parsing it; ``None`` when that cannot be told so simply: no ``actor:`` line of
    its own (a JSON document, a quoted key, the actor left to the file name), a block list,
    quotes inside the list, anchors, tags, another format, a large file. Only a shortcut:
    the file chosen is parsed and checked to match."""
    import re

    if path.suffix.lower() not in (".yaml", ".yml"):
        return None
    try:
        if path.stat().st_size > 1_000_000:
            return None
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    actor = re.findall(r"^actor:[ \t]+(.*?)[ \t]*$", text, re.MULTILINE)
    aliases = re.findall(r"^aliases:[ \t]*(.*?)[ \t]*$", text, re.MULTILINE)
    keys = re.findall(r"^[ \t]*[\"']?(actor|aliases)[\"']?[ \t]*:", text, re.MULTILINE)
    if len(actor) != 1 or len(aliases) > 1 or len(keys) != len(actor) + len(aliases) or text.lstrip()[:1] in "{[":
        return None
    if aliases and not re.fullmatch(r"\[[^\[\]{}#\"'\\]*\]", aliases[0]):
        return None
    names = {path.stem.casefold()}
    words = [*actor, *(aliases[0][1:-1].split(",") if aliases else [])]
    for word in words:
        word = word.strip()
        if word[:1] in "\"'" and word[-1:] == word[:1] and len(word) > 1:
            word = word[1:-1]
        if not word or word[:1] in "&*!|>%@`{[#\"'" or any(c in word for c in "#\\\"'") or ": " in word:
            return None  # anchors, tags, block scalars, comments, escapes: leave it to the parser
        names.add(word.casefold())
    return actor[0].strip().strip("\"'").casefold(), names


def _load_selected(paths: Iterable[PathLike] | PathLike | None, actors: Iterable[str] | str) -> list[Matrix]:
    """The named actors' matrices: a bad file fails only when it may hold a named actor;
    the others are skipped with a :class:`~decide.core.errors.DecideWarning`."""
    import warnings

    good: list[Matrix] = []
    bad: list[MatrixError] = []
    files = matrix_files(paths)
    names = [actors] if isinstance(actors, str) else list(actors)
    by_stem = {path.stem.casefold(): path for path in files}
    named = [by_stem.get(name.strip().casefold().replace(" ", "-")) for name in names]
    scanned = {path: _names_declared(path) for path in files}
    declared = {path: found for path, found in scanned.items() if found is not None}
    if len(declared) == len(files):
        if len({actor for actor, _ in declared.values()}) < len(files):
            named = [None]  # one actor in two files: the full reading says so
        elif not all(named) or len(by_stem) != len(files):  # by its actor or alias line, if each names one file
            hits = [[p for p, (_, found) in declared.items() if name.strip().casefold() in found] for name in names]
            if all(len(hit) == 1 for hit in hits):
                named = [hit[0] for hit in hits]
    if all(named) and len(by_stem) == len(files):  # each actor's file known: read those files alone
        chosen = [load_matrix(path) for path in dict.fromkeys(named) if path is not None]
        if all(any(m.matches(name) for m in chosen) for name in names):
            return select_actors(_one_file_per_actor(chosen), names)
    for path in files:
        try:
            good += load_file(path)
        except MatrixError as problem:
            bad.append(problem)
    if bad and not all(any(m.matches(name) for m in good) for name in names):
        raise bad[0]
    selected = select_actors(_one_file_per_actor(good), names)
    for skipped in bad:
        warnings.warn(f"skipped {skipped.problems[0]}", DecideWarning, stacklevel=3)
    return selected
