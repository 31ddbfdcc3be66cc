"""The analysts behind a group matrix (``decide group -o team.yaml``): each one's name, weights and
scores, and how the group's scores were made from theirs, so that the group matrix file alone can
say later where the analysts disagree (``decide report team.yaml``).

>>> kim = Analyst("kim", {"gain": 0.5, "cost": 0.5}, {"A": {"gain": 4, "cost": 2}})
>>> Panel((kim,)).names
('kim',)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Analyst:
    """One analyst's copy of the matrix: their criteria weights and, per strategy, their scores."""

    name: str
    weights: Mapping[str, float]
    scores: Mapping[str, Mapping[str, float]]


@dataclass(frozen=True)
class Panel:
    """The analysts of a group matrix and the rules that made the group's scores from theirs."""

    analysts: tuple[Analyst, ...]
    #: how each group score was made: median, mean or geomean
    aggregate: str = "median"
    #: the group score's range: minmax or iqr
    spread: str = "minmax"
    #: scores lying more than this far apart became judgements
    tolerance: float = 2.0

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(a.name for a in self.analysts)


__all__ = ["Analyst", "Panel"]
