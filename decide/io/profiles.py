"""Saving a weight profile into a matrix file, keeping its comments and key order (ruamel.yaml),
checked before it replaces the file."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decide.core.defaults import DEFAULT_WEIGHTING
from decide.core.errors import DecideError, MatrixError, SpecError
from decide.io.files import read_text_limited, write_output
from decide.io.load import load_matrix, validate

if TYPE_CHECKING:
    from decide.weights import WeightsResult


def _document_problems(path: Path) -> list[str]:
    return [problem for found in validate([path]).values() for problem in found]


def save_profile(
    path: str | Path,
    name: str,
    weights: WeightsResult | Mapping[str, float] | str,
    *,
    rationale: str,
    source: str = "",
    replace: bool = False,
) -> Path:
    """Add (or with ``replace=True`` replace) profile ``name`` in the matrix file ``path``.

    The file is rewritten atomically (a temporary file in the same folder, then
    :func:`os.replace`, by :func:`decide.io.files.write_output`), keeping its permissions,
    comments and key order (ruamel.yaml);
    the result is validated first, so an invalid profile leaves the file untouched.
    ``weights`` is an elicited :class:`~decide.weights.WeightsResult` (an ordering is stored as
    the ordering and its rule, other methods as numbers rounded to 4 decimals), a mapping, or
    an ordering string (turned into weights by ROC).
    """
    path = Path(path)
    _refuse_shipped(path)
    check_profile_name(name)
    if not isinstance(rationale, str) or not rationale.strip():
        raise SpecError("is empty; say in one line why these weights", field="rationale")
    with _locked(path):  # one save at a time; each re-reads the file, so none is lost
        _save_locked(path, name, weights, rationale, source, replace)
    return path


def check_save(path: str | Path | None, name: Any) -> None:
    """Refuse a profile name, or a target file (a shipped matrix), before any work is done."""
    check_profile_name(name)
    if path is not None:
        _refuse_shipped(Path(path))


def check_profile_name(name: Any) -> str:
    """``name`` stripped, or a :class:`SpecError` saying why it cannot name a profile: empty,
    a control, bidi or invisible character, or a name decide uses itself (``file``, ...)."""
    from decide.core.limits import RESERVED_PROFILE_NAMES, name_problem, one_line

    if not isinstance(name, str) or not name.strip():
        raise SpecError("is empty; name the profile, e.g. cautious", field="name")
    problem = name_problem(name)
    if problem:
        raise SpecError(f"'{one_line(name)}' {problem}", field="name")
    if name.strip().casefold() in RESERVED_PROFILE_NAMES:
        raise SpecError(
            f"'{name.strip()}' is a name decide uses itself "
            f"({', '.join(sorted(RESERVED_PROFILE_NAMES))}); choose another",
            field="name",
        )
    return name.strip()


def _refuse_shipped(path: Path) -> None:
    from decide.core.paths import shipped_label, shipped_matrices_dir

    try:
        shipped = Path(os.path.realpath(path)).parent == Path(os.path.realpath(shipped_matrices_dir()))
    except (OSError, ValueError):
        return
    if shipped:
        raise DecideError(
            f"{shipped_label(path)}: the shipped matrices are not changed; copy the file and save "
            f'into the copy: cp "$(decide list --path)/{path.name}" .'
        )


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``.<name>.lock`` beside ``path`` (POSIX ``flock``; elsewhere no lock)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    lock = path.with_name(f".{path.name}.lock")
    while True:
        try:
            descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as error:
            raise MatrixError(
                [f"{path}: cannot lock the file to save into it ({error.strerror}); choose a folder you can write to"]
            ) from None
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:  # the holder before us removes the lock file: lock the one that is there now
            current = os.stat(lock)
        except FileNotFoundError:
            current = None
        held = os.fstat(descriptor)
        if current is not None and (current.st_ino, current.st_dev) == (held.st_ino, held.st_dev):
            break
        os.close(descriptor)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)  # leave no lock file behind; waiting savers notice and lock afresh
        os.close(descriptor)  # closing releases the lock


def _save_locked(
    path: Path,
    name: str,
    weights: WeightsResult | Mapping[str, float] | str,
    rationale: str,
    source: str,
    replace: bool,
) -> None:
    matrix = load_matrix(path)  # the file must be a valid matrix to begin with
    value: Any
    weighting = DEFAULT_WEIGHTING
    if isinstance(weights, str):
        value = weights.strip()
    elif isinstance(weights, Mapping):
        value = {matrix.criterion(str(k)).name: float(v) for k, v in weights.items()}
    elif "order" in weights.extras:  # keep the planner's ordering itself, and its rule
        value, weighting = str(weights.extras["order"]), weights.method
    else:
        value = {matrix.criterion(str(k)).name: round(float(v), 4) for k, v in weights.weights.items()}
        missing = [c for c in matrix.criterion_names if c not in value]
        if missing:
            raise SpecError(
                f"{path}: the {weights.method} weights leave out {', '.join(missing)}; weigh every"
                " criterion of the matrix",
                field="profile",
            )
    existing = [p.name for p in matrix.profiles if p.name.casefold() == name.strip().casefold()]
    if existing and not replace:
        raise SpecError(
            f"{path}: profile '{existing[0]}' exists already; choose another name or replace it", field="profile"
        )
    entry: dict[str, Any] = {"name": name.strip(), "weights": value, "rationale": rationale.strip()}
    if source.strip():
        entry["source"] = source.strip()
    if isinstance(value, str):
        entry["weighting"] = weighting
    if not isinstance(weights, (str, Mapping)):
        entry["source"] = entry.get("source") or _elicited_source(weights)
    _write_profile(path, entry, replace)


def _elicited_source(result: WeightsResult) -> str:
    extras = result.extras
    text = f"elicited with decide weights {result.method}"
    if extras.get("consistency_ratio") is not None:
        text += f" (CR={extras['consistency_ratio']:.3f})"
    return text


def _scalar(value: Any) -> Any:
    """``value``, quoted when YAML would read its plain form as something else (``yes``, ``1e3``, ``null``)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from decide.io.yamlsafe import parse_yaml

    if not isinstance(value, str):
        return value
    try:
        plain = parse_yaml(f"v: {value}", "profile") == {"v": value}
    except Exception:  # any parse problem means: quote it
        plain = False
    return value if plain else DoubleQuotedScalarString(value)


def _write_profile(path: Path, entry: dict[str, Any], replace: bool) -> None:
    """Append (or replace) ``entry`` in the file's ``profiles:``; the new file is checked before it
    replaces the old one (:func:`decide.io.files.write_output`: atomic, permissions kept)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = YAML()  # round-trip: comments and key order survive
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)  # "  - name: ...", as the shipped files are written
    text = read_text_limited(path)
    as_json = path.suffix.lower() == ".json" or text.lstrip().startswith("{")
    document = yaml.load(text)
    item = CommentedMap()
    for key, value in entry.items():
        if isinstance(value, dict):
            mapping = CommentedMap(value)
            mapping.fa.set_flow_style()
            item[key] = mapping
        else:
            item[key] = _scalar(value)
    existing = document.get("profiles")
    if existing is None:
        existing = document["profiles"] = CommentedSeq()
    position = next(
        (i for i, p in enumerate(existing) if str(p.get("name", "")).casefold() == entry["name"].casefold()), None
    )
    if position is not None and replace:
        existing[position] = item
    else:
        existing.append(item)

    def write_checked(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8") as stream:
            if as_json:  # a JSON matrix stays JSON
                json.dump(document, stream, indent=2, ensure_ascii=False)
                stream.write("\n")
            else:
                yaml.dump(document, stream)
        problems = _document_problems(Path(temporary))
        if problems:
            raise MatrixError([problem.replace(temporary, str(path)) for problem in problems])

    write_output(path, write_checked, updates=True)


__all__ = ["check_profile_name", "check_save", "save_profile"]
