"""MkDocs hooks for decide's manual (``mkdocs.yml`` names this file under ``hooks:``).

- Every ``decide`` command is documented from the click objects themselves (mkdocs-click), so
  the commands that ``decide.cli:cli`` loads on first use are loaded before the pages render.
- A line ``<!-- schema: NAME.schema.json -->`` is replaced by that JSON Schema, read from the
  installed ``decide`` package wherever it lives inside it, so the manual always shows the
  schema that ships.

Both work offline.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

SCHEMA = re.compile(r"^<!-- schema: ([\w.-]+\.schema\.json) -->$", re.M)


def on_config(config: Any) -> Any:
    import click

    from decide.cli import cli

    context = click.Context(cli, info_name="decide")
    for name in cli.list_commands(context):
        cli.get_command(context, name)
    return config


def schema_text(name: str) -> str:
    import decide

    package = Path(decide.__file__).resolve().parent
    found = sorted(package.rglob(name))
    if not found:
        raise FileNotFoundError(f"docs: no {name} inside the decide package ({package})")
    return found[0].read_text(encoding="utf-8").rstrip("\n")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return SCHEMA.sub(lambda match: f"```json\n{schema_text(match.group(1))}\n```", markdown)
