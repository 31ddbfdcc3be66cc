"""What a matrix or a ranking should tell its reader: degenerate cases and surprises.

Every method treats degenerate matrices alike (see :func:`decide.methods.run.evaluate`):

- a single strategy ranks first: there is nothing to compare;
- strategies with the same scores on every weighted criterion tie;
- a criterion on which every strategy scores the same carries no information: it
  changes no ranking, and a note says so.

These notes go into captions, JSON (``notes``) and ``decide validate``'s output.

>>> from decide.core.model import Criterion, Matrix, Strategy
>>> m = Matrix("X", (Criterion("gain", "max", 1.0), Criterion("cost", "min", 1.0)),
...            (Strategy("A", {"gain": 5, "cost": 2}), Strategy("B", {"gain": 5, "cost": 2})))
>>> for note in matrix_notes(m):
...     print(note)
every strategy has the same scores on the weighted criteria: all rank 1st, nothing is compared
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix
    from decide.methods.base import Method

#: Names quoted in one note before "and N more".
_SHOWN = 3
#: Groups of alike strategies noted one by one; beyond this one note counts the rest.
ALIKE_GROUPS_SHOWN = 3
#: Dominance pairs a footnote lists in full; above this it names DOMINATED_SHOWN strategies.
FOOTNOTE_PAIRS = 200
#: Dominated strategies a long footnote names; the rest are counted (exports list every one).
DOMINATED_SHOWN = 10


def _names(names: list[str]) -> str:
    shown = ", ".join(f"'{name}'" for name in names[:_SHOWN])
    return shown + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")


def matrix_notes(matrix: Matrix) -> list[str]:
    """Notes about a matrix's degenerate parts: one strategy, alike strategies, constant criteria."""
    from decide.methods.run import alike_groups

    notes: list[str] = []
    groups = alike_groups(matrix).tolist()
    if len(matrix.strategies) == 1:
        notes.append(f"only one strategy ('{matrix.strategies[0].name}'): it ranks 1st, nothing is compared")
    elif len(set(groups)) == 1:
        notes.append(
            "every strategy has the same scores on the weighted criteria: all rank 1st, nothing is compared"
            + (f"; fill in the scores in {matrix.file_name}" if matrix.path is not None else "")
        )
    elif len(set(groups)) < len(groups):
        names = matrix.strategy_names
        members_of: dict[int, list[str]] = {}
        for index, group in enumerate(groups):
            members_of.setdefault(group, []).append(names[index])
        alike = [members for _, members in sorted(members_of.items()) if len(members) > 1]
        for members in alike[:ALIKE_GROUPS_SHOWN]:
            notes.append(f"strategies {_names(members)} have the same scores on the weighted criteria: they tie")
        if len(alike) > ALIKE_GROUPS_SHOWN:
            rest = alike[ALIKE_GROUPS_SHOWN:]
            notes.append(
                f"{len(rest):,} more groups ({sum(map(len, rest)):,} strategies) have the same scores "
                "on the weighted criteria: each group ties"
            )
    if len(matrix.strategies) > 1 and len(set(groups)) > 1:  # (when all are alike, that one note says it)
        table = matrix.to_array()
        for index, criterion in enumerate(matrix.criteria):
            if (table[:, index] == table[0, index]).all():
                notes.append(
                    f"criterion '{criterion.name}' has the same score for every strategy: it carries no information"
                )
    return notes


def dominance_footnote(
    dominators: Mapping[str, list[str]], shown: int = DOMINATED_SHOWN, budget: int = FOOTNOTE_PAIRS
) -> str:
    """Who dominates whom, for a table's footnote. Every pair when there are at most
    ``budget`` pairs; otherwise ``shown`` dominated strategies, each with three
    dominators, and a count of the rest, so that a large matrix keeps a readable footnote
    (the ``dominated_by`` column of CSV and JSON exports lists every one).

    >>> dominance_footnote({"B": ["A"], "C": ["A", "B", "D", "E"]})
    'B by A; C by A, B, D, E'
    >>> dominance_footnote({"B": ["A"], "C": ["A", "B", "D", "E"]}, shown=1, budget=2)
    'B by A; and 1 more dominated strategy (every one is in the dominated_by column of CSV and JSON exports)'
    >>> dominance_footnote({"C": ["A", "B", "D", "E"]}, budget=2)
    'C by A, B, D and 1 more'
    """
    pairs = getattr(dominators, "pairs", None)
    if (pairs if pairs is not None else sum(map(len, dominators.values()))) <= budget:
        return "; ".join(f"{loser} by {', '.join(winners)}" for loser, winners in dominators.items())

    def by(winners: list[str]) -> str:
        more = len(winners) - _SHOWN
        return ", ".join(winners[:_SHOWN]) + (f" and {more:,} more" if more > 0 else "")

    named = "; ".join(f"{loser} by {by(winners)}" for loser, winners in list(dominators.items())[:shown])
    rest = len(dominators) - shown
    if rest > 0:
        plural = "strategy" if rest == 1 else "strategies"
        named += (
            f"; and {rest:,} more dominated {plural} (every one is in the dominated_by column of CSV and JSON exports)"
        )
    return named


def dominance_notes(
    matrix: Matrix, method: Method, ranks: np.ndarray, dominators: Mapping[str, list[str]]
) -> list[str]:
    """A note for each strategy the method ranks above a strategy that dominates it.

    Methods that compare with positional ideals (PROBID) or solve linear programs
    (SIMUS) can do so; decide reports it rather than changing the method's ranking.
    """
    if method.respects_dominance:  # checked by the property tests; skipping saves time on large matrices
        return []
    position = {name: index for index, name in enumerate(matrix.strategy_names)}
    notes = []
    for loser, winners in dominators.items():
        above = [w for w in winners if ranks[position[loser]] < ranks[position[w]]]
        if above:
            verb = "dominates" if len(above) == 1 else "dominate"
            notes.append(f"{method.name} ranks '{loser}' above {_names(above)}, which {verb} it")
    return notes


def non_dominated_filter(dropped: int, kept: int) -> str:
    """The caption's words for ``--non-dominated``: how many strategies were dropped and
    over how many the scores are normalised (which can change the leader).

    >>> non_dominated_filter(4, 12)
    '4 Pareto-dominated strategies dropped: normalised over the 12 non-dominated strategies'
    >>> non_dominated_filter(0, 3)
    'no strategy is Pareto-dominated: none dropped'
    """
    if not dropped:
        return "no strategy is Pareto-dominated: none dropped"
    plural = "strategy" if dropped == 1 else "strategies"
    over = "the only non-dominated strategy" if kept == 1 else f"the {kept} non-dominated strategies"
    return f"{dropped} Pareto-dominated {plural} dropped: normalised over {over}"


def leader_change_note(full_firsts: list[str], total: int) -> str:
    """The note when dropping dominated strategies changes who ranks first.

    >>> leader_change_note(["A"], 16)
    "the leader differs from the full set: over all 16 strategies 'A' ranks first"
    >>> leader_change_note(["A", "B"], 16)
    "the leader differs from the full set: over all 16 strategies 'A' and 'B' share rank 1"
    """
    if len(full_firsts) == 1:
        return f"the leader differs from the full set: over all {total} strategies '{full_firsts[0]}' ranks first"
    named = ", ".join(f"'{n}'" for n in full_firsts[:-1]) + f" and '{full_firsts[-1]}'"
    return f"the leader differs from the full set: over all {total} strategies {named} share rank 1"


__all__ = [
    "ALIKE_GROUPS_SHOWN",
    "DOMINATED_SHOWN",
    "FOOTNOTE_PAIRS",
    "dominance_footnote",
    "dominance_notes",
    "leader_change_note",
    "matrix_notes",
    "non_dominated_filter",
]
