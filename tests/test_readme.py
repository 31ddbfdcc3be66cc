"""Every ``$ decide ...`` example in the README and in the manual (``docs/**/*.md``) shows the
command's real, current output.

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
DOCS = REPO / "docs"
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
    files = [a for a in shlex.split(command) if a.endswith((".yaml", ".yml", ".xlsx", ".ods", ".csv"))]
    return all((REPO / f).exists() for f in files)


def run(command: str) -> str:
    from click.testing import CliRunner

    from decide.cli.main import cli

    result = CliRunner().invoke(cli, shlex.split(command)[1:], catch_exceptions=False, env={"COLUMNS": "80"})
    # On failure the page shows what the terminal shows: the problems (stdout), then the error line (stderr).
    output = result.stdout if result.exit_code == 0 else result.stdout + result.stderr
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"


def compare(expected: str, actual: str) -> bool:
    expected_lines = [line.rstrip() for line in expected.rstrip("\n").splitlines()]
    actual_lines = actual.rstrip("\n").splitlines()
    if expected_lines and expected_lines[-1] == "...":
        return actual_lines[: len(expected_lines) - 1] == expected_lines[:-1]
    return actual_lines == expected_lines


def pages() -> list[Path]:
    """The README and every page of the manual, in a stable order."""
    return [README, *sorted(DOCS.rglob("*.md"))]


def page_name(page: Path) -> str:
    return page.relative_to(REPO).as_posix()


CASES = [
    # building a report is slow (see the slow marker in pyproject.toml); the other examples are quick
    pytest.param(
        page_name(page),
        command,
        expected,
        id=f"{page_name(page)}: {command}",
        marks=[pytest.mark.slow] if command.startswith("decide report") else [],
    )
    for page in pages()
    for _, _, command, expected in examples(page.read_text(encoding="utf-8"))
]


def test_the_readme_and_the_manual_both_hold_examples():
    """The collection itself: the README and the manual's pages are found and hold examples."""
    names = {case.values[0] for case in CASES}
    assert "README.md" in names
    assert any(name.startswith("docs/") for name in names)


@pytest.mark.parametrize(("page", "command", "expected"), CASES)
def test_readme_example_is_current(page, command, expected, monkeypatch):
    if not runnable(command):
        pytest.skip("illustrates an error with a file that is not in the repository")
    monkeypatch.chdir(REPO)
    stale = f"{page}: output of '{command}' is stale: run python tests/test_readme.py --update"
    assert compare(expected, run(command)), stale


PYCON = re.compile(r"^```pycon\n(.*?)^```\n", re.S | re.M)


def python_session(text: str) -> str:
    """A page's ``pycon`` examples, in order, as one doctest session: later ones use earlier names."""
    return "\n".join(PYCON.findall(text))


PYTHON_CASES = [page_name(page) for page in pages() if python_session(page.read_text(encoding="utf-8"))]


def test_the_manual_has_python_examples():
    assert "docs/how-to/notebook.md" in PYTHON_CASES


@pytest.mark.parametrize("page", PYTHON_CASES)
def test_python_examples_print_what_the_page_shows(page, monkeypatch):
    """The ``>>>`` examples of a page run as a doctest in the repository, 80 columns wide."""
    import doctest

    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "80")
    session = python_session((REPO / page).read_text(encoding="utf-8"))
    test = doctest.DocTestParser().get_doctest(session, {}, page, page, 0)
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=report.append)
    assert runner.failures == 0, f"{page}: a Python example prints something else now:\n" + "".join(report)


def update() -> None:
    import os

    os.chdir(REPO)
    for page in pages():
        update_page(page)


def update_page(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
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
    page.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        sys.exit("usage: python tests/test_readme.py --update")
