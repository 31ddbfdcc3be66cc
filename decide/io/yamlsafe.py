"""Safe YAML parsing with one clean error line, whatever the text.

:func:`parse_yaml` uses PyYAML's safe loader (tags such as ``!!python/object`` never
construct anything), refuses duplicate keys (merge keys ``<<`` with overrides are fine),
and refuses documents whose alias expansion exceeds :data:`MAX_YAML_NODES` nodes or that
nest deeper than :data:`MAX_YAML_DEPTH` levels, before building any Python object.

Large files (:data:`FAST_YAML_MIN_CHARS` and more) are first read by yaml-rs, a YAML
parser written in Rust and about thirty times faster than PyYAML, but only where the result
is certain to be what PyYAML gives (see :func:`_parse_fast`); anything else, errors
included, goes through PyYAML, so the meaning of a file never depends on its size.

>>> parse_yaml("base: &b {name: a, weight: 1}\\nitem: {<<: *b, name: b}", "demo.yaml")["item"]
{'name': 'b', 'weight': 1}
>>> parse_yaml("a: 1\\na: 2", "demo.yaml")
Traceback (most recent call last):
decide.MatrixError: demo.yaml: line 2, column 1: invalid YAML: duplicate key 'a' (first on line 1)
"""

from __future__ import annotations

import itertools
import math
import re
from typing import Any

import yaml

from decide.core.errors import MatrixError

MAX_YAML_NODES = 3_000_000
"""The most nodes a document may hold once its aliases are expanded: more than any file
a matrix within the cell limits holds without aliases (10,000 strategies x 100 criteria
are about 2 million keys and values), so only alias expansion can reach it."""
MAX_YAML_DEPTH = 100
"""The deepest nesting of lists and mappings a document may use."""

FAST_YAML_MIN_CHARS = 100_000
"""Texts this long or longer try the fast reader first (smaller ones take about 30 ms
with PyYAML, so there is nothing to gain)."""

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
#: Exponents as YAML 1.2 and every spreadsheet write them (``1e3``, ``2.5E-2``): PyYAML's YAML 1.1
#: reads them as text, which a score cannot be. ``1_000`` is already a number to PyYAML. Texts with
#: an exponent never take the fast path (``_NEEDS_PYYAML``), so both readers agree.
_EXPONENT = re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$")
_SafeStrictLoader.add_implicit_resolver("tag:yaml.org,2002:float", _EXPONENT, list("-+0123456789"))


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
    """The document in ``text``, or a :class:`~decide.core.errors.MatrixError` ``label: line N, column M: ...``.

    >>> parse_yaml("x: !!python/object/apply:os.system [echo hi]", "m.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    decide.MatrixError: m.yaml: line 1, column 4: invalid YAML: ...
    """
    if text.lstrip().startswith("{"):
        found = _parse_json(text, label)
        if found is not _NOT_JSON:
            return found
    if len(text) >= FAST_YAML_MIN_CHARS:
        found = _parse_fast(text, max_depth)
        if found is not _NOT_FAST:
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


_NOT_FAST = object()

# Text that may read differently under YAML 1.1 (PyYAML) and YAML 1.2 (yaml-rs), or that
# needs PyYAML's checks, is left to PyYAML:
# - anchors, aliases and tags (& * !), merge keys (<), block scalars (| >), directives
#   (%), reserved indicators (@ `), complex keys (?), tabs, document markers (--- ...);
# - exponents: 1e3 is text to PyYAML, a number to yaml-rs;
# - a leading zero: 017 is 15 to PyYAML, 17 to yaml-rs (0x, 0o, 0b likewise);
# - underscores in or before digits: 1_0.5, and _0, which yaml-rs reads as 0;
# - a sign before a point: -.5 is text to PyYAML;
# - line breaks YAML 1.2 no longer knows (U+0085, U+2028, U+2029), a byte-order mark,
#   and characters PyYAML refuses (controls, surrogates);
# - a colon after a space or a flow indicator (an empty key, or a value that starts with
#   a colon) or before the end of a flow entry ({a:}): YAML 1.2 allows them, PyYAML not.
# Each pattern starts with a literal and looks behind it, so that the search skips ahead
# by the literal: a few milliseconds on a 4 MB file, where one alternation takes 300.
_NEEDS_PYYAML_CHARS = "&*!<|>%@`?\t\u2028\u2029\ufeff"
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NEEDS_PYYAML = tuple(
    re.compile(pattern)
    for pattern in (
        r"0(?<=[\s\[{,:+-]0)[0-9_xXoObB]",
        r"e(?<=[0-9.]e)[-+]?[0-9]",
        r"E(?<=[0-9.]E)[-+]?[0-9]",
        r"_(?<=[0-9.\s\[{,:+-]_)",
        r"\.(?<=[-+]\.)[0-9]",
        r":(?<=[\s\[{,-]:)",
        r":[\]},]",
    )
)


def _needs_pyyaml(text: str) -> bool:
    """Whether ``text`` uses anything only PyYAML reads as decide means it (see above)."""
    head = "\n" + text[:8]  # the patterns look behind for a space: give the first value one
    return (
        any(char in text for char in _NEEDS_PYYAML_CHARS)
        or text.startswith(("---", "..."))
        or "\n---" in text
        or "\n..." in text
        or _NOT_PRINTABLE.search(text) is not None
        or any(pattern.search(text) or pattern.search(head) for pattern in _NEEDS_PYYAML)
    )


_STR_TAG = "tag:yaml.org,2002:str"


def _parse_fast(text: str, max_depth: int = MAX_YAML_DEPTH) -> Any:
    """The document in ``text`` read by yaml-rs, or ``_NOT_FAST`` unless the result is
    certain to equal PyYAML's (this module's reader).

    The two differ only where YAML 1.1 and 1.2 resolve a plain value differently, or in
    features this module checks itself. The text may use none of those features (see
    ``_NEEDS_PYYAML``), and every string in the result must be one that PyYAML's resolver
    would also read as a string (``yes``, ``1:20``, ``2024-01-01`` and ``1_000`` are not).
    Numbers, booleans and nulls then agree because both schemas read plain decimal
    numbers, ``true``/``false``, ``null``/``~`` and ``.inf``/``.nan`` alike. Any error from
    yaml-rs (a duplicate key, bad syntax) falls back to PyYAML, which says where.

    >>> _parse_fast("name: s1\\nscores: {c0: 8, c1: 4.5}")
    {'name': 's1', 'scores': {'c0': 8, 'c1': 4.5}}
    >>> _parse_fast("name: yes") is _NOT_FAST  # True to PyYAML, 'yes' to yaml-rs
    True
    """
    if _needs_pyyaml(text):
        return _NOT_FAST
    try:
        import yaml_rs
    except ImportError:  # pragma: no cover - a platform without its wheel
        return _NOT_FAST
    try:
        document = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # whatever went wrong, PyYAML says it properly
        return _NOT_FAST
    if not _agrees_with_pyyaml(document, max_depth):
        return _NOT_FAST
    return document


_SCALAR_TYPES = frozenset((int, float, bool, type(None)))


def _agrees_with_pyyaml(document: Any, max_depth: int) -> bool:
    """Whether every string in ``document`` would be a string to PyYAML too, and the
    document nests at most ``max_depth`` levels (deeper ones get PyYAML's message).

    Sets and maps over each container's keys and values keep the loop out of Python for a
    large matrix's score mappings, and each distinct string is resolved once.
    """
    loader = _SafeStrictLoader("")
    resolve = loader.resolve
    # PyYAML resolves a plain value by its first character; most names start with one no
    # implicit type does (s1, Direct Talks), so they are text without asking.
    typed_starts = set(loader.yaml_implicit_resolvers) - {""}
    checked: set[str] = set()

    def is_text(value: str) -> bool:
        if value in checked:
            return True
        if (not value or value[0] in typed_starts) and resolve(yaml.ScalarNode, value, (True, False)) != _STR_TAG:
            return False
        checked.add(value)
        return True

    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        if type(value) is str:
            if not is_text(value):
                return False
            continue
        if type(value) is dict:
            if not checked.issuperset(value) and not all(
                is_text(key) if type(key) is str else type(key) in _SCALAR_TYPES for key in value
            ):
                return False
            items: Any = value.values()
        elif type(value) is list:
            items = value
        elif type(value) in _SCALAR_TYPES:
            continue
        else:  # a type PyYAML's safe loader would not give: let it decide
            return False
        kinds = set(map(type, items))
        if _SCALAR_TYPES.issuperset(kinds):
            continue
        if depth >= max_depth:
            return False
        stack.extend((item, depth + 1) for item in items if type(item) not in _SCALAR_TYPES)
    return True


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
