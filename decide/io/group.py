"""Several analysts' copies of one matrix, each in its own file (or sheet): read them with each
analyst's name (the file stem), and say where they differ, first difference first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from decide.core.errors import MatrixError
from decide.core.model import Matrix
from decide.core.paths import shipped_label


def copy_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files of ``paths``: files as given, folders as their matrix files and spreadsheets."""
    from decide.io.sheet import SHEET_SUFFIXES

    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix.casefold() in (".yaml", ".yml", *SHEET_SUFFIXES) and not p.name.startswith(".")
            )
            if not found:
                raise MatrixError([f"{path}: folder has no matrix files"])
            files += found
        elif not path.exists():
            raise MatrixError([f"{path}: no such file"])
        else:
            files.append(path)
    return files


def load_copies(paths: Iterable[str | Path] | str | Path) -> tuple[list[Matrix], list[str]]:
    """Each analyst's matrix and name (the file stem; ``stem [sheet]`` for a workbook of several),
    after :func:`check_copies`. Two or more copies are needed."""
    from decide.io.load import load_file

    if isinstance(paths, (str, Path)):
        paths = [paths]
    matrices: list[Matrix] = []
    names: list[str] = []
    for path in copy_files(paths):
        found = load_file(path)
        matrices += found
        names += [path.stem] if len(found) == 1 else [f"{path.stem} [{m.actor}]" for m in found]
    if len(matrices) < 2:
        raise MatrixError(
            [
                f"{', '.join(map(str, paths))}: a group needs two or more analysts' copies; "
                "give a file for each analyst, or a folder of them"
            ]
        )
    check_copies(matrices)
    return matrices, _unique(names)


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return result


def check_copies(copies: Sequence[Matrix]) -> None:
    """A :class:`MatrixError` naming the first way a copy differs from the first one: its actor, its
    criteria (names, order, objectives), its scale or its strategies."""
    first = copies[0]
    where_first = _where(first)
    for copy in copies[1:]:
        here = _where(copy)
        problem = ""
        if copy.actor.casefold() != first.actor.casefold():
            problem = f"actor is '{copy.actor}', '{first.actor}' in {where_first}"
        elif copy.criterion_names != first.criterion_names:
            problem = _first_list_difference("criteria", copy.criterion_names, first.criterion_names, where_first)
        elif copy.objectives != first.objectives:
            name, mine, theirs = next(
                (c.name, c.objective, o.objective)
                for c, o in zip(copy.criteria, first.criteria, strict=True)
                if c.objective != o.objective
            )
            problem = f"criterion '{name}' is {mine}, {theirs} in {where_first}"
        elif copy.scale != first.scale:
            problem = f"scale is {_scale(copy.scale)}, {_scale(first.scale)} in {where_first}"
        elif sorted(copy.strategy_names) != sorted(first.strategy_names):
            missing = [s for s in first.strategy_names if s not in copy.strategy_names]
            extra = [s for s in copy.strategy_names if s not in first.strategy_names]
            problem = (
                f"no strategy '{missing[0]}' (it is in {where_first})"
                if missing
                else f"strategy '{extra[0]}' is not in {where_first}"
            )
        if problem:
            raise MatrixError(
                [
                    f"{here}: {problem}; every analyst's copy needs the same actor, criteria, "
                    "objectives, scale and strategies"
                ]
            )


def _where(matrix: Matrix) -> str:
    return shipped_label(matrix.path) if matrix.path is not None else matrix.actor


def _scale(scale: tuple[float, float] | None) -> str:
    return "none" if scale is None else f"[{scale[0]:g}, {scale[1]:g}]"


def _first_list_difference(what: str, mine: list[str], theirs: list[str], where: str) -> str:
    for index, (a, b) in enumerate(zip(mine, theirs, strict=False)):
        if a != b:
            return f"{what}[{index}] is '{a}', '{b}' in {where}"
    if len(mine) > len(theirs):
        return f"{what}[{len(theirs)}] '{mine[len(theirs)]}' is not in {where}"
    return f"no {what}[{len(mine)}] '{theirs[len(mine)]}' (it is in {where})"


__all__ = ["check_copies", "copy_files", "load_copies"]
