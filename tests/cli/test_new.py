"""``decide new`` and the defaults for a user's own file: a new matrix in a minute that validates
and ranks at once, without actor, weights, basis or -a."""

from __future__ import annotations

import pytest

from decide.io.load import load_matrix
from tests.cli.test_errors import one_error_line

VENDORS = [
    "new",
    "vendors.yaml",
    "--criteria",
    "price:min,quality:max,delivery:min,support:max",
    "--strategies",
    "A,B,C,D,E",
]


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_writes_a_valid_matrix_that_ranks_at_once(cli, here):
    result = cli(*VENDORS)
    assert result.exit_code == 0, result.stderr
    assert "wrote vendors.yaml" in result.stderr
    matrix = load_matrix(here / "vendors.yaml")
    assert matrix.actor == "Vendors"
    assert matrix.criterion_names == ["price", "quality", "delivery", "support"]
    assert matrix.objectives == ["min", "max", "min", "max"]
    assert matrix.strategy_names == list("ABCDE")
    assert matrix.scale == (1.0, 10.0)
    assert set(matrix.weights.values()) == {0.25}
    assert cli("validate", "vendors.yaml").exit_code == 0
    assert cli("rank", "vendors.yaml").exit_code == 0
    text = (here / "vendors.yaml").read_text(encoding="utf-8")
    assert text.startswith("# vendors.yaml") and "objective max = more is better" in text


def test_edit_five_numbers_and_rank_with_equal_weights_and_no_actor(cli, here):
    cli(*VENDORS)
    path = here / "vendors.yaml"
    text = path.read_text(encoding="utf-8")
    # A is cheapest and best: it must come first with equal weights
    first = "{price: 5.5, quality: 5.5, delivery: 5.5, support: 5.5}"
    text = text.replace(first, "{price: 2, quality: 9, delivery: 2, support: 9}", 1)
    path.write_text(text, encoding="utf-8")
    result = cli("rank", "vendors.yaml")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "(equal: none given)" in result.stdout
    table = lines[lines.index(next(line for line in lines if line.startswith("----"))) + 1 :]
    assert table[0].split()[:2] == ["1", "A"]
    assert "basis" not in result.stdout  # the file never says what its strategies rest on


def test_new_takes_weights_and_a_scale(cli, here):
    assert (
        cli(
            "new", "w.yaml", "--criteria", "gain:benefit:3,cost:-:1", "--strategies", "X,Y", "--scale", "0:100"
        ).exit_code
        == 0
    )
    matrix = load_matrix(here / "w.yaml")
    assert matrix.weights == {"gain": 0.75, "cost": 0.25}
    assert matrix.objectives == ["max", "min"] and matrix.scale == (0.0, 100.0)
    assert matrix.weights_source == "file"


def test_new_refuses_to_overwrite(cli, here):
    (here / "vendors.yaml").write_text("keep me", encoding="utf-8")
    assert "already exists" in one_error_line(cli(*VENDORS))
    assert (here / "vendors.yaml").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--criteria", "price:up"], "--criteria: 'price:up' is not NAME:max or NAME:min"),
        (["--criteria", "a:max,A:min"], "--criteria: criterion 'A' is given twice"),
        (["--criteria", "a:max:2,b:min"], "--criteria: give every criterion a weight or none"),
        (["--strategies", "A,a"], "--strategies: strategy 'a' is given twice"),
        (["--scale", "10:1"], "--scale: '10:1' is not LOW:HIGH with LOW < HIGH"),
    ],
)
def test_bad_new_options_give_one_line(cli, here, args, expected):
    assert one_error_line(cli("new", "m.yaml", *args)).startswith("Error: " + expected)
    assert not (here / "m.yaml").exists()


def test_new_asks_with_defaults(cli, here):
    answers = "price:min,quality:max\nprice=3,quality=1\nA, B ,C\n0:10\n"
    result = cli("new", "asked.yaml", "--ask", input=answers)
    assert result.exit_code == 0, result.stderr
    matrix = load_matrix(here / "asked.yaml")
    assert matrix.weights == {"price": 0.75, "quality": 0.25}
    assert matrix.strategy_names == ["A", "B", "C"] and matrix.scale == (0.0, 10.0)


def test_new_asks_again_after_a_bad_answer_and_takes_the_defaults(cli, here):
    result = cli("new", "asked.yaml", "--ask", input="price:sideways\n\n\n\n\n")
    assert result.exit_code == 0
    assert "Error: criteria: 'price:sideways' is not NAME:max" in result.stderr
    matrix = load_matrix(here / "asked.yaml")
    assert matrix.criterion_names == ["benefit", "cost"] and matrix.strategy_names == ["A", "B", "C"]


MINIMAL = """\
criteria:
  - {name: price, objective: min}
  - {name: quality, objective: max}
strategies:
  - {name: Acme Widgets, scores: {price: 1e3, quality: 5}}
  - {name: Bolt Supplies, scores: {price: 1_200, quality: 7}}
  - {name: Cog and Co, scores: {price: 8.5E2, quality: 4}}
"""


def test_a_minimal_file_reads_with_every_default(here):
    path = here / "office_chairs.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    matrix = load_matrix(path)
    assert matrix.actor == "Office Chairs"
    assert [s.scores["price"] for s in matrix.strategies] == [1000.0, 1200.0, 850.0]
    assert matrix.weights == {"price": 0.5, "quality": 0.5}
    assert matrix.weights_source == "equal: none given"
    assert not matrix.shows_basis


def test_one_file_needs_no_actor_option_anywhere(cli, here):
    (here / "chairs.yaml").write_text(MINIMAL, encoding="utf-8")
    for command in (
        ["rank"],
        ["show"],
        ["explain"],
        ["explain", "--strategy", "Bolt"],
        ["sensitivity"],
        ["sensitivity", "--make-top", "Cog"],
        ["smaa", "-n", "50", "--seed", "1"],
        ["compare"],
    ):
        result = cli(*command, "chairs.yaml")
        assert result.exit_code == 0, (command, result.stderr)
        assert "Chairs" in result.stdout


def test_some_weights_but_not_all_is_one_problem(here):
    from decide.core.errors import MatrixError

    path = here / "m.yaml"
    path.write_text(MINIMAL.replace("objective: min}", "objective: min, weight: 2}"), encoding="utf-8")
    with pytest.raises(MatrixError) as error:
        load_matrix(path)
    assert error.value.problems == [
        f"{path}: criterion 'quality': 'weight' is missing; give a number >= 0 (or leave out every weight for "
        "equal weights)"
    ]


def test_the_basis_column_shows_when_the_file_uses_basis(cli, here):
    used = MINIMAL.replace("{name: Acme Widgets,", "{name: Acme Widgets, basis: stated,")
    (here / "used.yaml").write_text(used, encoding="utf-8")
    assert "basis" in cli("rank", "used.yaml").stdout
    assert "basis" in cli("rank", "-a", "China").stdout  # the shipped matrices use it


def test_a_text_that_only_looks_like_an_exponent_stays_text(here):
    path = here / "m.yaml"
    path.write_text(MINIMAL.replace("Acme Widgets", "'1e3'").replace("Cog and Co", "e3"), encoding="utf-8")
    assert load_matrix(path).strategy_names == ["1e3", "Bolt Supplies", "e3"]
