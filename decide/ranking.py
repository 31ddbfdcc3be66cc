"""Ranking each actor's strategies with a registered method.

>>> result = rank(actors="United States", method="wsm", weights={"deterrence": 1, "stability": 0, "cost": 0, "risk": 0})
>>> result.method, result.better
('wsm', 'higher')
>>> list(result.to_frame().columns)
['actor', 'rank', 'strategy', 'score', 'dominated', 'dominated_by']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from decide.load import PathLike, load_matrices, select_actors
from decide.matrix import Matrix
from decide.methods import DEFAULT_METHOD, get_method
from decide.weights import WeightsLike, apply_weights

if TYPE_CHECKING:
    import pandas as pd

MatrixSource = Matrix | Sequence[Matrix] | PathLike | Sequence[PathLike] | None


@dataclass(frozen=True)
class Section:
    """One titled table of a result, with the caption that says what produced it."""

    title: str
    caption: str
    frame: pd.DataFrame


def format_weights(weights: Mapping[str, float]) -> str:
    """``stability=0.3, cost=0.2``: weights as a short text, at most 4 decimals."""
    return ", ".join(f"{name}={weight:.4g}" for name, weight in weights.items())


def weights_note(method: str, weights: Mapping[str, float]) -> str:
    """``weights stability=0.3, ...`` for a caption, or ``weights not used by simus``."""
    from decide.methods import METHODS

    if method in METHODS and not METHODS[method].uses_weights:
        return f"weights not used by {method}"
    return f"weights {format_weights(weights)}"


def format_params(params: Mapping[str, Any]) -> str:
    """Method parameters as ``v=0.5, use_compromise_set=true`` (or ``defaults``)."""
    shown = {k: v for k, v in params.items() if v is not None}  # unset (file defaults)
    if not shown:
        return "no parameters"
    return ", ".join(f"{k}={str(v).lower() if isinstance(v, bool) else v}" for k, v in shown.items())


@dataclass(frozen=True)
class ActorRanking:
    """The ranked strategies of one actor: rank, strategy, score, best first."""

    matrix: Matrix
    weights: dict[str, float]
    table: pd.DataFrame
    dominators: dict[str, list[str]] = field(default_factory=dict)

    @property
    def actor(self) -> str:
        return self.matrix.actor

    @property
    def top(self) -> str:
        """The strategy ranked first (the first listed when several share rank 1)."""
        return str(self.table["strategy"].iloc[0])


@dataclass(frozen=True)
class Ranking:
    """Rankings of one or more actors by one method, with the weights that produced them."""

    method: str
    params: dict[str, Any]
    better: str
    rankings: tuple[ActorRanking, ...]

    def __getitem__(self, actor: str) -> ActorRanking:
        for ranking in self.rankings:
            if ranking.matrix.matches(actor):
                return ranking
        raise KeyError(actor)

    @property
    def weights_used(self) -> bool:
        """False for a method that ignores the weights (the weights are still reported)."""
        from decide.methods import METHODS

        return METHODS[self.method].uses_weights if self.method in METHODS else True

    def caption(self, ranking: ActorRanking) -> str:
        return (
            f"{ranking.actor}: ranked by {self.method} ({format_params(self.params)}); "
            f"{weights_note(self.method, ranking.weights)}; data {ranking.matrix.file_name}; "
            f"{self.better} score is better"
        )

    def sections(self) -> list[Section]:
        """One table per actor, each with its caption (used by every text export)."""
        return [Section(r.actor, self.caption(r), r.table) for r in self.rankings]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        """All actors in one long DataFrame: actor, rank, strategy, score, dominated, dominated_by.

        ``dominated`` marks a strategy Pareto-dominated by another of the same actor;
        ``dominated_by`` names those others (comma-separated).

        With ``provenance=True`` it adds the file, method, parameters and weights
        of each row (this is what CSV and Excel exports hold).
        """
        import pandas as pd

        frames = []
        for ranking in self.rankings:
            frame = ranking.table.copy()
            frame.insert(0, "actor", ranking.actor)
            frame["dominated_by"] = [
                ", ".join(ranking.dominators.get(s, [])) for s in frame["strategy"]
            ]
            if provenance:
                frame["file"] = ranking.matrix.file_name
                frame["method"] = self.method
                frame["params"] = format_params(self.params)
                frame["weights"] = format_weights(ranking.weights)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``decide rank --format json``."""
        return {
            "method": self.method,
            "params": dict(self.params),
            "rankings": [
                {
                    "actor": r.actor,
                    "file": r.matrix.file_name,
                    "weights": dict(r.weights),
                    "weights_used": self.weights_used,
                    "better": self.better,
                    "ranking": [
                        {"rank": int(row.rank), "strategy": row.strategy, "score": float(row.score),
                         "dominated": bool(row.dominated),
                         "dominated_by": r.dominators.get(row.strategy, [])}
                        for row in r.table.itertuples()
                    ],
                }
                for r in self.rankings
            ],
        }

    def plot(self, actor: str | None = None, ax: Any = None) -> Any:
        """A horizontal bar chart of one actor's scores, best at the top (matplotlib Axes).

        ``actor`` defaults to the first ranked actor; pass ``ax`` to draw into your figure.
        """
        import matplotlib.pyplot as plt

        ranking = self[actor] if actor else self.rankings[0]
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.4 * len(ranking.table) + 1.2))
        table = ranking.table.iloc[::-1]
        ax.barh(table["strategy"], table["score"], color="#4c72b0")
        ax.set_xlabel(f"{self.method} score ({self.better} is better)")
        ax.set_title(f"{ranking.actor}: {self.method}", loc="left")
        ax.figure.tight_layout()
        return ax

    def __str__(self) -> str:
        from decide.export import render

        return render(self, "table")

    def _repr_html_(self) -> str:
        from decide.export import render

        return render(self, "html")


def resolve_matrices(source: MatrixSource, actors: Iterable[str] | str | None = None) -> list[Matrix]:
    """Matrices from a Matrix, a list of them, paths, or ``None`` (the shipped ones)."""
    if isinstance(source, Matrix):
        matrices = [source]
    elif isinstance(source, Sequence) and not isinstance(source, str) and source and all(
        isinstance(item, Matrix) for item in source
    ):
        matrices = list(source)
    else:
        paths = None if source is None else source
        if isinstance(paths, Sequence) and not isinstance(paths, str) and not paths:
            paths = None
        matrices = load_matrices(paths)  # type: ignore[arg-type]
    return select_actors(matrices, actors)


def rank_matrix(
    matrix: Matrix, method: str = DEFAULT_METHOD, params: Mapping[str, Any] | None = None
) -> ActorRanking:
    """Rank one matrix with its own weights."""
    import pandas as pd

    from decide.methods import evaluate

    spec = get_method(method)
    ranks, scores = evaluate(matrix, spec, params)
    dominators = dominated_by(matrix)
    table = pd.DataFrame({"rank": ranks, "strategy": matrix.strategy_names, "score": scores})
    table["dominated"] = [bool(dominators.get(s)) for s in matrix.strategy_names]
    ascending = spec.better == "lower"
    table = table.sort_values(["rank", "score"], ascending=[True, ascending], kind="stable")
    return ActorRanking(matrix, matrix.weights, table.reset_index(drop=True), dominators)


def dominated_by(matrix: Matrix) -> dict[str, list[str]]:
    """For each Pareto-dominated strategy, the strategies of the same actor that dominate it.

    A strategy dominates another when it is at least as good on every criterion and
    better on one (scikit-criteria's dominance, weights play no part).
    """
    table = matrix.to_skcriteria().dominance.dominance(strict=False)
    result: dict[str, list[str]] = {}
    for strategy in matrix.strategy_names:
        column = table[strategy]
        found = [str(name) for name in column.index[column.to_numpy(dtype=bool)]]
        if found:
            result[strategy] = found
    return result


def drop_dominated(matrix: Matrix) -> Matrix:
    """``matrix`` without its Pareto-dominated strategies."""
    dominated = dominated_by(matrix)
    return replace(
        matrix, strategies=tuple(s for s in matrix.strategies if s.name not in dominated)
    )


def rank(
    source: MatrixSource = None,
    *,
    actors: Iterable[str] | str | None = None,
    method: str = DEFAULT_METHOD,
    weights: WeightsLike = None,
    params: Mapping[str, Any] | None = None,
    non_dominated: bool = False,
) -> Ranking:
    """Rank every selected actor's strategies.

    ``source`` is a :class:`Matrix`, a list of them, a file or folder path (or a list
    of paths), or ``None`` for the shipped matrices. ``weights`` overrides criteria
    weights (a mapping or a ``"deterrence=0.5,cost=0.1"`` string); the other criteria
    keep their weights and all are normalised. ``params`` sets method parameters.
    With ``non_dominated=True``, strategies Pareto-dominated by another strategy of
    the same actor are dropped before ranking.
    """
    spec = get_method(method)
    resolved = spec.resolve_params(params)
    matrices = [apply_weights(m, weights) for m in resolve_matrices(source, actors)]
    if non_dominated:
        matrices = [drop_dominated(m) for m in matrices]
    rankings = tuple(rank_matrix(m, spec.name, resolved) for m in matrices)
    return Ranking(spec.name, resolved, spec.better, rankings)


__all__ = [
    "ActorRanking",
    "Ranking",
    "Section",
    "dominated_by",
    "drop_dominated",
    "rank",
    "rank_matrix",
    "resolve_matrices",
    "weights_note",
]
