"""Views of the matrices themselves, for ``decide show`` and ``decide list``.

>>> view = show(actor="north korea")
>>> list(view.criteria.columns)
['criterion', 'objective', 'weight', 'description']
>>> list(overview().frame.columns)
['actor', 'file', 'strategies', 'criteria']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Unpack

from decide.analysis.selection import Selection, SelectionFields
from decide.core.model import Matrix
from decide.core.tables import Section, Table
from decide.io.load import MatrixSource, resolve_matrices
from decide.rendering.result import Result, format_weights

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class MatrixView(Result):
    """One actor's decision matrix as tables: criteria (objective, weight) and scores."""

    matrix: Matrix

    @property
    def criteria(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            {
                "criterion": self.matrix.criterion_names,
                "objective": self.matrix.objectives,
                "weight": list(self.matrix.weights.values()),
                "description": [c.description for c in self.matrix.criteria],
            }
        )

    @property
    def scores(self) -> pd.DataFrame:
        """The scores; columns of whole numbers print without decimals."""
        return self.to_table(actor=False).to_pandas()

    def to_table(self, provenance: bool = False, *, actor: bool = True) -> Table:
        """The scores as a pandas-free :class:`~decide.rendering.result.Table` (what ``to_frame``
        and the CSV export are built from): actor, strategy, one column per criterion
        (whole numbers as ints) and, with ``provenance``, the file and each strategy's source.

        >>> show(actor="russia").to_table().columns[:3]
        ['actor', 'strategy', 'stability']
        """
        import numpy as np

        m = self.matrix
        scores = m.to_array()
        values = scores.astype(object)  # Python floats, and ints for whole-number columns
        whole = (scores % 1 == 0).all(axis=0)
        values[:, whole] = scores[:, whole].astype(np.int64).astype(object)
        head = ["actor", "strategy"] if actor else ["strategy"]
        tail = ["file", "source"] if provenance else []
        rows = [
            ((m.actor, s.name) if actor else (s.name,)) + tuple(row) + ((m.file_name, s.source) if provenance else ())
            for s, row in zip(m.strategies, values.tolist(), strict=True)
        ]
        return Table([*head, *m.criterion_names, *tail], rows)

    @property
    def basis(self) -> pd.DataFrame:
        """Per strategy its basis and, per criterion, the score's certainty and range (``judgement 3-7``)."""
        import pandas as pd

        def cell(strategy, criterion: str) -> str:
            level = strategy.certainty.get(criterion, "")
            if criterion in strategy.ranges:
                low, high = strategy.ranges[criterion]
                return f"{level} {low:g}-{high:g}".strip()
            return level

        rows = [
            {"strategy": s.name, "basis": s.basis, **{c: cell(s, c) for c in self.matrix.criterion_names}}
            for s in self.matrix.strategies
        ]
        frame = pd.DataFrame(rows, columns=["strategy", "basis", *self.matrix.criterion_names])
        return frame if self.matrix.shows_basis else frame.drop(columns="basis")

    def sections(self) -> list[Section]:
        m = self.matrix
        scale = f"; scale [{m.scale[0]:g}, {m.scale[1]:g}]" if m.scale else ""
        head = f"{m.actor}: decision matrix from {m.data_label}{scale}"
        objectives = ", ".join(f"{c.name} ({c.objective})" for c in m.criteria)
        basis = (
            []
            if not (m.shows_basis or m.has_ranges or any(s.certainty for s in m.strategies))
            else [
                Section(
                    f"{m.actor} basis",
                    f"{head}; basis of each strategy (stated or inferred) and each score's certainty "
                    "(stated, implied or judgement, with its range)"
                    + (f"; weights: {m.weights_rationale}" if m.weights_rationale else ""),
                    self.basis,
                ),
            ]
        )
        return [
            Section(
                f"{m.actor} criteria", f"{head}; criteria and normalised weights ({m.weights_source})", self.criteria
            ),
            Section(
                f"{m.actor} scores",
                f"{head}; objectives {objectives}; weights {format_weights(m.weights, m.weights_source)}",
                self.scores,
            ),
            *basis,
        ]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        return self.to_table(provenance).to_pandas()

    def to_dict(self) -> dict[str, Any]:
        m = self.matrix
        return {
            "actor": m.actor,
            "file": m.file_name,
            "scale": list(m.scale) if m.scale else None,
            "weights_source": m.weights_source,
            "weights_rationale": m.weights_rationale,
            "criteria": [
                {"name": c.name, "objective": c.objective, "weight": m.weights[c.name], "description": c.description}
                for c in m.criteria
            ],
            "strategies": [
                {
                    "name": s.name,
                    "basis": s.basis,
                    "reasoning": s.reasoning,
                    "scores": dict(s.scores),
                    "ranges": {c: list(r) for c, r in s.ranges.items()},
                    "certainty": dict(s.certainty),
                    "source": s.source,
                    "rationale": s.rationale if isinstance(s.rationale, str) else dict(s.rationale),
                }
                for s in m.strategies
            ],
        }


def show(
    source: MatrixSource = None, *, selection: Selection | None = None, **fields: Unpack[SelectionFields]
) -> MatrixView:
    """The decision matrix of one actor (by name, alias or file stem), weighted by ``profile`` then ``weights``,
    with ``scenario``'s scores if one is named."""
    return MatrixView(Selection.of(source, selection, **fields).matrix())


@dataclass(frozen=True)
class Overview(Result):
    """Actors, their files, number of strategies and criteria (``decide list``).

    Held as a plain :class:`~decide.rendering.result.Table`, so listing never imports pandas;
    ``frame`` and ``to_frame()`` give the DataFrame.
    """

    table: Table

    @property
    def frame(self) -> pd.DataFrame:
        return self.table.to_pandas()

    def sections(self) -> list[Section]:
        return [Section("actors", f"{len(self.table)} decision matrices", self.table)]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        return self.frame

    def to_dict(self) -> dict[str, Any]:
        return {"actors": [dict(zip(self.table.columns, row, strict=True)) for row in self.table.rows]}


def overview(source: MatrixSource = None) -> Overview:
    """One row per actor: actor, file, number of strategies, criteria names (``.frame``)."""
    matrices = resolve_matrices(source)
    return Overview(
        Table(
            ["actor", "file", "strategies", "criteria"],
            [(m.actor, m.file_name, len(m.strategies), ", ".join(m.criterion_names)) for m in matrices],
        )
    )
