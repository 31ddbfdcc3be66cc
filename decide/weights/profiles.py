"""Named weight profiles as a matrix file holds them: checking them against the criteria, and
saying how their weights were written.

A profile is a name, weights (numbers by criterion, or an importance ordering turned into
weights by ``weighting``: roc, rs or rr), a one-line rationale and, where it comes from the
articles, a source.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import decide.weights as elicit
from decide.core.defaults import DEFAULT_WEIGHTING, WEIGHTING_RULES
from decide.core.errors import DecideError, SpecError
from decide.core.limits import RESERVED_PROFILE_NAMES, name_problem
from decide.core.model import Criterion, Matrix, Profile
from decide.core.suggest import did_you_mean
from decide.weights.apply import apply_profile

PROFILE_KEYS = ("name", "weights", "rationale", "source", "weighting")


def check_profiles(data: Any, where: str, criteria: Sequence[Criterion]) -> tuple[list[str], list[Profile]]:
    """Every problem with a file's ``profiles:`` (one line each), and the valid profiles."""
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [f"{where}: 'profiles' must be a list of {{name, weights, rationale, source}}"], []
    problems: list[str] = []
    found: list[Profile] = []
    seen: dict[str, str] = {}
    probe = Matrix("", tuple(criteria), (), path=Path(where)) if criteria else None
    for index, item in enumerate(data):
        label = f"{where}: profiles[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{label}: expected a mapping with name, weights, rationale and source")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{label}: 'name' is missing or not a text")
            continue
        if problem := name_problem(name):
            problems.append(f"{label}: 'name' {problem}")
            continue
        label = f"{where}: profile '{name}'"
        if name.strip().casefold() in RESERVED_PROFILE_NAMES:
            problems.append(
                f"{label}: '{name.strip()}' is a name decide uses itself "
                f"({', '.join(sorted(RESERVED_PROFILE_NAMES))}); rename the profile"
            )
            continue
        before = len(problems)
        problems += [
            f"{label}: unknown key '{key}'{did_you_mean(str(key), PROFILE_KEYS)}; "
            f"allowed keys: {', '.join(PROFILE_KEYS)}"
            for key in item
            if key not in PROFILE_KEYS
        ]
        if name.casefold() in seen:
            problems.append(f"{label}: duplicate profile name (also '{seen[name.casefold()]}'); names must be unique")
        seen[name.casefold()] = name
        for key in ("rationale", "source"):
            if not isinstance(item.get(key, ""), str):
                problems.append(f"{label}: '{key}' must be a text")
        if not str(item.get("rationale", "") or "").strip():
            problems.append(f"{label}: 'rationale' is missing; say in one line why these weights")
        weighting = item.get("weighting", DEFAULT_WEIGHTING)
        if weighting not in WEIGHTING_RULES:
            problems.append(f"{label}: 'weighting' is {weighting!r}; use one of {', '.join(WEIGHTING_RULES)}")
            weighting = DEFAULT_WEIGHTING
        weights = item.get("weights")
        if isinstance(weights, dict):
            weights = {str(key): value for key, value in weights.items()}
        elif not isinstance(weights, str) or not weights.strip():
            problems.append(
                f"{label}: 'weights' must be numbers by criterion, e.g. {{deterrence: 0.5}}, or an ordering such"
                " as 'deterrence>stability=risk>cost'"
            )
            continue
        if probe is not None:
            problem = _weights_problem(probe, Profile(name, weights, weighting=str(weighting)))
            if problem:
                problems.append(f"{label}: {problem}")
        if len(problems) == before:
            found.append(
                Profile(
                    name.strip(),
                    weights,
                    str(item.get("rationale") or "").strip(),
                    str(item.get("source") or "").strip(),
                    str(weighting),
                )
            )
    return problems, found


def _weights_problem(matrix: Matrix, profile: Profile) -> str:
    """What is wrong with a profile's weights for ``matrix``, or ``""``."""
    try:
        if isinstance(profile.weights, str):
            # an ordering is valid when it parses and its rule exists: its weights then always are
            # (checked without computing them, so loading a file never imports pandas)
            elicit.parse_order(profile.weights, matrix.criterion_names, where="{weights}")
            if profile.weighting.strip().casefold() not in elicit.SURROGATE_RULES:
                elicit.surrogate(profile.weighting, profile.weights, matrix.criterion_names)  # its error
        else:
            apply_profile(matrix, profile)
    except DecideError as error:
        text = error.detail if isinstance(error, SpecError) else str(error)
        text = text.replace("{weights}", "weights")
        prefix = f"{matrix.label}: "
        while text.startswith(prefix):
            text = text[len(prefix) :]
        return text if text.startswith("weights") else f"weights: {text}"
    return ""


def describe_weights(profile: Profile) -> str:
    """A profile's weights as written: ``deterrence>stability>... (roc)`` or ``deterrence=0.5, ...``."""
    if isinstance(profile.weights, str):
        return f"{profile.weights} ({profile.weighting})"
    return ", ".join(f"{name}={value:g}" for name, value in profile.weights.items())


__all__ = ["PROFILE_KEYS", "WEIGHTING_RULES", "check_profiles", "describe_weights"]
