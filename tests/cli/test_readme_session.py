"""The manual's planner session (docs/how-to/weights.md) saves a profile into a copy of the US matrix and
compares profiles there: tests/test_readme.py skips commands on files that are not in the repository, so this
test replays them on a copy.

``python -m tests.cli.test_readme_session --update`` refreshes their outputs in that page.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.test_readme import DOCS, REPO, compare, examples, run

COPY = "my-united-states.yaml"
PAGE = DOCS / "how-to" / "weights.md"


def session() -> list[tuple[int, int, str, str]]:
    """The page's examples that work on the planner's copy, in page order."""
    return [example for example in examples(PAGE.read_text(encoding="utf-8")) if COPY in example[2]]


def replay(folder: Path) -> list[str]:
    """Each session command's output, run in ``folder`` on a fresh copy of the shipped US matrix."""
    import os

    shutil.copy(REPO / "matrices" / "united-states.yaml", folder / COPY)
    shutil.copytree(REPO / "examples", folder / "examples")
    before = Path.cwd()
    os.chdir(folder)
    try:
        return [run(command) for _, _, command, _ in session()]
    finally:
        os.chdir(before)


def test_the_session_commands_are_in_the_manual():
    commands = [command for _, _, command, _ in session()]
    assert [c.split()[1] for c in commands] == ["weights", "compare"]
    assert "--save workshop" in commands[0] and "--all-profiles" in commands[1]


def test_the_manual_shows_the_sessions_real_output(tmp_path):
    stale = f"{PAGE.relative_to(REPO)}: planner session is stale: run python -m tests.cli.test_readme_session --update"
    for (_, _, _, expected), actual in zip(session(), replay(tmp_path), strict=True):
        assert compare(expected, actual), stale
    assert "  - name: workshop\n" in (tmp_path / COPY).read_text(encoding="utf-8")


def update() -> None:
    import tempfile

    text = PAGE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        outputs = replay(Path(folder))
    for (start, end, _, _), output in reversed(list(zip(session(), outputs, strict=True))):
        text = text[:start] + output + text[end:]
    PAGE.write_text(text, encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    update()
