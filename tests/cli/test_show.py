"""``decide show`` through click's CliRunner (the ``cli`` fixture): output, exit codes, exact error lines."""

from __future__ import annotations


def test_show_a_shipped_actor(cli):
    shown = cli("show", "--actor", "dprk")
    assert shown.exit_code == 0
    assert "North Korea: decision matrix from north-korea.yaml; scale [1, 10]" in shown.output
    assert "objectives stability (max), deterrence (max), cost (min), risk (min)" in shown.output
