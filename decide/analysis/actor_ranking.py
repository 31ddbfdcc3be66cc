"""One actor's ranked strategies (:class:`ActorRanking`) and how one matrix is ranked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from decide.core.ranks import competition_ranks
from decide.methods.base import Method

if TYPE_CHECKING:
    import pandas as pd

    from decide.core.model import Matrix


@dataclass(frozen=True)
class ActorRanking:
    """The ranked strategies of one actor: rank, strategy, score, dominated; best first."""

    matrix: Matrix
    weights: dict[str, float]
    table: pd.DataFrame
    dominators: Mapping[str, list[str]] = field(default_factory=dict)
    #: what the reader should know: degenerate parts of the matrix, dominance surprises
    notes: tuple[str, ...] = ()

    @property
    def actor(self) -> str:
        return self.matrix.actor

    @property
    def top(self) -> str:
        """The strategy ranked first (the first listed when several share rank 1)."""
        return str(self.table["strategy"].iloc[0])


def rank_matrix(matrix: Matrix, method: Method) -> ActorRanking:
    """Rank one matrix with its own weights."""
    import pandas as pd

    from decide.methods.run import evaluate
    from decide.rendering.notes import dominance_notes, matrix_notes

    ranks, scores = evaluate(method, matrix)
    ranks = competition_ranks(ranks)
    dominators = matrix.dominators()
    notes = (*matrix_notes(matrix), *dominance_notes(matrix, method, ranks, dominators))
    table = pd.DataFrame({"rank": ranks, "strategy": matrix.strategy_names, "score": scores})
    table["dominated"] = [s in dominators for s in matrix.strategy_names]
    table["basis"] = [s.basis for s in matrix.strategies]
    # Tie rule: within a rank, by score (equal within the tie tolerance counts as equal), then file order.
    from decide.core.ranks import batch_ranks

    table["order"] = batch_ranks(scores[None, :], method.better)[0]
    table = table.sort_values(["rank", "order"], kind="stable").drop(columns="order")
    return ActorRanking(matrix, matrix.weights, table.reset_index(drop=True), dominators, notes)


def drop_dominated(matrix: Matrix) -> Matrix:
    """``matrix`` without its Pareto-dominated strategies; its filters say how many were
    dropped and over how many strategies the scores are now normalised."""
    from decide.rendering.notes import non_dominated_filter

    dropped = set(matrix.dominators())
    return matrix.without(dropped, non_dominated_filter(len(dropped), len(matrix.strategies) - len(dropped)))


def rank_non_dominated(matrix: Matrix, method: Method) -> ActorRanking:
    """Rank ``matrix`` without its Pareto-dominated strategies. Most methods normalise over
    the strategies they are given, so dropping some can change who leads: the full set is
    ranked too and a note names its leader when it differs."""
    from dataclasses import replace

    from decide.rendering.notes import leader_change_note

    kept = rank_matrix(drop_dominated(matrix), method)
    if len(kept.table) == len(matrix.strategies):
        return kept
    full = rank_matrix(matrix, method)

    def firsts(ranking: ActorRanking) -> list[str]:
        return ranking.table.loc[ranking.table["rank"] == 1, "strategy"].tolist()

    if set(firsts(full)) == set(firsts(kept)):
        return kept
    return replace(kept, notes=(*kept.notes, leader_change_note(firsts(full), len(matrix.strategies))))


__all__ = ["ActorRanking", "drop_dominated", "rank_matrix", "rank_non_dominated"]
