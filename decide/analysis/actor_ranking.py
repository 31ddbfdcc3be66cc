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
    """``matrix`` without its Pareto-dominated strategies."""
    return matrix.without(set(matrix.dominators()), "Pareto-dominated strategies dropped")


__all__ = ["ActorRanking", "drop_dominated", "rank_matrix"]
