"""The result of :func:`decide.robust`: per actor the grid's cells, shares first and in the top three,
worst rank and regret, and the minimax-regret verdict; with its tables, JSON and chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from decide.core.counts import counted
from decide.core.tables import Section, Table
from decide.io.scenarios import BASELINE, Scenario
from decide.methods.base import Method
from decide.rendering.result import PerActor, data_note, format_weights, json_params

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from decide.core.model import Matrix


#: The profile name of the weights written in the matrix file.
FILE_PROFILE = "file"


#: Ranks at or above this count as "top three".
TOP = 3


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
        frame = frame.sort_values(["max regret", "first", "mean regret"], ascending=[True, False, True], kind="stable")
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
            f"{item.actor}: robust choice over {counted(scenarios, 'scenario')} x {counted(profiles, 'profile')} "
            f"x {counted(len(self.methods), 'method')} = {counted(len(item.cells), 'cell')}; "
            f"scenarios {', '.join(item.scenario_names)}; "
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
            rows.append(
                {
                    "actor": item.actor,
                    "robust choice": choice + (f" (tied with {counted(others, 'other')})" if others else ""),
                    "first": float(summary.loc[choice, "first"]),
                    "max regret": float(summary.loc[choice, "max regret"]),
                    "first most often": " and ".join(item.most_often_first),
                    "same in every scenario": "yes" if len(set(item.choice_by_scenario().values())) == 1 else "no",
                    "cells": len(item.cells),
                }
            )
        return pd.DataFrame(rows)

    def by_scenario(self) -> pd.DataFrame:
        """Per actor and scenario, the safe bet within that scenario (the minimax-regret choice
        over its profiles and methods) and its maximum regret there."""
        import pandas as pd

        rows = []
        for item in self.results:
            for name, pick in item.choice_by_scenario().items():
                column = item.strategies.index(pick)
                rows.append(
                    {
                        "actor": item.actor,
                        "scenario": name,
                        "safe bet": pick,
                        "max regret": float(item.regret[item._cells_of(name), column].max()),
                    }
                )
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
                Section(
                    "safe bet by scenario",
                    "the safe bet of each actor within each scenario (minimax regret "
                    "over that scenario's profiles and methods): how each actor's best response moves with "
                    "the future",
                    self.by_scenario(),
                ),
            ]
        sections = []
        for item in self.results:
            sections.append(Section(f"{item.actor} robust", self.caption(item), item.summary()))
            by_scenario = item.regret_by_scenario()
            legend = {name: f"S{number}" for number, name in enumerate(item.scenario_names, start=1)}
            sections.append(
                Section(
                    f"{item.actor} regret by scenario",
                    f"{item.actor}: worst regret of each strategy in each scenario (over profiles and methods); "
                    + ", ".join(f"{short} = {name}" for name, short in legend.items()),
                    by_scenario.rename(columns=legend),
                )
            )
            if self.cells:
                sections.append(
                    Section(
                        f"{item.actor} regret by cell",
                        f"{item.actor}: regret of each strategy (columns, most robust first) in each cell",
                        item.regret_by_cell(),
                    )
                )
        verdicts = [(item.actor, item.verdict()) for item in self.results]
        sections.append(
            Section("verdict", "verdict (minimax regret: Savage 1951)", Table(["actor", "verdict"], verdicts))
        )
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
            actors.append(
                {
                    "actor": item.actor,
                    "file": item.matrix.file_name,
                    "scenarios": [
                        {"name": BASELINE, "description": "the matrix as scored", "source": item.matrix.file_name}
                        if s is None
                        else {"name": s.name, "description": s.description, "source": s.source}
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
                                {
                                    "strategy": name,
                                    "rank": int(item.ranks[row, col]),
                                    "score": float(item.scores[row, col]),
                                    "regret": float(item.regret[row, col]),
                                }
                                for col, name in enumerate(item.strategies)
                            ],
                        }
                        for row, cell in enumerate(item.cells)
                    ],
                    "summary": [
                        {
                            key.replace(" ", "_"): value
                            if isinstance(value, str)
                            else int(value)
                            if key.endswith("rank")
                            else float(value)
                            for key, value in row.items()
                        }
                        for row in summary.to_dict("records")
                    ],
                    "most_often_first": item.most_often_first,
                    "minimax_regret": item.minimax_regret,
                    "robust_choice": item.robust_choice,
                    "choice_by_scenario": item.choice_by_scenario(),
                    "verdict": item.verdict(),
                }
            )
        return {
            "methods": [{"name": m.name, "params": json_params(m)} for m in self.methods],
            "actors": actors,
        }

    def plot(self, actor: str | None = None, ax: Any = None) -> Any:
        """A heatmap of one actor's ranks: strategies (rows, most robust first) x cells,
        green for rank 1 to red for the last (matplotlib Axes); ``ax`` draws into your figure."""
        from decide.analysis.charts import robust_grid
        from decide.rendering.charts import plot_robust_grid

        return plot_robust_grid(robust_grid(self[actor] if actor else self.results[0]), ax=ax)
