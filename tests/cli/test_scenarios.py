"""``decide scenarios`` and ``--scenario NAME`` on every command that ranks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from decide.analysis.scenarios import scenarios
from tests.test_scenarios import SCENARIOS


@pytest.fixture
def with_scenarios(matrix_file):
    """A matrix file with the scenario file of tests/test_scenarios.py beside it; returns the matrix path."""

    def write() -> Path:
        path = matrix_file()
        (path.parent / "scenarios").mkdir(exist_ok=True)
        (path.parent / "scenarios" / path.name).write_text(yaml.safe_dump(SCENARIOS, sort_keys=False), encoding="utf-8")
        return path

    return write


def test_every_command_that_ranks_takes_the_scenario_and_names_it(cli, with_scenarios):
    path = str(with_scenarios())
    for command in (
        ["rank", path],
        ["compare", path, "-a", "TL", "--methods", "wsm,topsis"],
        ["sensitivity", path, "-a", "TL", "-m", "wsm"],
        ["sensitivity", path, "-a", "TL", "--make-top", "Aid"],
        ["smaa", path, "-n", "200", "--seed", "1"],
        ["show", path, "-a", "TL"],
    ):
        result = cli(*command, "--scenario", "escalation")
        assert result.exit_code == 0, (command, result.output)
        text = " ".join(result.output.split())  # captions wrap at the terminal width
        assert "data testland.yaml; scenario escalation" in text or "from testland.yaml, scenario escalation" in text, (
            command
        )


def test_decide_scenarios_lists_each_scenario_and_its_adjustments(cli, with_scenarios):
    path = with_scenarios()
    listed = scenarios(path)
    assert [s.name for s in listed.results[0].scenarios] == ["escalation", "thaw"]
    frame = listed.to_frame()
    assert frame[["scenario", "strategy", "criterion", "from", "to"]].values.tolist() == [
        ["escalation", "Talks", "risk", 3.0, 6.0],
        ["escalation", "Exercises", "deterrence", 9.0, 10.0],
        ["thaw", "Aid", "stability", 7.0, 4.5],
    ]
    result = cli("scenarios", str(path), "-a", "TL")
    assert result.exit_code == 0
    assert "Testland: 2 scenarios, from scenarios/testland.yaml" in result.output
    assert "Talks stall under pressure." in result.output
    json_out = cli("scenarios", str(path), "-f", "json").output
    assert yaml.safe_load(json_out)["actors"][0]["scenarios"][0]["adjustments"][0]["change"] == 3


def test_a_scenario_some_actors_lack_says_whose_it_is(cli):
    result = cli("rank", "--scenario", "sanctions-tighten")
    assert result.exit_code == 1
    assert result.output.startswith("Error: China: unknown scenario 'sanctions-tighten'; choose from: baseline, ")
    assert result.output.endswith(
        "; 'sanctions-tighten' is a scenario of North Korea, Russia only, so select those actors\n"
    )
    assert cli("rank", "-a", "russia", "-a", "dprk", "--scenario", "sanctions-tighten").exit_code == 0
