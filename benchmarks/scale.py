"""Large matrices: time and peak memory of ranking, validating and showing them.

Writes random matrix files of each size (integer scores 1-10, mixed objectives) to a
temporary folder and runs each command as a fresh process, printing a table of wall
time and peak resident memory (and whether the targets hold):

    python benchmarks/scale.py [--sizes 1000x4,2000x50,10000x4,10000x50] [--method wsm] [--repeat 3]

Each command runs ``--repeat`` times; the table shows the median time and the largest peak.

Targets (issue 14): ``decide rank`` with a vectorised method on 10,000 x 50 in at most
3 s and 500 MB; ``validate`` and ``show`` on it in at most 1 s. It also times the
library alone (``rank(matrix)`` on a Matrix built in memory, no YAML), which shows
how much of the command's time is reading the file.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SIZE = (10_000, 50)
TARGETS = {"rank": (3.0, 500.0), "validate": (1.0, None), "show": (1.0, None)}


def write_matrix(path: Path, strategies: int, criteria: int, seed: int = 0) -> None:
    """A random valid matrix file, written compactly (flow style) to stay under the size
    limit; a ``.json`` path gets JSON (which YAML readers, and decide, read too)."""
    import json

    import numpy as np

    rng = np.random.default_rng(seed)
    scores = rng.integers(1, 11, (strategies, criteria))
    if path.suffix == ".json":
        document = {
            "actor": "Scale",
            "scale": [1, 10],
            "criteria": [
                {"name": f"c{j}", "objective": "max" if j % 2 == 0 else "min", "weight": 1 + j % 3}
                for j in range(criteria)
            ],
            "strategies": [
                {"name": f"s{i}", "scores": {f"c{j}": int(v) for j, v in enumerate(row)}}
                for i, row in enumerate(scores)
            ],
        }
        path.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
        return
    lines = ["actor: Scale", "scale: [1, 10]", "criteria:"]
    lines += [
        f"  - {{name: c{j}, objective: {'max' if j % 2 == 0 else 'min'}, weight: {1 + j % 3}}}" for j in range(criteria)
    ]
    lines.append("strategies:")
    for i, row in enumerate(scores):
        body = ", ".join(f"c{j}: {value}" for j, value in enumerate(row))
        lines.append(f"  - {{name: s{i}, scores: {{{body}}}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB and exit status of one command in a fresh process."""
    code = (
        "import resource, sys, runpy\n"
        "sys.argv = ['decide', *sys.argv[1:]]\n"
        "status = 0\n"
        "try:\n"
        "    from decide.cli.main import main; main()\n"
        "except SystemExit as exit:\n"
        "    status = exit.code or 0\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "try:  # the peak of this process's own memory (ru_maxrss can carry the parent's over fork)\n"
        "    status_lines = open('/proc/self/status').read().splitlines()\n"
        "    peak = next(int(l.split()[1]) for l in status_lines if l.startswith('VmHWM')) / 1024\n"
        "except (OSError, StopIteration):\n"
        "    pass\n"
        "print(f'PEAK {peak:.0f}', file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = next((float(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK")), 0.0)
    return seconds, peak, done.returncode


def library_seconds(path: Path, method: str) -> tuple[float, float]:
    """Seconds to load the file, and to rank the loaded Matrix, in this process."""
    from decide.analysis.ranking import rank
    from decide.io.load import load_matrix

    started = time.perf_counter()
    matrix = load_matrix(path)
    loaded = time.perf_counter()
    rank(matrix, method=method)
    return loaded - started, time.perf_counter() - loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000x4,2000x50,10000x4,10000x50", help="STRATEGIESxCRITERIA,...")
    parser.add_argument("--method", default="wsm", help="a vectorised method (default wsm)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command; the median is shown (default 3)")
    args = parser.parse_args()
    sizes = [tuple(int(part) for part in size.split("x")) for size in args.sizes.split(",")]
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, method {args.method}, "
        f"median of {max(args.repeat, 1)} runs"
    )
    header = (
        f"{'size':>10} {'text':>5} {'file MB':>8} {'command':>9} {'seconds':>8} {'peak MB':>8} "
        f"{'status':>6} {'target':>16}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as folder:
        for strategies, criteria in sizes:
            for text in ("yaml", "json"):
                path = Path(folder) / f"scale-{strategies}x{criteria}.{text}"
                write_matrix(path, strategies, criteria)
                megabytes = path.stat().st_size / 2**20
                commands = {
                    "rank": ["rank", str(path), "-m", args.method, "-o", str(Path(folder) / "out.csv")],
                    "validate": ["validate", str(path)],
                    "show": ["show", str(path), "-a", "Scale", "-o", str(Path(folder) / "show.csv")],
                }
                for name, argv in commands.items():
                    runs = [run(argv) for _ in range(max(args.repeat, 1))]
                    seconds = statistics.median(r[0] for r in runs)
                    peak = max(r[1] for r in runs)
                    status = max(r[2] for r in runs)
                    target = ""
                    if (strategies, criteria) == TARGET_SIZE:
                        limit_s, limit_mb = TARGETS[name]
                        ok = seconds <= limit_s and (limit_mb is None or peak <= limit_mb)
                        target = f"{'ok' if ok else 'MISSED'} <={limit_s:g}s" + (f",{limit_mb:g}MB" if limit_mb else "")
                    size = f"{strategies}x{criteria}"
                    print(
                        f"{size:>10} {text:>5} {megabytes:8.1f} {name:>9} {seconds:8.2f} {peak:8.0f} {status:>6} "
                        f"{target:>16}"
                    )
                load, ranked = library_seconds(path, args.method)
                print(f"{'':>10} {text:>5} {'':>8} {'library':>9} load {load:.2f} s, rank {ranked:.2f} s")
    print(f"max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
