"""Safe YAML parsing with one clean error line, whatever the text.

:func:`parse_yaml` uses PyYAML's safe loader (tags such as ``!!python/object`` never
construct anything), refuses duplicate keys (merge keys ``<<`` with overrides are fine),
and refuses documents whose alias expansion exceeds :data:`MAX_YAML_NODES` nodes or that
nest deeper than :data:`MAX_YAML_DEPTH` levels, before building any Python object.

>>> parse_yaml("base: &b {name: a, weight: 1}\\nitem: {<<: *b, name: b}", "demo.yaml")["item"]
{'name': 'b', 'weight': 1}
>>> parse_yaml("a: 1\\na: 2", "demo.yaml")
Traceback (most recent call last):
decide.errors.MatrixError: demo.yaml: line 2, column 1: invalid YAML: duplicate key 'a' (first on line 1)
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import yaml

from decide.errors import MatrixError

MAX_YAML_NODES = 3_000_000
"""The most nodes a document may hold once its aliases are expanded: more than any file
within the file-size limit holds without aliases (a 5 MB file has at most about 2.6
million), so only alias expansion can reach it."""
MAX_YAML_DEPTH = 100
"""The deepest nesting of lists and mappings a document may use."""

_MERGE_TAG = "tag:yaml.org,2002:merge"
_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Problem(Exception):
    """A problem found in the node graph, with its position."""

    def __init__(self, message: str, node: yaml.Node | None = None, mark: Any = None):
        super().__init__(message)
        self.message = message
        self.mark = mark if mark is not None else (node.start_mark if node is not None else None)


class _SafeStrictLoader(_BaseLoader):
    """A safe loader that refuses duplicate keys and reports bad scalars with their position."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError, IndexError):
            value = shorten(getattr(node, "value", ""), 40) if isinstance(node, yaml.ScalarNode) else "value"
            tag = node.tag.rsplit(":", 1)[-1]
            raise _Problem(f"{value} is not a valid {tag}", node) from None


def _construct_mapping(loader: _SafeStrictLoader, node: yaml.MappingNode) -> dict:
    if not isinstance(node, yaml.MappingNode):
        raise _Problem(f"expected a mapping, found a {_kind(node)}", node)
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        if key_node.tag == _MERGE_TAG:
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Problem(f"a key must be a plain value, not a {_kind(key_node)}", key_node)
        key = loader.construct_object(key_node, deep=True)
        try:
            first = seen.get(key)
        except TypeError:
            raise _Problem("a key must be a plain value", key_node) from None
        if first is not None:
            raise _Problem(f"duplicate key {shorten(key)} (first on line {first})", key_node)
        seen[key] = key_node.start_mark.line + 1
    try:
        return loader.construct_mapping(node, deep=True)
    except yaml.constructor.ConstructorError as error:
        raise _Problem(error.problem or "invalid mapping", node, error.problem_mark) from None


_SafeStrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "list"
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    return "value"


def _check_size(root: yaml.Node, max_nodes: int, max_depth: int) -> None:
    """Count the nodes ``root`` expands to (aliases included) without expanding anything."""
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            depths[key] = 1 + max((depths[id(child)] for child in children), default=0)
            in_progress.discard(key)
            if sizes[key] > max_nodes:
                raise _Problem(
                    f"document expands to more than {max_nodes:,} values (anchors and aliases); refusing it", node
                )
            if depths[key] > max_depth:
                raise _Problem(f"nested more than {max_depth} levels deep", node)
            continue
        if key in sizes:
            continue
        if key in in_progress:
            raise _Problem("an alias refers to a value that contains it (a recursive structure)", node)
        in_progress.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _where(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""


def _tab_problem(text: str, mark: Any) -> str | None:
    """The tab message when the scanner stopped on a tab."""
    if mark is None:
        return None
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    if "\t" in line[: mark.column + 1]:
        return f"YAML indentation must use spaces, not tabs (line {mark.line + 1})"
    return None


def parse_yaml(text: str, label: str, *, max_nodes: int = MAX_YAML_NODES, max_depth: int = MAX_YAML_DEPTH) -> Any:
    """The document in ``text``, or a :class:`~decide.errors.MatrixError` ``label: line N, column M: ...``.

    >>> parse_yaml("x: !!python/object/apply:os.system [echo hi]", "m.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    decide.errors.MatrixError: m.yaml: line 1, column 4: invalid YAML: could not determine a constructor ...
    """
    if text.lstrip().startswith("{"):
        found = _parse_json(text, label)
        if found is not _NOT_JSON:
            return found
    loader = _SafeStrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_size(node, max_nodes, max_depth)
        return loader.construct_document(node)
    except _Problem as problem:
        raise MatrixError([f"{label}: {_where(problem.mark)}invalid YAML: {problem.message}"]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        tab = _tab_problem(text, mark) if isinstance(error, yaml.scanner.ScannerError) else None
        if tab:
            raise MatrixError([f"{label}: {tab}"]) from None
        reason = " ".join((error.problem or error.context or "invalid YAML").split())
        raise MatrixError([f"{label}: {_where(mark)}invalid YAML: {reason}"]) from None
    except yaml.YAMLError as error:
        raise MatrixError([f"{label}: invalid YAML: {' '.join(str(error).split())[:200]}"]) from None
    except RecursionError:
        raise MatrixError([f"{label}: invalid YAML: nested too deeply (more than {max_depth} levels)"]) from None
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, IndexError) as error:
        raise MatrixError([f"{label}: invalid YAML: {shorten(str(error), 80)}"]) from None
    finally:
        loader.dispose()


_NOT_JSON = object()


def _parse_json(text: str, label: str) -> Any:
    """A document written as JSON (a subset of YAML), read about twenty times faster than
    YAML: what large generated matrices should use. Duplicate keys are refused as in YAML;
    text that is not JSON returns ``_NOT_JSON`` and is read as YAML."""
    import json

    def strict_object(pairs: list[tuple[str, Any]]) -> dict:
        result: dict = {}
        for key, value in pairs:
            if key in result:
                raise MatrixError([f"{label}: invalid JSON: duplicate key {shorten(key)}"])
            result[key] = value
        return result

    try:
        return json.loads(text, object_pairs_hook=strict_object)
    except (ValueError, RecursionError):  # not JSON, or nested too deep: the YAML reader says what
        return _NOT_JSON


def as_finite_number(value: Any) -> float | None:
    """``value`` as a finite float, or ``None`` for booleans, non-numbers, infinities, NaN and huge integers.

    >>> as_finite_number(3), as_finite_number(10**400), as_finite_number(True), as_finite_number(float("nan"))
    (3.0, None, None, None)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except (OverflowError, ValueError):
        return None
    return number if math.isfinite(number) else None


def shorten(value: Any, limit: int = 60) -> str:
    """``value`` quoted for a message, at most about ``limit`` characters, never expanding a huge structure.

    >>> shorten("Talks")
    "'Talks'"
    >>> shorten(list(range(1000)), 20)
    '[0, 1, 2, 3, 4, 5, 6…'
    >>> shorten(10**400)
    'a 401-digit number'
    """
    parts: list[str] = []
    length = 0
    stack: list[Any] = [value]
    while stack and length <= limit:
        item = stack.pop()
        if isinstance(item, _Text):
            piece = item.text
        elif isinstance(item, str):
            piece = repr(item[: limit + 1])
        elif isinstance(item, bool) or item is None or isinstance(item, float):
            piece = repr(item)
        elif isinstance(item, int):
            digits = len(str(abs(item))) if item.bit_length() < 3000 else int(item.bit_length() * math.log10(2)) + 1
            piece = repr(item) if digits <= 30 else f"a {digits}-digit number"
        elif isinstance(item, (list, tuple)):
            opening, closing = ("[", "]") if isinstance(item, list) else ("(", ")")
            tail: list[Any] = [_Text(closing)]
            for index, element in enumerate(item[: limit + 1]):
                tail.append(element)
                tail.append(_Text(", ") if index < len(item) - 1 else _Text(""))
            if len(item) > limit + 1:
                tail.append(_Text("…"))
            stack.extend(reversed([_Text(opening), *tail[1:], tail[0]]))
            continue
        elif isinstance(item, dict):
            tail = []
            for index, (key, element) in enumerate(itertools.islice(item.items(), limit + 1)):
                tail += [key, _Text(": "), element, _Text(", ") if index < len(item) - 1 else _Text("")]
            stack.extend(reversed([_Text("{"), *tail, _Text("}")]))
            continue
        else:
            piece = f"<{type(item).__name__}>"
        parts.append(piece)
        length += len(piece)
    text = "".join(parts)
    if len(text) > limit or stack:
        return text[:limit] + "…"
    return text


class _Text:
    """Literal text inside :func:`shorten`'s walk."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text
