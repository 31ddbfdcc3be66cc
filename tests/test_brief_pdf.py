"""The printed brief: all six shipped actors on at most 7 pages (A4 and Letter), printed by
headless Chromium; every page rendered to PNG shows its chart (none blank)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from decide.analysis.report import _print_pdf, chromium, report, write_report
from decide.rendering.brief_charts import RANK_COLOURS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (Debian package 'chromium')"),
    pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed (Debian poppler-utils)"),
]


@pytest.fixture(scope="module")
def shipped():
    return report(samples=1000, seed=0)


@pytest.fixture(scope="module")
def a4(shipped, tmp_path_factory):
    return write_report(shipped, tmp_path_factory.mktemp("pdf") / "brief.pdf")


def page_size(pdf: Path) -> tuple[float, float]:
    """The (width, height) in points of every page, which must all be the same."""
    boxes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes()))
    assert len(boxes) == 1, boxes
    width, height = boxes.pop()
    return round(float(width)), round(float(height))


def pages(pdf: Path) -> int:
    data = pdf.read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def png_pages(pdf: Path, folder: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(folder / "page")], check=True, timeout=120)
    return sorted(folder.glob("page-*.png"))


def test_six_actors_fit_on_seven_a4_pages(a4, shipped):
    assert len(shipped) == 6
    assert pages(a4) <= 7
    assert page_size(a4) == (595, 842)  # A4


def test_six_actors_fit_on_seven_letter_pages(shipped, tmp_path):
    page = shipped.to_html().replace("</style>", "@page { size: Letter; }\n</style>", 1)
    target = tmp_path / "letter.pdf"
    _print_pdf(page, str(target))
    assert page_size(target) == (612, 792) and pages(target) <= 7


def test_no_chart_is_blank_on_paper(a4, shipped, tmp_path):
    from matplotlib.image import imread

    rendered = png_pages(a4, tmp_path)
    assert len(rendered) == pages(a4)
    # second- and third-rank bars: colours only the charts use (headings and borders use the first)
    inks = [tuple(int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)) for c in RANK_COLOURS[1:3]]
    charted = []
    for path in rendered:
        pixels = imread(path)[:, :, :3]
        assert pixels.std() > 0.05, f"{path.name} is blank"
        charted.append(all((abs(pixels - ink) < 0.06).all(axis=2).sum() > 100 for ink in inks))
    assert charted == [False] + [True] * len(shipped)  # the summary, then each actor's page with its chart


def test_the_full_report_prints_the_annex_after_the_brief(tmp_path):
    small = report(actors="japan", samples=200, seed=0)
    brief = write_report(small, tmp_path / "brief.pdf")
    full = write_report(small, tmp_path / "full.pdf", full=True)
    assert pages(brief) == 2 and pages(full) > pages(brief)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed (Debian poppler-utils)")
def test_no_heading_is_stranded_at_a_page_bottom_in_the_full_report(tmp_path):
    """The last line of every printed page of the brief and its annex is never a heading:
    a heading stays with what follows it (CSS break-after: avoid)."""
    from decide.rendering.document import Heading

    whole = report(actors=["united states", "japan"], samples=200, seed=0)
    target = write_report(whole, tmp_path / "full.pdf", full=True)
    headings = {b.text for page in whole.pages(full=True) for b in page.blocks if isinstance(b, Heading)}
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], check=True, capture_output=True, text=True, timeout=120
    ).stdout
    printed = [page for page in text.split("\f") if page.strip()]
    assert len(printed) == pages(target)
    last_lines = [[line.strip() for line in page.splitlines() if line.strip()][-1] for page in printed]
    assert not [line for line in last_lines if line in headings]
