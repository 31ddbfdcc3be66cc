"""Every ``$ decide ...`` example in the README shows the command's real, current output.

Run ``python tests/test_readme.py --update`` to refresh the outputs after a change.
An example whose expected output ends with a line ``...`` is compared up to there;
examples that name files which do not exist (illustrations of errors) are skipped.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
FENCE = re.compile(r"^```[a-z]*\n(.*?)^```\n", re.S | re.M)


def examples(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, command, expected output) of every ``$ decide`` example, by offset."""
    found = []
    for fence in FENCE.finditer(text):
        body, offset = fence.group(1), fence.start(1)
        for block in re.finditer(r"^\$ (decide [^\n]*)\n(.*?)(?=^\$ |\Z)", body, re.S | re.M):
            found.append((offset + block.start(2), offset + block.end(2), block.group(1), block.group(2)))
    return found


def runnable(command: str) -> bool:
    files = [a for a in shlex.split(command) if a.endswith((".yaml", ".yml"))]
    return all((REPO / f).exists() for f in files)


def run(command: str) -> str:
    from click.testing import CliRunner

    from decide.cli import cli

    result = CliRunner().invoke(cli, shlex.split(command)[1:], catch_exceptions=False, env={"COLUMNS": "80"})
    output = result.stdout if result.exit_code == 0 else result.stderr
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"


def compare(expected: str, actual: str) -> bool:
    expected_lines = [line.rstrip() for line in expected.rstrip("\n").splitlines()]
    actual_lines = actual.rstrip("\n").splitlines()
    if expected_lines and expected_lines[-1] == "...":
        return actual_lines[: len(expected_lines) - 1] == expected_lines[:-1]
    return actual_lines == expected_lines


CASES = [
    # building a report is slow (see the slow marker in pyproject.toml); the other examples are quick
    pytest.param(command, expected, id=command, marks=[pytest.mark.slow] if command.startswith("decide report") else [])
    for _, _, command, expected in examples(README.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(("command", "expected"), CASES)
def test_readme_example_is_current(command, expected, monkeypatch):
    if not runnable(command):
        pytest.skip("illustrates an error with a file that is not in the repository")
    monkeypatch.chdir(REPO)
    stale = f"README output of '{command}' is stale: run python tests/test_readme.py --update"
    assert compare(expected, run(command)), stale


def update() -> None:
    import os

    os.chdir(REPO)
    text = README.read_text(encoding="utf-8")
    for start, end, command, expected in reversed(examples(text)):
        if not runnable(command):
            continue
        output = run(command)
        if expected.rstrip("\n").splitlines()[-1:] == ["..."]:
            kept = len(expected.rstrip("\n").splitlines()) - 1
            output = "\n".join(output.splitlines()[:kept]) + "\n...\n"
        if expected.endswith("\n\n"):
            output += "\n"
        text = text[:start] + output + text[end:]
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        sys.exit("usage: python tests/test_readme.py --update")
