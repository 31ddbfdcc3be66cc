"""Spreadsheets and DataFrames both ways: ``decide import``, a sheet as PATH, the workbook round
trip, one clean line for each bad sheet, and ``Matrix.from_frame`` / ``to_frame``."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pandas as pd
import pytest
import yaml

import decide
from decide.core.errors import MatrixError
from decide.io.load import load_file, load_matrix, resolve_matrices
from tests.cli.test_errors import one_error_line

ROWS = [
    ["strategy", "price", "quality", "delivery", "support", "source"],
    ["objective", "min", "benefit", "-", "max", None],
    ["weight", 2, 3, 1, 1, None],
    ["Acme", 1200, "7 [6-8]", 5, 9, "quote 12"],
    ["Bolt", 950, 5, 9, 4, None],
    ["Cog", 1e3, 8, 3, 6, "site visit"],
]

YAML = """\
actor: Vendors
criteria:
  - {name: price, objective: min, weight: 2}
  - {name: quality, objective: max, weight: 3}
  - {name: delivery, objective: min, weight: 1}
  - {name: support, objective: max, weight: 1}
strategies:
  - {name: Acme, scores: {price: 1200, quality: {value: 7, low: 6, high: 8}, delivery: 5, support: 9},
     source: quote 12}
  - {name: Bolt, scores: {price: 950, quality: 5, delivery: 9, support: 4}}
  - {name: Cog, scores: {price: 1000, quality: 8, delivery: 3, support: 6}, source: site visit}
"""


def write_xlsx(path: Path, rows: list[list], **sheets: list[list]) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "scores"
    for row in rows:
        book.active.append(row)
    for name, other in sheets.items():
        sheet = book.create_sheet(name)
        for row in other:
            sheet.append(row)
    book.save(path)
    return path


def write_ods(path: Path, rows: list[list], **sheets: list[list]) -> Path:
    """A minimal OpenDocument spreadsheet, written by hand (no ODS writer is a dependency): ``rows``
    on a sheet called scores, then each of ``sheets`` by its name."""

    def cell(value) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, (int, float)):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'

    def table(name: str, rows: list[list]) -> str:
        body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        return f'<table:table table:name="{escape(name)}">{body}</table:table>'

    tables = table("scores", rows) + "".join(table(name, other) for name, other in sheets.items())
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def write_csv(path: Path, rows: list[list]) -> Path:
    pd.DataFrame(rows).to_csv(path, header=False, index=False)
    return path


@pytest.fixture
def expected(tmp_path) -> decide.Matrix:
    path = tmp_path / "vendors.yaml"
    path.write_text(YAML, encoding="utf-8")
    return load_matrix(path)


@pytest.mark.parametrize("write", [write_xlsx, write_ods, write_csv], ids=["xlsx", "ods", "csv"])
def test_a_sheet_reads_as_the_same_matrix_as_the_yaml(tmp_path, expected, write):
    suffix = {write_xlsx: ".xlsx", write_ods: ".ods", write_csv: ".csv"}[write]
    matrix = load_matrix(write(tmp_path / f"vendors{suffix}", ROWS))
    assert matrix == expected  # actor from the file name; scores, range, objectives, weights, sources
    assert matrix.strategies[0].ranges == {"quality": (6.0, 8.0)}


def test_rank_takes_a_sheet_as_path_and_ranks_as_the_yaml(cli, tmp_path, expected):
    sheet = write_xlsx(tmp_path / "vendors.xlsx", ROWS)
    from_sheet = cli("rank", str(sheet), "-f", "json").stdout
    from_yaml = cli("rank", str(expected.path), "-f", "json").stdout
    assert from_sheet.replace("vendors.xlsx", "F") == from_yaml.replace("vendors.yaml", "F")
    assert cli("validate", str(sheet)).stdout.strip().endswith("ok")


def test_low_and_high_sheets_give_ranges(tmp_path):
    rows = [r[:3] for r in ROWS[:2]] + [r[:3] for r in ROWS[3:]]
    rows[2][2] = 7
    low = [["strategy", "price", "quality"], [None] * 3, ["Acme", 1100, 6], ["Bolt", 900, 4], ["Cog", 1e3, 7]]
    high = [["strategy", "price", "quality"], [None] * 3, ["Acme", 1300, 8], ["Bolt", 1000, 6], ["Cog", 1e3, 9]]
    matrix = load_matrix(write_xlsx(tmp_path / "r.xlsx", rows, low=low, high=high))
    assert matrix.strategies[0].ranges == {"price": (1100.0, 1300.0), "quality": (6.0, 8.0)}
    assert matrix.weights_source == "equal: none given"


@pytest.mark.parametrize("command", [["show", "-a", "South Korea"], ["rank", "-a", "South Korea", "-a", "China"]])
def test_decides_workbook_imports_back_to_the_same_matrices(cli, tmp_path, command):
    workbook = tmp_path / "out.xlsx"
    assert cli(*command, "-o", str(workbook)).exit_code == 0
    shipped = {m.actor: m for m in resolve_matrices(None, [a for a in command if a[0].isupper()])}
    back = load_file(workbook)
    assert sorted(m.actor for m in back) == sorted(shipped)
    for matrix in back:
        original = shipped[matrix.actor]
        assert matrix == original  # actor, aliases, criteria, weights, scale, scores, ranges, provenance
        for mine, theirs in zip(matrix.strategies, original.strategies, strict=True):
            assert (mine.source, mine.rationale, mine.basis, mine.reasoning, dict(mine.certainty)) == (
                theirs.source,
                theirs.rationale,
                theirs.basis,
                theirs.reasoning,
                dict(theirs.certainty),
            )
    folder = tmp_path / "imported"
    folder.mkdir()
    assert cli("import", str(workbook), "-o", str(folder)).exit_code == 0
    assert sorted(load_matrix(p) == shipped[load_matrix(p).actor] for p in folder.iterdir()) == [True] * len(back)


def test_import_of_several_matrices_makes_the_output_folder(cli, tmp_path):
    """'decide import all.xlsx -o outdir' refused with 'give a folder as --output' when outdir
    did not exist yet; a name without a suffix is the folder to make."""
    workbook = tmp_path / "all.xlsx"
    assert cli("rank", "-a", "Russia", "-a", "Japan", "-o", str(workbook)).exit_code == 0
    result = cli("import", str(workbook), "-o", str(tmp_path / "outdir"))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "outdir").iterdir()) == ["japan.yaml", "russia.yaml"]
    refused = one_error_line(cli("import", str(workbook), "-o", str(tmp_path / "one.yaml")))
    assert "holds 2 matrices" in refused and not (tmp_path / "one.yaml").exists()
    printed = cli("import", str(workbook))  # no -o: one YAML stream, a document per matrix
    assert printed.exit_code == 0 and "holds 2 matrices" in printed.stderr
    documents = list(yaml.safe_load_all(printed.stdout))
    assert [d["actor"] for d in documents] == ["Russia", "Japan"]


def test_import_prints_or_writes_a_valid_matrix_file(cli, tmp_path, expected):
    sheet = write_csv(tmp_path / "vendors.csv", ROWS)
    printed = cli("import", str(sheet))
    assert printed.exit_code == 0 and printed.stdout.startswith("# Imported from vendors.csv")
    out = tmp_path / "out.yaml"
    assert cli("import", str(sheet), "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == printed.stdout
    assert cli("validate", str(out)).exit_code == 0
    assert load_matrix(out).strategies == expected.strategies


def _bad(rows):
    return [list(r) for r in rows]


def _with(row: int, column: int, value):
    rows = _bad(ROWS)
    rows[row][column] = value
    return rows


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (_with(4, 2, None), "sheet 'scores', cell C5: empty score for 'quality'; write a number"),
        (_with(5, 3, "soon"), "sheet 'scores', cell D6: 'soon' in a score cell for 'delivery'; write a number"),
        (_with(1, 1, "cheap"), "sheet 'scores', cell B2: objective 'cheap' for 'price'; write max or min"),
        (_with(2, 4, "lots"), "sheet 'scores', cell E3: weight for 'support' is lots; write a number >= 0"),
        (_with(0, 3, None), "sheet 'scores', cell D1: empty header over a column of values; name the criterion"),
        (_with(4, 0, None), "sheet 'scores', cell A5: a row of scores without a strategy name; name it"),
        ([ROWS[0], *ROWS[3:]], "sheet 'scores': no 'objective' row; add a row objective under the header"),
    ],
)
def test_each_bad_sheet_gets_one_line_naming_the_cell(cli, tmp_path, rows, expected):
    sheet = write_xlsx(tmp_path / "bad.xlsx", rows)
    line = one_error_line(cli("rank", str(sheet)))
    assert line.startswith(f"Error: {sheet}: {expected}")
    with pytest.raises(MatrixError) as error:
        load_matrix(sheet)
    assert len(error.value.problems) == 1


def test_a_merged_header_is_named(cli, tmp_path):
    sheet = tmp_path / "merged.xlsx"
    write_xlsx(sheet, ROWS)
    book = openpyxl.load_workbook(sheet)
    book.active.merge_cells("B1:C1")
    book.save(sheet)
    assert one_error_line(cli("rank", str(sheet))) == (
        f"Error: {sheet}: sheet 'scores', cells B1:C1: a merged header; unmerge them and give each criterion its "
        "own column"
    )


def test_a_formula_without_a_saved_value_is_named(cli, tmp_path):
    sheet = write_xlsx(tmp_path / "formula.xlsx", _with(4, 1, "=B4*0.8"))
    assert one_error_line(cli("rank", str(sheet))).startswith(
        f"Error: {sheet}: sheet 'scores', cell B5: formula =B4*0.8 has no saved value; open and save the file"
    )


def test_a_file_that_is_no_spreadsheet_is_one_line(cli, tmp_path):
    sheet = tmp_path / "broken.xlsx"
    sheet.write_text("not a zip", encoding="utf-8")
    assert one_error_line(cli("rank", str(sheet))).startswith(f"Error: {sheet}: cannot read this spreadsheet")
    assert "not a spreadsheet" in one_error_line(cli("import", str(tmp_path / "m.yaml")))


def test_from_frame_and_to_frame_round_trip(expected):
    frame = expected.to_frame()
    assert frame.loc["Bolt", "price"] == 950
    back = decide.Matrix.from_frame(frame)
    assert back.weights == expected.weights and back.objectives == expected.objectives
    plain = pd.DataFrame({"price": [1200, 950], "quality": [7, 5]}, index=["Acme", "Bolt"])
    made = decide.Matrix.from_frame(
        plain, objectives={"price": "cost"}, weights={"price": 1, "quality": 1}, actor="Vendors"
    )
    assert made.objectives == ["min", "max"] and made.actor == "Vendors"


def test_every_verb_takes_a_dataframe(expected):
    frame = expected.to_frame()
    assert decide.rank(frame).results[0].top == decide.rank(expected).results[0].top
    assert decide.explain(frame, strategy="Bolt").results[0].matrix.actor == "Vendors"
    assert decide.smaa(frame, samples=50, seed=1).results[0].matrix.strategy_names == ["Acme", "Bolt", "Cog"]
    assert decide.show(frame).matrix.weights == expected.weights


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"objectives": {"prize": "min"}}, "objectives: unknown criterion 'prize' (did you mean 'price'?)"),
        ({"objectives": {"price": "cheap"}}, "objective for 'price' is 'cheap'; use max or min"),
        ({"weights": {"price": -1}, "objectives": "max"}, "weight for 'price' is -1; give a finite number >= 0"),
    ],
)
def test_from_frame_problems_name_what_to_fix(kwargs, expected):
    frame = pd.DataFrame({"price": [1200, 950], "quality": [7, "good"]}, index=["Acme", "Bolt"])
    with pytest.raises(MatrixError) as error:
        decide.Matrix.from_frame(frame, **kwargs)
    assert any(expected in problem for problem in error.value.problems)
    assert "strategy 'Bolt': score for 'quality' is 'good'; give a finite number" in error.value.problems[-1]


def test_a_frame_without_objectives_warns_that_every_criterion_is_max():
    """Review finding: a plain DataFrame ranked price as more-is-better without a word."""
    from decide.core.errors import DecideWarning

    frame = pd.DataFrame({"price": [3, 5], "quality": [7, 6]}, index=["A", "B"])
    with pytest.warns(DecideWarning, match="no objectives given") as caught:
        matrix = decide.Matrix.from_frame(frame)
    assert "'price': 'min'" in str(caught[0].message)
    assert [c.objective for c in matrix.criteria] == ["max", "max"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        decide.Matrix.from_frame(frame, objectives="max")  # said on purpose: no warning
        decide.rank(matrix.to_frame())  # the frame keeps its objectives
