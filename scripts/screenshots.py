"""Regenerate the docs screenshots of the brief and the interactive brief (docs/images/).

    python scripts/screenshots.py

Writes docs/images/brief-summary.png and brief-actor.png (the printed brief, first page and
the United States' page, rendered from the PDF by pdftoppm) and brief-interactive.png (the
interactive brief in headless Chromium, driven by Playwright, after one slider move).
Needs Chromium (Debian package 'chromium'), poppler-utils and Playwright for Python.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IMAGES = REPO / "docs" / "images"


def main() -> int:
    from decide.analysis.report import chromium, report

    browser = chromium()
    if browser is None or shutil.which("pdftoppm") is None:
        print("needs Chromium and pdftoppm (Debian packages 'chromium' and 'poppler-utils')", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    briefing = report(samples=2_000, seed=0)
    us = briefing.actors.index("United States")
    with tempfile.TemporaryDirectory() as folder:
        pdf = briefing.write(Path(folder) / "brief.pdf")
        for name, page in (("brief-summary", 1), ("brief-actor", us + 2)):
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "80",
                    "-png",
                    "-singlefile",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    str(pdf),
                    str(IMAGES / name),
                ],
                check=True,
            )
        page_file = briefing.write(Path(folder) / "interactive.html", interactive=True)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=browser, args=["--no-sandbox"])
            page = launched.new_context(offline=True, viewport={"width": 1000, "height": 900}).new_page()
            page.goto(page_file.as_uri())
            block = page.locator("div.interactive").nth(us)
            block.locator("input[type=range]").nth(2).fill("60")  # more weight on cost
            block.scroll_into_view_if_needed()
            block.screenshot(path=str(IMAGES / "brief-interactive.png"))
            launched.close()
    for name in ("brief-summary", "brief-actor", "brief-interactive"):
        print(IMAGES / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
