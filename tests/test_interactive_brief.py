"""The interactive brief, driven in headless Chromium with Playwright: the browser's wsm,
topsis and vikor scores equal decide's to 1e-9 on every shipped actor and 200 random
weightings, a slider move re-ranks the US matrix within 50 ms, nothing is fetched from the
network, reset and the ``-w`` line work, and printing prints the current state."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from decide.analysis.report import chromium, report, write_report
from decide.methods import get_method
from decide.methods.run import batch_scores

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (Debian package 'chromium')"),
]

WEIGHTINGS = 200


@pytest.fixture(scope="module")
def shipped():
    return report(samples=300, seed=0, methods="wsm,topsis")


@pytest.fixture(scope="module")
def page_file(shipped, tmp_path_factory):
    return write_report(shipped, tmp_path_factory.mktemp("interactive") / "brief.html", interactive=True)


@pytest.fixture(scope="module")
def browser_page(page_file):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
        context = browser.new_context(offline=True)
        page = context.new_page()
        requests, errors = [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.as_uri())
        page.wait_for_function("window.decideBrief !== undefined")
        yield page, requests, errors
        browser.close()


def test_the_page_loads_offline_without_errors_or_requests(browser_page, page_file, shipped):
    page, requests, errors = browser_page
    assert errors == []
    assert requests == [page_file.as_uri()]
    assert page.evaluate("window.decideBrief.count") == len(shipped)
    assert page.locator("div.interactive").count() == len(shipped)


def test_browser_scores_equal_decides_on_every_actor_and_200_weightings(browser_page, shipped):
    page, _, _ = browser_page
    rng = np.random.default_rng(21)
    for index, b in enumerate(shipped.results):
        matrix = b.matrix
        raws = rng.random((WEIGHTINGS, len(matrix.criteria)))
        raws[rng.random(raws.shape) < 0.15] = 0.0  # some criteria switched off
        raws[raws.sum(axis=1) == 0, 0] = 1.0
        raws[0] = matrix.weight_array()  # the file's weights
        weights = raws / raws.sum(axis=1, keepdims=True)
        for method in ("wsm", "topsis", "vikor"):
            expected = batch_scores(get_method(method), matrix, weights)
            got = np.array(
                page.evaluate(
                    "([i, m, rows]) => rows.map(r => window.decideBrief.scores(i, m, r))",
                    [index, method, raws.tolist()],
                )
            )
            assert got.shape == expected.shape
            assert np.max(np.abs(got - expected)) <= 1e-9, (b.actor, method)


def test_the_table_on_the_page_shows_decides_ranking(browser_page, shipped):
    """Through the DOM: set a weighting, read every row's full-precision score and its order."""
    page, _, _ = browser_page
    from decide.analysis.ranking import rank

    for index, b in enumerate(shipped.results):
        raw = [0.1 * (j + 1) for j in range(len(b.matrix.criteria))]
        spec = ",".join(f"{c}={w:g}" for c, w in zip(b.matrix.criterion_names, raw, strict=True))
        page.evaluate("([i, r]) => window.decideBrief.set(i, 'topsis', r)", [index, raw])
        block = page.locator("div.interactive").nth(index)
        rows = block.locator("tbody tr")
        names = [rows.nth(k).get_attribute("data-strategy") for k in range(rows.count())]
        scores = [float(rows.nth(k).get_attribute("data-score")) for k in range(rows.count())]
        expected = rank(b.matrix, method="topsis", weights=spec).results[0].table
        assert names == list(expected["strategy"])
        assert np.allclose(scores, expected["score"].astype(float), atol=1e-9, rtol=0)
        command = block.locator("code.command").inner_text()
        assert f"-m topsis -w {spec}" in command.replace("'", "") and b.actor in command


def test_a_slider_move_re_ranks_the_us_matrix_within_50_ms(browser_page, shipped):
    page, _, _ = browser_page
    index = shipped.actors.index("United States")
    block = page.locator("div.interactive").nth(index)
    timings = page.evaluate(
        """(i) => {
        const block = document.querySelectorAll('div.interactive')[i];
        const slider = block.querySelector('input[type=range]');
        const times = [];
        for (let k = 0; k < 40; k++) {
            const started = performance.now();
            slider.value = String((k * 7) % 101);
            slider.dispatchEvent(new Event('input', {bubbles: true}));
            times.push(performance.now() - started);
        }
        return times;
    }""",
        index,
    )
    median = sorted(timings)[len(timings) // 2]
    print(f"US re-rank after a slider move: median {median:.2f} ms, max {max(timings):.2f} ms")
    assert max(timings) < 50
    block.locator("input[type=range]").first.fill("0")  # the real input path, too
    assert block.locator("output").first.inner_text() == "0%"


def test_reset_restores_the_files_weights_and_method(browser_page, shipped):
    page, _, _ = browser_page
    block = page.locator("div.interactive").first
    block.locator("button.reset").click()  # earlier tests moved it
    before = block.locator("tbody").inner_html()
    method = block.locator("select.method").input_value()
    assert method == shipped.method.name
    top = block.locator("tbody tr").first.get_attribute("data-strategy")
    assert top == shipped.results[0].ranking.top  # at the file's weights the page ranks as the brief
    block.locator("select.method").select_option("vikor")
    block.locator("input[type=range]").first.fill("100")
    assert block.locator("tbody").inner_html() != before
    block.locator("button.reset").click()
    assert block.locator("tbody").inner_html() == before
    assert block.locator("select.method").input_value() == method


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed (Debian poppler-utils)")
def test_printing_prints_the_current_state(browser_page, tmp_path):
    page, _, _ = browser_page
    page.evaluate("() => window.decideBrief.set(0, 'wsm', [1, 0, 0, 0])")
    block = page.locator("div.interactive").first
    top = block.locator("tbody tr").first
    score = top.locator("td").nth(2).inner_text()
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert score in text and "100%" in text
    assert "To reproduce" not in text  # the command line is for the screen only
