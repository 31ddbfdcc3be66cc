"""A group matrix written to a workbook keeps its analysts (the ``analysts`` sheet beside the
``matrix`` sheet) and reads back with them: the same panel, the same disagreement, and one line
naming the sheet and cell for a bad cell."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from decide.analysis.group import group, regroup
from decide.core.errors import DecideError, MatrixError
from decide.io.load import load_file, load_matrix
from decide.io.write import matrix_yaml
from decide.rendering.workbook import write_workbook
from tests.cli.test_errors import one_error_line
from tests.test_report_group import ANN, BEN, CAT
from tests.test_sheet import write_ods

ANALYSTS = Path(__file__).resolve().parents[1] / "docs" / "examples" / "analysts"


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> tuple[Path, Path]:
    """``decide group docs/examples/analysts -o team.yaml`` and ``decide show team.yaml -o team.xlsx``."""
    from click.testing import CliRunner

    from decide.cli.main import cli

    folder = tmp_path_factory.mktemp("team")
    yaml_path, xlsx_path = folder / "team.yaml", folder / "team.xlsx"
    runner = CliRunner()
    assert runner.invoke(cli, ["group", str(ANALYSTS), "-o", str(yaml_path)]).exit_code == 0
    assert runner.invoke(cli, ["show", str(yaml_path), "-o", str(xlsx_path)]).exit_code == 0
    return yaml_path, xlsx_path


def _ranges(matrix) -> list[tuple]:
    return [(s.name, dict(s.scores), dict(s.ranges), dict(s.certainty)) for s in matrix.strategies]


def test_the_workbook_reads_back_with_the_same_analysts(team):
    yaml_path, xlsx_path = team
    written = load_matrix(yaml_path)
    (read,) = load_file(xlsx_path)
    assert read.group is not None and read.group == written.group
    assert read.group.names == ("kim", "lee", "park")
    assert (read.group.aggregate, read.group.spread, read.group.tolerance) == ("median", "minmax", 2.0)
    for mine, theirs in zip(read.group.analysts, written.group.analysts, strict=True):
        assert dict(mine.weights) == dict(theirs.weights)
        assert {s: dict(r) for s, r in mine.scores.items()} == {s: dict(r) for s, r in theirs.scores.items()}
    # the group's own scores, ranges and weights too, and the same file written again
    assert _ranges(read) == _ranges(written) and read.weights == written.weights
    assert matrix_yaml(read) == matrix_yaml(written)
    book = openpyxl.load_workbook(xlsx_path)
    assert book.sheetnames.index("analysts") == book.sheetnames.index("matrix") + 1


def test_other_rules_and_the_group_result_come_back(tmp_path):
    result = group([ANN, BEN, CAT], names=["ann", "ben", "cat"], aggregate="mean", spread="iqr", tolerance=1.5)
    path = tmp_path / "team.xlsx"
    write_workbook(result, str(path))  # decide group FOLDER -o team.xlsx
    (read,) = load_file(path)
    assert read.group == result.matrix.group
    assert (read.group.aggregate, read.group.spread, read.group.tolerance) == ("mean", "iqr", 1.5)
    again = regroup(read, "wsm")
    direct = group([ANN, BEN, CAT], names=["ann", "ben", "cat"], method="wsm", aggregate="mean", spread="iqr")
    pd.testing.assert_frame_equal(again.disagreement, direct.disagreement, check_dtype=False)
    assert again.taus == pytest.approx(direct.taus) and again.kendall_w == pytest.approx(direct.kendall_w)


def test_decide_group_on_the_workbook_says_what_the_file_says(cli, team):
    yaml_path, xlsx_path = team
    from_yaml, from_xlsx = cli("group", str(yaml_path)), cli("group", str(xlsx_path))
    assert from_xlsx.exit_code == 0, from_xlsx.stderr
    assert "where the analysts disagree" in from_xlsx.stdout
    assert from_xlsx.stdout.replace("team.xlsx", "team.yaml") == from_yaml.stdout


def test_report_on_the_workbook_has_the_same_disagreement_section(cli, team, tmp_path):
    yaml_path, xlsx_path = team
    sections = []
    for source, name in ((yaml_path, "yaml.md"), (xlsx_path, "xlsx.md")):
        assert cli("report", str(source), "-o", str(tmp_path / name), "-n", "200").exit_code == 0
        page = (tmp_path / name).read_text(encoding="utf-8")
        start = page.index("where the analysts disagree")
        end = page.find("\n## ", start)
        sections.append(page[start : end if end > 0 else len(page)])
    assert "kim" in sections[1] and "Kendall" in sections[1]
    # the same, but for where the analysts are kept
    assert "kept in team.xlsx (its analysts sheet" in sections[1]
    assert sections[1].replace("team.xlsx (its analysts sheet", "team.yaml (its 'group' block") == sections[0]


def test_an_ods_workbook_with_an_analysts_sheet_reads_the_same(team, tmp_path):
    yaml_path, xlsx_path = team
    book = openpyxl.load_workbook(xlsx_path)
    rows = {name: [list(r) for r in book[name].iter_rows(values_only=True)] for name in ("matrix", "analysts")}
    path = write_ods(tmp_path / "team.ods", [["unrelated"]], matrix=rows["matrix"], analysts=rows["analysts"])
    (read,) = load_file(path)
    assert read.group == load_matrix(yaml_path).group


def test_import_writes_the_group_block_back(cli, team, tmp_path):
    yaml_path, xlsx_path = team
    back = tmp_path / "back.yaml"
    assert cli("import", str(xlsx_path), "-o", str(back)).exit_code == 0
    assert "\ngroup:\n" in back.read_text(encoding="utf-8")
    assert load_matrix(back).group == load_matrix(yaml_path).group


def test_a_workbook_without_the_sheet_reads_as_before(team, tmp_path):
    yaml_path, xlsx_path = team
    book = openpyxl.load_workbook(xlsx_path)
    del book["analysts"]
    path = tmp_path / "plain.xlsx"
    book.save(path)
    (read,) = load_file(path)
    assert read.group is None
    assert read == dataclasses.replace(load_matrix(yaml_path), path=path)


def test_several_group_matrices_each_keep_their_own_analysts(cli, tmp_path):
    first = group([ANN, BEN, CAT], names=["ann", "ben", "cat"]).matrix
    second = dataclasses.replace(
        group([CAT, ANN], names=["cat", "ann"], aggregate="mean").matrix, actor="Rivals", aliases=()
    )
    paths = []
    for name, matrix in (("team", first), ("rivals", second)):
        paths.append(tmp_path / f"{name}.yaml")
        paths[-1].write_text(matrix_yaml(matrix), encoding="utf-8")
    both = tmp_path / "both.xlsx"
    assert cli("rank", *map(str, paths), "-o", str(both)).exit_code == 0
    sheets = openpyxl.load_workbook(both).sheetnames
    assert {"matrix Team", "analysts Team", "matrix Rivals", "analysts Rivals"} <= set(sheets)
    read = {m.actor: m for m in load_file(both)}
    assert read["Team"].group == first.group and read["Rivals"].group == second.group


def test_actors_whose_names_share_the_first_31_characters_keep_their_own_analysts(cli, tmp_path):
    """Sheet names are cut to Excel's 31 characters: two actors named alike got sheets of the
    same name, and the second matrix read the first one's analysts. The analysts sheet names
    its actor, and every sheet name is unique and at most 31 characters."""
    west = dataclasses.replace(group([ANN, BEN, CAT], names=["ann", "ben", "cat"]).matrix,
                               actor="Republic of Korea Army West", aliases=())  # fmt: skip
    east = dataclasses.replace(group([CAT, ANN], names=["cat", "ann"], aggregate="mean").matrix,
                               actor="Republic of Korea Army East", aliases=())  # fmt: skip
    paths = []
    for name, matrix in (("west", west), ("east", east)):
        paths.append(tmp_path / f"{name}.yaml")
        paths[-1].write_text(matrix_yaml(matrix), encoding="utf-8")
    both = tmp_path / "both.xlsx"
    assert cli("rank", *map(str, paths), "-o", str(both)).exit_code == 0
    sheets = openpyxl.load_workbook(both).sheetnames
    assert len({s.casefold() for s in sheets}) == len(sheets) and max(map(len, sheets)) <= 31
    read = {m.actor: m for m in load_file(both)}
    assert read["Republic of Korea Army West"].group == west.group
    assert read["Republic of Korea Army East"].group == east.group


#: (what to change: sheet name, cell, value), the cell the error names, and words it says
BAD_CELLS = [
    (("C13", "many"), "C13", "'stability' is 'many'; expected a number"),
    (("C13", None), "C13", "'stability' is missing; expected a number"),
    (("B7", -1), "B7", "analyst 'kim': weights must be >= 0"),
    (("B2", "mode"), "B2", "aggregate is 'mode'; choose from: median, mean, geomean"),
    (("B4", "wide"), "B4", "tolerance is 'wide'; give a number >= 0"),
    (("B13", "Nowhere"), "B13", "strategy 'Nowhere' is not in the matrix sheet"),
    (("C6", "speed"), "C6", "'speed' is not a criterion of the matrix"),
    (("A13", "zed"), "A13", "analyst 'zed' has no row in the 'weights' table"),
    (("A6", "weight"), "A6", "'weight' is not actor, aggregate, spread, tolerance or a table's header"),
    (("A9", None), "A9", "a row of values without a name"),
    (("C13", 15), "C13", "'stability' is 15, outside the scale [1, 10]"),
]


def _broken(xlsx_path: Path, tmp_path: Path, cell: str, value) -> Path:
    book = openpyxl.load_workbook(xlsx_path)
    book["analysts"][cell] = value
    path = tmp_path / "bad.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(("change", "named", "words"), BAD_CELLS, ids=[c[1] + " " + c[2][:20] for c in BAD_CELLS])
def test_a_bad_cell_gets_one_line_naming_sheet_and_cell(cli, team, tmp_path, change, named, words):
    path = _broken(team[1], tmp_path, *change)
    line = one_error_line(cli("rank", str(path)))
    assert f"bad.xlsx: sheet 'analysts', cell {named}: " in line and words in line
    with pytest.raises(MatrixError) as raised:
        load_file(path)
    assert isinstance(raised.value, DecideError)
    assert re.search(rf"sheet 'analysts', cell {named}: ", raised.value.problems[0])


def test_a_number_written_as_text_is_a_number(team, tmp_path):
    path = _broken(team[1], tmp_path, "C13", " 7 ")
    (read,) = load_file(path)
    assert read.group.analysts[0].scores[read.strategy_names[1]]["stability"] == 7


def test_validate_lists_the_analysts_sheets_problems(cli, team, tmp_path):
    path = _broken(team[1], tmp_path, "C13", "many")
    run = cli("validate", str(path))
    assert run.exit_code != 0
    assert "sheet 'analysts', cell C13" in run.stdout + run.stderr
