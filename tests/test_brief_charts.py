"""Charts people can read: every label of the brief's and the annex's charts is at least 8 pt
on an A4 page, colour scales run over the data drawn (and say so), palettes are colour-blind
safe and read without hue, numbers on coloured cells have contrast, and every user text is
drawn as written."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from decide import Criterion, Matrix, Strategy
from decide.analysis.charts import (
    acceptability_heatmap,
    comparison_heatmap,
    grid_parts,
    robust_grid,
    robust_summary,
    robust_summary_heatmap,
)
from decide.analysis.report import report
from decide.rendering.brief_charts import RANK_COLOURS
from decide.rendering.charts import (
    MAX_COLUMNS,
    plot_acceptability_heatmap,
    plot_comparison,
    plot_robust_grid,
    plot_robust_summary,
    svg_text,
)

#: every test here draws charts (matplotlib or SVG) for whole reports
pytestmark = pytest.mark.slow

#: A4 less the brief's 15 mm side margins, in points.
PRINTED_WIDTH_PT = (210 - 2 * 15) / 25.4 * 72

SMALL = Matrix(
    actor="Testland",
    criteria=(
        Criterion("stability", "max", 0.3),
        Criterion("deterrence", "max", 0.25),
        Criterion("cost", "min", 0.2),
        Criterion("risk", "min", 0.25),
    ),
    strategies=(
        Strategy("Pay $5 now or $10 later", {"stability": 8, "deterrence": 3, "cost": 2, "risk": 3}),
        Strategy("Exercises", {"stability": 5, "deterrence": 9, "cost": 7, "risk": 6}),
        Strategy("Sanctions", {"stability": 4, "deterrence": 6, "cost": 4, "risk": 5}),
    ),
    scale=(1.0, 10.0),
)


@pytest.fixture(scope="module")
def shipped():
    return report(samples=500, seed=0, methods="wsm,topsis")


def printed_font_sizes(svg: str) -> list[float]:
    """Every font size of an SVG in points as printed: scaled down when the figure is wider
    than the A4 text width (the page shrinks it to fit, never enlarges it)."""
    width = float(re.search(r'<svg[^>]*\bwidth="([\d.]+)pt"', svg).group(1))
    scale = min(1.0, PRINTED_WIDTH_PT / width)
    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)px", svg)]
    sizes += [float(s) for s in re.findall(r"font:\s*(?:[a-z]+\s+)*([\d.]+)px", svg)]
    assert sizes, "no text found in the chart"
    assert not any("scale(" in tag for tag in re.findall(r"<text\b[^>]*>", svg)), "a scaled text hides its size"
    return [size * scale for size in sizes]


def test_every_brief_chart_prints_its_labels_at_8_pt_or_more(shipped):
    page = shipped.to_html()
    charts = re.findall(r"<svg\b.*?</svg>", page, re.S)
    assert len(charts) == len(shipped)
    for chart in charts:
        assert min(printed_font_sizes(chart)) >= 8.0


@pytest.mark.slow
def test_every_annex_chart_prints_its_labels_at_8_pt_or_more(shipped):
    page = shipped.to_html(full=True)
    figures = re.findall(r"<figure>(<svg\b.*?</svg>)\s*<figcaption>(.*?)</figcaption>", page, re.S)
    assert len(figures) > 2 * len(shipped)  # the brief's charts and the annex's
    small = [(caption, min(printed_font_sizes(svg))) for svg, caption in figures if min(printed_font_sizes(svg)) < 8.0]
    assert not small


#: Colour maps that colour-blind readers (and grey-scale print) read as one scale.
COLOUR_BLIND_SAFE = {"Blues", "cividis", "cividis_r", "viridis", "viridis_r"}


def contrast(one: str, other: Any) -> float:
    """The WCAG contrast ratio of two colours."""
    import matplotlib.colors as colors

    def luminance(colour: Any) -> float:
        red, green, blue = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in colors.to_rgb(colour))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def numbers_have_contrast(axis: Any) -> None:
    """Every number written on a cell of the heatmap reads at WCAG AA (4.5:1) on its colour."""
    image = axis.images[0]
    values = image.get_array()
    for text in axis.texts:
        column, row = (round(v) for v in text.get_position())
        background = image.cmap(image.norm(values[row, column]))
        assert contrast(text.get_color(), background) >= 4.5, text.get_text()


@pytest.mark.slow
def test_the_full_robust_grid_prints_in_parts_of_one_method_with_fitted_scales(shipped):

    for b in shipped.results:
        item = b.robust
        parts = grid_parts(item)
        assert sorted(i for _, cells in parts for i in cells) == list(range(len(item.cells)))
        for method, cells in parts:
            assert 0 < len(cells) <= MAX_COLUMNS and {item.cells[i].method.name for i in cells} == {method}
            axis = plot_robust_grid(robust_grid(item, cells))
            values = item.ranks[cells]
            norm, image = axis.images[0].norm, axis.images[0]
            if values.max() > values.min():
                assert (norm.vmin, norm.vmax) == (values.min(), values.max())
            assert f"scale {values.min()} to {values.max()}" in image.colorbar.ax.get_ylabel()
            assert image.cmap.name in COLOUR_BLIND_SAFE
            numbers_have_contrast(axis)
            assert min(printed_font_sizes(svg_text(axis))) >= 8.0  # svg_text closes the figure


@pytest.mark.slow
def test_the_annexs_grid_svg_fits_its_scale_to_the_ranks_and_writes_them_in_contrasting_ink(shipped):
    import matplotlib

    from decide.rendering.grid_svg import COLOURS, robust_grid_svg

    assert COLOURS in COLOUR_BLIND_SAFE
    colour_map = matplotlib.colormaps[COLOURS]
    for b in shipped.results:
        for _, cells in grid_parts(b.robust):
            svg = robust_grid_svg(robust_grid(b.robust, cells))
            values = b.robust.ranks[cells]
            low, high = int(values.min()), int(values.max())
            assert f"scale {low} to {high}" in svg
            assert min(printed_font_sizes(svg)) >= 8.0
            drawn = re.findall(
                r'<g class="cell"><rect [^>]*fill="(#\w{6})"/><text [^>]*fill="(#\w{6})">(\d+)</text>', svg
            )
            assert sorted(int(n) for _, _, n in drawn) == sorted(values.ravel().tolist())
            for background, text, number in drawn:
                expected = colour_map((int(number) - low) / (high - low) if high > low else 0.0)
                assert background == matplotlib.colors.to_hex(expected)
                assert contrast(text, background) >= 4.5, number


@pytest.mark.slow
def test_every_heatmap_uses_a_colour_blind_safe_map_and_readable_numbers(shipped):
    import matplotlib.pyplot as plt

    from decide.analysis.compare import compare

    b = shipped.results[-1]
    axes = [
        plot_acceptability_heatmap(acceptability_heatmap(b.smaa)),
        plot_robust_summary(robust_summary_heatmap(b.robust, b.ranking.top)),
        plot_comparison(comparison_heatmap(compare(b.matrix, methods="wsm,topsis,vikor"))),
        plot_robust_grid(robust_grid(b.robust)),
    ]
    for axis in axes:
        assert axis.images[0].cmap.name in COLOUR_BLIND_SAFE, axis.get_title()
        numbers_have_contrast(axis)
        plt.close(axis.figure)


def test_the_legibility_check_catches_small_text():
    import matplotlib.pyplot as plt

    _, axis = plt.subplots(figsize=(7, 2))
    axis.set_title("tiny", fontsize=6)
    assert min(printed_font_sizes(svg_text(axis))) < 8.0
    _, axis = plt.subplots(figsize=(14, 2))  # 10 pt on a figure twice the page's width prints at 5 pt
    axis.set_title("shrunk", fontsize=10)
    assert min(printed_font_sizes(svg_text(axis))) < 8.0


def test_the_smaa_heatmap_scale_runs_over_the_shares_drawn(shipped):
    import matplotlib.pyplot as plt

    for b in shipped.results:
        axis = plot_acceptability_heatmap(acceptability_heatmap(b.smaa))
        values = b.smaa.results[0].rank_acceptability.to_numpy(dtype=float)
        norm = axis.images[0].norm
        assert (norm.vmin, norm.vmax) == pytest.approx((values.min(), values.max()))
        label = axis.images[0].colorbar.ax.get_ylabel()
        assert f"{values.min():.0%}" in label and f"{values.max():.0%}" in label
        plt.close(axis.figure)


def test_the_robust_summary_folds_methods_into_a_mean_rank_with_a_fitted_scale(shipped):
    for b in shipped.results:
        item, leader = b.robust, b.ranking.top
        table = robust_summary(item, leader)
        scenarios = list(dict.fromkeys(c.scenario for c in item.cells))
        profiles = list(dict.fromkeys(c.profile for c in item.cells))
        assert list(table.index) == scenarios and list(table.columns) == profiles
        column = item.strategies.index(leader)
        first = [i for i, c in enumerate(item.cells) if c.scenario == scenarios[0] and c.profile == profiles[0]]
        assert table.iloc[0, 0] == pytest.approx(np.mean(item.ranks[first, column]))
        axis = plot_robust_summary(robust_summary_heatmap(item, leader))
        norm = axis.images[0].norm
        values = table.to_numpy(dtype=float)
        if values.max() > values.min():
            assert (norm.vmin, norm.vmax) == pytest.approx((values.min(), values.max()))
        assert min(printed_font_sizes(svg_text(axis))) >= 8.0


def test_rank_colours_read_without_hue():
    """Rank 1 to 4+ get lighter step by step (sequential), so grey-scale print and colour-blind readers
    see the order."""

    def luminance(colour: str) -> float:
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lights = [luminance(c) for c in RANK_COLOURS]
    assert all(b - a > 0.1 for a, b in itertools.pairwise(lights))


@pytest.mark.parametrize("name", ["Pay $5 now or $10 later", r"$\frac{1}$", "a_b^c $x$"])
def test_user_text_is_drawn_as_written_in_every_chart(name):
    from decide.analysis.compare import compare
    from decide.analysis.explain import explain
    from decide.analysis.ranking import rank
    from decide.analysis.sensitivity import sensitivity
    from decide.analysis.smaa import smaa

    matrix = replace(
        SMALL, actor=f"Actor {name}", strategies=(replace(SMALL.strategies[0], name=name), *SMALL.strategies[1:])
    )
    for result in (
        rank(matrix),
        explain(matrix),
        compare(matrix, methods="wsm,topsis"),
        sensitivity(matrix, method="wsm"),
        smaa(matrix, samples=50, seed=1),
    ):
        svg = svg_text(result.plot())
        assert name.replace("&", "&amp;").replace("<", "&lt;") in svg, type(result).__name__


@pytest.mark.slow
def test_the_briefs_svg_chart_draws_the_first_rank_shares_of_the_strategies_shown(shipped):
    from decide.analysis.brief import brief_facts
    from decide.rendering.brief_charts import MOST, RANK_COLOURS, rank_shares_svg

    for f in brief_facts(shipped).actors:
        svg = rank_shares_svg(f.acceptability, f.order, f.actor, f.samples, f.method, ranked=f.ranked)
        shown = list(f.order)[:MOST]
        written = re.findall(r">(\d+)% first<", svg)
        assert written == [f"{100 * f.acceptability.loc[name].iloc[0]:.0f}" for name in shown]
        first = rf'width="([\d.]+)" height="[\d.]+" fill="{RANK_COLOURS[0]}" stroke'  # bars, not the legend
        first_bars = [float(w) for w in re.findall(first, svg)]
        span = sum(float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"[^>]*stroke="#ffffff"', svg)) / len(shown)
        expected = [span * float(f.acceptability.loc[name].iloc[0]) for name in shown]
        assert first_bars == pytest.approx(expected, abs=0.02)
