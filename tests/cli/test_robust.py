"""``decide robust``: the table and verdict per actor, the across-actors overview, --plot, exact error lines."""

from __future__ import annotations

import json

import pytest


def test_robust_prints_the_table_and_the_verdict(cli):
    result = cli("robust", "-a", "China", "--methods", "wsm,topsis")
    assert result.exit_code == 0, result.output
    assert "China: robust choice over" in result.output
    assert "smallest maximum regret (minimax regret)" in " ".join(result.output.split())  # wrapped at 80


@pytest.mark.slow
def test_robust_plot_writes_one_actor_heatmap(cli, tmp_path):
    plot = tmp_path / "china.png"
    result = cli("robust", "-a", "China", "--methods", "wsm", "--plot", str(plot))
    assert result.exit_code == 0 and plot.stat().st_size > 1000
    result = cli("robust", "--methods", "wsm", "--plot", str(tmp_path / "x.png"))
    assert result.exit_code == 2 and "--plot draws one actor's heatmap; name the actor with --actor" in result.output
    result = cli("robust", "-a", "China", "--all-actors", "--methods", "wsm", "--plot", str(tmp_path / "x.png"))
    assert result.exit_code == 2 and "leave out --all-actors and name the actor" in result.output
    assert not (tmp_path / "x.png").exists()
    svg = tmp_path / "china.svg"
    assert cli("robust", "-a", "China", "--methods", "wsm", "--plot", str(svg)).exit_code == 0
    assert svg.read_text(encoding="utf-8").startswith("<?xml")


def test_robust_errors_are_one_line(cli):
    result = cli("robust", "-a", "China", "--profiles", "hawk")
    assert result.exit_code == 1
    assert result.output == "Error: China: unknown profile 'hawk'; choose from: file, mediator, influence, quiet\n"
    result = cli("robust", "-a", "China", "--scenarios", "baseline,war")
    assert result.exit_code == 1 and result.output.startswith("Error: China: unknown scenario 'war'")
    result = cli("robust", "-a", "China", "--methods", "topsis", "-p", "v=0.3")
    assert result.exit_code == 1
    assert result.output == "Error: --param: 'v' does not name its method; write METHOD.KEY=VALUE, e.g. vikor.v=0.3\n"


def test_robust_all_actors_csv_and_json(cli):
    result = cli("robust", "--all-actors", "--methods", "wsm", "-f", "csv")
    header = "actor,robust choice,first,max regret,first most often,same in every scenario"
    assert result.exit_code == 0 and result.output.startswith(header)
    data = json.loads(cli("robust", "-a", "China", "--methods", "wsm,vikor", "-f", "json").output)
    (china,) = data["actors"]
    assert [m["name"] for m in data["methods"]] == ["wsm", "vikor"]
    assert len(china["cells"]) == len(china["scenarios"]) * len(china["profiles"]) * 2


def test_robust_plot_never_overwrites_the_matrix_it_read(cli, matrix_file):
    path = matrix_file()
    before = path.read_text(encoding="utf-8")
    result = cli("robust", str(path), "--methods", "wsm", "--plot", str(path))
    assert result.exit_code == 1 and result.output.endswith("must end in .svg or .png\n")
    assert path.read_text(encoding="utf-8") == before


def test_one_cell_of_decide_robust_is_decide_rank(cli):
    ranked = json.loads(cli("rank", "-a", "china", "-m", "vikor", "-f", "json").output)["actors"][0]["ranking"]
    grid = json.loads(
        cli(
            "robust", "-a", "china", "--scenarios", "baseline", "--profiles", "file", "--methods", "vikor", "-f", "json"
        ).output
    )
    (cell,) = grid["actors"][0]["cells"]
    assert {row["strategy"]: row["rank"] for row in cell["ranking"]} == {r["strategy"]: r["rank"] for r in ranked}
    assert {row["strategy"]: row["score"] for row in cell["ranking"]} == {r["strategy"]: r["score"] for r in ranked}
