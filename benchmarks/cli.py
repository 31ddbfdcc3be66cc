"""Command-line start-up and ranking time, whole processes, against ``import skcriteria``.

Runs each command as a fresh process several times (alternating them, so machine
noise hits all alike) and prints the median wall time of each and its ratio to
``python -c "import skcriteria"``, measured in the same run:

    python benchmarks/cli.py [--repeat 7]

Targets on a 2-core machine: ``decide rank`` (all shipped actors, default method)
at most 0.3x ``import skcriteria``; ``decide --help`` at most 0.1 s; ``decide list``
at most 0.35 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "decide --help": ["decide", "--help"],
    "decide list": ["decide", "list"],
    "decide rank": ["decide", "rank"],
    "decide rank -m promethee2": ["decide", "rank", "-m", "promethee2"],
    'python -c "import skcriteria"': [sys.executable, "-c", "import skcriteria"],
}
BASELINE = 'python -c "import skcriteria"'
TARGETS = {"decide --help": (0.1, None), "decide list": (0.35, None), "decide rank": (None, 0.3)}


def decide_command() -> list[str]:
    """How to start decide: the console script beside this Python, else ``python -m``-style."""
    script = shutil.which("decide", path=os.path.dirname(sys.executable)) or shutil.which("decide")
    return [script] if script else [sys.executable, "-c", "from decide.cli.main import main; main()"]


def run_once(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each command (default 7)")
    args = parser.parse_args()
    start = decide_command()
    commands = {name: (start + argv[1:] if argv[0] == "decide" else argv) for name, argv in COMMANDS.items()}
    for argv in commands.values():  # warm the file cache once
        run_once(argv)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, argv in commands.items():
            times[name].append(run_once(argv))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians[BASELINE]
    print(f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
          f"median of {args.repeat} runs each")
    print(f"{'command':<32} {'median s':>9} {'x skcriteria':>13}  target")
    for name, median in medians.items():
        seconds, ratio = TARGETS.get(name, (None, None))
        target = ""
        if seconds is not None:
            target = f"<= {seconds:g} s: {'met' if median <= seconds else 'MISSED'}"
        if ratio is not None:
            target = f"<= {ratio:g}x: {'met' if median / base <= ratio else 'MISSED'}"
        print(f"{name:<32} {median:>9.3f} {median / base:>12.2f}x  {target}")


if __name__ == "__main__":
    main()
