"""The largest matrix each analysis handles within 2 GB and 10 s, and what it says beyond.

For each analysis it runs the command on random matrices (integer scores 1-10, mixed
objectives; see scale.py) of growing size, each in a fresh process, and prints the largest
that finished within the budget, the time and peak memory it took, and the first line decide
printed for the next size (a refusal saying what it would take, never a traceback):

    python benchmarks/limits.py [--criteria 10] [--seconds 10] [--memory-mb 2048]
                                [--sizes 100,250,500,1000,2000,5000,10000] [--only smaa,compare]

The budget is passed to decide as DECIDE_MAX_SECONDS and DECIDE_MAX_MEMORY_MB, so a size
over it is refused at once rather than run to the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import run, write_matrix

ANALYSES = {
    "rank": ["rank", "{f}", "-f", "csv"],
    "sensitivity (wsm)": ["sensitivity", "{f}", "-a", "scale", "-m", "wsm", "-f", "csv"],
    "sensitivity (topsis)": ["sensitivity", "{f}", "-a", "scale", "-m", "topsis", "-f", "csv"],
    "compare": ["compare", "{f}", "-a", "scale", "-f", "csv"],
    "compare (vectorised)": ["compare", "{f}", "-a", "scale", "--methods", "wsm,wpm,topsis,vikor", "-f", "csv"],
    "smaa (10,000 samples)": ["smaa", "{f}", "-a", "scale", "-f", "csv"],
    "robust": ["robust", "{f}", "-a", "scale", "-f", "csv"],
    "report": ["report", "{f}", "-a", "scale", "-o", "{o}"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--criteria", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--memory-mb", type=float, default=2048.0)
    parser.add_argument("--sizes", default="100,250,500,1000,2000,5000,10000")
    parser.add_argument("--only", default="", help="comma-separated analyses (default: all)")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    chosen = [name for name in ANALYSES if not options.only or any(o in name for o in options.only.split(","))]
    os.environ["DECIDE_MAX_SECONDS"] = str(options.seconds)
    os.environ["DECIDE_MAX_MEMORY_MB"] = str(options.memory_mb)
    print(
        f"Largest matrix x {options.criteria} criteria within {options.seconds:g} s and "
        f"{options.memory_mb:,.0f} MB (peak resident memory of the whole process)\n"
    )
    print(f"{'analysis':22}  {'largest':>8}  {'seconds':>7}  {'peak MB':>7}  next size")
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for name in chosen:
            best, note = None, ""
            for size in sizes:
                if size not in files:
                    files[size] = Path(folder) / f"m{size}x{options.criteria}.yaml"
                    write_matrix(files[size], size, options.criteria)
                argv = [a.format(f=files[size], o=Path(folder) / "brief.html") for a in ANALYSES[name]]
                seconds, peak, status, first = _run(argv)
                if status == 0 and seconds <= options.seconds and peak <= options.memory_mb:
                    best = (size, seconds, peak)
                    continue
                note = f"{size:,}: " + (first or f"exit {status}, {seconds:.1f} s, {peak:,.0f} MB")
                break
            size_text = f"{best[0]:,}" if best else "-"
            numbers = f"{best[1]:7.1f}  {best[2]:7.0f}" if best else f"{'-':>7}  {'-':>7}"
            print(f"{name:22}  {size_text:>8}  {numbers}  {note[:200]}", flush=True)


def _run(argv: list[str]) -> tuple[float, float, int, str]:
    """``run`` from scale.py, plus the first line the command printed on stderr."""
    import subprocess

    seconds, peak, status = run(argv)
    first = ""
    if status != 0:
        done = subprocess.run([sys.executable, "-m", "decide", *argv], capture_output=True, text=True, timeout=600)
        first = next((line for line in done.stderr.splitlines() if line.startswith("Error")), "")
    return seconds, peak, status, first


if __name__ == "__main__":
    main()
