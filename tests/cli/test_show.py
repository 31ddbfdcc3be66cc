"""``decide show`` through click's CliRunner (the ``cli`` fixture): output, exit codes, exact error lines."""

from __future__ import annotations

import json


def test_show_a_shipped_actor(cli):
    shown = cli("show", "--actor", "dprk")
    assert shown.exit_code == 0
    words = " ".join(shown.output.split())  # captions wrap at 80 columns
    assert "North Korea: decision matrix from north-korea.yaml; scale [1, 10]" in words
    assert "objectives stability (max), deterrence (max), cost (min), risk (min)" in words


def test_show_gives_basis_certainty_and_ranges(cli, matrix_file):
    strategies = [
        {
            "name": "Talks",
            "basis": "inferred",
            "reasoning": "given to another actor in the text",
            "scores": {"stability": 8, "deterrence": 3, "cost": {"value": 2, "low": 1, "high": 4}, "risk": 3},
            "certainty": {"stability": "stated", "deterrence": "implied", "cost": "judgement", "risk": "stated"},
        },
        {"name": "Aid", "scores": {"stability": 7, "deterrence": 2, "cost": 3, "risk": 2}},
    ]
    path = matrix_file(strategies=strategies, weights_rationale="security first")
    shown = cli("show", str(path), "--actor", "TL")
    assert shown.exit_code == 0
    assert "; weights: security first" in shown.stdout
    lines = [line.split() for line in shown.stdout.splitlines()]
    assert ["Talks", "inferred", "stated", "implied", "judgement", "1-4", "stated"] in lines
    assert ["Aid", "stated"] in lines
    data = json.loads(cli("show", str(path), "--actor", "TL", "--format", "json").stdout)["actors"][0]
    talks = data["strategies"][0]
    assert data["weights_rationale"] == "security first"
    assert talks["basis"] == "inferred" and talks["ranges"] == {"cost": [1.0, 4.0]}
    assert talks["certainty"]["cost"] == "judgement" and talks["scores"]["cost"] == 2.0
