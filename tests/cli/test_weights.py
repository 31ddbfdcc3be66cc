"""decide weights ... and the weight options of every command: -w (repeated, orderings), --weighting,
--profile, and repeated single-valued options."""

from __future__ import annotations

import json
import textwrap

import pytest


def test_roc_reproduces_barron_and_barrett(cli):
    """Barron & Barrett (1996), "Decision quality using ranked attribute weights", Management Science
    42(11), Table 1: ROC weights for n = 4 are 0.5208, 0.2708, 0.1458, 0.0625 (the closed form at the
    table's 4 decimals; tests/test_weights.py says how the table itself was checked)."""
    result = cli("weights", "roc", "--order", "c2>c1>c4>c3", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "command": "weights",
        "actors": None,
        "method": "roc",
        "weights": {"c2": 0.5208, "c1": 0.2708, "c4": 0.1458, "c3": 0.0625},
        "order": "c2>c1>c4>c3",
    }


def test_rs_and_rr_reproduce_stillwell_seaver_and_edwards(cli):
    """Stillwell, Seaver & Edwards (1981), "A comparison of weight approximation techniques in
    multiattribute utility decision making", OBHP 28: rank sum 2(n+1-k)/(n(n+1)) = .4 .3 .2 .1 and
    rank reciprocal (1/k)/sum(1/i) = .48 .24 .16 .12 for n = 4."""
    rs = json.loads(cli("weights", "rs", "--order", "a>b>c>d", "-f", "json").stdout)
    assert rs["weights"] == {"a": 0.4, "b": 0.3, "c": 0.2, "d": 0.1}
    rr = json.loads(cli("weights", "rr", "--order", "a>b>c>d", "-f", "json").stdout)
    assert rr["weights"] == {"a": 0.48, "b": 0.24, "c": 0.16, "d": 0.12}


def test_ordering_checked_against_an_actors_criteria(cli):
    result = cli("weights", "roc", "-a", "russia", "--order", "deterrence>stabilty>risk>cost")
    assert result.exit_code == 1
    assert result.output == (
        "Error: --order: unknown criterion 'stabilty' (did you mean 'stability'?); choose from: stability,"
        " deterrence, cost, risk\n"
    )


HOUSE = """\
criteria: [size, transportation, neighborhood, age, yard, modern facilities, condition, financing]
matrix:
  - [1, 5, 3, 7, 6, 6, 1/3, 1/4]
  - [1/5, 1, 1/3, 5, 3, 3, 1/5, 1/7]
  - [1/3, 3, 1, 6, 3, 4, 6, 1/5]
  - [1/7, 1/5, 1/6, 1, 1/3, 1/4, 1/7, 1/8]
  - [1/6, 1/3, 1/3, 3, 1, 1/2, 1/5, 1/6]
  - [1/6, 1/3, 1/4, 4, 2, 1, 1/5, 1/6]
  - [3, 5, 1/6, 7, 5, 5, 1, 1/2]
  - [4, 7, 5, 8, 6, 6, 2, 1]
"""


def test_ahp_reproduces_saatys_house_example_and_warns(cli, tmp_path):
    """Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48:9-26, the house
    example: priorities .173 .054 .188 .018 .031 .036 .167 .333, lambda_max 9.669, CI 0.238, CR 0.169
    (RI(8) = 1.41); CR > 0.10 is a warning naming the judgment to revisit, and the weights still print."""
    path = tmp_path / "house.yaml"
    path.write_text(HOUSE, encoding="utf-8")
    data = json.loads(cli("weights", "ahp", str(path), "-f", "json").stdout)
    assert [round(w, 3) for w in data["weights"].values()] == [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
    assert round(data["lambda_max"], 3) == 9.669 and round(data["consistency_index"], 3) == 0.238
    assert round(data["consistency_ratio"], 3) == 0.169
    result = cli("weights", "ahp", str(path))
    assert result.exit_code == 0
    assert (
        "Warning: consistency ratio 0.169 > 0.10: the judgments are inconsistent; revisit 'neighborhood' vs"
        " 'condition' (given 6" in " ".join(result.stdout.split())
    )  # wrapped to the terminal's width
    assert result.stderr == ""
    as_json = cli("weights", "ahp", str(path), "-f", "json")
    assert as_json.stderr.startswith("Warning: consistency ratio 0.169 > 0.10")  # data formats keep stdout clean
    assert json.loads(as_json.stdout)["most_inconsistent"]["pair"] == ["neighborhood", "condition"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "criteria: [a, b]\nmatrix: [[1, 3], [3, 1]]\n",
            "not reciprocal: (a, b) is 3 but (b, a) is 3, expected 1/3 = 0.3333",
        ),
        ("criteria: [a, b]\nmatrix: [[1, 0], [0, 1]]\n", "entry (a, b) is 0; pairwise judgments must be > 0"),
        (
            "criteria: [a, b]\njudgments: [[a, b, 11]]\n",
            "judgment ['a', 'b', 11]: value 11 is outside Saaty's scale 1/9..9 (9 = extremely more important,"
            " 1/9 = extremely less)",
        ),
        (
            "criteria: [a, b]\njudgments: [[a, a, 3]]\n",
            "judgment ['a', 'a', 3] compares 'a' with itself; drop it (the diagonal is always 1)",
        ),
        (
            "criteria: [a, b, c]\njudgments: [[a, b, 3]]\n",
            "2 missing judgments: a-c, b-c; add [a, b, value] for each pair",
        ),
    ],
)
def test_bad_ahp_files(cli, tmp_path, text, expected):
    path = tmp_path / "ahp.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("weights", "ahp", str(path))
    assert result.exit_code == 1
    assert result.output == f"Error: {path}: {expected}\n"


def test_swing(cli):
    """SWING (von Winterfeldt & Edwards 1986): points over their sum, 100/230, 70/230, 40/230, 20/230."""
    data = json.loads(
        cli("weights", "swing", "--swing", "deterrence=100,stability=70,risk=40,cost=20", "-f", "json").stdout
    )
    assert data["weights"] == {"deterrence": 0.4348, "stability": 0.3043, "risk": 0.1739, "cost": 0.087}


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        (
            "deterrence=100,cost=0",
            "swing: points of 'cost' are 0; points must be > 0 (drop a criterion that does not"
            " matter from the matrix instead)",
        ),
        (
            "deterrence=100,cost=-5",
            "swing: points of 'cost' are -5; points must be > 0 (drop a criterion that does"
            " not matter from the matrix instead)",
        ),
    ],
)
def test_bad_swing_points(cli, points, expected):
    result = cli("weights", "swing", "--swing", points)
    assert result.exit_code == 1 and result.output == f"Error: {expected}\n"


@pytest.mark.parametrize("method", ["entropy", "critic", "merec"])
def test_objective_weights_say_they_describe_the_data(cli, method):
    result = cli("weights", method, "-a", "china")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Weights by {method}\n")
    assert "Note: These weights describe how the scores spread across strategies (the data), not anyone's" in (
        " ".join(result.stdout.split())  # wrapped to the terminal's width
    )
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert json.loads(cli("weights", method, "-a", "china", "-f", "json").stdout)["method"] == method


def test_save_needs_a_rationale_and_a_file(cli, matrix_file):
    path = matrix_file()
    result = cli("weights", "roc", "--order", "deterrence>stability>risk>cost", "--save", "hawk", "--into", str(path))
    assert result.exit_code == 1
    assert result.output == "Error: --rationale is missing; say in one line why these weights\n"
    result = cli("weights", "roc", "--order", "a>b", "--save", "hawk", "--rationale", "r")
    assert result.output == "Error: name the matrix file to save the profile in, e.g. --into matrices/russia.yaml\n"


def test_save_then_rank_with_the_profile(cli, matrix_file):
    path = matrix_file()
    saved = cli(
        "weights",
        "rs",
        str(path),
        "-a",
        "testland",
        "--order",
        "deterrence>stability=risk>cost",
        "--save",
        "hawk",
        "--into",
        str(path),
        "--rationale",
        "Deterrence first.",
    )
    assert saved.exit_code == 0 and saved.stderr == f"saved profile 'hawk' in {path}\n"
    ranked = cli("rank", str(path), "--profile", "hawk")
    assert "(profile 'hawk')" in " ".join(ranked.stdout.split("\n\n")[0].split())  # the caption, wrapped


# --- the weight options of the ranking commands ---------------------------------------------


def test_repeated_weights_merge_with_a_warning(cli, matrix_file):
    path = str(matrix_file())
    result = cli("rank", path, "-w", "deterrence=0.5", "-w", "cost=0.1", "-w", "Deterrence=0.4", "-f", "json")
    assert result.exit_code == 0
    assert result.stderr == "Warning: --weights: 'Deterrence' given again: 0.4 replaces 0.5\n"
    ranking = json.loads(result.stdout)["actors"][0]
    assert ranking["weights"]["deterrence"] == pytest.approx(0.4) and ranking["weights"]["cost"] == pytest.approx(0.1)
    assert ranking["weights_source"] == "file + override cost=0.1, deterrence=0.4"


def test_an_ordering_with_a_rule(cli, matrix_file):
    result = cli("rank", str(matrix_file()), "-w", "deterrence>stability=risk>cost", "--weighting", "rr")
    assert "(rr of deterrence>stability=risk>cost)" in " ".join(result.stdout.split("\n\n")[0].split())


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        (
            "deterrence>stabilty>risk>cost",
            "--weights: unknown criterion 'stabilty' (did you mean 'stability'?); choose from: stability, deterrence,"
            " cost, risk",
        ),
        (
            "deterrence>deterrence>risk>cost",
            "--weights: criterion 'deterrence' appears twice in 'deterrence>deterrence>risk>cost'; name each criterion"
            " once",
        ),
        (
            "deterrence>stability>risk",
            "--weights: 'deterrence>stability>risk' leaves out cost; every criterion must be placed",
        ),
        (
            "deterrence=0.8,cost=0.4",
            "{path}: --weights: deterrence=0.8, cost=0.4 sum to 1.2, above 1, leaving nothing"
            " for stability, risk; lower them, or give every criterion a value to have them"
            " normalised",
        ),
        (
            "deterence=0.5",
            "{path}: unknown criterion 'deterence' (did you mean 'deterrence'?); choose from: stability,"
            " deterrence, cost, risk",
        ),
    ],
)
def test_bad_weights(cli, matrix_file, weights, expected):
    path = matrix_file()
    result = cli("rank", str(path), "-w", weights)
    assert result.exit_code == 1
    assert result.output == f"Error: {expected.format(path=path)}\n"


def test_a_one_actor_command_given_two_actors_names_them(cli):
    result = cli("show", "-a", "china", "-a", "russia")
    assert result.exit_code == 1
    assert result.stderr == "Error: name one actor with --actor; choose from: China, Russia\n"


@pytest.mark.parametrize(
    "args",
    [
        ["rank", "-m", "vikor", "-m", "topsis"],
        ["compare", "-a", "china", "--methods", "wsm", "--methods", "topsis"],
        ["sensitivity", "-a", "china", "-m", "wsm", "-m", "topsis"],
        ["smaa", "-m", "wsm", "-m", "topsis"],
        ["rank", "--profile", "a", "--profile", "b"],
        ["rank", "-f", "json", "-f", "csv"],
        ["smaa", "-n", "10", "-n", "20"],
        ["smaa", "--seed", "1", "--seed", "2"],
        ["rank", "-w", "a>b", "--weighting", "rs", "--weighting", "rr"],
    ],
)
def test_repeated_single_options_are_errors(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert "given 2 times" in result.output and "give it once" in result.output


def test_weights_help_lists_every_method(cli):
    result = cli("weights", "--help")
    for name in ("roc", "rs", "rr", "ahp", "swing", "entropy", "critic", "merec"):
        assert f"  {name} " in result.output


def test_ahp_file_help_is_readable():
    from decide.cli.weights import ahp_command

    assert "judgments" in textwrap.dedent(ahp_command.help or "")


def test_output_never_overwrites_the_ahp_file(cli, tmp_path):
    path = tmp_path / "ahp.yaml"
    path.write_text(HOUSE, encoding="utf-8")
    result = cli("weights", "ahp", str(path), "-o", str(path))
    assert result.exit_code == 1 and "is the input file" in result.output
    assert path.read_text(encoding="utf-8") == HOUSE


def test_critic_can_ignore_the_objectives_as_the_paper_writes_it(cli):
    """Issue 22 §3: --ignore-objectives gives critic(..., directional=False), the published form."""
    import decide

    directional = json.loads(cli("weights", "critic", "-a", "china", "-f", "json").stdout)["weights"]
    literal = json.loads(cli("weights", "critic", "-a", "china", "--ignore-objectives", "-f", "json").stdout)["weights"]
    (china,) = [m for m in decide.load_matrices() if m.actor == "China"]
    assert literal == decide.weights.critic(china, directional=False).as_mapping()
    assert literal != directional


def test_saving_a_profile_again_names_replace(cli, matrix_file):
    """Issue 22: a repeated --save NAME failed without naming --replace."""
    path = matrix_file()
    order = ("weights", "roc", "--order", "deterrence>stability>risk>cost", "--into", str(path), "--rationale", "r")
    assert cli(*order, "--save", "hawk").exit_code == 0
    before = path.read_text(encoding="utf-8")
    again = cli(*order, "--save", "Hawk")
    assert again.exit_code == 1 and again.stdout == ""  # refused before the weights print
    assert again.stderr == (
        f"Error: {path}: profile 'hawk' exists already; choose another name, or add --replace to replace it\n"
    )
    assert path.read_text(encoding="utf-8") == before
    assert cli(*order, "--save", "Hawk", "--replace").exit_code == 0
    assert path.read_text(encoding="utf-8") != before
