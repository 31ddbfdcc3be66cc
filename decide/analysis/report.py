"""A briefing a planner can hand on: a brief (one page of summary, one page per actor: the
answer in plain words, a chart of the ranking with its uncertainty, what would change it,
what it rests on), and on request the annex (every ranking, why the leader leads, how
robust that is, whether the methods agree, and where each score comes from).

:func:`report` runs rank, explain, sensitivity, SMAA, compare and the robust grid for each
actor; :meth:`Report.to_html` gives one self-contained page (inline styles, charts as
inline SVG, no external requests) and :meth:`Report.write_markdown` Markdown with the
charts in a folder beside it. What the brief says is computed in :mod:`decide.analysis.brief`
and laid out by :mod:`decide.rendering.brief_html`; the annex is :mod:`decide.analysis.report_annex`.
As a :class:`~decide.rendering.result.Result` it also prints as text tables.

>>> briefing = report(actors="China", samples=200, seed=1, methods="wsm,topsis")
>>> from decide.analysis.ranking import rank
>>> briefing.summary.loc[0, "first"] == rank(actors="China").results[0].top
True
>>> list(briefing.summary.columns)
['actor', 'first', 'margin', 'first in SMAA', 'lead', 'methods agreeing', 'runner-up']
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack, cast

from decide.analysis.lead import LEAD_SAMPLES, LEAD_SEED
from decide.analysis.selection import Selection, SelectionFields
from decide.core.tables import Section
from decide.io.load import MatrixSource
from decide.methods.base import Method
from decide.rendering.registry import suffixes_of
from decide.rendering.result import PerActor, Result, format_weights, json_params

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

#: SMAA draws in a report unless told otherwise (enough for two decimals; the draws behind
#: the words of ``explain`` and ``tune`` too, :mod:`decide.analysis.lead`).
REPORT_SAMPLES = LEAD_SAMPLES
#: The seed of a report's SMAA unless told otherwise, so the same command gives the same report.
REPORT_SEED = LEAD_SEED
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
        first, how firmly it leads in words (:mod:`decide.rendering.words`), how many
        compared methods rank it first alone (a method that ranks most strategies first
        together does not count, see :func:`decide.analysis.brief.agreement`), and the runner-up."""
        import pandas as pd

        from decide.analysis.brief import agreement
        from decide.analysis.lead import lead_from

        rows = []
        for b in self.results:
            table = b.ranking.table
            scores = table["score"].astype(float)
            first = str(table["strategy"].iloc[0])
            second = str(table["strategy"].iloc[1]) if len(table) > 1 else "-"
            margin = abs(float(scores.iloc[0]) - float(scores.iloc[1])) if len(table) > 1 else 0.0
            shares = b.first_rank_acceptability
            lead = lead_from(list(table["strategy"]), list(scores), shares.to_dict(), self.samples, self.seed)
            agreed = agreement(b.comparison, first)
            rows.append(
                {
                    "actor": b.actor,
                    "first": first,
                    "margin": margin,
                    "first in SMAA": float(shares[first]),
                    "lead": lead.word,
                    "methods agreeing": agreed.count + ("†" if agreed.blind else ""),
                    "runner-up": second,
                }
            )
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
            f"Brief: first strategy of each actor by {self.method.title}; margin over the second; "
            f"share of {self.samples} SMAA draws (seed {self.seed}) in which it stays first; "
            f"how firmly it leads; methods ({', '.join(self.methods)}) that rank it first alone"
        )

    # -- Result protocol ---------------------------------------------------------------

    def sections(self) -> list[Section]:
        sections = [Section("summary", self.caption(), self.summary)]
        from decide.analysis.report_annex import why_frame

        sections += list(self.ranking().sections())
        for b in self.results:
            sections.append(Section(f"{b.actor} why", f"{b.actor}: why the leader leads", why_frame(b)))
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
            "ranking": self.ranking().to_dict()["actors"],
            "contributions": self.contributions().to_dict()["actors"],
        }

    # -- the written report ----------------------------------------------------------------

    def write(
        self,
        path: str | os.PathLike[str],
        progress: Progress | None = None,
        *,
        full: bool = False,
        interactive: bool = False,
    ) -> Path:
        """Write the brief to ``path``: ``.html``, ``.md`` or ``.pdf`` by its suffix; ``full``
        appends the annex (every analysis and rationale), ``interactive`` adds weight sliders
        to an HTML brief (see :func:`write_report`)."""
        return write_report(self, path, progress, full=full, interactive=interactive)

    def pages(self, full: bool = False, interactive: bool = False) -> list[Any]:
        """The brief as document pages: the summary, one page per actor (with weight sliders
        when ``interactive``), then (``full``) the annex."""
        import functools
        from dataclasses import replace

        from decide.analysis.brief import brief_facts, interactive_data
        from decide.rendering.brief_charts import plot_rank_shares, rank_shares_svg
        from decide.rendering.brief_html import actor_page, summary_page
        from decide.rendering.document import Raw
        from decide.rendering.interactive_html import controls_html

        facts = brief_facts(self)
        pages = [summary_page(facts)]
        data = interactive_data(self) if interactive else []
        for index, f in enumerate(facts.actors):
            chart_args = (f.acceptability, f.order, f.actor, f.samples, f.method)
            chart = functools.partial(plot_rank_shares, *chart_args, ranked=f.ranked)
            page = actor_page(f, chart, svg=functools.partial(rank_shares_svg, *chart_args, ranked=f.ranked))
            if interactive:
                page = replace(page, blocks=(*page.blocks, Raw(controls_html(data[index], index))))
            pages.append(page)
        from decide.analysis.report_group import group_pages

        pages += group_pages(self.results, self.method)  # a group matrix: where its analysts disagree
        if full:
            from decide.analysis.report_annex import annex_pages

            pages += annex_pages(self)
        return pages

    def to_html(self, progress: Progress | None = None, *, full: bool = False, interactive: bool = False) -> str:
        """One self-contained HTML page: styles inline, charts as inline SVG;
        ``progress("charts", done, total)`` is called after each page."""
        from decide.rendering.brief_html import BRIEF_STYLE
        from decide.rendering.document import to_html_body
        from decide.rendering.formats import html_document

        pages = self.pages(full, interactive)
        body = to_html_body(pages, None if progress is None else lambda d, t: progress("charts", d, t))
        if not interactive:
            return html_document("decide briefing", body, style=BRIEF_STYLE)
        from decide.analysis.brief import interactive_data
        from decide.rendering.interactive_html import page_parts

        style, script = page_parts(interactive_data(self))
        return html_document("decide briefing", body, style=BRIEF_STYLE + style).replace("</body>", script + "</body>")

    def write_markdown(
        self,
        path: str | os.PathLike[str],
        chart_format: str = "svg",
        progress: Progress | None = None,
        *,
        full: bool = False,
    ) -> Path:
        """Markdown at ``path`` with its charts in a folder beside it (``brief.md`` -> ``brief_files/``)."""
        from decide.rendering.document import to_markdown
        from decide.rendering.formats import atomic_write

        target = Path(path)
        folder = target.with_name(f"{target.stem}_files")
        report_progress = None if progress is None else lambda d, t: progress("charts", d, t)
        text = to_markdown(self.pages(full), folder, report_progress, chart_format)
        return atomic_write(target, lambda temporary: _write_text(temporary, text))


@dataclass(frozen=True)
class ReportSummary(Result):
    """Just the cross-actor summary of a :class:`Report` (what ``decide report`` prints
    without ``--output``)."""

    report: Report

    def sections(self) -> list[Section]:
        from decide.analysis.report_group import group_sections

        frame = self.report.summary
        frame["first in SMAA"] = [f"{100 * v:.0f}%" for v in frame["first in SMAA"]]
        note = "† a compared method ranks most strategies first together (it does not discriminate; not counted)."
        return [
            Section(
                "summary",
                self.report.caption(),
                frame,
                note=(note + " " if frame["methods agreeing"].str.endswith("†").any() else "")
                + "The brief: decide report -o brief.html (or .md, .pdf); --full adds the annex.",
            ),
            *group_sections(self.report.results, self.report.method),  # a group matrix's analysts
        ]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        return self.report.to_frame(provenance)

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.report.summary.to_dict("records")}


def _write_text(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


def report(
    source: MatrixSource = None,
    *,
    samples: int = REPORT_SAMPLES,
    seed: int = REPORT_SEED,
    methods: Sequence[str] | str | None = None,
    progress: Progress | None = None,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
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

    started = time.perf_counter()
    picked = Selection.of(source, selection, **fields)
    chosen = picked.method_object()
    matrices = picked.matrices()
    # scenarios adjust the file's strategies, so the grid starts from them all (stated_only applies after)
    complete = replace(picked, stated_only=False, scenario=None).matrices()
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
        grid = robust_matrix(whole, grid_methods, stated_only=picked.stated_only)
        briefings.append(
            ActorBriefing(rank_matrix(matrix, chosen), explain_matrix(matrix, chosen), robust, drawn, compared, grid)
        )
        if progress is not None:
            progress("report", done + 1, len(matrices))
    names = tuple(m.name for m in briefings[0].comparison.methods) if briefings else ()
    return Report(chosen, tuple(briefings), samples, seed, names, time.perf_counter() - started)


#: The suffixes :func:`write_report` understands.
REPORT_SUFFIXES = suffixes_of("report")


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
        options = [
            "--headless",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-pdf-header-footer",
            f"--user-data-dir={folder}/profile",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            options.append("--no-sandbox")  # Chromium refuses to start as root otherwise
        done = subprocess.run(
            [browser, *options, f"--print-to-pdf={target}", page.as_uri()], capture_output=True, text=True, timeout=300
        )
    if done.returncode != 0 or not Path(target).is_file() or Path(target).read_bytes()[:5] != b"%PDF-":
        raise DecideError(f"{target}: Chromium could not print the report (exit {done.returncode})")


def write_report(
    briefing: Report,
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    *,
    full: bool = False,
    interactive: bool = False,
) -> Path:
    """Write the brief as HTML (``.html``), Markdown with its charts in ``<stem>_files/``
    beside it (``.md``), or PDF (``.pdf``, printed on A4 by headless Chromium when it is
    installed); ``full`` appends the annex, ``interactive`` adds weight sliders and a method
    choice to an HTML brief; ``progress`` as in :meth:`Report.to_html`."""
    from decide.core.errors import SpecError
    from decide.rendering.formats import atomic_write

    suffix = Path(path).suffix.lower()
    if interactive and suffix not in (".html", ".htm"):
        raise SpecError(
            f"'{path}': an interactive brief is an HTML page; write it to a .html file", field="interactive"
        )
    if suffix in (".html", ".htm"):
        text = briefing.to_html(progress, full=full, interactive=interactive)
        return atomic_write(path, lambda temporary: _write_text(temporary, text))
    if suffix in (".md", ".markdown"):
        return briefing.write_markdown(path, progress=progress, full=full)
    if suffix == ".pdf":
        page = briefing.to_html(progress, full=full).replace("<details>", "<details open>")  # rationales on paper
        page = page.replace("</style>", "@page { size: A4; }\n</style>", 1)
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
