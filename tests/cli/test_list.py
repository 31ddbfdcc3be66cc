"""``decide list`` through click's CliRunner (the ``cli`` fixture): output, exit codes, exact error lines."""

from __future__ import annotations

import json


def test_list_json_names_every_shipped_actor(cli):
    listed = cli("list", "-f", "json")
    actors = {row["actor"]: row for row in json.loads(listed.stdout)["actors"]}
    assert set(actors) == {"United States", "China", "Russia", "North Korea", "South Korea", "Japan"}
    assert all(row["strategies"] >= 2 for row in actors.values())
