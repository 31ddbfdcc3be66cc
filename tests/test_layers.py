"""The floors of the package point one way, and no two modules import each other round a loop.

Every ``import`` in decide counts: at module top, inside functions and under ``TYPE_CHECKING``.
The order, lowest first::

    core -> methods -> weights -> io -> rendering -> analysis -> interactive -> cli

A module may import from its own floor or any floor below it; ``decide/__init__.py`` (the public
door) and ``decide/__main__.py`` stand above every floor.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "decide"
FLOORS = ("core", "methods", "weights", "io", "rendering", "analysis", "interactive", "cli")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """Every decide module that ``path`` imports, wherever the import statement stands."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            targets = [origin] + [f"{origin}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            if target in known:
                found.add(target)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    known = {module_name(path) for path in paths}
    return {module_name(path): imported_modules(path, known) for path in paths}


def floor(module: str) -> int | None:
    """The floor's height, or None for the package door (``decide``, ``decide.__main__``)."""
    parts = module.split(".")
    if len(parts) < 2 or parts[1] == "__main__":
        return None
    return FLOORS.index(parts[1])


def test_every_module_lives_on_a_floor():
    strays = [m for m in import_graph() if m.count(".") >= 1 and m.split(".")[1] not in (*FLOORS, "__main__")]
    assert strays == []


def test_no_import_points_up_a_floor():
    upward = []
    for module, targets in import_graph().items():
        here = floor(module)
        for target in targets:
            there = floor(target)
            if here is not None and (there is None or there > here):
                upward.append(f"{module} -> {target}")
    assert upward == [], "\n".join(sorted(upward))


def test_no_import_loop():
    graph = import_graph()
    # A package's __init__ importing its own submodules (to re-export them) is not a loop.
    edges = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in graph.items()}
    state: dict[str, int] = {}
    loops: list[str] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                loops.append(" -> ".join([*stack[stack.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [])
    assert loops == [], "\n".join(loops)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_500_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500
