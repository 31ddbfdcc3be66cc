"""``decide sensitivity`` and ``decide smaa`` through click's CliRunner: output, exit codes,
exact error lines."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from decide.cli import cli
from decide.methods import METHODS


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_sensitivity_of_a_shipped_actor(run):
    result = run("sensitivity", "--actor", "US", "--method", "wsm")
    assert result.exit_code == 0
    words = " ".join(result.output.split())  # captions wrap at 80 columns
    assert "United States: weights keeping Strengthen Alliances with South Korea and Japan first" in words
    assert "exact (closed form)" in result.output and "<- weight now" in result.output


def test_sensitivity_one_criterion_json(run, matrix_file):
    result = run("sensitivity", str(matrix_file()), "-a", "Testland", "-c", "risk", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["method"] == "topsis" and data["exact"] is False
    assert [row["criterion"] for row in data["intervals"]] == ["risk"]


def test_make_top(run, matrix_file):
    path = str(matrix_file())
    result = run("sensitivity", path, "-a", "Testland", "-m", "wsm", "--make-top", "Exercises")
    assert result.exit_code == 0
    assert "Testland: 'Exercises' ranks first" in result.output
    assert "(exact, linear programming)" in result.output


def test_smaa_seeded_runs_are_reproducible(run, matrix_file):
    path = str(matrix_file())
    args = ("smaa", path, "-n", "2000", "--seed", "11", "--score-noise", "1", "-f", "json")
    first, second = run(*args), run(*args)
    assert first.exit_code == 0 and first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["samples"] == 2000 and data["seed"] == 11 and data["score_noise"] == 1.0


def test_smaa_writes_every_file_format(run, matrix_file, tmp_path):
    path = str(matrix_file())
    for suffix in ("csv", "md", "tex", "html", "xlsx", "json", "txt"):
        target = tmp_path / f"smaa.{suffix}"
        result = run("smaa", path, "-n", "200", "--seed", "1", "--order", "risk>cost", "-o", str(target))
        assert result.exit_code == 0 and target.stat().st_size > 0, suffix


@pytest.mark.parametrize(
    "args, error",
    [
        (["sensitivity", "--actor", "Narnia"],
         "Error: unknown actor 'Narnia'; choose from: Testland"),
        (["sensitivity", "--actor", "TL", "--criterion", "price"],
         "Error: {path}: unknown criterion 'price'; choose from: stability, deterrence, cost, risk"),
        (["sensitivity", "--actor", "TL", "--make-top", "Peace"],
         "Error: {path}: unknown strategy 'Peace'; choose from: Talks, Exercises, Sanctions, Aid"),
        (["sensitivity", "--actor", "TL", "--method", "magic"],
         "Error: unknown method 'magic'; choose from: " + ", ".join(METHODS)),
        (["smaa", "--order", "risk>>cost"],
         "Error: --order: 'risk>>cost' is not NAME>NAME[>NAME...]; write e.g. "
         "'deterrence>stability>risk>cost'"),
        (["smaa", "--order", "risk>cost>risk"],
         "Error: --order: criterion 'risk' appears twice; name each criterion once"),
        (["smaa", "--spread", "1.5"], "Error: --spread is 1.5; give a number in (0, 1], e.g. 0.1"),
        (["smaa", "--spread", "0.1", "--order", "risk>cost"],
         "Error: --spread and --order cannot be combined; choose one way to draw weights"),
        (["smaa", "--score-noise", "-1"], "Error: --score-noise is -1.0; give a number >= 0, e.g. 1"),
        (["smaa", "--param", "v=2", "-m", "vikor"],
         "Error: method 'vikor': parameter 'v' is 2; allowed: 0 <= v <= 1"),
    ],
)
def test_bad_options_give_one_error_line(run, matrix_file, args, error):
    path = str(matrix_file())
    result = run(args[0], path, *args[1:])
    assert result.exit_code == 1
    assert result.output.splitlines() == [error.format(path=path)]


def test_bad_sample_count_is_a_usage_error(run):
    result = run("smaa", "--samples", "0")
    assert result.exit_code == 2
    assert "Error: Invalid value for '--samples' / '-n': 0 is not in the range x>=1." in result.output


@pytest.mark.parametrize("command", ["sensitivity", "smaa"])
def test_help(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0 and f" {command} [OPTIONS]" in result.output


def test_help_of_new_commands_does_not_import_heavy_modules():
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from decide.cli import cli\n"
        "for command in ('smaa', 'sensitivity'):\n"
        "    assert CliRunner().invoke(cli, [command, '--help']).exit_code == 0\n"
        "print(' '.join(m for m in ('skcriteria', 'matplotlib', 'scipy') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert output.stdout.split() == []
