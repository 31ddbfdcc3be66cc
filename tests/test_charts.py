"""Charts: best at the top whatever the direction, dominated marked, one panel per actor,
``ax=`` honoured, and ``--plot`` writing SVG or PNG atomically."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from decide import SpecError, compare, rank, sensitivity, smaa


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _labels(ax):
    return [t.get_text().replace("\n", " ").removesuffix(" *") for t in ax.get_yticklabels()]


@pytest.mark.parametrize("method", ["topsis", "vikor", "wsm"])
def test_best_strategy_is_the_top_and_longest_bar_whatever_the_direction(method):
    ranking = rank(actors="China", method=method)
    ax = ranking.plot()
    table = ranking.results[0].table
    assert _labels(ax)[-1] == table["strategy"].iloc[0]  # barh draws bottom-up: last is the top
    widths = [bar.get_width() for bar in ax.patches]
    assert widths[-1] == max(widths)


def test_dominated_strategies_are_hatched_and_starred():
    ax = rank(actors="United States", method="wsm").plot()
    texts = [t.get_text() for t in ax.get_yticklabels()]
    starred = [i for i, t in enumerate(texts) if t.endswith(" *")]
    assert starred and all(ax.patches[i].get_hatch() == "//" for i in starred)
    assert "Pareto-dominated" in ax.get_title(loc="left")


def test_several_actors_get_one_panel_each_and_ax_needs_an_actor():
    ranking = rank(actors=["China", "Russia"])
    ax = ranking.plot()
    assert len(ax.figure.axes) == 2
    _, own = plt.subplots()
    with pytest.raises(SpecError, match="name one with actor="):
        ranking.plot(ax=own)
    assert ranking.plot(actor="russia", ax=own) is own


def test_contributions_stack_to_the_score():
    ranking = rank(actors="China", method="wsm")
    ax = ranking.plot_contributions()
    top = ranking.results[0].table.iloc[0]
    ends = {}
    for bar in ax.patches:
        y = round(bar.get_y(), 3)
        ends[y] = max(ends.get(y, 0), bar.get_x() + bar.get_width())
    assert max(ends.values()) == pytest.approx(top["score"])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ranking.results[0].matrix.criterion_names


def test_comparison_sensitivity_and_smaa_charts():
    comparison = compare(actor="dprk")
    heat = comparison.plot()
    count = len(comparison.matrix.strategies)
    assert heat.images and heat.images[0].get_array().shape == (count, 6)
    lines = sensitivity(actor="dprk", method="wsm", criterion="deterrence").plot()
    assert len(lines.get_lines()) >= count and "deterrence" in lines.get_xlabel()
    acceptability = smaa(actors=["china", "russia"], samples=200, seed=1).plot()
    assert len(acceptability.figure.axes) == 2
    for bar_stack in [acceptability]:
        totals = {}
        for bar in bar_stack.patches:
            y = round(bar.get_y(), 3)
            totals[y] = totals.get(y, 0) + bar.get_width()
        assert all(total == pytest.approx(1) for total in totals.values())


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ("rank", "-a", "china"),
        ("compare", "-a", "china"),
        ("sensitivity", "-a", "china", "-m", "wsm"),
        ("smaa", "-a", "china", "-n", "100"),
        ("explain", "-a", "china"),
    ],
)
@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_plot_option_writes_the_chart(cli, tmp_path, command, suffix):
    target = tmp_path / f"chart{suffix}"
    result = cli(*command, "--plot", str(target))
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in data[:2000]
    assert f"wrote {target}" in result.stderr


def test_plot_with_a_wrong_suffix_is_one_line_and_writes_nothing(cli, tmp_path):
    result = cli("rank", "-a", "china", "--plot", str(tmp_path / "chart.jpg"))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: --plot: '{tmp_path / 'chart.jpg'}' must end in .svg or .png"
    assert list(tmp_path.iterdir()) == []
