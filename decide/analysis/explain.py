"""Why is this strategy first? Each criterion's part in each strategy's score.

Three cases, said in every caption:

- **additive methods** (``wsm``; ``promethee2``, whose net flow is the weighted sum of
  each criterion's own net flow): the score is exactly the sum of ``weight x normalised
  value`` (or that flow) over criteria, so each criterion's contribution is exact;
- **TOPSIS**: the squared distances to the ideal and anti-ideal points are sums over
  criteria, so each criterion's share of both distances is exact; its *pull* is the
  first-order effect of those shares on the closeness score
  ``(D+ x share of D-  -  D- x share of D+) / (D+ + D-)^2`` (positive: it brings the
  strategy nearer the ideal);
- **other methods**: no exact decomposition exists; the weighted min-max normalised
  values are shown instead (1 = best value on that criterion).

A sentence per strategy names what lifts it above the average strategy and what holds
it back (in the lower half of the ranking, what holds it back comes first):

>>> from decide.core.model import Criterion, Matrix, Strategy
>>> m = Matrix("Example", (Criterion("gain", "max", 3), Criterion("cost", "min", 1)),
...            (Strategy("A", {"gain": 9, "cost": 8}), Strategy("B", {"gain": 4, "cost": 2})))
>>> result = explain(m, method="wsm")
>>> result.results[0].contributions.round(3).to_dict("index")
{'A': {'gain': 0.75, 'cost': 0.0}, 'B': {'gain': 0.0, 'cost': 0.25}}
>>> result.results[0].sentences["A"]
'first because of gain (+0.375); held back by cost (-0.125)'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Unpack

from decide.analysis.selection import Selection, SelectionFields
from decide.io.load import MatrixSource
from decide.methods.base import Method
from decide.rendering.result import (
    PerActor,
    Section,
    add_provenance,
    data_note,
    format_weights,
    json_params,
    weights_note,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from decide.analysis.lead import Lead
    from decide.core.model import Matrix

#: How each kind of decomposition is described in captions.
KINDS = {
    "exact": "exact contribution of each criterion (weight x normalised value; they sum to the score)",
    "distance": "each criterion's pull towards the ideal point, from its exact shares of the squared distances "
    "to the ideal and anti-ideal",
    "normalised": "no exact decomposition exists for this method: weighted min-max normalised values "
    "(1 = best value) shown instead",
}


def kind_text(kind: str, method: Method) -> str:
    """The caption of a decomposition; PROMETHEE II's exact terms are its per-criterion net flows."""
    if kind == "exact" and method.name == "promethee2":
        return KINDS[kind].replace("normalised value", "the net flow on that criterion alone")
    return KINDS[kind]


#: Contributions smaller than this are not named in the sentences.
NEGLIGIBLE = 5e-4


@dataclass(frozen=True)
class ActorContributions:
    """One actor's contributions: strategies (ranked, best first) x criteria."""

    matrix: Matrix
    kind: str
    ranks: pd.Series
    scores: pd.Series
    contributions: pd.DataFrame
    sentences: dict[str, str]
    #: how firmly the leader leads, in the report's words (:mod:`decide.analysis.lead`); set
    #: by :func:`explain` (``None`` when the method does not use weights)
    lead: Lead | None = None

    @property
    def actor(self) -> str:
        return self.matrix.actor

    @property
    def advantage(self) -> pd.DataFrame:
        """Each contribution minus the average strategy's: what the sentences quote."""
        if self.kind == "distance":
            return self.contributions
        return self.contributions - self.contributions.mean(axis=0)


@dataclass(frozen=True)
class Contributions(PerActor[ActorContributions]):
    """Per actor, each criterion's part in each strategy's score, with a sentence each."""

    method: Method
    results: tuple[ActorContributions, ...]
    strategy: str | None = None

    def caption(self, result: ActorContributions) -> str:
        return (
            f"{result.actor}: {kind_text(result.kind, self.method)}; {self.method.title}; "
            f"{weights_note(self.method, result.matrix.weights, result.matrix.weights_source)}; "
            f"{data_note(result.matrix)}"
        )

    def _rows(self, result: ActorContributions) -> list[str]:
        names = list(result.contributions.index)
        if self.strategy is None:
            return names
        from decide.core.suggest import find_name

        return [find_name(self.strategy, names, "strategy", result.matrix.label)]

    def table(self, result: ActorContributions) -> pd.DataFrame:
        """Rank, strategy, score and one column per criterion."""
        rows = self._rows(result)
        frame = result.contributions.loc[rows].copy()
        frame.insert(0, "score", result.scores.loc[rows])
        frame.insert(0, "rank", result.ranks.loc[rows])
        return frame.reset_index(names="strategy")[["rank", "strategy", "score", *result.matrix.criterion_names]]

    def sections(self) -> list[Section]:
        import pandas as pd

        sections = []
        for result in self.results:
            rows = self._rows(result)
            caption = self.caption(result)
            sections.append(Section(f"{result.actor} contributions", caption, self.table(result)))
            why = pd.DataFrame(
                {
                    "rank": result.ranks.loc[rows].to_numpy(),
                    "strategy": rows,
                    "why": [result.sentences[s] for s in rows],
                }
            )
            sections.append(
                Section(
                    f"{result.actor} why",
                    f"{result.actor}: why each strategy ranks where it does ({self.method.name}; figures compared "
                    "with the average strategy)"
                    if result.kind != "distance"
                    else f"{result.actor}: why each strategy ranks where it does (topsis; pull of each criterion)",
                    why,
                    note=lead_note(result.lead),
                )
            )
        return sections

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        import pandas as pd

        frames = []
        for result in self.results:
            frame = self.table(result)
            frame.insert(0, "actor", result.actor)
            frame["why"] = [result.sentences[s] for s in frame["strategy"]]
            frame["decomposition"] = result.kind
            if provenance:
                add_provenance(
                    frame,
                    result.matrix,
                    method=self.method.name,
                    params=self.method.describe(),
                    weights=format_weights(result.matrix.weights, result.matrix.weights_source),
                )
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method.name,
            "params": json_params(self.method),
            "actors": [
                {
                    "actor": r.actor,
                    "file": r.matrix.file_name,
                    "weights": dict(r.matrix.weights),
                    "decomposition": r.kind,
                    "lead": None
                    if r.lead is None
                    else {
                        "leader": r.lead.leader,
                        "strength": r.lead.word,
                        "first_rank_share": r.lead.share,
                        "margin_of_spread": r.lead.margin,
                        "samples": r.lead.samples,
                        "seed": r.lead.seed,
                    },
                    "strategies": [
                        {
                            "strategy": s,
                            "rank": int(r.ranks[s]),
                            "score": float(r.scores[s]),
                            "contributions": {c: float(v) for c, v in r.contributions.loc[s].items()},
                            "why": r.sentences[s],
                        }
                        for s in self._rows(r)
                    ],
                }
                for r in self.results
            ],
        }

    def plot(self, actor: str | None = None, ax: Any = None) -> Any:
        """Stacked bars: each strategy's score split by criterion (see :mod:`decide.rendering.charts`)."""
        from decide.analysis.charts import contribution_stacks
        from decide.rendering.charts import plot_contributions

        return plot_contributions(contribution_stacks(self, actor, ax), ax=ax)


def lead_note(lead: Lead | None) -> str:
    """The leader's lead in the report's words, with the draws behind them."""
    if lead is None or lead.runner_up is None:
        return ""
    return (
        f"How firmly it leads, by the rule decide report uses ({lead.samples} random weightings, "
        f"seed {lead.seed}): {lead.sentence}"
    )


def _oriented_minmax(table: np.ndarray, cost: np.ndarray) -> np.ndarray:
    from decide.methods.normalise import normalise

    return normalise(table, cost, "minmax")


def decompose(matrix: Matrix, method: Method) -> tuple[str, np.ndarray]:
    """The kind of decomposition and the strategies x criteria contributions."""
    import numpy as np

    from decide.methods.normalise import normalise

    table, cost, weights = matrix.to_array(), matrix.cost_mask(), matrix.weight_array()
    if method.additive:
        return "exact", method.terms(table, cost) * weights
    if method.name == "topsis":
        scaled = normalise(table, cost, method.params["normalization"])
        to_ideal = weights**2 * (scaled.max(axis=0) - scaled) ** 2
        to_anti = weights**2 * (scaled - scaled.min(axis=0)) ** 2
        d_ideal = np.sqrt(to_ideal.sum(axis=1, keepdims=True))
        d_anti = np.sqrt(to_anti.sum(axis=1, keepdims=True))
        with np.errstate(divide="ignore", invalid="ignore"):
            share_ideal = np.where(d_ideal > 0, to_ideal / d_ideal, 0.0)  # sums to D+
            share_anti = np.where(d_anti > 0, to_anti / d_anti, 0.0)  # sums to D-
            total = (d_ideal + d_anti) ** 2
            pull = np.where(total > 0, (d_ideal * share_anti - d_anti * share_ideal) / total, 0.0)
        return "distance", pull
    return "normalised", _oriented_minmax(table, cost) * weights


def sentence(rank: int, advantage: Mapping[str, float], count: int = 2, of: int | None = None) -> str:
    """``first because of deterrence (+0.210) and stability (+0.120); held back by cost (-0.050)``.

    In the lower half of ``of`` strategies the place is worded by what holds the strategy
    back, its strengths after: a last place is not earned by its best criterion.

    >>> sentence(3, {"cost": -0.05, "deterrence": 0.21, "risk": 0.0})
    'ranked 3 because of deterrence (+0.210); held back by cost (-0.050)'
    >>> sentence(16, {"cost": -0.05, "deterrence": 0.21, "risk": 0.0}, of=16)
    'last of 16, held back by cost (-0.050); helped by deterrence (+0.210)'
    >>> sentence(12, {"cost": 0.05}, of=16)
    'ranked 12 of 16, held back by no single criterion; helped by cost (+0.050)'
    """
    ordered = sorted(advantage.items(), key=lambda item: -item[1])
    helps = [(c, v) for c, v in ordered if v > NEGLIGIBLE][:count]
    hurts = [(c, v) for c, v in reversed(ordered) if v < -NEGLIGIBLE][:count]

    def named(items: list[tuple[str, float]]) -> str:
        return " and ".join(f"{c} ({v:+.3f})" for c, v in items)  # one precision for every pull

    if of is not None and rank > 1 and rank > of / 2:
        where = f"last of {of}" if rank == of else f"ranked {rank} of {of}"
        parts = [f"{where}, held back by {named(hurts)}" if hurts else f"{where}, held back by no single criterion"]
        if helps:
            parts.append(f"helped by {named(helps)}")
        return "; ".join(parts)
    where = "first" if rank == 1 else f"ranked {rank}"
    parts = [f"{where} because of {named(helps)}" if helps else f"{where}, helped by no criterion"]
    if hurts:
        parts.append(f"held back by {named(hurts)}")
    return "; ".join(parts)


def explain_matrix(matrix: Matrix, method: Method) -> ActorContributions:
    """The contributions and sentences of one matrix."""
    import pandas as pd

    from decide.analysis.actor_ranking import rank_matrix

    ranking = rank_matrix(matrix, method)
    kind, values = decompose(matrix, method)
    frame = pd.DataFrame(values, index=matrix.strategy_names, columns=matrix.criterion_names)
    order = list(ranking.table["strategy"])
    frame = frame.loc[order]
    ranks = pd.Series(ranking.table["rank"].to_numpy(), index=order, name="rank")
    scores = pd.Series(ranking.table["score"].to_numpy(), index=order, name="score")
    result = ActorContributions(matrix, kind, ranks, scores, frame, {})
    advantage = result.advantage
    sentences = {s: sentence(int(ranks[s]), advantage.loc[s].to_dict(), of=len(order)) for s in order}
    return ActorContributions(matrix, kind, ranks, scores, frame, sentences)


def explain(
    source: MatrixSource = None,
    *,
    strategy: str | None = None,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
) -> Contributions:
    """Each criterion's part in each strategy's score, for every selected actor.

    ``strategy`` keeps only that strategy's rows (any case). See the module text for
    what the figures mean for each kind of method; ``weights``, ``profile``,
    ``weighting`` and ``stated_only`` work as in :func:`decide.rank`.
    """
    picked = Selection.of(source, selection, **fields)
    chosen = picked.method_object()
    matrices = picked.matrices()
    from dataclasses import replace

    from decide.analysis.lead import lead_of

    explained = []
    for matrix in matrices:
        item = explain_matrix(matrix, chosen)
        lead = lead_of(matrix, chosen, list(item.scores.index), list(item.scores.astype(float)))
        explained.append(replace(item, lead=lead))
    result = Contributions(chosen, tuple(explained), strategy)
    for item in result.results:
        result._rows(item)  # an unknown strategy fails here, not when printing
    return result


__all__ = [
    "KINDS",
    "ActorContributions",
    "Contributions",
    "decompose",
    "explain",
    "explain_matrix",
    "lead_note",
    "sentence",
]
