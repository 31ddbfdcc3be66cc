"""The annex's full robust grid as SVG text, written directly: one heatmap per method and part
(strategies x scenario / profile cells, the rank in every cell), the same chart as
:func:`decide.rendering.charts.plot_robust_grid` draws with matplotlib, in a few
milliseconds instead of half a second (the annex draws 24 of them for the shipped actors).

Drawn 7 inches wide (one user unit a point), every text at least
:data:`~decide.rendering.brief_charts.FONT` points, the colours cividis (colour-blind safe, light
for rank 1), the scale from the lowest to the highest rank drawn and printed beside the bar,
each number in black or white, whichever contrasts with its cell.

>>> import pandas as pd
>>> from decide.rendering.chart_data import Heatmap
>>> ranks = pd.DataFrame({"base / equal": [1, 2], "war / equal": [2, 1]}, index=["A & B", "C"])
>>> svg = robust_grid_svg(Heatmap("Testland: rank in each cell", ranks))
>>> svg.count('class="cell"'), "A &amp; B" in svg
(4, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decide.rendering.chart_data import Heatmap

#: The colour map of the grid (light = rank 1), as :func:`~decide.rendering.charts.plot_robust_grid`.
COLOURS = "cividis_r"
#: A character's width as a share of the font size, an estimate that sets the label room
#: (DejaVu Sans and Arial average 0.45-0.55 for these labels).
CHAR_WIDTH = 0.55
#: Strategy names are wrapped at this many characters (two lines for the shipped names), so
#: that the tallest grid (16 strategies) prints on one A4 page under its heading.
LABEL_CHARS = 40


def ink(rgb: Sequence[float]) -> str:
    """``#000000`` or ``#ffffff``, whichever reads better on the colour ``rgb`` (0-1 channels)."""
    red, green, blue = rgb[:3]
    return "#000000" if 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.45 else "#ffffff"


def _hex(rgb: Sequence[float]) -> str:
    return "#" + "".join(f"{round(255 * c):02x}" for c in rgb[:3])


def robust_grid_svg(data: Heatmap) -> str:
    """The ranks of ``data`` (rows: strategies, most robust first; columns: cells) as an
    SVG heatmap, as :func:`~decide.rendering.charts.plot_robust_grid` draws it."""
    import matplotlib

    from decide.rendering.brief_charts import FONT, WIDTH
    from decide.rendering.brief_charts import _wrap as _label
    from decide.rendering.escape import escape_html

    ranks = data.frame.to_numpy()
    low, high = int(ranks.min()), int(ranks.max())
    colour_map = matplotlib.colormaps[COLOURS]

    def colour(value: float) -> tuple[float, ...]:
        return tuple(colour_map((value - low) / (high - low) if high > low else 0.0))

    rows = [_label(str(name), LABEL_CHARS).split("\n") for name in data.frame.index]
    columns = [str(c) for c in data.frame.columns]
    title = _label(data.title, 80).split("\n")
    width, size, line = WIDTH * 72, FONT, FONT * 1.2
    left = min(max(len(t) for lines in rows for t in lines) * CHAR_WIDTH * size + 10, 0.45 * width)
    right = width - 60  # the colour bar and its labels
    top = 10 + 12 * len(title)
    row_height = max(0.3 * 72, line * max(len(r) for r in rows) + 3)
    bottom = top + row_height * len(rows)
    column_width = (right - left) / len(columns)
    height = bottom + max(len(c) for c in columns) * CHAR_WIDTH * size + 14
    style = f'style="font-size:{size:g}px"'

    def text(x: float, y: float, words: str, anchor: str = "start", extra: str = "") -> str:
        return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {style}{extra}>{escape_html(words)}</text>'

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}pt" height="{height:.1f}pt" '
        f'viewBox="0 0 {width:g} {height:.1f}" role="img" aria-label="{escape_html(data.alt or data.title)}">',
        '<g font-family="DejaVu Sans, Arial, Helvetica, sans-serif" fill="#000000">',
    ]
    parts += [
        f'<text x="6" y="{12 + 12 * k:.1f}" style="font-size:10px">{escape_html(t)}</text>' for k, t in enumerate(title)
    ]
    for r, lines in enumerate(rows):
        middle = top + row_height * (r + 0.5)
        first = middle - (len(lines) - 1) * line / 2 + 0.35 * size
        parts += [text(left - 5, first + k * line, t, "end") for k, t in enumerate(lines)]
        for c in range(len(columns)):
            value = int(ranks[r, c])
            fill = colour(value)
            x = left + column_width * c
            parts.append(
                f'<g class="cell"><rect x="{x:.2f}" y="{top + row_height * r:.2f}" width="{column_width:.2f}" '
                f'height="{row_height:.2f}" fill="{_hex(fill)}"/>'
                + text(x + column_width / 2, middle + 0.35 * size, str(value), "middle", f' fill="{ink(fill)}"')
                + "</g>"
            )
    for c, label in enumerate(columns):  # reading upwards, ending under the column
        x, y = left + column_width * (c + 0.5) + 0.35 * size, bottom + 5
        parts.append(text(x, y, label, "end", f' transform="rotate(-90 {x:.1f} {y:.1f})"'))
    steps = max(high - low, 1)
    bar_x, bar_height = right + 12, bottom - top
    for k in range(steps * 4):  # the colour bar, lowest rank at the bottom
        share = k / (steps * 4)
        y = bottom - bar_height * (k + 1) / (steps * 4)
        parts.append(
            f'<rect x="{bar_x:.1f}" y="{y:.2f}" width="10" height="{bar_height / (steps * 4) + 0.3:.2f}" '
            f'fill="{_hex(colour(low + share * (high - low)))}"/>'
        )
    for value in sorted({low, high, (low + high) // 2}):
        y = bottom - bar_height * ((value - low) / steps if high > low else 0.0)
        parts.append(text(bar_x + 13, y + 0.35 * size, str(value)))
    label_x, label_y = width - 6, top + bar_height / 2
    parts.append(
        text(
            label_x,
            label_y,
            f"rank (1 = best; scale {low} to {high})",
            "middle",
            f' transform="rotate(-90 {label_x:.1f} {label_y:.1f})"',
        )
    )
    parts.append("</g></svg>")
    return "\n".join(parts) + "\n"


__all__ = ["COLOURS", "ink", "robust_grid_svg"]
