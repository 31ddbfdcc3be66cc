"""A Griffe extension for decide's manual (``mkdocs.yml`` names this file under the mkdocstrings options).

- decide's docstrings carry doctest examples (``>>> ...`` and the output below them), which
  ``pytest --doctest-modules`` runs. Markdown would read them as prose (and an output such as
  ``['actor', 'strategy']`` as a link), so each run of example lines becomes a ``pycon`` code block.
- Sphinx roles in the docstrings (``:func:`~decide.rank```) read as code in Markdown (`` `rank` ``).
- A public name of ``decide`` that is also the name of a submodule (``decide.compare``, the
  function, in ``decide/compare.py``) is documented as what ``decide.NAME`` gives at run time:
  the function, not the module.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|attr|data|exc|obj):`(~?)([^`]+)`")


def plain_roles(text: str) -> str:
    """``:func:`~decide.model.Matrix``` -> ```Matrix```; without ``~`` the whole path stays."""
    return ROLE.sub(lambda m: f"`{m.group(2).rsplit('.', 1)[-1] if m.group(1) else m.group(2)}`", text)


def fence_doctests(text: str) -> str:
    """Wrap each doctest example (prompt lines and their output, up to a blank line) in a code block."""
    lines, out, inside = text.split("\n"), [], False
    for line in lines:
        stripped = line.strip()
        if not inside and stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            inside = True
        elif inside and not stripped:
            out.append(f"{indent}```")
            inside = False
        out.append(line)
    if inside:
        out.append(f"{indent}```")
    return "\n".join(out)


def tidy(obj: griffe.Object) -> None:
    """Tidy the docstrings of ``obj`` and of everything defined inside it, once each."""
    if obj.docstring is not None and "```pycon" not in obj.docstring.value:
        text = plain_roles(obj.docstring.value)
        obj.docstring.value = fence_doctests(text) if ">>>" in text else text
    for member in obj.members.values():
        if not member.is_alias:
            tidy(member)  # type: ignore[arg-type]


class DecideManual(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.name != "decide":
            return
        tidy(pkg)  # first, while every submodule is still a member
        for name in pkg.exports or ():
            member = pkg.members.get(name)
            if isinstance(member, griffe.Module) and name in member.members:
                pkg.set_member(name, griffe.Alias(name, member.members[name], parent=pkg))
