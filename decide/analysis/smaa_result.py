"""What :func:`decide.analysis.smaa.smaa` returns: per actor an :class:`ActorSMAA`, and the
:class:`SMAAResult` that renders them.

Each actor's tallies are kept as numpy arrays; the pandas objects people use in a
notebook (:attr:`ActorSMAA.rank_acceptability`, :meth:`ActorSMAA.summary`,
:meth:`SMAAResult.to_frame`) are built the first time they are asked for. The tables
that text, Markdown, LaTeX, HTML and workbooks show, and the JSON document, are built
without pandas, so ``decide smaa`` prints without importing it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from decide.core.ranks import rank_note, score_model
from decide.core.tables import Section, Table
from decide.methods.base import Method
from decide.rendering.result import PerActor, add_provenance, data_note, format_weights, json_params

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from decide.core.model import Matrix

#: Ranks shown one by one in the terminal; later ranks are summed into one column.
COMPACT_RANKS = 10


@dataclass(frozen=True)
class ActorSMAA:
    """SMAA results of one actor; every table is indexed by strategy (file order).

    ``ranks_now`` (rank at the current weights), ``acceptability`` (strategies x ranks:
    share of draws), ``central`` (strategies x criteria, NaN for a strategy never first)
    and ``confidences`` (NaN for a strategy never first) are numpy arrays in the
    matrix's strategy and criterion order; the pandas attributes are built from them.
    """

    matrix: Matrix
    weights: dict[str, float]
    ranks_now: np.ndarray
    acceptability: np.ndarray
    central: np.ndarray
    confidences: np.ndarray

    @property
    def actor(self) -> str:
        return self.matrix.actor

    def __repr__(self) -> str:
        """As the dataclass printed it when its fields were the pandas tables."""
        shown = {
            "matrix": self.matrix,
            "weights": self.weights,
            "rank": self.rank,
            "rank_acceptability": self.rank_acceptability,
            "central_weights": self.central_weights,
            "confidence": self.confidence,
        }
        return f"{type(self).__qualname__}({', '.join(f'{k}={v!r}' for k, v in shown.items())})"

    @cached_property
    def _names(self) -> pd.Index:
        import pandas as pd

        return pd.Index(self.matrix.strategy_names, name="strategy")

    @cached_property
    def rank(self) -> pd.Series:
        """Rank of each strategy at the current weights."""
        import pandas as pd

        return pd.Series(self.ranks_now, index=self._names, name="rank now")

    @cached_property
    def rank_acceptability(self) -> pd.DataFrame:
        """Share of draws in which each strategy takes each rank (columns ``rank 1``, ...)."""
        import pandas as pd

        columns = [f"rank {r}" for r in range(1, self.acceptability.shape[1] + 1)]
        return pd.DataFrame(self.acceptability, index=self._names, columns=columns)

    @cached_property
    def central_weights(self) -> pd.DataFrame:
        """Mean weights of the draws that rank each strategy first (NaN if never first)."""
        import pandas as pd

        return pd.DataFrame(self.central, index=self._names, columns=self.matrix.criterion_names)

    @cached_property
    def confidence(self) -> pd.Series:
        """Share of score draws in which each strategy ranks first with its central weights."""
        import pandas as pd

        return pd.Series(self.confidences, index=self._names, name="confidence")

    @property
    def first_rank_acceptability(self) -> pd.Series:
        """Share of draws in which each strategy ranks first (ties included)."""
        return self.rank_acceptability["rank 1"].rename("first-rank acceptability")

    def summary(self) -> pd.DataFrame:
        """Strategy, rank at the current weights, first-rank acceptability, confidence,
        central weights; most often first at the top."""
        frame = self.central_weights.add_prefix("central ")
        frame.insert(0, "confidence", self.confidence)
        frame.insert(0, "first-rank acceptability", self.first_rank_acceptability)
        frame.insert(0, "rank now", self.rank)
        frame = frame.sort_values(["first-rank acceptability", "rank now"], ascending=[False, True], kind="stable")
        return frame.reset_index()

    def order(self) -> list[int]:
        """Strategy positions in the order of :meth:`summary`: most often first first,
        then by rank now, then in file order."""
        first, now = self.acceptability[:, 0].tolist(), self.ranks_now.tolist()
        return sorted(range(len(first)), key=lambda i: (-first[i], now[i]))

    def summary_table(self) -> Table:
        """:meth:`summary` as a :class:`Table`, a missing value (never first) shown as ``-``."""
        names = self.matrix.strategy_names
        now, first = self.ranks_now.tolist(), self.acceptability[:, 0].tolist()
        confidences, central = self.confidences.tolist(), self.central.tolist()
        columns = [
            "strategy",
            "rank now",
            "first-rank acceptability",
            "confidence",
            *(f"central {c}" for c in self.matrix.criterion_names),
        ]
        rows = [(names[i], now[i], first[i], *(_dash(v) for v in (confidences[i], *central[i]))) for i in self.order()]
        return Table(columns, rows)

    def acceptability_tables(self) -> tuple[Table, Table]:
        """The rank acceptability in the order of :meth:`summary`: every share, and as
        whole percentages under headers 1, 2, ... (beyond :data:`COMPACT_RANKS` ranks the
        rest summed in a ``10+`` column; a share of 0 left blank)."""
        names, shares, order = self.matrix.strategy_names, self.acceptability.tolist(), self.order()
        count = self.acceptability.shape[1]
        full = Table(["strategy", *(f"rank {r}" for r in range(1, count + 1))], [(names[i], *shares[i]) for i in order])
        if count > COMPACT_RANKS:
            rest = self.acceptability[:, COMPACT_RANKS - 1].copy()
            for column in range(COMPACT_RANKS, count):  # added in order, as pandas sums a row
                rest += self.acceptability[:, column]
            shown = [[*row[: COMPACT_RANKS - 1], total] for row, total in zip(shares, rest.tolist(), strict=True)]
            headers = [*map(str, range(1, COMPACT_RANKS)), f"{COMPACT_RANKS}+"]
        else:
            shown, headers = shares, [str(r) for r in range(1, count + 1)]
        percent = Table(
            ["strategy", *headers], [(names[i], *(f"{100 * s:.0f}%" if s else "" for s in shown[i])) for i in order]
        )
        return full, percent


def _dash(value: float) -> float | str:
    return "-" if math.isnan(value) else value


@dataclass(frozen=True)
class SMAAResult(PerActor[ActorSMAA]):
    """SMAA of one or more actors, with everything needed to reproduce it."""

    method: Method
    samples: int
    seed: int
    weight_model: str
    score_noise: float
    results: tuple[ActorSMAA, ...]
    score_ranges: bool = True

    def caption(self, result: ActorSMAA) -> str:
        noise = score_model(result.matrix, self.score_noise, self.score_ranges)
        return (
            f"{result.actor}: SMAA with {self.method.title}{rank_note(self.method.name)}; "
            f"{self.samples} draws, seed {self.seed}; weights {self.weight_model}; {noise}; "
            f"current weights {format_weights(result.weights, result.matrix.weights_source)}; "
            f"{data_note(result.matrix)}"
        )

    def sections(self) -> list[Section]:
        """Per actor: the summary table, then the rank acceptability indices (no pandas)."""
        sections = []
        for result in self.results:
            caption = self.caption(result)
            shown = result.summary_table()
            sections.append(
                Section(
                    f"{result.actor} SMAA",
                    f"{caption}; share of draws first, confidence factor and central weights",
                    shown,
                    compact=Table(shown.columns[:4], [row[:4] for row in shown.rows]),
                    compact_note="--wide shows the central weights (the typical weights that rank a strategy first).",
                )
            )
            acceptability, percent = result.acceptability_tables()
            sections.append(
                Section(
                    f"{result.actor} ranks",
                    f"{caption}; rank acceptability: share of draws at each rank",
                    acceptability,
                    compact=percent,
                )
            )
        return sections

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        """One row per actor and strategy: the summary, then every rank acceptability index."""
        import pandas as pd

        frames = []
        for result in self.results:
            frame = result.summary().set_index("strategy")
            frame = frame.join(result.rank_acceptability).reset_index()
            frame.insert(0, "actor", result.actor)
            if provenance:
                add_provenance(
                    frame,
                    result.matrix,
                    method=self.method.name,
                    params=self.method.describe(),
                    samples=self.samples,
                    seed=self.seed,
                    weight_model=self.weight_model,
                    score_noise=self.score_noise,
                    weights=format_weights(result.weights, result.matrix.weights_source),
                )
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def to_table(self, provenance: bool = False) -> Table:
        """:meth:`to_frame` as a :class:`Table` (a missing value is ``None``): what CSV
        writes, without pandas. Columns are the union of every actor's in order of
        appearance, as ``pandas.concat`` joins them."""
        items: list[dict[str, Any]] = []
        for result in self.results:
            names, criteria = result.matrix.strategy_names, result.matrix.criterion_names
            now, shares = result.ranks_now.tolist(), result.acceptability.tolist()
            central, confidences = result.central.tolist(), result.confidences.tolist()
            extra = {}
            if provenance:
                extra = {
                    "file": result.matrix.file_name,
                    "filters": "; ".join(result.matrix.filters),
                    "method": self.method.name,
                    "params": self.method.describe(),
                    "samples": self.samples,
                    "seed": self.seed,
                    "weight model": self.weight_model,
                    "score noise": self.score_noise,
                    "weights": format_weights(result.weights, result.matrix.weights_source),
                }
            for i in result.order():
                item = {
                    "actor": result.actor,
                    "strategy": names[i],
                    "rank now": now[i],
                    "first-rank acceptability": shares[i][0],
                    "confidence": confidences[i],
                    **{f"central {c}": v for c, v in zip(criteria, central[i], strict=True)},
                    **{f"rank {r}": v for r, v in enumerate(shares[i], start=1)},
                    **extra,
                }
                items.append({k: None if isinstance(v, float) and math.isnan(v) else v for k, v in item.items()})
        columns = list(dict.fromkeys(column for item in items for column in item))
        return Table(columns, [tuple(item.get(column) for column in columns) for item in items])

    def plot(self, actor: str | None = None, ax: Any = None) -> Any:
        """Stacked rank acceptability per strategy: a panel per actor, or ``actor``'s (needed with ``ax``)."""
        from decide.analysis.charts import smaa_stacks
        from decide.rendering.charts import plot_smaa

        return plot_smaa(smaa_stacks(self, actor, ax), ax=ax)

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method.name,
            "params": json_params(self.method),
            "samples": self.samples,
            "seed": self.seed,
            "weight_model": self.weight_model,
            "score_noise": self.score_noise,
            "score_ranges": self.score_ranges,
            "actors": [self._actor_dict(r) for r in self.results],
        }

    def _actor_dict(self, r: ActorSMAA) -> dict[str, Any]:
        criteria = r.matrix.criterion_names
        now, shares = r.ranks_now.tolist(), r.acceptability.tolist()
        central, confidences = r.central.tolist(), r.confidences.tolist()
        return {
            "actor": r.actor,
            "file": r.matrix.file_name,
            "filters": list(r.matrix.filters),
            "scores": score_model(r.matrix, self.score_noise, self.score_ranges),
            "weights": dict(r.weights),
            "weights_source": r.matrix.weights_source,
            "strategies": [
                {
                    "strategy": name,
                    "rank_now": int(now[i]),
                    "rank_acceptability": [float(v) for v in shares[i]],
                    "first_rank_acceptability": float(shares[i][0]),
                    "central_weights": None
                    if any(math.isnan(v) for v in central[i])
                    else dict(zip(criteria, map(float, central[i]), strict=True)),
                    "confidence": None if math.isnan(confidences[i]) else float(confidences[i]),
                }
                for i, name in enumerate(r.matrix.strategy_names)
            ],
        }


__all__ = ["COMPACT_RANKS", "ActorSMAA", "SMAAResult"]
