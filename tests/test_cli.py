"""The command line through click's CliRunner: output, exit codes and exact error lines."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from decide.cli import cli
from decide.methods import METHODS

from .conftest import BASE_MATRIX


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_rank_all_shipped_actors(run):
    result = run("rank")
    assert result.exit_code == 0
    for actor in ["United States", "China", "Russia", "North Korea", "South Korea"]:
        assert f"{actor}: ranked by topsis (normalization=vector); weights stability=0.3" in result.output


def test_rank_json_parses_and_has_the_documented_shape(run):
    result = run("rank", "--actor", "US", "--method", "vikor", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["method"] == "vikor" and data["params"] == {"v": 0.5, "use_compromise_set": True}
    (ranking,) = data["rankings"]
    assert ranking["actor"] == "United States" and ranking["file"] == "united-states.yaml"
    assert ranking["better"] == "lower"
    assert ranking["weights"] == {"stability": 0.3, "deterrence": 0.25, "cost": 0.2, "risk": 0.25}
    scores = [row["score"] for row in ranking["ranking"]]
    assert scores == sorted(scores)


def test_rank_weights_param_and_output_file(run, tmp_path):
    out = tmp_path / "us.md"
    result = run("rank", "-a", "usa", "-m", "vikor", "-w", "deterrence=0.5,cost=0.1", "-p", "v=0.3", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert r"ranked by vikor (v=0.3, use\_compromise\_set=true)" in text
    assert "weights stability=0.2609, deterrence=0.4348, cost=0.08696, risk=0.2174" in text


def test_rank_a_user_file(run, matrix_file):
    result = run("rank", str(matrix_file()), "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "actor,rank,strategy,score,dominated,dominated_by,file,method,params,weights,non dominated"
    )
    assert len(result.stdout.splitlines()) == 1 + len(BASE_MATRIX["strategies"])


def test_show_and_list(run):
    shown = run("show", "--actor", "dprk")
    assert shown.exit_code == 0
    assert "North Korea: decision matrix from north-korea.yaml; scale [1, 10]" in " ".join(shown.output.split())
    # captions wrap at 80 columns: compare the words
    assert "objectives stability (max), deterrence (max), cost (min), risk (min)" in " ".join(shown.output.split())
    listed = run("list", "-f", "json")
    actors = {row["actor"]: row for row in json.loads(listed.stdout)["actors"]}
    assert set(actors) == {"United States", "China", "Russia", "North Korea", "South Korea"}
    assert all(row["strategies"] >= 5 for row in actors.values())


def test_methods_lists_the_registry(run):
    result = run("methods")
    assert result.exit_code == 0
    for name in ["wsm", "topsis", "vikor"]:
        assert f"\n{name} " in result.output


def test_validate_reports_every_problem(run, matrix_file):
    good = matrix_file("good.yaml")
    strategies = [dict(s) for s in BASE_MATRIX["strategies"]]
    strategies[0] = {"name": "Talks", "scores": {"stability": "high", "deterrence": 3, "cost": 20, "risk": 3}}
    bad = matrix_file("bad.yaml", strategies=strategies)
    result = run("validate", str(good), str(bad))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{good}: ok",
        f"{bad}: strategy 'Talks': score for 'stability' is 'high', expected a number",
        f"{bad}: strategy 'Talks': score for 'cost' is 20, outside the scale [1, 10]",
    ]
    assert result.stderr == "Error: 2 problem(s) in 1 of 2 file(s)\n"


def test_validate_shipped_matrices(run):
    result = run("validate", "matrices")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["rank", "--method", "electre9"], "Error: unknown method 'electre9'; choose from: " + ", ".join(METHODS)),
        (
            ["rank", "--actor", "Atlantis"],
            "Error: unknown actor 'Atlantis'; choose from: China, North Korea, Russia, South Korea, United States",
        ),
        (
            ["rank", "--format", "pdf"],
            "Error: unknown format 'pdf'; choose from: table, markdown, csv, json, latex, html, xlsx",
        ),
        (
            ["rank", "--weights", "morale=1"],
            "Error: {m}: unknown criterion 'morale'; choose from: stability, deterrence, cost, risk",
        ),
        (
            ["rank", "--weights", "deterrence:0.5"],
            "Error: --weights: 'deterrence:0.5' is not NAME=VALUE; write e.g. 'deterrence=0.5,cost=0.1'",
        ),
        (["rank", "--param", "v"], "Error: --param: 'v' is not KEY=VALUE; write e.g. v=0.3"),
        (["rank", "-m", "vikor", "--param", "v=7"], "Error: method 'vikor': parameter 'v' is 7; allowed: 0 <= v <= 1"),
        (["rank", "-f", "xlsx"], "Error: format 'xlsx' is binary; write it to a file, e.g. result.xlsx"),
    ],
)
def test_bad_options_give_one_error_line(run, args, error):
    result = run(*args)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    if "{m}" in error:
        assert lines[0].startswith("Error: ") and lines[0].endswith(error.split("{m}: ")[1])
    else:
        assert lines[0] == error
    assert result.stdout == ""


def test_bad_file_gives_one_error_line_and_no_output_file(run, matrix_file, tmp_path):
    bad = matrix_file(text="actor: X\n  bad: [indent\n")
    out = tmp_path / "out.json"
    result = run("rank", str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad}: line ") and len(result.stderr.splitlines()) == 1
    assert not out.exists()
    missing = run("rank", str(tmp_path / "missing.yaml"))
    assert missing.stderr == f"Error: {tmp_path / 'missing.yaml'}: no such file\n"


def test_output_into_missing_folder(run, tmp_path):
    result = run("rank", "-o", str(tmp_path / "nope" / "r.md"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope' / 'r.md'}: folder '{tmp_path / 'nope'}' does not exist\n"


@pytest.mark.parametrize("command", [[], ["rank"], ["show"], ["list"], ["validate"], ["methods"]])
def test_every_help(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage: " in result.output
