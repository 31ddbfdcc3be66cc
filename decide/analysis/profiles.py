"""Named weight profiles kept in the matrix files: listing and comparing them (checking them is
:mod:`decide.weights.profiles`, saving one :mod:`decide.io.profiles`).

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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Unpack

from decide.analysis.selection import Selection, SelectionFields
from decide.core.counts import counted
from decide.core.errors import SpecError
from decide.core.model import Matrix
from decide.core.tables import Section, Table
from decide.io.load import MatrixSource, resolve_matrices
from decide.rendering.result import Result, format_weights
from decide.weights.profiles import describe_weights

if TYPE_CHECKING:
    import pandas as pd

    from decide.methods.base import Method

#: Under a listing without its sources: how to see them.
SOURCES_NOTE = "Sources: add --sources (sources=True in Python); JSON and CSV always hold them."


@dataclass(frozen=True)
class ProfileList(Result):
    """The profiles of one or more actors (``decide profiles``): the weights as written and as used."""

    matrices: tuple[Matrix, ...]
    #: list each profile's source after the table (JSON and CSV always carry it)
    sources: bool = False

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
        table = self.table
        shown = Table(table.columns[:-1], [row[:-1] for row in table.rows])
        cited = [(row[0], row[1], row[-1]) for row in table.rows if row[-1]]
        caption = f"{counted(len(table), 'weight profile')} in {files}"
        if not self.sources:
            note = SOURCES_NOTE if cited else ""
            return [Section("profiles", caption, shown, note=note)]
        return [
            Section("profiles", caption, shown),
            Section(
                "profile sources",
                "where each profile's weights come from",
                Table(["actor", "profile", "source"], cited),
            ),
        ]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        return self.frame

    def to_dict(self) -> dict[str, Any]:
        from decide.weights.apply import apply_profile

        return {
            "profiles": [
                {
                    "actor": m.actor,
                    "file": m.file_name,
                    "profile": p.name,
                    "weights": p.weights if isinstance(p.weights, str) else dict(p.weights),
                    "weighting": p.weighting if isinstance(p.weights, str) else None,
                    "weights_used": apply_profile(m, p).weights,
                    "rationale": p.rationale,
                    "source": p.source,
                }
                for m in self.matrices
                for p in m.profiles
            ]
        }


def profiles(
    source: MatrixSource = None, *, actors: Iterable[str] | str | None = None, sources: bool = False
) -> ProfileList:
    """The weight profiles of every selected actor (all by default); ``sources`` lists each
    profile's source in a table after the profiles (JSON and CSV always hold it)."""
    return ProfileList(tuple(resolve_matrices(source, actors)), sources)


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
        from decide.analysis.consensus import compact_ranks, correlation_table

        compact, note = compact_ranks(self.table)
        return [
            Section(
                f"{self.actor} ranks",
                self.caption("rank of each strategy by profile (1 = best), Borda and Copeland consensus ranks"),
                self.table,
                compact=compact,
                compact_note=note,
            ),
            Section(
                f"{self.actor} Kendall",
                self.caption("Kendall's tau-b between the profiles' rankings"),
                *correlation_table(self.kendall, self.ranks, "profile"),
            ),
            Section(
                f"{self.actor} Spearman",
                self.caption("Spearman's rho between the profiles' rankings"),
                *correlation_table(self.spearman, self.ranks, "profile"),
            ),
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
            "profiles": {
                name: {"weights": self.weights[name], "weights_source": self.sources.get(name, "")} for name in names
            },
            "strategies": [
                {
                    "strategy": strategy,
                    "ranks": {p: int(self.ranks.loc[strategy, p]) for p in names},
                    "scores": {p: float(self.scores.loc[strategy, p]) for p in names},
                    "borda": {
                        "points": float(self.consensus.loc[strategy, "borda_points"]),
                        "rank": int(self.consensus.loc[strategy, "borda"]),
                    },
                    "copeland": {
                        "score": int(self.consensus.loc[strategy, "copeland_score"]),
                        "rank": int(self.consensus.loc[strategy, "copeland"]),
                    },
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
    profiles: Sequence[str] | str | None = None,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
) -> ProfileComparison:
    """Rank one actor's strategies under several of its profiles (default: every one) with one method.

    ``weights`` (overrides, an ordering) apply on top of every profile; ``scenario`` names a
    scenario whose scores are ranked (see ``decide scenarios``).

    >>> result = compare_profiles(actor="United States", method="wsm")
    >>> list(result.table.columns)[-5:]
    ['borda_points', 'borda', 'copeland_score', 'copeland', 'dominated']
    """
    import pandas as pd

    from decide.analysis.consensus import borda, copeland, correlations
    from decide.methods.run import evaluate
    from decide.weights.apply import set_weights

    picked = Selection.of(source, selection, **fields)
    if picked.profile is not None:
        raise SpecError("cannot be combined with {profiles}; list every profile to compare there", field="profile")
    matrix = replace(picked, weights=None).matrix()
    if isinstance(profiles, str):
        profiles = [name for name in profiles.split(",") if name.strip()]
    if profiles is None:
        chosen = list(matrix.profiles)
    else:
        chosen = list(dict.fromkeys(matrix.profile(name) for name in profiles))
    if len(chosen) < 2:
        what = "has no profiles" if not matrix.profiles else f"has only {len(matrix.profiles)} profile"
        raise SpecError(
            f"name at least two profiles to compare; {matrix.label} {what}"
            if profiles is None or not chosen
            else "name at least two different profiles to compare",
            field="profiles",
        )
    used = picked.method_object()
    ranks: dict[str, Any] = {}
    scores: dict[str, Any] = {}
    weights_used: dict[str, dict[str, float]] = {}
    sources: dict[str, str] = {}
    for profile in chosen:
        weighted = set_weights(matrix, picked.parsed_weights, profile=profile, weighting=picked.weighting)
        ranks[profile.name], scores[profile.name] = evaluate(used, weighted)
        weights_used[profile.name] = weighted.weights
        sources[profile.name] = weighted.weights_source
    index = pd.Index(matrix.strategy_names, name="strategy")
    rank_frame = pd.DataFrame(ranks, index=index)
    return ProfileComparison(
        matrix=matrix,
        method=used,
        weights=weights_used,
        ranks=rank_frame,
        scores=pd.DataFrame(scores, index=index),
        consensus=pd.concat([borda(rank_frame), copeland(rank_frame)], axis=1),
        kendall=correlations(rank_frame, "kendall"),
        spearman=correlations(rank_frame, "spearman"),
        dominators=matrix.dominators(),
        sources=sources,
    )


__all__ = [
    "ProfileComparison",
    "ProfileList",
    "compare_profiles",
    "profiles",
]
