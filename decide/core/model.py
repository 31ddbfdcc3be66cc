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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from decide.core.defaults import DEFAULT_WEIGHTING
from decide.core.errors import UnknownNameError
from decide.core.suggest import did_you_mean

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import skcriteria

    from decide.core.panel import Panel

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
    basis: str = "stated"
    """``stated`` (the articles advise this actor to do it) or ``inferred`` (see ``reasoning``)."""
    reasoning: str = ""
    """Why an ``inferred`` strategy is this actor's to carry out (one line)."""
    ranges: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    """criterion -> (low, high) for scores the text does not pin down; absent = exact."""
    certainty: Mapping[str, str] = field(default_factory=dict)
    """criterion -> ``stated`` | ``implied`` | ``judgement``: how far the text supports the score."""

    def score_range(self, criterion: str) -> tuple[float, float]:
        """The (low, high) range of one score; an exact score gives (value, value).

        >>> Strategy("A", {"cost": 5.0}, ranges={"cost": (3.0, 7.0)}).score_range("cost")
        (3.0, 7.0)
        >>> Strategy("A", {"cost": 5.0}).score_range("cost")
        (5.0, 5.0)
        """
        value = float(self.scores[criterion])
        return tuple(self.ranges.get(criterion, (value, value)))  # type: ignore[return-value]


@dataclass(frozen=True)
class Profile:
    """A named set of weights kept with the data: numbers by criterion, or an importance ordering.

    ``weights`` is a mapping (criteria not named keep their file proportions) or an ordering
    such as ``"deterrence>stability=risk>cost"`` turned into weights by ``weighting``
    (``roc``, ``rs`` or ``rr``); ``source`` cites where the posture comes from.
    """

    name: str
    weights: Mapping[str, float] | str
    rationale: str = ""
    source: str = ""
    weighting: str = DEFAULT_WEIGHTING


class Dominators(Mapping[str, list[str]]):
    """Dominated strategy -> the strategies that dominate it (file order), read-only.

    Behaves as a dict of lists, but keeps the pairs as two integer arrays and builds a
    list only when it is asked for: a 10,000-strategy matrix can have ten million pairs.

    >>> d = Dominators(["A", "B", "C"], [1, 2], [0, 1], [0, 0, 1])
    >>> dict(d), "C" in d, d.get("A")
    ({'B': ['A'], 'C': ['A', 'B']}, True, None)
    """

    def __init__(self, names: Sequence[str], losers: Any, starts: Any, winners: Any):
        import numpy as np

        self._names = list(names)
        self._row = {self._names[int(loser)]: row for row, loser in enumerate(losers)}
        self._bounds = [*map(int, starts), len(winners)]
        self._winners = np.asarray(winners)
        self.pairs = len(winners)
        """How many (dominated, dominator) pairs there are."""

    #: Above this many pairs, exports list each strategy's first :data:`LISTED` dominators and a count.
    COMPACT_PAIRS = 10_000
    #: Dominators an export names per strategy when the pairs are compacted.
    LISTED = 5

    @property
    def compact(self) -> bool:
        """Whether exports shorten the lists (more than :data:`COMPACT_PAIRS` pairs)."""
        return self.pairs > self.COMPACT_PAIRS

    def count(self, name: str) -> int:
        """How many strategies dominate ``name`` (0 if none)."""
        row = self._row.get(name)
        return 0 if row is None else self._bounds[row + 1] - self._bounds[row]

    def listed(self, name: str) -> list[str]:
        """The dominators of ``name`` an export names: all, or the first :data:`LISTED` when compact."""
        row = self._row.get(name)
        if row is None:
            return []
        end = self._bounds[row + 1] if not self.compact else min(self._bounds[row + 1], self._bounds[row] + self.LISTED)
        return [self._names[w] for w in self._winners[self._bounds[row] : end].tolist()]

    def listed_text(self, name: str) -> str:
        """``A, B`` or, when compact, ``A, B, C, D, E and 9,995 more (decide rank --dominance lists all)``."""
        names = self.listed(name)
        more = self.count(name) - len(names)
        text = ", ".join(names)
        return f"{text} and {more:,} more (decide rank --dominance lists all)" if more > 0 else text

    def __getitem__(self, name: str) -> list[str]:
        row = self._row[name]
        names = self._names
        return [names[w] for w in self._winners[self._bounds[row] : self._bounds[row + 1]].tolist()]

    def __contains__(self, name: object) -> bool:
        return name in self._row

    def __iter__(self) -> Iterator[str]:
        return iter(self._row)

    def __len__(self) -> int:
        return len(self._row)

    def __repr__(self) -> str:  # a dict's, unless it would run to pages
        if self.pairs <= 200:
            return repr(dict(self))
        return f"<Dominators: {len(self):,} dominated strategies, {self.pairs:,} pairs>"


@dataclass(frozen=True)
class Matrix:
    """The decision matrix of one actor.

    ``weights`` are the criteria weights normalised to sum to 1; ``path`` is the
    file the matrix was read from, if any; ``weights_source`` says where the weights
    came from (``file``, ``profile 'hawkish'``, an override, an ordering and its rule, ...),
    and every caption and JSON output that shows weights repeats it.
    """

    actor: str
    criteria: tuple[Criterion, ...]
    strategies: tuple[Strategy, ...]
    aliases: tuple[str, ...] = ()
    scale: tuple[float, float] | None = None
    path: Path | None = field(default=None, compare=False)
    weights_rationale: str = ""
    """One line on why the default weights are this actor's (grounded in the articles)."""
    filters: tuple[str, ...] = field(default=(), compare=False)
    """What was left out of the file's strategies (``inferred strategies left out``), for captions."""
    profiles: tuple[Profile, ...] = field(default=(), compare=False)
    weights_source: str = field(default="file", compare=False)
    #: the scenario applied to the scores (:mod:`decide.analysis.scenarios`), ``None`` for the matrix as scored
    scenario: str | None = None
    #: ``draft: true`` in the file: drafted by ``decide extract``, scores not yet reviewed
    draft: bool = field(default=False, compare=False)
    #: the file marks some strategy's ``basis`` (stated or inferred): tables then show the basis column
    basis_given: bool = field(default=False, compare=False)
    #: a group matrix's analysts (``decide group -o``): their scores and weights, for the report
    group: Panel | None = field(default=None, compare=False)

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
        """The file name the matrix came from, ``"<group of kim, lee, park>"`` for a group matrix
        built in memory, or ``"<actor>"`` for any other built in memory."""
        if self.path is not None:
            return self.path.name
        if self.group is not None:
            return f"<group of {', '.join(self.group.names)}>"
        return f"<{self.actor}>"

    @property
    def data_label(self) -> str:
        """How captions name the data: the file name, and the scenario if one is applied."""
        return self.file_name + (f", scenario {self.scenario}" if self.scenario else "")

    @property
    def label(self) -> str:
        """How messages name this matrix: its path (``shipped matrices/russia.yaml`` for a
        shipped one), or the actor when built in memory."""
        if self.path is None:
            return self.actor
        from decide.core.paths import shipped_label

        return shipped_label(self.path)

    def matches(self, name: str) -> bool:
        """Whether ``name`` is this actor's name, an alias or the file stem (any case)."""
        wanted = name.casefold().strip()
        names = [self.actor, *self.aliases]
        if self.path is not None:
            names.append(self.path.stem)
        return any(wanted == candidate.casefold() for candidate in names)

    def with_criterion_weights(self, weights: Mapping[str, float], source: str | None = None) -> Matrix:
        """A copy with these raw weights set, unchecked (:func:`decide.weights.spec.apply_weights` checks);
        ``source`` says where they came from (kept as it was when ``None``)."""
        criteria = tuple(replace(c, weight=float(weights.get(c.name, c.weight))) for c in self.criteria)
        return replace(self, criteria=criteria, weights_source=self.weights_source if source is None else source)

    def profile(self, name: str) -> Profile:
        """The profile called ``name`` (any case); an :class:`UnknownNameError` lists the profiles."""
        for profile in self.profiles:
            if profile.name.casefold() == name.strip().casefold():
                return profile
        if not self.profiles:
            raise UnknownNameError(f"{self.label}: unknown profile '{name}'; this matrix has no profiles")
        names = [p.name for p in self.profiles]
        raise UnknownNameError(
            f"{self.label}: unknown profile '{name}'{did_you_mean(name, names)}; choose from: {', '.join(names)}"
        )

    def without(self, strategies: set[str], why: str = "") -> Matrix:
        """A copy without the named strategies; ``why`` is recorded in ``filters`` for captions."""
        kept = tuple(s for s in self.strategies if s.name not in strategies)
        return replace(self, strategies=kept, filters=(*self.filters, why) if why else self.filters)

    def stated_only(self) -> Matrix:
        """A copy without the strategies whose basis is ``inferred`` (the articles advise the rest).

        An :class:`~decide.core.errors.MatrixError` says so when nothing would be left.
        """
        from decide.core.errors import MatrixError

        kept = self.without({s.name for s in self.strategies if s.basis != "stated"}, "inferred strategies left out")
        if not kept.strategies:
            raise MatrixError([f"{self.label}: every strategy is inferred, so stated_only leaves nothing to rank"])
        return kept

    @property
    def shows_basis(self) -> bool:
        """Whether tables show each strategy's basis: the file uses ``basis``, or a strategy is inferred."""
        return self.basis_given or any(s.basis != "stated" for s in self.strategies)

    @property
    def has_ranges(self) -> bool:
        """Whether any score is given as a range (a judgement the text does not pin down)."""
        return any(s.ranges for s in self.strategies)

    def range_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The low and high ends of every score (strategies x criteria); exact scores give the value twice."""
        import numpy as np

        names = self.criterion_names
        low = np.array([[s.score_range(c)[0] for c in names] for s in self.strategies], dtype=float)
        high = np.array([[s.score_range(c)[1] for c in names] for s in self.strategies], dtype=float)
        return low.reshape(len(self.strategies), len(names)), high.reshape(len(self.strategies), len(names))

    def criterion(self, name: str) -> Criterion:
        """The criterion called ``name`` (exact, else any case); an :class:`UnknownNameError`
        lists the valid ones, with a suggestion for a typo."""
        for criterion in self.criteria:
            if criterion.name == name:
                return criterion
        for criterion in self.criteria:
            if criterion.name.casefold() == name.strip().casefold():
                return criterion
        valid = ", ".join(self.criterion_names)
        hint = did_you_mean(name, self.criterion_names)
        raise UnknownNameError(f"{self.label}: unknown criterion '{name}'{hint}; choose from: {valid}")

    def to_array(self) -> np.ndarray:
        """The scores as a float array, strategies x criteria (file order)."""
        import numpy as np

        cached = self.__dict__.get("_array")
        if cached is None:  # built once (a frozen matrix never changes); callers get a copy
            names = self.criterion_names
            cached = np.array([list(map(s.scores.__getitem__, names)) for s in self.strategies], dtype=float).reshape(
                len(self.strategies), len(self.criteria)
            )
            self.__dict__["_array"] = cached
        return cached.copy()

    def cost_mask(self) -> np.ndarray:
        """A boolean per criterion: True where less is better (``min``)."""
        import numpy as np

        return np.array([o == "min" for o in self.objectives], dtype=bool)

    def weight_array(self) -> np.ndarray:
        """The normalised weights as a float array, in criteria order."""
        import numpy as np

        return np.array(list(self.weights.values()), dtype=float)

    def to_frame(self) -> pd.DataFrame:
        """The scores as a DataFrame: one row per strategy, one column per criterion; ``attrs`` holds
        the actor, objectives, weights and scale, so that :meth:`from_frame` gives this matrix back."""
        import pandas as pd

        frame = pd.DataFrame(
            self.to_array(),
            index=pd.Index(self.strategy_names, name="strategy"),
            columns=self.criterion_names,
        )
        frame.attrs = {
            "actor": self.actor,
            "objectives": dict(zip(self.criterion_names, self.objectives, strict=True)),
            "weights": {c.name: c.weight for c in self.criteria},
            "scale": self.scale,
        }
        return frame

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        objectives: Mapping[str, str] | str | None = None,
        weights: Mapping[str, float] | None = None,
        actor: str | None = None,
        scale: tuple[float, float] | None = None,
    ) -> Matrix:
        """A matrix from a DataFrame: strategies in rows (the index), criteria in columns.

        ``objectives`` maps criteria to max/min (the others: max), ``weights`` maps them to numbers
        (none: equal weights, said in captions); see :func:`decide.core.frame.matrix_from_frame`.

        >>> import pandas as pd
        >>> frame = pd.DataFrame({"price": [5, 3], "quality": [7, 4]}, index=["A", "B"])
        >>> Matrix.from_frame(frame, objectives={"price": "min"}, weights={"price": 1, "quality": 3}).weights
        {'price': 0.25, 'quality': 0.75}
        """
        from decide.core.frame import matrix_from_frame

        parts = matrix_from_frame(frame, objectives, weights, actor, scale)
        parts["criteria"] = tuple(Criterion(*item) for item in parts["criteria"])
        parts["strategies"] = tuple(Strategy(*item) for item in parts["strategies"])
        return cls(**parts)

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

    def __repr__(self) -> str:
        return (
            f"<Matrix {self.actor!r}: {len(self.strategies)} strategies x {len(self.criteria)} criteria,"
            f" {self.data_label}>"
        )

    def _score_rows(self) -> tuple[list[str], list[list[str]]]:
        headers = ["strategy", *(f"{c.name} ({c.objective}, w={self.weights[c.name]:.3g})" for c in self.criteria)]
        rows = [[s.name, *(f"{s.scores[c]:g}" for c in self.criterion_names)] for s in self.strategies]
        return headers, rows

    def __str__(self) -> str:
        """The scores as a text table fitted to the terminal, under a one-line caption
        (``decide show`` and :func:`decide.show` add criteria, basis and provenance)."""
        from decide.core.layout import fit_table, terminal_width, wrap_text

        width = terminal_width()
        headers, rows = self._score_rows()
        align = ["l"] + ["r"] * len(self.criteria)
        caption = f"{self.actor}: decision matrix from {self.data_label}"
        return wrap_text(caption, width) + "\n\n" + fit_table(headers, rows, align, width)

    def _repr_html_(self) -> str:
        import html

        headers, rows = self._score_rows()
        head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        caption = html.escape(f"{self.actor}: decision matrix from {self.data_label}")
        return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def dominators(self) -> Dominators:
        """For each Pareto-dominated strategy, the strategies of the same actor that dominate it.

        A strategy dominates another when it is at least as good on every criterion and
        strictly better on one; weights play no part. Exact, and fast on large matrices:
        a dominator has a larger sum of (benefit-oriented) scores, so strategies are
        sorted by that sum and each block of :data:`DOMINANCE_BLOCK` strategies is
        compared only with those before it, on a few criteria densely, then only the
        surviving pairs on the rest. 10,000 x 50 takes about a second.
        """
        import numpy as np

        table = self.to_array()
        oriented = np.where(self.cost_mask(), -table, table)  # more is better everywhere
        names = self.strategy_names
        count, width = oriented.shape
        sums = oriented.sum(axis=1)
        order = np.argsort(-sums, kind="stable")
        ranked = oriented[order]
        ranked_sums = sums[order]
        columns = np.ascontiguousarray(ranked.T)
        # candidates of a strategy: every strategy whose sum is not smaller (a margin for rounding)
        margin = 1e-9 * max(float(np.abs(sums).max(initial=0.0)), 1.0)
        reach = np.searchsorted(-sums[order], -sums[order] + margin, side="right")
        dense = min(width, 6)
        pairs: list[np.ndarray] = []
        for start in range(0, count, DOMINANCE_BLOCK):
            stop = min(start + DOMINANCE_BLOCK, count)
            block = ranked[start:stop]
            prefix = int(reach[start:stop].max())
            mask = np.ones((stop - start, prefix), dtype=bool)
            for k in range(dense):
                mask &= columns[k, None, :prefix] >= block[:, k, None]
            rows, cands = np.nonzero(mask)
            rows = rows + start
            for k in range(dense, width):
                if not len(rows):
                    break
                keep = columns[k, cands] >= columns[k, rows]
                rows, cands = rows[keep], cands[keep]
            # At least as good everywhere and a larger sum: strictly better somewhere. Only
            # pairs with equal sums (the same scores, or float rounding) need every column.
            strict = ranked_sums[cands] > ranked_sums[rows]
            level = ~strict
            strict[level] = (ranked[cands[level]] > ranked[rows[level]]).any(axis=1)
            pairs.append(np.stack([order[rows[strict]], order[cands[strict]]], axis=1).astype(np.int32))
        both = np.concatenate(pairs) if pairs else np.empty((0, 2), dtype=np.int32)
        # sorted by dominated strategy, then dominator: one sort of a combined key (three
        # times faster than lexsort on millions of pairs)
        key = np.sort(both[:, 0].astype(np.int64) * count + both[:, 1])
        dominated = key // count
        by = (key - dominated * count).astype(np.int32)
        starts = np.flatnonzero(np.r_[True, dominated[1:] != dominated[:-1]]) if len(key) else key
        return Dominators(names, dominated[starts], starts, by)
