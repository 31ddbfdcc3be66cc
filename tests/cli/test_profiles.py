"""decide profiles, --profile on the ranking commands, compare --profiles, and profile errors in validate."""

from __future__ import annotations

import json
import re

GOOD = {"name": "hawkish", "weights": "deterrence>stability>risk>cost", "rationale": "Deterrence first."}


def test_profiles_lists_the_shipped_ones(cli):
    result = cli("profiles", "-a", "china", "-f", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)["profiles"]
    assert [row["profile"] for row in rows] == ["mediator", "influence", "quiet"]
    assert all(row["source"].startswith(("000_", "001_")) for row in rows)
    table = cli("profiles", "-a", "russia", "-f", "markdown").stdout  # the terminal wraps long names
    assert "military-leverage" in table and "sanctions-economy" in table
    assert max(len(line) for line in cli("profiles", "-a", "russia").stdout.splitlines()) <= 80


def test_every_weighted_command_takes_a_profile(cli):
    def words(*args: str) -> str:  # captions wrap at 80 columns
        return " ".join(cli(*args).stdout.split())

    expected = "(profile 'dialogue')"
    assert expected in words("rank", "-a", "us", "--profile", "dialogue")
    assert expected in words("show", "-a", "us", "--profile", "dialogue")
    assert expected in words("compare", "-a", "us", "--profile", "dialogue", "--methods", "wsm,topsis")
    assert expected in words("sensitivity", "-a", "us", "-m", "wsm", "--profile", "dialogue")
    assert expected in words("smaa", "-a", "us", "-n", "50", "--profile", "dialogue")
    assert expected in words("explain", "-a", "us", "--profile", "dialogue")
    both = words("rank", "-a", "us", "--profile", "dialogue", "-w", "cost=0.3")
    assert "cost=0.3, " in both and "(profile 'dialogue' + override cost=0.3)" in both


def test_an_unknown_profile_says_choose_from(cli):
    result = cli("rank", "-a", "us", "--profile", "dove")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "unknown profile 'dove'; choose from: deterrence-first," in result.output


def test_compare_profiles_side_by_side(cli):
    result = cli("compare", "-a", "south korea", "--all-profiles", "--methods", "wsm")
    assert result.exit_code == 0
    head = result.stdout.splitlines()
    assert head[0].startswith("South Korea: rank of each strategy by profile (1 = best), Borda and Copeland")
    header = cli("compare", "-a", "south korea", "--all-profiles", "--methods", "wsm", "-f", "markdown").stdout
    assert re.search(r"readiness +\| +allied-drills +\| +escalation-wary +\| +borda\\_points", header)
    assert "Kendall's tau-b between the profiles' rankings" in result.stdout
    named = cli(
        "compare", "-a", "south korea", "--profiles", "readiness,escalation-wary", "-w", "cost=0.2", "-f", "json"
    )
    profiles = json.loads(named.stdout)["actors"][0]["profiles"]
    assert list(profiles) == ["readiness", "escalation-wary"]
    assert profiles["readiness"]["weights_source"] == "profile 'readiness' + override cost=0.2"
    assert profiles["readiness"]["weights"]["cost"] == 0.2


def test_compare_profile_errors(cli):
    assert cli("compare", "-a", "south korea", "--profiles", "readiness").output == (
        "Error: --profiles: name at least two different profiles to compare\n"
    )
    both = cli("compare", "-a", "south korea", "--profiles", "a,b", "--all-profiles")
    assert both.exit_code == 2 and "give --profiles or --all-profiles, not both" in both.output
    methods = cli("compare", "-a", "south korea", "--all", "--all-profiles")
    assert methods.exit_code == 2 and "--all compares methods" in methods.output


def test_validate_catches_a_profile_naming_an_unknown_criterion(cli, matrix_file):
    path = matrix_file(profiles=[{**GOOD, "weights": {"deterence": 0.5}}])
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{path}: profile 'hawkish': weights: unknown criterion 'deterence' (did you mean 'deterrence'?); choose"
        " from: stability, deterrence, cost, risk"
    )
    good = cli("validate", str(matrix_file(name="good.yaml", profiles=[GOOD])))
    assert good.exit_code == 0


def test_a_profile_of_some_actors_only_says_whose_it_is(cli):
    """Profiles are per actor: ranking every actor under one actor's profile names who has it."""
    result = cli("rank", "--profile", "dialogue")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: profile 'dialogue' is in the file of United States only, not of China")
    assert result.stderr.rstrip().endswith("choose those actors with --actor, or see 'decide profiles'")
    assert len(result.stderr.strip().splitlines()) == 1
    assert cli("rank", "--profile", "dialogue", "-a", "us").exit_code == 0
    nobody = cli("smaa", "--profile", "nothing-like-it", "-n", "10")
    assert "no selected actor has a profile 'nothing-like-it'" in nobody.stderr
