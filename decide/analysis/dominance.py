"""Every Pareto-dominance pair of each actor, one row per pair: what ``decide rank --dominance``
prints and exports when the ranking's own exports shorten long lists of dominators.

>>> pairs = dominance(actors="japan")
>>> list(pairs.to_frame().columns)
['actor', 'strategy', 'dominated_by']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from decide.core.tables import Section
from decide.io.load import MatrixSource, resolve_matrices
from decide.rendering.result import Result, data_note

if TYPE_CHECKING:
    import pandas as pd

    from decide.core.model import Matrix


@dataclass(frozen=True)
class DominancePairs(Result):
    """The (dominated, dominator) pairs of each matrix, in file order."""

    matrices: tuple[Matrix, ...]

    def _frame(self, matrix: Matrix) -> pd.DataFrame:
        import pandas as pd

        dominators = matrix.dominators()
        rows = [(name, by) for name in dominators for by in dominators[name]]
        return pd.DataFrame(rows, columns=["strategy", "dominated_by"])

    def sections(self) -> list[Section]:
        sections = []
        for matrix in self.matrices:
            frame = self._frame(matrix)
            caption = (
                f"{matrix.actor}: {len(frame):,} dominance pair(s), each strategy beside one that is as good "
                f"on every criterion and better on one; {data_note(matrix)}"
            )
            sections.append(Section(matrix.actor, caption, frame))
        return sections

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        import pandas as pd

        frames = []
        for matrix in self.matrices:
            frame = self._frame(matrix)
            frame.insert(0, "actor", matrix.actor)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dominance": [
                {"actor": m.actor, "file": m.file_name, "pairs": self._frame(m).to_dict("records")}
                for m in self.matrices
            ]
        }


def dominance(
    source: MatrixSource = None, *, actors: Iterable[str] | str | None = None, stated_only: bool = False
) -> DominancePairs:
    """Every dominance pair of each selected actor (all of them, however many)."""
    return DominancePairs(tuple(resolve_matrices(source, actors, stated_only=stated_only)))


__all__ = ["DominancePairs", "dominance"]
