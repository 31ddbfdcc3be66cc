"""A briefing a planner can hand on: every actor's ranking, why the leader leads, how
robust that is, whether the methods agree, and where each score comes from.

:func:`report` runs rank, explain, sensitivity, SMAA and compare for each actor;
:meth:`Report.to_html` gives one self-contained page (inline styles, charts as inline
SVG, no external requests) and :meth:`Report.write_markdown` Markdown with the charts
written beside it. As a :class:`~decide.rendering.result.Result` it also prints as text tables.

>>> briefing = report(actors="China", samples=200, seed=1, methods="wsm,topsis")
>>> from decide.analysis.ranking import rank
>>> briefing.summary.loc[0, "first"] == rank(actors="China").results[0].top
True
>>> list(briefing.summary.columns)
['actor', 'first', 'margin', 'first in SMAA', 'methods agreeing', 'runner-up']
"""

from __future__ import annotations

import html
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from decide.core.tables import Section
from decide.io.load import MatrixSource
from decide.methods import DEFAULT_METHOD, get_method
from decide.methods.base import Method
from decide.rendering.result import PerActor, Result, format_weights, json_params
from decide.weights.apply import require_profile_everywhere

if TYPE_CHECKING:
    import pandas as pd

    from decide.analysis.actor_ranking import ActorRanking
    from decide.analysis.compare import Comparison
    from decide.analysis.explain import ActorContributions
    from decide.analysis.robust import ActorRobust
    from decide.analysis.sensitivity import SensitivityResult
    from decide.analysis.smaa import SMAAResult
    from decide.core.model import Matrix
    from decide.core.ranks import Progress

#: SMAA draws in a report unless told otherwise (enough for two decimals).
REPORT_SAMPLES = 2_000
#: The seed of a report's SMAA unless told otherwise, so the same command gives the same report.
REPORT_SEED = 0
#: Charts a report draws per actor.
CHARTS = ("ranking", "contributions", "sensitivity", "smaa", "robust")


@dataclass(frozen=True)
class ActorBriefing:
    """Everything the report says about one actor."""

    ranking: ActorRanking
    contributions: ActorContributions
    sensitivity: SensitivityResult
    smaa: SMAAResult
    comparison: Comparison
    #: the grid scenario x profile x method (:mod:`decide.analysis.robust`), when the report ran it
    robust: ActorRobust | None = None

    @property
    def matrix(self) -> Matrix:
        return self.ranking.matrix

    @property
    def first_rank_acceptability(self) -> pd.Series:
        """Share of SMAA draws in which each strategy ranks first."""
        return self.smaa.results[0].first_rank_acceptability

    @property
    def actor(self) -> str:
        return self.matrix.actor


@dataclass(frozen=True)
class Report(PerActor[ActorBriefing]):
    """A briefing over several actors: summary, then per actor every analysis."""

    method: Method
    results: tuple[ActorBriefing, ...]
    samples: int
    seed: int
    methods: tuple[str, ...]
    seconds: float = 0.0

    # -- the pieces, as library objects ----------------------------------------------

    def ranking(self) -> Any:
        from decide.analysis.ranking import Ranking

        return Ranking(self.method, tuple(b.ranking for b in self.results))

    def contributions(self) -> Any:
        from decide.analysis.explain import Contributions

        return Contributions(self.method, tuple(b.contributions for b in self.results))

    def smaa(self) -> Any:
        from dataclasses import replace

        return replace(self.results[0].smaa, results=tuple(b.smaa.results[0] for b in self.results))

    @property
    def summary(self) -> pd.DataFrame:
        """One row per actor: the first strategy, its margin over the second (in score
        units, in the method's direction), the share of SMAA draws in which it stays
        first, how many compared methods also rank it first, and the runner-up."""
        import pandas as pd

        rows = []
        for b in self.results:
            table = b.ranking.table
            first = str(table["strategy"].iloc[0])
            second = str(table["strategy"].iloc[1]) if len(table) > 1 else "-"
            margin = abs(float(table["score"].iloc[0]) - float(table["score"].iloc[1])) if len(table) > 1 else 0.0
            agreeing = int((b.comparison.ranks.loc[first] == 1).sum())
            rows.append({
                "actor": b.actor, "first": first, "margin": margin,
                "first in SMAA": float(b.first_rank_acceptability[first]),
                "methods agreeing": f"{agreeing} of {len(b.comparison.methods)}",
                "runner-up": second,
            })
        return pd.DataFrame(rows)

    @property
    def head(self) -> list[tuple[str, str]]:
        """What the report was made from, so that it can be reproduced."""
        from decide.rendering.workbook import _version

        files = ", ".join(str(b.matrix.path or b.matrix.file_name) for b in self.results)
        weights = "; ".join(
            f"{b.actor}: {format_weights(b.matrix.weights, b.matrix.weights_source)}" for b in self.results
        )
        return [
            ("data", files),
            ("method", self.method.title),
            ("weights", weights if self.method.uses_weights else f"not used by {self.method.name}"),
            ("SMAA", self._smaa_model()),
            ("methods compared", ", ".join(self.methods)),
            ("decide", _version()),
        ]

    def _smaa_model(self) -> str:
        """How the SMAA draws were made, as its captions say (draws, seed, weights, scores)."""
        if not self.results:
            return f"{self.samples} draws, seed {self.seed}"
        caption = self.results[0].smaa.caption(self.results[0].smaa.results[0])
        parts = caption.split("; ")[1:4]  # draws and seed; weights; scores
        return "; ".join(parts)

    def caption(self) -> str:
        return (
            f"Briefing: first strategy of each actor by {self.method.title}; margin over the second; "
            f"share of {self.samples} SMAA draws (seed {self.seed}) in which it stays first; "
            f"methods ({', '.join(self.methods)}) that also rank it first"
        )

    # -- Result protocol ---------------------------------------------------------------

    def sections(self) -> list[Section]:
        sections = [Section("summary", self.caption(), self.summary)]
        sections += _ranking_sections(self.ranking())
        for b in self.results:
            sections.append(Section(f"{b.actor} why", f"{b.actor}: why the leader leads",
                                    _why_frame(b)))
        return sections

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        frame = self.summary
        if provenance:
            frame["method"] = self.method.name
            frame["params"] = self.method.describe()
            frame["samples"] = self.samples
            frame["seed"] = self.seed
        return frame

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method.name,
            "params": json_params(self.method),
            "samples": self.samples,
            "seed": self.seed,
            "methods": list(self.methods),
            "summary": self.summary.to_dict("records"),
            "ranking": self.ranking().to_dict()["rankings"],
            "contributions": self.contributions().to_dict()["actors"],
        }

    # -- HTML ---------------------------------------------------------------------------

    def write(self, path: str | os.PathLike[str], progress: Progress | None = None) -> Path:
        """Write the briefing to ``path``: ``.html``, ``.md`` or ``.pdf`` by its suffix (see :func:`write_report`)."""
        return write_report(self, path, progress)

    def to_html(self, progress: Progress | None = None) -> str:
        """One self-contained HTML page: styles inline, charts as inline SVG;
        ``progress("charts", done, total)`` is called after each actor's charts."""
        from decide.rendering.formats import _html_table, html_document

        head_rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in self.head)
        parts = [
            "<h1>Briefing: ranked strategies by actor</h1>",
            f'<table class="head">{head_rows}</table>',
            "<h2>Summary</h2>",
            _html_table(Section("summary", self.caption(), _formatted_summary(self.summary))),
            '<nav><p>Actors: ' + " · ".join(f'<a href="#{_anchor(b.actor)}">{_e(b.actor)}</a>'
                                           for b in self.results) + "</p></nav>",
        ]
        ranking = self.ranking()
        marked = {s.title: s for s in _ranking_sections(ranking)}
        for done, b in enumerate(self.results):
            parts.append(self._actor_html(b, marked[b.actor]))
            if progress is not None:
                progress("charts", done + 1, len(self.results))
        return html_document("decide briefing", "\n".join(parts), style=_STYLE)

    def _actor_html(self, b: ActorBriefing, ranking_section: Section) -> str:
        from decide.analysis.explain import Contributions
        from decide.analysis.ranking import Ranking
        from decide.rendering.charts import (
            plot_acceptability_heatmap,
            plot_contributions,
            plot_first_by_weight,
            plot_ranking,
            svg_text,
        )
        from decide.rendering.formats import _html_table
        ranking = Ranking(self.method, (b.ranking,))
        contributions = Contributions(self.method, (b.contributions,))
        smaa = b.smaa
        first = b.ranking.top
        why = b.contributions.sentences[first]
        out = [
            f'<section id="{_anchor(b.actor)}">',
            f"<h2>{_e(b.actor)}</h2>",
            f"<p class=\"lead\"><strong>{_e(first)}</strong> is {_e(why)}.</p>",
            "<h3>Ranking</h3>",
            _html_table(ranking_section),
            _figure(svg_text(plot_ranking(ranking)), "scores, best at the top"),
            "<h3>Why the leader leads</h3>",
            _html_table(Section("why", contributions.caption(b.contributions), _why_frame(b))),
            _figure(svg_text(plot_contributions(contributions)), "each strategy's score split by criterion"),
            "<h3>How robust it is</h3>",
            _figure(svg_text(plot_first_by_weight(b.sensitivity)),
                    "which strategy is first as each weight moves from 0 to 1 (others keep their proportions)"),
            _html_table(b.sensitivity.sections()[0]),
            _figure(svg_text(plot_acceptability_heatmap(smaa)),
                    f"SMAA rank acceptability: share of {self.samples} random draws at each rank"),
            _html_table(smaa.sections()[0]),
            "<h3>Do the methods agree?</h3>",
            _html_table(_compact(b.comparison.sections()[0])),
            *self._robust_html(b),
            "<h3>Where each score comes from</h3>",
            _sources_html(b.matrix),
            "</section>",
        ]
        return "\n".join(out)

    def _robust_html(self, b: ActorBriefing) -> list[str]:
        """Across scenarios, profiles and methods: the robust table, the verdict, the heatmap."""
        if b.robust is None:
            return []
        from decide.rendering.charts import svg_text
        from decide.rendering.formats import _html_table

        grid = _robust_result(b)
        return [
            "<h3>Across futures, priorities and methods</h3>",
            f'<p class="lead">{_e(b.robust.verdict()[0].upper() + b.robust.verdict()[1:])}.</p>',
            _html_table(grid.sections()[0]),
            _figure(svg_text(grid.plot()), "rank in each cell of the grid scenario x profile x method"),
        ]

    # -- Markdown -----------------------------------------------------------------------

    def write_markdown(
        self, path: str | os.PathLike[str], chart_format: str = "svg", progress: Progress | None = None
    ) -> Path:
        """Markdown at ``path`` with its charts written beside it (``<stem>-<actor>-<chart>.svg``)."""
        from decide.analysis.explain import Contributions
        from decide.analysis.ranking import Ranking
        from decide.rendering.charts import (
            plot_acceptability_heatmap,
            plot_contributions,
            plot_first_by_weight,
            plot_ranking,
        )
        from decide.rendering.formats import _tabulate, atomic_write, escape_markdown
        target = Path(path)
        lines = ["# Briefing: ranked strategies by actor", ""]
        lines += [f"- **{k}**: {escape_markdown(v)}" for k, v in self.head]
        lines += ["", "## Summary", "", _tabulate(_formatted_summary(self.summary), "pipe", escape_markdown), "",
                  f"Table: {escape_markdown(self.caption())}", ""]
        marked = {s.title: s for s in _ranking_sections(self.ranking())}
        for done, b in enumerate(self.results):
            ranking = Ranking(self.method, (b.ranking,))
            smaa = b.smaa
            charts = {
                "ranking": plot_ranking(ranking),
                "contributions": plot_contributions(Contributions(self.method, (b.contributions,))),
                "sensitivity": plot_first_by_weight(b.sensitivity),
                "smaa": plot_acceptability_heatmap(smaa),
            }
            if b.robust is not None:
                charts["robust"] = _robust_result(b).plot()
            names = {}
            for name, axis in charts.items():
                chart = target.with_name(f"{target.stem}-{_anchor(b.actor)}-{name}.{chart_format}")
                _save(axis, chart)
                names[name] = chart.name
            first = b.ranking.top
            lines += [f"## {escape_markdown(b.actor)}", "",
                      f"**{escape_markdown(first)}** is {escape_markdown(b.contributions.sentences[first])}.", "",
                      "### Ranking", ""]
            lines += _markdown_table(marked[b.actor])
            lines += [f"![{b.actor}: scores]({names['ranking']})", "", "### Why the leader leads", ""]
            lines += _markdown_table(Section("why", Contributions(self.method, (b.contributions,)).caption(
                b.contributions), _why_frame(b)))
            lines += [f"![{b.actor}: contributions by criterion]({names['contributions']})", "",
                      "### How robust it is", "", f"![{b.actor}: first strategy by weight]({names['sensitivity']})", ""]
            lines += _markdown_table(b.sensitivity.sections()[0])
            lines += [f"![{b.actor}: SMAA rank acceptability]({names['smaa']})", ""]
            lines += _markdown_table(_compact(smaa.sections()[0]))
            lines += ["### Do the methods agree?", ""]
            lines += _markdown_table(_compact(b.comparison.sections()[0]))
            if b.robust is not None:
                verdict = b.robust.verdict()
                lines += ["### Across futures, priorities and methods", "",
                          f"**{escape_markdown(verdict[0].upper() + verdict[1:])}.**", ""]
                lines += _markdown_table(_robust_result(b).sections()[0])
                lines += [f"![{b.actor}: rank in each cell]({names['robust']})", ""]
            lines += ["### Where each score comes from", ""]
            lines += _sources_markdown(b.matrix)
            if progress is not None:
                progress("charts", done + 1, len(self.results))
        text = "\n".join(lines)
        return atomic_write(target, lambda temporary: _write_text(temporary, text))


@dataclass(frozen=True)
class ReportSummary(Result):
    """Just the cross-actor summary of a :class:`Report` (what ``decide report`` prints
    without ``--output``)."""

    report: Report

    def sections(self) -> list[Section]:
        return [Section("summary", self.report.caption(), _formatted_summary(self.report.summary),
                        note="The whole briefing: decide report -o briefing.html (or .md, .pdf).")]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        return self.report.to_frame(provenance)

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.report.summary.to_dict("records")}


_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 62em;
       padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #4c72b0; padding-bottom: 0.2em; margin-top: 2.2em; }
h3 { margin-top: 1.6em; color: #333; }
table { border-collapse: collapse; margin: 0.8em 0 1.6em; font-size: 0.9em; }
caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.4em; }
th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #ddd; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #444; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.decide tbody tr.best { background: #eef5e9; }
table.head th { width: 10em; color: #555; font-weight: 600; }
figure { margin: 1em 0 2em; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.85em; color: #555; }
p.note { font-size: 0.85em; color: #555; margin-top: -1.2em; }
p.lead { font-size: 1.05em; background: #f5f7fa; padding: 0.6em 0.9em; border-left: 4px solid #4c72b0; }
details { margin: 0.3em 0; } summary { cursor: pointer; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; } nav { display: none; }
  section { break-before: page; } figure, table, p.lead { break-inside: avoid; }
}
"""


def _robust_result(b: ActorBriefing) -> Any:
    """One actor's robust grid as a :class:`~decide.analysis.robust.RobustResult` (tables, heatmap)."""
    from decide.analysis.robust import RobustResult

    assert b.robust is not None
    methods = tuple(dict.fromkeys(cell.method for cell in b.robust.cells))
    return RobustResult(methods, (b.robust,))


def _write_text(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _anchor(actor: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", actor.lower()).strip("-") or "actor"


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{_e(caption)}</figcaption></figure>"


def _save(axis: Any, path: Path) -> None:
    import matplotlib.pyplot as plt

    from decide.rendering.formats import atomic_write

    try:
        atomic_write(path, lambda temporary: axis.figure.savefig(temporary, dpi=150))
    finally:
        plt.close(axis.figure)


def _compact(section: Section) -> Section:
    """The section with its narrower table (short method names, no point columns)."""
    from dataclasses import replace

    if section.compact is None:
        return section
    note = " ".join(n for n in (section.note, section.compact_note) if n)
    return replace(section, frame=section.compact, note=note)


def _markdown_table(section: Section) -> list[str]:
    """A section as Markdown lines: the table, its ``Table:`` caption and its footnote."""
    from decide.rendering.formats import _tabulate, escape_markdown

    lines = [_tabulate(section.frame, "pipe", escape_markdown), "", f"Table: {escape_markdown(section.caption)}", ""]
    if section.note:
        lines += [escape_markdown(section.note), ""]
    return lines


def _sources_markdown(matrix: Matrix) -> list[str]:
    """Each strategy's scores, rationales and source as a Markdown list."""
    from decide.rendering.formats import escape_markdown

    lines = []
    for strategy in matrix.strategies:
        scores = ", ".join(f"{c.name} {strategy.scores[c.name]:g}" for c in matrix.criteria)
        lines.append(f"- **{escape_markdown(strategy.name)}** ({escape_markdown(scores)})")
        rationale = strategy.rationale
        if isinstance(rationale, Mapping):
            lines += [f"  - {escape_markdown(c)}: {escape_markdown(t)}" for c, t in rationale.items()]
        elif rationale:
            lines.append(f"  - {escape_markdown(rationale)}")
        if strategy.source:
            lines.append(f"  - source: {escape_markdown(strategy.source)}")
    return [*lines, ""]


def _formatted_summary(summary: pd.DataFrame) -> pd.DataFrame:
    frame = summary.copy()
    frame["first in SMAA"] = [f"{100 * v:.0f}%" for v in frame["first in SMAA"]]
    return frame


def _ranking_sections(ranking: Any) -> list[Section]:
    return list(ranking.sections())


def _why_frame(b: ActorBriefing) -> pd.DataFrame:
    import pandas as pd

    rows = list(b.contributions.contributions.index)
    return pd.DataFrame({"rank": b.contributions.ranks.loc[rows].to_numpy(), "strategy": rows,
                         "why": [b.contributions.sentences[s] for s in rows]})


def _sources_html(matrix: Matrix) -> str:
    criteria = matrix.criteria
    head = "".join(f'<th class="num">{_e(c.name)} ({c.objective})</th>' for c in criteria)
    rows = []
    for strategy in matrix.strategies:
        cells = "".join(f'<td class="num">{strategy.scores[c.name]:g}</td>' for c in criteria)
        rationale = strategy.rationale
        if isinstance(rationale, Mapping):
            why = "".join(f"<li><b>{_e(c)}</b>: {_e(t)}</li>" for c, t in rationale.items())
            why = f"<ul>{why}</ul>"
        else:
            why = f"<p>{_e(rationale)}</p>" if rationale else ""
        source = f"<p><b>source</b>: {_e(strategy.source)}</p>" if strategy.source else ""
        detail = f"<details><summary>rationale and source</summary>{why}{source}</details>" if why or source else ""
        rows.append(f"<tr><td>{_e(strategy.name)}{detail}</td>{cells}</tr>")
    return (
        f'<table class="decide sources"><caption>{_e(matrix.actor)}: scores from {_e(matrix.file_name)}, '
        f"each with its rationale and source</caption><thead><tr><th>strategy</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def report(
    source: MatrixSource = None,
    *,
    actors: Iterable[str] | str | None = None,
    method: str | Method = DEFAULT_METHOD,
    weights: Any = None,
    profile: str | None = None,
    weighting: str = "roc",
    params: Mapping[str, Any] | None = None,
    samples: int = REPORT_SAMPLES,
    seed: int = REPORT_SEED,
    methods: Sequence[str] | str | None = None,
    stated_only: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Rank, explain, test (sensitivity, SMAA), compare and test across scenarios x profiles x
    methods (:func:`decide.analysis.robust.robust_matrix`) every selected actor.

    ``methods`` are the methods compared (default: :data:`decide.analysis.compare.DEFAULT_COMPARE`);
    ``weights``, ``profile``, ``weighting`` and ``stated_only`` work as in :func:`decide.rank`;
    ``progress(label, done, total)`` is called after each actor.
    """
    from decide.analysis.actor_ranking import rank_matrix
    from decide.analysis.compare import Comparison, compare
    from decide.analysis.explain import explain_matrix
    from decide.analysis.robust import resolve_methods, robust_matrix
    from decide.analysis.sensitivity import sensitivity
    from decide.analysis.smaa import smaa
    from decide.io.load import resolve_matrices
    from decide.weights.apply import apply_weights

    started = time.perf_counter()
    chosen = get_method(method, params)
    selected = resolve_matrices(source, actors, stated_only=stated_only)
    require_profile_everywhere(selected, profile)
    matrices = [apply_weights(m, weights, profile, weighting) for m in selected]
    # scenarios adjust the file's strategies, so the grid starts from them all (stated_only applies after)
    selected = resolve_matrices(source, actors)
    require_profile_everywhere(selected, profile)
    complete = [apply_weights(m, weights, profile, weighting) for m in selected]
    grid_methods = resolve_methods(None, None)
    from decide.analysis.compare import DEFAULT_COMPARE
    from decide.analysis.cost import check_report

    check_report(matrices, DEFAULT_COMPARE if methods is None else methods, samples)
    briefings = []
    for done, (matrix, whole) in enumerate(zip(matrices, complete, strict=True)):
        compared = cast(Comparison, compare(matrix, actor=matrix.actor, methods=methods))  # no profiles
        if chosen.uses_weights:
            robust = sensitivity(matrix, actor=matrix.actor, method=chosen)
        else:
            robust = sensitivity(matrix, actor=matrix.actor, method="topsis")
        drawn = smaa(matrix, actors=matrix.actor, method=chosen, samples=samples, seed=seed)
        grid = robust_matrix(whole, grid_methods, stated_only=stated_only)
        briefings.append(ActorBriefing(rank_matrix(matrix, chosen), explain_matrix(matrix, chosen), robust,
                                       drawn, compared, grid))
        if progress is not None:
            progress("report", done + 1, len(matrices))
    names = tuple(m.name for m in briefings[0].comparison.methods) if briefings else ()
    return Report(chosen, tuple(briefings), samples, seed, names, time.perf_counter() - started)


#: The suffixes :func:`write_report` understands.
REPORT_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".pdf")


def chromium() -> str | None:
    """The headless browser that prints PDF reports, if one is installed."""
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _print_pdf(html_text: str, target: str) -> None:
    """Print the page to PDF with headless Chromium, offline (the page makes no requests)."""
    import subprocess
    import tempfile

    from decide.core.errors import DecideError

    browser = chromium()
    if browser is None:
        raise DecideError(
            f"{target}: a PDF report needs Chromium (Debian package 'chromium'); "
            "install it, or write briefing.html and print it from a browser"
        )
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "briefing.html"
        page.write_text(html_text, encoding="utf-8")
        options = ["--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                   "--no-pdf-header-footer", f"--user-data-dir={folder}/profile"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            options.append("--no-sandbox")  # Chromium refuses to start as root otherwise
        done = subprocess.run([browser, *options, f"--print-to-pdf={target}", page.as_uri()],
                              capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not Path(target).is_file() or Path(target).read_bytes()[:5] != b"%PDF-":
        raise DecideError(f"{target}: Chromium could not print the report (exit {done.returncode})")


def write_report(briefing: Report, path: str | os.PathLike[str], progress: Progress | None = None) -> Path:
    """Write the report as HTML (``.html``), Markdown with charts beside it (``.md``), or
    PDF (``.pdf``, printed by headless Chromium when it is installed); ``progress`` as in
    :meth:`Report.to_html`."""
    from decide.core.errors import SpecError
    from decide.rendering.formats import atomic_write

    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm"):
        text = briefing.to_html(progress)
        return atomic_write(path, lambda temporary: _write_text(temporary, text))
    if suffix in (".md", ".markdown"):
        return briefing.write_markdown(path, progress=progress)
    if suffix == ".pdf":
        page = briefing.to_html(progress).replace("<details>", "<details open>")  # rationales on paper
        return atomic_write(path, lambda temporary: _print_pdf(page, temporary))
    raise SpecError(f"'{path}' must end in .html, .md or .pdf", field="output")


__all__ = [
    "REPORT_SAMPLES",
    "REPORT_SEED",
    "REPORT_SUFFIXES",
    "ActorBriefing",
    "Report",
    "ReportSummary",
    "chromium",
    "report",
    "write_report",
]
