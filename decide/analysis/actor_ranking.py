"""One actor's ranked strategies (:class:`ActorRanking`) and how one matrix is ranked."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from decide.core.ranks import competition_ranks
from decide.methods.base import Method

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from decide.core.model import Matrix


class ActorRanking:
    """The ranked strategies of one actor: rank, strategy, score, dominated; best first.

    Pareto dominance (the ``dominated`` column, :attr:`dominators`) is found the first time
    it is asked for, so that ranking a large matrix in a program costs only the method;
    every table, export and chart that shows it asks for it.
    """

    def __init__(
        self,
        matrix: Matrix,
        weights: dict[str, float],
        ranks: np.ndarray,
        scores: np.ndarray,
        order: np.ndarray,
        notes: tuple[str, ...] = (),
        dominators: Mapping[str, list[str]] | None = None,
    ) -> None:
        self.matrix = matrix
        self.weights = weights
        #: what the reader should know: degenerate parts of the matrix, dominance surprises
        self.notes = notes
        self._ranks, self._scores, self._order = ranks, scores, order
        if dominators is not None:
            self.__dict__["dominators"] = dominators

    def __setattr__(self, name: str, value: object) -> None:
        if name in self.__dict__:
            raise AttributeError(f"cannot assign to field '{name}'")  # read-only, like a frozen dataclass
        super().__setattr__(name, value)

    @functools.cached_property
    def dominators(self) -> Mapping[str, list[str]]:
        """Each Pareto-dominated strategy and the strategies that dominate it."""
        return self.matrix.dominators()

    @functools.cached_property
    def table(self) -> pd.DataFrame:
        """rank, strategy, score, dominated, basis; best first."""
        import pandas as pd

        matrix, order = self.matrix, self._order
        names = matrix.strategy_names
        dominators = self.dominators
        return pd.DataFrame(
            {
                "rank": self._ranks[order],
                "strategy": [names[i] for i in order],
                "score": self._scores[order],
                "dominated": [names[i] in dominators for i in order],
                "basis": [matrix.strategies[i].basis for i in order],
            }
        )

    def __repr__(self) -> str:
        return f"<ActorRanking {self.actor!r}: {len(self._ranks)} strategies, first {self.top!r}>"

    @property
    def actor(self) -> str:
        return self.matrix.actor

    @property
    def top(self) -> str:
        """The strategy ranked first (the first listed when several share rank 1)."""
        return self.matrix.strategy_names[int(self._order[0])]


def rank_matrix(matrix: Matrix, method: Method) -> ActorRanking:
    """Rank one matrix with its own weights."""
    import numpy as np

    from decide.core.ranks import batch_ranks
    from decide.methods.run import evaluate
    from decide.rendering.notes import dominance_notes, matrix_notes

    dense, scores = evaluate(method, matrix)
    ranks = competition_ranks(dense)
    notes = tuple(matrix_notes(matrix))
    dominators = None
    if not method.respects_dominance:  # the notes say where the method ranks a dominated strategy higher
        dominators = matrix.dominators()
        notes = (*notes, *dominance_notes(matrix, method, ranks, dominators))
    # Tie rule: within a rank, by score (equal within the tie tolerance counts as equal), then file order.
    same = type(method).rank_scores is Method.rank_scores  # then evaluate's ranks are the scores' own
    by_score = dense if same else batch_ranks(scores[None, :], method.better)[0]
    order = np.lexsort((np.arange(len(ranks)), by_score, ranks))
    return ActorRanking(matrix, matrix.weights, ranks, scores, order, notes, dominators)


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

    from decide.rendering.notes import leader_change_note

    kept = rank_matrix(drop_dominated(matrix), method)
    if len(kept.table) == len(matrix.strategies):
        return kept
    full = rank_matrix(matrix, method)

    def firsts(ranking: ActorRanking) -> list[str]:
        return ranking.table.loc[ranking.table["rank"] == 1, "strategy"].tolist()

    if set(firsts(full)) == set(firsts(kept)):
        return kept
    return ActorRanking(
        kept.matrix,
        kept.weights,
        kept._ranks,
        kept._scores,
        kept._order,
        (*kept.notes, leader_change_note(firsts(full), len(matrix.strategies))),
    )


__all__ = ["ActorRanking", "drop_dominated", "rank_matrix", "rank_non_dominated"]
