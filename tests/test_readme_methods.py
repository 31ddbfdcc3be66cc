"""The manual's methods table (docs/explanation/methods.md) is the registry's: a method added,
renamed or re-described fails this test until ``python tests/test_readme_methods.py --update``
rewrites the table between its two marker comments."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from decide.methods import DEFAULT_METHOD, METHODS
from decide.methods.base import Method

README = Path(__file__).resolve().parents[1] / "docs" / "explanation" / "methods.md"
START, END = "<!-- methods table: generated from the registry -->", "<!-- end of methods table -->"


def short_reference(method: type[Method]) -> str:
    from decide.analysis.catalogue import _short_reference

    return _short_reference(method)


def row(method: type[Method]) -> str:
    name = f"`{method.name}`" + (" (default)" if method.name == DEFAULT_METHOD else "")
    params = ", ".join(f"`{p.name}`" for p in method.parameters)
    definition = method.summary + (f" Parameters: {params}." if params else "")
    engine = "numpy (vectorised)" if method.vectorised else method.engine.split(" ")[0]
    cells = [
        name,
        f"{method.full_name}, {short_reference(method)}",
        method.better,
        definition,
        method.preprocessing,
        engine,
        method.when,
    ]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def table() -> str:
    head = "| name | method | better | definition | preprocessing (as in the original paper) | engine | when to use |"
    rule = "|---|---|---|---|---|---|---|"
    return "\n".join([head, rule, *(row(m) for m in METHODS.values())])


def current() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(re.escape(START) + r"\n(.*?)\n" + re.escape(END), text, re.S)
    assert match, f"{README.name} has no methods table between {START} and {END}"
    return match.group(1)


def test_readme_methods_table_is_the_registry():
    assert current() == table(), "the manual's methods table is stale: run python tests/test_readme_methods.py --update"


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_readme_methods.py --update")
    text = README.read_text(encoding="utf-8")
    start, end = text.index(START) + len(START) + 1, text.index(END)
    README.write_text(text[:start] + table() + "\n" + text[end:], encoding="utf-8")
