"""Command-line start-up and ranking time, whole processes, against ``import skcriteria``.

Runs each command as a fresh process several times (alternating them, so machine
noise hits all alike) and prints the median wall time of each and its ratio to
``python -c "import skcriteria"``, measured in the same run:

    python benchmarks/cli.py [--repeat 7] [--no-bytecode]

Targets on a 2-core machine: ``decide rank`` (all shipped actors, default method)
at most 0.3x ``import skcriteria``; ``decide --help`` at most 0.1 s; ``decide list``
at most 0.35 s; ``decide smaa -a "United States" --samples 10000`` at most 0.4 s;
``decide compare --all`` (one actor) at most 1.2x ``import skcriteria``; ``decide report
-o briefing.html`` (the brief, all six actors) at most 3 s (issue 23). ``--only report``
times the brief and the annex (``--full``) alone, ``--before DIR`` the same commands from
an older checkout in the same run.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPORT = os.path.join(tempfile.gettempdir(), "decide-benchmark-briefing.html")
COMMANDS = {
    "decide --help": ["decide", "--help"],
    "decide list": ["decide", "list"],
    "decide rank": ["decide", "rank"],
    "decide rank -m promethee2": ["decide", "rank", "-m", "promethee2"],
    "decide smaa -a US -n 10000": ["decide", "smaa", "-a", "United States", "--samples", "10000"],
    "decide compare --all -a US": ["decide", "compare", "--all", "-a", "United States"],
    "decide report -o briefing.html": ["decide", "report", "-o", REPORT],
    "decide report --full (annex)": ["decide", "report", "--full", "-o", REPORT],
    'python -c "import skcriteria"': [sys.executable, "-c", "import skcriteria"],
}
BASELINE = 'python -c "import skcriteria"'
TARGETS = {
    "decide --help": (0.1, None),
    "decide list": (0.35, None),
    "decide rank": (None, 0.3),
    "decide smaa -a US -n 10000": (0.4, None),
    "decide compare --all -a US": (None, 1.2),
    "decide report -o briefing.html": (3.0, None),
}


def decide_command() -> list[str]:
    """How to start decide: the console script beside this Python, else ``python -m``-style."""
    script = shutil.which("decide", path=os.path.dirname(sys.executable)) or shutil.which("decide")
    return [script] if script else [sys.executable, "-c", "from decide.cli.main import main; main()"]


#: "wall" (elapsed) or "cpu" (the child's user + system time: on a busy machine it leaves
#: out the time spent waiting for a core).
CLOCK = "wall"


#: Where the children keep their compiled bytecode (``PYTHONPYCACHEPREFIX``), as an installed
#: package has it: with ``PYTHONDONTWRITEBYTECODE`` set, an editable checkout of decide is
#: compiled again at every start (about 0.1-0.2 s), while site-packages were compiled at
#: install. ``--no-bytecode`` measures without it.
PYCACHE = os.path.join(tempfile.gettempdir(), "decide-benchmark-pycache")
BYTECODE = True


def child_environment(source: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if BYTECODE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = PYCACHE
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))
    return env


def run_once(argv: list[str], source: str | None = None) -> float:
    """Seconds of one run; ``source``: a checkout of another decide version to run instead."""
    env = child_environment(source)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    if CLOCK == "cpu":
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each command (default 7)")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="elapsed time, or the process's CPU time (for a busy machine) (default wall)",
    )
    parser.add_argument(
        "--before",
        metavar="DIR",
        help="also run each decide command from this checkout (e.g. git archive of an older commit)",
    )
    parser.add_argument("--only", metavar="TEXT", help="only the commands whose name contains TEXT")
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="leave PYTHONDONTWRITEBYTECODE as it is (an editable checkout is compiled at every start)",
    )
    args = parser.parse_args()
    global CLOCK, BYTECODE
    CLOCK = args.clock
    BYTECODE = not args.no_bytecode
    start = decide_command()
    chosen = {n: a for n, a in COMMANDS.items() if not args.only or args.only in n or n == BASELINE}
    commands: dict[str, tuple[list[str], str | None]] = {}
    for name, argv in chosen.items():
        full = start + argv[1:] if argv[0] == "decide" else argv
        commands[name] = (full, None)
        if args.before and argv[0] == "decide":
            commands[f"  before: {name}"] = (full, args.before)
    for argv, source in commands.values():  # warm the file cache once
        run_once(argv, source)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, (argv, source) in commands.items():
            times[name].append(run_once(argv, source))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians[BASELINE]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {load:.2f}, median of {args.repeat} runs each, {args.clock} clock, "
        f"{'bytecode cached (PYTHONPYCACHEPREFIX)' if BYTECODE else 'bytecode as the environment has it'}"
    )
    print(f"{'command':<40} {'median s':>9} {'x skcriteria':>13}  target")
    for name, median in medians.items():
        seconds, ratio = TARGETS.get(name, (None, None))
        target = ""
        if seconds is not None:
            target = f"<= {seconds:g} s: {'met' if median <= seconds else 'MISSED'}"
        if ratio is not None:
            target = f"<= {ratio:g}x: {'met' if median / base <= ratio else 'MISSED'}"
        if name.startswith("  before"):
            target = ""
        print(f"{name:<40} {median:>9.3f} {median / base:>12.2f}x  {target}")


if __name__ == "__main__":
    main()
