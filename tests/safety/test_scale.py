"""Analyses at scale: each either finishes or refuses, before (or as soon as) it knows, in one
line saying what it would take and how to ask for less; never a MemoryError or a traceback.
Long exports of dominance pairs are compact, and every pair is one option away."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from decide.core.errors import DecideError
from decide.core.progress import progress_to
from tests.helpers import make_matrix, random_matrix

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


def _file(tmp_path: Path, strategies: int, criteria: int) -> str:
    from scale import write_matrix

    path = tmp_path / f"m{strategies}x{criteria}.yaml"
    write_matrix(path, strategies, criteria)
    return str(path)


def _one_clean_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "MemoryError" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


COMMANDS = {
    "sensitivity topsis": ["sensitivity", "{f}", "-a", "scale", "-m", "topsis"],
    "sensitivity wsm": ["sensitivity", "{f}", "-a", "scale", "-m", "wsm"],
    "compare": ["compare", "{f}", "-a", "scale"],
    "smaa": ["smaa", "{f}", "-a", "scale", "-n", "2000"],
    "robust": ["robust", "{f}", "-a", "scale", "--methods", "all"],
    "report": ["report", "{f}", "-a", "scale"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_over_the_memory_limit_is_one_line_saying_what_it_takes(cli, tmp_path, monkeypatch, command):
    monkeypatch.setenv("DECIDE_MAX_MEMORY_MB", "0.05")
    path = _file(tmp_path, 300, 6)
    line = _one_clean_line(cli(*[a.format(f=path) for a in COMMANDS[command]]))
    assert "of memory (limit" in line and "DECIDE_MAX_MEMORY_MB" in line
    assert "fewer" in line or "leave" in line or "keep the strategies" in line  # how to ask for less


@pytest.mark.parametrize("command", ["sensitivity topsis", "compare", "smaa", "robust"])
def test_over_the_time_limit_is_one_line_saying_what_it_takes(cli, tmp_path, monkeypatch, command):
    monkeypatch.setenv("DECIDE_MAX_SECONDS", "0.001")
    path = _file(tmp_path, 400, 6)
    arguments = [a.format(f=path) for a in COMMANDS[command]]
    if command == "compare":
        arguments += ["--methods", "promethee2,electre2"]
    started = time.perf_counter()
    line = _one_clean_line(cli(*arguments))
    assert "DECIDE_MAX_SECONDS" in line and ("minutes" in line or " s " in line or "hours" in line)
    assert time.perf_counter() - started < 30


def test_compare_names_the_pairwise_methods_to_leave_out(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("DECIDE_MAX_MEMORY_MB", "20")
    path = _file(tmp_path, 2000, 10)
    line = _one_clean_line(cli("compare", path, "-a", "scale"))
    # PROMETHEE II's flows need no pairwise tables (issue 23): only ELECTRE II is named
    assert "electre2 compares every pair" in line and "promethee2" not in line and "(--methods)" in line
    line = _one_clean_line(cli("compare", path, "-a", "scale", "--methods", "wsm,codas,electre2,promethee2"))
    assert "codas, electre2 compare every pair" in line and "promethee2" not in line


def test_sensitivity_within_the_limits_is_unchanged_by_the_batching():
    """The batched bisection finds the breakpoints the closed form finds."""
    from decide.analysis.sensitivity import sensitivity

    matrix = random_matrix(3, strategies=40, criteria=4)
    exact = sensitivity(matrix, method="wsm")
    sampled = sensitivity(matrix, method="wsm", exact=False)
    for a, b in zip(exact.criteria, sampled.criteria, strict=True):
        cuts = [s.end for s in a.segments[:-1]]
        for segment in b.segments[:-1]:  # every breakpoint found is a true one, to the tolerance
            assert min(abs(segment.end - cut) for cut in cuts) <= 2e-4
        for segment in b.segments:  # and the ranking of each stretch is the exact one there
            if segment.end - segment.start > 1e-3 and segment.start > 0.005 and segment.end < 0.995:
                middle = (segment.start + segment.end) / 2
                truth = next(s for s in a.segments if s.start <= middle <= s.end)
                assert segment.ranks == truth.ranks


def test_long_analyses_report_progress():
    from decide.analysis.compare import compare
    from decide.analysis.robust import robust
    from decide.analysis.sensitivity import sensitivity

    seen: list[str] = []
    matrix = random_matrix(1, strategies=30, criteria=4)
    with progress_to(lambda label, done, total: seen.append(label)):
        sensitivity(matrix, method="topsis")
        compare(matrix, actor="Example")
        robust(None, actors="japan")
    assert any(s.startswith("sensitivity") for s in seen)
    assert "compare" in seen and any(s.startswith("robust") for s in seen)


def _chain(count: int):
    return make_matrix([[count - i, count - i] for i in range(count)], ["max", "max"], [1, 1])


def test_exports_with_many_dominance_pairs_are_compact(tmp_path):
    from decide.analysis.ranking import rank
    from decide.rendering.formats import export

    ranking = rank(_chain(160), method="wsm")  # 12,720 pairs, over the 10,000 listed in full
    export(ranking, tmp_path / "r.csv")
    export(ranking, tmp_path / "r.json")
    text = (tmp_path / "r.csv").read_text(encoding="utf-8")
    assert "A1, A2, A3, A4, A5 and 154 more (decide rank --dominance lists all)" in text
    assert len(text) < 60_000
    last = json.loads((tmp_path / "r.json").read_text())["actors"][0]["ranking"][-1]
    assert last["dominated_by"] == ["A1", "A2", "A3", "A4", "A5"] and last["dominated_by_count"] == 159


def test_few_dominance_pairs_are_listed_in_full(tmp_path):
    from decide.analysis.ranking import rank

    frame = rank(_chain(30), method="wsm").to_frame()
    assert frame.iloc[-1]["dominated_by"] == ", ".join(f"A{i}" for i in range(1, 30))


def test_every_dominance_pair_on_request(cli, tmp_path):
    import yaml

    matrix = _chain(160)
    document = {
        "actor": "Chain",
        "criteria": [{"name": c.name, "objective": "max", "weight": 1} for c in matrix.criteria],
        "strategies": [{"name": s.name, "scores": dict(s.scores)} for s in matrix.strategies],
    }
    path = tmp_path / "chain.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    result = cli("rank", str(path), "--dominance", "-f", "csv")
    assert result.exit_code == 0
    rows = result.stdout.strip().splitlines()
    assert rows[0] == "actor,strategy,dominated_by" and len(rows) == 1 + 160 * 159 // 2


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "size"),
    [
        ("compare", (10_000, 50)),
        ("smaa", (10_000, 50)),
        ("sensitivity wsm", (10_000, 50)),
        ("sensitivity topsis", (2_000, 10)),
        ("report", (10_000, 50)),
        ("robust", (10_000, 50)),
    ],
)
def test_the_sizes_that_used_to_be_killed_refuse_quickly(cli, tmp_path, command, size):
    path = _file(tmp_path, *size)
    started = time.perf_counter()
    result = cli(*[a.format(f=path) for a in COMMANDS[command]])
    if result.exit_code == 0:
        assert time.perf_counter() - started < 300
    else:
        _one_clean_line(result)
        assert time.perf_counter() - started < 120


def test_refusals_are_decide_errors_in_the_library(monkeypatch):
    from decide.analysis.smaa import smaa

    monkeypatch.setenv("DECIDE_MAX_MEMORY_MB", "0.01")
    with pytest.raises(DecideError, match="SMAA of 60 strategies"):
        smaa(random_matrix(2, strategies=60), samples=100, seed=1)
