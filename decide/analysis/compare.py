"""Comparing methods: one actor's strategies ranked by several methods side by side.

Besides each method's rank, a comparison gives two consensus rankings (Borda count
and Copeland's pairwise majority) and the rank correlation (Kendall's tau-b,
Spearman's rho) between every pair of methods.

>>> result = compare(actor="China", methods=["topsis", "vikor", "wsm"])
>>> list(result.to_frame().columns)[:5]
['strategy', 'topsis', 'vikor', 'wsm', 'borda_points']
>>> float(result.kendall.loc["topsis", "topsis"])
1.0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Unpack

from decide.analysis.consensus import borda, compact_ranks, copeland, correlations
from decide.analysis.ranking import dominated_by_json
from decide.analysis.selection import Selection, SelectionFields
from decide.core.errors import MethodError, SpecError
from decide.core.progress import report_progress
from decide.core.tables import Section
from decide.io.load import MatrixSource
from decide.methods import DEFAULT_METHOD, METHODS, get_method
from decide.methods.base import Method
from decide.rendering.result import Result, add_provenance, data_note, format_weights, json_params

if TYPE_CHECKING:
    import pandas as pd

    from decide.analysis.profiles import ProfileComparison
    from decide.core.model import Matrix

ParamsByMethod = Mapping[str, Mapping[str, Any]]

#: What ``compare`` runs when no methods are named: one of each family, fast, and
#: narrow enough for an 80-column terminal (``methods="all"`` runs every method).
DEFAULT_COMPARE = ("wsm", "topsis", "vikor", "wpm", "promethee2", "electre2")

#: Terminal headers for the longer method names (the note under the table spells them out).
SHORT_NAMES = {"moora_refpoint": "moora-rp", "multimoora": "mmoora", "promethee2": "prom2", "electre2": "elec2"}


@dataclass(frozen=True)
class Comparison(Result):
    """One actor's strategies under several methods, with consensus and correlations.

    ``ranks`` and ``scores`` have one row per strategy (file order) and one column per
    method; rank 1 is best for every method, whichever way its score points.
    """

    matrix: Matrix
    methods: tuple[Method, ...]
    ranks: pd.DataFrame
    scores: pd.DataFrame
    consensus: pd.DataFrame
    kendall: pd.DataFrame
    spearman: pd.DataFrame
    dominators: Mapping[str, list[str]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def actor(self) -> str:
        return self.matrix.actor

    @property
    def weights(self) -> dict[str, float]:
        return self.matrix.weights

    @property
    def method_names(self) -> list[str]:
        return [m.name for m in self.methods]

    @property
    def table(self) -> pd.DataFrame:
        """Strategies with each method's rank, the consensus ranks and dominance.

        Sorted by the Borda consensus.
        """
        frame = self.ranks.copy()
        for column in self.consensus.columns:
            frame[column] = self.consensus[column]
        frame["dominated"] = [s in self.dominators for s in frame.index]
        frame = frame.sort_values(["borda", "copeland"], kind="stable")
        return frame.reset_index()

    def caption(self, what: str) -> str:
        methods = "; ".join(m.title if any(v is not None for v in m.params.values()) else m.name for m in self.methods)
        skipped = ""
        if self.skipped:
            skipped = "; could not rank: " + "; ".join(f"{m} ({reason})" for m, reason in self.skipped.items())
        unweighted = [m.name for m in self.methods if not m.uses_weights]
        unused = f"; not used by {', '.join(unweighted)}" if unweighted else ""
        return (
            f"{self.actor}: {what}; methods {methods}; "
            f"weights {format_weights(self.weights)} ({self.matrix.weights_source}{unused}); "
            f"{data_note(self.matrix)}{skipped}"
        )

    def _marked(self) -> tuple[pd.DataFrame, pd.DataFrame, str, str]:
        """The rank table with dominated strategies marked, its short-named terminal
        version, the footnote, and the legend of the short names."""
        from decide.rendering.notes import dominance_footnote

        table = self.table.drop(columns="dominated")
        notes = []
        if self.dominators:
            table.insert(1, "", ["*" if s in self.dominators else "" for s in table["strategy"]])
            named = dominance_footnote(self.dominators)
            notes.append(f"* Pareto-dominated: {named}.")
        short = {name: SHORT_NAMES[name] for name in self.method_names if name in SHORT_NAMES}
        compact = table.drop(columns=["borda_points", "copeland_score"]).rename(columns=short)
        legend = "Methods: " + ", ".join(f"{s} = {n}" for n, s in short.items()) + "." if short else ""
        notes.append("Ties share the best rank of their group (1, 1, 3).")
        return table, compact, " ".join(notes), legend

    def sections(self) -> list[Section]:
        """The rank table, then Kendall's tau and Spearman's rho between methods."""
        from decide.analysis.consensus import correlation_table

        table, compact, note, legend = self._marked()
        return [
            Section(
                f"{self.actor} ranks",
                self.caption("rank of each strategy by method (1 = best), Borda and Copeland consensus ranks"),
                table,
                note=note,
                compact=compact,
                compact_note=legend,
            ),
            Section(
                f"{self.actor} Kendall",
                self.caption("Kendall's tau-b between the methods' rankings"),
                *correlation_table(self.kendall, self.ranks, "method"),
            ),
            Section(
                f"{self.actor} Spearman",
                self.caption("Spearman's rho between the methods' rankings"),
                *correlation_table(self.spearman, self.ranks, "method"),
            ),
        ]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        """The rank table: strategy, a rank per method, borda, copeland, dominated.

        With ``provenance=True`` it adds the actor, file, weights and each method's
        parameters (what CSV and Excel exports hold).
        """
        frame = self.table
        if provenance:
            frame.insert(0, "actor", self.actor)
            add_provenance(
                frame,
                self.matrix,
                weights=format_weights(self.weights, self.matrix.weights_source),
                params="; ".join(f"{m.name}: {m.describe()}" for m in self.methods),
            )
        return frame

    def plot(self, ax: Any = None) -> Any:
        """A heatmap of each strategy's rank by each method, Borda order (matplotlib Axes)."""
        from decide.analysis.charts import comparison_heatmap
        from decide.rendering.charts import plot_comparison

        return plot_comparison(comparison_heatmap(self), ax=ax)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``decide compare --format json``."""
        import math

        def number(value: float) -> float | None:
            return None if math.isnan(value) else round(float(value), 6)

        return {
            "actor": self.actor,
            "file": self.matrix.file_name,
            "filters": list(self.matrix.filters),
            "weights": dict(self.weights),
            "weights_source": self.matrix.weights_source,
            "methods": [
                {"name": m.name, "params": json_params(m), "better": m.better, "weights_used": m.uses_weights}
                for m in self.methods
            ],
            "skipped": dict(self.skipped),
            "strategies": [
                {
                    "strategy": strategy,
                    "ranks": {m: int(self.ranks.loc[strategy, m]) for m in self.method_names},
                    "scores": {m: float(self.scores.loc[strategy, m]) for m in self.method_names},
                    "borda": {
                        "points": float(self.consensus.loc[strategy, "borda_points"]),
                        "rank": int(self.consensus.loc[strategy, "borda"]),
                    },
                    "copeland": {
                        "score": int(self.consensus.loc[strategy, "copeland_score"]),
                        "rank": int(self.consensus.loc[strategy, "copeland"]),
                    },
                    "dominated": strategy in self.dominators,
                    **dominated_by_json(self.dominators, strategy),
                }
                for strategy in self.table["strategy"]
            ],
            "correlation": {
                name: {a: {b: number(frame.loc[a, b]) for b in self.method_names} for a in self.method_names}
                for name, frame in (
                    ("kendall", self.kendall),
                    ("spearman", self.spearman),
                )
            },
        }


def _split_params(
    params: ParamsByMethod | Mapping[str, Any] | None, methods: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """``{"vikor": {"v": 0.3}}`` as given, or ``{"vikor.v": "0.3"}`` split at the dot."""
    result: dict[str, dict[str, Any]] = {m: {} for m in methods}
    for key, value in (params or {}).items():
        if isinstance(value, Mapping):
            method, values = get_method(key).name, dict(value)
        else:
            name, dot, parameter = str(key).partition(".")
            if not dot or not parameter:
                raise SpecError(
                    f"'{key}' does not name its method; write METHOD.KEY=VALUE, e.g. vikor.v=0.3", field="params"
                )
            method, values = get_method(name).name, {parameter: value}
        if method not in result:
            raise SpecError(
                f"method '{method}' is not among the compared methods ({', '.join(methods)})", field="params"
            )
        result[method].update(values)
    return result


def compare(
    source: MatrixSource = None,
    *,
    methods: Sequence[str | Method] | str | None = None,
    profiles: Sequence[str] | str | bool | None = None,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
) -> Comparison | ProfileComparison:
    """Rank one actor's strategies by several methods (default: :data:`DEFAULT_COMPARE`).

    ``methods`` is a list of names (or :class:`~decide.methods.Method` objects), a
    ``"topsis,vikor"`` string, or ``"all"`` for every registered method. ``params``
    holds parameters per method, ``{"vikor": {"v": 0.3}}`` or ``{"vikor.v": 0.3}``.
    With the default set or ``"all"``, a method that cannot rank the matrix is left
    out and listed in ``skipped``; a method named explicitly raises its error instead.

    With ``profiles`` (a list of profile names, a ``"hawkish,frugal"`` string, or
    ``True`` for every profile of the actor), the columns are profiles instead of methods:
    one method (the only one in ``methods``, default topsis) ranks the strategies under
    each profile; see :func:`decide.analysis.profiles.compare_profiles`.
    """
    picked = Selection.of(source, selection, **fields)
    params = picked.params
    if profiles is not None and profiles is not False:
        return _compare_profiles(picked, methods, params, profiles)
    import pandas as pd

    from decide.methods.run import evaluate

    explicit = methods is not None and not (isinstance(methods, str) and methods.strip().lower() == "all")
    if methods is None:
        methods = list(DEFAULT_COMPARE)
    elif isinstance(methods, str):
        methods = list(METHODS) if not explicit else [m for m in methods.split(",") if m.strip()]
    names = list(dict.fromkeys(get_method(m).name if isinstance(m, str) else m.name for m in methods))
    if not names:
        raise SpecError("is empty; write e.g. topsis,vikor", field="methods")
    given = {m.name: m for m in (methods or []) if isinstance(m, Method)}
    per_method = _split_params(params, names)
    matrix = picked.matrix()

    ranks: dict[str, Any] = {}
    scores: dict[str, Any] = {}
    chosen: dict[str, Method] = {}
    skipped: dict[str, str] = {}
    from decide.analysis.cost import check_methods

    check_methods(matrix, [get_method(given.get(name, name), per_method[name]) for name in names], "compare")
    for done, name in enumerate(names):
        report_progress("compare", done, len(names))
        method = get_method(given.get(name, name), per_method[name])
        try:
            ranks[name], scores[name] = evaluate(method, matrix)
            chosen[name] = method
        except MethodError as error:
            if explicit:
                raise
            skipped[name] = str(error).split(": ", 2)[-1]
    if not chosen:
        raise MethodError(f"{matrix.label}: no method could rank this matrix")
    index = pd.Index(matrix.strategy_names, name="strategy")
    from decide.core.ranks import competition_ranks

    rank_frame = pd.DataFrame({n: competition_ranks(ranks[n]) for n in chosen}, index=index)
    score_frame = pd.DataFrame({n: scores[n] for n in chosen}, index=index)
    consensus = pd.concat([borda(rank_frame), copeland(rank_frame)], axis=1)
    return Comparison(
        matrix=matrix,
        methods=tuple(chosen.values()),
        ranks=rank_frame,
        scores=score_frame,
        consensus=consensus,
        kendall=correlations(rank_frame, "kendall"),
        spearman=correlations(rank_frame, "spearman"),
        dominators=matrix.dominators(),
        skipped=skipped,
    )


def _compare_profiles(picked: Selection, methods: Any, params: Any, profiles: Any) -> ProfileComparison:
    from decide.analysis.profiles import compare_profiles

    if isinstance(methods, str):
        methods = [m for m in methods.split(",") if m.strip()]
    if methods is not None and len(methods) != 1:
        raise SpecError("name one method when comparing profiles (the profiles are the columns)", field="methods")
    method = get_method(methods[0] if methods else DEFAULT_METHOD)
    names = None if profiles is True else profiles
    per_method = _split_params(params, [method.name])[method.name] if params else {}
    return compare_profiles(profiles=names, selection=replace(picked, method=method.name, params=per_method))


__all__ = [
    "DEFAULT_COMPARE",
    "SHORT_NAMES",
    "Comparison",
    "borda",
    "compact_ranks",
    "compare",
    "copeland",
    "correlations",
]
