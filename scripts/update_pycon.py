"""Rewrite the output of every ``pycon`` example in README.md and docs/ from a fresh run.

Run from the repository root after a change to the data or the output: ``python scripts/update_pycon.py``
(tests/test_readme.py checks these examples; ``python tests/test_readme.py --update`` refreshes the
``$ decide`` ones). Each page's examples run in order in one namespace, as the test runs them.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```pycon\n(.*?)```", re.S)


def run(example: doctest.Example, namespace: dict) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        try:
            code = compile(example.source, "<example>", "single")
            exec(code, namespace)
        except Exception as error:  # shown as doctest shows it
            name = f"{type(error).__module__}.{type(error).__name__}"
            return f"Traceback (most recent call last):\n...\n{name}: {error}\n"
    return buffer.getvalue()


def render(example: doctest.Example, output: str) -> str:
    lines = example.source.rstrip("\n").split("\n")
    text = ">>> " + lines[0] + "\n" + "".join(f"... {line}\n" for line in lines[1:])
    for line in output[:-1].split("\n") if output else []:  # the last newline ends the last line
        text += (line if line.strip() else "<BLANKLINE>") + "\n"
    return text


def update(page: Path) -> bool:
    text = page.read_text(encoding="utf-8")
    namespace: dict = {}

    def redo(match: re.Match) -> str:
        examples = doctest.DocTestParser().get_examples(match.group(1))
        body = "".join(render(e, run(e, namespace)) for e in examples)
        return f"```pycon\n{body}\n```"

    new = BLOCK.sub(redo, text)
    if new != text:
        page.write_text(new, encoding="utf-8")
        print(f"updated {page.relative_to(ROOT)}")
    return new != text


if __name__ == "__main__":
    os.environ["COLUMNS"] = "80"
    os.chdir(ROOT)
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        if "```pycon" in page.read_text(encoding="utf-8"):
            update(page)
