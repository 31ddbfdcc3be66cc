"""No text field reaches a terminal or a reader raw: escape sequences, OSC titles, bidi
overrides and zero-width characters in descriptions, rationales, sources, profile and scenario
texts come out as visible escapes in every text format; names with them are refused; a formula
behind leading whitespace is neutralised in CSV and Excel."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from decide.core.paths import shipped_matrices_dir
from decide.rendering.escape import neutralise_cell, visible

HOSTILE = [
    "\x1b[2J",
    "\x1b]0;owned\x07",
    "\u202eevil",
    "zero\u200bwidth",
    "\x9b31m",
    "bell\x07",
    "\ufeffbom",
    "\u2066iso\u2069",
    "tag\U000e0041",
]
RAW = ["\x1b", "\x07", "\u202e", "\u200b", "\x9b", "\ufeff", "\u2066", "\U000e0041"]


def _hostile_folder(tmp_path, text: str):
    data = yaml.safe_load((shipped_matrices_dir() / "russia.yaml").read_text(encoding="utf-8"))
    data["criteria"][0]["description"] = f"desc {text}"
    data["weights_rationale"] = f"why {text}"
    data["strategies"][0]["source"] = f"src {text}"
    data["strategies"][0]["rationale"] = f"because {text}"
    data["profiles"][0]["rationale"] = f"profile {text}"
    (tmp_path / "russia.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "scenarios").mkdir()
    scenarios = yaml.safe_load((shipped_matrices_dir() / "scenarios" / "russia.yaml").read_text(encoding="utf-8"))
    scenarios["scenarios"][0]["description"] = f"scenario {text}"
    (tmp_path / "scenarios" / "russia.yaml").write_text(yaml.safe_dump(scenarios, allow_unicode=True), encoding="utf-8")
    return str(tmp_path / "russia.yaml")


COMMANDS = [
    ["show", "{m}", "-a", "russia"],
    ["rank", "{m}"],
    ["profiles", "{m}"],
    ["scenarios", "{m}"],
    ["scenarios", "{m}", "-a", "russia"],
    ["explain", "{m}", "-a", "russia"],
    ["robust", "{m}", "--methods", "wsm"],
    ["validate", "{m}"],
]
FORMATS = [[], ["-f", "csv"], ["-f", "json"], ["-f", "markdown"], ["-f", "html"], ["-f", "latex"]]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("command", range(len(COMMANDS)))
def test_no_hidden_character_reaches_the_output(cli, tmp_path, text, command):
    path = _hostile_folder(tmp_path, text)
    formats = [[]] if COMMANDS[command][0] == "validate" else FORMATS
    for fmt in formats:
        result = cli(*[a.format(m=path) for a in COMMANDS[command]], *fmt)
        assert result.exit_code == 0, result.output
        leaked = [c for c in RAW if c in result.stdout or c in result.stderr]
        assert not leaked, (COMMANDS[command], fmt, leaked)
        if fmt == ["-f", "json"]:
            json.loads(result.stdout)  # the escapes are valid JSON escapes


@settings(max_examples=300)
@given(st.text())
def test_visible_leaves_nothing_hidden_and_keeps_the_rest(text):
    out = visible(text)
    assert not any(c in out for c in RAW)
    if text.isascii() and text.isprintable():
        assert out == text
    assert json.loads(json.dumps(out)) == out


@pytest.mark.parametrize("cell", ["  =1+1", "\t=1+1", " +SUM(A1)", "\u00a0@x", "\n-2+3", "\u3000=cmd|' /C calc'!A0"])
def test_leading_whitespace_does_not_hide_a_formula(cell, tmp_path):
    assert neutralise_cell(cell).startswith("'")
    from decide.analysis.ranking import rank
    from decide.rendering.formats import export
    from tests.helpers import make_matrix

    matrix = make_matrix(
        [[1, 2], [2, 1]], ["max", "max"], [1, 1], names=[cell.replace("\n", " ").replace("\t", " "), "B"]
    )
    result = rank(matrix, method="wsm")
    export(result, tmp_path / "r.xlsx")
    from openpyxl import load_workbook

    cells = [c for sheet in load_workbook(tmp_path / "r.xlsx").worksheets for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)  # text cells, never formulas
    from decide.rendering.formats import render

    assert f"'{cell.replace(chr(10), ' ').replace(chr(9), ' ')}" in render(result, "csv")


@pytest.mark.parametrize("name", ["A\u202eB", "zero\u200bwidth", "\ufeffX", "a\u2066b"])
def test_names_with_hidden_characters_are_refused(matrix_file, name):
    from decide.core.errors import MatrixError
    from decide.io.load import load_matrix

    path = matrix_file(actor=name)
    with pytest.raises(MatrixError, match="invisible or text-direction") as raised:
        load_matrix(path)
    assert not any(c in str(raised.value) for c in RAW)


def test_shipped_copy_untouched(tmp_path):
    shutil.copy(shipped_matrices_dir() / "japan.yaml", tmp_path / "japan.yaml")
    assert visible((tmp_path / "japan.yaml").read_text(encoding="utf-8")).count("\\u") == 0
