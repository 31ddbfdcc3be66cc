"""``decide sensitivity`` through click's CliRunner (the ``cli`` fixture): output, exit codes, exact error lines."""

from __future__ import annotations

import json

import pytest

import decide
from decide.methods import METHODS


@pytest.mark.parametrize("command", ["sensitivity", "smaa"])
def test_weight_robustness_refuses_a_method_without_weights(cli, simus_file, command):
    result = cli(command, simus_file, "-a", "Example", "-m", "simus")
    assert result.exit_code == 1
    assert result.output == (
        "Error: method 'simus' does not use weights, so varying them cannot change its ranking; "
        "choose a method that uses weights, e.g. topsis (see 'decide methods')\n"
    )


def test_sensitivity_of_a_shipped_actor(cli):
    result = cli("sensitivity", "--actor", "US", "--method", "wsm")
    assert result.exit_code == 0
    first = decide.rank(actors="US", method="wsm")["United States"].table["strategy"].iloc[0]
    words = " ".join(result.output.split())  # captions wrap at 80 columns
    assert f"United States: weights keeping {first} first" in words
    assert "exact (closed form)" in result.output and "<- weight now" in result.output


def test_sensitivity_one_criterion_json(cli, matrix_file):
    result = cli("sensitivity", str(matrix_file()), "-a", "Testland", "-c", "risk", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)["actors"][0]
    assert data["method"] == "topsis" and data["exact"] is False
    assert [row["criterion"] for row in data["intervals"]] == ["risk"]


def test_make_top(cli, matrix_file):
    path = str(matrix_file())
    result = cli("sensitivity", path, "-a", "Testland", "-m", "wsm", "--make-top", "Exercises")
    assert result.exit_code == 0
    assert "Testland: 'Exercises' ranks first" in result.output
    assert "(exact, linear programming)" in result.output


def test_make_top_names_the_current_weights_in_plain_words(cli, tmp_path):
    """A file without weights read 'weights now from equal: none given' and 'in L1 distance'."""
    path = tmp_path / "vendors.yaml"
    assert cli("new", str(path), "--criteria", "price:min,quality:max", "--strategies", "A,B,C").exit_code == 0
    text = path.read_text()
    for scores in ("{price: 3, quality: 6}", "{price: 7, quality: 9}", "{price: 5, quality: 2}"):
        text = text.replace("{price: 5.5, quality: 5.5}", scores, 1)
    path.write_text(text)
    words = " ".join(cli("sensitivity", str(path), "-m", "wsm", "--make-top", "B").output.split())
    assert "when the weights move by 0.4000 in total (exact" in words  # price 0.5 -> 0.3, quality 0.5 -> 0.7
    assert "current weights (equal: none given)" in words and "from equal" not in words


@pytest.mark.parametrize(
    "args, error",
    [
        (["sensitivity", "--actor", "Narnia"], "Error: unknown actor 'Narnia'; choose from: Testland"),
        (
            ["sensitivity", "--actor", "TL", "--criterion", "price"],
            "Error: {path}: unknown criterion 'price'; choose from: stability, deterrence, cost, risk",
        ),
        (
            ["sensitivity", "--actor", "TL", "--make-top", "Peace"],
            "Error: {path}: unknown strategy 'Peace'; choose from: Talks, Exercises, Sanctions, Aid",
        ),
        (
            ["sensitivity", "--actor", "TL", "--method", "magic"],
            "Error: unknown method 'magic' (did you mean 'mairca'?); choose from: " + ", ".join(METHODS),
        ),
        (
            ["smaa", "--order", "risk>>cost"],
            "Error: --order: 'risk>>cost' is not NAME>NAME[>NAME...]; write e.g. 'deterrence>stability>risk>cost'",
        ),
        (
            ["smaa", "--order", "risk>cost>risk"],
            "Error: --order: criterion 'risk' appears twice; name each criterion once",
        ),
        (["smaa", "--spread", "1.5"], "Error: --spread is 1.5; give a number in (0, 1], e.g. 0.1"),
        (
            ["smaa", "--spread", "0.1", "--order", "risk>cost"],
            "Error: --spread and --order cannot be combined; choose one way to draw weights",
        ),
        (["smaa", "--score-noise", "-1"], "Error: --score-noise is -1.0; give a number >= 0, e.g. 1"),
        (["smaa", "--param", "v=2", "-m", "vikor"], "Error: method 'vikor': parameter 'v' is 2; allowed: 0 <= v <= 1"),
    ],
)
def test_bad_robustness_options_give_one_error_line(cli, matrix_file, args, error):
    path = str(matrix_file())
    result = cli(args[0], path, *args[1:])
    assert result.exit_code == 1
    assert result.output.splitlines() == [error.format(path=path)]
