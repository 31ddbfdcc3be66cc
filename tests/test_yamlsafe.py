"""Safe YAML parsing: hostile documents end in one clean MatrixError line, quickly (issues 8 and 14)."""

from __future__ import annotations

import re
import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decide.core.errors import DecideError, MatrixError
from decide.io.yamlsafe import MAX_YAML_NODES, as_finite_number, parse_yaml, shorten


def problem(text: str) -> str:
    with pytest.raises(MatrixError) as caught:
        parse_yaml(text, "m.yaml")
    message = str(caught.value)
    assert message.startswith("m.yaml: ") and "\n" not in message
    return message


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    previous = "a"
    for name in "bcdefghijklmnop"[: levels - 1]:
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
        previous = name
    return "\n".join(lines) + "\n"


def test_python_tags_never_construct_objects(tmp_path):
    marker = tmp_path / "ran"
    for tag in ("!!python/object/apply:os.system", "!!python/object/new:os.system", "!!python/name:os.system"):
        message = problem(f'x: {tag} ["touch {marker}"]')
        assert message.startswith("m.yaml: line 1, column ") and "invalid YAML" in message  # PyYAML's own words follow
    assert not marker.exists()


def test_duplicate_keys_are_refused():
    expected = "m.yaml: line 3, column 1: invalid YAML: duplicate key 'a' (first on line 1)"
    assert problem("a: 1\nb: 2\na: 3\n") == expected


def test_merge_keys_with_overrides_are_accepted():
    text = "base: &c {name: a, objective: max, weight: 1}\nitems:\n  - <<: *c\n    name: b\n  - <<: *c\n"
    assert parse_yaml(text, "m.yaml")["items"] == [
        {"name": "b", "objective": "max", "weight": 1},
        {"name": "a", "objective": "max", "weight": 1},
    ]


def test_billion_laughs_is_refused_fast_and_small():
    tracemalloc.start()
    started = time.perf_counter()
    message = problem(billion_laughs())
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert f"expands to more than {MAX_YAML_NODES:,} values" in message
    assert elapsed < 0.5 and peak < 20_000_000


def test_shared_aliases_under_the_budget_are_fine():
    assert len(parse_yaml(billion_laughs(3), "m.yaml")["c"]) == 9


def test_recursive_alias_is_refused():
    assert "recursive structure" in problem("&a [*a]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("? [a, b]\n: 1\n", "a key must be a plain value, not a list"),
        ("? {a: 1}\n: 1\n", "a key must be a plain value, not a mapping"),
        ("x: !!int abc", "'abc' is not a valid int"),
        ("x: !!float abc", "'abc' is not a valid float"),
        ("x: !!bool maybe", "'maybe' is not a valid bool"),
        ("x: !!timestamp x", "'x' is not a valid timestamp"),
        ("x: !!map [a]", "expected a mapping, found a list"),
        ("x: " + "9" * 5000, "is not a valid int"),
    ],
)
def test_bad_keys_and_tags_are_one_line_with_position(text, expected):
    message = problem(text)
    assert message.startswith("m.yaml: line 1, column ") and expected in message


def test_deep_nesting_is_refused():
    """Past decide's limit decide says so; far past it PyYAML may stop first (6.0.4 does, at 1,000 levels,
    in its own words): either way one clean line naming the file and line, quickly."""
    message = problem("[" * 101 + "]" * 101)
    assert message.startswith("m.yaml: line 1, column ")
    assert message.endswith(": invalid YAML: nested more than 100 levels deep")
    assert problem("x:\n" + "  - " * 101 + "1\n").startswith("m.yaml: line 2, column ")
    for text in ("[" * 5000 + "]" * 5000, "[" * 5000, "- " * 5000 + "1"):
        started = time.perf_counter()
        message = problem(text)
        assert time.perf_counter() - started < 1
        assert re.match(r"m\.yaml: line \d+, column \d+: invalid YAML: \S", message), message


def test_deep_nesting_in_a_matrix_file_is_one_line_and_exit_1(cli, tmp_path):
    """The command line's side: exit 1, one 'Error:' line naming the file and line, no traceback."""
    path = tmp_path / "deep.yaml"
    path.write_text("actor: X\ncriteria: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = cli("rank", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"Error: {path}: line 2, column ") and result.stderr.count("\n") == 1
    result = cli("validate", str(path))  # validate lists the problems on stdout, then sums up on stderr
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stdout.startswith(f"{path}: line 2, column ") and result.stdout.count("\n") == 1
    assert result.stderr.count("\n") == 1


def test_tab_indentation_is_explained():
    assert problem("criteria:\n\t- name: cost\n") == "m.yaml: YAML indentation must use spaces, not tabs (line 2)"


def test_huge_integer_stays_an_int_and_is_not_finite_for_consumers():
    value = parse_yaml("x: " + "9" * 400, "m.yaml")["x"]
    assert isinstance(value, int)
    assert as_finite_number(value) is None
    assert as_finite_number(1e308) == 1e308 and as_finite_number(float("inf")) is None
    assert as_finite_number("3") is None and as_finite_number(False) is None


def test_shorten_never_expands_a_huge_structure():
    huge: list = ["lol"] * 9
    for _ in range(12):  # 9**13 elements if expanded
        huge = [huge] * 9
    started = time.perf_counter()
    text = shorten(huge)
    assert time.perf_counter() - started < 0.1
    assert len(text) <= 61 and text.endswith("…")
    assert shorten({"a": 1, "b": [1, 2]}) == "{'a': 1, 'b': [1, 2]}"
    assert shorten("x" * 1000, 10) == "'xxxxxxxxx…"
    assert shorten(10**400) == "a 401-digit number"


def test_validation_messages_quote_shortened_values(matrix_file):
    from decide.io.load import validate

    laughs = billion_laughs(4)  # 9**4 values under one score: under the node budget, too big to print
    text = laughs + "actor: X\ncriteria: [{name: c, objective: max, weight: 1}]\nstrategies:\n"
    text += "  - {name: s, scores: {c: *d}}\n  - {name: t, scores: {c: " + "9" * 400 + "}}\n"
    problems = [line for lines in validate(matrix_file(text=text)).values() for line in lines]
    assert all(len(line) < 300 for line in problems), problems
    assert any("a 400-digit number, expected a finite number" in line for line in problems), problems
    assert any("score for 'c' is [[[['lol', 'lol'" in line and "…" in line for line in problems), problems


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!<>|?#'\"\t\n\r,.0123456789%@`~\\\x00é\ufeff")), max_size=80))
def test_fuzz_arbitrary_text_raises_only_decide_errors(text):
    try:
        parse_yaml(text, "fuzz.yaml")
    except DecideError as error:
        assert "\n" not in str(error)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fuzz_unicode_text_raises_only_decide_errors(text):
    try:
        parse_yaml(text, "fuzz.yaml")
    except DecideError as error:
        assert "\n" not in str(error)


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(["max", "min", "a", "b"]),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
_CRITERION = st.fixed_dictionaries(
    {"name": _VALUES | st.sampled_from(["a", "b"]), "objective": _VALUES, "weight": _VALUES | st.floats(0, 1)}
)
_STRATEGY = st.fixed_dictionaries(
    {
        "name": _VALUES,
        "scores": st.dictionaries(st.sampled_from(["a", "b"]), _VALUES | st.integers(1, 10), max_size=3) | _VALUES,
    }
)
_DOCUMENT = st.fixed_dictionaries(
    {
        "actor": _VALUES,
        "criteria": st.lists(_CRITERION, max_size=3) | _VALUES,
        "strategies": st.lists(_STRATEGY, max_size=3) | _VALUES,
        "scale": _VALUES | st.just([1, 10]),
    },
    optional={"aliases": _VALUES},
)


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_DOCUMENT)
def test_fuzz_matrix_structures_raise_only_decide_errors(tmp_path_factory, document):
    """Arbitrary structures in a matrix's shape: a Matrix, or one clean DecideError line (3,000 tried locally)."""
    import yaml

    from decide.io.load import load_matrix

    path = tmp_path_factory.mktemp("fuzz") / "m.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    try:
        load_matrix(path)
    except DecideError as error:
        assert "\n" not in str(error)
