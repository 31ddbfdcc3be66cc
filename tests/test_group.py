"""Several analysts, one ranking: the group matrix, the aggregation rules checked by hand and
against published examples, agreement measures, and one clean line for every mismatched copy."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from decide.analysis.group import group, group_matrix
from decide.core.errors import MatrixError, SpecError
from decide.core.model import Criterion, Matrix, Strategy
from decide.io.load import load_matrix
from decide.weights.group import aij, aip, kendall_w
from tests.cli.test_errors import one_error_line

ANALYSTS = Path(__file__).resolve().parents[1] / "docs" / "examples" / "analysts"


def copy(scores: dict[str, tuple[float, float]], weights=(1.0, 1.0), objectives=("max", "min")) -> Matrix:
    criteria = (Criterion("gain", objectives[0], weights[0]), Criterion("cost", objectives[1], weights[1]))
    return Matrix(
        "Team", criteria, tuple(Strategy(n, {"gain": g, "cost": c}) for n, (g, c) in scores.items()), scale=(0, 10)
    )


ANN = copy({"A": (2, 5), "B": (6, 4)}, (3, 1))
BEN = copy({"A": (4, 5), "B": (7, 4)}, (1, 1))
CAT = copy({"A": (9, 5), "B": (8, 4)}, (1, 3))


def test_the_group_score_is_the_median_its_range_the_spread_by_hand():
    m = group_matrix([ANN, BEN, CAT], ["ann", "ben", "cat"], tolerance=2)
    a, b = m.strategies
    assert a.scores == {"gain": 4.0, "cost": 5.0}  # median of 2, 4, 9; all said 5
    assert a.ranges == {"gain": (2.0, 9.0)}  # no range where they agree
    assert a.certainty == {"gain": "judgement"}  # 9 - 2 = 7 > 2
    assert b.certainty == {}  # 8 - 6 = 2 is not more than the tolerance
    assert a.rationale["gain"] == "median 4 of ann 2, ben 4, cat 9"
    assert m.file_name == "<group of ann, ben, cat>"  # captions name the analysts, not an actor


def test_mean_geomean_and_the_interquartile_range_by_hand():
    mean = group_matrix([ANN, BEN, CAT], ["a", "b", "c"], aggregate="mean", spread="iqr")
    assert mean.strategies[0].scores["gain"] == pytest.approx(5.0)  # (2 + 4 + 9) / 3
    assert mean.strategies[0].ranges["gain"] == (3.0, 6.5)  # 25th and 75th percentiles of 2, 4, 9
    geo = group_matrix([ANN, BEN, CAT], ["a", "b", "c"], aggregate="geomean")
    assert geo.strategies[0].scores["gain"] == pytest.approx(72 ** (1 / 3), abs=1e-6)


def test_group_weights_are_the_geometric_mean_of_normalised_weights_by_hand():
    # ann (0.75, 0.25), ben (0.5, 0.5), cat (0.25, 0.75): geometric means are equal by symmetry
    assert aip([ANN.weights, BEN.weights, CAT.weights]) == {"gain": 0.5, "cost": 0.5}
    # (0.8 * 0.5) ** 0.5 = 0.63246, (0.2 * 0.5) ** 0.5 = 0.31623; normalised: 2/3, 1/3
    assert aip([{"a": 4, "b": 1}, {"a": 1, "b": 1}]) == {"a": 0.666667, "b": 0.333333}


def test_aij_keeps_reciprocity_as_forman_and_peniwati_require():
    """Forman and Peniwati (1998, EJOR 108, 165-169, section 2) aggregate individual judgments (AIJ)
    by the geometric mean because it, unlike the arithmetic mean, keeps a_ji = 1 / a_ij. Their
    paper's own numbers were not at hand (a published example with numbers, Dong et al. 2010, is
    reproduced below); this check uses Saaty's three estimates of how many times
    an apple is larger than an orange (2, 3 and 4: the group judgment is 24 ** (1/3), its reciprocal
    the geometric mean of 1/2, 1/3 and 1/4), and a 3 x 3 case by hand."""
    members = [[[1, k], [1 / k, 1]] for k in (2, 3, 4)]
    result = aij(members, ["apple", "orange"])
    group = np.array(result.extras["group_matrix"])
    assert group[0, 1] == pytest.approx(24 ** (1 / 3))
    assert group[1, 0] == pytest.approx(1 / group[0, 1])
    assert result.as_mapping()["apple"] == pytest.approx(round(24 ** (1 / 3) / (1 + 24 ** (1 / 3)), 4))
    # consistent members whose geometric mean is consistent again: a = 2b = 4c and a = 8b = 16c
    first = [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]
    second = [[1, 8, 16], [1 / 8, 1, 2], [1 / 16, 1 / 2, 1]]
    result = aij([first, second], ["a", "b", "c"])
    assert result.extras["consistency_ratio"] == pytest.approx(0, abs=1e-9)
    # group a/b = 4, a/c = 8: weights 8 : 2 : 1
    assert result.as_mapping() == pytest.approx({"a": 0.7273, "b": 0.1818, "c": 0.0909}, abs=1e-4)


#: Dong, Zhang, Hong and Xu (2010, "Consensus models for AHP group decision making under row
#: geometric mean prioritization method", Decision Support Systems 49(3), 281-289), section 5: five
#: decision makers' judgement matrices on four alternatives (A1-A4 first published by Xu 2000).
DONG_2010 = [
    [[1, 4, 6, 7], [1 / 4, 1, 3, 4], [1 / 6, 1 / 3, 1, 2], [1 / 7, 1 / 4, 1 / 2, 1]],
    [[1, 5, 7, 9], [1 / 5, 1, 4, 6], [1 / 7, 1 / 4, 1, 2], [1 / 9, 1 / 6, 1 / 2, 1]],
    [[1, 3, 5, 8], [1 / 3, 1, 4, 5], [1 / 5, 1 / 4, 1, 2], [1 / 8, 1 / 5, 1 / 2, 1]],
    [[1, 4, 5, 6], [1 / 4, 1, 3, 3], [1 / 5, 1 / 3, 1, 2], [1 / 6, 1 / 3, 1 / 2, 1]],
    [[1, 1 / 2, 1, 2], [2, 1, 1 / 2, 3], [1, 2, 1, 4], [1 / 2, 1 / 3, 1 / 4, 1]],
]
#: their decision makers' weights
DONG_2010_MEMBERS = [0.1, 0.3, 0.1, 0.2, 0.3]


def _row_geometric_mean(matrix) -> np.ndarray:
    """RGMM priorities (Crawford and Williams 1985): each row's geometric mean, normalised."""
    rows = np.exp(np.log(np.asarray(matrix, dtype=float)).mean(axis=1))
    return rows / rows.sum()


def test_aij_and_aip_reproduce_dong_et_al_2010_section_5():
    """The published example (Dong et al. 2010, DSS 49, 281-289, section 5): five decision makers,
    weights 0.1, 0.3, 0.1, 0.2, 0.3. The paper prints the collective matrix A(c) (the weighted
    element-wise geometric mean, AIJ) and its RGMM priorities w(c) = (0.4984, 0.2727, 0.1541,
    0.0747), and by Barzilai and Golany's lemma the weighted geometric mean of the individual RGMM
    priorities (AIP) gives the same w(c). A(5)'s entry a_32 is 2, the reciprocal of a_23 = 1/2: the
    paper's own w(5) = (0.2247, 0.2958, 0.378, 0.1015) and A(c)'s a_32 = 0.5086 confirm it."""
    criteria = ["A1", "A2", "A3", "A4"]
    published_group = [
        [1, 2.227, 3.4756, 5.0937],
        [0.4490, 1, 1.9663, 4.0005],
        [0.2877, 0.5086, 1, 2.4623],
        [0.1963, 0.2500, 0.4061, 1],
    ]
    published_individual = [
        [0.6145, 0.2246, 0.0985, 0.0624],
        [0.6461, 0.227, 0.0793, 0.0476],
        [0.5693, 0.2764, 0.0967, 0.0575],
        [0.5967, 0.2208, 0.1089, 0.0736],
        [0.2247, 0.2958, 0.378, 0.1015],
    ]
    published_w = [0.4984, 0.2727, 0.1541, 0.0747]
    # the transcription of the matrices: each one's RGMM priorities are the paper's w(k)
    for matrix, priorities in zip(DONG_2010, published_individual, strict=True):
        assert _row_geometric_mean(matrix) == pytest.approx(priorities, abs=1e-4)
    # AIJ: decide's group matrix is the paper's A(c), entry by entry
    result = aij(DONG_2010, criteria, members=DONG_2010_MEMBERS)
    assert np.array(result.extras["group_matrix"]) == pytest.approx(np.array(published_group), abs=1e-4)
    assert _row_geometric_mean(result.extras["group_matrix"]) == pytest.approx(published_w, abs=1e-4)
    # decide derives AHP weights by the eigenvector (Saaty), not RGMM: the same order, close values
    eigen = result.as_mapping()
    assert sorted(eigen, key=eigen.get, reverse=True) == criteria
    assert list(eigen.values()) == pytest.approx(published_w, abs=0.02)
    # AIP: the weighted geometric mean of the individual priorities is the paper's w(c) too
    individual = [dict(zip(criteria, _row_geometric_mean(m), strict=True)) for m in DONG_2010]
    assert list(aip(individual, members=DONG_2010_MEMBERS).values()) == pytest.approx(published_w, abs=1e-4)
    # equal member weights by default: the unweighted geometric mean
    assert aij(DONG_2010[:2], criteria).extras["group_matrix"][0][1] == pytest.approx((4 * 5) ** 0.5)


def test_member_weights_must_be_one_number_per_member():
    with pytest.raises(SpecError, match="give 2 member weights"):
        aip([{"a": 1, "b": 1}, {"a": 2, "b": 1}], members=[1])
    with pytest.raises(SpecError, match="not all 0"):
        aij(DONG_2010[:2], ["A1", "A2", "A3", "A4"], members=[0, 0])
    # a member with no share does not count, even one who weighs a criterion 0
    assert aip([{"a": 1, "b": 1}, {"a": 1, "b": 0}], members=[1, 0]) == {"a": 0.5, "b": 0.5}


def test_kendalls_w_by_hand():
    # ranks of a, b, c: (1, 2, 3), (1, 3, 2), (2, 1, 3): totals 4, 6, 8, S = 8, W = 12 * 8 / (9 * 24) = 4/9
    assert kendall_w([{"a": 3, "b": 2, "c": 1}, {"a": 3, "b": 1, "c": 2}, {"a": 2, "b": 3, "c": 1}]) == pytest.approx(
        4 / 9
    )
    assert kendall_w([{"a": 1, "b": 1}, {"a": 1, "b": 1}]) is None


def test_an_undefined_kendalls_w_says_why_and_gives_no_scale():
    """Equal weights order no criterion: the caption says so instead of 'undefined (1 = the same order)'."""
    caption = group([BEN, BEN, BEN], names=["a", "b", "c"], method="wsm").sections()[0].caption
    assert "undefined (no analyst weighs one criterion above another)" in caption
    assert "1 = the same order" not in caption
    assert "(1 = the same order)" in group([ANN, BEN, CAT], names=["a", "b", "c"], method="wsm").sections()[0].caption


def test_kendalls_tau_is_one_for_an_analyst_who_agrees_with_the_group():
    result = group([ANN, ANN, BEN], names=["a", "a2", "b"], method="wsm")
    assert result.taus["a"] == 1.0
    assert result.disagreement.iloc[0][["strategy", "criterion", "spread"]].tolist() == ["A", "gain", 2.0]


def test_the_south_korea_walkthrough_flows_into_every_verb(tmp_path):
    from decide import rank, robust, smaa
    from decide.interactive.session import session

    result = group(str(ANALYSTS))
    assert result.names == ("kim", "lee", "park")
    shipped = load_matrix(Path(__file__).resolve().parents[1] / "matrices" / "south-korea.yaml")
    assert result.matrix.strategy_names == shipped.strategy_names
    widest = result.disagreement.iloc[0]
    assert (widest["criterion"], widest["kim"], widest["lee"], widest["park"]) == ("risk", 4, 7, 6)
    assert rank(result.matrix).results[0].top == result.ranking.top
    assert smaa(result.matrix, samples=100, seed=1).results[0].matrix.has_ranges
    assert robust(result.matrix, methods="wsm,topsis").results
    assert session(result.matrix).matrix.actor == "South Korea"


def test_group_writes_a_matrix_file_every_command_takes(cli, tmp_path):
    out = tmp_path / "group.yaml"
    run = cli("group", str(ANALYSTS), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert "where the analysts disagree" in run.stdout
    written = load_matrix(out)
    expected = group(str(ANALYSTS)).matrix
    assert written.strategies == expected.strategies and written.weights == expected.weights
    assert cli("rank", str(out)).exit_code == 0


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("objective: min", "objective: max", 1), "criterion 'cost' is max, min in"),
        (("risk", "hazard"), "criteria[3] is 'hazard', 'risk' in"),
        (("scale: [1, 10]", "scale: [0, 10]", 1), "scale is [0, 10], [1, 10] in"),
        (("actor: South Korea", "actor: Japan", 1), "actor is 'Japan', 'South Korea' in"),
        (
            ("- name: Strengthen Trade Ties with the US and Japan", "- name: Trade Ties", 1),
            "no strategy 'Strengthen Trade Ties with the US and Japan' (it is in",
        ),
    ],
)
def test_a_mismatched_copy_gets_one_line_naming_the_first_difference(cli, tmp_path, change, expected):
    kim = (ANALYSTS / "kim.yaml").read_text(encoding="utf-8")
    first = _write(tmp_path / "kim.yaml", kim)
    other = _write(tmp_path / "lee.yaml", kim.replace(*change))
    line = one_error_line(cli("group", first, other))
    assert line.startswith(f"Error: {other}: {expected} {first}")
    assert line.endswith("every analyst's copy needs the same actor, criteria, objectives, scale and strategies")


def test_one_copy_is_not_a_group(cli):
    assert "a group needs two or more" in one_error_line(cli("group", str(ANALYSTS / "kim.yaml")))
    with pytest.raises(MatrixError):
        group(str(ANALYSTS / "kim.yaml"))


def test_group_ahp_prints_the_aij_weights(cli, tmp_path):
    a = _write(tmp_path / "a.yaml", "criteria: [x, y]\njudgments: [[x, y, 2]]\n")
    b = _write(tmp_path / "b.yaml", "criteria: [x, y]\njudgments: [[x, y, 8]]\n")
    result = cli("group", "--ahp", a, b, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert '"x": 0.8' in result.stdout and math.isclose(
        aij([[[1, 2], [0.5, 1]], [[1, 8], [1 / 8, 1]]], ["x", "y"]).as_mapping()["x"], 0.8
    )
