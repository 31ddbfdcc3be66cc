"""The decision matrix of one actor: criteria, strategies, scores and provenance.

>>> m = Matrix(
...     actor="Example",
...     criteria=(Criterion("gain", "max", 3.0), Criterion("cost", "min", 1.0)),
...     strategies=(Strategy("A", {"gain": 5, "cost": 2}), Strategy("B", {"gain": 3, "cost": 1})),
... )
>>> m.weights
{'gain': 0.75, 'cost': 0.25}
>>> m.to_frame().loc["B"].to_dict()
{'gain': 3.0, 'cost': 1.0}
>>> m.dominators()
{}
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from decide.errors import UnknownNameError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import skcriteria

Objective = Literal["max", "min"]

#: Strategies compared at once when looking for dominance: keeps the n x n x m
#: boolean blocks to a few megabytes whatever the size of the matrix.
DOMINANCE_BLOCK = 256


@dataclass(frozen=True)
class Criterion:
    """A criterion: its name, whether more (``max``) or less (``min``) is better, its weight."""

    name: str
    objective: Objective
    weight: float
    description: str = ""


@dataclass(frozen=True)
class Strategy:
    """One option of an actor, its score on every criterion and where it came from."""

    name: str
    scores: Mapping[str, float]
    source: str = ""
    rationale: Mapping[str, str] | str = ""


@dataclass(frozen=True)
class Matrix:
    """The decision matrix of one actor.

    ``weights`` are the criteria weights normalised to sum to 1; ``path`` is the
    file the matrix was read from, if any.
    """

    actor: str
    criteria: tuple[Criterion, ...]
    strategies: tuple[Strategy, ...]
    aliases: tuple[str, ...] = ()
    scale: tuple[float, float] | None = None
    path: Path | None = field(default=None, compare=False)

    @property
    def criterion_names(self) -> list[str]:
        return [criterion.name for criterion in self.criteria]

    @property
    def strategy_names(self) -> list[str]:
        return [strategy.name for strategy in self.strategies]

    @property
    def objectives(self) -> list[Objective]:
        return [criterion.objective for criterion in self.criteria]

    @property
    def weights(self) -> dict[str, float]:
        """Criteria weights normalised to sum to 1, in criteria order.

        Rounded to 12 decimals, so that multiplying every weight by a constant gives
        exactly the same normalised weights (division alone leaves float noise that can
        tip a method's threshold, such as ELECTRE II's concordance levels).
        """
        total = math.fsum(criterion.weight for criterion in self.criteria)
        return {criterion.name: round(criterion.weight / total, 12) for criterion in self.criteria}

    @property
    def file_name(self) -> str:
        """The file name the matrix came from, or ``"<actor>"`` when built in memory."""
        return self.path.name if self.path is not None else f"<{self.actor}>"

    @property
    def label(self) -> str:
        """How messages name this matrix: its path, or the actor when built in memory."""
        return str(self.path) if self.path is not None else self.actor

    def matches(self, name: str) -> bool:
        """Whether ``name`` is this actor's name, an alias or the file stem (any case)."""
        wanted = name.casefold().strip()
        names = [self.actor, *self.aliases]
        if self.path is not None:
            names.append(self.path.stem)
        return any(wanted == candidate.casefold() for candidate in names)

    def with_criterion_weights(self, weights: Mapping[str, float]) -> Matrix:
        """A copy with these raw weights set, unchecked (:func:`decide.specs.apply_weights` checks)."""
        criteria = tuple(replace(c, weight=float(weights.get(c.name, c.weight))) for c in self.criteria)
        return replace(self, criteria=criteria)

    def without(self, strategies: set[str]) -> Matrix:
        """A copy without the named strategies."""
        return replace(self, strategies=tuple(s for s in self.strategies if s.name not in strategies))

    def criterion(self, name: str) -> Criterion:
        """The criterion called ``name``; an :class:`UnknownNameError` lists the valid ones."""
        for criterion in self.criteria:
            if criterion.name == name:
                return criterion
        valid = ", ".join(self.criterion_names)
        raise UnknownNameError(f"{self.label}: unknown criterion '{name}'; choose from: {valid}")

    def to_array(self) -> np.ndarray:
        """The scores as a float array, strategies x criteria (file order)."""
        import numpy as np

        return np.array(
            [[float(s.scores[c]) for c in self.criterion_names] for s in self.strategies], dtype=float
        ).reshape(len(self.strategies), len(self.criteria))

    def cost_mask(self) -> np.ndarray:
        """A boolean per criterion: True where less is better (``min``)."""
        import numpy as np

        return np.array([o == "min" for o in self.objectives], dtype=bool)

    def weight_array(self) -> np.ndarray:
        """The normalised weights as a float array, in criteria order."""
        import numpy as np

        return np.array(list(self.weights.values()), dtype=float)

    def to_frame(self) -> pd.DataFrame:
        """The scores as a DataFrame: one row per strategy, one column per criterion."""
        import pandas as pd

        return pd.DataFrame(
            self.to_array(),
            index=pd.Index(self.strategy_names, name="strategy"),
            columns=self.criterion_names,
        )

    def to_skcriteria(self) -> skcriteria.DecisionMatrix:
        """This matrix as a scikit-criteria DecisionMatrix (alternatives = strategies)."""
        import skcriteria

        return skcriteria.mkdm(
            matrix=self.to_array(),
            objectives=[max if o == "max" else min for o in self.objectives],
            weights=list(self.weights.values()),
            alternatives=self.strategy_names,
            criteria=self.criterion_names,
        )

    def __str__(self) -> str:
        from decide.views import MatrixView

        return str(MatrixView(self))

    def _repr_html_(self) -> str:
        from decide.views import MatrixView

        return MatrixView(self)._repr_html_()

    def dominators(self) -> dict[str, list[str]]:
        """For each Pareto-dominated strategy, the strategies of the same actor that dominate it.

        A strategy dominates another when it is at least as good on every criterion and
        strictly better on one; weights play no part. Computed with numpy in blocks of
        :data:`DOMINANCE_BLOCK` strategies, so memory stays flat on large matrices.
        """
        import numpy as np

        table = self.to_array()
        oriented = np.where(self.cost_mask(), -table, table)  # more is better everywhere
        names = self.strategy_names
        found: dict[str, list[str]] = {}
        for start in range(0, len(oriented), DOMINANCE_BLOCK):
            block = oriented[start : start + DOMINANCE_BLOCK]
            # dominates[i, j]: strategy j (all) dominates strategy start + i
            at_least = (oriented[None, :, :] >= block[:, None, :]).all(axis=2)
            better = (oriented[None, :, :] > block[:, None, :]).any(axis=2)
            dominates = np.asarray(at_least & better)
            for row in np.flatnonzero(dominates.any(axis=1)):
                found[names[start + row]] = [names[j] for j in np.flatnonzero(dominates[row])]
        return found
