"""The charts of the brief: drawn to be read on an A4 page (every label >= 8 pt when the
figure is printed 7 inches wide), in colour-blind-safe colours, every user text as
plain text (no mathtext: ``$5`` stays ``$5``).

:func:`rank_shares_svg` writes the brief's chart as SVG text directly (a few
milliseconds, no matplotlib: drawing it with matplotlib took more than half of
``decide report``); :func:`plot_rank_shares` draws the same chart with matplotlib, for a
PNG or your own figure.

>>> import pandas as pd
>>> frame = pd.DataFrame({"rank 1": [0.6, 0.4], "rank 2": [0.4, 0.6]}, index=["A & B", "C"])
>>> svg = rank_shares_svg(frame, ["A & B", "C"], "Testland", 100, "topsis")
>>> "1. A &amp; B" in svg and "60% first" in svg and 'width="504pt"' in svg
True

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> frame = pd.DataFrame({"rank 1": [0.6, 0.4], "rank 2": [0.4, 0.6]}, index=["Pay $5 now", "Pay $10 later"])
>>> ax = plot_rank_shares(frame, ["Pay $5 now", "Pay $10 later"], "Testland", 100, "topsis")
>>> sorted(t.get_text() for t in ax.get_yticklabels())  # drawn as written, no mathtext
['1. Pay $5 now', '2. Pay $10 later']
>>> matplotlib.pyplot.close("all")
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

#: The printed width of a brief chart, in inches (A4 less 15 mm margins is 7.09 in).
WIDTH = 7.0
#: The smallest font size of a brief chart, in points.
FONT = 8.5
#: Rank 1, 2, 3 and 4-or-lower: ColorBrewer Blues (sequential, colour-blind safe), then grey.
RANK_COLOURS = ("#08519c", "#4292c6", "#9ecae1", "#e0e0e0")
#: Strategies a brief chart shows at most.
MOST = 8


def plain_text() -> Any:
    """matplotlib settings that draw every text literally (no mathtext, no TeX)."""
    return {
        "text.usetex": False,
        "text.parse_math": False,
        "svg.fonttype": "none",
        "font.size": FONT,
        "axes.titlesize": FONT + 1.5,
        "axes.labelsize": FONT,
        "xtick.labelsize": FONT,
        "ytick.labelsize": FONT,
        "legend.fontsize": FONT,
    }


def _wrap(name: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(name, width)) or name


def plot_rank_shares(
    frame: Any,
    order: Sequence[str],
    actor: str,
    samples: int,
    method: str,
    most: int = MOST,
    ranked: Sequence[str] = (),
) -> Any:
    """Per strategy (in ``order``, the method's ranking, at most ``most``): the share of
    SMAA draws at rank 1, 2, 3 and lower as one stacked bar, the first-rank share written
    beside it. ``frame`` is the rank acceptability (strategies x ``rank k`` columns); each
    label opens with the strategy's place in ``ranked`` (the method's ranking; ``order``
    when not given)."""
    import matplotlib.pyplot as plt

    shown = list(order)[:most]
    with plt.rc_context(plain_text()):
        figure, axis = plt.subplots(figsize=(WIDTH, 0.36 * len(shown) + 1.15))
        values = frame.loc[shown].to_numpy(dtype=float)
        parts = [
            values[:, 0],
            values[:, 1] if values.shape[1] > 1 else 0 * values[:, 0],
            values[:, 2] if values.shape[1] > 2 else 0 * values[:, 0],
        ]
        parts.append(1.0 - sum(parts))
        rows = list(range(len(shown)))[::-1]
        left = [0.0] * len(shown)
        for colour, label, part in zip(RANK_COLOURS, RANK_WORDS, parts, strict=True):
            axis.barh(rows, part, left=left, color=colour, label=label, edgecolor="white", linewidth=0.5)
            left = [a + float(b) for a, b in zip(left, part, strict=True)]
        for row, share in zip(rows, values[:, 0], strict=True):
            axis.text(
                1.01,
                row,
                f"{100 * share:.0f}% first",
                va="center",
                ha="left",
                fontsize=FONT,
                transform=axis.get_yaxis_transform(),
            )
        places = {name: i + 1 for i, name in enumerate(ranked or order)}
        axis.set_yticks(rows, [_wrap(f"{places.get(name, '')}. {name}") for name in shown])
        axis.set_xlim(0, 1)
        axis.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0%", "25%", "50%", "75%", "100%"])
        axis.set_xlabel(f"share of {samples} random weightings at each rank ({method})")
        axis.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncol=4,
            frameon=False,
            fontsize=FONT,
            handlelength=1.2,
            columnspacing=1.0,
        )
        for side in ("top", "right"):
            axis.spines[side].set_visible(False)
        figure.tight_layout()
    return axis


#: The legend's words for the bar segments, rank 1 to 4-or-lower.
RANK_WORDS = ("first", "second", "third", "fourth or lower")
#: An estimate of a character's width as a share of the font size (DejaVu Sans and Arial
#: average 0.5-0.6): it sets the room left for the labels, which end at the axis.
CHAR_WIDTH = 0.6


def _segments(frame: Any, shown: Sequence[str]) -> list[list[float]]:
    """Per strategy shown: its shares at rank 1, 2, 3 and lower (the same as the bars of
    :func:`plot_rank_shares`)."""
    values = frame.loc[list(shown)].to_numpy(dtype=float)
    rows = []
    for row in values:
        parts = [float(row[k]) if len(row) > k else 0.0 for k in range(3)]
        rows.append([*parts, 1.0 - sum(parts)])
    return rows


def rank_shares_svg(
    frame: Any,
    order: Sequence[str],
    actor: str,
    samples: int,
    method: str,
    most: int = MOST,
    ranked: Sequence[str] = (),
) -> str:
    """:func:`plot_rank_shares` as SVG text, written directly: 7 inches wide (``width`` in
    points, one user unit a point), every text :data:`FONT` points, labels wrapped as there."""
    from decide.rendering.escape import escape_html

    shown = list(order)[:most]
    places = {name: i + 1 for i, name in enumerate(ranked or order)}
    labels = [_wrap(f"{places.get(name, '')}. {name}").split("\n") for name in shown]
    width, row_height, line = WIDTH * 72, 0.36 * 72, FONT * 1.2
    longest = max((len(text) for lines in labels for text in lines), default=1)
    left = min(max(longest * CHAR_WIDTH * FONT + 12, 60.0), 0.5 * width)
    right = width - 54  # room for "100% first"
    top, span = 30.0, right - left
    bottom = top + row_height * len(shown)
    height = bottom + 40
    style = f'style="font-size:{FONT:g}px"'

    def text(x: float, y: float, words: str, anchor: str = "start") -> str:
        return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {style}>{escape_html(words)}</text>'

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}pt" height="{height:.1f}pt" '
        f'viewBox="0 0 {width:g} {height:.1f}" role="img" '
        f'aria-label="{escape_html(actor)}: share of {samples} random weightings at each rank">',
        '<g font-family="DejaVu Sans, Arial, Helvetica, sans-serif" fill="#000000">',
    ]
    x = left
    for colour, word in zip(RANK_COLOURS, RANK_WORDS, strict=True):  # the legend, above the bars
        parts.append(f'<rect x="{x:.1f}" y="8" width="12" height="8.5" fill="{colour}"/>')
        parts.append(text(x + 16, 15.5, word))
        x += 16 + len(word) * CHAR_WIDTH * FONT + 14
    for index, (name_lines, shares) in enumerate(zip(labels, _segments(frame, shown), strict=True)):
        middle = top + row_height * (index + 0.5)
        start = left
        for colour, share in zip(RANK_COLOURS, shares, strict=True):
            size = max(share, 0.0) * span
            parts.append(
                f'<rect x="{start:.2f}" y="{middle - 0.4 * row_height:.2f}" width="{size:.2f}" '
                f'height="{0.8 * row_height:.2f}" fill="{colour}" stroke="#ffffff" stroke-width="0.5"/>'
            )
            start += size
        parts.append(text(right + 4, middle + 0.35 * FONT, f"{100 * shares[0]:.0f}% first"))
        first = middle - (len(name_lines) - 1) * line / 2 + 0.35 * FONT
        parts += [text(left - 6, first + k * line, words, "end") for k, words in enumerate(name_lines)]
    axis = 'stroke="#000000" stroke-width="0.8"'
    parts.append(f'<line x1="{left:.1f}" y1="{top - 4:.1f}" x2="{left:.1f}" y2="{bottom:.1f}" {axis}/>')
    parts.append(f'<line x1="{left:.1f}" y1="{bottom:.1f}" x2="{right:.1f}" y2="{bottom:.1f}" {axis}/>')
    for tick in range(5):
        x = left + span * tick / 4
        parts.append(f'<line x1="{x:.1f}" y1="{bottom:.1f}" x2="{x:.1f}" y2="{bottom + 3.5:.1f}" {axis}/>')
        parts.append(text(x, bottom + 5 + FONT, f"{25 * tick}%", "middle"))
    parts.append(
        text(
            left + span / 2,
            bottom + 10 + 2.2 * FONT,
            f"share of {samples} random weightings at each rank ({method})",
            "middle",
        )
    )
    parts.append("</g></svg>")
    return "\n".join(parts) + "\n"


__all__ = [
    "FONT",
    "MOST",
    "RANK_COLOURS",
    "RANK_WORDS",
    "WIDTH",
    "plain_text",
    "plot_rank_shares",
    "rank_shares_svg",
]
