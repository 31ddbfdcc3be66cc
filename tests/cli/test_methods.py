"""``decide methods`` through click's CliRunner (the ``cli`` fixture): output, exit codes, exact error lines."""

from __future__ import annotations

import json


def test_methods_lists_the_registry(cli):
    result = cli("methods")
    assert result.exit_code == 0
    for name in ["wsm", "topsis", "vikor"]:
        assert f"\n{name} " in result.output


def test_methods_lists_the_catalogue(cli):
    result = cli("methods", "--format", "json")
    assert result.exit_code == 0
    names = [m["name"] for m in json.loads(result.output)["methods"]]
    assert {"wsm", "wpm", "electre2", "promethee2"} <= set(names)


def test_methods_says_which_methods_use_weights(cli):
    methods = {m["name"]: m for m in json.loads(cli("methods", "-f", "json").output)["methods"]}
    assert methods["simus"]["uses_weights"] is False
    assert methods["ervd"]["uses_weights"] is True
    table = cli("methods").output
    simus_row = next(line for line in table.splitlines() if line.startswith("simus"))
    assert simus_row.split()[:4] == ["simus", "higher", "not", "used"]
