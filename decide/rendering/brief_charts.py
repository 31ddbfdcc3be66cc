"""The charts of the brief: drawn to be read on an A4 page (every label >= 8 pt when the
figure is printed 7 inches wide), in colour-blind-safe colours, every user text as
plain text (no mathtext: ``$5`` stays ``$5``).

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
        labels = ("first", "second", "third", "fourth or lower")
        for colour, label, part in zip(RANK_COLOURS, labels, parts, strict=True):
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


__all__ = ["FONT", "MOST", "RANK_COLOURS", "WIDTH", "plain_text", "plot_rank_shares"]
