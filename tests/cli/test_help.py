"""``--help`` of every command, and commands that must stay light (no heavy imports)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("command", [[], ["rank"], ["show"], ["list"], ["validate"], ["methods"]])
def test_every_help(cli, command):
    result = cli(*command, "--help")
    assert result.exit_code == 0 and "Usage: " in result.output


@pytest.mark.parametrize("command", ["methods", "compare", "rank"])
def test_help_of_methods_compare_and_rank(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_methods_command_stays_light():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from decide.cli.main import cli\n"
        "CliRunner().invoke(cli, ['methods'])\n"
        "print(sorted(m for m in ('skcriteria', 'pymcdm', 'matplotlib') if m in "
        "sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("command", ["sensitivity", "smaa"])
def test_help_of_sensitivity_and_smaa(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0 and f" {command} [OPTIONS]" in result.output


def test_help_of_new_commands_does_not_import_heavy_modules():
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from decide.cli.main import cli\n"
        "for command in ('smaa', 'sensitivity'):\n"
        "    assert CliRunner().invoke(cli, [command, '--help']).exit_code == 0\n"
        "print(' '.join(m for m in ('skcriteria', 'matplotlib', 'scipy') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert output.stdout.split() == []
