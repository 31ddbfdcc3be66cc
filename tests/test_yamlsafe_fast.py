"""The fast YAML reader for large files (yaml-rs) never changes what a file means.

``_parse_fast`` either declines (``_NOT_FAST``) or returns exactly what PyYAML's safe
loader returns: the same values, the same types (1 is not 1.0 nor True), the same key
order. These tests compare the two on a battery of tricky scalars (YAML 1.1 and 1.2
disagree on ``yes``, ``017``, ``1e3``, ``1:20``, dates...), on random documents, and on
every YAML file in the repository.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from decide.core.errors import MatrixError
from decide.io.yamlsafe import _NOT_FAST, FAST_YAML_MIN_CHARS, _parse_fast, parse_yaml

ROOT = Path(__file__).resolve().parent.parent


def pyyaml(text: str) -> Any:
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def same(a: Any, b: Any) -> bool:
    """Equal values of identical types, dict keys in the same order, NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(
            same(k, k2) and same(v, v2) for (k, v), (k2, v2) in zip(a.items(), b.items(), strict=True)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def assert_agrees(text: str) -> bool:
    """The fast reader declines or agrees with PyYAML; True if it read the text."""
    fast = _parse_fast(text)
    if fast is _NOT_FAST:
        return False
    try:
        expected = pyyaml(text)
    except yaml.YAMLError:
        pytest.fail(f"the fast reader accepted text PyYAML refuses: {text!r} -> {fast!r}")
    assert same(fast, expected), f"{text!r}: fast {fast!r} != PyYAML {expected!r}"
    return True


# Plain scalars where YAML 1.1 (PyYAML) and YAML 1.2 (yaml-rs) may disagree, and ordinary ones.
TOKENS = [
    "yes",
    "Yes",
    "YES",
    "no",
    "No",
    "on",
    "On",
    "off",
    "OFF",
    "y",
    "n",
    "Y",
    "N",
    "true",
    "True",
    "TRUE",
    "tRUE",
    "false",
    "False",
    "FALSE",
    "null",
    "Null",
    "NULL",
    "~",
    "nULL",
    "",
    "1e3",
    "1E3",
    "1.5e3",
    "1.5e+3",
    "1.5E-3",
    "2.e-1",
    ".5e3",
    "1e-320",
    "6.02e23",
    "017",
    "-017",
    "+017",
    "0o17",
    "0x1F",
    "0X1f",
    "0b101",
    "0",
    "-0",
    "+0",
    "00",
    "0.0",
    "0.5",
    "-0.5",
    "1_000",
    "1_0.5",
    "1:20",
    "1:20.5",
    "-1:20",
    "190:20:30",
    "2024-01-01",
    "2024-01-01 10:00:00",
    "2001-12-14t21:59:43.10-05:00",
    ".inf",
    "-.inf",
    "+.inf",
    ".Inf",
    ".INF",
    ".nan",
    ".NaN",
    ".NAN",
    "inf",
    "nan",
    "NaN",
    "12",
    "+12",
    "-12",
    "1.",
    "-1.",
    ".5",
    "-.5",
    "1.0",
    "3.25",
    "10",
    "123456789012345678901234567890",
    "max",
    "min",
    "Talks",
    "Direct Talks",
    "s1",
    "c10",
    "a b",
    "a#b",
    "a:b",
    "-a",
    "x-1",
    "1-x",
    "1.2.3",
    "=",
    "<<",
    "é",
    "日本",
    "1 2",
    "1,5",
    "_0",
    "_1_",
    "s_1",
    "a_1",
    "1._5",
    "-_1",
    "1__2",
    "0_",
]


@pytest.mark.parametrize("token", TOKENS)
def test_every_tricky_scalar_reads_as_pyyaml_reads_it(token: str) -> None:
    for text in (
        f"x: {token}",
        f"x: [{token}, 2]",
        f"x: {{a: {token}}}",
        f"- {token}\n- b",
        f"{token}: 1" if token else "a: 1",
        f"x: '{token}'",
        f'x: "{token}"',
    ):
        assert_agrees(text)


@pytest.mark.parametrize("token", ["yes", "017", "1e3", "1:20", "2024-01-01", "0x1F", "1_000", "on"])
def test_the_scalars_that_differ_are_declined(token: str) -> None:
    assert _parse_fast(f"x: {token}") is _NOT_FAST


def test_plain_matrices_are_read_fast() -> None:
    text = (
        "actor: X\ncriteria:\n  - {name: c0, objective: max, weight: 1.5}\n"
        "strategies:\n  - {name: s1, scores: {c0: 8}}\n"
    )
    assert assert_agrees(text)


SCALAR_TEXT = st.text(alphabet="0123456789.eE+-_:xob yesnoTrulFa~ abc#", min_size=1, max_size=8)
"""Characters that build numbers, booleans and nulls in either YAML version."""


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(st.lists(SCALAR_TEXT, min_size=1, max_size=6))
@example(["0x_"])  # an int to PyYAML's resolver that it cannot build (ValueError)
def test_random_plain_scalars_agree(tokens: list[str]) -> None:
    for token in tokens:
        for text in (f"x: {token}", f"- [{token}]", f"{token}: v"):
            try:
                pyyaml(text)
            except yaml.YAMLError:  # refused by PyYAML: the fast reader must decline, so PyYAML reports it
                assert _parse_fast(text) is _NOT_FAST, text
                continue
            except (ValueError, TypeError):  # resolved but not buildable: one line from decide, no traceback
                with pytest.raises(MatrixError):
                    parse_yaml(text, "t.yaml")
                continue
            assert_agrees(text)


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ab1 :-,[]{}'\"\n#.\\xe+_~", min_size=1, max_size=24))
def test_text_pyyaml_refuses_is_never_read_fast(text: str) -> None:
    """Random YAML-like syntax: where PyYAML refuses the text (say ``{a:}`` or a line
    starting with ``:``, both fine in YAML 1.2), the fast reader must decline too, so
    that the error comes from PyYAML with its position; elsewhere the two agree."""
    try:
        pyyaml(text)
    except yaml.YAMLError:
        assert _parse_fast(text) is _NOT_FAST, f"read fast, refused by PyYAML: {text!r}"
        return
    except (ValueError, TypeError):  # a scalar PyYAML resolves but cannot build: parse_yaml reports it
        return
    assert_agrees(text)


VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True, width=64)
    | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=25,
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(VALUES, st.sampled_from([None, True, False]), st.booleans())
def test_random_documents_agree(value: Any, flow: bool | None, unicode: bool) -> None:
    text = yaml.safe_dump({"doc": value}, default_flow_style=flow, allow_unicode=unicode, sort_keys=False)
    assert_agrees(text)


def repository_yaml_files() -> list[Path]:
    return sorted(
        path
        for folder in ("matrices", "data", "examples", "docs", "tests")
        if (ROOT / folder).is_dir()
        for path in (ROOT / folder).rglob("*.y*ml")
    )


def test_every_yaml_file_in_the_repository_reads_the_same() -> None:
    files = repository_yaml_files()
    assert len(files) >= 6
    read_fast = 0
    for path in files:
        document = pyyaml(path.read_text(encoding="utf-8"))
        # As written (prose with quotes and colons mostly declines), and re-dumped in
        # both styles, where much of it is plain enough to be read fast.
        for text in (
            path.read_text(encoding="utf-8"),
            yaml.safe_dump(document, default_flow_style=False, allow_unicode=True, sort_keys=False),
            yaml.safe_dump(document, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6),
        ):
            read_fast += assert_agrees(text)
    assert read_fast >= 1


def large_matrix(strategies: int = 2_000, extra: str = "") -> str:
    lines = ["actor: Scale", "scale: [1, 10]", "criteria:"]
    lines += [f"  - {{name: c{j}, objective: {'max' if j % 2 else 'min'}, weight: {1 + j % 3}}}" for j in range(8)]
    lines.append("strategies:")
    lines += [
        f"  - {{name: s{i}, scores: {{{', '.join(f'c{j}: {1 + (i * 7 + j) % 10}' for j in range(8))}}}}}"
        for i in range(strategies)
    ]
    return "\n".join(lines) + "\n" + extra


@pytest.mark.slow
def test_large_files_take_the_fast_reader_and_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml_rs

    text = large_matrix()
    assert len(text) >= FAST_YAML_MIN_CHARS
    calls = []
    original = yaml_rs.loads
    monkeypatch.setattr(yaml_rs, "loads", lambda *a, **k: calls.append(1) or original(*a, **k))
    assert same(parse_yaml(text, "big.yaml"), pyyaml(text))
    assert calls, "a large plain file should be read by yaml-rs"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("  - {name: yes, scores: {c0: 1}}\n", True),  # YAML 1.1 boolean: PyYAML reads it, as before
        ("  - {name: s1, scores: {c0: 017}}\n", 15),  # YAML 1.1 octal
        ("  - {name: s1, scores: {c0: 1e3}}\n", 1000.0),  # decide reads exponents as numbers (issue 19)
    ],
)
def test_large_files_with_yaml_1_1_scalars_mean_what_they_meant(extra: str, expected: Any) -> None:
    document = parse_yaml(large_matrix(extra=extra), "big.yaml")
    last = document["strategies"][-1]
    got = last["name"] if expected is True else last["scores"]["c0"]
    assert same(got, expected)


@pytest.mark.slow
def test_errors_in_large_files_still_say_where() -> None:
    text = large_matrix(extra="  - {name: s1, scores: {c0: 1, c0: 2}}\n")
    with pytest.raises(MatrixError, match=r"big.yaml: line \d+, column \d+: invalid YAML: duplicate key 'c0'"):
        parse_yaml(text, "big.yaml")


def test_large_deep_documents_get_the_depth_error() -> None:
    text = "x: " + "[" * 150 + "]" * 150 + "\n# " + "padding " * (FAST_YAML_MIN_CHARS // 8) + "\n"
    with pytest.raises(MatrixError, match="nested more than 100 levels"):
        parse_yaml(text, "deep.yaml")
