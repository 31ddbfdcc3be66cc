"""AHP files get the matrix files' limits: criteria count, magnitudes, names, unknown keys, and
every error one short line, quickly, however hostile the document."""

from __future__ import annotations

import json
import time
import unicodedata

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decide.core.errors import DecideError
from decide.core.limits import MAX_ERROR_CHARS
from decide.io.ahp import load_ahp_file
from decide.weights.result import WeightsResult

HOSTILE_TEXT = st.sampled_from(
    [
        "1e100000000",
        "1e999",
        "-1e999",
        "nan",
        "inf",
        "1/0",
        "0/0",
        "1/3",
        "3",
        "9" * 5000,
        "\x1b[2J",
        "a\u202eb",
        "x\u200by",
        "a\nb",
        "",
        " ",
        "1/3/4",
        "deterrence",
        "cost",
        "1_000",
        "0x10",
        "𝟗",
    ]
)
SCALARS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.text(max_size=12),
    HOSTILE_TEXT,
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=5), max_leaves=30)
NAMES = st.one_of(st.sampled_from(["deterrence", "cost", "risk", "Cost"]), st.text(max_size=8), HOSTILE_TEXT)


def _judgments(draw_names):
    return st.lists(st.one_of(st.tuples(draw_names, draw_names, VALUES).map(list), VALUES), max_size=8)


DOCUMENTS = st.one_of(
    VALUES,
    st.fixed_dictionaries(
        {"criteria": st.one_of(st.lists(NAMES, max_size=6), VALUES)},
        optional={"matrix": VALUES, "judgments": _judgments(NAMES), "weights": VALUES, "extra": VALUES},
    ),
)


def _clean(error: DecideError) -> None:
    line = str(error)
    assert "\n" not in line and len(line) <= MAX_ERROR_CHARS + 40
    assert not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in line)
    assert "\u202e" not in line and "\u200b" not in line


@pytest.mark.slow
@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=DOCUMENTS, as_json=st.booleans())
def test_random_ahp_documents_give_weights_or_one_clean_line(tmp_path, document, as_json):
    path = tmp_path / "j.yaml"
    try:
        text = json.dumps(document, allow_nan=True) if as_json else yaml.safe_dump(document)
    except (ValueError, OverflowError):
        return
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    try:
        result = load_ahp_file(path)
    except DecideError as error:
        _clean(error)
    else:
        assert isinstance(result, WeightsResult)
        assert abs(sum(result.as_mapping().values()) - 1) < 1e-9
    assert time.perf_counter() - started < 2


def _criteria_file(tmp_path, count: int, judgments: str = "[[c0, c1, 3]]"):
    path = tmp_path / "big.yaml"
    path.write_text(
        "criteria: [" + ", ".join(f"c{i}" for i in range(count)) + "]\njudgments: " + judgments + "\n", encoding="utf-8"
    )
    return path


@pytest.mark.parametrize("count", [101, 3_000, 20_000, 60_000])
def test_too_many_criteria_is_refused_at_once(tmp_path, count):
    started = time.perf_counter()
    with pytest.raises(DecideError, match=f"{count:,} criteria, more than decide's limit of 100") as raised:
        load_ahp_file(_criteria_file(tmp_path, count))
    _clean(raised.value)
    assert time.perf_counter() - started < 5


def test_hundred_criteria_missing_judgments_is_short(tmp_path):
    with pytest.raises(DecideError, match="4,949 missing judgment") as raised:
        load_ahp_file(_criteria_file(tmp_path, 100))
    _clean(raised.value)


@pytest.mark.parametrize(
    "value", ["1e100000000", "1e999", "-1e999", "'1e100000000'", "10" + "0" * 400, "'1/0'", ".nan", ".inf"]
)
@pytest.mark.parametrize("form", ["matrix", "judgments"])
def test_huge_and_odd_values_are_one_line_at_once(tmp_path, value, form):
    path = tmp_path / "j.yaml"
    body = f"matrix: [[1, {value}], [1, 1]]" if form == "matrix" else f"judgments: [[a, b, {value}]]"
    path.write_text(f"criteria: [a, b]\n{body}\n", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(DecideError) as raised:
        load_ahp_file(path)
    _clean(raised.value)
    assert time.perf_counter() - started < 1


def test_unknown_keys_and_bad_names_are_reported(tmp_path):
    path = tmp_path / "j.yaml"
    path.write_text("criteria: [a, b]\njudgements: [[a, b, 3]]\n", encoding="utf-8")
    with pytest.raises(DecideError, match=r"unknown key.*.judgements.; allowed keys: criteria, matrix, judgments"):
        load_ahp_file(path)
    path.write_text('criteria: ["a\\u202eb", c]\njudgments: [[c, c, 3]]\n', encoding="utf-8")
    with pytest.raises(DecideError, match=r"criteria\[0\] contains an invisible or text-direction") as raised:
        load_ahp_file(path)
    _clean(raised.value)


def test_the_cli_prints_one_capped_line(cli, tmp_path):
    path = tmp_path / "j.yaml"
    names = ", ".join(f"'{'x' * 200}{i}'" for i in range(40))
    path.write_text(f"criteria: [{names}]\njudgments: [[a, b, 3]]\n", encoding="utf-8")
    result = cli("weights", "ahp", str(path))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and len(result.stderr) < MAX_ERROR_CHARS + 60
