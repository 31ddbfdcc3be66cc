"""Several analysts, one ranking: the group matrix of their copies (each score the median, its range
the analysts' spread, a rationale saying who scored what, the weights by AIP), where they disagree
most, how far their weight orderings agree (Kendall's W) and how far each one's own ranking is from
the group's (Kendall's tau). The group matrix is a :class:`~decide.core.model.Matrix`: every verb
takes it, and ``decide group -o group.yaml`` writes it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decide.analysis.actor_ranking import ActorRanking, rank_matrix
from decide.core.errors import SpecError
from decide.core.model import Criterion, Matrix, Strategy
from decide.core.panel import Analyst, Panel
from decide.core.tables import Section
from decide.io.group import check_copies, load_copies
from decide.methods import DEFAULT_METHOD, get_method
from decide.methods.base import Method
from decide.rendering.result import Result
from decide.weights.group import aip, kendall_w

if TYPE_CHECKING:
    import pandas as pd

AGGREGATES = ("median", "mean", "geomean")
SPREADS = ("minmax", "iqr")
#: Disagreement rows the text table shows (the JSON, CSV and DataFrame hold them all).
SHOWN = 10
_LEVELS = ("stated", "implied", "judgement")


def _aggregate(values: list[float], how: str, where: str) -> float:
    import numpy as np

    if how == "median":
        value = float(np.median(values))
    elif how == "mean":
        value = float(np.mean(values))
    else:
        if min(values) <= 0:
            raise SpecError(f"{where}: geomean needs scores above 0; use --aggregate median or mean", field="aggregate")
        value = float(np.exp(np.mean(np.log(values))))
    return round(value, 6)


def _spread(values: list[float], how: str, value: float) -> tuple[float, float]:
    import numpy as np

    low, high = (
        (min(values), max(values)) if how == "minmax" else tuple(float(x) for x in np.percentile(values, [25, 75]))
    )
    return round(min(low, value), 6), round(max(high, value), 6)


def _who(names: list[str], values: list[float]) -> str:
    return ", ".join(f"{name} {value:g}" for name, value in zip(names, values, strict=True))


def group_matrix(
    copies: list[Matrix], names: list[str], aggregate: str = "median", spread: str = "minmax", tolerance: float = 2.0
) -> Matrix:
    """The group's matrix: each score the ``aggregate`` of the analysts' scores, its range their
    ``spread`` (when they differ; else the analysts' own ranges, if any), certainty ``judgement`` where
    their scores lie more than ``tolerance`` apart, a rationale listing who scored what, and the
    criteria weighted by AIP (:func:`decide.weights.group.aip`)."""
    if aggregate not in AGGREGATES:
        raise SpecError(f"unknown aggregate '{aggregate}'; choose from: {', '.join(AGGREGATES)}", field="aggregate")
    if spread not in SPREADS:
        raise SpecError(f"unknown spread '{spread}'; choose from: {', '.join(SPREADS)}", field="spread")
    if not (isinstance(tolerance, (int, float)) and math.isfinite(tolerance) and tolerance >= 0):
        raise SpecError(f"is {tolerance!r}; give a number >= 0 (score points)", field="tolerance")
    check_copies(copies)
    first = copies[0]
    weights = aip([c.weights for c in copies])
    criteria = tuple(Criterion(c.name, c.objective, weights[c.name], c.description) for c in first.criteria)
    by_name = [{s.name: s for s in copy.strategies} for copy in copies]
    strategies = []
    for strategy in first.strategies:
        theirs = [found[strategy.name] for found in by_name]
        scores: dict[str, float] = {}
        ranges: dict[str, tuple[float, float]] = {}
        certainty: dict[str, str] = {}
        rationale: dict[str, str] = {}
        for criterion in first.criterion_names:
            values = [float(s.scores[criterion]) for s in theirs]
            value = _aggregate(values, aggregate, f"strategy '{strategy.name}', criterion '{criterion}'")
            scores[criterion] = value
            if max(values) > min(values):
                ranges[criterion] = _spread(values, spread, value)
            else:
                own = [s.ranges[criterion] for s in theirs if criterion in s.ranges]
                if own:
                    ranges[criterion] = (min(r[0] for r in own), max(r[1] for r in own))
            levels = [s.certainty.get(criterion, "") for s in theirs]
            level = max(levels, key=lambda x: _LEVELS.index(x) if x in _LEVELS else -1)
            if max(values) - min(values) > tolerance:
                level = "judgement"
            if level == "judgement" and criterion not in ranges:
                level = "implied"
            if level:
                certainty[criterion] = level
            rationale[criterion] = f"{aggregate} {value:g} of {_who(names, values)}"
        strategies.append(
            Strategy(
                strategy.name, scores, strategy.source, rationale, strategy.basis, strategy.reasoning, ranges, certainty
            )
        )
    return Matrix(
        actor=first.actor,
        criteria=criteria,
        strategies=tuple(strategies),
        aliases=first.aliases,
        scale=first.scale,
        weights_rationale=f"The group of {len(copies)} analysts ({', '.join(names)}): each score the {aggregate} "
        f"of theirs, its range their {'spread' if spread == 'minmax' else 'interquartile range'}"
        "; weights the geometric mean of their normalised weights (AIP, Forman and Peniwati 1998).",
        weights_source=f"AIP of {len(copies)} analysts",
        basis_given=first.shows_basis,
        group=Panel(
            tuple(
                Analyst(
                    name,
                    {c.name: c.weight for c in copy.criteria},
                    {s.name: dict(s.scores) for s in copy.strategies},
                )
                for name, copy in zip(names, copies, strict=True)
            ),
            aggregate,
            spread,
            float(tolerance),
        ),
    )


@dataclass(frozen=True)
class GroupResult(Result):
    """The group matrix, its ranking, the disagreement table and the agreement measures."""

    matrix: Matrix
    names: tuple[str, ...]
    copies: tuple[Matrix, ...]
    method: Method
    ranking: ActorRanking
    taus: dict[str, float | None]
    kendall_w: float | None
    aggregate: str = "median"
    spread: str = "minmax"
    tolerance: float = 2.0
    #: the heading of the group's weights: by AIP, or (a group file ranked with other weights) as ranked
    weights_label: str = "group (AIP)"

    @property
    def disagreement(self) -> pd.DataFrame:
        """Every score: strategy, criterion, the analysts' spread (max - min), the group value and each
        analyst's value; widest spread first (file order among equals)."""
        import pandas as pd

        rows = []
        for strategy in self.matrix.strategies:
            for criterion in self.matrix.criterion_names:
                values = [
                    next(s for s in c.strategies if s.name == strategy.name).scores[criterion] for c in self.copies
                ]
                rows.append(
                    {
                        "strategy": strategy.name,
                        "criterion": criterion,
                        "spread": max(values) - min(values),
                        "group": strategy.scores[criterion],
                        **dict(zip(self.names, values, strict=True)),
                    }
                )
        frame = pd.DataFrame(rows)
        return frame.sort_values("spread", ascending=False, kind="stable").reset_index(drop=True)

    @property
    def weights(self) -> pd.DataFrame:
        """Criterion, each analyst's normalised weight and the group's (AIP)."""
        import pandas as pd

        return pd.DataFrame(
            {
                "criterion": self.matrix.criterion_names,
                **{
                    name: [round(c.weights[k], 4) for k in self.matrix.criterion_names]
                    for name, c in zip(self.names, self.copies, strict=True)
                },
                self.weights_label: [round(w, 4) for w in self.matrix.weights.values()],
            }
        )

    @property
    def agreement(self) -> pd.DataFrame:
        """Per analyst: their own first strategy and Kendall's tau of their ranking against the group's."""
        import pandas as pd

        tops = [rank_matrix(c, self.method).top for c in self.copies]
        return pd.DataFrame(
            {"analyst": list(self.names), "own first": tops, "tau vs group": [self.taus[n] for n in self.names]}
        )

    def sections(self) -> list[Section]:
        from decide.analysis.ranking import Ranking

        m = self.matrix
        w = (
            "undefined (no analyst weighs one criterion above another)"
            if self.kendall_w is None
            else f"{self.kendall_w:.3f} (1 = the same order)"
        )
        head = f"{m.actor}: group of {len(self.copies)} analysts ({', '.join(self.names)})"
        table = self.disagreement
        shown = table[table["spread"] > 0].copy()
        for column in shown.columns[2:]:  # scores as written: 6, 6.5
            shown[column] = [f"{v:g}" for v in shown[column]]
        note = (
            f"{len(shown) - SHOWN} more scores differ (--format csv or json lists every score)."
            if len(shown) > SHOWN
            else ""
        )
        if shown.empty:
            note = "The analysts gave every score the same value."
        return [
            Section(
                "weights",
                f"{head}; normalised weights, the group's "
                f"{'by AIP (geometric mean)' if self.weights_label == 'group (AIP)' else 'as ranked'}; Kendall's W "
                f"of the weight orderings {w}",
                self.weights,
            ),
            Section(
                "disagreement",
                f"{head}; where the analysts disagree: the widest spreads first, each "
                f"analyst's score and the group's {self.aggregate}",
                shown.head(SHOWN),
                note,
            ),
            Section(
                "agreement",
                f"{head}; each analyst's own ranking ({self.method.title}) against the "
                "group's: Kendall's tau (1 = the same order, -1 = reversed)",
                self.agreement,
            ),
            *Ranking(self.method, (self.ranking,)).sections(),
        ]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        return self.disagreement

    def write(self, path: str | os.PathLike[str], *, inputs: Sequence[str | os.PathLike[str]] = ()) -> str:
        """Write ``path``: a ``.yaml`` or ``.yml`` file gets the group matrix (with its analysts, so
        that ``decide report`` on it says where they disagree); any other suffix the tables, as
        :func:`decide.export` writes them. ``inputs`` are never overwritten; returns what was written."""
        if Path(path).suffix.casefold() not in (".yaml", ".yml"):
            from decide.rendering.formats import export

            return str(export(self, path, inputs=inputs))
        from decide.io.write import write_matrix

        header = (
            f"The group matrix of {', '.join(self.names)} (decide group, {self.aggregate}, {self.spread}); "
            "each rationale says who scored what, and 'group' keeps each analyst's scores and weights."
        )
        return write_matrix(self.matrix, path, header=header, inputs=tuple(inputs))

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.matrix.actor,
            "analysts": list(self.names),
            "aggregate": self.aggregate,
            "spread": self.spread,
            "tolerance": self.tolerance,
            "method": self.method.name,
            "weights": {n: dict(c.weights) for n, c in zip(self.names, self.copies, strict=True)},
            "group_weights": dict(self.matrix.weights),
            "kendall_w": self.kendall_w,
            "tau": dict(self.taus),
            "disagreement": self.disagreement.to_dict(orient="records"),
            "ranking": [
                {"rank": int(r.rank), "strategy": r.strategy, "score": float(r.score)}
                for r in self.ranking.table.itertuples()
            ],
        }


def _tau(mine: ActorRanking, group: ActorRanking) -> float | None:
    from scipy.stats import kendalltau

    order = list(group.table["strategy"])
    a = [float(mine.table.set_index("strategy")["rank"][s]) for s in order]
    b = [float(group.table.set_index("strategy")["rank"][s]) for s in order]
    if len(set(a)) < 2 or len(set(b)) < 2:
        return None
    value = float(kendalltau(a, b).statistic)
    return round(value, 4) if math.isfinite(value) else None


def copies_of(matrix: Matrix) -> list[Matrix]:
    """Each analyst's copy of a group matrix, rebuilt from its ``group:`` block (its
    :class:`~decide.core.panel.Panel`): their weights and scores, the group's criteria and strategies."""
    if matrix.group is None:
        raise SpecError(
            f"{matrix.label}: not a group matrix (no 'group' block); make one with decide group FILE... -o FILE.yaml",
            field="matrix",
        )
    return [
        replace(
            matrix,
            criteria=tuple(replace(c, weight=analyst.weights[c.name]) for c in matrix.criteria),
            strategies=tuple(Strategy(s.name, dict(analyst.scores[s.name])) for s in matrix.strategies),
            path=None,
            profiles=(),
            weights_source="file",
            group=None,
        )
        for analyst in matrix.group.analysts
    ]


def regroup(matrix: Matrix, method: str | Method = DEFAULT_METHOD) -> GroupResult:
    """Where the analysts behind a group matrix disagree, from the matrix alone (a group file read
    back, or one ranked with other weights): its scores and weights as they are, each analyst's copy
    from its ``group:`` block; taus against the matrix's own ranking by ``method``."""
    copies = copies_of(matrix)
    assert matrix.group is not None  # copies_of says so
    chosen = get_method(method)
    ranking = rank_matrix(matrix, chosen)
    names = list(matrix.group.names)
    taus = {name: _tau(rank_matrix(copy, chosen), ranking) for name, copy in zip(names, copies, strict=True)}
    by_aip = aip([c.weights for c in copies])
    label = "group (AIP)" if all(abs(by_aip[k] - v) < 1e-5 for k, v in matrix.weights.items()) else "group"
    return GroupResult(
        matrix,
        tuple(names),
        tuple(copies),
        chosen,
        ranking,
        taus,
        kendall_w([c.weights for c in copies]),
        matrix.group.aggregate,
        matrix.group.spread,
        matrix.group.tolerance,
        label,
    )


def group(
    sources: Any,
    *,
    aggregate: str = "median",
    spread: str = "minmax",
    tolerance: float = 2.0,
    method: str | Method = DEFAULT_METHOD,
    names: list[str] | None = None,
) -> GroupResult:
    """The group of analysts' copies of one matrix: ``sources`` is a folder, a list of files, or a
    list of :class:`~decide.core.model.Matrix` (then ``names`` names the analysts). One group matrix
    (a file ``decide group -o`` wrote) gives its analysts' disagreement again (:func:`regroup`)."""
    single = sources[0] if isinstance(sources, (list, tuple)) and len(sources) == 1 else sources
    if isinstance(single, Matrix) and single.group is not None:
        return regroup(single, method)
    if isinstance(single, (str, Path)) and Path(single).is_file():
        from decide.io.load import load_file

        loaded = load_file(Path(single))
        if len(loaded) == 1 and loaded[0].group is not None:
            return regroup(loaded[0], method)
    if isinstance(sources, (str, Path)) or (
        isinstance(sources, list) and sources and not isinstance(sources[0], Matrix)
    ):
        copies, found = load_copies(sources)
    else:
        copies = list(sources)
        found = names or [f"analyst {i}" for i in range(1, len(copies) + 1)]
        if len(copies) < 2:
            raise SpecError("a group needs two or more analysts' copies", field="sources")
    if names is not None:
        if len(names) != len(copies):
            raise SpecError(f"{len(names)} names for {len(copies)} copies; name each analyst once", field="names")
        found = list(names)
    chosen = get_method(method)
    matrix = group_matrix(copies, found, aggregate, spread, tolerance)
    ranking = rank_matrix(matrix, chosen)
    taus = {name: _tau(rank_matrix(copy, chosen), ranking) for name, copy in zip(found, copies, strict=True)}
    return GroupResult(
        replace(matrix),
        tuple(found),
        tuple(copies),
        chosen,
        ranking,
        taus,
        kendall_w([c.weights for c in copies]),
        aggregate,
        spread,
        tolerance,
    )


__all__ = ["AGGREGATES", "SPREADS", "GroupResult", "copies_of", "group", "group_matrix", "regroup"]
