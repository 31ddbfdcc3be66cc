"""Ranking each actor's strategies with a method.

>>> result = rank(actors="United States", method="wsm", weights={"deterrence": 1, "stability": 0, "cost": 0, "risk": 0})
>>> result.method.name, result.better
('wsm', 'higher')
>>> list(result.to_frame().columns)
['actor', 'rank', 'strategy', 'score', 'dominated', 'dominated_by', 'basis']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Unpack

from decide.analysis.actor_ranking import ActorRanking, drop_dominated, rank_matrix, rank_non_dominated
from decide.analysis.selection import Selection, SelectionFields
from decide.io.load import MatrixSource
from decide.methods.base import Method
from decide.rendering.result import (
    PerActor,
    Section,
    add_provenance,
    data_note,
    format_weights,
    json_params,
    weights_note,
)

if TYPE_CHECKING:
    import pandas as pd

    from decide.analysis.explain import Contributions


@dataclass(frozen=True)
class Ranking(PerActor[ActorRanking]):
    """Rankings of one or more actors by one method, with the weights that produced them."""

    method: Method
    results: tuple[ActorRanking, ...]
    non_dominated: bool = False
    stated_only: bool = False

    @property
    def better(self) -> str:
        return self.method.better

    @property
    def params(self) -> dict[str, Any]:
        return self.method.params

    def caption(self, ranking: ActorRanking) -> str:
        weights = weights_note(self.method, ranking.weights, ranking.matrix.weights_source)
        notes = "".join(f"; note: {note}" for note in ranking.notes)
        return (
            f"{ranking.actor}: ranked by {self.method.title}; {weights}; "
            f"{data_note(ranking.matrix)}; {self.better} score is better{notes}"
        )

    def sections(self) -> list[Section]:
        """One table per actor, each with its caption (used by every text export).

        Dominated strategies carry a ``*`` mark and a footnote names who dominates them.
        """
        return [Section(r.actor, self.caption(r), *self._marked(r)) for r in self.results]

    def _marked(self, ranking: ActorRanking) -> tuple[pd.DataFrame, str]:
        from decide.rendering.notes import dominance_footnote

        table = ranking.table.drop(columns="dominated" if ranking.matrix.shows_basis else ["dominated", "basis"])
        notes = []
        if ranking.dominators:
            table.insert(2, "", ["*" if s in ranking.dominators else "" for s in table["strategy"]])
            named = dominance_footnote(ranking.dominators)
            notes.append(
                f"* Pareto-dominated (another strategy is as good on every criterion and better on one): {named}."
            )
        firsts = table.loc[table["rank"] == 1, "strategy"].tolist()
        compromise = (
            self.method.name == "vikor"
            and self.method.params.get("use_compromise_set")
            and len(firsts) > 1
            and table.loc[table["rank"] == 1, "score"].nunique() > 1
        )
        if compromise:
            notes.append(f"Rank 1 is VIKOR's compromise set (Opricovic & Tzeng 2004): {', '.join(firsts)}.")
        tied = table["rank"][table["rank"] > 1] if compromise else table["rank"]
        if tied.duplicated().any():
            notes.append("Tied strategies share the best rank of their group (competition ranking: 1, 1, 3).")
        return table, " ".join(notes)

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        """All actors in one long DataFrame: actor, rank, strategy, score, dominated, dominated_by.

        ``dominated`` marks a strategy Pareto-dominated by another of the same actor;
        ``dominated_by`` names those others (comma-separated). With ``provenance=True``
        it adds the file, method, parameters, weights and filters of each row (what CSV
        and Excel exports hold).
        """
        import pandas as pd

        frames = []
        for ranking in self.results:
            frame = ranking.table.copy()
            frame.insert(0, "actor", ranking.actor)
            frame.insert(
                frame.columns.get_loc("dominated") + 1,
                "dominated_by",
                [_dominated_by_text(ranking.dominators, s) for s in frame["strategy"]],
            )
            if provenance:
                add_provenance(
                    frame,
                    ranking.matrix,
                    method=self.method.name,
                    params=self.method.describe(),
                    weights=format_weights(ranking.weights, ranking.matrix.weights_source),
                )
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``decide rank --format json``."""
        return {
            "method": self.method.name,
            "params": json_params(self.method),
            "non_dominated": self.non_dominated,
            "stated_only": self.stated_only,
            "actors": [
                {
                    "actor": r.actor,
                    "file": r.matrix.file_name,
                    "filters": list(r.matrix.filters),
                    "weights": dict(r.weights),
                    "weights_source": r.matrix.weights_source,
                    "weights_used": self.method.uses_weights,
                    "better": self.better,
                    "notes": list(r.notes),
                    "ranking": [
                        {
                            "rank": int(row.rank),
                            "strategy": row.strategy,
                            "score": float(row.score),
                            "dominated": bool(row.dominated),
                            **dominated_by_json(r.dominators, row.strategy),
                            "basis": row.basis,
                        }
                        for row in r.table.itertuples()
                    ],
                }
                for r in self.results
            ],
        }

    def plot(self, actor: str | None = None, ax: Any = None) -> Any:
        """Horizontal bars of the scores, best at the top whatever the method's direction,
        dominated strategies hatched; one panel per actor unless ``actor`` or ``ax`` is
        given (then ``actor`` is required when there are several). Returns the Axes."""
        from decide.analysis.charts import ranking_bars
        from decide.rendering.charts import plot_ranking

        return plot_ranking(ranking_bars(self, actor, ax), ax=ax)

    def contributions(self) -> Contributions:
        """Each criterion's part in each strategy's score (see :mod:`decide.analysis.explain`)."""
        from decide.analysis.explain import Contributions, explain_matrix

        return Contributions(self.method, tuple(explain_matrix(r.matrix, self.method) for r in self.results))

    def plot_contributions(self, actor: str | None = None, ax: Any = None) -> Any:
        """Stacked bars: each strategy's score split by criterion (matplotlib Axes)."""
        return self.contributions().plot(actor=actor, ax=ax)


def rank(
    source: MatrixSource = None,
    *,
    non_dominated: bool = False,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
) -> Ranking:
    """Rank every selected actor's strategies.

    ``source`` is a :class:`~decide.core.model.Matrix`, a list of them, a file or folder
    path (or a list of paths), or ``None`` for the shipped matrices. ``method`` is a
    name or a :class:`~decide.methods.Method`; ``params`` sets its parameters.
    ``profile`` names a weight profile of the matrix files (``decide profiles``);
    ``weights`` then sets weights on top: exact overrides (a mapping or a
    ``"deterrence=0.5,cost=0.1"`` string: the criteria not named share the rest in their
    file proportions), an ordering ``"deterrence>stability>risk>cost"`` turned into weights
    by ``weighting`` (roc, rs or rr), or a :class:`~decide.weights.WeightsResult`. With
    ``non_dominated=True``, strategies Pareto-dominated by another strategy of the
    same actor are dropped before ranking (the caption says over how many strategies the
    scores are normalised, and notes when the leader differs from the full set's); with
    ``stated_only=True``, strategies whose basis is ``inferred`` (the caption and exports
    say so for both).
    """
    picked = Selection.of(source, selection, **fields)
    chosen = picked.method_object()
    rank_one = rank_non_dominated if non_dominated else rank_matrix
    results = tuple(rank_one(m, chosen) for m in picked.matrices())
    return Ranking(chosen, results, non_dominated, picked.stated_only)


__all__ = ["ActorRanking", "Ranking", "drop_dominated", "rank", "rank_matrix"]


def _dominated_by_text(dominators: Any, strategy: str) -> str:
    """The ``dominated_by`` cell of a CSV or Excel export (compact when there are many pairs)."""
    if hasattr(dominators, "listed_text"):
        return str(dominators.listed_text(strategy))
    return ", ".join(dominators.get(strategy, []))


def dominated_by_json(dominators: Any, strategy: str) -> dict[str, Any]:
    """``{"dominated_by": [...]}`` for a JSON export, with ``dominated_by_count`` when the list is cut."""
    if not hasattr(dominators, "listed"):
        return {"dominated_by": list(dominators.get(strategy, []))}
    names = dominators.listed(strategy)
    count = dominators.count(strategy)
    return {"dominated_by": names, **({"dominated_by_count": count} if count > len(names) else {})}
