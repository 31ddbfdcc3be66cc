"""``decide compare`` through click's CliRunner (the ``cli`` fixture): output, exit codes, exact error lines."""

from __future__ import annotations

import json

import pytest


def test_compare_json(cli, example_file):
    result = cli(
        "compare",
        example_file,
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
    data = json.loads(result.output)["actors"][0]
    assert [m["name"] for m in data["methods"]] == ["topsis", "vikor"]
    assert data["methods"][1]["params"]["v"] == 0.3


@pytest.mark.slow
def test_compare_all_lists_skipped_methods(cli, example_file):
    data = json.loads(cli("compare", example_file, "-a", "Example", "--all", "-f", "json").output)["actors"][0]
    assert "wpm" in data["skipped"]


def test_compare_errors(cli, example_file):
    result = cli("compare", example_file, "-a", "Example", "--methods", "topsis,nope")
    assert result.exit_code == 1
    assert result.output.startswith("Error: unknown method 'nope'; choose from: wsm, wpm,")
    result = cli("compare", example_file, "-a", "Example", "--methods", "wsm", "--all")
    assert result.exit_code == 2
    assert "Error: give --methods or --all, not both" in result.output
    result = cli("compare", example_file, "-a", "Example", "-p", "v=0.3")
    assert result.output == ("Error: --param: 'v' does not name its method; write METHOD.KEY=VALUE, e.g. vikor.v=0.3\n")
