"""A group matrix remembers its analysts (its ``group:`` block), so that ``decide report team.yaml``
can say where they disagree without the analysts' own files."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from decide.analysis.group import copies_of, group, group_matrix, regroup
from decide.analysis.report_group import group_findings
from decide.core.errors import SpecError
from decide.core.model import Criterion, Matrix, Strategy
from decide.io.load import load_matrix
from decide.io.write import matrix_yaml
from tests.cli.test_errors import one_error_line

ANALYSTS = Path(__file__).resolve().parents[1] / "docs" / "examples" / "analysts"


def copy(scores: dict[str, tuple[float, float]], weights=(1.0, 1.0)) -> Matrix:
    criteria = (Criterion("gain", "max", weights[0]), Criterion("cost", "min", weights[1]))
    return Matrix("Team", criteria, tuple(Strategy(n, {"gain": g, "cost": c}) for n, (g, c) in scores.items()))


ANN = copy({"A": (2, 5), "B": (6, 4), "C": (5, 5)}, (3, 1))
BEN = copy({"A": (4, 5), "B": (7, 4), "C": (5, 6)}, (1, 1))
CAT = copy({"A": (9, 5), "B": (8, 4), "C": (1, 2)}, (1, 3))


def _saved(tmp_path: Path, matrix: Matrix) -> Path:
    path = tmp_path / "team.yaml"
    path.write_text(matrix_yaml(matrix), encoding="utf-8")
    return path


def test_the_group_file_keeps_each_analysts_scores_and_weights(tmp_path):
    made = group_matrix([ANN, BEN, CAT], ["ann", "ben", "cat"], aggregate="mean", spread="iqr", tolerance=1.5)
    read = load_matrix(_saved(tmp_path, made))
    assert read.group == made.group
    assert (read.group.aggregate, read.group.spread, read.group.tolerance) == ("mean", "iqr", 1.5)
    for original, rebuilt in zip([ANN, BEN, CAT], copies_of(read), strict=True):
        assert [s.scores for s in rebuilt.strategies] == [s.scores for s in original.strategies]
        assert rebuilt.weights == original.weights
    # written again, the same text: nothing is lost or reordered
    assert matrix_yaml(read) == matrix_yaml(made)


def test_the_group_file_alone_says_what_the_analysts_files_said(tmp_path):
    direct = group([ANN, BEN, CAT], names=["ann", "ben", "cat"], method="wsm")
    again = regroup(load_matrix(_saved(tmp_path, direct.matrix)), "wsm")
    assert again.names == direct.names
    pd.testing.assert_frame_equal(again.disagreement, direct.disagreement, check_dtype=False)
    assert again.taus == direct.taus and again.kendall_w == direct.kendall_w
    assert again.weights_label == "group (AIP)"
    # ranked with other weights, the group column says so rather than claiming AIP
    reweighted = again.matrix.with_criterion_weights({"gain": 9, "cost": 1})
    assert regroup(reweighted, "wsm").weights_label == "group"
    with pytest.raises(SpecError, match="not a group matrix"):
        copies_of(ANN)


def test_the_findings_name_the_widest_spread_the_weights_and_the_furthest_analyst():
    result = group([ANN, BEN, CAT], names=["ann", "ben", "cat"], method="wsm")
    (scores_head, scores), (weights_head, weights), (rankings_head, rankings) = group_findings(result)
    assert (scores_head, weights_head, rankings_head) == ("Scores:", "Weights:", "Rankings:")
    # gain of A: 2, 4, 9 (spread 7) is the widest; 4 of 6 scores differ, 3 by more than 2 points
    assert "gain of A (ann 2, ben 4, cat 9; the group's median 4)" in scores
    assert "4 of 6 scores differ, 3 by more than 2 points" in scores
    # normalised weights: ann 0.75/0.25, ben 0.5/0.5, cat 0.25/0.75: gain and cost are as far apart
    assert f"Kendall's W of the analysts' orderings of the criteria by weight is {result.kendall_w:.2f}" in weights
    assert "most differently (cat 0.25, ann 0.75)" in weights
    furthest = min(result.taus, key=lambda n: result.taus[n])
    assert f"{furthest}'s ranking is furthest from the group's (Kendall's tau {result.taus[furthest]:.2f}" in rankings


def test_findings_when_the_analysts_agree_on_every_score():
    result = group([ANN, ANN], names=["ann", "ann2"], method="wsm")
    (_, scores), (_, weights), (_, rankings) = group_findings(result)
    assert scores == "the analysts gave every score the same value."
    assert "most differently" not in weights
    assert f"every analyst's own ranking puts {result.ranking.top} first" in rankings


def test_decide_group_on_a_group_file_shows_the_disagreement_again(cli, tmp_path):
    team = tmp_path / "team.yaml"
    assert cli("group", str(ANALYSTS), "-o", str(team)).exit_code == 0
    run = cli("group", str(team))
    assert run.exit_code == 0, run.stderr
    assert "where the analysts disagree" in run.stdout
    assert re.search(r"risk\s+3\s+6\s+4\s+7\s+6", run.stdout)  # kim 4, lee 7, park 6


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("  aggregate: median", "  aggregate: mode"), "group: aggregate is 'mode'; choose from: median, mean"),
        (("  spread: minmax", "  spread: minmax\n  colour: red"), "group: unknown key 'colour'"),
        (("      weights: {stability: 0.3,", "      weights: {stability: x,"), "analyst 'kim': weights: 'stability'"),
        (
            ("'Status Quo: Current Alliance Posture': {stability: 5,", "'Status Quo': {stability: 5,"),
            "analyst 'kim': scores need one entry per strategy",
        ),
        (
            (
                "'Status Quo: Current Alliance Posture': {stability: 5,",
                "'Status Quo: Current Alliance Posture': {stability: 15,",
            ),
            "'Status Quo: Current Alliance Posture': 'stability' is 15, outside the scale [1, 10]",
        ),
    ],
)
def test_a_broken_group_block_gets_one_line(cli, tmp_path, change, expected):
    team = tmp_path / "team.yaml"
    assert cli("group", str(ANALYSTS), "-o", str(team)).exit_code == 0
    text = team.read_text(encoding="utf-8")
    assert change[0] in text
    team.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    line = one_error_line(cli("rank", str(team)))
    assert expected in line and "team.yaml" in line


def test_the_analysts_files_given_to_report_point_to_decide_group(cli):
    files = [str(ANALYSTS / f"{name}.yaml") for name in ("kim", "lee", "park")]
    line = one_error_line(cli("report", *files))
    assert "decide group FILE... -o team.yaml" in line


@pytest.mark.slow
def test_report_on_a_group_file_has_a_section_where_the_analysts_disagree(cli, tmp_path):
    team = tmp_path / "team.yaml"
    assert cli("group", str(ANALYSTS), "-o", str(team)).exit_code == 0
    brief = tmp_path / "brief.html"
    run = cli("report", str(team), "-o", str(brief), "-n", "200")
    assert run.exit_code == 0, run.stderr
    page = brief.read_text(encoding="utf-8")
    section = page[page.index("South Korea: where the analysts disagree") :]
    result = regroup(load_matrix(team))
    assert "Kendall&#x27;s W" in section and f"{result.kendall_w:.2f}" in section
    furthest = min(result.taus, key=lambda n: result.taus[n])
    assert f"{furthest}&#x27;s ranking is furthest" in section
    for name in result.names:  # each analyst's column and tau
        assert f"<th>{name}</th>" in section and f"{result.taus[name]:.4f}" in section
    # Markdown too; and a matrix that is not a group's has no such section
    markdown = tmp_path / "brief.md"
    assert cli("report", str(team), "-o", str(markdown), "-n", "200").exit_code == 0
    assert "where the analysts disagree" in markdown.read_text(encoding="utf-8")
    plain = tmp_path / "plain.html"
    assert cli("report", str(ANALYSTS / "kim.yaml"), "-o", str(plain), "-n", "200").exit_code == 0
    assert "where the analysts disagree" not in plain.read_text(encoding="utf-8")


def test_the_manuals_group_file_is_what_decide_group_writes(tmp_path):
    """docs/examples/team.yaml (the manual's report example) is decide group's output, current."""
    import json

    import jsonschema
    import yaml

    fresh = tmp_path / "team.yaml"
    group(str(ANALYSTS)).write(fresh)
    shipped = ANALYSTS.parent / "team.yaml"
    assert shipped.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        "refresh it: decide group docs/examples/analysts -o docs/examples/team.yaml"
    )
    schema = json.loads((Path(__file__).resolve().parents[1] / "decide" / "io" / "matrix.schema.json").read_text())
    jsonschema.validate(yaml.safe_load(fresh.read_text(encoding="utf-8")), schema)
