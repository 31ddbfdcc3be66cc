"""Saving a weight profile into a matrix file, keeping its comments and key order (ruamel.yaml),
checked before it replaces the file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decide.core.defaults import DEFAULT_WEIGHTING
from decide.core.errors import MatrixError, SpecError
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
    matrix = load_matrix(path)  # the file must be a valid matrix to begin with
    if not name.strip():
        raise SpecError("is empty; name the profile", field="profile")
    if not rationale.strip():
        raise SpecError("is empty; say in one line why these weights", field="rationale")
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
            raise SpecError(f"{path}: the {weights.method} weights leave out {', '.join(missing)}; weigh every"
                            " criterion of the matrix", field="profile")
    existing = [p.name for p in matrix.profiles if p.name.casefold() == name.strip().casefold()]
    if existing and not replace:
        raise SpecError(f"{path}: profile '{existing[0]}' exists already; choose another name or replace it",
                        field="profile")
    entry: dict[str, Any] = {"name": name.strip(), "weights": value, "rationale": rationale.strip()}
    if source.strip():
        entry["source"] = source.strip()
    if isinstance(value, str):
        entry["weighting"] = weighting
    if not isinstance(weights, (str, Mapping)):
        entry["source"] = entry.get("source") or _elicited_source(weights)
    _write_profile(path, entry, replace)
    return path


def _elicited_source(result: WeightsResult) -> str:
    extras = result.extras
    text = f"elicited with decide weights {result.method}"
    if extras.get("consistency_ratio") is not None:
        text += f" (CR={extras['consistency_ratio']:.3f})"
    return text


def _write_profile(path: Path, entry: dict[str, Any], replace: bool) -> None:
    """Append (or replace) ``entry`` in the file's ``profiles:``; the new file is checked before it
    replaces the old one (:func:`decide.io.files.write_output`: atomic, permissions kept)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = YAML()  # round-trip: comments and key order survive
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)  # "  - name: ...", as the shipped files are written
    document = yaml.load(read_text_limited(path))
    item = CommentedMap()
    for key, value in entry.items():
        if isinstance(value, dict):
            mapping = CommentedMap(value)
            mapping.fa.set_flow_style()
            item[key] = mapping
        else:
            item[key] = value
    existing = document.get("profiles")
    if existing is None:
        existing = document["profiles"] = CommentedSeq()
    position = next((i for i, p in enumerate(existing) if str(p.get("name", "")).casefold()
                     == entry["name"].casefold()), None)
    if position is not None and replace:
        existing[position] = item
    else:
        existing.append(item)

    def write_checked(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8") as stream:
            yaml.dump(document, stream)
        problems = _document_problems(Path(temporary))
        if problems:
            raise MatrixError([problem.replace(temporary, str(path)) for problem in problems])

    write_output(path, write_checked)


__all__ = ["save_profile"]
