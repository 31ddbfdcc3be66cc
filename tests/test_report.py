"""decide report: a self-contained briefing; the workbook; notebook rendering; and the
report opened in a real (headless) browser when Chromium is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from decide import Criterion, Matrix, Strategy, rank, show
from decide.analysis.report import report, write_report
from decide.rendering.workbook import MAX_WIDTH

SMALL = Matrix(
    actor="Testland",
    criteria=(
        Criterion("stability", "max", 0.3),
        Criterion("deterrence", "max", 0.25),
        Criterion("cost", "min", 0.2),
        Criterion("risk", "min", 0.25),
    ),
    strategies=(
        Strategy(
            "Talks <& co>",
            {"stability": 8, "deterrence": 3, "cost": 2, "risk": 3},
            source="article 1",
            rationale={"stability": "builds trust", "cost": "cheap"},
        ),
        Strategy("Exercises", {"stability": 5, "deterrence": 9, "cost": 7, "risk": 6}),
        Strategy("Sanctions", {"stability": 4, "deterrence": 6, "cost": 4, "risk": 5}),
        Strategy("Aid", {"stability": 7, "deterrence": 2, "cost": 3, "risk": 2}),
    ),
    scale=(1.0, 10.0),
)


@pytest.fixture(scope="module")
def shipped_report():
    return report(samples=300, seed=3)


@pytest.fixture(scope="module")
def shipped_html(shipped_report, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "briefing.html"
    write_report(shipped_report, path, full=True)
    return path


@pytest.mark.slow
def test_summary_has_one_row_per_actor_with_first_margin_smaa_and_agreement(shipped_report):
    summary = shipped_report.summary
    ranking = rank()
    assert list(summary["actor"]) == ranking.actors
    for row, ranked in zip(summary.itertuples(), ranking.results, strict=True):
        table = ranked.table
        assert row.first == table["strategy"].iloc[0]
        assert row.margin == pytest.approx(table["score"].iloc[0] - table["score"].iloc[1])
        assert 0 <= row._4 <= 1  # first in SMAA
        assert re.fullmatch(r"[0-6] of 6†?", row._6)


@pytest.mark.slow
def test_html_is_self_contained_and_reproducible(shipped_html, shipped_report):
    text = shipped_html.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), "no external requests"
    assert "<script" not in text and "@import" not in text
    # the brief's chart, then the annex's ranking, contributions, sensitivity, SMAA, robust summary, and
    # the full grid in printable parts (one per method)
    from decide.analysis.charts import grid_parts

    parts = sum(len(grid_parts(b.robust)) for b in shipped_report.results)
    assert text.count("<svg") == 6 * len(shipped_report) + parts
    assert text.count("Across futures, priorities and methods") == len(shipped_report)
    made = re.search(r"<strong>Made from</strong>([^<]*)</p>", text).group(1)
    for label in ("data", "method", "weights", "SMAA", "methods compared", "decide"):
        assert f"{label}: " in made
    assert "300 draws, seed 3" in text and "topsis (normalization=vector)" in text
    assert "china.yaml (shipped)" in text and "site-packages" not in text and "/matrices/" not in text
    assert "Why the leader leads" in text and "Do the methods agree?" in text and "rationale and source" in text
    assert "--wide" not in text


@pytest.mark.slow
def test_same_inputs_give_the_same_report(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_report(report(SMALL, samples=100, seed=1), first, full=True)
    write_report(report(SMALL, samples=100, seed=1), second, full=True)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


@pytest.mark.slow
def test_names_are_escaped_and_sources_shown(tmp_path):
    path = write_report(report(SMALL, samples=100, seed=1), tmp_path / "small.html", full=True)
    text = path.read_text(encoding="utf-8")
    assert "Talks &lt;&amp; co&gt;" in text and "Talks <& co>" not in text
    assert "builds trust" in text and "article 1" in text


@pytest.mark.slow
def test_markdown_report_writes_its_charts_into_a_folder_beside_it(cli, tmp_path):
    target = tmp_path / "briefing.md"
    result = cli("report", "-a", "china", "-n", "100", "-o", str(target), "--full")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    charts = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(charts) == 6 + 4 and "minimax regret" in text  # the full grid: one part per method (4)
    assert all(chart.startswith("briefing_files/") for chart in charts)
    for chart in charts:
        assert (tmp_path / chart).read_bytes().lstrip().startswith(b"<?xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.md", "briefing_files"]


def test_report_command_needs_html_or_md_and_writes_nothing_else(cli, tmp_path):
    result = cli("report", "-o", str(tmp_path / "briefing.docx"))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: --output: '{tmp_path / 'briefing.docx'}' must end in .html, .md or .pdf"
    assert list(tmp_path.iterdir()) == []


def test_workbook_is_polished(tmp_path):
    path = tmp_path / "ranking.xlsx"
    from decide import export

    ranking = rank(actors=["United States", "China"])
    export(ranking, path)
    us = ranking.results[0]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["summary", "United States", "China", "sources", "matrix United States", "matrix China"]
    sheet = book["United States"]
    header = [c.value for c in sheet[5]]
    assert header[:4] == ["rank", "strategy", "dominated", "score"]
    assert all(c.font.bold for c in sheet[5]) and sheet.freeze_panes == "A6"
    assert sheet.auto_filter.ref == f"A5:{openpyxl.utils.get_column_letter(len(header))}{5 + len(us.table)}"
    assert sheet["D6"].number_format == "0.0000"
    assert sheet.column_dimensions["B"].width >= min(MAX_WIDTH, max(len(s) for s in us.table["strategy"]))
    assert sheet["A1"].value.startswith("United States: ranked by topsis") and sheet["A1"].font.bold
    assert sheet["A3"].value.startswith("* Pareto-dominated")
    marked = [row for row in sheet.iter_rows(min_row=6, values_only=True) if row[2] == "*"]
    assert {row[1] for row in marked} == set(us.dominators)
    sources = book["sources"]
    assert [c.value for c in sources[5]][:7] == [
        "actor",
        "strategy",
        "stability",
        "deterrence",
        "cost",
        "risk",
        "source",
    ]
    assert sources.max_row == 5 + sum(len(r.table) for r in ranking.results)


def test_notebook_html_is_compact_with_the_best_highlighted():
    ranking = rank(actors="China")
    html = ranking._repr_html_()
    best = f"{ranking.results[0].table['score'].iloc[0]:.4f}"
    assert "<caption>" in html and 'class="num"' in html and f'<td class="num">{best}</td>' in html
    assert '<tr class="best">' in html and "tr.best" in html  # the best row is highlighted by the inline style
    assert html.count('<tr class="best">') == (ranking.results[0].table["rank"] == 1).sum()
    matrix_html = show(actor="China").matrix._repr_html_()
    assert "(max" in matrix_html and "stability" in matrix_html


def test_show_prints_whole_scores_without_decimals(cli):
    out = cli("show", "-a", "dprk").stdout
    assert "5.0000" not in out.split("\n\n")[-1]


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.slow
@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed (Debian package 'chromium')")
def test_report_opens_in_headless_chromium(shipped_html, tmp_path):
    """The page loads without console errors, every chart has a size, the screenshot is not blank."""
    probe = tmp_path / "probe.html"
    text = shipped_html.read_text(encoding="utf-8")
    script = (
        "<script>window.addEventListener('load', () => {"
        "const sizes = [...document.querySelectorAll('figure svg')].map(s => s.getBoundingClientRect());"
        "const empty = sizes.filter(r => r.width < 10 || r.height < 10).length;"
        "document.title = 'charts=' + sizes.length + ';empty=' + empty;"
        "});</script>"
    )
    probe.write_text(text.replace("</body>", script + "</body>"), encoding="utf-8")
    common = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
    ]
    dom = subprocess.run([*common, "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert f"<title>charts={text.count('<svg')};empty=0</title>" in dom.stdout
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line and "probe.html" in line]
    assert not console, console
    shot = tmp_path / "shot.png"
    run = subprocess.run(
        [*common, f"--screenshot={shot}", "--window-size=1200,2400", shipped_html.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0 and shot.exists(), run.stderr[-2000:]
    from matplotlib.image import imread

    pixels = imread(shot)
    assert pixels.std() > 0.05, "the screenshot is blank"
    assert Path(shot).stat().st_size > 20_000


@pytest.mark.slow
@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed (Debian package 'chromium')")
def test_pdf_report_is_printed_offline_by_chromium(tmp_path):
    path = write_report(report(SMALL, samples=100, seed=1), tmp_path / "briefing.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.pdf"]  # no temporary files left


@pytest.mark.slow
def test_pdf_without_chromium_is_one_clear_error(tmp_path, monkeypatch):
    import sys

    monkeypatch.setattr(sys.modules["decide.analysis.report"], "chromium", lambda: None)
    from decide import DecideError

    with pytest.raises(DecideError, match="a PDF report needs Chromium"):
        write_report(report(SMALL, samples=50, seed=1), tmp_path / "briefing.pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_report_reports_progress_per_actor_and_uses_the_methods_named():
    calls = []
    briefing = report(
        actors=["china", "russia"],
        samples=50,
        seed=2,
        methods="wsm,topsis",
        progress=lambda label, done, total: calls.append((label, done, total)),
    )
    assert calls == [("report", 1, 2), ("report", 2, 2)]
    assert briefing.methods == ("wsm", "topsis")
    assert all(b.comparison.method_names == ["wsm", "topsis"] for b in briefing)
    assert briefing["Russia"].actor == "Russia"


@pytest.mark.slow
def test_writing_reports_progress_per_actor(tmp_path):
    calls = []
    briefing = report(actors=["china", "russia"], samples=50, seed=2)
    write_report(briefing, tmp_path / "b.html", progress=lambda label, done, total: calls.append((label, done, total)))
    assert calls == [("charts", 1, 3), ("charts", 2, 3), ("charts", 3, 3)]  # the summary page, then each actor
