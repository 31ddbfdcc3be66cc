"""The command overview in the README and the manual's command reference is one text, and it
names every command ``decide --help`` lists."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from decide.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def overview(text: str) -> str:
    start = text.index("Every command that ranks takes the same selection")
    return text[start : text.index("```\n", text.index("```\ndecide", start) + 4)]


def test_the_readme_and_the_reference_show_the_same_overview():
    readme = overview((ROOT / "README.md").read_text(encoding="utf-8"))
    reference = overview((ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8"))
    assert " ".join(readme.split()) == " ".join(reference.split())


def test_the_overview_names_every_command():
    listed = set(re.findall(r"^decide (\w+)", overview((ROOT / "README.md").read_text(encoding="utf-8")), re.M))
    commands = set(cli.list_commands(cli.make_context("decide", [], resilient_parsing=True)))
    assert commands <= listed, sorted(commands - listed)
    assert CliRunner().invoke(cli, ["--help"]).exit_code == 0
