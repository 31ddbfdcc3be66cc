"""Where a draw's time goes inside SMAA's compiled kernel: a `perf` profile of the machine code.

Runs the fixed-score kernel (:func:`decide.analysis.smaa_kernels.fixed`) on the United
States (16 x 4) or the 100 x 10 benchmark matrix of ``benchmarks/smaa.py`` for a few
seconds under ``perf record`` (Linux, the ``perf`` tool installed), then attributes the
samples to the kernel's compiled functions. numba gives the compiled code no symbols, so
each function is recognised by its instructions (``sort16``: 63 vector minimums;
``clean16``: 32; the keys: the fused multiply-adds of the criteria loop; ...), and its
share of the samples is turned into nanoseconds per draw with the kernel's own rate,
timed in the same run without the profiler.

    python benchmarks/smaa_profile.py [us|wide] [--seconds 6] [--method topsis]

The draw's other costs (numpy's exponential draws, Python per block) are outside the
kernel: ``benchmarks/smaa.py`` measures the whole.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

#: How each compiled function is told apart: (name, test on its instruction counts).
KINDS = (
    ("sort16 (63 comparators in registers)", lambda c: c["vminpd"] >= 60),
    ("clean16 (the last four merge steps in registers)", lambda c: 30 <= c["vminpd"] < 60),
    ("near-tie check (ratio bound, square roots)", lambda c: c["vsqrtpd"] > 0),
    ("keys: weighted sums, ratio, packed index", lambda c: c["vfmadd"] >= 8),
    ("comparators, counting, first strategy", lambda c: c["inc"] > 0 or c["vcmp"] >= 20),
    ("weights divided as numpy divides", lambda c: c["vdivsd"] >= 4),
)


def child(which: str, method: str, seconds: float, out: Path) -> None:
    """Run the kernel for ``seconds`` (under perf), then save the process's anonymous
    executable memory (the compiled code) and the kernel's rate."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import numpy as np
    from smaa import benchmark_matrix

    from decide.analysis import smaa_jit, smaa_kernels
    from decide.io.load import resolve_matrices
    from decide.methods import get_method

    matrix = next(iter(resolve_matrices(None, ["United States"], None))) if which == "us" else benchmark_matrix()
    kernel = smaa_jit.fixed_kernel(get_method(method), matrix.to_array(), matrix.cost_mask())
    assert kernel is not None and kernel.terms is not None
    draws = 200_000 if which == "us" else 40_000
    raw = np.random.default_rng(0).standard_exponential((draws, len(matrix.criteria)))
    weights = np.empty_like(raw)
    m = kernel.terms[1].shape[1]
    counts = np.zeros((m, m), dtype=np.int64)
    firsts, tied = np.empty(draws, dtype=np.int64), np.empty(draws, dtype=np.bool_)
    net = (kernel.pa, kernel.pb, kernel.blocks, kernel.bits, kernel.safe)

    def run() -> None:
        smaa_kernels.fixed(raw, True, *kernel.terms, *net, counts, firsts, weights, tied, 0, draws)

    run()
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        run()
        done += draws
    rate = done / (time.perf_counter() - started)
    maps = []
    with open("/proc/self/maps", encoding="utf-8") as listing:
        for line in listing:
            parts = line.split()
            low, high = (int(x, 16) for x in parts[0].split("-"))
            if "x" in parts[1] and len(parts) < 6 and high - low < 50_000_000:  # anonymous: JIT code
                (out / f"{low:x}.bin").write_bytes(ctypes.string_at(low, high - low))
                maps.append((low, high))
    (out / "maps.json").write_text(json.dumps({"maps": maps, "rate": rate}))


def functions(code: Path) -> list[tuple[int, int, Counter]]:
    """(start, end, instruction counts) of each function in a block of machine code."""
    listing = subprocess.run(
        ["objdump", "-D", "-b", "binary", "-mi386:x86-64", str(code)], capture_output=True, text=True, check=True
    ).stdout
    found, start, counts = [], 0, Counter()
    for line in listing.splitlines():
        match = re.match(r"\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*(\S+)", line)
        if not match:
            continue
        offset, op = int(match.group(1), 16), match.group(2)
        for key in ("vminpd", "vsqrtpd", "vfmadd", "vdivsd", "vcmp"):
            counts[key] += op.startswith(key)
        counts["inc"] += op in ("incw", "incq", "incl", "addw")
        if op.startswith("ret"):
            found.append((start, offset, counts))
            start, counts = offset + 1, Counter()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="?", choices=("us", "wide"), default="us")
    parser.add_argument("--method", default="topsis", choices=("topsis", "wsm"))
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.which, args.method, args.seconds, Path(args.child))
        return
    if not shutil.which("perf") or not shutil.which("objdump"):
        sys.exit("needs the perf and objdump tools (Linux)")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        data = work / "perf.data"
        command = [sys.executable, __file__, args.which, "--method", args.method, "--seconds", str(args.seconds)]
        env = dict(os.environ, NUMBA_CACHE_DIR=str(work / "cache"))  # compiled afresh: inspectable
        subprocess.run(["perf", "record", "-q", "-F", "4000", "-o", str(data), *command, "--child", folder],
                       check=True, env=env)  # fmt: skip
        samples = Counter(
            int(ip, 16)
            for ip in subprocess.run(
                ["perf", "script", "-i", str(data), "-F", "ip"], capture_output=True, text=True, check=True
            ).stdout.split()
        )
        saved = json.loads((work / "maps.json").read_text())
        shares: Counter = Counter()
        for low, _high in saved["maps"]:
            for start, end, counts in functions(work / f"{low:x}.bin"):
                hits = sum(n for ip, n in samples.items() if low + start <= ip <= low + end)
                if hits:
                    name = next((kind for kind, test in KINDS if test(counts)), "other compiled code")
                    shares[name] += hits
    total = sum(shares.values())
    per_draw = 1e9 / saved["rate"]
    print(f"# {args.which} {args.method}: the kernel alone, {saved['rate'] / 1e6:.2f} M draws/s "
          f"({per_draw:.1f} ns a draw, timed under perf); {total} samples in its code")  # fmt: skip
    for name, hits in shares.most_common():
        print(f"{name:<50} {100 * hits / total:5.1f}%  {per_draw * hits / total:6.1f} ns")


if __name__ == "__main__":
    main()
