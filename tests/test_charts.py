"""Charts: best at the top whatever the direction, dominated marked, one panel per actor,
``ax=`` honoured, and ``--plot`` writing SVG or PNG atomically."""

from __future__ import annotations

import re

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


def _public_plots():
    import inspect

    from decide.rendering import charts

    return [(name, f) for name, f in inspect.getmembers(charts, inspect.isfunction) if name.startswith("plot_")]


def test_every_chart_takes_plain_data_and_no_analysis_object():
    """Each ``plot_*`` names only rendering's data classes (or plain types) in its
    signature, and its module imports nothing from the analyses."""
    import ast
    import inspect
    import typing

    from decide.rendering import chart_data, charts

    plots = _public_plots()
    assert len(plots) >= 9
    for name, function in plots:
        hints = typing.get_type_hints(inspect.unwrap(function))
        for parameter, hint in hints.items():
            for word in re.findall(r"[A-Za-z_][\w.]*", str(hint)):
                assert "analysis" not in word, (name, parameter, hint)
        data = next(iter(inspect.signature(function).parameters.values()))
        assert data.name in ("panels", "data"), name
        assert chart_data.__name__ in str(hints[data.name]), (name, hints[data.name])
    tree = ast.parse(inspect.getsource(charts))
    modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in modules if m.startswith("decide.analysis")]


def _hand_made():
    """Each chart's data typed in by hand: nothing computed by an analysis."""
    import numpy as np
    import pandas as pd

    from decide.rendering.chart_data import Bands, Bars, Heatmap, Lines, Stack

    names = ["Pay $5 now", "Wait", "Talk"]
    ranks = pd.DataFrame({"wsm": [1, 2, 3], "topsis": [2, 1, 3]}, index=names)
    shares = pd.DataFrame(
        {"rank 1": [0.6, 0.3, 0.1], "rank 2": [0.3, 0.5, 0.2], "rank 3": [0.1, 0.2, 0.7]}, index=names
    )
    grid = np.linspace(0, 1, 5)
    stretches = pd.DataFrame({"row": ["cost", "cost", "risk"], "from": [0, 0.4, 0], "to": [0.4, 1, 1]})
    stretches["first"] = ["Wait", "Talk", "Wait"]
    return {
        "plot_ranking": Bars("Land: wsm", tuple(names), (0.9, 0.5, 0.2), (0.9, 0.5, 0.2), (False, False, True), "x"),
        "plot_contributions": [
            Stack("Land: parts", pd.DataFrame({"cost": [0.5, 0.3, -0.1], "risk": [0.2, 0.2, 0.3]}, index=names), "x"),
            Stack("Land: parts", pd.DataFrame({"cost": [0.1, 0.2, 0.3]}, index=names), "x", zero_line=True),
        ],
        "plot_comparison": Heatmap("Land: rank by method", ranks, marked=(False, True, False)),
        "plot_sensitivity": Lines(
            "Land: cost",
            pd.DataFrame({n: grid * k for k, n in enumerate(names)}, index=grid),
            0.3,
            (0.4,),
            "weight of cost",
            "score",
        ),
        "plot_first_by_weight": Bands("Land: first", ("cost", "risk"), (0.3, 0.5), stretches, "weight"),
        "plot_smaa": Stack("Land: SMAA", shares, "share"),
        "plot_acceptability_heatmap": Heatmap("Land: SMAA", shares.rename(columns=lambda c: c[-1]), xlabel="rank"),
        "plot_robust_grid": Heatmap(
            "Land: rank in each cell", ranks.rename(columns={"wsm": "a / b", "topsis": "c / d"})
        ),
        "plot_robust_summary": Heatmap(
            "Land: where Wait ranks", ranks.astype(float), xlabel="profile", scale="mean rank"
        ),
    }


@pytest.mark.parametrize("name", [name for name, _ in _public_plots()])
def test_every_chart_draws_from_hand_made_data(name):
    from decide.rendering import charts
    from decide.rendering.charts import svg_text

    data = _hand_made()[name]
    axis = getattr(charts, name)(data)
    panels = data if isinstance(data, list) else [data]
    assert len([a for a in axis.figure.axes if a.get_title(loc="left")]) == len(panels)
    assert axis.get_title(loc="left").startswith(panels[0].title.split(":")[0])
    svg = svg_text(axis)
    if name != "plot_first_by_weight":  # its rows are the criteria; the names are in the legend
        assert "Pay $5 now" in svg  # drawn as written, no mathtext
    _, own = plt.subplots()
    assert getattr(charts, name)(panels[0], ax=own) is own
    if len(panels) > 1:
        with pytest.raises(SpecError, match="one Axes draws one panel"):
            getattr(charts, name)(panels, ax=own)
