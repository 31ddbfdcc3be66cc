"""Named weight profiles kept in the matrix files: checking, listing, saving and comparing them.

A matrix file may hold ``profiles:``, each a name, weights (numbers by criterion, or an
importance ordering turned into weights by ``weighting``: roc, rs or rr), a one-line
rationale and, where it comes from the articles, a source::

    profiles:
      - name: hawkish
        weights: deterrence>risk>stability>cost
        rationale: Deterrence first, as the article's military-posture row reads.
        source: "000_791be41c42e32bb7.txt; table ..., row 'United States'"

>>> listing = profiles(actors="United States")
>>> list(listing.frame.columns)
['actor', 'profile', 'weights', 'rationale', 'source']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decide.core.errors import DecideError, MatrixError, SpecError
from decide.core.model import Criterion, Matrix, Profile
from decide.io.load import MatrixSource, one_matrix, resolve_matrices
from decide.rendering.result import Result, Section, Table, format_weights
from decide.weights.spec import WeightsLike

if TYPE_CHECKING:
    import pandas as pd

    from decide.methods.base import Method
    from decide.weights import WeightsResult

PROFILE_KEYS = ("name", "weights", "rationale", "source", "weighting")
WEIGHTING_RULES = ("roc", "rs", "rr")


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
        label = f"{where}: profile '{name}'"
        before = len(problems)
        problems += [f"{label}: unknown key '{key}'; allowed keys: {', '.join(PROFILE_KEYS)}"
                     for key in item if key not in PROFILE_KEYS]
        if name.casefold() in seen:
            problems.append(f"{label}: duplicate profile name (also '{seen[name.casefold()]}'); names must be unique")
        seen[name.casefold()] = name
        for key in ("rationale", "source"):
            if not isinstance(item.get(key, ""), str):
                problems.append(f"{label}: '{key}' must be a text")
        if not str(item.get("rationale", "") or "").strip():
            problems.append(f"{label}: 'rationale' is missing; say in one line why these weights")
        weighting = item.get("weighting", "roc")
        if weighting not in WEIGHTING_RULES:
            problems.append(f"{label}: 'weighting' is {weighting!r}; use one of {', '.join(WEIGHTING_RULES)}")
            weighting = "roc"
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
            found.append(Profile(name.strip(), weights, str(item.get("rationale") or "").strip(),
                                 str(item.get("source") or "").strip(), str(weighting)))
    return problems, found


def _weights_problem(matrix: Matrix, profile: Profile) -> str:
    """What is wrong with a profile's weights for ``matrix``, or ``""``."""
    from decide.weights.apply import apply_profile

    try:
        if isinstance(profile.weights, str):
            # an ordering is valid when it parses and its rule exists: its weights then always are
            # (checked without computing them, so loading a file never imports pandas)
            from decide import weights as elicit

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
            text = text[len(prefix):]
        return text if text.startswith("weights") else f"weights: {text}"
    return ""


def describe_weights(profile: Profile) -> str:
    """A profile's weights as written: ``deterrence>stability>... (roc)`` or ``deterrence=0.5, ...``."""
    if isinstance(profile.weights, str):
        return f"{profile.weights} ({profile.weighting})"
    return ", ".join(f"{name}={value:g}" for name, value in profile.weights.items())


@dataclass(frozen=True)
class ProfileList(Result):
    """The profiles of one or more actors (``decide profiles``): the weights as written and as used."""

    matrices: tuple[Matrix, ...]

    @property
    def table(self) -> Table:
        from decide.weights.apply import apply_profile

        rows = []
        for matrix in self.matrices:
            for profile in matrix.profiles:
                used = format_weights(apply_profile(matrix, profile).weights)
                written = describe_weights(profile)
                weights = used if not isinstance(profile.weights, str) and written == used else f"{written}: {used}"
                rows.append((matrix.actor, profile.name, weights, profile.rationale, profile.source))
        return Table(["actor", "profile", "weights", "rationale", "source"], rows)

    @property
    def frame(self) -> pd.DataFrame:
        return self.table.to_pandas()

    def sections(self) -> list[Section]:
        files = ", ".join(m.file_name for m in self.matrices)
        return [Section("profiles", f"{len(self.table)} weight profiles in {files}", self.table)]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        return self.frame

    def to_dict(self) -> dict[str, Any]:
        from decide.weights.apply import apply_profile

        return {
            "profiles": [
                {"actor": m.actor, "file": m.file_name, "profile": p.name,
                 "weights": p.weights if isinstance(p.weights, str) else dict(p.weights),
                 "weighting": p.weighting if isinstance(p.weights, str) else None,
                 "weights_used": apply_profile(m, p).weights, "rationale": p.rationale, "source": p.source}
                for m in self.matrices
                for p in m.profiles
            ]
        }


def profiles(source: MatrixSource = None, *, actors: Iterable[str] | str | None = None) -> ProfileList:
    """The weight profiles of every selected actor (all by default)."""
    return ProfileList(tuple(resolve_matrices(source, actors)))


# --------------------------------------------------------------------------- comparing profiles


@dataclass(frozen=True)
class ProfileComparison(Result):
    """One actor's strategies ranked by one method under several weight profiles side by side,
    with the Borda and Copeland consensus and Kendall / Spearman correlations between profiles."""

    matrix: Matrix
    method: Method
    weights: dict[str, dict[str, float]]
    ranks: pd.DataFrame
    scores: pd.DataFrame
    consensus: pd.DataFrame
    kendall: pd.DataFrame
    spearman: pd.DataFrame
    dominators: Mapping[str, list[str]]
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def actor(self) -> str:
        return self.matrix.actor

    @property
    def profile_names(self) -> list[str]:
        return list(self.ranks.columns)

    @property
    def table(self) -> pd.DataFrame:
        """Strategies with their rank under each profile and the consensus ranks, by Borda."""
        frame = self.ranks.copy()
        for column in self.consensus.columns:
            frame[column] = self.consensus[column]
        frame["dominated"] = [s in self.dominators for s in frame.index]
        return frame.sort_values(["borda", "copeland"], kind="stable").reset_index()

    def caption(self, what: str) -> str:
        profiles = "; ".join(f"{name}: {format_weights(weights)}" for name, weights in self.weights.items())
        from decide.rendering.result import data_note

        return f"{self.actor}: {what}; ranked by {self.method.title}; profiles {profiles}; {data_note(self.matrix)}"

    @property
    def weights_table(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.weights).rename_axis("criterion").reset_index()

    def sections(self) -> list[Section]:
        from decide.analysis.compare import compact_ranks

        compact, note = compact_ranks(self.table)
        return [
            Section(f"{self.actor} ranks",
                    self.caption("rank of each strategy by profile (1 = best), Borda and Copeland consensus ranks"),
                    self.table, compact=compact, compact_note=note),
            Section(f"{self.actor} Kendall", self.caption("Kendall's tau-b between the profiles' rankings"),
                    self.kendall.reset_index(names="profile")),
            Section(f"{self.actor} Spearman", self.caption("Spearman's rho between the profiles' rankings"),
                    self.spearman.reset_index(names="profile")),
        ]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        frame = self.table
        if provenance:
            frame.insert(0, "actor", self.actor)
            frame["file"] = self.matrix.file_name
            frame["method"] = self.method.name
            frame["params"] = self.method.describe()
        return frame

    def to_dict(self) -> dict[str, Any]:
        from decide.rendering.result import json_params

        def number(value: float) -> float | None:
            return None if math.isnan(value) else round(float(value), 6)

        names = self.profile_names
        return {
            "actor": self.actor,
            "file": self.matrix.file_name,
            "method": self.method.name,
            "params": json_params(self.method),
            "profiles": {name: {"weights": self.weights[name], "weights_source": self.sources.get(name, "")}
                         for name in names},
            "strategies": [
                {
                    "strategy": strategy,
                    "ranks": {p: int(self.ranks.loc[strategy, p]) for p in names},
                    "scores": {p: float(self.scores.loc[strategy, p]) for p in names},
                    "borda": {"points": float(self.consensus.loc[strategy, "borda_points"]),
                              "rank": int(self.consensus.loc[strategy, "borda"])},
                    "copeland": {"score": int(self.consensus.loc[strategy, "copeland_score"]),
                                 "rank": int(self.consensus.loc[strategy, "copeland"])},
                    "dominated": strategy in self.dominators,
                }
                for strategy in self.table["strategy"]
            ],
            "correlation": {
                name: {a: {b: number(frame.loc[a, b]) for b in names} for a in names}
                for name, frame in (("kendall", self.kendall), ("spearman", self.spearman))
            },
        }


def compare_profiles(
    source: MatrixSource = None,
    *,
    actor: str | None = None,
    profiles: Sequence[str] | str | None = None,
    method: str | Method | None = None,
    params: Mapping[str, Any] | None = None,
    weights: WeightsLike = None,
    weighting: str = "roc",
    stated_only: bool = False,
    scenario: str | None = None,
) -> ProfileComparison:
    """Rank one actor's strategies under several of its profiles (default: every one) with one method.

    ``weights`` (overrides, an ordering) apply on top of every profile; ``scenario`` names a
    scenario whose scores are ranked (see ``decide scenarios``).

    >>> result = compare_profiles(actor="United States", method="wsm")
    >>> list(result.table.columns)[-5:]
    ['borda_points', 'borda', 'copeland_score', 'copeland', 'dominated']
    """
    import pandas as pd

    from decide.analysis.compare import borda, copeland, correlations
    from decide.methods import DEFAULT_METHOD, get_method
    from decide.methods.run import evaluate
    from decide.weights.apply import set_weights

    matrix = one_matrix(source, actor, stated_only=stated_only, scenario=scenario)
    if isinstance(profiles, str):
        profiles = [name for name in profiles.split(",") if name.strip()]
    if profiles is None:
        chosen = list(matrix.profiles)
    else:
        chosen = list(dict.fromkeys(matrix.profile(name) for name in profiles))
    if len(chosen) < 2:
        what = "has no profiles" if not matrix.profiles else f"has only {len(matrix.profiles)} profile"
        raise SpecError(
            f"name at least two profiles to compare; {matrix.label} {what}" if profiles is None or not chosen
            else "name at least two different profiles to compare", field="profiles"
        )
    used = get_method(method or DEFAULT_METHOD, params)
    ranks: dict[str, Any] = {}
    scores: dict[str, Any] = {}
    weights_used: dict[str, dict[str, float]] = {}
    sources: dict[str, str] = {}
    for profile in chosen:
        weighted = set_weights(matrix, weights, profile=profile, weighting=weighting)
        ranks[profile.name], scores[profile.name] = evaluate(used, weighted)
        weights_used[profile.name] = weighted.weights
        sources[profile.name] = weighted.weights_source
    index = pd.Index(matrix.strategy_names, name="strategy")
    rank_frame = pd.DataFrame(ranks, index=index)
    return ProfileComparison(
        matrix=matrix, method=used, weights=weights_used, ranks=rank_frame,
        scores=pd.DataFrame(scores, index=index),
        consensus=pd.concat([borda(rank_frame), copeland(rank_frame)], axis=1),
        kendall=correlations(rank_frame, "kendall"), spearman=correlations(rank_frame, "spearman"),
        dominators=matrix.dominators(), sources=sources,
    )


# --------------------------------------------------------------------------- saving a profile


def _document_problems(path: Path) -> list[str]:
    from decide.io.load import validate

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
    from decide.io.load import load_matrix

    path = Path(path)
    matrix = load_matrix(path)  # the file must be a valid matrix to begin with
    if not name.strip():
        raise SpecError("is empty; name the profile", field="profile")
    if not rationale.strip():
        raise SpecError("is empty; say in one line why these weights", field="rationale")
    value: Any
    weighting = "roc"
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

    from decide.io.files import read_text_limited, write_output

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


__all__ = [
    "ProfileComparison",
    "ProfileList",
    "check_profiles",
    "compare_profiles",
    "describe_weights",
    "profiles",
    "save_profile",
]
