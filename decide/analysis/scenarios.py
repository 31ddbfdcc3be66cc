"""``decide scenarios``: list each actor's scenarios and, for one actor, their adjustments.

The scenario files themselves are read and applied by :mod:`decide.io.scenarios`.

>>> listed = scenarios(actors="China")
>>> listed.results[0].matrix.actor
'China'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from decide.core.counts import counted
from decide.core.model import Matrix
from decide.core.tables import Section, Table
from decide.io.load import MatrixSource, resolve_matrices
from decide.io.scenarios import BASELINE, SCENARIO_FOLDER, Scenario, load_scenarios, scenario_file
from decide.rendering.result import Result

if TYPE_CHECKING:
    import pandas as pd


#: Under a listing without its sources: how to see them.
SOURCES_NOTE = "Sources: add --sources (sources=True in Python); JSON always holds them."


def _plain(value: float) -> float | int:
    """A whole number as an int (``3``, not ``3.0000``), other values as they are."""
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True)
class ActorScenarios:
    """One actor's scenarios, with the matrix they adjust."""

    matrix: Matrix
    scenarios: tuple[Scenario, ...]


@dataclass(frozen=True)
class ScenarioList(Result):
    """The scenarios of one or more actors (``decide scenarios``)."""

    results: tuple[ActorScenarios, ...]
    detail: bool = False
    #: list each scenario's source after the table (JSON always carries it)
    sources: bool = False

    def _adjustment_rows(self, item: ActorScenarios) -> list[tuple[Any, ...]]:
        rows = []
        for scenario in item.scenarios:
            strategies = {s.name: s for s in item.matrix.strategies}
            for a in scenario.adjustments:
                before = float(strategies[a.strategy].scores[a.criterion])
                rows.append(
                    (scenario.name, a.strategy, a.criterion, _plain(before), _plain(a.new_value(before)), a.rationale)
                )
        return rows

    def sections(self) -> list[Section]:
        sections = []
        cites = any(s.source for i in self.results for s in i.scenarios)
        for item in self.results:
            m = item.matrix
            where = scenario_file(m)
            origin = f"from {SCENARIO_FOLDER}/{where.name}" if where else "none written"
            caption = (
                f"{m.actor}: {counted(len(item.scenarios), 'scenario')}, {origin}; '{BASELINE}' is the "
                f"matrix as scored; use one with --scenario NAME"
            )
            rows = [(s.name, len(s.adjustments), s.description) for s in item.scenarios]
            cited = [(s.name, s.source) for s in item.scenarios if s.source]
            note = SOURCES_NOTE if item is self.results[-1] and cites and not self.sources else ""
            sections.append(
                Section(
                    f"{m.actor} scenarios", caption, Table(["scenario", "adjustments", "description"], rows), note=note
                )
            )
            if cited and self.sources:
                sections.append(
                    Section(
                        f"{m.actor} scenario sources",
                        f"{m.actor}: where each scenario comes from",
                        Table(["scenario", "source"], cited),
                    )
                )
            if self.detail and item.scenarios:
                sections.append(
                    Section(
                        f"{m.actor} adjustments",
                        f"{m.actor}: each scenario's score adjustments, with their rationale",
                        Table(
                            ["scenario", "strategy", "criterion", "from", "to", "rationale"],
                            self._adjustment_rows(item),
                        ),
                    )
                )
        return sections

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        """One row per adjustment: actor, scenario, strategy, criterion, from, to, rationale
        (with ``provenance``, the scenario's description and source too)."""
        import pandas as pd

        rows = []
        for item in self.results:
            described = {s.name: s for s in item.scenarios}
            for row in self._adjustment_rows(item):
                extra = (described[row[0]].description, described[row[0]].source) if provenance else ()
                rows.append((item.matrix.actor, *row, *extra))
        columns = ["actor", "scenario", "strategy", "criterion", "from", "to", "rationale"]
        return pd.DataFrame(rows, columns=columns + (["description", "source"] if provenance else []))

    def to_dict(self) -> dict[str, Any]:
        return {
            "actors": [
                {
                    "actor": item.matrix.actor,
                    "file": _file_name(item.matrix),
                    "scenarios": [
                        {
                            "name": s.name,
                            "description": s.description,
                            "source": s.source,
                            "adjustments": [
                                {
                                    "strategy": a.strategy,
                                    "criterion": a.criterion,
                                    "change": a.change,
                                    "score": a.score,
                                    "rationale": a.rationale,
                                }
                                for a in s.adjustments
                            ],
                        }
                        for s in item.scenarios
                    ],
                }
                for item in self.results
            ]
        }


def _file_name(matrix: Matrix) -> str | None:
    path = scenario_file(matrix)
    return f"{SCENARIO_FOLDER}/{path.name}" if path else None


def scenarios(
    source: MatrixSource = None,
    *,
    actors: Iterable[str] | str | None = None,
    detail: bool | None = None,
    sources: bool = False,
) -> ScenarioList:
    """The scenarios of every selected actor; ``detail`` (default: when one actor is
    selected) adds each scenario's adjustments; ``sources`` lists each scenario's source
    after the table (JSON, and CSV with provenance, always hold it).

    >>> listed = scenarios(actors="China")
    >>> listed.results[0].matrix.actor
    'China'
    """
    matrices = resolve_matrices(source, actors)
    found = tuple(ActorScenarios(m, load_scenarios(m)) for m in matrices)
    return ScenarioList(found, detail=len(found) == 1 if detail is None else detail, sources=sources)


__all__ = ["ActorScenarios", "ScenarioList", "scenarios"]
