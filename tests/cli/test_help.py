"""``--help`` of every command, and commands that must stay light (no heavy imports)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def describes(output: str, command: list[str]) -> bool:
    """The help names the command and every option it defines (or, for the group, every command);
    the headings and layout around them are click's."""
    from decide.cli import cli as group

    if not command:
        return all(name in output for name in group.commands)
    names = [opt for param in group.commands[command[0]].params for opt in param.opts if opt.startswith("-")]
    return f" {command[0]} " in output and all(name in output for name in names)


@pytest.mark.parametrize("command", [[], ["rank"], ["show"], ["list"], ["validate"], ["methods"]])
def test_every_help(cli, command):
    result = cli(*command, "--help")
    assert result.exit_code == 0 and describes(result.output, command), result.output


@pytest.mark.parametrize("command", ["methods", "compare", "rank"])
def test_help_of_methods_compare_and_rank(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0 and describes(result.output, [command]), result.output


@pytest.mark.slow
def test_methods_command_stays_light():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from decide.cli.main import cli\n"
        "CliRunner().invoke(cli, ['methods'])\n"
        "print(sorted(m for m in ('skcriteria', 'pymcdm', 'matplotlib') if m in "
        "sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("command", ["sensitivity", "smaa"])
def test_help_of_sensitivity_and_smaa(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0 and describes(result.output, [command]), result.output


@pytest.mark.slow
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


def test_every_commands_help_fits_80_columns(cli):
    """click wraps option help, but not the \\b blocks a docstring writes itself (tune's keys)."""
    from decide.cli import cli as group

    for name in group.commands:
        wide = [line for line in cli(name, "--help").output.splitlines() if len(line) > 80]
        assert not wide, (name, wide)
