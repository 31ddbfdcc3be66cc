"""``decide rank`` through click's CliRunner (the ``cli`` fixture): output, exit codes, exact error lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from decide.methods import METHODS
from tests.conftest import BASE_MATRIX


def test_rank_all_shipped_actors(cli):
    result = cli("rank")
    assert result.exit_code == 0
    for actor in ["United States", "China", "Russia", "North Korea", "South Korea", "Japan"]:
        assert f"{actor}: ranked by topsis (normalization=vector); weights stability=" in result.output


def test_rank_json_parses_and_has_the_documented_shape(cli):
    result = cli("rank", "--actor", "US", "--method", "vikor", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["method"] == "vikor" and data["params"] == {"v": 0.5, "use_compromise_set": True}
    (ranking,) = data["actors"]
    assert ranking["actor"] == "United States" and ranking["file"] == "united-states.yaml"
    assert ranking["better"] == "lower"
    assert ranking["weights"] == {"stability": 0.25, "deterrence": 0.35, "cost": 0.15, "risk": 0.25}
    scores = [row["score"] for row in ranking["ranking"]]
    assert scores == sorted(scores)


def test_rank_weights_param_and_output_file(cli, tmp_path):
    out = tmp_path / "us.md"
    result = cli("rank", "-a", "usa", "-m", "vikor", "-w", "deterrence=0.5,cost=0.1", "-p", "v=0.3", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert r"ranked by vikor (v=0.3, use\_compromise\_set=true)" in text
    assert "deterrence=0.5, cost=0.1, " in text  # exactly as typed; stability and risk share the rest


def test_rank_a_user_file(cli, matrix_file):
    result = cli("rank", str(matrix_file()), "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "actor,rank,strategy,score,dominated,dominated_by,basis,file,filters,method,params,weights"
    )
    assert len(result.stdout.splitlines()) == 1 + len(BASE_MATRIX["strategies"])


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["rank", "--method", "electre9"],
            "Error: unknown method 'electre9' (did you mean 'electre2'?); choose from: " + ", ".join(METHODS),
        ),
        (
            ["rank", "--actor", "Atlantis"],
            "Error: unknown actor 'Atlantis'; choose from: "
            "China, Japan, North Korea, Russia, South Korea, United States",
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
def test_bad_options_give_one_error_line(cli, args, error):
    result = cli(*args)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    if "{m}" in error:
        assert lines[0].startswith("Error: ") and lines[0].endswith(error.split("{m}: ")[1])
    else:
        assert lines[0] == error
    assert result.stdout == ""


def test_bad_file_gives_one_error_line_and_no_output_file(cli, matrix_file, tmp_path):
    bad = matrix_file(text="actor: X\n  bad: [indent\n")
    out = tmp_path / "out.json"
    result = cli("rank", str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad}: line ") and len(result.stderr.splitlines()) == 1
    assert not out.exists()
    missing = cli("rank", str(tmp_path / "missing.yaml"))
    assert missing.stderr == f"Error: {tmp_path / 'missing.yaml'}: no such file\n"


def test_output_into_missing_folder(cli, tmp_path):
    result = cli("rank", "-o", str(tmp_path / "nope" / "r.md"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope' / 'r.md'}: folder '{tmp_path / 'nope'}' does not exist\n"


def test_unknown_parameter_is_one_error_line(cli, example_file):
    result = cli("rank", example_file, "--method", "vikor", "--param", "w=1")
    assert result.exit_code == 1
    assert result.output == ("Error: method 'vikor' has no parameter 'w'; its parameters: v, use_compromise_set\n")


def test_out_of_range_parameter_is_one_error_line(cli, example_file):
    result = cli("rank", example_file, "-m", "cocoso", "-p", "lambda=1.5")
    assert result.exit_code == 1
    assert result.output == ("Error: method 'cocoso': parameter 'lambda' is 1.5; allowed: 0 <= lambda <= 1\n")


def test_zero_cost_is_a_clear_error(cli, example_file):
    result = cli("rank", example_file, "-m", "wpm")
    assert result.exit_code == 1
    assert result.output.startswith(
        f"Error: {example_file}: wpm cannot rank this matrix: criterion 'cost' has a zero for strategy 'X'; "
    )
    assert result.output.count("\n") == 1


def test_rank_non_dominated_drops_dominated(cli, example_file):
    everything = json.loads(cli("rank", example_file, "-f", "json").output)
    ranking = everything["actors"][0]["ranking"]
    assert [r["strategy"] for r in ranking if r["dominated"]] == ["C"]
    assert ranking[-1]["dominated_by"] == ["A", "B", "X"]
    kept = json.loads(cli("rank", example_file, "--non-dominated", "-f", "json").output)
    assert sorted(r["strategy"] for r in kept["actors"][0]["ranking"]) == [
        "A",
        "B",
        "X",
    ]


@pytest.mark.slow
def test_rank_simus_json_in_a_real_process(simus_file):
    """CBC, SIMUS's solver, writes to the process's stdout below Python: only a real
    process shows whether its log would spoil the JSON."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    out = subprocess.run(
        [sys.executable, "-W", "error", "-m", "decide", "rank", simus_file, "-m", "simus", "-f", "json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert out.stderr == ""
    data = json.loads(out.stdout)
    assert data["method"] == "simus"
    ranking = data["actors"][0]
    assert ranking["weights"] == {"gain": 0.6, "reach": 0.4}
    assert ranking["weights_used"] is False
    assert [r["rank"] for r in ranking["ranking"]] == sorted(r["rank"] for r in ranking["ranking"])


def test_captions_say_simus_does_not_use_weights(cli, simus_file):
    caption = " ".join(cli("rank", simus_file, "-m", "simus").output.split("\n\n")[0].split())  # wrapped
    assert caption == (
        "Example: ranked by simus (rank_by=1); weights not used by simus; data example.yaml; "
        "higher score is better; note: simus ranks 'B' above 'A', which dominates it"
    )
    weighted = " ".join(cli("rank", simus_file, "-m", "topsis").output.split())
    assert "; weights gain=0.6, reach=0.4 (file); " in weighted
    compared = cli("compare", simus_file, "-a", "Example", "--methods", "topsis,simus").output
    assert "weights gain=0.6, reach=0.4 (file; not used by simus); data" in " ".join(compared.split())
    data = json.loads(cli("compare", simus_file, "-a", "Example", "--methods", "topsis,simus", "-f", "json").output)[
        "actors"
    ][0]
    assert [m["weights_used"] for m in data["methods"]] == [True, False]


def test_rank_ervd_with_a_reference(cli, example_file):
    result = cli("rank", example_file, "-m", "ervd", "-p", "reference=gain:6,cost:1")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("Example: ranked by ervd (reference=gain:6,cost:1, lambda=2.25")
    result = cli("rank", example_file, "-m", "ervd", "-p", "reference=price:1")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {example_file}: method 'ervd': parameter 'reference' names unknown criterion 'price'; "
        "criteria are: gain, cost\n"
    )
