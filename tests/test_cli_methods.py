"""The command line of the methods catalogue: methods, compare, rank --non-dominated."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from decide.cli import cli

MATRIX = """\
actor: Example
criteria:
  - {name: gain, objective: max, weight: 0.6}
  - {name: cost, objective: min, weight: 0.4}
scale: [0, 10]
strategies:
  - {name: A, scores: {gain: 8, cost: 2}}
  - {name: B, scores: {gain: 6, cost: 1}}
  - {name: C, scores: {gain: 5, cost: 3}}
  - {name: X, scores: {gain: 5, cost: 0}}
"""


@pytest.fixture
def matrix_file(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(MATRIX, encoding="utf-8")
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_methods_lists_the_catalogue():
    result = run("methods", "--format", "json")
    assert result.exit_code == 0
    names = [m["name"] for m in json.loads(result.output)["methods"]]
    assert {"wsm", "wpm", "electre2", "promethee2"} <= set(names)


def test_unknown_parameter_is_one_error_line(matrix_file):
    result = run("rank", matrix_file, "--method", "vikor", "--param", "w=1")
    assert result.exit_code == 1
    assert result.output == (
        "Error: method 'vikor' has no parameter 'w'; its parameters: v, "
        "use_compromise_set\n"
    )


def test_out_of_range_parameter(matrix_file):
    result = run("rank", matrix_file, "-m", "cocoso", "-p", "lambda=1.5")
    assert result.exit_code == 1
    assert result.output == (
        "Error: method 'cocoso': parameter 'lambda' is 1.5; allowed: 0 <= lambda <= 1\n"
    )


def test_zero_cost_is_a_clear_error(matrix_file):
    result = run("rank", matrix_file, "-m", "wpm")
    assert result.exit_code == 1
    assert result.output.startswith(
        f"Error: {matrix_file}: wpm cannot rank this matrix: criterion 'cost' has a "
        f"zero "
        "for strategy 'X'; "
    )
    assert result.output.count("\n") == 1


def test_rank_non_dominated_drops_dominated(matrix_file):
    everything = json.loads(run("rank", matrix_file, "-f", "json").output)
    ranking = everything["rankings"][0]["ranking"]
    assert [r["strategy"] for r in ranking if r["dominated"]] == ["C"]
    assert ranking[-1]["dominated_by"] == ["A", "B", "X"]
    kept = json.loads(run("rank", matrix_file, "--non-dominated", "-f", "json").output)
    assert sorted(r["strategy"] for r in kept["rankings"][0]["ranking"]) == [
        "A",
        "B",
        "X",
    ]


def test_compare_json(matrix_file):
    result = run(
        "compare",
        matrix_file,
        "--actor",
        "example",
        "--methods",
        "topsis,vikor",
        "-p",
        "vikor.v=0.3",
        "-f",
        "json",
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [m["name"] for m in data["methods"]] == ["topsis", "vikor"]
    assert data["methods"][1]["params"]["v"] == 0.3


def test_compare_all_lists_skipped_methods(matrix_file):
    data = json.loads(
        run("compare", matrix_file, "-a", "Example", "--all", "-f", "json").output
    )
    assert "wpm" in data["skipped"]


def test_compare_errors(matrix_file):
    result = run("compare", matrix_file, "-a", "Example", "--methods", "topsis,nope")
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: unknown method 'nope'; choose from: wsm, wpm,"
    )
    result = run("compare", matrix_file, "-a", "Example", "--methods", "wsm", "--all")
    assert result.exit_code == 2
    assert "Error: give --methods or --all, not both" in result.output
    result = run("compare", matrix_file, "-a", "Example", "-p", "v=0.3")
    assert result.output == (
        "Error: --param: 'v' does not name its method; write METHOD.KEY=VALUE, "
        "e.g. vikor.v=0.3\n"
    )


@pytest.mark.parametrize("command", ["methods", "compare", "rank"])
def test_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_methods_command_stays_light():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from decide.cli import cli\n"
        "CliRunner().invoke(cli, ['methods'])\n"
        "print(sorted(m for m in ('skcriteria', 'pymcdm', 'matplotlib') if m in "
        "sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_methods_says_which_methods_use_weights():
    methods = {m["name"]: m for m in json.loads(run("methods", "-f", "json").output)["methods"]}
    assert methods["simus"]["uses_weights"] is False
    assert methods["ervd"]["uses_weights"] is True
    table = run("methods").output
    simus_row = next(line for line in table.splitlines() if line.startswith("simus"))
    assert simus_row.split()[:4] == ["simus", "higher", "not", "used"]


SIMUS_MATRIX = """\
actor: Example
criteria:
  - {name: gain, objective: max, weight: 0.6}
  - {name: reach, objective: max, weight: 0.4}
scale: [0, 10]
strategies:
  - {name: A, scores: {gain: 8, reach: 2}}
  - {name: B, scores: {gain: 6, reach: 1}}
  - {name: C, scores: {gain: 5, reach: 3}}
  - {name: X, scores: {gain: 5, reach: 1}}
"""


@pytest.fixture
def simus_file(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(SIMUS_MATRIX, encoding="utf-8")
    return str(path)


def test_rank_simus_json_in_a_real_process(simus_file):
    """CBC, SIMUS's solver, writes to the process's stdout below Python: only a real
    process shows whether its log would spoil the JSON."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    out = subprocess.run(
        [sys.executable, "-W", "error", "-m", "decide.cli", "rank", simus_file, "-m", "simus", "-f", "json"],
        capture_output=True, text=True, check=True, env=env,
    )
    assert out.stderr == ""
    data = json.loads(out.stdout)
    assert data["method"] == "simus"
    ranking = data["rankings"][0]
    assert ranking["weights"] == {"gain": 0.6, "reach": 0.4}
    assert ranking["weights_used"] is False
    assert [r["rank"] for r in ranking["ranking"]] == sorted(r["rank"] for r in ranking["ranking"])


def test_captions_say_simus_does_not_use_weights(simus_file):
    markdown = run("rank", simus_file, "-m", "simus", "-f", "markdown").output
    caption = next(line for line in markdown.splitlines() if line.startswith("Table: ")).removeprefix("Table: ")
    assert caption == (
        "Example: ranked by simus (rank\\_by=1); weights not used by simus; data example.yaml; "
        "higher score is better"
    )
    weighted = run("rank", simus_file, "-m", "topsis", "-f", "markdown").output
    assert "; weights gain=0.6, reach=0.4; " in weighted
    compared = run("compare", simus_file, "-a", "Example", "--methods", "topsis,simus").output
    assert "weights gain=0.6, reach=0.4 (not used by simus); data" in " ".join(compared.split())
    data = json.loads(run("compare", simus_file, "-a", "Example", "--methods", "topsis,simus", "-f", "json").output)
    assert [m["weights_used"] for m in data["methods"]] == [True, False]


@pytest.mark.parametrize("command", ["sensitivity", "smaa"])
def test_weight_robustness_refuses_a_method_without_weights(simus_file, command):
    result = run(command, simus_file, "-a", "Example", "-m", "simus")
    assert result.exit_code == 1
    assert result.output == (
        "Error: method 'simus' does not use weights, so varying them cannot change its ranking; "
        "choose a method that uses weights, e.g. topsis (see 'decide methods')\n"
    )


def test_rank_ervd_with_a_reference(matrix_file):
    result = run("rank", matrix_file, "-m", "ervd", "-p", "reference=gain:6,cost:1")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("Example: ranked by ervd (reference=gain:6,cost:1, lambda=2.25")
    result = run("rank", matrix_file, "-m", "ervd", "-p", "reference=price:1")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {matrix_file}: method 'ervd': parameter 'reference' names unknown criterion 'price'; "
        "criteria are: gain, cost\n"
    )
