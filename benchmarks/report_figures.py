"""The manual's briefing figures: the time and size of ``decide report -o briefing.html``
for every shipped actor, and the chart image the manual shows (docs/how-to/reports.md).

Runs the command as a fresh process several times (median wall time), measures the
file, redraws ``docs/images/briefing-contributions.svg`` from the shipped matrices, and
with ``--update-docs`` writes the figures between the ``report-figures`` markers of that
page:

    python benchmarks/report_figures.py [--repeat 3] [--update-docs]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IMAGE = REPO / "docs" / "images" / "briefing-contributions.svg"
#: The manual's page that shows the figures and the chart.
PAGE = REPO / "docs" / "how-to" / "reports.md"
#: The actor whose "why" chart the manual shows.
IMAGE_ACTOR = "North Korea"
MARKERS = ("<!-- report-figures -->", "<!-- /report-figures -->")


def decide_command() -> list[str]:
    return [sys.executable, "-c", "from decide.cli.main import main; main()"]


def measure(repeat: int) -> tuple[float, int, int]:
    """Median seconds, file size in bytes, and the number of actors of the full report."""
    times = []
    size = 0
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "briefing.html"
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run(
                [*decide_command(), "report", "-o", str(target)],
                check=True,
                capture_output=True,
                env={**os.environ, "PYTHONPATH": str(REPO)},
            )
            times.append(time.perf_counter() - started)
            size = target.stat().st_size
        actors = target.read_text(encoding="utf-8").count('class="page actor"')  # one page per actor
    return statistics.median(times), size, actors


def draw_image() -> Path:
    """The contributions chart of :data:`IMAGE_ACTOR` (weighted sum, so each bar is exactly
    the score; the actor's own weights) as SVG."""
    sys.path.insert(0, str(REPO))
    import matplotlib

    matplotlib.use("Agg")
    from decide.analysis.ranking import rank
    from decide.rendering.charts import svg_text

    axis = rank(actors=IMAGE_ACTOR, method="wsm").plot_contributions()
    IMAGE.parent.mkdir(parents=True, exist_ok=True)
    IMAGE.write_text(svg_text(axis), encoding="utf-8")
    return IMAGE


def figures_text(seconds: float, size: int, actors: int, repeat: int) -> str:
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    machine = f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs{load}"
    return (
        f"`decide report -o briefing.html` for all {actors} shipped actors: **{seconds:.1f} s** "
        f"(median of {repeat} runs, whole process, {machine}); the file is **{size / 1024:.0f} KiB**, "
        "self-contained (styles inline, charts as inline SVG)."
    )


def update_page(text: str) -> None:
    content = PAGE.read_text(encoding="utf-8")
    start, end = (re.escape(m) for m in MARKERS)
    new, count = re.subn(f"{start}.*?{end}", f"{MARKERS[0]}\n{text}\n{MARKERS[1]}", content, flags=re.S)
    if count != 1:
        raise SystemExit(f"{PAGE.relative_to(REPO)} has no report-figures markers")
    PAGE.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--update-docs",
        "--update-readme",
        dest="update_docs",
        action="store_true",
        help=f"write the figures into {PAGE.relative_to(REPO)}",
    )
    args = parser.parse_args()
    seconds, size, actors = measure(args.repeat)
    print(f"report time: {seconds:.2f} s (median of {args.repeat}); size: {size} bytes; actors: {actors}")
    print(f"chart: {draw_image().relative_to(REPO)}")
    text = figures_text(seconds, size, actors, args.repeat)
    if args.update_docs:
        update_page(text)
        print(f"{PAGE.relative_to(REPO)} updated")
    else:
        print(text)


if __name__ == "__main__":
    main()
