"""Robust choice: which strategy holds up across scenarios, weight profiles and methods.

Every strategy is ranked in every *cell* of the grid scenario x profile x method (ranks
as ``decide rank`` gives them: ties share the best place, the next is skipped).
Per strategy, the result reports the share of cells where it is first and in the
top three, its best and worst rank, and its **regret** in each cell: how far its
score falls short of the cell's best, on the cell's own scale (0 for the cell's
best strategy, 1 for its worst), with the maximum and the mean over the cells. The
verdict names the strategy first most often and the one with the smallest maximum
regret (minimax regret, Savage 1951) and says whether they agree.

>>> from decide.core.model import Criterion, Matrix, Strategy
>>> m = Matrix(
...     actor="Example",
...     criteria=(Criterion("gain", "max", 1.0), Criterion("cost", "min", 1.0)),
...     strategies=(
...         Strategy("Bold", {"gain": 9, "cost": 8}),
...         Strategy("Safe", {"gain": 6, "cost": 3}),
...         Strategy("Idle", {"gain": 2, "cost": 2}),
...     ),
...     scale=(1, 10),
... )
>>> result = robust(m, methods="wsm,topsis")
>>> result["Example"].ranks.tolist()
[[2, 1, 2], [3, 1, 2]]
>>> result["Example"].minimax_regret
['Safe']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from decide.core.errors import SpecError, UnknownNameError
from decide.core.progress import report_progress
from decide.core.tables import Section, Table
from decide.io.load import MatrixSource, resolve_matrices
from decide.io.scenarios import BASELINE, Scenario, apply_scenario, select_scenarios
from decide.methods import METHODS, get_method
from decide.methods.base import Method
from decide.rendering.result import PerActor, data_note, format_weights, json_params
from decide.weights.apply import apply_weights
from decide.weights.spec import WeightsLike

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from decide.core.model import Matrix

#: The profile name of the weights written in the matrix file.
FILE_PROFILE = "file"
#: Ranks at or above this count as "top three".
TOP = 3

ProfilesLike = str | Mapping[str, WeightsLike] | Sequence[str | Mapping[str, float]] | None


def default_methods() -> list[str]:
    """The methods a grid uses when none are named: those with a numpy engine (fast).

    >>> default_methods()
    ['wsm', 'wpm', 'topsis', 'vikor']
    """
    return [name for name, cls in METHODS.items() if cls.vectorised]


def regret(scores: Any, better: str = "higher") -> np.ndarray:
    """Regret of each strategy in each cell (row): how far its score falls short of the
    row's best, divided by the row's spread; 0 for the best, 1 for the worst, 0 for all
    when every score is equal.

    >>> regret([[0.9, 0.5, 0.1], [2.0, 2.0, 2.0]]).tolist()
    [[0.0, 0.5, 1.0], [0.0, 0.0, 0.0]]
    >>> regret([[1.0, 3.0]], "lower").tolist()
    [[0.0, 1.0]]
    """
    import numpy as np

    table = np.atleast_2d(np.asarray(scores, dtype=float))
    oriented = table if better == "higher" else -table
    best = oriented.max(axis=1, keepdims=True)
    spread = best - oriented.min(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(spread > 1e-12, (best - oriented) / np.where(spread > 1e-12, spread, 1.0), 0.0)
    return out


def leaders(values: Any, names: Sequence[str], *, largest: bool) -> list[str]:
    """The names whose value is the largest (or smallest), ties all named, in order.

    >>> leaders([0.2, 0.5, 0.5], ["A", "B", "C"], largest=True)
    ['B', 'C']
    """
    import numpy as np

    array = np.asarray(values, dtype=float)
    target = array.max() if largest else array.min()
    return [names[int(i)] for i in np.flatnonzero(np.abs(array - target) <= 1e-12)]


def _profile_weights(matrix: Matrix, profile: Any) -> dict[str, float]:
    """The normalised weights of one named profile of ``matrix``: a weights mapping, or a
    profile object of the matrix file (applied by ``decide.weighting.apply_profile`` when
    that module exists)."""
    import importlib

    if isinstance(profile, (Mapping, str)):
        return dict(apply_weights(matrix, profile).weights)
    try:
        apply_profile = importlib.import_module("decide.weights.apply").apply_profile
    except (ImportError, AttributeError):
        return dict(apply_weights(matrix, profile.weights).weights)
    return dict(apply_profile(matrix, profile).weights)


def _matrix_profiles(matrix: Matrix) -> dict[str, dict[str, float]]:
    """The named weight profiles of ``matrix``: the file weights, then any the file names."""
    profiles = {FILE_PROFILE: dict(matrix.weights)}
    named: Any = getattr(matrix, "profiles", None) or ()
    items = named.items() if isinstance(named, Mapping) else [(p.name, p) for p in named]
    for name, profile in items:
        profiles[str(name)] = _profile_weights(matrix, profile)
    return profiles


def resolve_profiles(matrix: Matrix, profiles: ProfilesLike = None) -> dict[str, dict[str, float]]:
    """The weight profiles of a grid, by name, each normalised to sum to 1.

    ``None`` or ``"all"``: the file weights (``file``) and every profile the matrix
    names; ``"a,b"`` or a list of names: those; a mapping ``name -> weights`` or a
    list of weight mappings (named ``weights 1``, ...): those weights, each over the
    file's (like ``--weights``).

    >>> from decide.io.load import load_matrices
    >>> china = [m for m in load_matrices() if m.actor == "China"][0]
    >>> list(resolve_profiles(china, {"hawk": {"deterrence": 0.7}}))
    ['hawk']
    """
    known = _matrix_profiles(matrix)
    if profiles is None or (isinstance(profiles, str) and profiles.strip().lower() == "all"):
        return known
    if isinstance(profiles, str):
        profiles = [part.strip() for part in profiles.split(",") if part.strip()]
    if isinstance(profiles, Mapping):
        items = list(profiles.items())
    else:
        items = [
            (entry, entry) if isinstance(entry, str) else (f"weights {index}", entry)
            for index, entry in enumerate(profiles, start=1)
        ]
    chosen: dict[str, dict[str, float]] = {}
    for name, weights in items:
        if isinstance(weights, str) and weights == name and "=" not in weights:
            found = [key for key in known if key.casefold() == name.casefold()]
            if not found:
                raise UnknownNameError(
                    f"{matrix.actor}: unknown profile '{name}'; choose from: {', '.join(known)}"
                )
            chosen[found[0]] = known[found[0]]
        else:
            chosen[str(name)] = dict(apply_weights(matrix, weights).weights)
    if not chosen:
        raise SpecError("is empty; write all or a list of profile names", field="profiles")
    return chosen


def resolve_methods(methods: str | Sequence[str | Method] | None, params: Mapping[str, Any] | None) -> list[Method]:
    """The methods of a grid: ``None`` for the vectorised ones, ``"all"``, ``"a,b"`` or a list.

    ``params`` holds parameters per method, ``{"vikor": {"v": 0.3}}`` or ``{"vikor.v": "0.3"}``.

    >>> [m.title for m in resolve_methods("topsis,vikor", {"vikor.v": "0.3"})]
    ['topsis (normalization=vector)', 'vikor (v=0.3, use_compromise_set=true)']
    """
    if methods is None:
        methods = default_methods()
    elif isinstance(methods, str):
        methods = list(METHODS) if methods.strip().lower() == "all" else [
            part.strip() for part in methods.split(",") if part.strip()
        ]
    if not methods:
        raise SpecError("is empty; write e.g. topsis,vikor", field="methods")
    from decide.analysis.compare import _split_params

    given = {get_method(entry).name: get_method(entry) for entry in methods}
    per_method = _split_params(params, list(given))
    return [get_method(method, per_method[name]) for name, method in given.items()]


@dataclass(frozen=True)
class Cell:
    """One cell of the grid: a scenario (``baseline`` for the matrix as scored), a profile, a method."""

    scenario: str
    profile: str
    method: Method

    @property
    def label(self) -> str:
        return f"{self.scenario} / {self.profile} / {self.method.name}"


@dataclass(frozen=True)
class ActorRobust:
    """The grid of one actor: ranks, scores and regret, cells x strategies."""

    matrix: Matrix
    scenarios: tuple[Scenario | None, ...]
    profiles: dict[str, dict[str, float]]
    cells: tuple[Cell, ...]
    ranks: np.ndarray
    scores: np.ndarray
    regret: np.ndarray

    @property
    def actor(self) -> str:
        return self.matrix.actor

    @property
    def strategies(self) -> list[str]:
        return self.matrix.strategy_names

    @property
    def scenario_names(self) -> list[str]:
        return [BASELINE if s is None else s.name for s in self.scenarios]

    def summary(self) -> pd.DataFrame:
        """Per strategy: share of cells first and in the top three, best and worst rank,
        maximum and mean regret; the smallest maximum regret first."""
        import pandas as pd

        frame = pd.DataFrame(
            {
                "strategy": self.strategies,
                "first": (self.ranks == 1).mean(axis=0),
                "top 3": (self.ranks <= TOP).mean(axis=0),
                "best rank": self.ranks.min(axis=0),
                "worst rank": self.ranks.max(axis=0),
                "max regret": self.regret.max(axis=0),
                "mean regret": self.regret.mean(axis=0),
            }
        )
        frame = frame.sort_values(["max regret", "first", "mean regret"], ascending=[True, False, True],
                                  kind="stable")
        return frame.reset_index(drop=True)

    @property
    def most_often_first(self) -> list[str]:
        """The strategies first in the most cells (all of them when tied)."""
        return leaders((self.ranks == 1).sum(axis=0), self.strategies, largest=True)

    @property
    def minimax_regret(self) -> list[str]:
        """The strategies whose maximum regret is smallest (Savage's minimax regret; ties all named)."""
        return leaders(self.regret.max(axis=0), self.strategies, largest=False)

    @property
    def robust_choice(self) -> str:
        """The minimax-regret strategy; among ties, the one first most often, then the smallest mean regret."""
        return str(self.summary()["strategy"].iloc[0])

    def _cells_of(self, scenario: str) -> np.ndarray:
        import numpy as np

        return np.array([cell.scenario == scenario for cell in self.cells])

    def choice_by_scenario(self) -> dict[str, str]:
        """The minimax-regret choice within each scenario's cells (profiles x methods)."""
        choices = {}
        for name in self.scenario_names:
            within = self.regret[self._cells_of(name)]
            worst, first = within.max(axis=0), (self.ranks[self._cells_of(name)] == 1).sum(axis=0)
            order = sorted(range(len(self.strategies)), key=lambda i: (worst[i], -first[i], within[:, i].mean()))
            choices[name] = self.strategies[order[0]]
        return choices

    def regret_by_scenario(self) -> pd.DataFrame:
        """Each strategy's worst regret in each scenario (over its profiles and methods),
        in the summary's order."""
        import pandas as pd

        frame = pd.DataFrame(
            {name: self.regret[self._cells_of(name)].max(axis=0) for name in self.scenario_names},
            index=pd.Index(self.strategies, name="strategy"),
        )
        return frame.loc[self.summary()["strategy"]].reset_index()

    def regret_by_cell(self) -> pd.DataFrame:
        """Each strategy's regret in each cell: one row per cell (scenario, profile, method),
        one column per strategy, in the summary's order."""
        import pandas as pd

        order = list(self.summary()["strategy"])
        frame = pd.DataFrame(self.regret, columns=self.strategies)[order]
        frame.insert(0, "method", [c.method.name for c in self.cells])
        frame.insert(0, "profile", [c.profile for c in self.cells])
        frame.insert(0, "scenario", [c.scenario for c in self.cells])
        return frame

    def grid(self) -> pd.DataFrame:
        """The tidy grid: one row per strategy x scenario x profile x method."""
        import pandas as pd

        count = len(self.strategies)
        return pd.DataFrame(
            {
                "actor": self.actor,
                "scenario": [c.scenario for c in self.cells for _ in range(count)],
                "profile": [c.profile for c in self.cells for _ in range(count)],
                "method": [c.method.name for c in self.cells for _ in range(count)],
                "strategy": self.strategies * len(self.cells),
                "rank": self.ranks.reshape(-1),
                "score": self.scores.reshape(-1),
                "regret": self.regret.reshape(-1),
            }
        )

    def verdict(self) -> str:
        """One line: the strategy first most often, the minimax-regret one, whether they agree."""
        total = len(self.cells)
        firsts = (self.ranks == 1).sum(axis=0)
        worst = self.regret.max(axis=0)
        index = {name: i for i, name in enumerate(self.strategies)}
        often, safe = self.most_often_first, self.minimax_regret
        count = int(firsts[index[often[0]]])
        tied = " (tied)" if len(often) > 1 else ""
        text = (
            f"first most often: {' and '.join(often)}{tied}, in {count} of {total} cells; "
            f"smallest maximum regret (minimax regret): {' and '.join(safe)}"
            f"{' (tied)' if len(safe) > 1 else ''}, at most {worst[index[safe[0]]]:.2f} behind the best"
        )
        if len(safe) == len(self.strategies) > 1:
            return (
                f"first most often: {' and '.join(often)}{tied}, in {count} of {total} cells; no strategy has a "
                f"smaller maximum regret than the others: each falls {worst[0]:.2f} behind the best in some cell"
            )
        if set(often) == set(safe):
            return text + "; the same: the safe bet is also the usual winner"
        shared = [name for name in safe if name in often]
        if shared:
            return text + f"; they agree on {' and '.join(shared)}"
        return (
            text + f"; they differ: {often[0]} wins most often but can fall {worst[index[often[0]]]:.2f} behind, "
            f"{safe[0]} never falls further than {worst[index[safe[0]]]:.2f}"
        )


@dataclass(frozen=True)
class RobustResult(PerActor[ActorRobust]):
    """Robust choice for one or more actors over the grid scenario x profile x method.

    ``all_actors`` gives one summary row per actor instead of a table per actor;
    ``cells`` adds, per actor, the table of every strategy's regret in every cell.
    """

    methods: tuple[Method, ...]
    results: tuple[ActorRobust, ...]
    all_actors: bool = False
    cells: bool = False

    def caption(self, item: ActorRobust) -> str:
        scenarios, profiles = len(item.scenarios), len(item.profiles)
        return (
            f"{item.actor}: robust choice over {scenarios} scenario(s) x {profiles} profile(s) x "
            f"{len(self.methods)} method(s) = {len(item.cells)} cells; scenarios {', '.join(item.scenario_names)}; "
            f"profiles {', '.join(item.profiles)}; methods {', '.join(m.title for m in self.methods)}; "
            f"first and top 3 are shares of cells; regret is how far a strategy's score falls short of the "
            f"cell's best (0 = best, 1 = worst of the cell); {data_note(item.matrix)}"
        )

    def overview(self) -> pd.DataFrame:
        """One row per actor: its robust (minimax-regret) choice (with the number of
        strategies tied with it), how often it is first, its worst-case regret, the
        strategy first most often, and whether the safe bet within each scenario (over its
        profiles and methods) is the same in every scenario (see :meth:`by_scenario`)."""
        import pandas as pd

        rows = []
        for item in self.results:
            summary = item.summary().set_index("strategy")
            choice = item.robust_choice
            others = len(item.minimax_regret) - 1
            rows.append({
                "actor": item.actor,
                "robust choice": choice + (f" (tied with {others} other(s))" if others else ""),
                "first": float(summary.loc[choice, "first"]),
                "max regret": float(summary.loc[choice, "max regret"]),
                "first most often": " and ".join(item.most_often_first),
                "same in every scenario": "yes" if len(set(item.choice_by_scenario().values())) == 1 else "no",
                "cells": len(item.cells),
            })
        return pd.DataFrame(rows)

    def by_scenario(self) -> pd.DataFrame:
        """Per actor and scenario, the safe bet within that scenario (the minimax-regret choice
        over its profiles and methods) and its maximum regret there."""
        import pandas as pd

        rows = []
        for item in self.results:
            for name, pick in item.choice_by_scenario().items():
                column = item.strategies.index(pick)
                rows.append({"actor": item.actor, "scenario": name, "safe bet": pick,
                             "max regret": float(item.regret[item._cells_of(name), column].max())})
        return pd.DataFrame(rows)

    def sections(self) -> list[Section]:
        if self.all_actors:
            caption = (
                f"robust choice per actor over scenarios x profiles x methods ({', '.join(self.actors)}); "
                "ranks, shares of cells and regret (a share of each cell's spread) compare across actors, "
                "raw scores do not: each actor's scale and criteria are its own"
            )
            return [
                Section("robust choice by actor", caption, self.overview()),
                Section("safe bet by scenario", "the safe bet of each actor within each scenario (minimax regret "
                        "over that scenario's profiles and methods): how each actor's best response moves with "
                        "the future", self.by_scenario()),
            ]
        sections = []
        for item in self.results:
            sections.append(Section(f"{item.actor} robust", self.caption(item), item.summary()))
            by_scenario = item.regret_by_scenario()
            legend = {name: f"S{number}" for number, name in enumerate(item.scenario_names, start=1)}
            sections.append(Section(
                f"{item.actor} regret by scenario",
                f"{item.actor}: worst regret of each strategy in each scenario (over profiles and methods); "
                + ", ".join(f"{short} = {name}" for name, short in legend.items()),
                by_scenario.rename(columns=legend),
            ))
            if self.cells:
                sections.append(Section(
                    f"{item.actor} regret by cell",
                    f"{item.actor}: regret of each strategy (columns, most robust first) in each cell",
                    item.regret_by_cell(),
                ))
        verdicts = [(item.actor, item.verdict()) for item in self.results]
        sections.append(Section("verdict", "verdict (minimax regret: Savage 1951)", Table(["actor", "verdict"],
                                                                                          verdicts)))
        return sections

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        """Per actor and strategy: first, top 3, best and worst rank, max and mean regret
        (with ``provenance``: the file, scenarios, profiles and methods of the grid).
        With ``all_actors``, the one-row-per-actor overview."""
        import pandas as pd

        if self.all_actors:
            return self.overview()
        frames = []
        for item in self.results:
            frame = item.summary()
            frame.insert(0, "actor", item.actor)
            if provenance:
                frame["file"] = item.matrix.file_name
                frame["scenarios"] = ", ".join(item.scenario_names)
                frame["profiles"] = "; ".join(f"{n}: {format_weights(w)}" for n, w in item.profiles.items())
                frame["methods"] = ", ".join(m.title for m in self.methods)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def grid(self) -> pd.DataFrame:
        """The whole grid, tidy: actor, scenario, profile, method, strategy, rank, score, regret."""
        import pandas as pd

        return pd.concat([item.grid() for item in self.results], ignore_index=True)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: per actor, its scenarios, profiles, the full grid, the summary, the verdict."""
        actors = []
        for item in self.results:
            summary = item.summary()
            actors.append({
                "actor": item.actor,
                "file": item.matrix.file_name,
                "scenarios": [
                    {"name": BASELINE, "description": "the matrix as scored", "source": item.matrix.file_name}
                    if s is None else {"name": s.name, "description": s.description, "source": s.source}
                    for s in item.scenarios
                ],
                "profiles": item.profiles,
                "cells": [
                    {
                        "scenario": cell.scenario,
                        "profile": cell.profile,
                        "method": cell.method.name,
                        "better": cell.method.better,
                        "ranking": [
                            {"strategy": name, "rank": int(item.ranks[row, col]),
                             "score": float(item.scores[row, col]), "regret": float(item.regret[row, col])}
                            for col, name in enumerate(item.strategies)
                        ],
                    }
                    for row, cell in enumerate(item.cells)
                ],
                "summary": [
                    {key.replace(" ", "_"): value if isinstance(value, str) else
                     int(value) if key.endswith("rank") else float(value) for key, value in row.items()}
                    for row in summary.to_dict("records")
                ],
                "most_often_first": item.most_often_first,
                "minimax_regret": item.minimax_regret,
                "robust_choice": item.robust_choice,
                "choice_by_scenario": item.choice_by_scenario(),
                "verdict": item.verdict(),
            })
        return {
            "methods": [{"name": m.name, "params": json_params(m)} for m in self.methods],
            "actors": actors,
        }

    def plot(self, actor: str | None = None, ax: Any = None) -> Any:
        """A heatmap of one actor's ranks: strategies (rows, most robust first) x cells,
        green for rank 1 to red for the last (matplotlib Axes); ``ax`` draws into your figure."""
        import matplotlib.pyplot as plt

        item = self[actor] if actor else self.results[0]
        order = [item.strategies.index(name) for name in item.summary()["strategy"]]
        ranks = item.ranks[:, order].T
        if ax is None:
            width = min(7 + 0.35 * len(item.cells), 30)
            _, ax = plt.subplots(figsize=(width, 0.4 * len(order) + 2.5))
        image = ax.imshow(ranks, cmap="RdYlGn_r", aspect="auto", vmin=1, vmax=max(int(ranks.max()), 2))
        ax.set_yticks(range(len(order)), [item.strategies[i] for i in order], fontsize=8)
        ax.set_xticks(range(len(item.cells)), [c.label for c in item.cells], rotation=90, fontsize=7)
        if ranks.size <= 400:
            for (row, col), value in _enumerate(ranks):
                ax.text(col, row, str(value), ha="center", va="center", fontsize=7, color="black")
        ax.figure.colorbar(image, ax=ax, label="rank (1 = best)")
        ax.set_title(f"{item.actor}: rank in each cell (scenario / profile / method)", loc="left", fontsize=9)
        ax.figure.tight_layout()
        return ax


def _enumerate(array: np.ndarray) -> Iterable[tuple[tuple[int, int], int]]:
    for row in range(array.shape[0]):
        for col in range(array.shape[1]):
            yield (row, col), int(array[row, col])


def robust_matrix(
    matrix: Matrix,
    methods: Sequence[Method],
    scenarios: str | Iterable[str | Scenario] | None = "all",
    profiles: ProfilesLike = None,
    stated_only: bool = False,
) -> ActorRobust:
    """The grid of one actor: every strategy ranked in every scenario x profile x method.

    Vectorised methods score all profiles of a scenario in one call
    (:func:`decide.methods.run.batch_scores`); the others run once per cell. With
    ``stated_only``, inferred strategies are left out after each scenario is applied.

    >>> from decide.io.load import resolve_matrices
    >>> japan = resolve_matrices(None, "japan")[0]
    >>> item = robust_matrix(japan, resolve_methods("wsm,topsis", None), profiles="file")
    >>> len(item.cells), item.ranks.shape[1] == len(item.strategies)
    (8, True)
    """
    import numpy as np

    from decide.core.ranks import competition_ranks
    from decide.methods.run import batch_scores, evaluate

    chosen_scenarios = select_scenarios(matrix, scenarios)
    chosen_profiles = resolve_profiles(matrix, profiles)
    weights = np.array([[w[c] for c in matrix.criterion_names] for w in chosen_profiles.values()], dtype=float)
    from decide.analysis.cost import check_grid

    check_grid(matrix, methods, len(chosen_scenarios) * len(chosen_profiles))
    cells: list[Cell] = []
    ranks, scores, regrets = [], [], []
    for done, scenario in enumerate(chosen_scenarios):
        report_progress(f"robust {matrix.actor}", done, len(chosen_scenarios))
        adjusted = apply_scenario(matrix, scenario)
        if stated_only:
            adjusted = adjusted.stated_only()
        name = BASELINE if scenario is None else scenario.name
        table, cost = adjusted.to_array(), adjusted.cost_mask()
        for method in methods:
            if method.vectorised:
                method.check(adjusted)
                block = batch_scores(method, adjusted, weights)
                block_ranks = np.array([method.rank_scores(block[i], table, cost, weights[i])
                                        for i in range(len(weights))])
            else:
                evaluated = [evaluate(method, adjusted.with_criterion_weights(w)) for w in chosen_profiles.values()]
                block_ranks = np.array([r for r, _ in evaluated])
                block = np.array([s for _, s in evaluated])
            cells += [Cell(name, profile, method) for profile in chosen_profiles]
            ranks.append(np.array([competition_ranks(row) for row in block_ranks]))
            scores.append(block)
            regrets.append(regret(block, method.better))
    return ActorRobust(
        matrix=matrix.stated_only() if stated_only else matrix,
        scenarios=tuple(chosen_scenarios),
        profiles=chosen_profiles,
        cells=tuple(cells),
        ranks=np.vstack(ranks).astype(int),
        scores=np.vstack(scores),
        regret=np.vstack(regrets),
    )


def robust(
    source: MatrixSource = None,
    *,
    actors: Iterable[str] | str | None = None,
    scenarios: str | Iterable[str | Scenario] | None = "all",
    profiles: ProfilesLike = None,
    methods: str | Sequence[str | Method] | None = None,
    params: Mapping[str, Any] | None = None,
    all_actors: bool = False,
    stated_only: bool = False,
    cells: bool = False,
) -> RobustResult:
    """Which strategy of each actor holds up across scenarios, weight profiles and methods.

    ``scenarios``: ``"all"`` (the baseline and every scenario of the actor), ``"a,b"``
    or a list of names or :class:`~decide.analysis.scenarios.Scenario` objects. ``profiles``:
    ``None``/``"all"`` (the file weights and any named profiles), names, or weight
    mappings (see :func:`resolve_profiles`). ``methods``: default the vectorised ones
    (wsm, wpm, topsis, vikor), ``"all"``, ``"a,b"`` or a list; ``params`` per method,
    ``{"vikor": {"v": 0.3}}``. ``all_actors=True`` prints one row per actor.
    ``stated_only=True`` leaves out the strategies whose basis is ``inferred``;
    ``cells=True`` adds each strategy's regret in every cell to the printed tables.
    """
    chosen = resolve_methods(methods, params)
    matrices = resolve_matrices(source, actors)
    per_actor = _scenarios_per_actor(matrices, scenarios)
    return RobustResult(
        tuple(chosen),
        tuple(robust_matrix(m, chosen, per_actor[i], profiles, stated_only) for i, m in enumerate(matrices)),
        all_actors, cells,
    )


def _scenarios_per_actor(
    matrices: Sequence[Matrix], scenarios: str | Iterable[str | Scenario] | None
) -> list[str | Iterable[str | Scenario] | None]:
    """The scenarios each actor's grid runs: with several actors, a named scenario is run for
    the actors that have it (an error if none has it)."""
    from decide.io.scenarios import find_scenario, load_scenarios

    if len(matrices) < 2 or scenarios is None:
        return [scenarios] * len(matrices)
    if isinstance(scenarios, str):
        if scenarios.strip().lower() == "all":
            return [scenarios] * len(matrices)
        scenarios = [part.strip() for part in scenarios.split(",") if part.strip()]
    entries = list(scenarios)

    def has(matrix: Matrix, entry: str | Scenario) -> bool:
        if not isinstance(entry, str) or entry.strip().casefold() == BASELINE:
            return True
        try:
            find_scenario(matrix, entry)
        except UnknownNameError:
            return False
        return True

    for entry in entries:
        if not any(has(m, entry) for m in matrices):
            known = sorted({s.name for m in matrices for s in load_scenarios(m)})
            raise UnknownNameError(
                f"unknown scenario '{entry}'; the selected actors' scenarios: {', '.join([BASELINE, *known])}"
            )
    return [[entry for entry in entries if has(m, entry)] or [BASELINE] for m in matrices]


__all__ = [
    "FILE_PROFILE",
    "ActorRobust",
    "Cell",
    "RobustResult",
    "leaders",
    "regret",
    "resolve_methods",
    "resolve_profiles",
    "robust",
    "robust_matrix",
]
