"""``decide validate`` through click's CliRunner (the ``cli`` fixture): output, exit codes, exact error lines."""

from __future__ import annotations

from tests.conftest import BASE_MATRIX


def test_validate_reports_every_problem(cli, matrix_file):
    good = matrix_file("good.yaml")
    strategies = [dict(s) for s in BASE_MATRIX["strategies"]]
    strategies[0] = {"name": "Talks", "scores": {"stability": "high", "deterrence": 3, "cost": 20, "risk": 3}}
    bad = matrix_file("bad.yaml", strategies=strategies)
    result = cli("validate", str(good), str(bad))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{good}: ok",
        f"{bad}: strategy 'Talks': score for 'stability' is 'high', expected a number",
        f"{bad}: strategy 'Talks': score for 'cost' is 20, outside the scale [1, 10]",
    ]
    assert result.stderr == "Error: 2 problems in 1 of 2 files\n"


def test_validate_shipped_matrices(cli):
    result = cli("validate", "matrices")
    assert result.exit_code == 0, result.output
